"""The browser crawl run for anonymous visitors, run again signed in as ordinary organisation members (issue 16
§7): a municipality's administrator and an entrepreneur's member, neither of them staff. On every page they
reach: axe-core WCAG 2.1 A/AA, the Nu Html Checker, no sideways scrolling at 320 px, and a visible focus
indicator on each element the Tab key reaches.

Pages are the known lists in pages.py plus whatever links lead to from the signed-in front page and profile, so
a new page is crawled once something links to it."""

import json
import os
import shutil
import subprocess
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import Page

from .conftest import PHONE, VNU_JAR, axe_violations, too_wide
from .pages import organisation_member_pages, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 800}
# Bounds that keep a crawl to a few minutes: pages in all, pages per view found by following links (the known
# lists are always visited), and Tab stops per page (enough for the header and the first form).
MAX_PAGES = 160
MAX_PER_VIEW = 2
MAX_TAB_STOPS = 25
# Views that answer with a file, a feed or a sign-out, not a page.
NOT_PAGES = {
    "account_logout",
    "accounts:personal-data",
    "agreements:draft_docx",
    "agreements:draft_pdf",
    "challenges:attachment",
    "challenges:feed",
    "challenges:pitch-attachment",
    "collaborations:document",
    "cookbook:posts-feed",
    "impact:report-pdf",
    "impact:shared-pdf",
}
NOT_CRAWLED = ("/api/", "/admin/", "/static/", "/media/")
# Designed refusals a link may lead to: a member of a public body only is told on the idea form that pitches are
# sent for an enterprise, and how to register one (challenges/pitch_no_organisation.html).
REFUSALS = {"challenges:idea-create": {403}}

# The styles a focus indicator can change, for the element and the two ancestors that may draw it around it.
# FOCUS_SNAPSHOT keeps them for every focusable element before anything has focus; FOCUS_STEP compares the
# focused element with that, and says which element has focus and whether anything visible changed.
FOCUS_STYLES = """
  const styleOf = e => {
    const s = getComputedStyle(e);
    return {
      outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '),
      outlineShown: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
        && !/rgba\\(.*, 0\\)$|transparent/.test(s.outlineColor),
      shadow: s.boxShadow,
      border: ['Top', 'Right', 'Bottom', 'Left']
        .map(side => [s[`border${side}Style`], s[`border${side}Width`], s[`border${side}Color`]].join(' ')).join('|'),
    };
  };
  const chainOf = e => [e, e.parentElement, e.parentElement?.parentElement].filter(a => a && a !== document.body);
"""
FOCUS_SNAPSHOT = (
    "() => {"
    + FOCUS_STYLES
    + """
  window.__unfocused = new Map();
  const focusable = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';
  for (const e of document.querySelectorAll(focusable)) {
    for (const a of chainOf(e)) if (!__unfocused.has(a)) __unfocused.set(a, styleOf(a));
  }
}"""
)
FOCUS_STEP = (
    "() => {"
    + FOCUS_STYLES
    + """
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  if (e.__tabbed) return {again: true};
  e.__tabbed = true;
  const shows = a => {
    const before = __unfocused.get(a);
    if (!before) return false;
    const now = styleOf(a);
    return (now.outlineShown && now.outline !== before.outline)
      || (now.shadow !== 'none' && now.shadow !== before.shadow)
      || now.border !== before.border;
  };
  const box = e.getBoundingClientRect();
  const text = (e.textContent || e.getAttribute('aria-label') || e.name || '').trim().replace(/\\s+/g, ' ');
  return {
    again: false,
    element: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('')
      + (text ? ` «${text.slice(0, 40)}»` : ''),
    indicator: chainOf(e).some(shows),
    onScreen: box.width > 0 && box.height > 0,
  };
}"""
)
LINKS = "() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)"


def test_a_municipality_administrator_meets_no_barriers(crawl, organisation_members):
    report = crawl(user=organisation_members["municipality"], slug="stavanger-1103", with_public_pages=False)

    assert {"organisations:members", "challenges:edit", "challenges:pitch-detail", "impact:sroi"} <= report.views
    _assert_no_findings(report)


def test_an_entrepreneur_meets_no_barriers(crawl, organisation_members):
    from samvei.organisations.models import Organisation

    enterprise = Organisation.objects.get(memberships__user=organisation_members["entrepreneur"])
    report = crawl(user=organisation_members["entrepreneur"], slug=enterprise.slug, with_public_pages=True)

    assert {"organisations:edit", "challenges:idea-create", "challenges:pitch-detail", "impact:sroi"} <= report.views
    assert "organisations:members" not in report.views
    _assert_no_findings(report)


def test_the_focus_check_names_an_element_whose_focus_style_is_taken_away(live_server, page: Page):
    """The check above is only as good as its detector: remove the focus ring from the brand link and it is named,
    while the skip link before it still passes."""
    page.goto(live_server.url + "/")
    page.add_style_tag(content=".site-header__brand:focus-visible { outline: none; box-shadow: none; }")

    failures = _focus_without_indicator(page)

    assert [failure for failure in failures if "site-header__brand" in failure] != []
    assert [failure for failure in failures if "ds-skip-link" in failure] == []


class _Report:
    """What one crawl found: every finding by kind and page, and which pages and views it visited."""

    def __init__(self) -> None:
        self.findings: dict[str, dict[str, object]] = {"status": {}, "axe": {}, "reflow": {}, "focus": {}, "html": {}}
        self.visited: set[str] = set()
        self.views: set[str] = set()
        self.discovered: set[str] = set()
        self.html: dict[str, bytes] = {}


