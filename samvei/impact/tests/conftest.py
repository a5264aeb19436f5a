"""One collaboration between Stavanger kommune and Besøksvennene AS, another one between two other organisations,
and the personas around them (samvei/collaborations/tests/personas.py)."""

import pytest

from samvei.collaborations.tests.factories import DirectCollaborationFactory
from samvei.collaborations.tests.personas import *  # noqa: F403 (the shared persona fixtures)


@pytest.fixture
def collaboration(stavanger, enterprise):
    return DirectCollaborationFactory(public_body=stavanger, partner=enterprise, title="Besøksvenn på sykehjem")


@pytest.fixture
def other_collaboration(db):
    """A collaboration between two other organisations: its data must never show on `collaboration`'s pages."""
    return DirectCollaborationFactory(title="Et annet samarbeid")
