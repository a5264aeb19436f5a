"""Two real app servers (gunicorn, as `make serve` starts it) against one PostgreSQL database: what one process
learns (a sign-in, a rate-limit count) the other knows, because nothing that matters lives in a process.

The servers use the production settings with one change: static files are not read from the `collectstatic`
manifest, which takes most of a minute to build and has nothing to do with state shared between processes."""

import importlib.util
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two server processes need one database server they can all reach; SQLite's test database is "
        "in this process's memory",
    ),
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(settings.BASE_DIR)
PASSWORD = "et-godt-passord-123"
SEARCH_LIMIT = 4
READY_TIMEOUT = 120  # seconds; two workers start on a busy machine
SETTINGS_MODULE = "samvei_scale_out_settings"
SETTINGS_SOURCE = """from config.settings.production import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def shared_database_url() -> str:
    """The pytest database, as DATABASE_URL names it for the servers."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}{port}/{quote(db['NAME'], safe='')}"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture(params=["database-cache", "redis-cache"])
def cache_environment(request) -> dict[str, str]:
    """Rate-limit counters in the database cache (no REDIS_URL, as on a fresh machine), and in Redis when it is
    there; sessions are in the database either way."""
    if request.param == "database-cache":
        return {}
    if importlib.util.find_spec("redis") is None:
        pytest.skip("the redis package is not installed, so Django's Redis cache cannot be used")
    if not redis_answers():
        pytest.skip("Redis does not answer on 127.0.0.1:6379")
    return {"REDIS_URL": "redis://127.0.0.1:6379/0"}


def start_server(*, port: int, environment: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("wb") as output:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--config",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the master and its worker stop together
        )


def wait_until_ready(*, base_url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The server at {base_url} stopped with {process.returncode}:\n{log.read_text()}")
        try:
            if requests.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    pytest.fail(f"The server at {base_url} did not answer /healthz in {READY_TIMEOUT} s:\n{log.read_text()}")


def stop_server(process: subprocess.Popen) -> None:
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


@pytest.fixture
def servers(transactional_db, tmp_path, cache_environment) -> Iterator[list[str]]:
    """Two gunicorn servers with the same settings, secret key and database; stopped before the test database
    is emptied, also when the test fails."""
    (tmp_path / f"{SETTINGS_MODULE}.py").write_text(SETTINGS_SOURCE)
    inherited = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment = {
        **inherited,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": shared_database_url(),
        "SECURE_SSL_REDIRECT": "false",
        "SEARCH_RATE_LIMIT": f"{SEARCH_LIMIT}/1h/ip",
        # The visitor's address is read from X-Forwarded-For, so each run counts for an address of its own.
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "WARNING",
        **cache_environment,
    }
    started: list[subprocess.Popen] = []
    urls: list[str] = []
    try:
        for number in (1, 2):
            port = free_port()
            log = tmp_path / f"server-{number}.log"
            started.append(start_server(port=port, environment=environment, log=log))
            urls.append(f"http://127.0.0.1:{port}")
        for number, (url, process) in enumerate(zip(urls, started, strict=True), start=1):
            wait_until_ready(base_url=url, process=process, log=tmp_path / f"server-{number}.log")
        yield urls
    finally:
        for process in started:
            stop_server(process)


def call(method: str, url: str, jar: dict[str, str], **kwargs) -> requests.Response:
    """One request with the cookies in `jar`, which takes the ones set in reply. The production cookies are
    marked Secure, which a cookie jar would not send over plain HTTP; this test sends them by hand."""
    headers = kwargs.pop("headers", {})
    if jar:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in jar.items())
    response = requests.request(method, url, headers=headers, allow_redirects=False, timeout=30, **kwargs)
    jar.update({cookie.name: cookie.value for cookie in response.cookies if cookie.value})
    return response


def test_a_person_signed_in_on_one_process_is_signed_in_on_the_other(servers):
    first, second = servers
    user = UserFactory()
    # The servers hash with Argon2 (the production setting); the test settings' fast MD5 is not among theirs.
    hasher = Argon2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    login, profile = reverse("account_login"), reverse("accounts:profile")
    jar: dict[str, str] = {}

    form = call("GET", first + login, jar)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert form.status_code == 200
    assert token is not None
    signed_in = call(
        "POST",
        first + login,
        jar,
        data={"login": user.email, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)},
    )
    assert signed_in.status_code == 302, signed_in.text
    assert signed_in.headers["Location"] == reverse("organisations:mine")
    # The session the first process started is a row in the shared database.
    session = Session.objects.get(session_key=jar["sessionid"])
    assert session.get_decoded()["_auth_user_id"] == str(user.pk)

    anonymous = call("GET", second + profile, {})
    on_the_other = call("GET", second + profile, {"sessionid": jar["sessionid"]})

    assert anonymous.status_code == 302
    assert anonymous.headers["Location"].startswith(login)
    assert on_the_other.status_code == 200
    assert user.email in on_the_other.text


def wait_for_a_fresh_hour(margin: int = 30) -> None:
    """Counters belong to a clock hour; start far enough from its end that every request counts in one."""
    left = 3600 - time.time() % 3600
    if left < margin:
        time.sleep(left + 1)


def search(base_url: str, *, address: str) -> requests.Response:
    return requests.get(f"{base_url}/api/v1/search", params={"q": ""}, headers={"X-Forwarded-For": address}, timeout=30)


def random_address() -> str:
    return "10." + ".".join(str(secrets.randbelow(256)) for _ in range(3))


def test_a_rate_limit_counts_the_requests_to_every_process_together(servers):
    first, second = servers
    address, other_address = random_address(), random_address()
    wait_for_a_fresh_hour()

    # Alternating, each process sees only half of the allowed requests ...
    allowed = [search(servers[n % 2], address=address).status_code for n in range(SEARCH_LIMIT)]
    # ... yet the next one is refused by either, after SEARCH_LIMIT in all, not SEARCH_LIMIT each.
    refused_by_first = search(first, address=address)
    refused_by_second = search(second, address=address)
    someone_else = [search(url, address=other_address).status_code for url in servers]

    assert allowed == [200] * SEARCH_LIMIT
    assert refused_by_first.status_code == 429
    assert refused_by_second.status_code == 429
    assert refused_by_second.headers["Retry-After"] == "60"
    assert "detail" in refused_by_second.json()
    assert someone_else == [200, 200]
