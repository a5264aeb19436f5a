"""A member ticks a recipe's checklist, follows a funding scheme and comments on the blog; the comment shows
only after a moderator approves it."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page

from samvei.accounts.tests.factories import StaffFactory
from samvei.cookbook.models import ChecklistTick, FundingFollow
from samvei.cookbook.tests.factories import BlogPostFactory, ChecklistItemFactory, FundingSchemeFactory
from samvei.organisations.tests.factories import MembershipFactory

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)


def test_tick_follow_comment_and_moderate(live_server, browser: Browser, sign_in):
    membership = MembershipFactory()
    item = ChecklistItemFactory(text_nb="Forankre arbeidet i ledelsen")
    scheme = FundingSchemeFactory(next_deadline=timezone.localdate() + datetime.timedelta(days=40))
    post = BlogPostFactory(title_nb="Velkommen til Kokebokloggen")
    member = browser.new_context(bypass_csp=True, locale="nb-NO").new_page()
    moderator = browser.new_context(bypass_csp=True, locale="nb-NO").new_page()
    sign_in(member, membership.user)
    sign_in(moderator, StaffFactory())

    member.goto(live_server.url + item.step.recipe.get_absolute_url())
    accessible(member)
    member.get_by_label("Forankre arbeidet i ledelsen").check()
    member.locator("form[method=post] button[type=submit]").last.click()
    member.wait_for_load_state()
    assert member.get_by_label("Forankre arbeidet i ledelsen").is_checked()
    assert ChecklistTick.objects.get().organisation == membership.organisation

    member.goto(live_server.url + scheme.get_absolute_url())
    accessible(member)
    member.locator("button[name=follow][value=yes]").click()
    member.wait_for_load_state()
    assert FundingFollow.objects.get().organisation == membership.organisation

    member.goto(live_server.url + post.get_absolute_url())
    accessible(member)
    member.locator("textarea[name=body]").fill("Dette var nyttig for oss i Steinkjer.")
    member.locator("form.stack-form button[type=submit]").click()
    member.wait_for_load_state()
    assert member.get_by_text("Dette var nyttig for oss i Steinkjer.").count() == 0

    moderator.goto(live_server.url + reverse("cookbook:moderation"))
    accessible(moderator)
    moderator.locator("button[name=decision][value=approve]").click()
    moderator.wait_for_load_state()

    member.goto(live_server.url + post.get_absolute_url())
    assert member.get_by_text("Dette var nyttig for oss i Steinkjer.").is_visible()
