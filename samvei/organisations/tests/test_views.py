"""Pages of the directory: who may open them, and what bad input does (a clear message, nothing stored)."""

import pytest
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.geography.models import Municipality
from samvei.organisations.models import Claim, Invitation, Membership, Organisation
from samvei.taxonomy.models import WelfareArea

from .factories import ContactPointFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _url(name, organisation, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"slug": organisation.slug, **kwargs})


PROFILE = {"name": "Organisasjon A", "org_number": "", "description": "Ny beskrivelse"}


# Who may open what -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["edit", "members", "claim"])
def test_anonymous_visitors_are_sent_to_sign_in(client, org_a, name):
    response = client.get(_url(name, org_a))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    ("name", "method"), [("edit", "get"), ("edit", "post"), ("members", "get"), ("members", "post")]
)
def test_member_of_another_organisation_is_refused(client, org_a, member_b, name, method):
    client.force_login(member_b)

    response = getattr(client, method)(_url(name, org_a), PROFILE if method == "post" else None)

    assert response.status_code == 403
    assert Organisation.objects.get(pk=org_a.pk).description != "Ny beskrivelse"


def test_plain_member_cannot_manage_members(client, org_a, member_a):
    client.force_login(member_a)

    response = client.post(_url("members", org_a), {"email": "ny@example.org", "role": "admin"})

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_member_b_cannot_remove_a_member_of_a(client, org_a, member_a, member_b):
    client.force_login(member_b)
    membership = Membership.objects.get(user=member_a)

    response = client.post(_url("member-remove", org_a), {"membership": membership.pk})

    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_admin_cannot_remove_a_membership_of_another_organisation(client, org_a, admin_a, member_b):
    client.force_login(admin_a)
    foreign = Membership.objects.get(user=member_b)

    response = client.post(_url("member-remove", org_a), {"membership": foreign.pk}, follow=True)

    assert Membership.objects.filter(pk=foreign.pk).exists()
    assert "Velg et medlem" in response.text or "Choose a member" in response.text


def test_staff_can_edit_any_organisation(client, org_a, staff):
    client.force_login(staff)

    response = client.post(_url("edit", org_a), PROFILE)

    assert response.status_code == 302
    assert Organisation.objects.get(pk=org_a.pk).description == "Ny beskrivelse"


# Editing ------------------------------------------------------------------------------------------------------


def test_admin_edits_the_profile(client, org_a, admin_a):
    client.force_login(admin_a)

    response = client.post(
        _url("edit", org_a),
        {**PROFILE, "org_number": "974 760 673", "welfare_areas": ["elderly-care"], "municipalities": ["1103"]},
    )

    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.org_number == "974760673"
    assert [area.code for area in org_a.welfare_areas.all()] == ["elderly-care"]
    assert [m.number for m in org_a.municipalities.all()] == ["1103"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Du må fylle ut dette feltet"),
        ({"org_number": "123456789"}, "ikke et gyldig organisasjonsnummer"),
        ({"website": "ikke en adresse"}, "gyldig nettadresse"),
        ({"welfare_areas": ["no-such-area"]}, "Velg et gyldig valg"),
    ],
)
def test_invalid_profile_is_refused_with_a_norwegian_message_and_nothing_changes(client, org_a, admin_a, data, message):
    client.force_login(admin_a)

    response = client.post(_url("edit", org_a), {**PROFILE, **data})

    assert response.status_code == 400
    assert message in response.text
    assert Organisation.objects.get(pk=org_a.pk).description != "Ny beskrivelse"


def test_org_number_already_in_use_is_refused(client, org_a, admin_a):
    OrganisationFactory(org_number="974760673")
    client.force_login(admin_a)

    response = client.post(_url("edit", org_a), {**PROFILE, "org_number": "974760673"})

    assert response.status_code == 400
    assert Organisation.objects.get(pk=org_a.pk).org_number is None


