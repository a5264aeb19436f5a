"""Funding schemes by Norwegian legal form, funds that take no applications, renamed slugs and dated sources
(issue 15, content-review §D)."""

import copy
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samvei.cookbook import funding_data
from samvei.cookbook.content_data import DATA_DIR, cookbook_content_load
from samvei.cookbook.models import FundingFollow, FundingScheme
from samvei.organisations.tests.factories import MembershipFactory

from .factories import FundingSchemeFactory

pytestmark = pytest.mark.django_db

RECORDS = json.loads((DATA_DIR / "funding.json").read_text(encoding="utf-8"))
KRONPRINS = "kronprinsparets-fond"
OLD_SMN = "sparebank1-smn-samfunnsloftet"
NEW_SMN = "sparebank1-smn-samfunnsutbytte"


@pytest.fixture
def content(db):
    return cookbook_content_load()


@pytest.fixture
def member():
    return MembershipFactory().user


def _load_with(monkeypatch, change):
    records = copy.deepcopy(RECORDS)
    change(records)
    monkeypatch.setattr(funding_data, "_load", lambda name: records)
    return funding_data.funding_load()


def test_the_loader_refuses_an_applicant_kind_that_is_no_legal_form(monkeypatch):
    def social_enterprise(records):
        records[0]["applicant_kinds"] = ["social_enterprise"]

    slug = RECORDS[0]["slug"]
    with pytest.raises(ValidationError, match=slug):
        _load_with(monkeypatch, social_enterprise)
    assert not FundingScheme.objects.filter(slug=slug).exists()


def test_the_loader_refuses_a_scheme_without_applications_that_lists_who_may_apply(monkeypatch):
    def kinds_for_kronprins(records):
        next(r for r in records if r["slug"] == KRONPRINS)["applicant_kinds"] = ["association"]

    with pytest.raises(ValidationError, match=KRONPRINS):
        _load_with(monkeypatch, kinds_for_kronprins)


def test_every_scheme_in_the_file_names_its_sources_with_a_checked_date():
    for record in RECORDS:
        assert record["source_url"].startswith("http"), record["slug"]
        assert date.fromisoformat(record["checked_on"]), record["slug"]
        assert record["sources"], record["slug"]
        for source in record["sources"]:
            assert source["url"].startswith("http"), record["slug"]
            assert source["title"], record["slug"]
            assert date.fromisoformat(source["checked_on"]) <= date(2026, 12, 4), record["slug"]


def test_every_loaded_criterion_and_deadline_has_a_source_and_a_checked_date(content):
    for scheme in FundingScheme.objects.prefetch_related("claim_sources"):
        assert scheme.source.url, scheme.slug
        assert scheme.checked_on, scheme.slug
        kinds = scheme.claim_sources_by_kind
        for fact in ("criteria", "deadlines"):
            if getattr(scheme, f"{'deadline_rule' if fact == 'deadlines' else fact}_nb").strip():
                claims = kinds.get(fact) or kinds.get("description") or []
                assert claims, (scheme.slug, fact)
                assert all(c.checked_on for c in claims), (scheme.slug, fact)


def test_no_scheme_is_stamped_as_checked_on_the_old_blanket_date(content):
    assert not FundingScheme.objects.filter(checked_on=date(2026, 11, 25)).exists()


def test_the_old_smn_address_redirects_permanently_to_the_new_one(client, content):
    old = reverse("cookbook:funding-detail", kwargs={"slug": OLD_SMN})

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == reverse("cookbook:funding-detail", kwargs={"slug": NEW_SMN})


def test_an_unknown_slug_is_still_not_found(client, content):
    assert client.get(reverse("cookbook:funding-detail", kwargs={"slug": "finnes-ikke"})).status_code == 404


def test_the_recipe_links_the_renamed_scheme(content):
    assert FundingScheme.objects.get(slug=NEW_SMN).recipes.filter(slug="finne-finansiering").exists()


