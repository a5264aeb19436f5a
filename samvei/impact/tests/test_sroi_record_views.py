"""The SROI page and its outcome forms: the parties edit, everybody else gets 404 (staff too), anonymous signs in;
bad input is shown again with 400 and nothing changes."""

from decimal import Decimal

import pytest
from django.urls import reverse

from samvei.collaborations.models import CollaborationEvent
from samvei.impact.models import Assumption, Evidence, SroiAnalysis, SroiOutcome

from .factories import (
    AssumptionFactory,
    FinancialProxyFactory,
    PriceIndexFactory,
    SroiAnalysisFactory,
    SroiOutcomeFactory,
    StakeholderFactory,
)

PARTIES = ["body_member", "partner_member"]
STRANGERS = ["third_org_member", "outsider", "staff"]
SUBJECTS = Assumption.Subject.values


def outcome_post(**overrides):
    data = {
        "outcome-name": "Færre innleggelser",
        "outcome-quantity": "10",
        "outcome-proxy_value_nok": "50 000",
        "outcome-deadweight": "20",
        "outcome-displacement": "0",
        "outcome-attribution": "12,5",
        "outcome-drop_off": "50",
        "outcome-duration_years": "3",
    }
    for subject in SUBJECTS:
        data[f"outcome-{subject}_evidence"] = Evidence.MEASURED
        data[f"outcome-{subject}_source"] = "Besøksloggen"
    return data | {f"outcome-{key}": value for key, value in overrides.items()}


@pytest.fixture
def sroi_url(collaboration):
    return reverse("impact:sroi", kwargs={"pk": collaboration.pk})


@pytest.fixture
def new_url(collaboration):
    return reverse("impact:sroi-outcome-new", kwargs={"pk": collaboration.pk})


@pytest.fixture
def analysis(collaboration):
    return SroiAnalysisFactory(collaboration=collaboration)


@pytest.fixture
def outcome(analysis):
    outcome = SroiOutcomeFactory(analysis=analysis, name="Færre fall")
    for subject in SUBJECTS:
        AssumptionFactory(outcome=outcome, subject=subject)
    return outcome


def _edit_url(collaboration, outcome):
    return reverse("impact:sroi-outcome", kwargs={"pk": collaboration.pk, "outcome_pk": outcome.pk})


def _remove_url(collaboration, outcome):
    return reverse("impact:sroi-outcome-remove", kwargs={"pk": collaboration.pk, "outcome_pk": outcome.pk})


@pytest.mark.parametrize("persona", PARTIES)
def test_party_sees_sroi_page_with_ratio(client, request, persona, outcome, sroi_url):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(sroi_url)
    assert response.status_code == 200
    assert "1 : " in response.content.decode()


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_gets_404_on_sroi_page(client, request, persona, outcome, sroi_url):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(sroi_url).status_code == 404


