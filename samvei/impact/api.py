"""POST /api/v1/impact/sroi: the SROI arithmetic for any figures, with nothing stored; the same document as
`manage.py sroi FILE --json`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from django.http import HttpRequest
from ninja import Router
from ninja.errors import ValidationError
from ninja.params.models import Body, BodyModel

from .schemas import SroiRequest, SroiResultOut, sroi_document

if TYPE_CHECKING:
    from ninja import NinjaAPI

router = Router(tags=["impact"])


class _JsonBodyModel(BodyModel):
    """Ninja answers a body that is not JSON with a bare 400; this answers it as invalid input (422) in the
    API's one error shape, naming the body, as for any other mistake in it."""

    @classmethod
    def get_request_data(
        cls, request: HttpRequest, api: NinjaAPI, path_params: dict[str, Any]
    ) -> dict[str, Any] | None:
        try:
            return super().get_request_data(request, api, path_params)
        except Exception as error:
            raise ValidationError([{"loc": ["body"], "type": "json_invalid", "msg": "Not JSON"}]) from error


class _JsonBody(Body):  # type: ignore[misc]
    _model = _JsonBodyModel

    @classmethod
    def _param_source(cls) -> str:
        return "body"


@router.post(
    "/impact/sroi",
    response=SroiResultOut,
    by_alias=True,
    summary="Social return on investment for the figures sent; nothing is stored",
)
def sroi_api(request: HttpRequest, payload: Annotated[SroiRequest, _JsonBody(...)]) -> dict[str, Any]:
    """Per outcome, year 1 is quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution) and
    each later year the year before × (1 − drop_off); values are discounted by (1 + rate)^year ("A guide to
    Social Return on Investment", Cabinet Office 2012). `sensitivity` gives the ratio with each adjustment half
    and one and a half times as large (at most 1), and at discount rates of 2 % and 6 %."""
    return sroi_document(request=payload)
