"""Browser tests drive Debian's Chromium through Playwright; nothing is downloaded."""

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page, sync_playwright

from samvei.accounts.tests.factories import StaffFactory
from samvei.organisations.models import Membership, Organisation

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = Path(settings.BASE_DIR) / "frontend" / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 320, "height": 640}
# Chromium's own link colours: what a link shows when no style of ours reaches it.
BROWSER_LINK_COLOURS = {"rgb(0, 0, 238)", "rgb(85, 26, 139)"}

# Null when the page fits `limit` CSS pixels; otherwise its width and the innermost elements that stick out
# (elements inside a box that scrolls or clips do not widen the page, so they are left out).
TOO_WIDE = """limit => {
  const width = document.documentElement.scrollWidth;
  if (width <= limit) return null;
  const contained = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > limit + 1 && !contained(e));
  const innermost = wide.filter(e => !wide.some(other => other !== e && e.contains(other)));
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('');
  // Absolutely positioned elements can escape a scrolling box: name those when nothing else sticks out.
  const shown = innermost.length ? innermost : [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > limit + 1);
  return {width, elements: shown.slice(0, 5).map(e => `${name(e)} «${e.textContent.trim().slice(0, 40)}»`)};
}"""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh context per test: no cookies carried over. CSP is bypassed only so that axe can be injected."""
    context = browser.new_context(bypass_csp=True, locale="nb-NO")
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page: Page) -> list[dict[str, object]]:
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


def too_wide(page: Page, *, limit: int) -> dict[str, object] | None:
    return page.evaluate(TOO_WIDE, limit)  # type: ignore[no-any-return]


# For each link: what decides its colour (the chain of tags, classes and styling attributes up to <body>), its
# colour as scripts see it, and its start tag.
LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => {
  const chain = [];
  for (let e = a; e && e !== document.body; e = e.parentElement) {
    chain.push([e.tagName, e.className, e.dataset.color, e.dataset.variant, e.getAttribute('aria-current')].join('|'));
  }
  return [chain.join(' < '), getComputedStyle(a).color, a.outerHTML.slice(0, 100)];
})"""


def links_in_browser_colours(page: Page, *, checked: set[str]) -> list[str]:
    """Links that show the browser's default blue or visited purple. Scripts are never told the :visited
    colour (for privacy), so DevTools forces the state and reads the style, once per kind of link: `checked`
    holds the kinds already seen on earlier pages."""
    found = []
    unseen = []
    for index, (kind, colour, html) in enumerate(page.evaluate(LINKS)):
        if colour in BROWSER_LINK_COLOURS:
            found.append(f"{html} ({colour})")
        if kind not in checked:
            checked.add(kind)
            unseen.append((index, html))
    if not unseen:
        return found
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "a[href]"})["nodeIds"]
        for index, html in unseen:
            cdp.send("CSS.forcePseudoState", {"nodeId": nodes[index], "forcedPseudoClasses": ["visited"]})
            style = cdp.send("CSS.getComputedStyleForNode", {"nodeId": nodes[index]})["computedStyle"]
            colour = next(p["value"] for p in style if p["name"] == "color")
            if colour in BROWSER_LINK_COLOURS:
                found.append(f"{html} (:visited {colour})")
    finally:
        cdp.detach()
    return found


@pytest.fixture
def staff_member():
    """Platform staff who is an admin of Stavanger kommune and of an enterprise: sees every member page."""
    from samvei.organisations.tests.factories import OrganisationFactory

    user = StaffFactory()
    organisation = Organisation.objects.get(municipality__number="1103")
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    Membership.objects.create(user=user, organisation=OrganisationFactory(), role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def challenge_with_pitch(staff_member):
    """A published challenge from Stavanger with a question and a pitch from an enterprise, and a collaboration
    record of Stavanger's, started without a pitch, with a pilot agreement, an end date and a milestone."""
    import datetime

    from django.utils import timezone

    from samvei.challenges.models import Question
    from samvei.challenges.tests.factories import ChallengeFactory, PitchFactory
    from samvei.collaborations.tests.factories import CollaborationFactory, MilestoneFactory
    from samvei.procurement.models import Route

    challenge = ChallengeFactory()
    Question.objects.create(challenge=challenge, text="Hvor mange beboere?", answer="Rundt 40.")
    Question.objects.create(challenge=challenge, text="Ubesvart spørsmål?")
    pitch = PitchFactory(challenge=challenge)
    record = CollaborationFactory(
        pitch=None,
        challenge=None,
        public_body=challenge.owner,
        partner=pitch.sender,
        title="Besøksvenner",
        form=Route.objects.get(key="pilot-agreement"),
        pilot_ends_on=timezone.localdate() + datetime.timedelta(days=30),
        expected_value_nok=600_000,
        category="health_social",
    )
    MilestoneFactory(collaboration=record)
    _measure(record)
    return challenge, pitch


def _measure(record):
    """A logic model entry, an indicator with two measurements and an SROI with one outcome and its seven
    assumptions, so that the effect pages are audited with content."""
    import datetime

    from samvei.impact.models import Assumption, Evidence
    from samvei.impact.tests.factories import (
        AssumptionFactory,
        IndicatorFactory,
        LogicModelEntryFactory,
        MeasurementFactory,
        SroiAnalysisFactory,
        SroiOutcomeFactory,
        StakeholderFactory,
    )

    entry = LogicModelEntryFactory(collaboration=record)
    StakeholderFactory(collaboration=record)
    indicator = IndicatorFactory(collaboration=record, outcome=entry)
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2026, 1, 1))
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2026, 2, 1))
    outcome = SroiOutcomeFactory(analysis=SroiAnalysisFactory(collaboration=record), indicator=indicator)
    for subject in Assumption.Subject.values:
        AssumptionFactory(outcome=outcome, subject=subject, evidence=Evidence.ESTIMATE)


