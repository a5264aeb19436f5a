from django.contrib import admin

from .models import Threshold


@admin.register(Threshold)
class ThresholdAdmin(admin.ModelAdmin[Threshold]):
    list_display = ["kind", "buyer", "category", "value_nok", "status", "effective_from", "effective_to", "verified"]
    list_filter = ["kind", "buyer", "category", "status", "verified"]
    search_fields = ["key", "legal_basis", "note_nb"]
    autocomplete_fields = ["source"]