# Registering, claiming, inviting -----------------------------------------------------------------------------


def test_signed_in_user_registers_an_organisation(client, outsider):
    client.force_login(outsider)

    response = client.post(reverse("organisations:register"), {"kind": "social_enterprise", "name": "Ny Idé AS"})

    organisation = Organisation.objects.get(name="Ny Idé AS")
    assert response["Location"] == organisation.get_absolute_url()
    assert Membership.objects.get(user=outsider).role == Membership.Role.ADMIN


def test_registering_a_municipality_is_not_offered(client, outsider):
    client.force_login(outsider)

    response = client.post(reverse("organisations:register"), {"kind": "municipality", "name": "Ny kommune"})

    assert response.status_code == 400
    assert not Organisation.objects.filter(name="Ny kommune").exists()


def test_claim_is_stored_for_staff_review(client, org_a, outsider):
    client.force_login(outsider)

    response = client.post(_url("claim", org_a), {"message": "Jeg er daglig leder."})

    assert response.status_code == 302
    assert Claim.objects.get(user=outsider).status == Claim.Status.PENDING


def test_empty_claim_is_refused(client, org_a, outsider):
    client.force_login(outsider)

    response = client.post(_url("claim", org_a), {"message": ""})

    assert response.status_code == 400
    assert not Claim.objects.exists()


def test_only_staff_open_the_claim_review(client, member_a, staff):
    client.force_login(member_a)
    assert client.get(reverse("organisations:claims")).status_code == 403

    client.force_login(staff)
    assert client.get(reverse("organisations:claims")).status_code == 200


def test_the_admin_of_another_organisation_cannot_decide_a_claim(client, org_a, org_b, outsider):
    claim = Claim.objects.create(organisation=org_a, user=outsider, message="Hei")
    client.force_login(MembershipFactory(organisation=org_b, role=Membership.Role.ADMIN).user)

    response = client.post(
        reverse("organisations:claim-decide", kwargs={"claim_id": claim.pk}), {"decision": "approve"}
    )

    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PENDING


def test_admin_invites_a_colleague(client, org_a, admin_a, mailoutbox):
    client.force_login(admin_a)

    response = client.post(_url("members", org_a), {"email": "kollega@example.org", "role": "member"})

    assert response.status_code == 302
    assert Invitation.objects.get().email == "kollega@example.org"


def test_invitation_with_an_invalid_address_is_refused(client, org_a, admin_a):
    client.force_login(admin_a)

    response = client.post(_url("members", org_a), {"email": "ikke-en-adresse", "role": "member"})

    assert response.status_code == 400
    assert not Invitation.objects.exists()


# Public pages --------------------------------------------------------------------------------------------------


def test_organisation_list_filters_by_welfare_area_and_municipality(client, org_a, org_b):
    org_a.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
    org_a.municipalities.set(Municipality.objects.filter(number="1103"))
    org_b.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))

    response = client.get(reverse("organisations:list"), {"welfare_area": "elderly-care", "municipality": "1103"})

    names = [o.name for o in response.context["page"].object_list]
    assert names == ["Organisasjon A"]


def test_organisation_list_search_ignores_case_of_norwegian_letters(client):
    OrganisationFactory(name="Ærlig Øvelse AS")

    response = client.get(reverse("organisations:list"), {"q": "ærlig øvelse"})

    assert [o.name for o in response.context["page"].object_list] == ["Ærlig Øvelse AS"]


def test_organisation_list_rejects_an_unknown_filter_value(client):
    response = client.get(reverse("organisations:list"), {"kind": "alien"})

    assert response.status_code == 400