@pytest.fixture
def cookbook_content(db):
    """One of each kind of cookbook content, published, with the links between them."""
    from samvei.cookbook.models import Case, CaseEffect, Comment, Myth
    from samvei.cookbook.tests.factories import BlogPostFactory, ChecklistItemFactory, FundingSchemeFactory
    from samvei.core.tests.factories import SourceFactory

    item = ChecklistItemFactory()
    recipe = item.step.recipe
    scheme = FundingSchemeFactory()
    case = Case.objects.create(
        slug="eksempel-sak", status="published", title_nb="Eksempelsak", summary_nb="Et samarbeid.",
        organisations="A og B", collaboration_form_nb="Pilotavtale",
    )  # fmt: skip
    CaseEffect.objects.create(case=case, text_nb="Færre alene", figure="40 %", source_url="https://example.org/r")
    case.sources.set([SourceFactory()])
    recipe.cases.set([case])
    recipe.funding_schemes.set([scheme])
    Myth.objects.create(
        slug="myte", status="published", claim_nb="Alt må ut på anbud.", fact_nb="Nei.",
        legal_source="Anskaffelsesforskriften § 5-1", source=SourceFactory(),
    )  # fmt: skip
    post = BlogPostFactory()
    Comment.objects.create(post=post, body="Godkjent kommentar", status="approved")
    Comment.objects.create(post=post, body="Venter", status="pending")
    return {"recipe": recipe, "scheme": scheme, "case": case, "post": post}


@pytest.fixture
def sign_in(live_server) -> Callable[[Page, object], None]:
    """Give the browser the session of a user signed in through Django's test client."""

    def sign_in(page: Page, user: object) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    return sign_in


@pytest.fixture
def organisation_members(challenge_with_pitch):
    """Two ordinary members, neither of them staff: an administrator of Stavanger kommune, which owns the
    challenge, and a member of the enterprise that pitched to it. Both are parties to Stavanger's measured record
    and to a second collaboration started from a selected pitch; the pitch has a thread, each has a saved
    search, and Stavanger has a draft challenge and a contact point, so that every kind of member page has
    content to audit."""
    from samvei.accounts.tests.factories import UserFactory
    from samvei.challenges.models import Challenge, Message, SavedSearch
    from samvei.challenges.tests.factories import ChallengeFactory, PitchFactory
    from samvei.collaborations.tests.factories import CollaborationFactory, MilestoneFactory
    from samvei.organisations.tests.factories import ContactPointFactory

    challenge, pitch = challenge_with_pitch
    municipality = UserFactory(name="Kari Kommune")
    entrepreneur = UserFactory(name="Eirik Gründer")
    Membership.objects.create(user=municipality, organisation=challenge.owner, role=Membership.Role.ADMIN)
    Membership.objects.create(user=entrepreneur, organisation=pitch.sender, role=Membership.Role.MEMBER)
    Message.objects.create(pitch=pitch, sender=pitch.sender, author=entrepreneur, body="Når kan vi møtes?")
    Message.objects.create(pitch=pitch, sender=challenge.owner, author=municipality, body="Neste tirsdag.")
    for user in (municipality, entrepreneur):
        SavedSearch.objects.create(user=user, name="Eldreomsorg", query={"welfare_area": "elderly-care"})
    ContactPointFactory(organisation=challenge.owner)
    ChallengeFactory(title="Utkast til utfordring", status=Challenge.Status.DRAFT, published_at=None)
    selected = PitchFactory(
        challenge=ChallengeFactory(title="Aktivitet for ungdom", status=Challenge.Status.PARTNER_CHOSEN),
        sender=pitch.sender,
        status="selected",
    )
    MilestoneFactory(collaboration=CollaborationFactory(pitch=selected))
    return {"municipality": municipality, "entrepreneur": entrepreneur}
