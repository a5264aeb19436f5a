"""Every role against `can_view_collaboration` (the two parties and platform staff, nobody else) and
`can_see_pitch_of_collaboration` (the two parties only)."""

import pytest

from samvei.collaborations import permissions

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "body_member",
    "body_admin",
    "partner_member",
    "other_body_member",
    "other_entrepreneur",
    "removed_member",
    "staff",
]


@pytest.mark.parametrize(
    ("role", "allowed"), [(role, role in {"body_member", "body_admin", "partner_member", "staff"}) for role in ROLES]
)
def test_a_collaboration_is_seen_by_its_two_parties_and_staff_only(request, collaboration, role, allowed):
    user = request.getfixturevalue(role)

    assert permissions.can_view_collaboration(user=user, collaboration=collaboration) is allowed


def test_a_member_who_leaves_the_party_loses_sight_of_the_collaboration(collaboration, partner_member):
    assert permissions.can_view_collaboration(user=partner_member, collaboration=collaboration) is True

    partner_member.memberships.all().delete()

    assert permissions.can_view_collaboration(user=partner_member, collaboration=collaboration) is False


@pytest.mark.parametrize(
    ("role", "allowed"), [(role, role in {"body_member", "body_admin", "partner_member"}) for role in ROLES]
)
def test_the_pitch_behind_a_collaboration_is_seen_by_its_two_parties_only(request, collaboration, role, allowed):
    user = request.getfixturevalue(role)

    assert permissions.can_see_pitch_of_collaboration(user=user, collaboration=collaboration) is allowed
