"""Imports organisations from JSON Lines or from Enhetsregisteret's bulk JSON array, plain or gzip-compressed.

Reading is streamed and writing is batched, so memory stays flat from a hundred rows to Enhetsregisteret's
million. The organisation number is the key, so importing the same file again changes nothing. Checking a row
lives in `import_rows`, reading records in `samvei.core.importing`; this module writes batches.

An Enhetsregisteret record also fills the local register (`RegisterEntry`), even when the organisation itself
is not changed by imports (reference data, profiles kept by their members): the register is what profiles are
verified against, and every organisation with a number in the batch is checked again."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, BinaryIO

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.core.derived import refresh_later
from samvei.core.importing import MAX_STORED_REJECTIONS, ImportReport, InputFormat, Rejection, read_records
from samvei.core.text import norwegian_slugify

from .brreg import RegisterData, register_data_from_enhet
from .import_rows import ImportRow, References, RowRejected, row_from_record
from .models import Organisation, OrganisationEvent, RegisterEntry, organisation_search_text
from .register import REGISTER_ENTRY_FIELDS, normalise_name, verify_in_bulk
from .services import free_slug

__all__ = ["ImportReport", "InputFormat", "OrganisationImportReport", "organisations_import"]

BATCH_SIZE = 1000

# Each many-to-many relation the import may own: its through model and the column naming the other side.
RELATIONS: tuple[tuple[str, type[models.Model], str], ...] = (
    ("municipalities", Organisation.municipalities.through, "municipality_id"),
    ("welfare_areas", Organisation.welfare_areas.through, "welfarearea_id"),
    ("target_groups", Organisation.target_groups.through, "targetgroup_id"),
)


@dataclass
class OrganisationImportReport(ImportReport):
    register_entries: int = 0

    def summary(self) -> str:
        line = super().summary()
        if not self.register_entries:
            return line
        return _("%(summary)s; Enhetsregisteret entries stored: %(entries)d") % {
            "summary": line,
            "entries": self.register_entries,
        }


def organisations_import(*, stream: BinaryIO, batch_size: int = BATCH_SIZE) -> OrganisationImportReport:
    """Creates or updates an organisation per valid row, and reports every other row without storing any of it.

    Holds at most one batch of rows; each batch is written in its own transaction, so an import that stops
    half-way keeps the batches before and can simply be run again. The rows a batch touched are handed to
    `refresh_later`, so search and matching follow (at once inside `refresh_in_process`)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    input_format, records = read_records(stream=stream)
    report = OrganisationImportReport(format=input_format, max_stored=MAX_STORED_REJECTIONS)
    references = References.load()
    batch: dict[str, ImportRow] = {}  # a later row with the same organisation number replaces the earlier one
    register: dict[str, RegisterData] = {}
    for record in records:
        if isinstance(record, Rejection):
            report.reject(record)
            continue
        if (unit := register_data_from_enhet(record.value)) is not None:
            register[unit.org_number] = unit
        try:
            row = row_from_record(record.value, references=references)
        except RowRejected as rejected:
            report.reject(Rejection(position=record.position, reason=rejected.reason))
        else:
            batch[row.org_number] = row
        if len(batch) >= batch_size or len(register) >= batch_size:
            _write_batch(rows=list(batch.values()), register=list(register.values()), report=report)
            batch.clear()
            register.clear()
    if batch or register:
        _write_batch(rows=list(batch.values()), register=list(register.values()), report=report)
    return report


# Writing ---------------------------------------------------------------------------------------------------


@transaction.atomic
def _write_batch(*, rows: list[ImportRow], register: list[RegisterData], report: OrganisationImportReport) -> None:
    """One transaction and a fixed number of queries per batch, however large it is."""
    _write_organisations(rows=rows, report=report)
    if register:
        now = timezone.now()
        RegisterEntry.objects.bulk_create(
            [unit.entry(source=RegisterEntry.Source.BULK_FILE, fetched_at=now) for unit in register],
            update_conflicts=True,
            unique_fields=["org_number"],
            update_fields=list(REGISTER_ENTRY_FIELDS),
        )
        report.register_entries += len(register)
    verify_in_bulk(org_numbers={row.org_number for row in rows} | {unit.org_number for unit in register})


