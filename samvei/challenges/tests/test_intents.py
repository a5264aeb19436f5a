"""A challenge states what it is (market exploration, pilot, planned procurement or grant call) and which
collaboration forms it is open to: chosen by its owner, required to publish, shown on its page and in the API."""

import datetime
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samvei.challenges.demo_data import DEMO_FILE, demo_challenges_load
from samvei.challenges.importing import challenges_import
from samvei.challenges.intents import HINTS, STATEMENTS
from samvei.challenges.models import Challenge
from samvei.challenges.services import challenge_create, challenge_transition, challenge_update
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import OrganisationFactory
from samvei.procurement.models import Route

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db

NEXT_MONTH = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
CHALLENGE = {"title": "Ensomhet", "description": "Beboere får få besøk.", "deadline": NEXT_MONTH}


def _route(key, kind="form", name="Pilotavtale (test)"):
    return Route.objects.create(
        key=key,
        kind=kind,
        name_nb=name,
        name_en=name,
        explanation_nb="x",
        explanation_en="x",
        effective_from="2017-01-01",
        revised_on="2026-12-03",
    )


@pytest.fixture
def form_route():
    return _route("test-pilot-form")


@pytest.fixture
def procedure_route():
    return _route("test-procedure", kind="procedure", name="Konkurranse (test)")


@pytest.fixture
def undecided(stavanger):
    return ChallengeFactory(owner=stavanger, status="draft", published_at=None, intent="")


# Required to publish ---------------------------------------------------------------------------------------------


def test_a_draft_without_an_intent_cannot_be_published(undecided, owner_member):
    with pytest.raises(ValidationError) as refused:
        challenge_transition(challenge=undecided, actor=owner_member, to_status="published")

    assert refused.value.error_dict["intent"][0].code == "intent_missing"
    undecided.refresh_from_db()
    assert undecided.status == "draft"


def test_publishing_a_draft_without_an_intent_on_the_page_explains_why_and_keeps_it_a_draft(
    client, undecided, owner_member
):
    client.force_login(owner_member)

    response = client.post(
        reverse("challenges:transition", kwargs={"pk": undecided.pk}), {"to_status": "published"}, follow=True
    )

    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    undecided.refresh_from_db()
    assert (undecided.status, undecided.published_at) == ("draft", None)


def test_the_owner_of_a_draft_without_an_intent_is_told_to_choose_one(client, undecided, owner_member):
    client.force_login(owner_member)

    page = client.get(undecided.get_absolute_url()).text

    edit = reverse("challenges:edit", kwargs={"pk": undecided.pk})
    assert re.search(rf'<div class="ds-alert section" data-color="warning">.*href="{edit}"', page)
    assert reverse("procurement:advisor") + "?" not in page


# The form ------------------------------------------------------------------------------------------------------


def test_the_form_shows_every_intent_with_its_hint_tied_to_the_choice(client, owner_member):
    client.force_login(owner_member)

    page = client.get(reverse("challenges:create")).text

    for number, (value, _label) in enumerate(Challenge.Intent.choices):
        assert f'value="{value}" id="id_intent_{number}" aria-describedby="id_intent_{number}-hint"' in page
        assert f'id="id_intent_{number}-hint">{HINTS[value]}</div>' in page
    assert not re.search(r'name="intent"[^>]* checked', page), "a new challenge has no intent chosen for it"


def test_a_challenge_without_an_intent_is_refused_on_the_form_and_nothing_is_saved(client, owner_member):
    client.force_login(owner_member)

    response = client.post(reverse("challenges:create"), CHALLENGE)

    assert response.status_code == 400
    assert response.context["form"].has_error("intent", "required")
    assert 'href="#id_intent_0"' in response.text
    assert not Challenge.objects.exists()


def test_an_unknown_intent_is_refused_on_the_form_and_nothing_is_saved(client, owner_member):
    client.force_login(owner_member)

    response = client.post(reverse("challenges:create"), {**CHALLENGE, "intent": "tender"})

    assert response.status_code == 400
    assert response.context["form"].has_error("intent", "invalid_choice")
    assert not Challenge.objects.exists()


def test_a_procedure_offered_as_an_open_form_is_refused_on_the_form_and_nothing_is_saved(
    client, owner_member, procedure_route
):
    client.force_login(owner_member)

    response = client.post(
        reverse("challenges:create"), {**CHALLENGE, "intent": "pilot", "open_forms": [procedure_route.key]}
    )

    assert response.status_code == 400
    assert response.context["form"].has_error("open_forms", "invalid_choice")
    assert not Challenge.objects.exists()


