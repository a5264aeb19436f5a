"""Issue 12: tags that were not a list of words (a string, a dict, numbers) made the blog list answer 500 for
everyone. Editors are refused such tags with a message, and a bad value already stored is read as no tags."""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.db.models import JSONField, Value
from django.urls import reverse
from django.utils import translation

from samvei.accounts.tests.factories import StaffFactory
from samvei.cookbook.models import BlogPost, FundingScheme

from .factories import BlogPostFactory, FundingSchemeFactory

pytestmark = pytest.mark.django_db

BAD_TAGS = ['"samarbeid"', '{"a": 1}', "42", "[1, 2]", '["ok", null]', '[""]', '[["nested"]]']
STORED_BAD_TAGS = ["samarbeid", {"a": 1}, 42, [1, 2], ["ok", None], None, True]


def _store(model, pk, **values):
    """Write JSON values past validation, as a careless import or a hand edit in the database would."""
    model.objects.filter(pk=pk).update(**{name: Value(value, JSONField()) for name, value in values.items()})


def _editor_data(post, tags):
    return {"slug": post.slug, "status": "published", "title_nb": "Ny tittel", "body_nb": "Tekst", "tags": tags}


@pytest.mark.parametrize("tags", BAD_TAGS)
def test_the_editor_refuses_tags_that_are_not_a_list_of_words(client, tags):
    post = BlogPostFactory(title_nb="Gammel tittel")
    client.force_login(StaffFactory())
    with translation.override("en"):
        url = reverse("cookbook:content-edit", kwargs={"kind": "post", "pk": post.pk})

    response = client.post(url, _editor_data(post, tags))

    assert response.status_code == 400
    assert "Tags must be a list of words" in response.text
    post.refresh_from_db()
    assert (post.title_nb, post.tags) == ("Gammel tittel", ["samarbeid"])


def test_the_editor_accepts_a_list_of_words(client):
    post = BlogPostFactory()
    client.force_login(StaffFactory())

    client.post(
        reverse("cookbook:content-edit", kwargs={"kind": "post", "pk": post.pk}),
        _editor_data(post, '["anskaffelser", "innovasjon"]'),
    )

    post.refresh_from_db()
    assert post.tags == ["anskaffelser", "innovasjon"]


@pytest.mark.parametrize("tags", BAD_TAGS)
def test_the_admin_refuses_tags_that_are_not_a_list_of_words(rf, tags):
    post = BlogPostFactory()
    request = rf.get("/")
    request.user = StaffFactory(is_superuser=True)
    form_class = site._registry[BlogPost].get_form(request, post)
    data = {**_editor_data(post, tags), "title_en": "", "body_en": "", "published_at_0": "", "published_at_1": ""}

    form = form_class(data, instance=post)

    assert not form.is_valid()
    assert "tags" in form.errors


@pytest.mark.parametrize("tags", STORED_BAD_TAGS)
def test_model_validation_refuses_tags_that_are_not_a_list_of_words(tags):
    with pytest.raises(ValidationError) as refused:
        BlogPostFactory.build(tags=tags).full_clean()

    assert "tags" in refused.value.message_dict


@pytest.mark.parametrize("tags", STORED_BAD_TAGS)
def test_a_stored_bad_tag_value_never_breaks_the_blog(client, tags):
    post = BlogPostFactory()
    _store(BlogPost, post.pk, tags=tags)

    pages = [
        client.get(reverse("cookbook:posts")),
        client.get(reverse("cookbook:posts"), {"tag": "samarbeid"}),
        client.get(post.get_absolute_url()),
        client.get(reverse("cookbook:posts-feed")),
    ]

    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    assert post.title_nb in pages[0].text


def test_the_tag_filter_still_finds_posts_with_good_tags(client):
    BlogPostFactory(title_nb="Med emneord", tags=["innovasjon"])
    BlogPostFactory(title_nb="Uten", tags=["annet"])

    response = client.get(reverse("cookbook:posts"), {"tag": "innovasjon"})

    assert [p.title_nb for p in response.context["page"].object_list] == ["Med emneord"]


@pytest.mark.parametrize("kinds", ["municipality", {"a": 1}, 42, [1], ["aliens"], None])
def test_model_validation_refuses_applicant_kinds_that_are_not_a_list_of_known_kinds(kinds):
    with pytest.raises(ValidationError) as refused:
        FundingSchemeFactory.build(applicant_kinds=kinds, source=FundingSchemeFactory().source).full_clean()

    assert "applicant_kinds" in refused.value.message_dict


@pytest.mark.parametrize("kinds", ["municipality", {"a": 1}, 42, [1], None])
def test_stored_bad_applicant_kinds_never_break_the_funding_list_or_the_api(client, kinds):
    scheme = FundingSchemeFactory()
    _store(FundingScheme, scheme.pk, applicant_kinds=kinds)

    responses = [
        client.get(reverse("cookbook:funding")),
        client.get(reverse("cookbook:funding"), {"applicant_kind": "municipality"}),
        client.get(scheme.get_absolute_url()),
        client.get("/api/v1/funding"),
    ]

    assert [r.status_code for r in responses] == [200, 200, 200, 200]
    assert responses[3].json()["items"][0]["applicant_kinds"] == []
