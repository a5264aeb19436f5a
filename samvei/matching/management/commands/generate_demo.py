"""Synthetic, clearly marked example data in bulk, for measuring search and matching at scale."""

import random
from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from samvei.challenges.models import Challenge
from samvei.geography.models import Municipality
from samvei.organisations.models import Organisation, organisation_search_text
from samvei.taxonomy.models import TargetGroup, WelfareArea

OFFERS = [
    (
        "elderly-care",
        "elderly",
        "Vi organiserer besøksvenner og aktiviteter for eldre som bor hjemme eller på sykehjem.",
    ),
    ("dementia", "elderly", "Vi driver dagtilbud med musikk og gårdsarbeid for personer med demens."),
    ("children-youth", "children", "Vi gir barn gratis fritidsaktiviteter etter skoletid."),
    ("child-welfare", "youth", "Vi følger opp unge med erfaring fra barnevernet når de flytter for seg selv."),
    ("school-dropout", "youth", "Vi gir ungdom som står i fare for å slutte i videregående, praksis og mestring."),
    ("work-inclusion", "people-outside-work", "Vi tilbyr arbeidstrening i vårt kafé- og verkstedsdrift."),
    ("integration", "immigrants-refugees", "Vi kobler flyktninger med arbeidsgivere og gir norsktrening i praksis."),
    ("mental-health", "young-adults", "Vi driver lavterskel samtalegrupper for unge voksne med psykiske plager."),
    ("substance-abuse", "adults", "Vi gir personer i rusomsorgen meningsfullt arbeid og fellesskap."),
    ("housing", "adults", "Vi hjelper bostedsløse med bolig og oppfølging den første tiden."),
    ("disability", "people-with-disabilities", "Vi tilrettelegger friluftsliv for personer med funksjonsnedsettelser."),
    ("public-health", "families", "Vi arrangerer turgrupper og trening for familier i nærmiljøet."),
    ("crime-prevention", "young-adults", "Vi gir løslatte arbeid og en mentor i overgangen fra soning."),
    ("poverty", "families", "Vi gir familier med lav inntekt utstyr og gratis aktiviteter."),
    ("carers", "families", "Vi gir pårørende avlastning og samtalegrupper."),
    ("digital-inclusion", "elderly", "Vi lærer eldre å bruke nettbrett og offentlige digitale tjenester."),
    ("environment-reuse", "people-outside-work", "Vi reparerer og selger brukte møbler med arbeidstrening."),
]
# What a municipality might write about each area, in its own words rather than an enterprise's.
NEEDS = {
    "elderly-care": "Mange beboere på sykehjemmene sitter alene store deler av dagen.",
    "dementia": "Hjemmeboende med hukommelsessvikt mangler meningsfulle aktiviteter på dagtid.",
    "children-youth": "Flere barn deltar ikke i noen organisert fritid fordi familien ikke har råd.",
    "child-welfare": "Unge som har bodd i fosterhjem eller institusjon står ofte alene når de fyller 18.",
    "school-dropout": "For mange elever avbryter videregående skole i første eller andre klasse.",
    "work-inclusion": "Vi har mange innbyggere som har stått lenge utenfor arbeidslivet.",
    "integration": "Nyankomne flyktninger bruker lang tid på å komme i jobb og lære språket.",
    "mental-health": "Ventetidene til psykisk helsetjeneste er lange, og mange unge voksne faller mellom stoler.",
    "substance-abuse": "Personer som er ferdige med behandling for rus mangler noe å gå til om dagen.",
    "housing": "Vi ser at flere mister boligen og havner i midlertidige botilbud.",
    "disability": "Personer med funksjonsnedsettelser har få tilrettelagte fritidstilbud i kommunen.",
    "public-health": "Stillesitting og dårlig fysisk form øker blant innbyggerne.",
    "crime-prevention": "Mange som løslates, faller tilbake til kriminalitet det første året.",
    "poverty": "Barnefamilier med lav inntekt har ikke råd til utstyr og aktiviteter.",
    "carers": "Pårørende som gir mye omsorg hjemme, blir slitne og trenger avlastning.",
    "digital-inclusion": "Mange eldre klarer ikke å bruke de digitale tjenestene våre.",
    "environment-reuse": "Kommunen kaster store mengder møbler og utstyr som kunne vært brukt igjen.",
}
WAYS = [
    "Deltakerne får fast oppfølging av en egen kontaktperson.",
    "Vi samarbeider tett med NAV, skolene og helsetjenesten.",
    "Tilbudet drives av ansatte sammen med frivillige.",
    "Kommunen kjøper plasser hos oss gjennom en rammeavtale.",
    "Vi måler effekten hvert år og deler resultatene åpent.",
    "Overskuddet går tilbake til virksomheten.",
    "Vi har drevet i flere år og vokser til nye kommuner.",
    "Vi tilbyr også kurs for kommunens ansatte.",
]
NAME_PARTS = (["Nord", "Sør", "Fjord", "Dal", "By", "Kyst", "Skog", "Fjell", "Vik", "Elv"],
              ["vennene", "verkstedet", "huset", "hagen", "brua", "nettverket", "laget", "tunet"])  # fmt: skip


