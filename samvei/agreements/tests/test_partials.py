import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from samvei.agreements.models import AgreementTemplate


def _render(user, collaboration):
    request = RequestFactory().get("/")
    request.user = user
    with translation.override("en"):
        return render_to_string(
            "agreements/partials/draft_links.html", {"collaboration": collaboration}, request=request
        )


@pytest.mark.parametrize("role", ["body_member", "partner_member"])
def test_the_parties_see_the_heading_template_and_both_links(request, collaboration, role):
    html = _render(request.getfixturevalue(role), collaboration)

    assert "Draft agreement" in html
    assert "«Pilotavtale», version 1" in html
    assert "Veier til samarbeid" in html
    with translation.override("en"):
        assert reverse("agreements:draft_docx", kwargs={"pk": collaboration.pk}) in html
        assert reverse("agreements:draft_pdf", kwargs={"pk": collaboration.pk}) in html


@pytest.mark.parametrize("role", ["anonymous", "outsider", "third_org_member", "staff"])
def test_anyone_else_sees_nothing(request, collaboration, role):
    assert _render(request.getfixturevalue(role), collaboration).strip() == ""


def test_without_a_template_the_parties_are_told_and_get_no_links(body_member, collaboration):
    AgreementTemplate.objects.all().delete()

    html = _render(body_member, collaboration)

    assert "No agreement template is in force today" in html
    assert reverse("agreements:draft_docx", kwargs={"pk": collaboration.pk}) not in html
