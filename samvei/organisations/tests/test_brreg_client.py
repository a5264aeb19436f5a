"""The optional online look-up: read from stored answers, never the network, and off unless switched on."""

import datetime
import io
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from samvei.organisations.brreg import (
    HttpEnhetsregisteretClient,
    LookupFailed,
    RegisterData,
    client_from_settings,
    register_data_from_enhet,
)
from samvei.organisations.models import RegisterEntry, VerificationReason
from samvei.organisations.register import Outcome, register_check

from .register_factories import RegisterEntryFactory

DATA = Path(__file__).parent / "data"
BRREG = "974760673"
DELETED = "891000006"


def stored(name: str) -> bytes:
    return (DATA / name).read_bytes()


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class FakeOpener:
    """Answers like urlopen from stored bytes or an HTTP status, and remembers what was asked."""

    def __init__(self, *, body: bytes = b"", status: int = 200, error: Exception | None = None):
        self.body, self.status, self.error = body, status, error
        self.requests: list[urllib.request.Request] = []

    def __call__(self, request, timeout):
        self.requests.append(request)
        if self.error is not None:
            raise self.error
        if self.status != 200:
            raise urllib.error.HTTPError(request.full_url, self.status, "error", {}, io.BytesIO(self.body))
        return FakeResponse(self.body)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any call that would reach the network fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to reach the network")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def test_the_stored_answer_is_read_into_register_data():
    data = register_data_from_enhet(json.loads(stored(f"brreg_enhet_{BRREG}.json")))

    assert data == RegisterData(
        org_number=BRREG,
        name="REGISTERENHETEN I BRØNNØYSUND",
        organisation_form="ORGL",
        sector_code="6100",
        registered_on=datetime.date(1995, 8, 9),
    )


@pytest.mark.parametrize(
    "record",
    [None, [], {"navn": "UTEN NUMMER AS"}, {"organisasjonsnummer": "123456789", "navn": "FEIL AS"}],
    ids=["null", "list", "no number", "bad check digit"],
)
def test_a_record_without_a_valid_number_is_not_register_data(record):
    assert register_data_from_enhet(record) is None


def test_the_client_asks_for_the_unit_and_reads_the_answer():
    opener = FakeOpener(body=stored(f"brreg_enhet_{BRREG}.json"))

    data = HttpEnhetsregisteretClient(opener=opener).lookup(BRREG)

    assert data.name == "REGISTERENHETEN I BRØNNØYSUND"
    assert opener.requests[0].full_url == f"https://data.brreg.no/enhetsregisteret/api/enheter/{BRREG}"


def test_a_deleted_unit_answered_with_410_is_deleted():
    opener = FakeOpener(body=stored(f"brreg_enhet_slettet_{DELETED}.json"), status=410)

    data = HttpEnhetsregisteretClient(opener=opener).lookup(DELETED)

    assert (data.name, data.deleted_on.isoformat()) == ("NEDLAGT EKSEMPEL AS", "2022-08-09")


def test_a_number_enhetsregisteret_does_not_know_is_none():
    assert HttpEnhetsregisteretClient(opener=FakeOpener(status=404)).lookup(BRREG) is None


@pytest.mark.parametrize(
    "opener",
    [
        FakeOpener(status=500),
        FakeOpener(error=urllib.error.URLError("no route")),
        FakeOpener(error=TimeoutError()),
        FakeOpener(body=b"<html>not json</html>"),
        FakeOpener(body=stored(f"brreg_enhet_slettet_{DELETED}.json")),  # another unit than asked for
    ],
    ids=["server error", "no network", "timeout", "not JSON", "another unit"],
)
def test_a_failed_look_up_raises_lookup_failed(opener):
    with pytest.raises(LookupFailed):
        HttpEnhetsregisteretClient(opener=opener).lookup(BRREG)


def test_a_malformed_number_is_never_sent():
    opener = FakeOpener(body=b"{}")

    assert HttpEnhetsregisteretClient(opener=opener).lookup("../../x") is None
    assert opener.requests == []


def test_the_look_up_is_off_by_default(settings):
    assert settings.SAMVEI_BRREG_LOOKUP is False
    assert client_from_settings() is None


@pytest.mark.django_db
def test_with_the_look_up_off_an_unknown_number_stays_unknown_without_a_network_call():
    check = register_check(org_number=BRREG, name="Registerenheten i Brønnøysund")

    assert (check.outcome, check.reason) == (Outcome.UNKNOWN, VerificationReason.NOT_IN_REGISTER)


@pytest.mark.django_db
def test_with_the_look_up_on_a_number_missing_locally_is_looked_up_and_kept(settings, monkeypatch):
    settings.SAMVEI_BRREG_LOOKUP = True
    opener = FakeOpener(body=stored(f"brreg_enhet_{BRREG}.json"))
    monkeypatch.setattr(urllib.request, "urlopen", opener)

    check = register_check(org_number=BRREG, name="Registerenheten i Brønnøysund")

    entry = RegisterEntry.objects.get(org_number=BRREG)
    assert check.outcome == Outcome.MATCH
    assert (entry.source, entry.organisation_form) == (RegisterEntry.Source.ONLINE_LOOKUP, "ORGL")
    assert len(opener.requests) == 1


@pytest.mark.django_db
def test_with_the_look_up_on_the_local_register_is_asked_first(settings, monkeypatch):
    settings.SAMVEI_BRREG_LOOKUP = True
    RegisterEntryFactory(org_number=BRREG, name="REGISTERENHETEN I BRØNNØYSUND")
    opener = FakeOpener(body=b"{}")
    monkeypatch.setattr(urllib.request, "urlopen", opener)

    assert register_check(org_number=BRREG, name="Registerenheten i Brønnøysund").outcome == Outcome.MATCH
    assert opener.requests == []


@pytest.mark.django_db
def test_a_failed_look_up_leaves_the_number_unknown(settings, monkeypatch):
    settings.SAMVEI_BRREG_LOOKUP = True
    monkeypatch.setattr(urllib.request, "urlopen", FakeOpener(error=urllib.error.URLError("down")))

    check = register_check(org_number=BRREG, name="Hva Som Helst")

    assert check.outcome == Outcome.UNKNOWN
    assert not RegisterEntry.objects.exists()


def test_the_client_refuses_an_address_that_is_not_https():
    with pytest.raises(ValueError, match="https"):
        HttpEnhetsregisteretClient(base_url="file:///etc/")
