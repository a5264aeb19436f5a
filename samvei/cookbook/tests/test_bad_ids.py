"""Issue 12: `str.isdigit()` accepts «²», which `int()` then refuses: a checklist or moderation request carrying
it answered 500. Such input is now refused with a message, and nothing changes."""

import pytest
from django.urls import reverse
from django.utils import translation

from samvei.accounts.tests.factories import StaffFactory
from samvei.cookbook.models import ChecklistTick, Comment
from samvei.organisations.tests.factories import MembershipFactory

from .factories import BlogPostFactory, ChecklistItemFactory

pytestmark = pytest.mark.django_db

BAD_IDS = ["²", "١", "-1", "0", "9" * 40, "abc", ""]


@pytest.fixture
def member():
    return MembershipFactory().user


def _checklist_post(client, member, item, values):
    client.force_login(member)
    organisation = member.memberships.get().organisation
    with translation.override("en"):
        url = item.step.recipe.get_absolute_url()
    return client.post(url, {"organisation": organisation.pk, f"step-{item.step_id}": values})


@pytest.mark.parametrize("raw", ["²", "١", "9" * 40, "abc"])
def test_a_checklist_with_a_bad_item_id_is_refused_with_a_message(client, member, raw):
    item = ChecklistItemFactory()

    response = _checklist_post(client, member, item, [str(item.pk), raw])

    assert response.status_code == 400
    assert "is not an item on this checklist" in response.text
    assert 'class="ds-alert error-summary"' in response.text
    assert not ChecklistTick.objects.exists()


def test_an_item_of_another_recipe_is_refused_and_nothing_is_ticked(client, member):
    item = ChecklistItemFactory()
    foreign = ChecklistItemFactory()

    response = _checklist_post(client, member, item, [str(foreign.pk)])

    assert response.status_code == 400
    assert not ChecklistTick.objects.exists()


def test_the_old_done_parameter_with_a_superscript_digit_is_no_500(client, member):
    item = ChecklistItemFactory()
    client.force_login(member)
    organisation = member.memberships.get().organisation

    response = client.post(item.step.recipe.get_absolute_url(), {"organisation": organisation.pk, "done": ["²"]})

    assert response.status_code < 500
    assert not ChecklistTick.objects.exists()


@pytest.mark.parametrize("raw", BAD_IDS)
def test_moderating_with_a_bad_comment_id_is_refused_with_a_message(client, raw):
    comment = Comment.objects.create(post=BlogPostFactory(), body="Venter", status=Comment.Status.PENDING)
    client.force_login(StaffFactory())

    response = client.post(reverse("cookbook:moderation"), {"comment": raw, "decision": "approve"})

    assert response.status_code == 400
    assert 'class="ds-alert error-summary"' in response.text
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


@pytest.mark.parametrize("decision", ["", "maybe", "²"])
def test_moderating_with_an_unknown_decision_changes_nothing(client, decision):
    comment = Comment.objects.create(post=BlogPostFactory(), body="Venter", status=Comment.Status.PENDING)
    client.force_login(StaffFactory())

    response = client.post(reverse("cookbook:moderation"), {"comment": comment.pk, "decision": decision})

    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_a_comment_already_moderated_cannot_be_moderated_again_from_the_queue(client):
    comment = Comment.objects.create(post=BlogPostFactory(), body="Avvist", status=Comment.Status.REJECTED)
    client.force_login(StaffFactory())

    response = client.post(reverse("cookbook:moderation"), {"comment": comment.pk, "decision": "approve"})

    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
