"""A comment is a paragraph: at the limit it is kept for moderation, one character more is refused and stored
nowhere, through the page and through the service alike."""

import pytest
from django.core.exceptions import ValidationError

from samvei.accounts.tests.factories import UserFactory
from samvei.cookbook.models import Comment
from samvei.cookbook.services import comment_submit
from samvei.core.limits import SHORT_TEXT

from .factories import BlogPostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(db):
    return BlogPostFactory()


def test_a_comment_at_the_limit_waits_for_moderation(post):
    comment_submit(post=post, user=UserFactory(), body="a" * SHORT_TEXT)

    assert Comment.objects.count() == 1


def test_a_comment_over_the_limit_is_refused_by_the_service(post):
    with pytest.raises(ValidationError):
        comment_submit(post=post, user=UserFactory(), body="a" * (SHORT_TEXT + 1))

    assert not Comment.objects.exists()


def test_a_comment_over_the_limit_is_refused_on_the_page_with_a_reason(client, post):
    client.force_login(UserFactory())

    response = client.post(post.get_absolute_url(), {"body": "a" * (SHORT_TEXT + 1)})

    assert not Comment.objects.exists()
    assert str(SHORT_TEXT) in response.text
