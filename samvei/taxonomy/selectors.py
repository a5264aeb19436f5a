from __future__ import annotations

from django.db.models import QuerySet

from .models import TargetGroup, WelfareArea


def welfare_area_list() -> QuerySet[WelfareArea]:
    return WelfareArea.objects.all()


def target_group_list() -> QuerySet[TargetGroup]:
    return TargetGroup.objects.all()
