"""One imported record turned into the values Samvei stores, or into the reason it is refused.

Every check a database could fail on (types, lengths, NUL characters, unknown references) happens here, so that
a batch of accepted rows never fails to write and one bad row never aborts an import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext as _

from samvei.core.importing import RowRejected, within_limit
from samvei.core.limits import LONG_TEXT, TITLE
from samvei.core.validation import is_unicode, printable
from samvei.geography.models import Municipality
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .models import Organisation
from .validators import normalise_organisation_name, validate_org_number

__all__ = ["ImportRow", "References", "RowRejected", "row_from_record"]

NAME_MAX_LENGTH = TITLE
WEBSITE_MAX_LENGTH = 200
CODE_MAX_LENGTH = 10
REFERENCE_DATA_KINDS = (Organisation.Kind.MUNICIPALITY, Organisation.Kind.COUNTY)
IMPORTABLE_KINDS = frozenset(Organisation.Kind.values) - set(REFERENCE_DATA_KINDS)

# Enhetsregisteret's organisasjonsform.kode; every other code is a business.
KIND_BY_ORGANISATION_FORM = {
    "STI": Organisation.Kind.VOLUNTARY,
    "FLI": Organisation.Kind.VOLUNTARY,
    "ORGL": Organisation.Kind.STATE_AGENCY,
    "STAT": Organisation.Kind.STATE_AGENCY,
}
REFERENCE_DATA_FORMS = frozenset({"KOMM", "FYLK"})

_url_validator = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True, slots=True)
class References:
    """Everything a row may point at, loaded once per import so that checking a row costs no query."""

    municipality_ids: dict[str, int]
    welfare_area_ids: dict[str, int]
    target_group_ids: dict[str, int]
    reference_org_numbers: frozenset[str]
    claimed_org_numbers: frozenset[str]

    @classmethod
    def load(cls) -> References:
        # Municipalities, counties and every organisation loaded from a sourced reference file (the state
        # agencies) belong to the reference data; an import must not rename them.
        reference_org_numbers = (
            Organisation.objects.filter(org_number__isnull=False)
            .filter(Q(kind__in=REFERENCE_DATA_KINDS) | Q(source__isnull=False))
            .values_list("org_number", flat=True)
        )
        return cls(
            municipality_ids=dict(Municipality.objects.values_list("number", "pk")),
            welfare_area_ids=dict(WelfareArea.objects.values_list("code", "pk")),
            target_group_ids=dict(TargetGroup.objects.values_list("code", "pk")),
            reference_org_numbers=frozenset(number for number in reference_org_numbers if number),
            # Organisations with members are kept by those members; an import must not overwrite their profile.
            claimed_org_numbers=frozenset(
                number
                for number in Organisation.objects.filter(org_number__isnull=False, memberships__isnull=False)
                .values_list("org_number", flat=True)
                .distinct()
                if number
            ),
        )


@dataclass(frozen=True, slots=True)
class ImportRow:
    """The fields the import owns, and the related ids per many-to-many relation it owns (absent: left alone)."""

    org_number: str
    fields: dict[str, Any]
    relations: dict[str, frozenset[int]]
    registered_facts_only: bool = False  # a profile its members keep: only what the register owns changes


def row_from_record(record: object, *, references: References) -> ImportRow:
    """Reads a JSON Lines row, or an Enhetsregisteret row when it has `organisasjonsnummer`."""
    if not isinstance(record, dict):
        raise RowRejected(_("the row is not a JSON object"))
    if "organisasjonsnummer" in record:
        return _enhetsregisteret_row(record, references=references)
    return _json_lines_row(record, references=references)


def _json_lines_row(record: dict[str, Any], *, references: References) -> ImportRow:
    org_number = _org_number(record.get("org_number"), references=references)
    if org_number in references.claimed_org_numbers:
        raise RowRejected(_("this organisation is kept up to date by its members and is not changed by imports"))
    fields: dict[str, Any] = {
        "name": _name(record.get("name")),
        "kind": _kind(record.get("kind")),
        "description": within_limit(
            _text(_given(record, "description", ""), field="description"), field="description", limit=LONG_TEXT
        ),
        "national": _national(_given(record, "national", False)),
    }
    if (website := _website(record.get("website"))) is not None:
        fields["website"] = website
    relations = {"municipalities": _municipalities(_given(record, "municipalities", []), references=references)}
    for relation, ids in (
        ("welfare_areas", references.welfare_area_ids),
        ("target_groups", references.target_group_ids),
    ):
        if record.get(relation) is not None:
            relations[relation] = _codes(record[relation], relation=relation, ids=ids)
    return ImportRow(org_number=org_number, fields=fields, relations=relations)


def _enhetsregisteret_row(record: dict[str, Any], *, references: References) -> ImportRow:
    org_number = _org_number(record.get("organisasjonsnummer"), references=references)
    name = _name(record.get("navn"))
    form = _code(_nested(record, "organisasjonsform", "kode"), field="organisasjonsform")
    if form in REFERENCE_DATA_FORMS:
        raise RowRejected(_("municipalities and county authorities come from reference data"))
    fields: dict[str, Any] = {
        "name": name,
        "organisation_form": form,
        "industry_code": _code(_nested(record, "naeringskode1", "kode"), field="naeringskode1"),
    }
    if org_number in references.claimed_org_numbers:
        # Its members keep the profile, but the register is the authority on the registered facts: whoever
        # registered the number first cannot keep another name on it.
        return ImportRow(org_number=org_number, fields=fields, relations={}, registered_facts_only=True)
    fields["kind"] = KIND_BY_ORGANISATION_FORM.get(form, Organisation.Kind.BUSINESS)
    if (website := _website(record.get("hjemmeside"))) is not None:
        fields["website"] = website
    municipality = _nested(record, "forretningsadresse", "kommunenummer")
    numbers = [] if municipality is None else [municipality]
    relations = {"municipalities": _municipalities(numbers, references=references)}
    return ImportRow(org_number=org_number, fields=fields, relations=relations)


def _given(record: dict[str, Any], key: str, default: object) -> object:
    """An optional field: absent and null both mean the default."""
    value = record.get(key)
    return default if value is None else value


def _nested(record: dict[str, Any], key: str, inner: str) -> object:
    value = record.get(key)
    return value.get(inner) if isinstance(value, dict) else None


def _org_number(value: object, *, references: References) -> str:
    if value is None or value == "":
        raise RowRejected(_("the organisation number is missing"))
    if not isinstance(value, str):
        raise RowRejected(_("invalid organisation number %(value)s") % {"value": printable(value)})
    try:
        validate_org_number(value)
    except ValidationError:
        raise RowRejected(_("invalid organisation number %(value)s") % {"value": printable(value)}) from None
    if value in references.reference_org_numbers:
        raise RowRejected(_("this organisation comes from reference data and is not changed by imports"))
    return value


def _text(value: object, *, field: str) -> str:
    """Text the database accepts: JSON allows lone surrogates and NUL, which no database column stores."""
    if not isinstance(value, str) or not is_unicode(value):
        raise RowRejected(_("%(field)s must be text") % {"field": field})
    if "\x00" in value:
        raise RowRejected(_("%(field)s contains a NUL character") % {"field": field})
    return value.strip()


def _name(value: object) -> str:
    name = normalise_organisation_name(_text(value if value is not None else "", field="name"))
    if not name:
        raise RowRejected(_("the name is missing"))
    if len(name) > NAME_MAX_LENGTH:
        raise RowRejected(_("the name is longer than %(limit)d characters") % {"limit": NAME_MAX_LENGTH})
    return name


def _kind(value: object) -> str:
    if value in REFERENCE_DATA_KINDS:
        raise RowRejected(_("municipalities and county authorities come from reference data"))
    if not isinstance(value, str) or value not in IMPORTABLE_KINDS:
        raise RowRejected(_("unknown kind %(value)s") % {"value": printable(value)})
    return value


def _code(value: object, *, field: str) -> str:
    """An Enhetsregisteret code (organisasjonsform, næringskode); absent is stored as blank."""
    code = _text(value if value is not None else "", field=field)
    if len(code) > CODE_MAX_LENGTH:
        raise RowRejected(_("invalid %(field)s %(value)s") % {"field": field, "value": printable(code)})
    return code


def _national(value: object) -> bool:
    if not isinstance(value, bool):
        raise RowRejected(_("national must be true or false"))
    return value


def _website(value: object) -> str | None:
    """Enhetsregisteret gives `www.example.no`: an address without a scheme is read as https."""
    if value is None:
        return None
    website = _text(value, field="website")
    if not website:
        return None
    if "://" not in website:
        website = f"https://{website}"
    try:
        if len(website) > WEBSITE_MAX_LENGTH:
            raise ValidationError("too long")
        _url_validator(website)
    except ValidationError:
        raise RowRejected(_("invalid website %(value)s") % {"value": printable(value)}) from None
    return website


def _municipalities(numbers: object, *, references: References) -> frozenset[int]:
    if not isinstance(numbers, list):
        raise RowRejected(_("municipalities must be a list of municipality numbers"))
    ids = set()
    for number in numbers:
        municipality_id = references.municipality_ids.get(number) if isinstance(number, str) else None
        if municipality_id is None:
            raise RowRejected(_("unknown municipality %(value)s") % {"value": printable(number)})
        ids.add(municipality_id)
    return frozenset(ids)


def _codes(codes: object, *, relation: str, ids: dict[str, int]) -> frozenset[int]:
    if not isinstance(codes, list):
        raise RowRejected(_("%(field)s must be a list of codes") % {"field": relation})
    found = set()
    for code in codes:
        term_id = ids.get(code) if isinstance(code, str) else None
        if term_id is None:
            if relation == "welfare_areas":
                raise RowRejected(_("unknown welfare area %(value)s") % {"value": printable(code)})
            raise RowRejected(_("unknown target group %(value)s") % {"value": printable(code)})
        found.add(term_id)
    return frozenset(found)
