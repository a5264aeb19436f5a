import datetime

import factory

from samvei.agreements.models import AgreementTemplate
from samvei.core.tests.factories import SourceFactory


class AgreementTemplateFactory(factory.django.DjangoModelFactory[AgreementTemplate]):
    class Meta:
        model = AgreementTemplate

    key = factory.Sequence(lambda n: f"test-template-{n}")
    route_key = "pilot-agreement"
    version = 1
    effective_from = datetime.date(2020, 1, 1)
    effective_to = None
    title_nb = factory.Sequence(lambda n: f"Testmal {n}")
    clauses = factory.LazyFunction(
        lambda: [
            {"heading": "Parter", "text": "Avtalen er mellom {public_body} og {partner}."},
            {"heading": "Formål", "text": "Samarbeidet gjelder «{title}» til {pilot_ends_on}."},
        ]
    )
    source = factory.SubFactory(SourceFactory)
    source_date = datetime.date(2017, 3, 1)
    verified_on = datetime.date(2026, 12, 3)
