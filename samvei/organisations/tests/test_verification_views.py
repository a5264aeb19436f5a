"""What the detail page says about verification, and staff's list and confirm button: who may use them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from samvei.organisations import permissions
from samvei.organisations.models import Membership, Organisation, OrganisationEvent, VerificationStatus
from samvei.organisations.services import organisation_verification_confirm

from .factories import MembershipFactory, OrganisationFactory
from .register_factories import RegisterEntryFactory

pytestmark = pytest.mark.django_db


def _confirm_url(organisation):
    return reverse("organisations:verification-confirm", kwargs={"slug": organisation.slug})


def _reverse_en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, **kwargs)


def _detail_html(client, organisation):
    """The detail page in English (its address carries the language)."""
    response = client.get(_reverse_en("organisations:detail", kwargs={"slug": organisation.slug}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def admin_b(org_b):
    return MembershipFactory(organisation=org_b, role=Membership.Role.ADMIN).user


# The detail page ---------------------------------------------------------------------------------------------


def test_the_detail_page_says_an_unchecked_profile_is_unverified(english_client, org_a):
    html = _detail_html(english_client, org_a)

    assert "Unverified" in html
    assert "Verified against Enhetsregisteret" not in html


def test_the_detail_page_says_when_a_profile_was_verified(english_client):
    entry = RegisterEntryFactory(name="BESØKSVENNENE AS")
    organisation = OrganisationFactory(
        name="Besøksvennene AS",
        org_number=entry.org_number,
        verification_status=VerificationStatus.VERIFIED,
        verification_reason="matches",
        verification_checked_at=timezone.make_aware(timezone.datetime(2026, 3, 4, 12)),
    )

    html = _detail_html(english_client, organisation)

    assert "Verified against Enhetsregisteret (4. March 2026)" in html
    assert "Unverified" not in html


def test_the_detail_page_gives_the_reason_a_profile_is_unverified(english_client):
    organisation = OrganisationFactory(verification_reason="bankrupt")

    html = _detail_html(english_client, organisation)

    assert "Bankrupt according to Enhetsregisteret" in html


def test_staff_see_the_confirm_button_and_members_do_not(english_client, org_a, member_a, staff):
    confirm_url = _reverse_en("organisations:verification-confirm", kwargs={"slug": org_a.slug})
    english_client.force_login(member_a)
    assert confirm_url not in _detail_html(english_client, org_a)

    english_client.force_login(staff)
    html = _detail_html(english_client, org_a)

    assert confirm_url in html
    assert _reverse_en("organisations:unverified") in html


# Confirming --------------------------------------------------------------------------------------------------


def test_staff_confirm_an_unverified_profile(client, org_a, staff):
    client.force_login(staff)

    response = client.post(_confirm_url(org_a), {"note": "Sjekket i Enhetsregisteret."})

    org_a.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == org_a.get_absolute_url()
    assert (org_a.verification_status, org_a.verification_checked_by) == ("staff_confirmed", staff)
    assert org_a.events.filter(kind=OrganisationEvent.Kind.STAFF_CONFIRMED, actor=staff).exists()


def test_confirming_from_the_list_returns_to_the_list(client, org_a, staff):
    client.force_login(staff)

    response = client.post(_confirm_url(org_a), {"back_to": "list"})

    assert response["Location"] == reverse("organisations:unverified")


@pytest.mark.parametrize("who", ["member_a", "admin_a", "admin_b", "outsider"])
def test_only_staff_may_confirm(client, org_a, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(_confirm_url(org_a))

    assert response.status_code == 403
    assert Organisation.objects.get(pk=org_a.pk).verification_status == VerificationStatus.UNVERIFIED


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_changes(client, org_a):
    response = client.post(_confirm_url(org_a))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert Organisation.objects.get(pk=org_a.pk).verification_status == VerificationStatus.UNVERIFIED


def test_confirming_is_a_post(client, org_a, staff):
    client.force_login(staff)

    assert client.get(_confirm_url(org_a)).status_code == 405


def test_confirming_an_already_confirmed_profile_explains_it(client, org_a, staff):
    organisation_verification_confirm(organisation=org_a, actor=staff)
    client.force_login(staff)

    response = client.post(_confirm_url(org_a), follow=True)

    assert response.status_code == 200
    assert org_a.events.filter(kind=OrganisationEvent.Kind.STAFF_CONFIRMED).count() == 1
    assert any(message.level_tag == "error" for message in response.context["messages"])


def test_an_unknown_organisation_is_a_404(client, staff):
    client.force_login(staff)

    assert client.post(reverse("organisations:verification-confirm", kwargs={"slug": "finnes-ikke"})).status_code == 404


# The staff list ----------------------------------------------------------------------------------------------


def test_the_list_shows_unverified_profiles_and_the_registered_name(client, staff):
    entry = RegisterEntryFactory(name="DET EKTE NAVNET AS")
    differs = OrganisationFactory(name="Oppdiktet AS", org_number=entry.org_number, verification_reason="name_differs")
    verified = OrganisationFactory(name="Verifisert AS", verification_status=VerificationStatus.VERIFIED)
    confirmed = OrganisationFactory(name="Bekreftet AS", verification_status=VerificationStatus.STAFF_CONFIRMED)
    example = OrganisationFactory(name="Eksempel AS", is_example=True)
    client.force_login(staff)

    response = client.get(reverse("organisations:unverified"))

    shown = list(response.context["page"].object_list)
    assert differs in shown
    assert not {verified, confirmed, example} & set(shown)
    assert "DET EKTE NAVNET AS" in response.content.decode()


def test_the_list_leaves_out_reference_data(client, staff, stavanger):
    client.force_login(staff)

    shown = list(client.get(reverse("organisations:unverified")).context["page"].object_list)

    assert stavanger not in shown
    assert not [organisation for organisation in shown if organisation.source_id is not None]


@pytest.mark.parametrize("who", ["member_a", "admin_a", "outsider"])
def test_only_staff_see_the_list(client, org_a, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("organisations:unverified")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in_from_the_list(client):
    response = client.get(reverse("organisations:unverified"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_list_needs_the_same_queries_for_three_profiles_as_for_thirty(client, staff):
    client.force_login(staff)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("organisations:unverified")).status_code == 200
        return len(context.captured_queries)

    OrganisationFactory.create_batch(3)
    few = queries()
    OrganisationFactory.create_batch(27)

    assert queries() == few


# Permissions -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("anonymous", False), ("outsider", False), ("member_a", False), ("admin_a", False), ("staff", True)],
)
def test_who_may_confirm_verification(request, who, allowed):
    assert permissions.can_confirm_verification(user=request.getfixturevalue(who)) is allowed


# The registration page -----------------------------------------------------------------------------------


def test_the_registration_page_shows_the_refusal_on_the_number_field_and_stores_nothing(client, outsider):
    entry = RegisterEntryFactory(name="BESØKSVENNENE AS")
    client.force_login(outsider)

    response = client.post(
        _reverse_en("organisations:register"),
        {"kind": "social_enterprise", "name": "Oppdiktet Omsorg AS", "org_number": entry.org_number},
    )

    assert response.status_code == 400
    errors = response.context["form"].errors.as_data()["org_number"]
    assert [error.code for error in errors] == ["org_number_name_differs"]
    assert "BESØKSVENNENE AS" in response.content.decode()
    assert not Organisation.objects.filter(org_number=entry.org_number).exists()


def test_staff_find_the_list_from_their_organisations_page(client, staff):
    client.force_login(staff)

    page = client.get(reverse("organisations:mine")).content.decode()

    assert reverse("organisations:unverified") in page


def test_members_are_not_offered_the_list_on_their_organisations_page(client, member_a):
    client.force_login(member_a)

    page = client.get(reverse("organisations:mine")).content.decode()

    assert reverse("organisations:unverified") not in page