def test_the_owner_saves_the_intent_and_the_open_forms(client, owner_member, form_route):
    client.force_login(owner_member)

    client.post(reverse("challenges:create"), {**CHALLENGE, "intent": "pilot", "open_forms": [form_route.key]})

    challenge = Challenge.objects.get()
    assert challenge.intent == "pilot"
    assert list(challenge.open_forms.all()) == [form_route]


def test_the_owner_changes_the_intent_on_the_edit_form(client, challenge, owner_member):
    client.force_login(owner_member)

    response = client.post(reverse("challenges:edit", kwargs={"pk": challenge.pk}), {**CHALLENGE, "intent": "grant"})

    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.intent == "grant"


@pytest.mark.parametrize(("who", "status"), [("other_body_member", 403), ("entrepreneur", 403)])
def test_only_the_owner_may_change_the_intent(client, request, challenge, who, status):
    client.force_login(request.getfixturevalue(who))

    response = client.post(reverse("challenges:edit", kwargs={"pk": challenge.pk}), {**CHALLENGE, "intent": "grant"})

    assert response.status_code == status
    challenge.refresh_from_db()
    assert challenge.intent == "exploration"


def test_an_anonymous_visitor_is_sent_to_sign_in_and_changes_nothing(client, challenge):
    response = client.post(reverse("challenges:edit", kwargs={"pk": challenge.pk}), {**CHALLENGE, "intent": "grant"})

    assert response.status_code == 302
    assert reverse("account_login") in response.url
    challenge.refresh_from_db()
    assert challenge.intent == "exploration"


# The services --------------------------------------------------------------------------------------------------


def test_the_service_refuses_an_unknown_intent_and_saves_nothing(stavanger):
    with pytest.raises(ValidationError) as refused:
        challenge_create(owner=stavanger, actor=None, data={**CHALLENGE, "deadline": None, "intent": "tender"})

    assert "intent" in refused.value.error_dict
    assert not Challenge.objects.exists()


def test_the_service_refuses_a_procedure_as_an_open_form_and_saves_nothing(stavanger, procedure_route):
    data = {"title": "T", "description": "D", "intent": "pilot", "open_forms": [procedure_route]}

    with pytest.raises(ValidationError) as refused:
        challenge_create(owner=stavanger, actor=None, data=data)

    assert refused.value.error_dict["open_forms"][0].code == "not_a_form"
    assert procedure_route.name in refused.value.messages[0]
    assert not Challenge.objects.exists()


def test_an_update_with_a_procedure_keeps_the_forms_it_had(challenge, owner_member, form_route, procedure_route):
    challenge.open_forms.set([form_route])

    with pytest.raises(ValidationError):
        challenge_update(challenge=challenge, actor=owner_member, data={"open_forms": [procedure_route]})

    assert list(challenge.open_forms.all()) == [form_route]


# The page ------------------------------------------------------------------------------------------------------


def test_the_page_says_plainly_that_an_exploration_is_not_a_tender(client, challenge):
    page = client.get(challenge.get_absolute_url()).text

    assert str(Challenge.Intent.EXPLORATION.label) in page
    assert str(STATEMENTS["exploration"]) in page


def test_the_page_links_each_open_form_to_its_catalogue_entry(client, challenge, form_route):
    challenge.open_forms.set([form_route])

    page = client.get(challenge.get_absolute_url()).text

    assert f'<a class="ds-link" href="{form_route.get_absolute_url()}">{form_route.name}</a>' in page


def test_the_advisor_link_tells_who_buys_and_today_and_nothing_it_would_guess(client, challenge):
    response = client.get(challenge.get_absolute_url())

    today = timezone.localdate().isoformat()
    assert response.context["advisor_url"] == f"{reverse('procurement:advisor')}?buyer=municipality&date={today}"
    assert f'href="{reverse("procurement:advisor")}?buyer=municipality&amp;date={today}"' in response.text


def test_the_advisor_link_leaves_out_the_buyer_when_the_owner_kind_is_not_one_the_advisor_knows(client):
    association = OrganisationFactory(kind=Organisation.Kind.PUBLIC_SECTOR_ASSOCIATION)
    challenge = ChallengeFactory(owner=association, municipality=None)

    url = client.get(challenge.get_absolute_url()).context["advisor_url"]

    assert url == f"{reverse('procurement:advisor')}?date={timezone.localdate().isoformat()}"


