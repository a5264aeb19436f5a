"""One pilot collaboration between Stavanger kommune and Besøksvennene AS, with a milestone, and the personas
around it (samvei/collaborations/tests/personas.py)."""

import datetime

import pytest

from samvei.collaborations.tests.factories import DirectCollaborationFactory, MilestoneFactory
from samvei.collaborations.tests.personas import *  # noqa: F403 (the shared persona fixtures)
from samvei.procurement.models import Route


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
def uncompressed_pdf(settings):
    """Leaves the PDF's streams readable, so a test can decode the text it draws."""
    settings.AGREEMENTS_PDF_UNCOMPRESSED = True
