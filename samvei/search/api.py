from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from .selectors import search
from .text import MAX_QUERY_LENGTH

router = Router(tags=["search"])


class SearchQuerySchema(Schema):
    q: str = Field("", max_length=MAX_QUERY_LENGTH, description="Words to search for, in bokmål or nynorsk")
    kind: str | None = Field(None, max_length=30)
    welfare_area: str | None = Field(None, max_length=50)
    county: str | None = Field(None, pattern=r"^[0-9]{2}$")
    limit: int = Field(20, ge=1, le=100, description="Hits to return (the count covers all)")


class HitOut(Schema):
    kind: str
    title: str
    url: str
    snippet: str


class SearchOut(Schema):
    count: int
    items: list[HitOut]
    facets: dict[str, dict[str, int]]


@router.get("/search", response=SearchOut, summary="Search everything public")
def search_api(request: HttpRequest, query: Query[SearchQuerySchema]) -> dict[str, object]:
    """An empty or symbol-only query answers with no hits."""
    result = search(
        query=query.q, kind=query.kind, welfare_area=query.welfare_area, county=query.county, limit=query.limit
    )
    return {
        "count": result.total,
        "items": result.hits,
        "facets": {
            "kind": dict(result.kinds),
            "welfare_area": dict(result.welfare_areas),
            "county": dict(result.counties),
        },
    }
