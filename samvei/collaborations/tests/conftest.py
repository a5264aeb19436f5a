"""Personas around one collaboration between Stavanger kommune and an enterprise: a member of each party, an admin
of the body, a member of another public body (Oslo), a signed-in user who acts for nobody, a removed member (whose
membership was deleted), staff and anonymous visitors."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.challenges.tests.factories import ChallengeFactory, PitchFactory
from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import CollaborationFactory


@pytest.fixture
def stavanger(db):
    return Organisation.objects.get(municipality__number="1103")


@pytest.fixture
def oslo(db):
    return Organisation.objects.get(municipality__number="0301")


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="Besøksvennene AS")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def outsider(db):
    """Signed in, acts for no organisation."""
    return UserFactory()


@pytest.fixture
def body_member(stavanger):
    return MembershipFactory(organisation=stavanger, role=Membership.Role.MEMBER).user


@pytest.fixture
def body_admin(stavanger):
    return MembershipFactory(organisation=stavanger, role=Membership.Role.ADMIN).user


@pytest.fixture
def partner_member(enterprise):
    return MembershipFactory(organisation=enterprise, role=Membership.Role.MEMBER).user


@pytest.fixture
def other_body_member(oslo):
    """A member of a public body that is not a party."""
    return MembershipFactory(organisation=oslo).user


@pytest.fixture
def other_entrepreneur(db):
    return MembershipFactory(organisation=OrganisationFactory(name="Konkurrenten AS")).user


@pytest.fixture
def removed_member(stavanger):
    """Was a member of the public body; the membership has been deleted since."""
    membership = MembershipFactory(organisation=stavanger)
    user = membership.user
    membership.delete()
    return user


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def challenge(stavanger):
    return ChallengeFactory(owner=stavanger)


@pytest.fixture
def pitch(challenge, enterprise):
    return PitchFactory(challenge=challenge, sender=enterprise)


@pytest.fixture
def collaboration(challenge, enterprise):
    return CollaborationFactory(pitch=PitchFactory(challenge=challenge, sender=enterprise, status="selected"))


@pytest.fixture
def direct(stavanger, enterprise):
    """A record started without a pitch."""
    from .factories import DirectCollaborationFactory

    return DirectCollaborationFactory(public_body=stavanger, partner=enterprise, title="Direkte samarbeid")
