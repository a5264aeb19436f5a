"""The advisor's answer as JSON: the thresholds in force on a day, the parts of the regulation and the rules that
apply, and the routes open, each with its sources."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from samvei.procurement.forms import AdviceForm


class Command(BaseCommand):
    help = "Show which procurement rules and routes apply to a purchase on a given day, with their sources."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--buyer", required=True, help="municipality, county or state")
        parser.add_argument("--category", required=True, help="goods_services, works or health_social")
        parser.add_argument("--value", required=True, help="estimated value over the whole term, NOK excl. VAT")
        parser.add_argument("--date", required=True, help="YYYY-MM-DD")
        parser.add_argument("--supplier", default="", help="ideell, work_integration or other")
        parser.add_argument("--innovation", action="store_true", help="no finished solution exists yet")
        parser.add_argument("--json", action="store_true", help="print JSON (the only format so far)")

    def handle(self, *args: Any, **options: Any) -> None:
        form = AdviceForm(
            {name: options[name] for name in ("buyer", "category", "value", "date", "supplier")}
            | ({"innovation": "on"} if options["innovation"] else {})
        )
        if not form.is_valid():
            problems = "; ".join(
                f"--{name}: {' '.join(str(message) for message in messages)}" for name, messages in form.errors.items()
            )
            raise CommandError(_("Invalid input: %(problems)s") % {"problems": problems}, returncode=2)
        document = form.advice().document()
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
