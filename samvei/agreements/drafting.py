"""From a collaboration record and a template to a draft: the clauses with the record's facts filled in.

The draft is a bokmål document whatever language the visitor reads Samvei in, so its fixed wording is bokmål
here rather than in the translation catalogue, where an English interface would turn it into a contract with
English headings. The legal wording itself is never here: it comes from the template rows."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.formats import date_format

from samvei.collaborations.models import Collaboration

from .models import AgreementTemplate
from .selectors import agreement_template_for

NOTICE = "UTKAST – ikke juridisk rådgivning"
NOT_SET = "[ikke fastsatt]"
NOT_GIVEN = "[ikke oppgitt]"
NO_MILESTONES = "Ingen milepæler er registrert ennå."
PUBLIC_BODY_ROLE = "Offentlig part"
PARTNER_ROLE = "Partner"
MILESTONES_HEADING = "Vedlegg: milepæler"
MILESTONE_COLUMNS = ("Milepæl", "Frist", "Ansvarlig", "Fullført")
SIGNATURES_HEADING = "Underskrifter"
SIGNATURE_LINES = ("Sted og dato", "Underskrift", "Navn med blokkbokstaver", "Stilling")
ORG_NUMBER_LABEL = "org.nr."

# A placeholder is a lowercase name in braces. Anything else, a lone brace included, is left as written: the
# text is filled by substitution, never by str.format or eval, so a template edited in the admin cannot crash
# a draft or reach an attribute of a value.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Party:
    role: str
    name: str
    org_number: str


@dataclass(frozen=True)
class Clause:
    heading: str
    text: str

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.text.split("\n\n") if part.strip()]


@dataclass(frozen=True)
class MilestoneRow:
    title: str
    due_on: str
    owner: str
    done_on: str


@dataclass(frozen=True)
class Draft:
    template: AgreementTemplate
    title: str
    parties: list[Party]
    clauses: list[Clause]
    milestones: list[MilestoneRow]
    day: date
    notice: str = NOTICE

    @property
    def provenance(self) -> str:
        """Which template version and source the draft came from, printed on the draft itself."""
        template, source = self.template, self.template.source
        publisher = f" ({source.publisher})" if source.publisher else ""
        return (
            f"Laget {norwegian_date(self.day)} fra malen «{template.title_nb}», versjon {template.version}, "
            f"i kraft fra {norwegian_date(template.effective_from)}. Kilde: «{source.title}»{publisher}, "
            f"{norwegian_date(template.source_date)}, sist kontrollert {norwegian_date(template.verified_on)}."
        )

    @property
    def source_url(self) -> str:
        return self.template.source.url


def norwegian_date(day: date | None) -> str:
    if day is None:
        return NOT_SET
    with translation.override("nb"):
        return date_format(day, "j. F Y")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill the known placeholders; an unknown one stays visible, so the reader sees what is missing."""
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def _milestones(collaboration: Collaboration) -> list[MilestoneRow]:
    return [
        MilestoneRow(
            title=milestone.title,
            due_on=norwegian_date(milestone.due_on),
            owner=milestone.owner.name,
            done_on=norwegian_date(milestone.done_on) if milestone.done_on else "",
        )
        for milestone in collaboration.milestones.all()
    ]


def _milestones_text(rows: list[MilestoneRow]) -> str:
    if not rows:
        return NO_MILESTONES
    return "; ".join(f"«{row.title}», frist {row.due_on}, ansvarlig {row.owner}" for row in rows) + "."


def placeholder_values(collaboration: Collaboration, milestones: list[MilestoneRow]) -> dict[str, str]:
    form = collaboration.form
    return {
        "public_body": collaboration.public_body.name,
        "partner": collaboration.partner.name,
        "public_body_org_number": collaboration.public_body.org_number or NOT_GIVEN,
        "partner_org_number": collaboration.partner.org_number or NOT_GIVEN,
        "title": collaboration.title,
        "form": form.name_nb if form else NOT_SET,
        "pilot_ends_on": norwegian_date(collaboration.pilot_ends_on),
        "milestones": _milestones_text(milestones),
    }


class NoTemplateInForce(Exception):
    """Not even a generic template is in force on the day: staff must add or extend one in the admin."""


def agreement_draft(*, collaboration: Collaboration, day: date, template: AgreementTemplate | None = None) -> Draft:
    """The draft of `collaboration` on `day`, from the template in force for its form unless one is given."""
    template = template or agreement_template_for(collaboration=collaboration, day=day)
    if template is None:
        raise NoTemplateInForce
    milestones = _milestones(collaboration)
    values = placeholder_values(collaboration, milestones)
    public_body, partner = collaboration.public_body, collaboration.partner
    return Draft(
        template=template,
        title=f"{template.title_nb}: {collaboration.title}",
        parties=[
            Party(role=PUBLIC_BODY_ROLE, name=public_body.name, org_number=public_body.org_number or NOT_GIVEN),
            Party(role=PARTNER_ROLE, name=partner.name, org_number=partner.org_number or NOT_GIVEN),
        ],
        clauses=[
            Clause(heading=fill(clause["heading"], values), text=fill(clause["text"], values))
            for clause in template.clauses
        ],
        milestones=milestones,
        day=day,
    )
