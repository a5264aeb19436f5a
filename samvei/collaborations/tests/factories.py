import datetime

import factory
from django.utils import timezone

from samvei.challenges.tests.factories import PitchFactory
from samvei.collaborations.models import Collaboration, CollaborationEvent, Milestone
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import OrganisationFactory


class CollaborationFactory(factory.django.DjangoModelFactory[Collaboration]):
    """A collaboration started from a pitch: Stavanger kommune (the challenge's owner) and the pitching enterprise."""

    class Meta:
        model = Collaboration

    pitch = factory.SubFactory(PitchFactory, status="selected")
    challenge = factory.LazyAttribute(lambda c: c.pitch.challenge)
    public_body = factory.LazyAttribute(lambda c: c.pitch.receiver)
    partner = factory.LazyAttribute(lambda c: c.pitch.sender)
    title = factory.LazyAttribute(lambda c: c.pitch.title)


class CollaborationEventFactory(factory.django.DjangoModelFactory[CollaborationEvent]):
    class Meta:
        model = CollaborationEvent

    collaboration = factory.SubFactory(CollaborationFactory)
    kind = "started"


class DirectCollaborationFactory(factory.django.DjangoModelFactory[Collaboration]):
    """A record started without a pitch: Stavanger kommune and a named partner."""

    class Meta:
        model = Collaboration

    public_body = factory.LazyFunction(lambda: Organisation.objects.get(municipality__number="1103"))
    partner = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Samarbeid {n}")


class MilestoneFactory(factory.django.DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    collaboration = factory.SubFactory(CollaborationFactory)
    title = factory.Sequence(lambda n: f"Milepæl {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    owner = factory.LazyAttribute(lambda m: m.collaboration.public_body)
