"""Every cookbook form shows its errors the same way as the rest of the site: the shared error summary at the top
(templates/includes/form_errors.html) and each field through templates/includes/field.html."""

import pytest
from django.urls import reverse

from samvei.accounts.tests.factories import StaffFactory
from samvei.cookbook.models import Comment
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import BlogPostFactory, ChecklistItemFactory, FundingSchemeFactory

pytestmark = pytest.mark.django_db

SUMMARY = 'class="ds-alert error-summary"'


@pytest.fixture
def member():
    return MembershipFactory().user


def test_the_checklist_is_rendered_as_fieldsets_of_the_shared_field_include(client, member):
    item = ChecklistItemFactory(text_nb="Forankre arbeidet")
    client.force_login(member)

    page = client.get(item.step.recipe.get_absolute_url()).text

    assert '<fieldset class="ds-fieldset" id="id_step-' in page
    assert f'<label class="ds-label" for="id_step-{item.step_id}_0">Forankre arbeidet</label>' in page


def test_anonymous_visitors_see_the_checklist_as_a_list_without_a_form(client):
    item = ChecklistItemFactory(text_nb="Forankre arbeidet")

    page = client.get(item.step.recipe.get_absolute_url()).text

    assert "Forankre arbeidet" in page
    assert 'type="checkbox"' not in page


def test_a_recipe_asked_for_a_foreign_organisation_shows_the_error_summary(client, member):
    item = ChecklistItemFactory()
    client.force_login(member)

    response = client.get(item.step.recipe.get_absolute_url(), {"organisation": OrganisationFactory().pk})

    assert response.status_code == 400
    assert SUMMARY in response.text
    assert 'href="#id_organisation"' in response.text
    assert 'id="id_organisation"' in response.text


def test_a_funding_scheme_asked_for_a_foreign_organisation_shows_the_error_summary(client, member):
    scheme = FundingSchemeFactory()
    client.force_login(member)

    response = client.get(scheme.get_absolute_url(), {"organisation": "²"})

    assert response.status_code == 400
    assert SUMMARY in response.text
    assert 'href="#id_organisation"' in response.text


def test_the_funding_page_for_a_member_has_no_error_summary(client, member):
    client.force_login(member)

    response = client.get(FundingSchemeFactory().get_absolute_url())

    assert response.status_code == 200
    assert SUMMARY not in response.text
    assert 'id="id_organisation"' in response.text


def test_the_moderation_queue_gives_each_comment_its_own_ids(client):
    post = BlogPostFactory()
    first = Comment.objects.create(post=post, body="En", status=Comment.Status.PENDING)
    second = Comment.objects.create(post=post, body="To", status=Comment.Status.PENDING)
    client.force_login(StaffFactory())

    page = client.get(reverse("cookbook:moderation")).text

    assert f'id="comment-{first.pk}-comment"' in page
    assert f'id="comment-{second.pk}-comment"' in page
