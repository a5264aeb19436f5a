"""Write N Enhetsregisteret-shaped records as one JSON array, to benchmark `manage.py import_organisations`.

Usage:
    .venv/bin/python bench/generate_enhetsregisteret.py var/bench/enheter-1000000.json
    .venv/bin/python bench/generate_enhetsregisteret.py --rows 100000 --seed 7 var/bench/enheter.json.gz

The records follow Enhetsregisteret's bulk download (https://data.brreg.no/enhetsregisteret/api/enheter/lastned):
valid MOD11 organisation numbers that avoid those of the public bodies in reference data, upper-case names,
organisasjonsform codes in roughly the register's proportions, real kommunenummer weighted by population,
næringskoder and some websites.
About 0.5 % of the records are deliberately bad (wrong check digit, missing navn, kommunenummer 9999); the few
KOMM and FYLK records are refused as reference data. The same --seed always gives the same file, and the file is
written record by record, so memory stays flat however many rows are asked for.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parent.parent
MUNICIPALITIES_FILE = ROOT / "samvei" / "geography" / "data" / "kommuner-2025.csv"
ORGANISATIONS_DATA = ROOT / "samvei" / "organisations" / "data"
# Public bodies loaded as reference data: a generated record must not take over their organisation numbers.
REFERENCE_ORG_NUMBERS = (
    (ORGANISATIONS_DATA / "municipal-org-numbers.csv", "organisasjonsnummer"),
    (ORGANISATIONS_DATA / "state-agencies.csv", "org_number"),
)

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
# Organisation numbers are 9 digits starting with 8 or 9: 20 million 8-digit bases, visited in an order that an
# affine map with a multiplier coprime to 20 000 000 makes look random while never repeating.
BASE_START, BASE_COUNT, BASE_MULTIPLIER = 80_000_000, 20_000_000, 7_919_231

# organisasjonsform: code, description, share in per cent (approximately the register's mix).
FORMS = (
    ("AS", "Aksjeselskap", 36.0),
    ("ENK", "Enkeltpersonforetak", 29.0),
    ("FLI", "Forening/lag/innretning", 9.0),
    ("ESEK", "Eierseksjonssameie", 4.0),
    ("ANNA", "Annen juridisk person", 3.0),
    ("ANS", "Ansvarlig selskap med solidarisk ansvar", 3.0),
    ("BRL", "Borettslag", 2.5),
    ("NUF", "Norskregistrert utenlandsk foretak", 2.5),
    ("DA", "Ansvarlig selskap med delt ansvar", 1.5),
    ("SA", "Samvirkeforetak", 1.2),
    ("STI", "Stiftelse", 1.2),
    ("ORGL", "Organisasjonsledd", 0.6),
    ("PRE", "Partsrederi", 0.5),
    ("SAER", "Annet foretak iflg. særskilt lov", 0.2),
    ("KF", "Kommunalt foretak", 0.2),
    ("IKS", "Interkommunalt selskap", 0.1),
    ("SF", "Statsforetak", 0.05),
    ("KOMM", "Kommune", 0.035),
    ("FYLK", "Fylkeskommune", 0.002),
    ("STAT", "Staten", 0.001),
)
SUFFIX = {"AS": " AS", "ASA": " ASA", "SA": " SA", "DA": " DA", "ANS": " ANS", "STI": " STIFTELSE", "BRL": " BRL"}
INDUSTRY_CODES = (
    ("88.991", "Velferdstjenester uten botilbud ellers"),
    ("88.102", "Dagsentre og aktivitetssentre for eldre og funksjonshemmede"),
    ("87.301", "Aldershjem"),
    ("68.209", "Utleie av egen eller leid fast eiendom ellers"),
    ("70.220", "Bedriftsrådgivning og annen administrativ rådgivning"),
    ("62.010", "Programmeringstjenester"),
    ("43.210", "Elektrisk installasjonsarbeid"),
    ("56.101", "Drift av restauranter og kafeer"),
    ("94.991", "Aktiviteter i andre interesseorganisasjoner"),
    ("86.211", "Allmenn legetjeneste"),
    ("41.200", "Oppføring av bygninger"),
    ("49.410", "Godstransport på vei"),
    ("47.111", "Butikkhandel med bredt vareutvalg"),
    ("85.601", "Pedagogisk-psykologisk rådgivning"),
    ("93.120", "Drift av idrettslag"),
    ("90.011", "Utøvende kunstnere og underholdningsvirksomhet innen musikk"),
)
FIRST = (
    "Nordlys", "Fjord", "Bjørke", "Solsikke", "Havblikk", "Fjell", "Lyngheia", "Elvebakken", "Kystlys", "Granli",
    "Tindeglimt", "Vestavind", "Måkeskjær", "Rypefjell", "Sølvberg", "Blåbær", "Furulund", "Øyvang", "Heggli", "Åsen",
)  # fmt: skip
SECOND = (
    "Omsorg", "Bygg", "Regnskap", "Eiendom", "Consult", "Transport", "Helse", "Rørlegger", "Frisør", "Kafé",
    "Invest", "Data", "Elektro", "Maskin", "Fisk", "Gård", "Hjemmetjeneste", "Aktivitet", "Idrettslag", "Venner",
)  # fmt: skip
STREETS = ("Storgata", "Kirkeveien", "Fjordgata", "Skolegata", "Industriveien", "Strandveien", "Bakkeveien")
BAD_SHARE = 0.005
WEB_LETTERS = str.maketrans({" ": "", "æ": "ae", "ø": "o", "å": "a", "é": "e", "-": ""})


def check_digit(base: str) -> int | None:
    """MOD11 with Brønnøysund's weights; None when the remainder gives 10 and no number exists."""
    digit = 11 - sum(int(d) * w for d, w in zip(base, WEIGHTS, strict=True)) % 11
    return None if digit == 10 else digit % 11


