import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samvei.accounts.tests.factories import StaffFactory
from samvei.cookbook.models import BlogPost, ChecklistTick, Comment, FundingFollow, Revision
from samvei.cookbook.services import COMMENT_LIMIT
from samvei.cookbook.tasks import send_funding_reminders
from samvei.core.tests.test_markdown import _elements
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import BlogPostFactory, ChecklistItemFactory, FundingSchemeFactory, RecipeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return MembershipFactory().user


def test_recipe_checklist_is_ticked_for_the_members_organisation(client, member):
    item = ChecklistItemFactory()
    other = ChecklistItemFactory(step=item.step)
    recipe = item.step.recipe
    client.force_login(member)

    client.post(
        recipe.get_absolute_url(),
        {"organisation": member.memberships.get().organisation_id, f"step-{item.step_id}": [item.pk]},
    )

    ticks = ChecklistTick.objects.filter(organisation=member.memberships.get().organisation)
    assert [t.item_id for t in ticks] == [item.pk]
    assert other.pk not in [t.item_id for t in ticks]


def test_saving_the_checklist_again_unticks_what_is_left_out_and_keeps_the_rest_as_ticked(client, member):
    kept = ChecklistItemFactory()
    dropped = ChecklistItemFactory(step=kept.step)
    organisation = member.memberships.get().organisation
    url = kept.step.recipe.get_absolute_url()
    client.force_login(member)
    client.post(url, {"organisation": organisation.pk, f"step-{kept.step_id}": [kept.pk, dropped.pk]})
    first = ChecklistTick.objects.get(organisation=organisation, item=kept).ticked_at

    client.post(url, {"organisation": organisation.pk, f"step-{kept.step_id}": [kept.pk]})

    ticks = ChecklistTick.objects.filter(organisation=organisation)
    assert [t.item_id for t in ticks] == [kept.pk]
    assert ticks.get().ticked_at == first


def test_nobody_ticks_for_an_organisation_they_do_not_belong_to(client, member):
    item = ChecklistItemFactory()
    foreign = OrganisationFactory()
    client.force_login(member)

    response = client.post(
        item.step.recipe.get_absolute_url(), {"organisation": foreign.pk, f"step-{item.step_id}": [item.pk]}
    )

    assert response.status_code == 403
    assert not ChecklistTick.objects.exists()


def test_anonymous_visitors_read_recipes_but_cannot_tick(client):
    item = ChecklistItemFactory()
    url = item.step.recipe.get_absolute_url()

    assert client.get(url).status_code == 200
    assert client.post(url, {f"step-{item.step_id}": [item.pk]}).status_code == 403
    assert not ChecklistTick.objects.exists()


def test_draft_recipes_are_not_shown(client):
    recipe = RecipeFactory(status="draft")

    assert client.get(recipe.get_absolute_url()).status_code == 404


def test_following_a_scheme_sends_one_reminder_before_the_deadline(client, member, django_capture_on_commit_callbacks):
    scheme = FundingSchemeFactory(next_deadline=timezone.localdate() + datetime.timedelta(days=7))
    client.force_login(member)
    organisation = member.memberships.get().organisation

    client.post(
        reverse("cookbook:funding-follow", kwargs={"slug": scheme.slug}),
        {"organisation": organisation.pk, "follow": "yes"},
    )
    send_funding_reminders.call(repeat=False)
    send_funding_reminders.call(repeat=False)

    assert FundingFollow.objects.get().organisation == organisation
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_a_user_cannot_follow_on_behalf_of_another_organisation(client, member):
    scheme = FundingSchemeFactory()
    client.force_login(member)

    response = client.post(
        reverse("cookbook:funding-follow", kwargs={"slug": scheme.slug}),
        {"organisation": OrganisationFactory().pk, "follow": "yes"},
    )

    assert response.status_code == 403
    assert not FundingFollow.objects.exists()


def test_funding_list_filters_by_applicant_kind(client):
    FundingSchemeFactory(name="For kommuner", applicant_kinds=["municipality"])
    FundingSchemeFactory(name="For stiftelser", applicant_kinds=["foundation"])

    response = client.get(reverse("cookbook:funding"), {"applicant_kind": "municipality"})

    assert [s.name for s in response.context["page"].object_list] == ["For kommuner"]


def test_funding_list_explains_an_unknown_applicant_kind(client):
    assert client.get(reverse("cookbook:funding"), {"applicant_kind": "aliens"}).status_code == 400


