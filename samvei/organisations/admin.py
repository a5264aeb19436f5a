from django.contrib import admin

from .models import Organisation, RegisterEntry


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "org_number", "verification_status"]
    list_filter = ["kind", "verification_status"]
    search_fields = ["name", "org_number"]
    raw_id_fields = ["municipality", "county", "verification_checked_by"]


@admin.register(RegisterEntry)
class RegisterEntryAdmin(admin.ModelAdmin[RegisterEntry]):
    """Read-only: the register is Brønnøysund's, refreshed by imports and look-ups, never edited here."""

    list_display = ["org_number", "name", "organisation_form", "bankrupt", "deleted_on", "source", "fetched_at"]
    list_filter = ["organisation_form", "bankrupt", "under_liquidation", "source"]
    search_fields = ["org_number", "name"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
