"""Personas around one collaboration between Stavanger kommune and Besøksvennene AS: a member of each party, a
member of another organisation, a signed-in user who acts for nobody, staff who are no party, and anonymous."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.collaborations.tests.factories import DirectCollaborationFactory, MilestoneFactory
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory
from samvei.procurement.models import Route


@pytest.fixture
def stavanger(db):
    return Organisation.objects.get(municipality__number="1103")


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="Besøksvennene AS", org_number="923456789")


@pytest.fixture
def collaboration(stavanger, enterprise):
    return DirectCollaborationFactory(
        public_body=stavanger,
        partner=enterprise,
        title="Besøksvenn på sykehjem",
        form=Route.objects.get(key="pilot-agreement"),
        pilot_ends_on=datetime.date(2027, 6, 30),
    )


@pytest.fixture
def milestone(collaboration, enterprise):
    return MilestoneFactory(
        collaboration=collaboration, title="Første besøk", due_on=datetime.date(2027, 2, 1), owner=enterprise
    )


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def body_member(stavanger):
    return MembershipFactory(organisation=stavanger).user


@pytest.fixture
def partner_member(enterprise):
    return MembershipFactory(organisation=enterprise).user


@pytest.fixture
def third_org_member(db):
    return MembershipFactory(organisation=OrganisationFactory(name="Konkurrenten AS")).user


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def uncompressed_pdf(settings):
    """Leaves the PDF's streams readable, so a test can decode the text it draws."""
    settings.AGREEMENTS_PDF_UNCOMPRESSED = True