def test_the_list_card_names_the_intent(client, stavanger):
    ChallengeFactory(owner=stavanger, intent="grant")

    assert str(Challenge.Intent.GRANT.label) in client.get(reverse("challenges:list")).text


# Filtering -----------------------------------------------------------------------------------------------------


def test_the_list_filters_by_intent(client, stavanger):
    pilot = ChallengeFactory(owner=stavanger, intent="pilot")
    ChallengeFactory(owner=stavanger, intent="exploration")

    response = client.get(reverse("challenges:list"), {"intent": "pilot"})

    assert [c.pk for c in response.context["page"].object_list] == [pilot.pk]


def test_the_list_explains_an_unknown_intent(client):
    response = client.get(reverse("challenges:list"), {"intent": "tender"})

    assert response.status_code == 400
    assert response.context["form"].has_error("intent", "invalid_choice")


def test_the_api_filters_by_intent_and_refuses_an_unknown_one(client, stavanger):
    grant = ChallengeFactory(owner=stavanger, intent="grant")
    ChallengeFactory(owner=stavanger)

    found = client.get("/api/v1/challenges", {"intent": "grant"}).json()

    assert [item["id"] for item in found["items"]] == [grant.pk]
    assert client.get("/api/v1/challenges", {"intent": "tender"}).status_code == 422


# The API -------------------------------------------------------------------------------------------------------


def test_the_api_gives_the_intent_and_the_keys_of_the_open_forms(client, challenge, form_route):
    challenge.open_forms.set([form_route])

    listed = client.get("/api/v1/challenges").json()["items"][0]
    detail = client.get(f"/api/v1/challenges/{challenge.pk}").json()

    assert (listed["intent"], listed["open_forms"]) == ("exploration", [form_route.key])
    assert (detail["intent"], detail["open_forms"]) == ("exploration", [form_route.key])


def test_the_openapi_document_describes_intent_as_its_own_enum(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    assert schemas["ChallengeIntent"]["enum"] == Challenge.Intent.values
    assert schemas["ChallengeOut"]["properties"]["open_forms"]["type"] == "array"


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("where", ["api", "page"])
def test_the_list_costs_the_same_queries_with_more_challenges_and_forms(client, stavanger, where):
    routes = [_route(f"test-form-{number}") for number in range(3)]
    ChallengeFactory(owner=stavanger).open_forms.set(routes[:1])
    url = "/api/v1/challenges" if where == "api" else reverse("challenges:list")
    one = _queries(client, url)
    for _number in range(4):
        ChallengeFactory(owner=stavanger).open_forms.set(routes)

    assert _queries(client, url) == one


# Imports and demo data -----------------------------------------------------------------------------------------


def _import(**record):
    line = {"ref": "t-1", "municipality": "1103", "title": "T", "description": "D", **record}
    return challenges_import(stream=io.BytesIO(json.dumps(line).encode()))


def test_an_imported_challenge_without_an_intent_is_published_as_a_market_exploration():
    _import()

    assert Challenge.objects.get(ref="t-1").intent == "exploration"


def test_an_imported_challenge_keeps_the_intent_its_file_gives():
    _import(intent="grant")

    assert Challenge.objects.get(ref="t-1").intent == "grant"


@pytest.mark.parametrize("value", ["tender", 3, ["pilot"]])
def test_an_imported_line_with_an_unknown_intent_is_rejected(value):
    report = _import(intent=value)

    assert report.created == 0
    assert str(value) in report.rejected[0].reason
    assert "exploration" in report.rejected[0].reason
    assert not Challenge.objects.exists()


def test_every_demo_challenge_states_an_intent_its_text_supports():
    records = [json.loads(line) for line in DEMO_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]

    assert all(record["intent"] == "pilot" and "Pilot" in record["timeline"] for record in records)


def test_the_demo_challenges_are_published_with_their_intent_and_forms():
    pilot_agreement = Route.objects.filter(key="pilot-agreement").first() or _route("pilot-agreement")

    demo_challenges_load()

    challenges = Challenge.objects.filter(is_example=True).prefetch_related("open_forms")
    assert {c.intent for c in challenges} == {"pilot"}
    assert all(list(c.open_forms.all()) == [pilot_agreement] for c in challenges)
