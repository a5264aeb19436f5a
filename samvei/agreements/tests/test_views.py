import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from samvei.agreements.models import AgreementDraftEvent, AgreementTemplate
from samvei.core.tests.access import outcome, signed_in_as

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NAMES = ["draft", "draft_docx", "draft_pdf"]


def _event(collaboration, actor):
    return AgreementDraftEvent.objects.create(
        collaboration=collaboration, template_key="pilot-agreement", version=1, format="pdf", actor=actor
    )


def _url(name, collaboration):
    return reverse(f"agreements:{name}", kwargs={"pk": collaboration.pk})


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", "login"),
        ("outsider", 404),
        ("third_org_member", 404),
        ("staff", 404),
        ("body_member", 200),
        ("partner_member", 200),
    ],
)
def test_only_the_two_parties_reach_the_draft(client, request, collaboration, name, role, expected):
    response = signed_in_as(client, request, role).get(_url(name, collaboration))

    assert outcome(response) == expected


@pytest.mark.parametrize("name", NAMES)
def test_someone_who_is_no_party_makes_no_draft_event(client, collaboration, staff, name):
    client.force_login(staff)

    client.get(_url(name, collaboration))

    assert not AgreementDraftEvent.objects.exists()


@pytest.mark.parametrize("name", NAMES)
def test_an_unknown_collaboration_is_a_404(client, body_member, name):
    client.force_login(body_member)

    response = client.get(reverse(f"agreements:{name}", kwargs={"pk": 999999}))

    assert response.status_code == 404


@pytest.mark.parametrize("name", NAMES)
def test_a_post_is_refused(client, body_member, collaboration, name):
    client.force_login(body_member)

    response = client.post(_url(name, collaboration))

    assert response.status_code == 405


def test_the_docx_download_is_an_attachment_with_an_ascii_name(client, body_member, collaboration):
    client.force_login(body_member)

    response = client.get(_url("draft_docx", collaboration))

    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == ('attachment; filename="utkast-pilotavtale-besoksvenn-pa-sykehjem.docx"')
    assert "Besøksvennene AS" in "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)


def test_the_pdf_download_is_an_attachment_with_an_ascii_name(client, partner_member, collaboration):
    client.force_login(partner_member)

    response = client.get(_url("draft_pdf", collaboration))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="utkast-pilotavtale-besoksvenn-pa-sykehjem.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_a_download_writes_an_event_row(client, partner_member, collaboration):
    client.force_login(partner_member)

    client.get(_url("draft_pdf", collaboration))

    event = AgreementDraftEvent.objects.get()
    assert (event.collaboration, event.actor, event.format) == (collaboration, partner_member, "pdf")
    assert (event.template.key, event.template_key, event.version) == ("pilot-agreement", "pilot-agreement", 1)


def test_every_download_is_its_own_row(client, body_member, collaboration):
    client.force_login(body_member)

    client.get(_url("draft_docx", collaboration))
    client.get(_url("draft_docx", collaboration))

    assert AgreementDraftEvent.objects.filter(format="docx").count() == 2


def test_no_template_in_force_is_a_404_with_a_message_and_no_event(client, body_member, collaboration):
    AgreementTemplate.objects.all().delete()
    client.force_login(body_member)

    response = client.get(_url("draft_docx", collaboration))

    assert response.status_code == 404
    assert not AgreementDraftEvent.objects.exists()


def test_the_page_names_the_template_version_and_source(client, body_member, collaboration):
    client.force_login(body_member)

    response = client.get(_url("draft", collaboration))

    text = response.content.decode()
    assert "Pilotavtale" in text
    assert "Veier til samarbeid" in text
    assert _url("draft_docx", collaboration) in text
    assert _url("draft_pdf", collaboration) in text


def test_the_page_lists_earlier_drafts(client, body_member, collaboration):
    client.force_login(body_member)
    client.get(_url("draft_pdf", collaboration))

    response = client.get(_url("draft", collaboration))

    assert len(response.context["events"]) == 1


def test_the_page_without_a_template_says_so_and_offers_no_links(client, body_member, collaboration):
    AgreementTemplate.objects.all().delete()
    client.force_login(body_member)

    response = client.get(_url("draft", collaboration))

    assert response.status_code == 200
    assert response.context["template"] is None
    assert _url("draft_docx", collaboration) not in response.content.decode()


@pytest.mark.parametrize("path", ["abc/", "abc/draft.pdf", "1/draft.exe", "-1/draft.docx"])
def test_a_malformed_address_is_a_404(client, body_member, path):
    client.force_login(body_member)

    response = client.get(reverse("agreements:draft", kwargs={"pk": 1}).replace("1/", path))

    assert response.status_code == 404


def test_the_page_costs_the_same_queries_however_many_drafts_were_made(
    client, body_member, collaboration, django_assert_num_queries
):
    client.force_login(body_member)
    _event(collaboration, body_member)
    with CaptureQueriesContext(connection) as one:
        client.get(_url("draft", collaboration))
    for _ in range(3):
        _event(collaboration, body_member)

    with django_assert_num_queries(len(one)):
        client.get(_url("draft", collaboration))


def test_a_machine_without_the_pdf_libraries_says_so_and_offers_the_docx(
    client, body_member, collaboration, monkeypatch
):
    import builtins

    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name.endswith("pdf") and args and args[2] and "draft_pdf" in args[2]:
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    client.force_login(body_member)
    monkeypatch.setattr(builtins, "__import__", no_pango)
    response = client.get(_url("draft_pdf", collaboration), follow=True)

    assert response.redirect_chain[-1][0] == _url("draft", collaboration)
    assert "Word" in response.text
    assert not AgreementDraftEvent.objects.filter(collaboration=collaboration).exists()
