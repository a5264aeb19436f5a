from django.contrib import admin

from .models import County, Municipality


@admin.register(County)
class CountyAdmin(admin.ModelAdmin[County]):
    list_display = ["number", "name"]
    search_fields = ["name", "number"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    list_display = ["number", "name", "county", "population", "written_language"]
    list_filter = ["county", "written_language"]
    search_fields = ["name", "sami_kven_name", "number"]
