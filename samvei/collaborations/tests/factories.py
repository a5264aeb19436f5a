import factory

from samvei.challenges.tests.factories import PitchFactory
from samvei.collaborations.models import Collaboration, CollaborationEvent


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
