"""Public bodies known from reference files: every municipality and county authority, and the state agencies
that fund or buy from social entrepreneurs. Names and numbers follow the files; descriptions and websites are
only filled in when the organisation is created, since members maintain them afterwards. The verified e-mail
domain comes from the file's website and stays with the reference data: members editing the website never
change which addresses are approved at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction

from samvei.core.data_files import csv_rows
from samvei.core.sources import sources_sync
from samvei.core.text import norwegian_slugify
from samvei.geography.models import County, Municipality

from .models import Organisation

DATA_DIR = Path(__file__).resolve().parent / "data"
MUNICIPAL_ORG_NUMBERS_FILE = DATA_DIR / "municipal-org-numbers.csv"
STATE_AGENCIES_FILE = DATA_DIR / "state-agencies.csv"
SOURCES_FILE = DATA_DIR / "sources.json"

# Oslo is both a municipality and a county; Oslo kommune carries out the county's tasks.
COUNTIES_RUN_BY_A_MUNICIPALITY = {"03"}


@dataclass(frozen=True)
class PublicBodiesResult:
    created: int
    updated: int


class _Upserter:
    """Creates missing organisations and updates the reference-owned fields of existing ones."""

    def __init__(self, *, using: str) -> None:
        self.using = using
        self.created = 0
        self.updated = 0

    def upsert(self, existing: Organisation | None, *, owned: dict[str, Any], initial: dict[str, Any]) -> None:
        if existing is None:
            Organisation.objects.using(self.using).create(**owned, **initial)
            self.created += 1
            return
        changed = [name for name, value in owned.items() if getattr(existing, name) != value]
        if changed:
            for name in changed:
                setattr(existing, name, owned[name])
            existing.save(using=self.using, update_fields=[*changed, "updated_at"])
            self.updated += 1


def email_domain(website: str) -> str:
    """The domain a reference body's addresses are at, from its website: «https://www.bufdir.no» → «bufdir.no».
    The reference file vouches for it, so claims from verified addresses there are approved at once."""
    host = urlsplit(website or "").hostname or ""
    return host.removeprefix("www.").lower()


@transaction.atomic
def public_bodies_sync(*, using: str = "default") -> PublicBodiesResult:
    sources = sources_sync(path=SOURCES_FILE, using=using)
    organisations = Organisation.objects.using(using)
    upserter = _Upserter(using=using)

    org_numbers = {row["kommunenummer"]: row["organisasjonsnummer"] for row in csv_rows(MUNICIPAL_ORG_NUMBERS_FILE)}
    by_municipality = {org.municipality_id: org for org in organisations.filter(municipality__isnull=False)}
    for municipality in Municipality.objects.using(using).all():
        upserter.upsert(
            by_municipality.get(municipality.pk),
            owned={
                "name": f"{municipality.name} kommune",
                "kind": Organisation.Kind.MUNICIPALITY,
                "municipality": municipality,
                "org_number": org_numbers.get(municipality.number) or None,
                "source": sources["ssb-klass-1236"] if municipality.number in org_numbers else None,
                "verified_domain": email_domain(municipality.website),
            },
            initial={
                "website": municipality.website,
                "slug": f"{norwegian_slugify(municipality.name)}-{municipality.number}",
            },
        )

    by_county = {org.county_id: org for org in organisations.filter(county__isnull=False)}
    for county in County.objects.using(using).exclude(number__in=COUNTIES_RUN_BY_A_MUNICIPALITY):
        upserter.upsert(
            by_county.get(county.pk),
            owned={
                "name": f"{county.name} fylkeskommune",
                "kind": Organisation.Kind.COUNTY,
                "county": county,
                "verified_domain": email_domain(county.website),
            },
            initial={"website": county.website, "slug": norwegian_slugify(f"{county.name} fylkeskommune")},
        )

    agency_rows = list(csv_rows(STATE_AGENCIES_FILE))
    by_number = {
        org.org_number: org for org in organisations.filter(org_number__in=[row["org_number"] for row in agency_rows])
    }
    for row in agency_rows:
        upserter.upsert(
            by_number.get(row["org_number"]),
            owned={
                "name": row["name"],
                "short_name": row["short_name"],
                "kind": row["kind"],
                "org_number": row["org_number"],
                "source": sources["state-agency-org-numbers"],
                "source_urls": "\n".join(url.strip() for url in row["sources"].split(" ; ")),
                "verified_domain": email_domain(row["website"]),
            },
            initial={
                "website": row["website"],
                "description": row["description"],
                "slug": norwegian_slugify(row["short_name"] or row["name"]),
            },
        )
    return PublicBodiesResult(created=upserter.created, updated=upserter.updated)
