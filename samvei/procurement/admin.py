from django.contrib import admin

from .models import Route, Rule, Threshold


@admin.register(Threshold)
class ThresholdAdmin(admin.ModelAdmin[Threshold]):
    list_display = ["kind", "buyer", "category", "value_nok", "status", "effective_from", "effective_to", "verified"]
    list_filter = ["kind", "buyer", "category", "status", "verified"]
    search_fields = ["key", "legal_basis", "note_nb"]
    autocomplete_fields = ["source"]


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin[Rule]):
    list_display = ["key", "citation", "citation_verified", "effective_from", "effective_to", "verified", "verified_on"]
    list_filter = ["kind", "verified", "citation_verified"]
    search_fields = ["key", "citation", "title_nb", "statement_nb"]
    autocomplete_fields = ["source"]


@admin.register(Route)
class RouteAdmin(admin.ModelAdmin[Route]):
    list_display = ["key", "kind", "name_nb", "effective_from", "effective_to", "revised_on"]
    list_filter = ["kind"]
    search_fields = ["key", "name_nb", "explanation_nb"]
    filter_horizontal = ["rules"]
