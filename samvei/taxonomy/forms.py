from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import TargetGroup, WelfareArea
from .selectors import target_group_list, welfare_area_list


def _code_choices(terms: QuerySet[WelfareArea] | QuerySet[TargetGroup], empty: str) -> list[tuple[str, str]]:
    return [("", empty)] + [(term.code, term.name) for term in terms]


def welfare_area_choices() -> list[tuple[str, str]]:
    return _code_choices(welfare_area_list(), str(_("All welfare areas")))


def target_group_choices() -> list[tuple[str, str]]:
    return _code_choices(target_group_list(), str(_("All target groups")))
