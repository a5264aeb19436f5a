"""Indicators and measurements through the API, for a key whose organisation is a party of the collaboration:
a municipality's system can report its numbers each month without anyone typing them in."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from typing_extensions import TypeAliasType

from samvei.apikeys.api_auth import TokenAuth, token_of
from samvei.apikeys.models import ApiToken
from samvei.collaborations.models import Collaboration
from samvei.core.api_errors import ValidationErrorOut
from samvei.core.api_writes import form_data, form_refusal, service_refusal
from samvei.core.limits import SHORT_TEXT, TITLE

from . import permissions
from .forms.indicators import IndicatorForm, MeasurementForm
from .models import Indicator
from .services import indicators as services

router = Router(tags=["writing"], auth=TokenAuth())

# Named for the OpenAPI document, apart from other enums called `Direction`.
IndicatorDirection = TypeAliasType("IndicatorDirection", Indicator.Direction)


class IndicatorIn(Schema):
    name: str = Field(max_length=TITLE)
    unit: str = Field(max_length=50)
    direction: IndicatorDirection
    data_source: str = Field(max_length=SHORT_TEXT, description="Where the numbers come from.")
    baseline: Decimal | None = None
    baseline_on: date | None = None
    target: Decimal | None = None
    target_on: date | None = None
    outcome: int | None = Field(None, description="An output, outcome or impact of this collaboration's logic model.")


class IndicatorOut(Schema):
    id: int
    collaboration_id: int
    name: str
    unit: str
    direction: str
    baseline: Decimal | None
    target: Decimal | None


class MeasurementIn(Schema):
    measured_on: date
    value: Decimal
    note: str = Field("", max_length=SHORT_TEXT)


class MeasurementOut(Schema):
    id: int
    indicator_id: int
    measured_on: date
    value: Decimal
    note: str
    created_at: datetime


def _collaboration(token: ApiToken, collaboration_id: int) -> Collaboration:
    """The key's organisation must be a party; to anyone else the collaboration does not exist."""
    collaboration = Collaboration.objects.filter(pk=collaboration_id).first()
    if (
        collaboration is None
        or token.organisation_id not in collaboration.party_ids
        or not permissions.can_edit_effects(user=token.user, collaboration=collaboration)
    ):
        raise HttpError(404, _("There is no such collaboration."))
    return collaboration


@router.post(
    "/collaborations/{collaboration_id}/indicators",
    response={201: IndicatorOut, 422: ValidationErrorOut},
    summary="Add an indicator to a collaboration the key's organisation is a party of",
)
def indicator_create_api(request: HttpRequest, collaboration_id: int, payload: IndicatorIn) -> Status[Any]:
    token = token_of(request)
    collaboration = _collaboration(token, collaboration_id)
    form = IndicatorForm(form_data(payload), collaboration=collaboration)
    if not form.is_valid():
        return form_refusal(form)
    try:
        indicator = services.indicator_add(collaboration=collaboration, actor=token.user, **form.cleaned_data)
    except ValidationError as error:
        return service_refusal(error)
    return Status(201, indicator)


@router.post(
    "/collaborations/{collaboration_id}/indicators/{indicator_id}/measurements",
    response={201: MeasurementOut, 422: ValidationErrorOut},
    summary="Add one day's value of an indicator; a day that already has a value is refused",
)
def measurement_create_api(
    request: HttpRequest, collaboration_id: int, indicator_id: int, payload: MeasurementIn
) -> Status[Any]:
    token = token_of(request)
    collaboration = _collaboration(token, collaboration_id)
    indicator = collaboration.indicators.filter(pk=indicator_id).first()
    if indicator is None:
        raise HttpError(404, _("There is no such indicator."))
    form = MeasurementForm(form_data(payload), prefix="")
    if not form.is_valid():
        return form_refusal(form)
    try:
        measurement = services.measurement_add(indicator=indicator, actor=token.user, **form.cleaned_data)
    except ValidationError as error:
        return service_refusal(error)
    return Status(201, measurement)
