"""Nothing a user sends silently reaches no one: the sender sees the receivers first, what nobody can receive
waits and is delivered the day someone joins, staff see what waits, and examples receive nothing."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.challenges.models import Pitch, PitchEvent
from samvei.challenges.selectors import recipients_for
from samvei.challenges.services import pitch_submit, pitches_deliver_waiting
from samvei.organisations.models import Claim, Organisation
from samvei.organisations.services import claim_decide, claim_submit
from samvei.organisations.tests.factories import ContactPointFactory, MembershipFactory, OrganisationFactory

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db

IDEA = {"title": "Leksehjelp med pensjonister", "summary": "Pensjonister hjelper elever med lekser."}


@pytest.fixture
def bergen(db):
    """A municipality nobody represents on Samvei, with no contact point."""
    return Organisation.objects.get(municipality__number="4601")


def _send_idea(client, receiver, **extra):
    return client.post(reverse("challenges:idea-create", kwargs={"slug": receiver.slug}), {**IDEA, **extra})


def test_the_idea_form_says_plainly_when_nobody_can_receive_the_idea(client, entrepreneur, bergen):
    client.force_login(entrepreneur)

    response = client.get(reverse("challenges:idea-create", kwargs={"slug": bergen.slug}))

    assert response.status_code == 200
    assert response.context["recipients"].anyone is False
    page = response.content.decode()
    assert "Ingen fra Bergen kommune bruker Samvei ennå" in page
    assert bergen.municipality.website in page


def test_the_idea_form_counts_the_members_who_will_receive_it(client, entrepreneur, stavanger, owner_member):
    MembershipFactory(organisation=stavanger)
    client.force_login(entrepreneur)

    response = client.get(reverse("challenges:idea-create", kwargs={"slug": stavanger.slug}))

    assert response.context["recipients"].members == 2
    assert "De 2 personene fra Stavanger kommune som bruker Samvei" in response.content.decode()


def test_an_idea_nobody_can_receive_waits_and_sends_no_mail(
    client, entrepreneur, enterprise, bergen, django_capture_on_commit_callbacks
):
    client.force_login(entrepreneur)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _send_idea(client, bergen, sender=enterprise.pk)

    pitch = Pitch.objects.get(receiver=bergen)
    assert response.status_code == 302
    assert pitch.is_waiting
    assert pitch.events.get().note == PitchEvent.Note.WAITING
    assert mail.outbox == []


def test_the_sender_sees_that_the_idea_waits_and_where(client, entrepreneur, enterprise, bergen):
    client.force_login(entrepreneur)
    pitch = pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], receiver=bergen)

    detail = client.get(pitch.get_absolute_url()).content.decode()
    inbox = client.get(reverse("challenges:pitch-inbox")).content.decode()

    assert "Venter på mottaker" in detail
    assert "Venter på mottaker" in inbox


def test_a_waiting_idea_is_delivered_when_someone_from_the_body_joins(
    entrepreneur, enterprise, bergen, staff, django_capture_on_commit_callbacks
):
    pitch = pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], receiver=bergen)
    newcomer = UserFactory()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        claim = claim_submit(organisation=bergen, user=newcomer, message="Jeg jobber i helseetaten.")
        claim_decide(claim=claim, reviewer=staff, approve=True)

    pitch.refresh_from_db()
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.APPROVED
    assert not pitch.is_waiting
    assert pitch.events.filter(note=PitchEvent.Note.DELIVERED).count() == 1
    assert [newcomer.email] in [message.to for message in mail.outbox if IDEA["title"] in message.body]


def test_the_new_member_sees_the_idea_that_waited_for_them(client, entrepreneur, enterprise, bergen):
    pitch = pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], receiver=bergen)
    Pitch.objects.filter(pk=pitch.pk).update(created_at=pitch.created_at.replace(year=pitch.created_at.year - 1))
    member = MembershipFactory(organisation=bergen).user
    pitches_deliver_waiting(receiver_id=bergen.pk)  # what joining does, as the test above shows
    client.force_login(member)

    inbox = client.get(reverse("challenges:pitch-inbox"))

    assert [p.pk for p in inbox.context["received"]] == [pitch.pk]
    assert "Ventet på dere" in inbox.content.decode()


def test_a_pitch_to_a_challenge_nobody_represents_waits(entrepreneur, enterprise, bergen):
    challenge = ChallengeFactory(owner=bergen)

    pitch = pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], challenge=challenge)

    assert pitch.is_waiting


def test_a_real_contact_point_receives_the_idea_by_mail(
    entrepreneur, enterprise, bergen, django_capture_on_commit_callbacks
):
    point = ContactPointFactory(organisation=bergen, email="helse@bergen.kommune.no", is_entry_contact=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        pitch = pitch_submit(
            sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], receiver=bergen, contact_point=point
        )

    assert not pitch.is_waiting
    assert [message.to for message in mail.outbox] == [["helse@bergen.kommune.no"]]


def test_an_example_contact_point_receives_nothing(bergen):
    point = ContactPointFactory(organisation=bergen, is_example=True)

    assert recipients_for(receiver=bergen, contact_point=point).anyone is False


def test_an_example_contact_point_cannot_be_chosen(entrepreneur, enterprise, bergen):
    point = ContactPointFactory(organisation=bergen, is_example=True)

    with pytest.raises(ValidationError) as refused:
        pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], contact_point=point)

    assert refused.value.code == "example_contact_point"
    assert not Pitch.objects.exists()


def test_the_idea_form_does_not_pick_an_example_entry_contact(client, entrepreneur, bergen):
    ContactPointFactory(organisation=bergen, is_example=True, is_entry_contact=True)
    client.force_login(entrepreneur)

    response = client.get(reverse("challenges:idea-create", kwargs={"slug": bergen.slug}))

    assert response.context["contact_point"] is None


def test_an_example_challenge_refuses_pitches(entrepreneur, enterprise, stavanger, owner_member):
    example = ChallengeFactory(owner=stavanger, is_example=True)

    with pytest.raises(ValidationError) as refused:
        pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], challenge=example)

    assert refused.value.code == "example_challenge"


def test_an_example_challenge_offers_no_pitch_button_and_its_form_sends_back(client, entrepreneur, stavanger):
    example = ChallengeFactory(owner=stavanger, is_example=True)
    client.force_login(entrepreneur)
    pitch_url = reverse("challenges:pitch-create", kwargs={"pk": example.pk})

    page = client.get(example.get_absolute_url()).content.decode()
    response = client.post(pitch_url, {**IDEA, "sender": entrepreneur.memberships.get().organisation_id})

    assert pitch_url not in page
    assert response.status_code == 302
    assert not Pitch.objects.exists()


def test_an_example_organisation_cannot_receive_ideas(entrepreneur, enterprise):
    example_body = OrganisationFactory(kind=Organisation.Kind.STATE_AGENCY, is_example=True)

    with pytest.raises(ValidationError) as refused:
        pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], receiver=example_body)

    assert refused.value.code == "example_receiver"


def test_staff_see_which_bodies_have_ideas_waiting_but_not_what_they_say(client, staff, entrepreneur, enterprise,
                                                                         bergen):  # fmt: skip
    pitch_submit(sender=enterprise, actor=entrepreneur, data=IDEA, uploads=[], receiver=bergen)
    client.force_login(staff)

    response = client.get(reverse("challenges:waiting-pitches"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bergen kommune" in page
    assert IDEA["title"] not in page
    assert IDEA["summary"] not in page


def test_staff_find_the_waiting_list_from_their_organisations_page(client, staff):
    client.force_login(staff)

    page = client.get(reverse("organisations:mine")).content.decode()

    assert reverse("challenges:waiting-pitches") in page


@pytest.mark.parametrize("persona", ["entrepreneur", "owner_member"])
def test_only_staff_see_the_waiting_list(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("challenges:waiting-pitches")).status_code == 403


def test_anonymous_visitors_are_asked_to_sign_in_for_the_waiting_list(client):
    response = client.get(reverse("challenges:waiting-pitches"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
