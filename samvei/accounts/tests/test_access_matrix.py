"""Every role against one person's account pages and their personal-data export. Accounts have no
permissions.py: each page is about the signed-in user only, so the matrix checks that nobody reaches another
person's profile or data through them.

The subject acts for an enterprise: they sent a pitch, wrote in its thread, asked a question, claimed a second
organisation and saved a search. Roles: anonymous, a signed-in outsider, a colleague (member) and an admin of the
enterprise, the counter party (a member of the receiving body, who wrote in the same thread), a former member of
the enterprise, staff, and the subject."""

import json

import pytest
from django.urls import reverse

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.challenges.models import Question, SavedSearch
from samvei.challenges.services import message_send, pitch_submit
from samvei.challenges.tests.factories import ChallengeFactory
from samvei.organisations.models import Claim, Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "colleague", "enterprise_admin", "counter_party", "removed_member", "staff"]
PAGES = ["accounts:profile", "accounts:delete"]

SUBJECT_EMAIL = "subjekthemmelighet@example.org"
SUBJECT_NAME = "Navnehemmelighet Hansen"
SUBJECT_TEXTS = {
    "message": "Meldingshemmelighet: kan vi møtes?",
    "question": "Spørsmålshemmelighet: hvor mange beboere?",
    "claim": "Kravhemmelighet: jeg er daglig leder.",
    "saved_search": "Søkehemmelighet",
}


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="Besøksvennene AS")


@pytest.fixture
def stavanger(db):
    return Organisation.objects.get(municipality__number="1103")


@pytest.fixture
def counter_party(stavanger):
    return MembershipFactory(organisation=stavanger).user


@pytest.fixture
def subject(enterprise, stavanger, counter_party):
    user = UserFactory(email=SUBJECT_EMAIL, name=SUBJECT_NAME)
    MembershipFactory(organisation=enterprise, user=user, role=Membership.Role.ADMIN)
    challenge = ChallengeFactory(owner=stavanger)
    pitch = pitch_submit(
        challenge=challenge, sender=enterprise, actor=user, data={"title": "Besøk", "summary": "Besøk."}, uploads=[]
    )
    message_send(pitch=pitch, party=enterprise, actor=user, body=SUBJECT_TEXTS["message"])
    message_send(pitch=pitch, party=stavanger, actor=counter_party, body="Gjerne.")
    Question.objects.create(challenge=challenge, asked_by=user, text=SUBJECT_TEXTS["question"])
    Claim.objects.create(organisation=OrganisationFactory(), user=user, message=SUBJECT_TEXTS["claim"])
    SavedSearch.objects.create(user=user, name=SUBJECT_TEXTS["saved_search"], query={})
    return user


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def colleague(enterprise, subject):
    return MembershipFactory(organisation=enterprise, role=Membership.Role.MEMBER).user


@pytest.fixture
def enterprise_admin(enterprise, subject):
    return MembershipFactory(organisation=enterprise, role=Membership.Role.ADMIN).user


@pytest.fixture
def removed_member(enterprise, subject):
    membership = MembershipFactory(organisation=enterprise)
    membership.delete()
    return membership.user


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def _as(client, request, role):
    user = request.getfixturevalue(role)
    if user.is_authenticated:
        client.force_login(user)
    return client, user


def _export(client):
    response = client.post(reverse("accounts:personal-data"))
    return response, json.dumps(response.json(), ensure_ascii=False) if response.status_code == 200 else ""


def _subject_markers(text):
    return [marker for marker in [SUBJECT_EMAIL, SUBJECT_NAME, *SUBJECT_TEXTS.values()] if marker in text]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_account_pages_show_the_signed_in_user_and_nobody_else(client, request, subject, name, role):
    client, _user = _as(client, request, role)

    response = client.get(reverse(name))

    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    else:
        assert response.status_code == 200
    assert _subject_markers(response.content.decode()) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_export_holds_the_users_own_data_and_nothing_of_the_subject(client, request, subject, role):
    client, user = _as(client, request, role)

    response, text = _export(client)

    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    else:
        assert response.status_code == 200
        assert json.loads(text)["account"]["email"] == user.email
    assert _subject_markers(text) == []


def test_the_subjects_export_holds_everything_they_wrote_and_not_what_the_counter_party_wrote(client, subject):
    client.force_login(subject)

    response, text = _export(client)

    assert response.status_code == 200
    assert _subject_markers(text) == [SUBJECT_EMAIL, SUBJECT_NAME, *SUBJECT_TEXTS.values()]
    assert "Gjerne." not in text


def test_the_export_cannot_be_fetched_with_a_link(client, subject):
    """A GET (a link or an image in an e-mail) must not hand out the file; the page's form posts."""
    client.force_login(subject)

    assert client.get(reverse("accounts:personal-data")).status_code == 405
