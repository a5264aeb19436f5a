"""Issue 12: approved comments showed the commenter's e-mail address. The public sees a name, never an address."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.cookbook.models import Comment
from samvei.cookbook.services import comment_submit

from .factories import BlogPostFactory

pytestmark = pytest.mark.django_db


def _approved(*, author, body="Nyttig innlegg."):
    post = BlogPostFactory()
    Comment.objects.create(post=post, author=author, body=body, status=Comment.Status.APPROVED)
    return post


def _english_page(client, post):
    with translation.override("en"):
        return client.get(post.get_absolute_url()).text


def test_a_commenter_without_a_name_is_shown_as_a_reader_not_by_e_mail(client):
    author = UserFactory(name="", email="kari.nordmann@example.org")

    page = _english_page(client, _approved(author=author))

    assert "kari.nordmann" not in page
    assert "<strong>Reader</strong>" in page


def test_a_commenter_with_a_name_is_shown_by_name(client):
    page = _english_page(client, _approved(author=UserFactory(name="Kari Nordmann")))

    assert "<strong>Kari Nordmann</strong>" in page


@pytest.mark.parametrize("name", ["kari@example.org", "kari.nordmann", "KARI.NORDMANN", " kari.nordmann@example.org "])
def test_a_name_that_is_the_e_mail_address_or_its_local_part_is_not_shown(client, name):
    author = UserFactory(name=name, email="kari.nordmann@example.org")

    page = _english_page(client, _approved(author=author))

    assert "kari" not in page.casefold()
    assert "<strong>Reader</strong>" in page


def test_a_comment_by_a_deleted_user_is_shown_as_by_a_former_user(client):
    author = UserFactory(name="")
    post = _approved(author=author)
    author.delete()

    assert "<strong>Tidligere bruker</strong>" in client.get(post.get_absolute_url()).text


def test_the_feed_and_the_moderators_e_mail_carry_no_commenter_address(client, django_capture_on_commit_callbacks):
    StaffFactory(email="moderator@example.org")
    author = UserFactory(name="", email="skjult.adresse@example.org")
    post = _approved(author=author)
    with django_capture_on_commit_callbacks(execute=True):
        comment_submit(post=post, user=author, body="Enda en kommentar.")

    feed = client.get(reverse("cookbook:posts-feed")).text
    sent = [f"{m.subject}\n{m.body}" for m in mail.outbox]

    assert sent
    assert "skjult.adresse" not in feed
    assert not [text for text in sent if "skjult.adresse" in text]
