"""What a challenge is, in words for the two sides: the hint the public body reads when it chooses, the plain
statement an entrepreneur reads before answering, and the way to the procurement advisor for the body's case."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samvei.organisations.models import Organisation

from .models import Challenge

Intent = Challenge.Intent

# Shown beside each choice in the form.
HINTS: dict[str, Promise] = {
    Intent.EXPLORATION: _(
        "You want to learn what exists and what is possible. Nobody is awarded a contract from the answers."
    ),
    Intent.PILOT: _(
        "You invite proposals to test a solution together for a limited time, for example with a pilot agreement."
    ),
    Intent.PROCUREMENT: _(
        "You plan to buy. The dialogue here prepares a procurement under the procurement rules. Taking part gives no supplier an advantage in the competition: what you tell one, you tell all."
    ),
    Intent.GRANT: _("You announce a grant that organisations can apply for."),
}

# Shown at the top of the challenge page.
STATEMENTS: dict[str, Promise] = {
    Intent.EXPLORATION: _(
        "This is a market exploration, not a tender. Nobody is awarded a contract from the answers here."
    ),
    Intent.PILOT: _(
        "This is an invitation to a pilot: a solution is tested together for a limited time before anyone decides whether to continue."
    ),
    Intent.PROCUREMENT: _(
        "This is a planned procurement. The dialogue here prepares it; the contract is awarded under the procurement rules."
    ),
    Intent.GRANT: _("This is a grant call. You apply for the grant; it is not a contract to deliver a purchase."),
}

# The advisor's buyer for the owner's kind; a kind the advisor does not know is left for the visitor to answer.
ADVISOR_BUYERS: dict[str, str] = {
    Organisation.Kind.MUNICIPALITY: "municipality",
    Organisation.Kind.COUNTY: "county",
    Organisation.Kind.STATE_AGENCY: "state",
}


def advisor_url(*, challenge: Challenge, day: date) -> str:
    """The advisor with what the challenge already tells: who buys and when. The value and the kind of purchase
    are not stored, so the advisor asks for them rather than being told a guess."""
    params = {"date": day.isoformat()}
    buyer = ADVISOR_BUYERS.get(challenge.owner.kind)
    if buyer is not None:
        params = {"buyer": buyer, **params}
    return f"{reverse('procurement:advisor')}?{urlencode(params)}"
