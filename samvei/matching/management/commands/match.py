import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from samvei.challenges.models import Challenge
from samvei.core.validation import parse_id
from samvei.matching.selectors import challenges_for_organisation, organisations_for_challenge
from samvei.matching.services import matchable, profiles_fill_missing
from samvei.organisations.models import Organisation

NOTHING_TO_RECOMMEND = {
    "organisation": "No organisation can be recommended: Samvei has no organisations outside the public sector.",
    "challenge": "No challenge can be recommended: no challenge is open for pitches.",
}


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
        candidates = "organisation" if options["challenge"] else "challenge"
        if computed := profiles_fill_missing(kind=candidates):
            self.stderr.write(f"Computed {computed} missing match profiles first.")
        rows = self._challenge_rows(options) if options["challenge"] else self._organisation_rows(options)
        if not rows:
            reason = NOTHING_TO_RECOMMEND[candidates] if not matchable(candidates).exists() else "Nothing ranked."
            self.stderr.write(reason)
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                self.stdout.write(f"{row['score']}  {row.get('name') or row.get('title')}  ({row['reasons']})")

    def _challenge_rows(self, options: dict[str, Any]) -> list[dict[str, object]]:
        value = options["challenge"]
        pk = parse_id(value)
        lookup = Q(ref=value) | Q(pk=pk) if pk else Q(ref=value)
        challenge = Challenge.objects.filter(lookup).first()
        if challenge is None:
            raise CommandError(f"No challenge has the ref or id {value}")
        return [
            {"org_number": m.obj.org_number, "name": m.obj.name, "score": m.score, "reasons": m.reasons}
            for m in organisations_for_challenge(challenge=challenge, limit=options["limit"], compute=True)
        ]

    def _organisation_rows(self, options: dict[str, Any]) -> list[dict[str, object]]:
        organisation = Organisation.objects.filter(org_number=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation has the number {options['organisation']}")
        return [
            {"ref": m.obj.ref, "id": m.obj.pk, "title": str(m.obj), "score": m.score, "reasons": m.reasons}
            for m in challenges_for_organisation(organisation=organisation, limit=options["limit"], compute=True)
        ]
