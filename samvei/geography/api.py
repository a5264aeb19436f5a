from django.http import HttpRequest
from ninja import Router, Schema

from .models import County
from .selectors import county_list

router = Router(tags=["municipalities"])


class CountyOut(Schema):
    number: str
    name: str


@router.get("/counties", response=list[CountyOut], summary="List counties")
def county_list_api(request: HttpRequest) -> list[County]:
    return list(county_list())
