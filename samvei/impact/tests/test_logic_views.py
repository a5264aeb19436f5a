"""The logic model views: the parties add and remove, everybody else gets 404 (staff too), anonymous signs in."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from samvei.impact.models import LogicModelEntry, Stakeholder
from samvei.impact.selectors.logic import logic_model_for

from .factories import LogicModelEntryFactory, StakeholderFactory

PARTIES = ["body_member", "partner_member"]
STRANGERS = ["third_org_member", "outsider", "staff"]


@pytest.fixture
def page_url(collaboration):
    return reverse("impact:logic", kwargs={"pk": collaboration.pk})


@pytest.fixture
def stakeholder_url(collaboration):
    return reverse("impact:stakeholder-add", kwargs={"pk": collaboration.pk})


@pytest.fixture
def entry_url(collaboration):
    return reverse("impact:logic-entry-add", kwargs={"pk": collaboration.pk})


def _remove_url(collaboration, entry):
    return reverse("impact:logic-entry-remove", kwargs={"pk": collaboration.pk, "entry_pk": entry.pk})


@pytest.mark.parametrize("persona", PARTIES)
def test_party_sees_logic_page_with_entries(client, request, persona, collaboration, page_url):
    LogicModelEntryFactory(collaboration=collaboration, text="Ukentlige besøk", level="activity")
    client.force_login(request.getfixturevalue(persona))
    response = client.get(page_url)
    assert response.status_code == 200
    assert "Ukentlige besøk" in response.content.decode()


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_gets_404_on_logic_page(client, request, persona, page_url):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(page_url).status_code == 404


def test_anonymous_is_sent_to_sign_in_from_logic_page(client, page_url):
    response = client.get(page_url)
    assert response.status_code == 302
    assert "login" in response.url or "logg" in response.url


@pytest.mark.parametrize("persona", PARTIES)
def test_party_adds_stakeholder(client, request, persona, collaboration, stakeholder_url):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(stakeholder_url, {"stakeholder-name": "Beboere", "stakeholder-involvement": "Intervju"})
    assert response.status_code == 302
    assert Stakeholder.objects.get(collaboration=collaboration).name == "Beboere"


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_cannot_add_stakeholder(client, request, persona, stakeholder_url):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(stakeholder_url, {"stakeholder-name": "Beboere"}).status_code == 404
    assert not Stakeholder.objects.exists()


def test_anonymous_cannot_add_stakeholder(client, stakeholder_url):
    response = client.post(stakeholder_url, {"stakeholder-name": "Beboere"})
    assert response.status_code == 302
    assert not Stakeholder.objects.exists()


def test_stakeholder_without_name_is_refused_with_400(client, body_member, stakeholder_url):
    client.force_login(body_member)
    response = client.post(stakeholder_url, {"stakeholder-name": ""})
    assert response.status_code == 400
    assert not Stakeholder.objects.exists()


def test_get_on_stakeholder_add_is_not_allowed(client, body_member, stakeholder_url):
    client.force_login(body_member)
    assert client.get(stakeholder_url).status_code == 405


@pytest.mark.parametrize("persona", PARTIES)
def test_party_removes_stakeholder(client, request, persona, collaboration):
    stakeholder = StakeholderFactory(collaboration=collaboration)
    client.force_login(request.getfixturevalue(persona))
    url = reverse("impact:stakeholder-remove", kwargs={"pk": collaboration.pk, "stakeholder_pk": stakeholder.pk})
    assert client.post(url).status_code == 302
    assert not Stakeholder.objects.exists()


def test_removing_stakeholder_of_other_collaboration_is_404(client, body_member, collaboration, other_collaboration):
    foreign = StakeholderFactory(collaboration=other_collaboration)
    client.force_login(body_member)
    url = reverse("impact:stakeholder-remove", kwargs={"pk": collaboration.pk, "stakeholder_pk": foreign.pk})
    assert client.post(url).status_code == 404
    assert Stakeholder.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("persona", PARTIES)
def test_party_adds_entry_with_own_stakeholder(client, request, persona, collaboration, entry_url):
    stakeholder = StakeholderFactory(collaboration=collaboration)
    client.force_login(request.getfixturevalue(persona))
    data = {"entry-level": "outcome", "entry-text": "Mindre ensomhet", "entry-stakeholder": stakeholder.pk}
    assert client.post(entry_url, data).status_code == 302
    assert LogicModelEntry.objects.get(collaboration=collaboration).stakeholder == stakeholder


def test_entry_naming_other_collaborations_stakeholder_is_400(client, body_member, other_collaboration, entry_url):
    foreign = StakeholderFactory(collaboration=other_collaboration)
    client.force_login(body_member)
    data = {"entry-level": "outcome", "entry-text": "Mindre ensomhet", "entry-stakeholder": foreign.pk}
    assert client.post(entry_url, data).status_code == 400
    assert not LogicModelEntry.objects.exists()


def test_entry_with_unknown_level_is_400(client, body_member, entry_url):
    client.force_login(body_member)
    assert client.post(entry_url, {"entry-level": "dream", "entry-text": "Noe"}).status_code == 400
    assert not LogicModelEntry.objects.exists()


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_cannot_add_entry(client, request, persona, entry_url):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(entry_url, {"entry-level": "output", "entry-text": "Noe"}).status_code == 404
    assert not LogicModelEntry.objects.exists()


@pytest.mark.parametrize("persona", PARTIES)
def test_party_removes_entry(client, request, persona, collaboration):
    entry = LogicModelEntryFactory(collaboration=collaboration)
    client.force_login(request.getfixturevalue(persona))
    assert client.post(_remove_url(collaboration, entry)).status_code == 302
    assert not LogicModelEntry.objects.exists()


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_cannot_remove_entry(client, request, persona, collaboration):
    entry = LogicModelEntryFactory(collaboration=collaboration)
    client.force_login(request.getfixturevalue(persona))
    assert client.post(_remove_url(collaboration, entry)).status_code == 404
    assert LogicModelEntry.objects.filter(pk=entry.pk).exists()


def test_anonymous_cannot_remove_entry(client, collaboration):
    entry = LogicModelEntryFactory(collaboration=collaboration)
    assert client.post(_remove_url(collaboration, entry)).status_code == 302
    assert LogicModelEntry.objects.filter(pk=entry.pk).exists()


def test_removing_entry_of_other_collaboration_is_404(client, body_member, collaboration, other_collaboration):
    foreign = LogicModelEntryFactory(collaboration=other_collaboration)
    client.force_login(body_member)
    assert client.post(_remove_url(collaboration, foreign)).status_code == 404
    assert LogicModelEntry.objects.filter(pk=foreign.pk).exists()


def test_remove_button_names_the_entry(client, body_member, collaboration, page_url):
    LogicModelEntryFactory(collaboration=collaboration, text="Færre fall")
    client.force_login(body_member)
    body = client.get(page_url).content.decode()
    assert '<span class="ds-sr-only"> «Færre fall»</span></button>' in body  # read out after «Remove»


def test_overview_shows_logic_model_levels(client, body_member, collaboration):
    LogicModelEntryFactory(collaboration=collaboration, level="impact", text="Bedre folkehelse")
    client.force_login(body_member)
    body = client.get(reverse("impact:overview", kwargs={"pk": collaboration.pk})).content.decode()
    assert "Bedre folkehelse" in body
    assert 'id="logic-level-impact"' in body


def test_logic_model_table_renders_read_only(collaboration):
    StakeholderFactory(collaboration=collaboration, name="Beboere")
    LogicModelEntryFactory(collaboration=collaboration, level="output", text="200 besøk")
    html = render_to_string(
        "impact/partials/logic_model_table.html", {"logic_model": logic_model_for(collaboration=collaboration)}
    )
    assert "200 besøk" in html
    assert "Beboere" in html
    assert "<form" not in html
    assert "<script" not in html
