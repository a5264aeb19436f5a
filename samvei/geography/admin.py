from django.contrib import admin
from django.http import HttpRequest

from .models import County, EntryPoint, Municipality, PlaceName


class PlaceNameInline(admin.TabularInline[PlaceName, County | Municipality]):
    """Shown, not edited: the loader makes the rows equal to data/official-names.csv after every migrate."""

    model = PlaceName
    extra = 0
    fields = ["name", "language", "language_verified", "valid_from", "source", "source_date", "checked_on", "note"]
    readonly_fields = [
        "name",
        "language",
        "language_verified",
        "valid_from",
        "source",
        "source_date",
        "checked_on",
        "note",
    ]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: County | Municipality | None = None) -> bool:
        return False


class EntryPointInline(admin.StackedInline[EntryPoint, County | Municipality]):
    """Only an address the place states itself, with the page that states it."""

    model = EntryPoint
    extra = 0
    fields = ["email", "postal_address", "page_url", "source", "source_url", "source_date", "checked_on"]


@admin.register(County)
class CountyAdmin(admin.ModelAdmin[County]):
    list_display = ["number", "name"]
    search_fields = ["name", "names__name", "number"]
    inlines = [EntryPointInline, PlaceNameInline]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    list_display = ["number", "name", "county", "population", "written_language"]
    list_filter = ["county", "written_language"]
    search_fields = ["name", "names__name", "number"]
    inlines = [EntryPointInline, PlaceNameInline]
