import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from samvei.challenges.models import Challenge
from samvei.matching.selectors import challenges_for_organisation, organisations_for_challenge
from samvei.organisations.models import Organisation


class Command(BaseCommand):
    help = "Rank organisations for a challenge (--challenge REF or id) or open challenges for an organisation."

    def add_arguments(self, parser: ArgumentParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--challenge", help="The challenge's ref from the import, or its id")
        group.add_argument("--organisation", help="The organisation number")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1")
        if options["challenge"]:
            value = options["challenge"]
            lookup = Q(ref=value) | Q(pk=int(value)) if value.isdigit() else Q(ref=value)
            challenge = Challenge.objects.filter(lookup).first()
            if challenge is None:
                raise CommandError(f"No challenge has the ref or id {value}")
            rows: list[dict[str, object]] = [
                {"org_number": m.obj.org_number, "name": m.obj.name, "score": m.score, "reasons": m.reasons}
                for m in organisations_for_challenge(challenge=challenge, limit=options["limit"])
            ]
        else:
            organisation = Organisation.objects.filter(org_number=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation has the number {options['organisation']}")
            rows = [
                {"ref": m.obj.ref, "id": m.obj.pk, "title": str(m.obj), "score": m.score, "reasons": m.reasons}
                for m in challenges_for_organisation(organisation=organisation, limit=options["limit"])
            ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                self.stdout.write(f"{row['score']}  {row.get('name') or row.get('title')}  ({row['reasons']})")
