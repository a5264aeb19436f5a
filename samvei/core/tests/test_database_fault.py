"""The database goes away in the middle of a real request and comes back (issue 16 §10).

A real server (gunicorn, one worker, the test settings) reaches the pytest database only through a TCP proxy in
this process (tcp_proxy.py). The proxy cuts every connection at a chosen moment, for instance when the INSERT of a
challenge's first event row passes through, and refuses new ones until the test lets it accept again. Then:
the visitor gets the friendly 503 page (JSON under /api/) with Retry-After; the same server process answers the
next requests by itself once the database is back; and the test's own connection, not the proxy's, finds no row
of the cut transaction in any table.

The server runs with CONN_MAX_AGE 0 (the default: a connection per request) and 60 (connections kept between
requests)."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from samvei.core.api_errors import unavailable_detail
from samvei.core.health import RETRY_AFTER_SECONDS
from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory

from .tcp_proxy import TcpProxy

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a server process reaches the database through a TCP proxy; SQLite has no server to cut off",
    ),
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(settings.BASE_DIR)
READY_TIMEOUT = 120  # seconds; the machine is shared
REQUEST_TIMEOUT = 30
CHALLENGE_TABLES = ("challenges_challenge", "challenges_challengeevent", "challenges_challenge_welfare_areas")


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    proxy: TcpProxy
    conn_max_age: int

    def workers_booted(self) -> int:
        return self.log.read_text().count("Booting worker")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _database_url(*, port: int) -> str:
    """The pytest database, reached through the proxy; without TLS so the proxy can see the SQL go by."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{auth}@127.0.0.1:{port}/{quote(db['NAME'], safe='')}?sslmode=disable"


def _wait_until_ready(server: Server) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"The server stopped with {server.process.returncode}:\n{server.log.read_text()}")
        try:
            if requests.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    pytest.fail(f"The server did not answer /healthz in {READY_TIMEOUT} s:\n{server.log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module", params=[0, 60], ids=lambda age: f"CONN_MAX_AGE={age}")
def server(request, django_db_setup, tmp_path_factory) -> Iterator[Server]:
    """One gunicorn worker for every test of a CONN_MAX_AGE: it is never restarted, so each test's recovery is
    the same process's own. Stopped before the test database is dropped."""
    db = connection.settings_dict
    log = tmp_path_factory.mktemp("fault") / "server.log"
    with TcpProxy(upstream=(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))) as proxy:
        port = _free_port()
        environment = {
            **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}},
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _database_url(port=proxy.port),
            "CONN_MAX_AGE": str(request.param),
        }
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
        with log.open("wb") as output:
            process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        running = Server(f"http://127.0.0.1:{port}", process, log, proxy, request.param)
        try:
            _wait_until_ready(running)
            yield running
        finally:
            _stop(process)


@pytest.fixture
def site(server) -> Iterator[Server]:
    """The server with the database reachable, and afterwards the proof that its worker was never replaced."""
    server.proxy.disarm()
    server.proxy.restore()
    yield server
    server.proxy.disarm()
    server.proxy.restore()
    assert server.process.poll() is None
    assert server.workers_booted() == 1, server.log.read_text()


@pytest.fixture
def visitor(site) -> requests.Session:
    """A signed-in member of Stavanger (a public body), with the session made in the database directly."""
    user = MembershipFactory(
        organisation=Organisation.objects.get(municipality__number="1103"), role=Membership.Role.MEMBER
    ).user
    local = Client()
    local.force_login(user)
    browser = requests.Session()
    browser.cookies.set(settings.SESSION_COOKIE_NAME, local.cookies[settings.SESSION_COOKIE_NAME].value)
    return browser


def _bokmal(message: str) -> str:
    with translation.override("nb"):
        translated = gettext(message)
    assert translated != message, f"no bokmål for {message!r}"
    return translated


def _bokmal_path(name: str) -> str:
    with translation.override("nb"):
        return reverse(name)


def _row_counts() -> dict[str, int]:
    """Rows of every table, read over the test's own connection (straight to PostgreSQL, not the proxy)."""
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # Table names come from PostgreSQL's own catalogue and are quoted.
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _changed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {table: after.get(table, 0) - count for table, count in before.items() if after.get(table, 0) != count}


def _assert_outage_page(response: requests.Response) -> None:
    assert response.status_code == 503
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert '<html lang="nb"' in response.text
    assert _bokmal("Samvei is unavailable right now") in response.text
    assert "no-cache" in response.headers["Cache-Control"]


