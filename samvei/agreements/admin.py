from django.contrib import admin

from .models import AgreementTemplate


@admin.register(AgreementTemplate)
class AgreementTemplateAdmin(admin.ModelAdmin[AgreementTemplate]):
    """Staff add a new version (or close an old one with «in force until») without a change in code."""

    list_display = ["title_nb", "route_key", "version", "effective_from", "effective_to", "verified_on"]
    list_filter = ["route_key"]
    search_fields = ["key", "title_nb", "note_nb"]
    autocomplete_fields = ["source"]
    save_as = True
