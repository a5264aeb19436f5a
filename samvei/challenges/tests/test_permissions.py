"""Every role against every access rule; a pitch is seen by its two parties and nobody else."""

import pytest

from samvei.challenges import permissions

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "owner_member", "other_body_member", "entrepreneur", "other_entrepreneur", "staff"]


def _matrix(allowed):
    return [(role, role in allowed) for role in ROLES]


@pytest.mark.parametrize(("role", "allowed"), _matrix({"owner_member", "entrepreneur"}))
def test_only_the_two_parties_can_view_a_pitch(request, pitch, role, allowed):
    assert permissions.can_view_pitch(user=request.getfixturevalue(role), pitch=pitch) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix({"owner_member"}))
def test_only_the_receiving_body_decides_a_pitch(request, pitch, role, allowed):
    assert permissions.can_decide_pitch(user=request.getfixturevalue(role), pitch=pitch) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix({"owner_member"}))
def test_only_the_owner_sees_the_list_of_pitches_to_a_challenge(request, challenge, role, allowed):
    assert permissions.can_see_pitches_to(user=request.getfixturevalue(role), challenge=challenge) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix({"owner_member", "staff"}))
def test_owner_members_and_staff_manage_a_challenge(request, challenge, role, allowed):
    assert permissions.can_manage_challenge(user=request.getfixturevalue(role), challenge=challenge) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix({"owner_member", "staff"}))
def test_a_draft_is_visible_to_the_owner_and_staff_only(request, draft, role, allowed):
    assert permissions.can_view_challenge(user=request.getfixturevalue(role), challenge=draft) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_a_published_challenge_is_visible_to_everyone(request, challenge, role):
    assert permissions.can_view_challenge(user=request.getfixturevalue(role), challenge=challenge) is True


@pytest.mark.parametrize(("role", "allowed"), [(r, r != "anonymous") for r in ROLES])
def test_everyone_signed_in_may_ask_a_question(request, challenge, role, allowed):
    assert permissions.can_ask_question(user=request.getfixturevalue(role), challenge=challenge) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix({"owner_member", "staff"}))
def test_create_challenge_for_stavanger(request, stavanger, role, allowed):
    assert permissions.can_create_challenge(user=request.getfixturevalue(role), organisation=stavanger) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix({"entrepreneur"}))
def test_only_members_of_the_enterprise_pitch_for_it(request, enterprise, role, allowed):
    assert permissions.can_pitch(user=request.getfixturevalue(role), sender=enterprise) is allowed


def test_a_public_body_cannot_pitch(stavanger, owner_member):
    assert permissions.can_pitch(user=owner_member, sender=stavanger) is False
