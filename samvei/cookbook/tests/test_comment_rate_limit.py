"""Issue 12: the comment limit was read from the cache and written back after the insert, so parallel requests all
saw the old count (12 of 12 accepted). The count is now of stored comments, taken after locking the writer's row."""

import datetime
import threading

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samvei.accounts.tests.factories import UserFactory
from samvei.cookbook.models import Comment
from samvei.cookbook.services import COMMENT_LIMIT, COMMENT_WINDOW, comment_submit

from .factories import BlogPostFactory


@pytest.mark.django_db
def test_the_limit_counts_stored_comments_so_a_lost_cache_entry_does_not_reset_it():
    post, user = BlogPostFactory(), UserFactory()
    for number in range(COMMENT_LIMIT):
        comment_submit(post=post, user=user, body=f"Kommentar {number}")
        cache.clear()

    with pytest.raises(ValidationError) as refused:
        comment_submit(post=post, user=user, body="En for mye")

    assert refused.value.code == "rate"
    assert Comment.objects.count() == COMMENT_LIMIT


@pytest.mark.django_db
def test_comments_older_than_the_window_do_not_count():
    post, user = BlogPostFactory(), UserFactory()
    for number in range(COMMENT_LIMIT):
        comment_submit(post=post, user=user, body=f"Kommentar {number}")
    Comment.objects.update(created_at=timezone.now() - COMMENT_WINDOW - datetime.timedelta(seconds=1))

    comment_submit(post=post, user=user, body="Etter pausen")

    assert Comment.objects.count() == COMMENT_LIMIT + 1


@pytest.mark.django_db
def test_one_writers_comments_do_not_use_up_anothers_limit():
    post, busy, other = BlogPostFactory(), UserFactory(), UserFactory()
    for number in range(COMMENT_LIMIT):
        comment_submit(post=post, user=busy, body=f"Kommentar {number}")

    comment_submit(post=post, user=other, body="Min første")

    assert Comment.objects.filter(author=other).count() == 1


@pytest.mark.django_db
def test_the_writers_row_is_locked_by_a_write_before_the_comments_are_counted():
    """The lock is what makes the limit hold under concurrency: an UPDATE of the writer's row queues a parallel
    submission on PostgreSQL (row lock) and on SQLite (one writer at a time) before it can count."""
    post, user = BlogPostFactory(), UserFactory()

    with CaptureQueriesContext(connection) as captured:
        comment_submit(post=post, user=user, body="Hei")

    statements = [
        q["sql"].lstrip().upper() for q in captured if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE"))
    ]
    lock = next(i for i, sql in enumerate(statements) if sql.startswith("UPDATE") and "ACCOUNTS_USER" in sql)
    count = next(i for i, sql in enumerate(statements) if "COUNT(" in sql and "COOKBOOK_COMMENT" in sql)
    insert = next(i for i, sql in enumerate(statements) if sql.startswith("INSERT") and "COOKBOOK_COMMENT" in sql)
    assert lock < count < insert


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel writers need PostgreSQL's row locks")
@pytest.mark.django_db(transaction=True)
def test_parallel_comments_cannot_exceed_the_limit():
    post, user = BlogPostFactory(), UserFactory()
    attempts = COMMENT_LIMIT * 2 + 2
    start = threading.Barrier(attempts)
    outcomes: list[str] = []

    def submit(number: int) -> None:
        try:
            start.wait()
            comment_submit(post=post, user=user, body=f"Parallell {number}")
            outcomes.append("accepted")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("accepted") == COMMENT_LIMIT
    assert outcomes.count("refused") == attempts - COMMENT_LIMIT
    assert Comment.objects.count() == COMMENT_LIMIT