def test_a_fund_without_applications_says_so_and_offers_no_follow_button(client, member, content):
    client.force_login(member)
    scheme = FundingScheme.objects.get(slug=KRONPRINS)

    response = client.get(scheme.get_absolute_url())

    assert response.status_code == 200
    assert 'id="no-applications"' in response.text
    assert 'name="follow"' not in response.text
    assert scheme.applicant_kind_list == []


def test_a_scheme_that_takes_applications_offers_the_follow_button(client, member, content):
    client.force_login(member)

    response = client.get(FundingScheme.objects.get(slug="stiftelsen-dam").get_absolute_url())

    assert 'name="follow"' in response.text


def test_following_a_fund_without_applications_is_refused_with_a_message(client, member, content):
    client.force_login(member)
    organisation = member.memberships.get().organisation

    response = client.post(
        reverse("cookbook:funding-follow", kwargs={"slug": KRONPRINS}),
        {"organisation": organisation.pk, "follow": "yes"},
    )

    assert response.status_code == 400
    shown = [str(m) for m in response.context["messages"]]
    assert len(shown) == 1
    assert "Kronprinsparets Fond" in shown[0]
    assert not FundingFollow.objects.exists()


def test_the_service_refuses_a_follow_of_a_fund_without_applications(member):
    from samvei.cookbook.services import funding_follow

    scheme = FundingSchemeFactory(takes_applications=False, applicant_kinds=[], selection_nb="Styret velger.")

    with pytest.raises(ValidationError):
        funding_follow(scheme=scheme, organisation=member.memberships.get().organisation, user=member, follow=True)


def test_the_funding_list_filters_by_legal_form(client, content):
    response = client.get(reverse("cookbook:funding"), {"applicant_kind": "limited_company"})

    slugs = {s.slug for s in response.context["page"].object_list}
    assert response.status_code == 200
    assert slugs == {"nav-sosialt-entreprenorskap", "akershus-sosialt-entreprenorskap-arbeidsinkludering"}


def test_the_funding_list_reads_an_old_code_as_its_legal_form(client):
    FundingSchemeFactory(name="For lag", applicant_kinds=["association"])

    response = client.get(reverse("cookbook:funding"), {"applicant_kind": "voluntary"})

    assert [s.name for s in response.context["page"].object_list] == ["For lag"]


def test_the_api_shows_whether_a_scheme_takes_applications(client, content):
    items = {item["slug"]: item for item in client.get("/api/v1/funding", {"limit": 100}).json()["items"]}

    assert items[KRONPRINS]["takes_applications"] is False
    assert items[KRONPRINS]["applicant_kinds"] == []
    assert items["stiftelsen-dam"]["takes_applications"] is True
    assert items[NEW_SMN]["former_slugs"] == [OLD_SMN]
    assert all(item["checked_on"] and item["fact_sources"] for item in items.values())


def test_the_api_filters_by_legal_form(client, content):
    items = client.get("/api/v1/funding", {"applicant_kind": "county", "limit": 100}).json()["items"]

    assert [item["slug"] for item in items] == ["bufdir-barn-og-ungdom"]


def test_the_api_refuses_an_unknown_legal_form(client):
    assert client.get("/api/v1/funding", {"applicant_kind": "social_enterprise"}).status_code in (400, 422)


def test_loading_over_an_older_database_renames_and_corrects_unedited_rows(content):
    smn = FundingScheme.objects.get(slug=NEW_SMN)
    FundingScheme.objects.filter(pk=smn.pk).update(slug=OLD_SMN, name="Samfunnsutbytte og gaver fra SpareBank 1 SMN")
    FundingScheme.objects.filter(slug=KRONPRINS).update(
        takes_applications=True, applicant_kinds=["association"], selection_nb=""
    )
    FundingScheme.objects.filter(slug="stiftelsen-dam").update(name="Redaktørens navn")

    cookbook_content_load()

    smn.refresh_from_db()
    kronprins = FundingScheme.objects.get(slug=KRONPRINS)
    assert (smn.slug, smn.name) == (NEW_SMN, "Samfunnsutbytte fra SpareBank 1 SMN")
    assert (kronprins.takes_applications, kronprins.applicant_kinds) == (False, [])
    assert FundingScheme.objects.get(slug="stiftelsen-dam").name == "Redaktørens navn"