def test_anonymous_is_sent_to_sign_in_from_sroi_page(client, sroi_url):
    response = client.get(sroi_url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_sroi_page_shows_default_rate_of_four_percent(client, body_member, sroi_url):
    client.force_login(body_member)
    assert 'value="4"' in client.get(sroi_url).content.decode()


@pytest.mark.parametrize("persona", PARTIES)
def test_party_saves_investment_and_rate_in_percent(client, request, persona, collaboration, sroi_url):
    client.force_login(request.getfixturevalue(persona))
    data = {"analysis-investment_nok": "1 200 000", "analysis-discount_rate": "4,5"}
    assert client.post(sroi_url, data).status_code == 302
    analysis = SroiAnalysis.objects.get(collaboration=collaboration)
    assert (analysis.investment_nok, analysis.discount_rate) == (Decimal(1200000), Decimal("0.045"))


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_cannot_save_investment(client, request, persona, sroi_url):
    client.force_login(request.getfixturevalue(persona))
    data = {"analysis-investment_nok": "1000", "analysis-discount_rate": "4"}
    assert client.post(sroi_url, data).status_code == 404
    assert not SroiAnalysis.objects.exists()


def test_anonymous_cannot_save_investment(client, sroi_url):
    response = client.post(sroi_url, {"analysis-investment_nok": "1000", "analysis-discount_rate": "4"})
    assert response.status_code == 302
    assert not SroiAnalysis.objects.exists()


@pytest.mark.parametrize(
    ("investment", "rate"), [("0", "4"), ("-5", "4"), ("1000", "100"), ("1000", "-1"), ("mange", "4")]
)
def test_bad_investment_or_rate_is_400_and_unchanged(client, body_member, analysis, sroi_url, investment, rate):
    client.force_login(body_member)
    response = client.post(sroi_url, {"analysis-investment_nok": investment, "analysis-discount_rate": rate})
    assert response.status_code == 400
    stored = SroiAnalysis.objects.get()
    assert (stored.investment_nok, stored.discount_rate) == (analysis.investment_nok, analysis.discount_rate)


@pytest.mark.parametrize("persona", PARTIES)
def test_party_adds_outcome_with_percent_shares(client, request, persona, analysis, new_url):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(new_url, outcome_post()).status_code == 302
    stored = SroiOutcome.objects.get(analysis=analysis)
    assert (stored.attribution, stored.proxy_value_nok) == (Decimal("0.125"), Decimal(50000))
    assert stored.assumptions.count() == 7


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_cannot_add_outcome(client, request, persona, analysis, new_url):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(new_url, outcome_post()).status_code == 404
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_gets_404_on_outcome_form(client, request, persona, analysis, new_url):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(new_url).status_code == 404


def test_anonymous_cannot_add_outcome(client, analysis, new_url):
    assert client.post(new_url, outcome_post()).status_code == 302
    assert not SroiOutcome.objects.exists()


def test_outcome_form_has_a_fieldset_per_assumption(client, body_member, analysis, new_url):
    client.force_login(body_member)
    body = client.get(new_url).content.decode()
    assert body.count("<legend") == 8


@pytest.mark.parametrize("subject", SUBJECTS)
def test_outcome_without_source_for_one_assumption_is_400(client, body_member, analysis, new_url, subject):
    client.force_login(body_member)
    assert client.post(new_url, outcome_post(**{f"{subject}_source": ""})).status_code == 400
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("subject", SUBJECTS)
def test_outcome_without_grade_for_one_assumption_is_400(client, body_member, analysis, new_url, subject):
    client.force_login(body_member)
    assert client.post(new_url, outcome_post(**{f"{subject}_evidence": ""})).status_code == 400
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"), [("attribution", "101"), ("duration_years", "0"), ("duration_years", "51")]
)
def test_outcome_with_number_out_of_range_is_400(client, body_member, analysis, new_url, field, value):
    client.force_login(body_member)
    assert client.post(new_url, outcome_post(**{field: value})).status_code == 400
    assert not SroiOutcome.objects.exists()


def test_outcome_with_stakeholder_of_other_collaboration_is_400(
    client, body_member, analysis, new_url, other_collaboration
):
    foreign = StakeholderFactory(collaboration=other_collaboration)
    client.force_login(body_member)
    assert client.post(new_url, outcome_post(stakeholder=foreign.pk)).status_code == 400
    assert not SroiOutcome.objects.exists()


def test_proxy_fills_value_and_its_assumption(client, body_member, analysis, new_url):
    PriceIndexFactory(year=2015, value=Decimal(100))
    PriceIndexFactory(year=2024, value=Decimal(150))
    proxy = FinancialProxyFactory(value_nok=Decimal(1000), year=2015)
    client.force_login(body_member)
    data = outcome_post(proxy=proxy.pk, proxy_value_nok="", proxy_evidence="", proxy_source="")
    assert client.post(new_url, data).status_code == 302
    stored = SroiOutcome.objects.get()
    assumption = stored.assumptions.get(subject="proxy")
    assert stored.proxy_value_nok == Decimal(1500)
    assert (assumption.evidence, assumption.source) == (Evidence.STUDY, proxy.source.title)