@pytest.fixture
def crawl(live_server, page: Page, sign_in, challenge_with_pitch, cookbook_content, tmp_path):
    """Visit the front page and the known pages signed in as `user`, then every same-origin page their links
    lead to, within the bounds; then check the HTML of all of them in one run."""

    def crawl(*, user, slug: str, with_public_pages: bool) -> _Report:
        sign_in(page, user)
        page.set_viewport_size(DESKTOP)
        # The English half of the public list shows the same templates as the bokmål half, and the anonymous
        # crawl covers it; one member's crawl goes through the public list, which differs by role only in the
        # header, to keep the run short.
        public = [
            path
            for path in public_pages(challenge_pk=challenge_with_pitch[0].pk, cookbook=cookbook_content)
            if with_public_pages and not path.startswith("/en/")
        ]
        # Pages the lists name on purpose with bad input or an unknown address answer 400 or 404; every other
        # page, and every page a link leads to, answers 200.
        allowed = {path: {200, 400, 404} for path in public}
        known = list(dict.fromkeys(["/", *organisation_member_pages(organisation_slug=slug), *public]))
        report = _Report()
        _follow(live_server, page, report=report, known=known, allowed=allowed)
        report.findings["html"] = _nu_html_checker(report.html, folder=tmp_path)
        return report

    return crawl


def _follow(live_server, page: Page, *, report: _Report, known: list[str], allowed: dict[str, set[int]]) -> None:
    queue = deque(known)
    per_view: dict[str, int] = {}
    for path in known:
        view = _view_of(path) or ""
        per_view[view] = per_view.get(view, 0) + 1
    while queue and len(report.visited) < MAX_PAGES:
        path = queue.popleft()
        if path in report.visited:
            continue
        report.visited.add(path)
        expected = allowed.get(path, {200}) | REFUSALS.get(_view_of(path) or "", set())
        for link in _audit(live_server, page, path=path, report=report, allowed=expected):
            view = _view_of(link)
            if link in report.visited or link in queue or view is None or per_view.get(view, 0) >= MAX_PER_VIEW:
                continue
            per_view[view] = per_view.get(view, 0) + 1
            report.discovered.add(link)
            queue.append(link)
    assert not queue, f"The crawl stopped at {MAX_PAGES} pages with {len(queue)} left: raise MAX_PAGES"


def _audit(live_server, page: Page, *, path: str, report: _Report, allowed: set[int]) -> list[str]:
    """Check one page and return the same-origin paths it links to."""
    response = page.goto(live_server.url + path)
    assert response is not None, path
    if response.status not in allowed:
        report.findings["status"][path] = response.status
    if not response.headers.get("content-type", "").startswith("text/html"):
        return []
    if (view := _view_of(path)) is not None:
        report.views.add(view)
    report.html[path] = response.body()
    links = _same_origin_paths(page.evaluate(LINKS), origin=live_server.url)
    if violations := axe_violations(page):
        report.findings["axe"][path] = violations
    if unfocused := _focus_without_indicator(page):
        report.findings["focus"][path] = unfocused
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.clientWidth")
    if wide := too_wide(page, limit=width):
        report.findings["reflow"][path] = wide
    page.set_viewport_size(DESKTOP)
    return links


def _focus_without_indicator(page: Page) -> list[str]:
    """Tab from the top of the page through its first focusable elements; name each that shows no change when
    focused, or that is not on screen while it has focus (WCAG 2.4.7 Focus Visible)."""
    page.evaluate(FOCUS_SNAPSHOT)
    failures = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        step = page.evaluate(FOCUS_STEP)
        if step is None or step["again"]:
            break
        if not step["indicator"]:
            failures.append(f"{step['element']}: no visible change when focused")
        elif not step["onScreen"]:
            failures.append(f"{step['element']}: has focus but no size on screen")
    return failures


def _same_origin_paths(hrefs: list[str], *, origin: str) -> list[str]:
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin or parts.path.startswith(NOT_CRAWLED):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path not in paths:
            paths.append(path)
    return paths


def _view_of(path: str) -> str | None:
    """The view's name, or None for what is not a page to audit."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    name = match.view_name
    return None if not match.url_name or name in NOT_PAGES else name


def _nu_html_checker(pages: dict[str, bytes], *, folder: Path) -> dict[str, object]:
    """All pages in one run of vnu.jar, as test_html_validity does it; findings by page."""
    java = shutil.which("java")
    if java is None and not os.environ.get("CI"):
        pytest.skip("Java is not installed; CI runs this check")
    assert java is not None, "Java is required for the Nu Html Checker"
    files = {}
    for index, (path, body) in enumerate(pages.items()):
        file = folder / f"page-{index:03d}.html"
        file.write_bytes(body)
        files[str(file)] = path
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, list[str]] = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        path = files.get(message.get("url", "").removeprefix("file:"), message.get("url", ""))
        found.setdefault(path, []).append(message["message"])
    assert result.returncode == 0 or found, result.stderr
    return found  # type: ignore[return-value]


def _assert_no_findings(report: _Report) -> None:
    assert report.discovered, "Following links found no page beyond the known lists"
    findings = {kind: found for kind, found in report.findings.items() if found}
    assert findings == {}, json.dumps(findings, indent=2, ensure_ascii=False)