def test_a_comment_appears_only_after_moderation(client, member):
    post = BlogPostFactory()
    staff = StaffFactory()
    client.force_login(member)

    client.post(post.get_absolute_url(), {"body": "Så fint!"})
    assert "Så fint!" not in client.get(post.get_absolute_url()).text

    client.force_login(staff)
    client.post(reverse("cookbook:moderation"), {"comment": Comment.objects.get().pk, "decision": "approve"})

    assert "Så fint!" in client.get(post.get_absolute_url()).text


def test_the_honeypot_discards_a_robot_comment_without_telling_it(client, member):
    post = BlogPostFactory()
    client.force_login(member)

    response = client.post(post.get_absolute_url(), {"body": "Kjøp billig", "website": "http://spam.example"})

    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_comments_are_rate_limited(client, member):
    post = BlogPostFactory()
    client.force_login(member)
    for number in range(COMMENT_LIMIT):
        client.post(post.get_absolute_url(), {"body": f"Kommentar {number}"})

    response = client.post(post.get_absolute_url(), {"body": "En til"})

    assert response.status_code == 429
    assert Comment.objects.count() == COMMENT_LIMIT


def test_anonymous_and_empty_comments_are_refused(client, member):
    post = BlogPostFactory()

    assert client.post(post.get_absolute_url(), {"body": "Hei"}).status_code == 302
    client.force_login(member)
    assert client.post(post.get_absolute_url(), {"body": ""}).status_code == 400
    assert not Comment.objects.exists()


def test_only_staff_moderate(client, member):
    BlogPostFactory()
    client.force_login(member)

    assert client.get(reverse("cookbook:moderation")).status_code == 403


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "[lenke](javascript:alert(1))",
        '<a href="#" onclick="alert(1)">x</a>',
    ],
)
def test_scripts_in_posts_and_comments_never_reach_the_page(client, member, body):
    post = BlogPostFactory(body_nb=body)
    Comment.objects.create(post=post, author=member, body=body, status="approved")

    elements = _elements(client.get(post.get_absolute_url()).content.decode())

    assert not [tag for tag, attrs in elements if tag == "script" and not any(name == "src" for name, _ in attrs)]
    assert not [name for _, attrs in elements for name, _ in attrs if name.startswith("on")]
    assert not [
        value for _, attrs in elements for name, value in attrs if name == "href" and value.startswith("javascript")
    ]


def test_staff_edit_with_preview_and_revision_history(client):
    post = BlogPostFactory()
    staff = StaffFactory()
    client.force_login(staff)
    url = reverse("cookbook:content-edit", kwargs={"kind": "post", "pk": post.pk})
    data = {
        "slug": post.slug,
        "status": "published",
        "title_nb": "Ny tittel",
        "body_nb": "**Fet** tekst",
        "tags": '["samarbeid"]',
    }

    preview = client.post(url, {**data, "preview": "1"})
    assert "<strong>Fet</strong>" in preview.text
    assert BlogPost.objects.get(pk=post.pk).title_nb != "Ny tittel"

    client.post(url, data)
    client.post(url, {**data, "body_nb": "Endret tekst"})

    history = client.get(reverse("cookbook:content-history", kwargs={"kind": "post", "pk": post.pk}))
    assert Revision.objects.filter(object_id=post.pk).count() == 2
    assert "+Endret tekst" in history.text
    assert "-**Fet** tekst" in history.text


def test_editors_must_be_staff(client, member):
    post = BlogPostFactory()
    client.force_login(member)

    assert client.get(reverse("cookbook:content-edit", kwargs={"kind": "post", "pk": post.pk})).status_code == 403


def test_unknown_content_kind_is_a_404(client):
    client.force_login(StaffFactory())

    assert client.get(reverse("cookbook:content-new", kwargs={"kind": "nonsense"})).status_code == 404


def test_blog_feed_lists_published_posts(client):
    BlogPostFactory(title_nb="Publisert")
    BlogPostFactory(title_nb="Utkast", status="draft")

    body = client.get(reverse("cookbook:posts-feed")).content.decode()

    assert "Publisert" in body
    assert "Utkast" not in body


def test_cookbook_api_lists_with_count_items_and_text_filter(client):
    RecipeFactory(title_nb="Kom i gang")
    RecipeFactory(title_nb="Mål effekt")

    body = client.get("/api/v1/recipes", {"q": "effekt"}).json()

    assert body["count"] == 1
    assert body["items"][0]["title_nb"] == "Mål effekt"


@pytest.mark.parametrize("path", ["/api/v1/recipes", "/api/v1/myths", "/api/v1/cases", "/api/v1/funding"])
def test_cookbook_api_refuses_overlong_queries(client, path):
    assert client.get(path, {"q": "x" * 201}).status_code == 422
