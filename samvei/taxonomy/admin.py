from django.contrib import admin

from .models import TargetGroup, WelfareArea


@admin.register(WelfareArea, TargetGroup)
class TermAdmin(admin.ModelAdmin[WelfareArea | TargetGroup]):
    list_display = ["code", "name_nb", "name_en", "position"]
