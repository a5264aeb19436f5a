"""The record's private content (milestones, documents, timeline, advice) and the right to change it belong to
the two parties; staff who are no party only see that the collaboration exists. Anyone who acts for an
organisation may start one."""

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
PARTIES = {"body_member", "body_admin", "partner_member"}


@pytest.mark.parametrize(("role", "allowed"), [(role, role in PARTIES) for role in ROLES])
def test_the_record_is_seen_by_the_two_parties_only(request, collaboration, role, allowed):
    user = request.getfixturevalue(role)

    assert permissions.can_see_record(user=user, collaboration=collaboration) is allowed


@pytest.mark.parametrize(("role", "allowed"), [(role, role in PARTIES) for role in ROLES])
def test_the_record_is_changed_by_the_two_parties_only(request, collaboration, role, allowed):
    user = request.getfixturevalue(role)

    assert permissions.can_work_on_collaboration(user=user, collaboration=collaboration) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(role, role in PARTIES | {"other_body_member", "other_entrepreneur"}) for role in ROLES],
)
def test_anyone_who_acts_for_an_organisation_may_start_a_collaboration(request, role, allowed):
    """Staff without a membership act for nobody; a removed member no longer acts for anyone."""
    user = request.getfixturevalue(role)

    assert permissions.can_start_collaboration(user=user) is allowed


def test_a_direct_record_is_seen_by_the_partner_who_did_not_start_it(direct, partner_member, other_entrepreneur):
    assert permissions.can_see_record(user=partner_member, collaboration=direct) is True
    assert permissions.can_see_record(user=other_entrepreneur, collaboration=direct) is False