def org_numbers(*, seed: int, avoid: set[str]) -> Iterator[str]:
    """Unique valid organisation numbers in a seed-dependent order."""
    offset = random.Random(seed).randrange(BASE_COUNT)
    for index in range(BASE_COUNT):
        base = str(BASE_START + (index * BASE_MULTIPLIER + offset) % BASE_COUNT)
        digit = check_digit(base)
        if digit is not None and (number := f"{base}{digit}") not in avoid:
            yield number


def _municipalities() -> tuple[list[tuple[str, str]], list[int]]:
    with MUNICIPALITIES_FILE.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    names = [(row["kommunenummer"], row["kommunenavn"].upper()) for row in rows]
    return names, list(accumulate(int(row["innbyggere"]) for row in rows))


def _reference_org_numbers() -> set[str]:
    numbers = set()
    for path, column in REFERENCE_ORG_NUMBERS:
        with path.open(encoding="utf-8", newline="") as file:
            numbers |= {row[column] for row in csv.DictReader(file) if row[column]}
    return numbers


class RecordMaker:
    """Builds one record at a time from a seeded random generator."""

    def __init__(self, *, seed: int) -> None:
        self.random = random.Random(seed)
        self.numbers = org_numbers(seed=seed, avoid=_reference_org_numbers())
        self.municipalities, self.population = _municipalities()
        self.forms = [(code, text) for code, text, _share in FORMS]
        self.form_weights = list(accumulate(share for _code, _text, share in FORMS))

    def record(self) -> dict[str, Any]:
        rnd = self.random
        number = next(self.numbers)
        code, form_text = rnd.choices(self.forms, cum_weights=self.form_weights)[0]
        kommunenummer, kommune = rnd.choices(self.municipalities, cum_weights=self.population)[0]
        place = f" {kommune}" if rnd.random() < 0.3 else ""
        name = f"{rnd.choice(FIRST)} {rnd.choice(SECOND)}".upper() + place + SUFFIX.get(code, "")
        record: dict[str, Any] = {
            "organisasjonsnummer": number,
            "navn": name,
            "organisasjonsform": {"kode": code, "beskrivelse": form_text},
            "registreringsdatoEnhetsregisteret": f"{rnd.randint(1995, 2025)}-{rnd.randint(1, 12):02}-01",
            "registrertIMvaregisteret": rnd.random() < 0.4,
            "antallAnsatte": rnd.choice((0, 0, 0, 1, 2, 4, 7, 12, 30, 150)),
            "registrertIForetaksregisteret": code not in ("FLI", "ESEK", "ANNA", "ORGL"),
            "registrertIStiftelsesregisteret": code == "STI",
            "registrertIFrivillighetsregisteret": code == "FLI" and rnd.random() < 0.5,
            "konkurs": False,
            "underAvvikling": False,
            "maalform": "Bokmål",
        }
        if rnd.random() < 0.85:
            industry, industry_text = rnd.choice(INDUSTRY_CODES)
            record["naeringskode1"] = {"kode": industry, "beskrivelse": industry_text}
        if rnd.random() < 0.97:
            record["forretningsadresse"] = {
                "land": "Norge",
                "landkode": "NO",
                "postnummer": f"{rnd.randint(1, 9999):04}",
                "poststed": kommune,
                "adresse": [f"{rnd.choice(STREETS)} {rnd.randint(1, 120)}"],
                "kommune": kommune,
                "kommunenummer": kommunenummer,
            }
        if rnd.random() < 0.12:
            record["hjemmeside"] = f"www.{name.lower().translate(WEB_LETTERS)[:40]}.no"
        record["_links"] = {"self": {"href": f"https://data.brreg.no/enhetsregisteret/api/enheter/{number}"}}
        if rnd.random() < BAD_SHARE:
            self._spoil(record)
        return record

    def _spoil(self, record: dict[str, Any]) -> None:
        """Makes a record one of the three kinds of bad row the import must refuse."""
        damage = self.random.randrange(3)
        if damage == 0:
            number = record["organisasjonsnummer"]
            record["organisasjonsnummer"] = number[:8] + str((int(number[8]) + 1) % 10)
        elif damage == 1:
            del record["navn"]
        else:
            record.setdefault("forretningsadresse", {})["kommunenummer"] = "9999"


def write(*, out: TextIO, rows: int, seed: int) -> None:
    maker = RecordMaker(seed=seed)
    out.write("[")
    for index in range(rows):
        out.write("\n" if index == 0 else ",\n")
        out.write(json.dumps(maker.record(), ensure_ascii=False))
    out.write("\n]\n")


def generate(*, path: Path, rows: int, seed: int = 1) -> None:
    """Writes the file, gzip-compressed when the name ends with .gz."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(partial, "wt", encoding="utf-8") as out:
        write(out=out, rows=rows, seed=seed)
    partial.replace(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    generate(path=arguments.path, rows=arguments.rows, seed=arguments.seed)


if __name__ == "__main__":
    main()
