import datetime

import factory

from samvei.core.models import Source


class SourceFactory(factory.django.DjangoModelFactory[Source]):
    class Meta:
        model = Source
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"test-source-{n}")
    title = factory.Sequence(lambda n: f"Testkilde {n}")
    publisher = "Statistisk sentralbyrå"
    url = "https://www.ssb.no/"
    retrieved_on = datetime.date(2026, 1, 5)
