from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Staff see which keys exist and revoke one that leaked; a key is made only by its owner, on the profile
    page, since the key itself is shown once and never stored."""

    list_display = ["name", "user", "organisation", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__email", "organisation__name", "prefix"]
    readonly_fields = ["user", "organisation", "name", "prefix", "created_at", "expires_at", "last_used_at"]
    fields = [*readonly_fields]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Revoke the chosen keys"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("%(count)s keys revoked.") % {"count": count})