class Command(BaseCommand):
    help = "Create N example organisations and M published example challenges (marked as examples)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisations", type=int, default=1000)
        parser.add_argument("--challenges", type=int, default=100)
        parser.add_argument("--seed", type=int, default=2026)

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        if options["organisations"] < 0 or options["challenges"] < 0:
            raise CommandError("Counts cannot be negative")
        world = _World(random.Random(options["seed"]))  # noqa: S311 - synthetic data, not secrets
        organisations = world.organisations(options["organisations"])
        challenges = world.challenges(options["challenges"])
        for model, rows in world.links.items():
            model.objects.bulk_create(rows, batch_size=2000)
        self.stdout.write(
            f"Created {organisations} organisations and {challenges} challenges. "
            "Run refresh_embeddings and rebuild_search_index to make them matchable and searchable."
        )


class _World:
    """The reference data the examples are placed in, and the link rows (areas, groups, places) they collect."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.municipalities = list(Municipality.objects.all())
        self.areas = {a.code: a for a in WelfareArea.objects.all()}
        self.groups = {g.code: g for g in TargetGroup.objects.all()}
        self.counties: dict[int, list[Municipality]] = {}
        for municipality in self.municipalities:
            self.counties.setdefault(municipality.county_id, []).append(municipality)
        self.links: dict[type[Any], list[Any]] = {}

    def _link(self, model: type[Any], **fields: int) -> None:
        self.links.setdefault(model, []).append(model(**fields))

    def organisations(self, count: int) -> int:
        rng = self.rng
        start = Organisation.objects.filter(slug__startswith="demo-org-").count()
        organisations, plans = [], []
        for index in range(start, start + count):
            area, group, text = rng.choice(OFFERS)
            home = rng.choice(self.municipalities)
            reach = rng.choices(["home", "county", "national", "several"], weights=[75, 15, 5, 5])[0]
            neighbours = self.counties[home.county_id]
            places = {home, *(rng.sample(neighbours, min(2, len(neighbours))) if reach == "several" else [])}
            organisation = Organisation(
                name=f"{rng.choice(NAME_PARTS[0])}{rng.choice(NAME_PARTS[1])} {index} AS",
                slug=f"demo-org-{index}",
                kind=Organisation.Kind.SOCIAL_ENTERPRISE,
                description=" ".join([text, f"Vi holder til i {home.name}.", *rng.sample(WAYS, 2)]),
                national=reach == "national",
                is_example=True,
            )
            organisation.search_text = organisation_search_text(organisation)
            organisations.append(organisation)
            plans.append((places, home.county_id if reach == "county" else None, area, group, rng.random() < 0.6))
        created = Organisation.objects.bulk_create(organisations, batch_size=1000)
        for organisation, (places, county, area, group, stated) in zip(created, plans, strict=True):
            for place in places:
                self._link(
                    Organisation.municipalities.through, organisation_id=organisation.pk, municipality_id=place.pk
                )
            if county is not None:
                self._link(Organisation.counties.through, organisation_id=organisation.pk, county_id=county)
            if stated:
                self._link(Organisation.welfare_areas.through, organisation_id=organisation.pk,
                           welfarearea_id=self.areas[area].pk)  # fmt: skip
                self._link(Organisation.target_groups.through, organisation_id=organisation.pk,
                           targetgroup_id=self.groups[group].pk)  # fmt: skip
        return len(created)

    def challenges(self, count: int) -> int:
        rng = self.rng
        owners = {o.municipality_id: o for o in Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)}
        challenges, needs = [], []
        for index in range(count):
            area, group, _offer = rng.choice(OFFERS)
            place = rng.choice(self.municipalities)
            title = f"Behov {index}: {self.areas[area].name_nb.lower()} i {place.name}"
            description = f"{NEEDS[area]} Kommunen søker samarbeid om nye løsninger. {rng.choice(WAYS)}"
            challenges.append(
                Challenge(
                    owner=owners[place.pk],
                    municipality=place,
                    title=title,
                    description=description,
                    status=Challenge.Status.PUBLISHED,
                    published_at=timezone.now(),
                    deadline=timezone.localdate() + timedelta(days=rng.randint(10, 120)),
                    is_example=True,
                    search_text=f"{title} {description}".casefold(),
                )
            )
            needs.append((area, group, rng.random() < 0.5))
        created = Challenge.objects.bulk_create(challenges, batch_size=1000)
        for challenge, (area, group, stated) in zip(created, needs, strict=True):
            if stated:
                self._link(
                    Challenge.welfare_areas.through, challenge_id=challenge.pk, welfarearea_id=self.areas[area].pk
                )
                self._link(
                    Challenge.target_groups.through, challenge_id=challenge.pk, targetgroup_id=self.groups[group].pk
                )
        return len(created)
