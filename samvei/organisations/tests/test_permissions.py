"""The role matrix: every predicate against anonymous, member A, admin A, member B and staff."""

import pytest

from samvei.organisations import permissions
from samvei.organisations.models import Claim

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member_a", "admin_a", "member_b", "staff"]


def _user(request, role):
    return request.getfixturevalue(role)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member_a", True), ("admin_a", True), ("member_b", False), ("staff", True)],
)
def test_can_edit_organisation(request, org_a, role, allowed):
    assert permissions.can_edit_organisation(user=_user(request, role), organisation=org_a) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member_a", False), ("admin_a", True), ("member_b", False), ("staff", True)],
)
def test_can_manage_members(request, org_a, role, allowed):
    assert permissions.can_manage_members(user=_user(request, role), organisation=org_a) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member_a", False), ("admin_a", False), ("member_b", True), ("staff", True)],
)
def test_can_claim_organisation_a(request, org_a, role, allowed):
    """Members already act for A; anyone else signed in may claim it."""
    assert permissions.can_claim(user=_user(request, role), organisation=org_a) is allowed


def test_cannot_claim_twice_while_a_claim_is_pending(org_a, member_b):
    Claim.objects.create(organisation=org_a, user=member_b, message="Jeg jobber der")

    assert permissions.can_claim(user=member_b, organisation=org_a) is False


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member_a", False), ("admin_a", False), ("member_b", False), ("staff", True)],
)
def test_can_review_claims(request, org_a, role, allowed):
    assert permissions.can_review_claims(user=_user(request, role)) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member_a", False), ("admin_a", False), ("member_b", False), ("staff", True)],
)
def test_contact_points_of_a_public_body_are_kept_by_its_members_and_staff_only(request, stavanger, role, allowed):
    assert permissions.can_manage_contact_points(user=_user(request, role), organisation=stavanger) is allowed


def test_member_of_the_public_body_can_manage_its_contact_points(stavanger, stavanger_member):
    assert permissions.can_manage_contact_points(user=stavanger_member, organisation=stavanger) is True


def test_an_enterprise_has_no_contact_points_to_manage(org_a, admin_a):
    assert permissions.can_manage_contact_points(user=admin_a, organisation=org_a) is False


@pytest.mark.parametrize(("role", "allowed"), [("anonymous", False), ("member_b", True), ("staff", True)])
def test_can_register_organisation(request, role, allowed):
    assert permissions.can_register_organisation(user=_user(request, role)) is allowed
