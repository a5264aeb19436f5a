"""One pagination shape for every list in the open API: `{"count": N, "items": [...]}` with limit/offset."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT: int = getattr(settings, "NINJA_PAGINATION_PER_PAGE", 50)
MAX_LIMIT: int = getattr(settings, "NINJA_PAGINATION_MAX_LIMIT", 500)
# Far beyond any list we hold, and far below what the databases' 64-bit OFFSET overflows on.
MAX_OFFSET = 1_000_000_000


class CountItemsPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
