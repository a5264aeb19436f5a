import datetime

import pytest

from samvei.challenges.tests.factories import ChallengeFactory, PitchFactory
from samvei.collaborations.models import Collaboration
from samvei.collaborations.selectors import collaborations_for
from samvei.organisations.tests.factories import MembershipFactory

from .factories import CollaborationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["body_member", "body_admin", "partner_member"])
def test_each_party_finds_the_collaboration(request, collaboration, role):
    assert list(collaborations_for(user=request.getfixturevalue(role))) == [collaboration]


@pytest.mark.parametrize("role", ["outsider", "other_body_member", "other_entrepreneur", "removed_member", "staff"])
def test_nobody_else_finds_it_in_their_list(request, collaboration, role):
    """Staff may open a collaboration, but their own list holds only their organisations' collaborations."""
    assert list(collaborations_for(user=request.getfixturevalue(role))) == []


def test_a_user_in_both_parties_sees_the_collaboration_once(collaboration, body_member, enterprise):
    MembershipFactory(user=body_member, organisation=enterprise)

    assert list(collaborations_for(user=body_member)) == [collaboration]


def test_the_newest_collaboration_comes_first(stavanger, enterprise, body_member):
    older = CollaborationFactory(pitch=PitchFactory(challenge=ChallengeFactory(owner=stavanger), sender=enterprise))
    newer = CollaborationFactory(pitch=PitchFactory(challenge=ChallengeFactory(owner=stavanger), sender=enterprise))
    Collaboration.objects.filter(pk=older.pk).update(created_at=newer.created_at - datetime.timedelta(days=1))

    assert list(collaborations_for(user=body_member)) == [newer, older]


def test_the_parties_and_the_origin_are_loaded_with_the_list(collaboration, body_member, django_assert_num_queries):
    with django_assert_num_queries(2):
        rows = [
            (c.public_body.name, c.partner.name, c.challenge.title, c.pitch.title)
            for c in collaborations_for(user=body_member)
        ]

    assert rows == [(c.public_body.name, c.partner.name, c.challenge.title, c.pitch.title) for c in [collaboration]]
