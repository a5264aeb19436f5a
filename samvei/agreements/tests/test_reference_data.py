import json
import re

import pytest
from django.utils import timezone

from samvei.agreements.drafting import PLACEHOLDER
from samvei.agreements.models import GENERIC, AgreementTemplate
from samvei.agreements.reference_data import SOURCES_FILE, TEMPLATES_FILE, templates_sync
from samvei.procurement.models import Route
from samvei.procurement.reference_data import SOURCES_FILE as PROCUREMENT_SOURCES_FILE

ENTRIES = json.loads(TEMPLATES_FILE.read_text(encoding="utf-8"))
KNOWN_PLACEHOLDERS = {
    "public_body",
    "partner",
    "public_body_org_number",
    "partner_org_number",
    "title",
    "form",
    "pilot_ends_on",
    "milestones",
}
PURCHASE_FORMS = [
    "pilot-agreement",
    "exploration-agreement",
    "subscription",
    "operating-agreement",
    "procurement",
    "innovation-procurement",
    "effect-contract",
]


def test_the_data_templates_are_loaded_after_migrate(db):
    assert AgreementTemplate.objects.count() == len(ENTRIES)


def test_a_second_sync_changes_nothing(db):
    before = list(AgreementTemplate.objects.values())

    counts = templates_sync()

    assert counts == {"templates_created": 0, "templates_updated": 0}
    assert list(AgreementTemplate.objects.values()) == before


def test_a_deleted_template_is_created_again(db):
    AgreementTemplate.objects.filter(key="grant").delete()

    assert templates_sync()["templates_created"] == 1


def test_a_staff_correction_survives_an_older_file(db):
    AgreementTemplate.objects.filter(key="grant").update(title_nb="Rettet av staben", verified_on="2030-01-01")

    templates_sync()

    assert AgreementTemplate.objects.get(key="grant").title_nb == "Rettet av staben"


def test_a_newer_file_updates_the_row(db, tmp_path):
    entries = [dict(entry) for entry in ENTRIES if entry["key"] == "grant"]
    entries[0].update(title_nb="Ny tittel", verified_on="2030-01-01")
    path = tmp_path / "templates.json"
    path.write_text(json.dumps(entries), encoding="utf-8")

    assert templates_sync(path=path)["templates_updated"] == 1
    assert AgreementTemplate.objects.get(key="grant").title_nb == "Ny tittel"


def test_every_collaboration_form_and_the_fallback_has_a_template(db):
    forms = set(Route.objects.filter(kind="form").values_list("key", flat=True))

    assert {entry["route_key"] for entry in ENTRIES} == forms | {GENERIC}


def test_every_template_is_in_force_today(db):
    today = timezone.localdate()

    assert all(template.applies_on(today) for template in AgreementTemplate.objects.all())


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["key"])
def test_a_template_uses_only_known_placeholders(entry):
    used = {name for clause in entry["clauses"] for name in PLACEHOLDER.findall(clause["text"] + clause["heading"])}

    assert used <= KNOWN_PLACEHOLDERS


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["key"])
def test_a_template_has_the_clauses_every_draft_needs(entry):
    headings = " ".join(clause["heading"] for clause in entry["clauses"])

    for needed in ["Parter", "Formål", "Milepæler", "Personvern", "Immaterielle", "Evaluering", "Oppsigelse"]:
        assert needed in headings
    assert entry["clauses"][-1]["heading"] == "Underskrift"
    assert "{milestones}" in " ".join(clause["text"] for clause in entry["clauses"])


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["key"])
def test_a_template_names_no_threshold_figure(entry):
    """Thresholds change by date and live in procurement's data; a template refers to the advisor instead. The
    only numbers are GDPR's article and the annexes of the procurement template."""
    text = re.sub(r"(artikkel|bilag) \d+", "", " ".join(clause["text"] for clause in entry["clauses"]))

    assert not re.search(r"\d", text)


@pytest.mark.parametrize("key", PURCHASE_FORMS)
def test_a_purchase_form_says_the_procurement_rules_apply_from_the_lower_limit(key):
    entry = next(entry for entry in ENTRIES if entry["key"] == key)
    text = " ".join(clause["text"] for clause in entry["clauses"])

    assert "nedre grense skal følge reglene for offentlige anskaffelser" in text
    assert "rådgiveren i Samvei" in text


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["key"])
def test_a_template_asks_for_a_data_processing_agreement(entry):
    text = " ".join(clause["text"] for clause in entry["clauses"])

    assert "databehandleravtale" in text


def test_sources_shared_with_procurement_are_identical():
    """Both files update the same Source rows; a difference would make them overwrite each other."""
    ours = {source["key"]: source for source in json.loads(SOURCES_FILE.read_text(encoding="utf-8"))}
    theirs = {source["key"]: source for source in json.loads(PROCUREMENT_SOURCES_FILE.read_text(encoding="utf-8"))}

    assert [key for key in ours.keys() & theirs.keys() if ours[key] != theirs[key]] == []


def test_every_template_cites_a_source_in_the_file():
    keys = {source["key"] for source in json.loads(SOURCES_FILE.read_text(encoding="utf-8"))}

    assert {entry["source"] for entry in ENTRIES} <= keys
