from django.http import HttpRequest
from ninja import Router

from .models import County
from .schemas import CountyWithNamesOut
from .selectors import county_list

router = Router(tags=["municipalities"])


@router.get("/counties", response=list[CountyWithNamesOut], summary="List counties")
def county_list_api(request: HttpRequest) -> list[County]:
    return list(county_list())
