import factory

from samvei.core.tests.factories import SourceFactory
from samvei.geography.models import County, Municipality


class CountyFactory(factory.django.DjangoModelFactory[County]):
    """Numbers from 90 up, so they never collide with the real counties loaded by migrate."""

    class Meta:
        model = County

    number = factory.Sequence(lambda n: f"{90 + n % 10}")
    name = factory.Sequence(lambda n: f"Testfylke {n}")
    source = factory.SubFactory(SourceFactory)


class MunicipalityFactory(factory.django.DjangoModelFactory[Municipality]):
    class Meta:
        model = Municipality

    number = factory.Sequence(lambda n: f"{9000 + n}")
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    county = factory.SubFactory(CountyFactory)
    administrative_centre = factory.LazyAttribute(lambda m: m.name)
    population = 1234
    area_km2 = "100.50"
    written_language = Municipality.WrittenLanguage.NYNORSK
    source = factory.SubFactory(SourceFactory)
