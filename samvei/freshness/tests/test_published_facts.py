"""Every figure and funding fact the shipped content publishes carries its own source and the date it was last
checked; a fact we could not confirm must say so instead of stating anything."""

import pytest

from samvei.cookbook.content_data import cookbook_content_load
from samvei.cookbook.funding_data import funding_load
from samvei.cookbook.funding_models import FundingScheme
from samvei.cookbook.models import Case, CaseEffect

pytestmark = pytest.mark.django_db

# What a fact field says when it states nothing: it sends the reader to the funder instead.
STATES_NOTHING = ("ikke bekreftet", "ikke oppgitt", "se nettstedet", "sjekk ")
FACTS = {"criteria": "criteria_nb", "amounts": "amounts_nb", "deadlines": "deadline_rule_nb"}


@pytest.fixture
def shipped():
    funding_load()
    cookbook_content_load()


def test_every_published_figure_has_a_source_and_a_checked_date(shipped):
    effects = CaseEffect.objects.filter(case__status=Case.Status.PUBLISHED).exclude(figure="")

    assert effects.exists()
    for effect in effects:
        assert effect.source_url.startswith("http"), effect
        assert effect.checked_on is not None, effect


def test_every_published_funding_fact_has_its_own_checked_source_or_says_it_is_unconfirmed(shipped):
    schemes = FundingScheme.objects.filter(status=FundingScheme.Status.PUBLISHED).prefetch_related("claim_sources")

    assert schemes.exists()
    for scheme in schemes:
        sourced = {claim.supports for claim in scheme.claim_sources.all() if claim.checked_on and claim.url}
        for supports, field in FACTS.items():
            text = getattr(scheme, field).lower()
            if text and supports not in sourced:
                assert any(marker in text for marker in STATES_NOTHING), (scheme.slug, supports)
