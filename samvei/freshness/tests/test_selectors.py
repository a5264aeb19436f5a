import datetime

import pytest
from django.utils import timezone

from samvei.cookbook.funding_models import FundingSchemeSource
from samvei.cookbook.tests.factories import FundingSchemeFactory
from samvei.core.freshness import Kind
from samvei.freshness.selectors import by_kind, rechecks_due
from samvei.organisations.tests.factories import ContactPointFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _labels(kind):
    return {item.label for item in rechecks_due(today=TODAY) if item.kind == kind}


def _claim(scheme, *, supports, checked_on, source_date=None):
    return FundingSchemeSource.objects.create(
        scheme=scheme,
        supports=supports,
        title=f"Kilde for {supports}",
        url="https://example.org/kilde",
        checked_on=checked_on,
        source_date=source_date,
    )


def test_a_deadline_from_last_year_is_due_though_checked_today():
    scheme = FundingSchemeFactory()
    claim = _claim(scheme, supports="deadlines", checked_on=TODAY, source_date=datetime.date(TODAY.year - 1, 3, 1))

    assert str(claim) in _labels(Kind.FUNDING_YEARLY)


def test_a_criterion_checked_today_is_not_due():
    scheme = FundingSchemeFactory()
    claim = _claim(scheme, supports="criteria", checked_on=TODAY, source_date=datetime.date(2023, 3, 1))

    assert str(claim) not in _labels(Kind.FUNDING_FACT)


def test_a_contact_point_unconfirmed_for_over_a_year_is_due_and_names_its_organisation():
    point = ContactPointFactory(last_confirmed_on=TODAY - datetime.timedelta(days=400))

    assert f"{point.organisation.name}: {point}" in _labels(Kind.CONTACT_POINT)


def test_example_contact_points_are_never_due():
    point = ContactPointFactory(last_confirmed_on=TODAY - datetime.timedelta(days=400), is_example=True)

    assert f"{point.organisation.name}: {point}" not in _labels(Kind.CONTACT_POINT)


def test_the_oldest_check_comes_first_and_each_links_to_the_page_that_edits_it():
    scheme = FundingSchemeFactory()
    old = _claim(scheme, supports="criteria", checked_on=datetime.date(2000, 1, 1))
    older = _claim(scheme, supports="amounts", checked_on=datetime.date(1999, 1, 1))

    due = [item for item in rechecks_due(today=TODAY) if item.label.startswith(scheme.name)]

    assert [item.label for item in due[:2]] == [str(older), str(old)]
    assert due[0].edit_url == f"/admin/cookbook/fundingscheme/{scheme.pk}/change/"


def test_groups_follow_the_order_of_the_kinds():
    scheme = FundingSchemeFactory()
    _claim(scheme, supports="criteria", checked_on=datetime.date(2000, 1, 1))
    ContactPointFactory(last_confirmed_on=datetime.date(2000, 1, 1))

    labels = list(by_kind(rechecks_due(today=TODAY)))

    assert labels.index(Kind.FUNDING_FACT.label) < labels.index(Kind.CONTACT_POINT.label)
