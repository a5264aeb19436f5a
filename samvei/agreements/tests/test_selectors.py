import datetime

import pytest

from samvei.agreements.models import AgreementTemplate
from samvei.agreements.selectors import agreement_template_for, agreement_template_in_force

from .factories import AgreementTemplateFactory

DAY = datetime.date(2027, 1, 15)


@pytest.fixture
def no_data_templates(db):
    """The data file's templates are in force from 2017; these tests build their own."""
    AgreementTemplate.objects.all().delete()


def test_the_newest_version_in_force_is_chosen(no_data_templates):
    AgreementTemplateFactory(key="pilot", version=1)
    newest = AgreementTemplateFactory(key="pilot", version=2)

    assert agreement_template_in_force(route_key="pilot-agreement", day=DAY) == newest


def test_a_version_that_starts_later_is_not_chosen_yet(no_data_templates):
    current = AgreementTemplateFactory(key="pilot", version=1)
    AgreementTemplateFactory(key="pilot", version=2, effective_from=DAY + datetime.timedelta(days=1))

    assert agreement_template_in_force(route_key="pilot-agreement", day=DAY) == current


def test_a_version_stops_on_its_end_date(no_data_templates):
    AgreementTemplateFactory(key="pilot", version=2, effective_to=DAY)
    older = AgreementTemplateFactory(key="pilot", version=1)

    assert agreement_template_in_force(route_key="pilot-agreement", day=DAY) == older


def test_a_version_applies_on_the_day_before_its_end(no_data_templates):
    ending = AgreementTemplateFactory(key="pilot", version=2, effective_to=DAY + datetime.timedelta(days=1))
    AgreementTemplateFactory(key="pilot", version=1)

    assert agreement_template_in_force(route_key="pilot-agreement", day=DAY) == ending


def test_a_form_without_a_template_falls_back_to_the_generic_one(no_data_templates):
    generic = AgreementTemplateFactory(key="generic", route_key="generic")

    assert agreement_template_in_force(route_key="grant", day=DAY) == generic


def test_a_form_whose_templates_are_all_out_of_force_falls_back_to_the_generic_one(no_data_templates):
    AgreementTemplateFactory(key="pilot", effective_to=DAY)
    generic = AgreementTemplateFactory(key="generic", route_key="generic")

    assert agreement_template_in_force(route_key="pilot-agreement", day=DAY) == generic


def test_no_template_at_all_gives_none(no_data_templates):
    assert agreement_template_in_force(route_key="pilot-agreement", day=DAY) is None


def test_a_collaboration_without_a_form_gets_the_generic_template(collaboration):
    collaboration.form = None

    assert agreement_template_for(collaboration=collaboration, day=DAY).route_key == "generic"


def test_a_collaboration_gets_the_template_of_its_form(collaboration):
    assert agreement_template_for(collaboration=collaboration, day=DAY).route_key == "pilot-agreement"
