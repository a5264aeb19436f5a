import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import RequestFactory
from django.utils import translation

from samvei.challenges import notifications as challenge_notifications
from samvei.challenges.tests.factories import PitchFactory
from samvei.core.mail import absolute, link, site_url
from samvei.organisations.tests.factories import MembershipFactory

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def unset_site_url(settings):
    settings.SAMVEI_SITE_URL = ""
    return settings


def test_the_configured_site_url_wins_over_the_request(settings):
    settings.SAMVEI_SITE_URL = "https://samvei.example.no/"
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8811")

    assert site_url(request) == "https://samvei.example.no"
    assert absolute("/utfordringer/", request) == "https://samvei.example.no/utfordringer/"


def test_without_a_configured_url_the_request_decides(unset_site_url):
    request = RequestFactory().get("/konto/signup/", HTTP_HOST="127.0.0.1:8811")

    assert site_url(request) == "http://127.0.0.1:8811"


def test_without_a_configured_url_or_a_request_the_port_decides(unset_site_url):
    unset_site_url.SAMVEI_PORT = 8811

    assert site_url() == "http://127.0.0.1:8811"


def test_the_port_comes_from_the_environment():
    """Read as the settings module reads it, in a fresh process, as `make run` starts the worker."""
    code = "from django.conf import settings; import django; django.setup(); print(settings.SAMVEI_PORT)"
    environment = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test", "PORT": "8811"}

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == "8811"


@pytest.mark.django_db
def test_a_link_is_to_the_page_in_the_default_language(unset_site_url):
    unset_site_url.SAMVEI_PORT = 8811
    pitch = PitchFactory()

    with translation.override("en"):
        address = link(pitch)

    with translation.override("nb"):
        assert address == "http://127.0.0.1:8811" + pitch.get_absolute_url()


@pytest.mark.django_db
def test_the_workers_e_mails_link_to_the_port_the_site_runs_on(unset_site_url):
    unset_site_url.SAMVEI_PORT = 8811
    pitch = PitchFactory(status="received")
    MembershipFactory(organisation=pitch.sender)

    challenge_notifications.pitch_status(pitch_id=pitch.pk)

    assert len(mail.outbox) == 1
    assert "http://127.0.0.1:8811" + pitch.get_absolute_url() in mail.outbox[0].body
    assert "127.0.0.1:8000" not in mail.outbox[0].body


@pytest.mark.django_db
def test_the_workers_e_mails_link_to_the_configured_site_url(settings):
    settings.SAMVEI_SITE_URL = "https://samvei.example.no"
    pitch = PitchFactory(status="received")
    MembershipFactory(organisation=pitch.sender)

    challenge_notifications.pitch_status(pitch_id=pitch.pk)

    assert "https://samvei.example.no" + pitch.get_absolute_url() in mail.outbox[0].body


def test_make_exports_the_port_to_the_processes_it_starts():
    """Exported, PORT reaches every recipe of `make run` and `make serve` (the web server and the worker) as an
    environment variable, so the worker's e-mails link to the port the site runs on."""
    probe = "print-port:\n\t@echo $$PORT\n"

    def port_seen(*arguments: str) -> str:
        command = ["make", "-s", "-f", "Makefile", "-f", "-", "print-port", *arguments]
        result = subprocess.run(
            command, cwd=ROOT, input=probe, env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=True
        )
        return result.stdout.strip()

    assert port_seen() == "8000"
    assert port_seen("PORT=8811") == "8811"
