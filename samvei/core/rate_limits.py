"""Rate limits for actions that are expensive (search, matches) or that reach other people (questions, pitches).

A limit is written as allauth writes `LOGIN_RATE_LIMIT`: `amount/period/per`, several separated by commas, such
as `5/10m/user,20/1d/user`; the period is seconds (`s`), minutes (`m`), hours (`h`) or days (`d`), and `per`
is `ip` (the visitor's address, read as allauth reads it, behind `TRUSTED_PROXY_COUNT` proxies) or `user`.
Defaults are in `DEFAULT_RATE_LIMITS`; the setting `RATE_LIMITS` overrides any of them, and an empty value
turns a limit off. Counters live in the default cache, shared by every worker (Redis, or the database)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from ninja import Status

from .middleware import API_PREFIX

View = Callable[..., HttpResponse]
RETRY_AFTER = 60  # seconds, as the Retry-After header of a refusal says

DEFAULT_RATE_LIMITS = {
    # Anonymous and cheap to ask, so strict per address; a person browsing never comes near.
    "search": "60/1m/ip",
    "matches": "30/1m/ip",
    # Each question and each pitch sends e-mails to a public body.
    "question": "5/10m/user,20/1d/user",
    "pitch": "5/1h/user,20/1d/user",
    # Each message e-mails the other party; a conversation is far below this.
    "message": "20/10m/user,100/1d/user",
}
MESSAGES = {
    "search": _("You have searched many times in a short while. Wait a minute and try again."),
    "matches": _("You have asked for suggestions many times in a short while. Wait a minute and try again."),
    "question": _("You have asked many questions in a short while. Wait a while and ask again."),
    "pitch": _("You have sent many pitches in a short while. Wait a while and send it again."),
    "message": _("You have sent many messages in a short while. Wait a while and send it again."),
}
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int
    per: str


def parse_rates(text: str) -> list[Rate]:
    """`5/10m/user,20/1d/user` as rates; a mistake in the setting fails loudly, at the first request."""
    rates = []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        amount, period, *per = part.split("/")
        count = period[:-1] or "1"
        if not amount.isdigit() or period[-1:] not in UNITS or not count.isdigit() or per not in (["ip"], ["user"], []):
            raise ValueError(f"Not a rate limit: {part!r}")
        rates.append(Rate(amount=int(amount), seconds=int(count) * UNITS[period[-1]], per=(per or ["ip"])[0]))
    return rates


def rates_for(action: str) -> list[Rate]:
    configured: dict[str, str] = getattr(settings, "RATE_LIMITS", {})
    return parse_rates(configured.get(action, DEFAULT_RATE_LIMITS[action]))


def client_ip(request: HttpRequest) -> str:
    """The visitor's address as allauth reads it for sign-in limits: one rule for trusting proxies."""
    from allauth.account.adapter import get_adapter

    return str(get_adapter().get_client_ip(request))


def _count(key: str, seconds: int) -> int:
    """Adds one to the counter of the current period and returns it."""
    cache.add(key, 0, timeout=seconds)
    try:
        return int(cache.incr(key))
    except ValueError:  # the counter expired between the two calls
        cache.set(key, 1, timeout=seconds)
        return 1


def allow(*, action: str, ip: str | None = None, user_id: int | None = None) -> bool:
    """Counts one use of `action` and says whether it is within every limit. A use that was refused counts
    too, so that hammering a limit never reopens it."""
    allowed = True
    now = int(time.time())
    for rate in rates_for(action):
        who = ip if rate.per == "ip" else (str(user_id) if user_id is not None else None)
        if who is None:
            continue
        digest = hashlib.sha256(who.encode()).hexdigest()[:32]
        key = f"samvei:rl:{action}:{rate.amount}/{rate.seconds}/{rate.per}:{digest}:{now // rate.seconds}"
        if _count(key, rate.seconds) > rate.amount:
            allowed = False
    return allowed


def allow_request(request: HttpRequest, *, action: str) -> bool:
    """`allow` for a request: counted per address, and per account when someone is signed in."""
    user_id = request.user.pk if request.user.is_authenticated else None
    return allow(action=action, ip=client_ip(request), user_id=user_id)


def refusal(action: str) -> str:
    """What the visitor is told when `action` is over its limit."""
    return str(MESSAGES[action])


def api_refusal(response: HttpResponse, *, action: str) -> Status[dict[str, str]]:
    """The 429 an API operation returns (django-ninja sets the status; the header goes on its response)."""
    response["Retry-After"] = str(RETRY_AFTER)
    return Status(429, {"detail": refusal(action)})


def too_many_requests(request: HttpRequest, *, action: str) -> HttpResponse:
    """429 with the reason: `{"detail": …}` on the API, the error page elsewhere; Retry-After a minute."""
    message = refusal(action)
    if request.path_info.startswith(API_PREFIX):
        response: HttpResponse = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, "400.html", {"message": message}, status=429)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def rate_limited(action: str) -> Callable[[View], View]:
    """A page or endpoint that answers 429 (`too_many_requests`) once the visitor is over `action`'s limit."""

    def decorator(view: View) -> View:
        @wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not allow_request(request, action=action):
                return too_many_requests(request, action=action)
            return view(request, *args, **kwargs)

        return limited

    return decorator