def _challenge_form(browser: requests.Session, url: str) -> dict[str, str]:
    page = browser.get(url, timeout=REQUEST_TIMEOUT, allow_redirects=False)
    assert page.status_code == 200, page.text[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token is not None
    deadline = (timezone.localdate() + timedelta(days=30)).isoformat()
    return {
        "csrfmiddlewaretoken": token.group(1),
        "title": "Ensomhet blant eldre på Storhaug",
        "description": "Beboere får få besøk.",
        "deadline": deadline,
        "intent": "pilot",
        "welfare_areas": "elderly-care",
    }


CUT_POINTS = {
    # The database never sees the challenge's INSERT; the transaction holds nothing yet.
    "at-the-first-insert": (b'INSERT INTO "challenges_challenge" ',),
    # The challenge row and its welfare areas are written inside the transaction; its event row is not.
    "between-the-challenge-and-its-event": (
        b'INSERT INTO "challenges_challenge" ',
        b'INSERT INTO "challenges_challenge_welfare_areas" ',
        b'INSERT INTO "challenges_challengeevent" ',
    ),
    # Everything is written, but the COMMIT never arrives.
    "at-the-commit": (b'INSERT INTO "challenges_challengeevent" ', b"COMMIT"),
}


@pytest.mark.parametrize("patterns", CUT_POINTS.values(), ids=CUT_POINTS.keys())
def test_a_challenge_cut_off_mid_transaction_leaves_no_trace_and_the_site_recovers(site, visitor, patterns):
    create = site.url + _bokmal_path("challenges:create")
    form = _challenge_form(visitor, create)
    before = _row_counts()
    fired = site.proxy.cut_when_sent(*patterns)

    cut_off = visitor.post(create, data=form, timeout=REQUEST_TIMEOUT, allow_redirects=False)

    assert fired.is_set(), "the request never sent what the cut waits for"
    _assert_outage_page(cut_off)
    assert _changed(before, _row_counts()) == {}

    site.proxy.restore()
    assert visitor.get(create, timeout=REQUEST_TIMEOUT).status_code == 200
    saved = visitor.post(create, data=_challenge_form(visitor, create), timeout=REQUEST_TIMEOUT, allow_redirects=False)
    assert saved.status_code == 302
    changed = _changed(before, _row_counts())
    assert {table: changed.get(table) for table in CHALLENGE_TABLES} == dict.fromkeys(CHALLENGE_TABLES, 1)


def test_an_api_request_cut_off_mid_query_answers_503_json_and_the_next_one_succeeds(site):
    api = site.url + "/api/v1/challenges"
    fired = site.proxy.cut_when_sent(b'FROM "challenges_challenge"')

    cut_off = requests.get(api, timeout=REQUEST_TIMEOUT)

    assert fired.is_set()
    assert cut_off.status_code == 503
    assert cut_off.headers["Content-Type"].startswith("application/json")
    assert cut_off.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    with translation.override("nb"):
        assert cut_off.json() == {"detail": unavailable_detail()}
    site.proxy.restore()
    answered = requests.get(api, timeout=REQUEST_TIMEOUT)
    assert answered.status_code == 200
    assert "items" in answered.json()


def test_pages_answer_503_while_the_database_is_away_and_200_as_soon_as_it_is_back(site):
    page = site.url + _bokmal_path("municipalities:list")
    assert requests.get(page, timeout=REQUEST_TIMEOUT).status_code == 200
    site.proxy.cut()

    while_away = [requests.get(page, timeout=REQUEST_TIMEOUT) for _ in range(3)]

    for response in while_away:
        _assert_outage_page(response)
    assert site.proxy.refused >= 1
    site.proxy.restore()
    assert [requests.get(page, timeout=REQUEST_TIMEOUT).status_code for _ in range(3)] == [200, 200, 200]


def test_a_short_break_between_two_requests_costs_no_request(site):
    """Nobody asked while the database was away, so nobody should notice: with connections kept between
    requests, CONN_HEALTH_CHECKS makes Django replace the dead one before it is used."""
    page = site.url + _bokmal_path("municipalities:list")
    assert requests.get(page, timeout=REQUEST_TIMEOUT).status_code == 200
    site.proxy.cut()
    site.proxy.restore()

    assert requests.get(page, timeout=REQUEST_TIMEOUT).status_code == 200