def _write_organisations(*, rows: list[ImportRow], report: OrganisationImportReport) -> None:
    if not rows:
        return
    existing = Organisation.objects.in_bulk([row.org_number for row in rows], field_name="org_number")
    created: list[Organisation] = []
    changed: list[Organisation] = []
    changed_fields: set[str] = set()
    fields_by_organisation: dict[int, list[str]] = {}
    organisations: list[Organisation] = []
    for row in rows:
        organisation = existing.get(row.org_number)
        if organisation is None:
            organisation = Organisation(org_number=row.org_number, slug=_slug(row), **row.fields)
            created.append(organisation)
        elif fields := [
            name for name, value in _wanted(organisation, row).items() if getattr(organisation, name) != value
        ]:
            for name in fields:
                setattr(organisation, name, row.fields[name])
            changed.append(organisation)
            fields_by_organisation[organisation.pk] = sorted(fields)
            changed_fields.update(fields)
        organisations.append(organisation)

    now = timezone.now()
    for organisation in [*created, *changed]:
        # bulk_create and bulk_update bypass save(), which keeps search_text and updated_at current.
        organisation.search_text = organisation_search_text(organisation)
        organisation.updated_at = now
    _free_slugs(created)
    Organisation.objects.bulk_create(created)
    if changed:
        Organisation.objects.bulk_update(changed, [*sorted(changed_fields), "search_text", "updated_at"])

    new_ids = {organisation.pk for organisation in created}
    updated_ids = {organisation.pk for organisation in changed}
    relinked_ids = _sync_relations(pairs=list(zip(organisations, rows, strict=True)), new_ids=new_ids) - new_ids
    if relinked_only := relinked_ids - updated_ids:
        Organisation.objects.filter(pk__in=relinked_only).update(updated_at=now)
    updated_ids |= relinked_ids

    OrganisationEvent.objects.bulk_create(
        OrganisationEvent(
            organisation=organisation,
            kind=OrganisationEvent.Kind.IMPORTED,
            actor=None,
            detail={"created": organisation.pk in new_ids, "fields": fields_by_organisation.get(organisation.pk, [])},
        )
        for organisation in organisations
        if organisation.pk in new_ids or organisation.pk in updated_ids
    )
    refresh_later(Organisation, new_ids | updated_ids)  # bulk writes bypass the safety-net signals
    report.created += len(new_ids)
    report.updated += len(updated_ids)
    report.unchanged += len(rows) - len(new_ids) - len(updated_ids)


def _wanted(organisation: Organisation, row: ImportRow) -> dict[str, Any]:
    """What the row sets. On a profile its members keep, the register's name replaces theirs only when it is
    another name, not the same name spelt their way («Besøksvennene» for «BESØKSVENNENE AS»)."""
    if row.registered_facts_only and normalise_name(organisation.name) == normalise_name(row.fields["name"]):
        return {name: value for name, value in row.fields.items() if name != "name"}
    return row.fields


def _slug(row: ImportRow) -> str:
    name = norwegian_slugify(row.fields["name"])[:200].rstrip("-") or "organisasjon"
    return f"{name}-{row.org_number}"


def _free_slugs(created: list[Organisation]) -> None:
    """Slugs carry the organisation number, so they clash only with an organisation whose number was changed
    after it was imported; such a rare clash gets a counter instead of failing the whole batch."""
    if not created:
        return
    taken = set(Organisation.objects.filter(slug__in=[org.slug for org in created]).values_list("slug", flat=True))
    for organisation in created:
        if organisation.slug in taken:
            organisation.slug = free_slug(organisation.slug)


def _sync_relations(*, pairs: list[tuple[Organisation, ImportRow]], new_ids: set[int]) -> set[int]:
    """Makes each relation a row gives equal to it, through the through tables (one read, at most one delete
    and one insert per relation); returns the ids of the organisations whose links changed."""
    relinked: set[int] = set()
    for relation, through, target in RELATIONS:
        wanted = {org.pk: row.relations[relation] for org, row in pairs if relation in row.relations}
        current: defaultdict[int, dict[int, int]] = defaultdict(dict)  # organisation -> target -> link
        if existing_ids := [pk for pk in wanted if pk not in new_ids]:
            links = through._default_manager.filter(organisation_id__in=existing_ids)
            for link_id, organisation_id, target_id in links.values_list("pk", "organisation_id", target):
                current[organisation_id][target_id] = link_id
        stale = [
            link_id
            for organisation_id, links_by_target in current.items()
            for target_id, link_id in links_by_target.items()
            if target_id not in wanted[organisation_id]
        ]
        missing = [
            through(organisation_id=organisation_id, **{target: target_id})
            for organisation_id, target_ids in wanted.items()
            for target_id in target_ids - current[organisation_id].keys()
        ]
        if stale:
            through._default_manager.filter(pk__in=stale).delete()
        through._default_manager.bulk_create(missing)
        relinked.update(link.organisation_id for link in missing)  # type: ignore[attr-defined]
        relinked.update(org_id for org_id, links in current.items() if links.keys() - wanted[org_id])
    return relinked
