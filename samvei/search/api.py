from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from samvei.core.api_errors import ErrorOut
from samvei.core.rate_limits import allow_request, api_refusal

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


@router.get(
    "/search",
    response={200: SearchOut, 429: ErrorOut},  # 429: too many searches from this address; wait Retry-After
    summary="Search everything public",
)
def search_api(request: HttpRequest, response: HttpResponse, query: Query[SearchQuerySchema]) -> object:
    """An empty or symbol-only query answers with no hits."""
    if not allow_request(request, action="search"):
        return api_refusal(response, action="search")
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
