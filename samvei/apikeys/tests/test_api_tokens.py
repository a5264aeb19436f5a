"""API keys: made for one's own organisation only, stored as a fingerprint, shown once, revoked by their owner,
and dead once revoked, expired, or when the owner leaves the organisation."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.apikeys.models import ApiToken
from samvei.apikeys.services import MAX_ACTIVE_PER_USER, api_token_check, api_token_create, api_token_revoke
from samvei.organisations.models import Membership
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def membership():
    return MembershipFactory(organisation=OrganisationFactory(name="Besøksvennene AS"))


def test_a_key_is_stored_only_as_its_fingerprint(membership):
    token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {stored.key_hash, stored.prefix, stored.name}
    assert raw.startswith(stored.prefix)


def test_a_key_for_an_organisation_one_does_not_belong_to_is_refused(membership):
    other = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        api_token_create(user=membership.user, organisation=other, name="Fagsystem")
    assert not ApiToken.objects.exists()


def test_staff_cannot_make_a_key_for_an_organisation_they_do_not_belong_to(membership):
    with pytest.raises(PermissionDenied):
        api_token_create(user=StaffFactory(), organisation=membership.organisation, name="Fagsystem")


def test_the_key_checks_as_its_owner_and_organisation(membership):
    token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    found = api_token_check(raw=raw)
    assert found is not None
    assert (found.pk, found.user, found.organisation) == (token.pk, membership.user, membership.organisation)
    assert found.last_used_at is not None


@pytest.mark.parametrize("raw", ["", "samvei_", "samvei_wrong", "Bearer", "x" * 500, "samvei_" + "\x00" * 10])
def test_an_unknown_key_checks_as_nobody(membership, raw):
    api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    assert api_token_check(raw=raw) is None


def test_a_revoked_key_no_longer_works(membership):
    token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    api_token_revoke(user=membership.user, token_id=token.pk)
    assert api_token_check(raw=raw) is None


def test_an_expired_key_no_longer_works(membership):
    token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api_token_check(raw=raw) is None


def test_a_key_stops_working_when_its_owner_leaves_the_organisation(membership):
    _token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    Membership.objects.filter(pk=membership.pk).delete()
    assert api_token_check(raw=raw) is None


def test_a_key_of_a_deactivated_account_no_longer_works(membership):
    _token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    membership.user.is_active = False
    membership.user.save()
    assert api_token_check(raw=raw) is None


def test_nobody_revokes_another_persons_key(membership):
    token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
    colleague = MembershipFactory(organisation=membership.organisation).user
    with pytest.raises(ApiToken.DoesNotExist):
        api_token_revoke(user=colleague, token_id=token.pk)
    assert api_token_check(raw=raw) is not None


def test_the_number_of_active_keys_is_bounded(membership):
    for number in range(MAX_ACTIVE_PER_USER):
        api_token_create(user=membership.user, organisation=membership.organisation, name=f"Nøkkel {number}")
    with pytest.raises(ValidationError) as refused:
        api_token_create(user=membership.user, organisation=membership.organisation, name="En til")
    assert refused.value.code == "too_many"
    assert ApiToken.objects.count() == MAX_ACTIVE_PER_USER


def test_an_empty_name_is_refused(membership):
    with pytest.raises(ValidationError):
        api_token_create(user=membership.user, organisation=membership.organisation, name="   ")
    assert not ApiToken.objects.exists()


class TestPages:
    def test_the_profile_links_to_the_keys(self, client, membership):
        client.force_login(membership.user)
        assert reverse("apikeys:list") in client.get(reverse("accounts:profile")).content.decode()

    def test_the_new_key_is_shown_once(self, client, membership):
        client.force_login(membership.user)
        url = reverse("apikeys:list")
        response = client.post(url, {"name": "Fagsystem", "organisation": membership.organisation.pk})
        assert response.status_code == 200
        raw = response.context["new_key"]
        assert api_token_check(raw=raw) is not None
        assert raw in response.content.decode()
        again = client.get(url).content.decode()
        assert raw not in again
        assert "Fagsystem" in again

    def test_a_key_for_another_organisation_is_refused_with_a_message(self, client, membership):
        client.force_login(membership.user)
        other = OrganisationFactory()
        response = client.post(reverse("apikeys:list"), {"name": "Fagsystem", "organisation": other.pk})
        assert response.status_code == 400
        assert response.context["form"].errors["organisation"]
        assert not ApiToken.objects.exists()

    @pytest.mark.parametrize("data", [{}, {"name": "", "organisation": ""}, {"name": "x" * 101, "organisation": "1"}])
    def test_bad_input_changes_nothing(self, client, membership, data):
        client.force_login(membership.user)
        assert client.post(reverse("apikeys:list"), data).status_code == 400
        assert not ApiToken.objects.exists()

    def test_a_person_without_organisations_is_told_how_to_get_one(self, client):
        client.force_login(UserFactory())
        response = client.get(reverse("apikeys:list"))
        assert response.status_code == 200
        assert reverse("organisations:list") in response.content.decode()
        assert '<form class="stack-form"' not in response.content.decode()

    def test_the_owner_revokes_a_key(self, client, membership):
        token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
        client.force_login(membership.user)
        response = client.post(reverse("apikeys:revoke", kwargs={"pk": token.pk}))
        assert response.status_code == 302
        assert api_token_check(raw=raw) is None

    def test_another_person_cannot_revoke_a_key(self, client, membership):
        token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
        client.force_login(StaffFactory())
        response = client.post(reverse("apikeys:revoke", kwargs={"pk": token.pk}))
        assert response.status_code == 404
        assert api_token_check(raw=raw) is not None

    def test_revoking_needs_a_post(self, client, membership):
        token, _raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
        client.force_login(membership.user)
        assert client.get(reverse("apikeys:revoke", kwargs={"pk": token.pk})).status_code == 405

    def test_anonymous_visitors_are_sent_to_sign_in(self, client):
        response = client.get(reverse("apikeys:list"))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]

    def test_the_personal_data_export_lists_the_keys_but_not_their_secret(self, client, membership):
        _token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fagsystem")
        client.force_login(membership.user)
        body = client.post(reverse("accounts:personal-data")).content.decode()
        assert "Fagsystem" in body
        assert raw not in body

    @pytest.mark.parametrize("pk", ["99999999999999999999999999", "0"])
    def test_revoking_an_odd_number_answers_not_found(self, client, membership, pk):
        client.force_login(membership.user)
        assert client.post(f"{reverse('apikeys:list')}{pk}/trekk-tilbake/").status_code == 404

    @pytest.mark.parametrize(
        "data",
        [
            {"name": "Fagsystem", "organisation": "١٢"},
            {"name": "Fagsystem", "organisation": "9" * 40},
            {"name": "x" * 1_000_000, "organisation": "1"},
        ],
    )
    def test_odd_input_is_refused_without_an_error_page(self, client, membership, data):
        client.force_login(membership.user)
        response = client.post(reverse("apikeys:list"), data)
        assert response.status_code in (400, 413)
        assert not ApiToken.objects.exists()
