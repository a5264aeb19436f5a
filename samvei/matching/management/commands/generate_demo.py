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
        rng = random.Random(options["seed"])  # noqa: S311 - synthetic data, not secrets
        municipalities = list(Municipality.objects.all())
        areas = {a.code: a for a in WelfareArea.objects.all()}
        groups = {g.code: g for g in TargetGroup.objects.all()}
        start = Organisation.objects.filter(slug__startswith="demo-org-").count()
        organisations, links = [], []
        for index in range(start, start + options["organisations"]):
            area, group, text = rng.choice(OFFERS)
            place = rng.choice(municipalities)
            org = Organisation(
                name=f"{rng.choice(NAME_PARTS[0])}{rng.choice(NAME_PARTS[1])} {index} AS",
                slug=f"demo-org-{index}",
                kind=Organisation.Kind.SOCIAL_ENTERPRISE,
                description=f"{text} Vi holder til i {place.name}.",
                national=rng.random() < 0.05,
                is_example=True,
            )
            org.search_text = organisation_search_text(org)
            organisations.append(org)
            links.append((place, areas[area], groups[group]))
        created = Organisation.objects.bulk_create(organisations, batch_size=1000)
        Organisation.municipalities.through.objects.bulk_create(
            [
                Organisation.municipalities.through(organisation_id=o.pk, municipality_id=p.pk)
                for o, (p, _a, _g) in zip(created, links, strict=True)
            ],
            batch_size=2000,
        )
        Organisation.welfare_areas.through.objects.bulk_create(
            [
                Organisation.welfare_areas.through(organisation_id=o.pk, welfarearea_id=a.pk)
                for o, (_p, a, _g) in zip(created, links, strict=True)
            ],
            batch_size=2000,
        )
        owners = {o.municipality_id: o for o in Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)}
        challenges = []
        for index in range(options["challenges"]):
            area, _group, text = rng.choice(OFFERS)
            place = rng.choice(municipalities)
            challenges.append(
                Challenge(
                    owner=owners[place.pk],
                    municipality=place,
                    title=f"Behov {index}: {areas[area].name_nb.lower()} i {place.name}",
                    description=f"Kommunen søker samarbeid. {text}",
                    status=Challenge.Status.PUBLISHED,
                    published_at=timezone.now(),
                    deadline=timezone.localdate() + timedelta(days=rng.randint(10, 120)),
                    is_example=True,
                    search_text=f"behov {area} {text}".casefold(),
                )
            )
        Challenge.objects.bulk_create(challenges, batch_size=1000)
        self.stdout.write(f"Created {len(created)} organisations and {len(challenges)} challenges.")
