"""The audit log (issue 16 §8): staff actions in the admin and on the site become rows that only staff read."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.core.audit import staff_action_record
from samvei.core.models import StaffAction
from samvei.organisations.memberships import claim_decide, claim_submit
from samvei.organisations.services import organisation_verification_confirm
from samvei.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = reverse("pages:audit-log")


def test_a_change_in_the_admin_is_logged_with_who_and_what(admin_user):
    organisation = OrganisationFactory(name="Endres i admin AS")

    LogEntry.objects.log_actions(
        user_id=admin_user.pk, queryset=[organisation], action_flag=CHANGE, change_message="Endret", single_object=True
    )

    action = StaffAction.objects.get(action="admin_change")
    assert (action.actor, action.actor_label) == (admin_user, admin_user.email)
    assert "Endres i admin AS" in action.target_label
    assert action.target_url == reverse("admin:organisations_organisation_change", args=[organisation.pk])


def test_a_staff_decision_on_a_request_for_access_is_logged():
    organisation = OrganisationFactory(name="Søkt om tilgang AS")
    claim = claim_submit(organisation=organisation, user=UserFactory(), message="Jeg er daglig leder.")
    staff = StaffFactory()

    claim_decide(claim=claim, reviewer=staff, approve=True)

    action = StaffAction.objects.get(actor=staff)
    assert (action.action, action.target_label) == ("claim_approved", "Søkt om tilgang AS")


def test_a_staff_confirmation_of_an_organisation_is_logged():
    organisation = OrganisationFactory(name="Bekreftet AS")
    staff = StaffFactory()

    organisation_verification_confirm(organisation=organisation, actor=staff, note="Sjekket i registeret.")

    assert StaffAction.objects.filter(actor=staff, target_label="Bekreftet AS").exists()


def test_what_a_member_who_is_not_staff_does_is_not_in_the_staff_log():
    assert staff_action_record(actor=UserFactory(), action="content_saved", target=OrganisationFactory()) is None
    assert not StaffAction.objects.exists()


def test_staff_read_the_log_with_translated_actions(client):
    staff = StaffFactory()
    staff_action_record(actor=staff, action="comment_rejected", target=OrganisationFactory(name="Kommentert AS"))
    client.force_login(staff)

    page = client.get(URL).content.decode()

    assert "Kommentert AS" in page
    assert staff.email in page
    assert "Avviste en kommentar" in page


def test_staff_reach_the_log_from_their_profile(client):
    client.force_login(StaffFactory())

    assert URL in client.get(reverse("accounts:profile")).content.decode()


def test_a_user_who_is_not_staff_is_refused(client):
    client.force_login(UserFactory())

    assert client.get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_page_number_that_is_not_a_number_shows_the_first_page(client):
    client.force_login(StaffFactory())

    assert client.get(URL, {"page": "abc"}).status_code == 200