def test_who_decides_leads_to_the_municipality_with_the_welfare_area(client):
    response = client.get(
        reverse("municipalities:who-decides"), {"municipality": "1103", "welfare_area": "elderly-care"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/kommuner/1103/?welfare_area=elderly-care#contacts"


def test_who_decides_without_a_municipality_explains_what_is_missing(client):
    response = client.get(reverse("municipalities:who-decides"), {"municipality": ""})

    assert response.status_code == 400
    assert "Du må fylle ut dette feltet" in response.text


def test_municipality_page_lists_its_contact_points_with_the_entry_contact_first(client, stavanger):
    ContactPointFactory(organisation=stavanger, role_title="Enhetsleder")
    ContactPointFactory(organisation=stavanger, role_title="Innovasjonsrådgiver", is_entry_contact=True)

    response = client.get("/kommuner/1103/")

    assert [p.role_title for p in response.context["contact_points"]] == ["Innovasjonsrådgiver", "Enhetsleder"]


def _results(*rows, initial=0):
    data = {"results-TOTAL_FORMS": str(len(rows)), "results-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        data.update({f"results-{index}-{key}": value for key, value in row.items()})
    return data


def test_member_documents_results_with_sources(client, org_a, member_a):
    client.force_login(member_a)

    client.post(
        _url("edit", org_a),
        {
            **PROFILE,
            **_results({"text": "Færre innleggelser", "figure": "12 %", "source_url": "https://example.org/r"}),
        },
    )

    result = org_a.results.get()
    assert (result.text, result.figure, result.source_url) == ("Færre innleggelser", "12 %", "https://example.org/r")


def test_result_with_an_invalid_source_is_refused_and_nothing_changes(client, org_a, member_a):
    client.force_login(member_a)

    response = client.post(
        _url("edit", org_a), {**PROFILE, **_results({"text": "Færre innleggelser", "source_url": "ikke-en-lenke"})}
    )

    assert response.status_code == 400
    assert not org_a.results.exists()
    assert Organisation.objects.get(pk=org_a.pk).description != "Ny beskrivelse"


def test_admin_makes_a_member_admin(client, org_a, admin_a, member_a):
    client.force_login(admin_a)
    membership = Membership.objects.get(user=member_a)

    client.post(_url("member-role", org_a), {"membership": membership.pk, "role": "admin"})

    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.ADMIN


def test_the_last_admin_cannot_step_down(client, org_a, admin_a):
    client.force_login(admin_a)
    membership = Membership.objects.get(user=admin_a)

    response = client.post(_url("member-role", org_a), {"membership": membership.pk, "role": "member"}, follow=True)

    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.ADMIN
    assert "administrator" in response.text


def test_member_cannot_change_roles(client, org_a, member_a):
    client.force_login(member_a)
    membership = Membership.objects.get(user=member_a)

    response = client.post(_url("member-role", org_a), {"membership": membership.pk, "role": "admin"})

    assert response.status_code == 403
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.MEMBER


def test_invitation_page_refuses_a_user_with_another_address(client, org_a, admin_a, outsider):
    invitation = Invitation.objects.create(organisation=org_a, email="annen@example.org", token="t" * 40)
    client.force_login(outsider)

    response = client.post(reverse("organisations:invitation-accept", kwargs={"token": invitation.token}))

    assert response.status_code == 400
    assert not Membership.objects.filter(user=outsider).exists()


def test_unknown_invitation_is_a_404(client, outsider):
    client.force_login(outsider)

    assert client.get(reverse("organisations:invitation-accept", kwargs={"token": "finnes-ikke"})).status_code == 404


def test_each_claim_on_the_review_page_has_its_own_labelled_decision_fields(client, org_a, org_b, staff):
    claims = [
        Claim.objects.create(organisation=org, user=UserFactory(), message="Jeg er daglig leder.")
        for org in (org_a, org_b)
    ]
    client.force_login(staff)

    page = client.get(reverse("organisations:claims")).text

    for claim in claims:
        assert page.count(f'id="claim-{claim.pk}-note"') == 1
        assert f'for="claim-{claim.pk}-note"' in page
        assert f'id="claim-{claim.pk}-decision_0"' in page
