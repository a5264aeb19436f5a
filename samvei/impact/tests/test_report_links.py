"""Private report links: who makes and revokes them, what a link opens, and that only the hash is kept."""

import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from samvei.collaborations.models import CollaborationEvent
from samvei.collaborations.tests.factories import DirectCollaborationFactory
from samvei.impact.models import ReportLink
from samvei.impact.selectors.report import token_hash
from samvei.impact.services.report import MAX_ACTIVE_LINKS, report_link_create
from samvei.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English texts: every address is reversed, and so requested, in English."""
    with translation.override("en"):
        yield


SHARED = re.compile(r"/(?:shared|delt)/([A-Za-z0-9_-]{43})/")


def _create_url(collaboration):
    return reverse("impact:report-link-create", kwargs={"pk": collaboration.pk})


def _revoke_url(link):
    return reverse("impact:report-link-revoke", kwargs={"pk": link.collaboration_id, "link_pk": link.pk})


def _shared_url(token, *, pdf=False):
    return reverse("impact:shared-pdf" if pdf else "impact:shared", kwargs={"token": token})


def _main(html):
    """The page's own content, without the header's forms that carry the address and a CSRF token."""
    return html.split('<main id="main"')[1].split("</main>")[0]


def _make(client, collaboration, label="for the municipal council"):
    return client.post(_create_url(collaboration), {"report_link-label": label})


@pytest.fixture
def made(collaboration, body_member):
    return report_link_create(collaboration=collaboration, label="kommunestyret", actor=body_member)


@pytest.mark.parametrize("persona", ["body_member", "partner_member"])
def test_a_party_makes_a_link_and_sees_its_address_once(client, request, collaboration, persona):
    client.force_login(request.getfixturevalue(persona))

    response = _make(client, collaboration)

    assert response.status_code == 200
    token = SHARED.search(response.text).group(1)
    assert ReportLink.objects.get(collaboration=collaboration).token_hash == token_hash(token)
    assert "no-store" in response["Cache-Control"]


def test_the_address_is_never_shown_again(client, collaboration, body_member):
    client.force_login(body_member)
    token = SHARED.search(_make(client, collaboration).text).group(1)

    page = client.get(reverse("impact:report", kwargs={"pk": collaboration.pk}))

    assert token not in page.text


def test_the_link_records_the_party_the_maker_acts_for(client, collaboration, partner_member, enterprise):
    client.force_login(partner_member)

    _make(client, collaboration)

    link = ReportLink.objects.get(collaboration=collaboration)
    assert (link.organisation, link.created_by) == (enterprise, partner_member)


def test_making_a_link_writes_the_timeline(client, collaboration, body_member):
    client.force_login(body_member)

    _make(client, collaboration, label="bystyret")

    event = CollaborationEvent.objects.get(collaboration=collaboration, kind="report_link_created")
    assert event.data == {"name": "bystyret"}


def test_the_raw_token_is_stored_nowhere_in_the_database(client, collaboration, body_member):
    client.force_login(body_member)
    token = SHARED.search(_make(client, collaboration).text).group(1)

    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from the schema
            assert not any(token in str(value) for row in cursor.fetchall() for value in row), table


@pytest.mark.parametrize("label", ["", "   ", "x" * 201])
def test_an_invalid_label_is_refused_with_400_and_nothing_made(client, collaboration, body_member, label):
    client.force_login(body_member)

    response = _make(client, collaboration, label=label)

    assert response.status_code == 400
    assert not ReportLink.objects.exists()
    assert not CollaborationEvent.objects.filter(kind="report_link_created").exists()


def test_the_twenty_first_active_link_is_refused(client, collaboration, body_member):
    for number in range(MAX_ACTIVE_LINKS):
        report_link_create(collaboration=collaboration, label=f"mottaker {number}", actor=body_member)
    client.force_login(body_member)

    response = _make(client, collaboration, label="en for mye")

    assert response.status_code == 400
    assert "Revoke one you no longer need" in response.text
    assert ReportLink.objects.filter(collaboration=collaboration).count() == MAX_ACTIVE_LINKS


def test_a_revoked_link_frees_a_place(collaboration, body_member):
    links = [
        report_link_create(collaboration=collaboration, label=f"mottaker {n}", actor=body_member)
        for n in range(MAX_ACTIVE_LINKS)
    ]
    links[0].link.revoked_at = links[0].link.created_at
    links[0].link.save()

    report_link_create(collaboration=collaboration, label="en til", actor=body_member)

    assert ReportLink.objects.filter(collaboration=collaboration, revoked_at__isnull=True).count() == MAX_ACTIVE_LINKS


@pytest.mark.parametrize("persona", ["third_org_member", "outsider", "staff"])
def test_no_one_but_the_parties_can_make_a_link(client, request, collaboration, persona):
    client.force_login(request.getfixturevalue(persona))

    response = _make(client, collaboration)

    assert response.status_code == 404
    assert not ReportLink.objects.exists()


def test_anonymous_is_sent_to_log_in_to_make_a_link(client, collaboration):
    response = _make(client, collaboration)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not ReportLink.objects.exists()


def test_making_a_link_needs_post(client, collaboration, body_member):
    client.force_login(body_member)

    assert client.get(_create_url(collaboration)).status_code == 405


@pytest.mark.parametrize("persona", ["body_member", "partner_member"])
def test_either_party_revokes_a_link(client, request, made, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)

    response = client.post(_revoke_url(made.link))

    assert response.status_code == 302
    made.link.refresh_from_db()
    assert (made.link.is_active, made.link.revoked_by) == (False, user)


def test_revoking_writes_the_timeline_with_the_label(client, made, body_member):
    client.force_login(body_member)

    client.post(_revoke_url(made.link))

    event = CollaborationEvent.objects.get(kind="report_link_revoked")
    assert event.data == {"name": "kommunestyret"}


def test_revoking_twice_writes_one_event(client, made, body_member):
    client.force_login(body_member)

    client.post(_revoke_url(made.link))
    client.post(_revoke_url(made.link))

    assert CollaborationEvent.objects.filter(kind="report_link_revoked").count() == 1


@pytest.mark.parametrize("persona", ["third_org_member", "outsider", "staff"])
def test_no_one_but_the_parties_can_revoke(client, request, made, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(_revoke_url(made.link))

    assert response.status_code == 404
    made.link.refresh_from_db()
    assert made.link.is_active


def test_anonymous_is_sent_to_log_in_to_revoke(client, made):
    response = client.post(_revoke_url(made.link))

    assert response.status_code == 302
    made.link.refresh_from_db()
    assert made.link.is_active


def test_a_link_cannot_be_revoked_through_another_collaboration(client, made, other_collaboration, body_member):
    client.force_login(body_member)
    url = reverse("impact:report-link-revoke", kwargs={"pk": other_collaboration.pk, "link_pk": made.link.pk})

    response = client.post(url)

    assert response.status_code == 404
    made.link.refresh_from_db()
    assert made.link.is_active


def test_a_party_of_both_cannot_revoke_a_link_through_the_wrong_collaboration(client, made, body_member, stavanger):
    mine_too = DirectCollaborationFactory(public_body=stavanger)
    client.force_login(body_member)
    url = reverse("impact:report-link-revoke", kwargs={"pk": mine_too.pk, "link_pk": made.link.pk})

    assert client.post(url).status_code == 404
    made.link.refresh_from_db()
    assert made.link.is_active


def test_a_valid_link_opens_the_report_without_an_account(client, made, collaboration):
    response = client.get(_shared_url(made.token))

    assert response.status_code == 200
    assert collaboration.title in response.text


def test_the_shared_page_keeps_out_of_caches_referers_and_search_engines(client, made):
    response = client.get(_shared_url(made.token))

    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in response.text


def test_the_shared_page_links_nowhere_into_the_record(client, made, collaboration):
    response = client.get(_shared_url(made.token))

    assert collaboration.get_absolute_url() not in response.text
    assert reverse("impact:overview", kwargs={"pk": collaboration.pk}) not in response.text
    assert "<form" not in _main(response.text)


def test_opening_a_link_records_when(client, made):
    client.get(_shared_url(made.token))

    made.link.refresh_from_db()
    assert made.link.last_opened_at is not None


def test_a_revoked_link_answers_404(client, made, body_member):
    client.force_login(body_member)
    client.post(_revoke_url(made.link))
    client.logout()

    assert client.get(_shared_url(made.token)).status_code == 404
    assert client.get(_shared_url(made.token, pdf=True)).status_code == 404


@pytest.mark.parametrize("token", ["A" * 43, "kort", "A" * 44, "%C3%A6" * 8])
def test_an_unknown_or_malformed_token_answers_404(client, made, token):
    assert client.get(_shared_url(token)).status_code == 404


def test_a_revoked_link_looks_like_any_unknown_address(client, made, body_member):
    client.force_login(body_member)
    client.post(_revoke_url(made.link))
    client.logout()

    revoked = client.get(_shared_url(made.token))
    unknown = client.get("/en/no-such-page/")

    assert revoked.status_code == unknown.status_code == 404
    assert _main(revoked.text) == _main(unknown.text)


def test_a_link_of_one_collaboration_never_shows_another(client, made, collaboration, other_collaboration):
    other_member = MembershipFactory(organisation=other_collaboration.public_body).user
    other = report_link_create(collaboration=other_collaboration, label="formannskapet", actor=other_member)

    mine = client.get(_shared_url(made.token)).text
    theirs = client.get(_shared_url(other.token)).text

    assert collaboration.title in mine
    assert other_collaboration.title not in mine
    assert other_collaboration.title in theirs
    assert collaboration.title not in theirs
