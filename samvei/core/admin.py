from django.contrib import admin

from .models import Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin[Source]):
    list_display = ["title", "publisher", "retrieved_on"]
    search_fields = ["title", "publisher", "url"]