def test_proxy_without_index_for_its_year_asks_for_value(client, body_member, analysis, new_url):
    PriceIndexFactory(year=2024, value=Decimal(150))
    proxy = FinancialProxyFactory(year=2001)
    client.force_login(body_member)
    response = client.post(new_url, outcome_post(proxy=proxy.pk, proxy_value_nok=""))
    assert response.status_code == 400
    assert "2001" in response.content.decode()
    assert not SroiOutcome.objects.exists()


def test_proxy_in_query_prefills_its_assumption(client, body_member, analysis, new_url):
    proxy = FinancialProxyFactory()
    client.force_login(body_member)
    body = client.get(new_url, {"proxy": proxy.key}).content.decode()
    assert proxy.source.title in body


def test_new_outcome_without_analysis_goes_back_to_sroi_page(client, body_member, new_url, sroi_url):
    client.force_login(body_member)
    response = client.post(new_url, outcome_post())
    assert response.status_code == 302
    assert response.url == sroi_url
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("persona", PARTIES)
def test_party_changes_outcome(client, request, persona, collaboration, outcome):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(_edit_url(collaboration, outcome), outcome_post(name="Færre fallskader"))
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert outcome.name == "Færre fallskader"
    assert CollaborationEvent.objects.filter(kind="sroi_outcome_changed").exists()


def test_edit_form_shows_shares_in_percent(client, body_member, collaboration, outcome):
    client.force_login(body_member)
    body = client.get(_edit_url(collaboration, outcome)).content.decode()
    assert 'name="outcome-deadweight" value="20"' in body


def test_invalid_change_is_400_and_unchanged(client, body_member, collaboration, outcome):
    client.force_login(body_member)
    response = client.post(_edit_url(collaboration, outcome), outcome_post(name="Nytt", drop_off="150"))
    assert response.status_code == 400
    outcome.refresh_from_db()
    assert outcome.name == "Færre fall"


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_cannot_change_outcome(client, request, persona, collaboration, outcome):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(_edit_url(collaboration, outcome), outcome_post(name="Nytt")).status_code == 404
    outcome.refresh_from_db()
    assert outcome.name == "Færre fall"


def test_crafted_outcome_of_other_collaboration_is_404(client, body_member, collaboration, other_collaboration):
    foreign = SroiOutcomeFactory(analysis=SroiAnalysisFactory(collaboration=other_collaboration), name="Deres")
    client.force_login(body_member)
    assert client.get(_edit_url(collaboration, foreign)).status_code == 404
    assert client.post(_edit_url(collaboration, foreign), outcome_post(name="Vårt")).status_code == 404
    assert client.post(_remove_url(collaboration, foreign)).status_code == 404
    assert SroiOutcome.objects.get(pk=foreign.pk).name == "Deres"


@pytest.mark.parametrize("persona", PARTIES)
def test_party_removes_outcome(client, request, persona, collaboration, outcome):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(_remove_url(collaboration, outcome)).status_code == 302
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("persona", STRANGERS)
def test_stranger_cannot_remove_outcome(client, request, persona, collaboration, outcome):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(_remove_url(collaboration, outcome)).status_code == 404
    assert SroiOutcome.objects.filter(pk=outcome.pk).exists()


def test_anonymous_cannot_remove_outcome(client, collaboration, outcome):
    assert client.post(_remove_url(collaboration, outcome)).status_code == 302
    assert SroiOutcome.objects.filter(pk=outcome.pk).exists()


def test_get_on_remove_is_not_allowed(client, body_member, collaboration, outcome):
    client.force_login(body_member)
    assert client.get(_remove_url(collaboration, outcome)).status_code == 405


def test_overview_shows_ratio_share_and_link(client, body_member, collaboration, outcome, sroi_url):
    client.force_login(body_member)
    body = client.get(reverse("impact:overview", kwargs={"pk": collaboration.pk})).content.decode()
    assert f'href="{sroi_url}"' in body
    assert "1 : " in body
    assert "0 %" in body
