import datetime

import factory
from django.utils import timezone

from samvei.challenges.models import Challenge, Pitch
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import OrganisationFactory


class ChallengeFactory(factory.django.DjangoModelFactory[Challenge]):
    """A published challenge from Stavanger kommune with a deadline a month ahead."""

    class Meta:
        model = Challenge

    owner = factory.LazyFunction(lambda: Organisation.objects.get(municipality__number="1103"))
    municipality = factory.LazyAttribute(lambda c: c.owner.municipality)
    title = factory.Sequence(lambda n: f"Ensomhet på sykehjem {n}")
    description = "Mange beboere får få besøk."
    status = Challenge.Status.PUBLISHED
    intent = Challenge.Intent.EXPLORATION
    published_at = factory.LazyFunction(timezone.now)
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class PitchFactory(factory.django.DjangoModelFactory[Pitch]):
    class Meta:
        model = Pitch

    challenge = factory.SubFactory(ChallengeFactory)
    sender = factory.SubFactory(OrganisationFactory)
    receiver = factory.LazyAttribute(lambda p: p.challenge.owner)
    title = "Ungdom som besøksvenner"
    summary = "Vi ansetter ungdom som besøker eldre."
    delivered_at = factory.LazyFunction(timezone.now)
