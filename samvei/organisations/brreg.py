"""Reading Enhetsregisteret's units: one record of the bulk file or one answer of the online API, which share a
shape, becomes a `RegisterData`. The online look-up sits behind a Protocol and is off unless
`SAMVEI_BRREG_LOOKUP` is set, so tests and installations without network never call out."""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from .register_models import RegisterEntry
from .validators import validate_org_number

API_URL = "https://data.brreg.no/enhetsregisteret/api/enheter/"
TIMEOUT_SECONDS = 5.0
MAX_RESPONSE_BYTES = 1024 * 1024
NAME_MAX_LENGTH = 300
FORM_MAX_LENGTH = 10
SECTOR_MAX_LENGTH = 4
ORG_NUMBER = re.compile(r"[0-9]{9}")

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RegisterData:
    """What Samvei keeps of a unit: enough to tell whether a profile names it truthfully."""

    org_number: str
    name: str
    organisation_form: str = ""
    sector_code: str = ""
    bankrupt: bool = False
    under_liquidation: bool = False
    under_forced_dissolution: bool = False
    deleted_on: date | None = None
    registered_on: date | None = None

    def entry(self, *, source: str, fetched_at: datetime) -> RegisterEntry:
        return RegisterEntry(
            org_number=self.org_number,
            name=self.name,
            organisation_form=self.organisation_form,
            sector_code=self.sector_code,
            bankrupt=self.bankrupt,
            under_liquidation=self.under_liquidation,
            under_forced_dissolution=self.under_forced_dissolution,
            deleted_on=self.deleted_on,
            registered_on=self.registered_on,
            source=source,
            fetched_at=fetched_at,
        )


def register_data_from_enhet(record: object) -> RegisterData | None:
    """The unit a record describes, or None when it has no valid organisation number or usable name. Lenient
    elsewhere: a flag that is not `true` is false, and a date that does not parse is unknown."""
    if not isinstance(record, dict):
        return None
    org_number = record.get("organisasjonsnummer")
    if not isinstance(org_number, str) or not _valid_org_number(org_number):
        return None
    deleted_on = _date(record.get("slettedato"))
    name = _clean_text(record.get("navn"), limit=NAME_MAX_LENGTH)
    if name is None or (not name and deleted_on is None):
        return None
    form = record.get("organisasjonsform")
    form_code = _clean_text(form.get("kode") if isinstance(form, dict) else None, limit=FORM_MAX_LENGTH)
    sector = record.get("institusjonellSektorkode")
    sector_code = _clean_text(sector.get("kode") if isinstance(sector, dict) else None, limit=SECTOR_MAX_LENGTH)
    return RegisterData(
        org_number=org_number,
        name=name,
        organisation_form=form_code or "",
        sector_code=sector_code or "",
        bankrupt=record.get("konkurs") is True,
        under_liquidation=record.get("underAvvikling") is True,
        under_forced_dissolution=record.get("underTvangsavviklingEllerTvangsopplosning") is True,
        deleted_on=deleted_on,
        registered_on=_date(record.get("registreringsdatoEnhetsregisteret")),
    )


def _valid_org_number(value: str) -> bool:
    try:
        validate_org_number(value)
    except ValidationError:
        return False
    return True


def _clean_text(value: object, *, limit: int) -> str | None:
    """Text a database column stores (no NUL, no lone surrogates, not too long), stripped; None otherwise.
    Absent is the empty string."""
    if value is None:
        return ""
    if not isinstance(value, str) or "\x00" in value or len(value) > limit:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value.strip()


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# Online look-up --------------------------------------------------------------------------------------------


class LookupFailed(Exception):
    """Enhetsregisteret could not be asked or gave an answer we cannot read; the caller treats it as unknown."""


class EnhetsregisteretClient(Protocol):
    def lookup(self, org_number: str) -> RegisterData | None:
        """The unit, or None when Enhetsregisteret has none with this number. Raises LookupFailed."""


Opener = Callable[..., Any]  # urllib.request.urlopen's shape: (request, timeout=...) -> response


class HttpEnhetsregisteretClient:
    """GET {API_URL}{orgnr}: 200 is the unit, 410 Gone a deleted unit (with `slettedato`), 404 none."""

    def __init__(
        self, *, base_url: str = API_URL, timeout: float = TIMEOUT_SECONDS, opener: Opener | None = None
    ) -> None:
        if not base_url.startswith("https://"):
            raise ValueError("Enhetsregisteret is asked over https only")
        self._base_url = base_url
        self._timeout = timeout
        self._opener = opener

    def lookup(self, org_number: str) -> RegisterData | None:
        if not ORG_NUMBER.fullmatch(org_number):
            return None
        url = self._base_url + org_number
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - https only
        opener = self._opener or urllib.request.urlopen  # looked up per call, so tests can replace it
        try:
            with opener(request, timeout=self._timeout) as response:
                body = response.read(MAX_RESPONSE_BYTES)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            if error.code != 410:
                raise LookupFailed(f"Enhetsregisteret answered {error.code}") from error
            body = error.read(MAX_RESPONSE_BYTES)
            return self._deleted(org_number, body)
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise LookupFailed(str(error)) from error
        data = register_data_from_enhet(_json(body))
        if data is None or data.org_number != org_number:
            raise LookupFailed("Enhetsregisteret's answer is not the unit asked for")
        return data

    def _deleted(self, org_number: str, body: bytes) -> RegisterData:
        record = _json(body)
        data = register_data_from_enhet(record)
        if data is not None and data.org_number == org_number and data.deleted_on is not None:
            return data
        # Gone, but the body does not say when: it is deleted all the same.
        deleted_on = _date(record.get("slettedato")) if isinstance(record, dict) else None
        return RegisterData(org_number=org_number, name="", deleted_on=deleted_on or timezone.localdate())


def _json(body: bytes) -> object:
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as error:
        raise LookupFailed("Enhetsregisteret's answer is not JSON") from error


def client_from_settings() -> EnhetsregisteretClient | None:
    """The online look-up when `SAMVEI_BRREG_LOOKUP` is on; None (local data only) by default."""
    if not settings.SAMVEI_BRREG_LOOKUP:
        return None
    return HttpEnhetsregisteretClient()
