from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samvei.accounts.request import authenticated_user
from samvei.core.markdown import render_markdown
from samvei.core.view_helpers import page_of, query_without_page
from samvei.organisations.models import Organisation
from samvei.organisations.selectors import organisations_of

from . import permissions
from .forms import (
    CaseFilterForm,
    ChecklistForm,
    CommentForm,
    FundingFilterForm,
    ModerationForm,
    OrganisationChoiceForm,
)
from .models import BlogPost, Case, FundingScheme, Recipe
from .selectors import (
    approved_comments,
    case_get,
    cases_published,
    funding_get,
    funding_published,
    funding_renamed_to,
    moderation_queue,
    myths_published,
    post_get,
    posts_published,
    recipe_get,
    recipes_published,
    ticked_item_ids,
)
from .services import checklist_save, comment_moderate, comment_submit, funding_follow


def index(request: HttpRequest) -> HttpResponse:
    recipes = list(recipes_published())
    return render(
        request,
        "cookbook/index.html",
        {
            "for_public_bodies": [r for r in recipes if r.audience == Recipe.Audience.PUBLIC_BODY],
            "for_entrepreneurs": [r for r in recipes if r.audience == Recipe.Audience.ENTREPRENEUR],
        },
    )


def _organisation_choice(request: HttpRequest) -> OrganisationChoiceForm | None:
    if not request.user.is_authenticated:
        return None
    organisations = organisations_of(user=authenticated_user(request))
    first = organisations.first()
    if first is None:
        return None
    data = request.POST if request.method == "POST" else (request.GET if "organisation" in request.GET else None)
    return OrganisationChoiceForm(data, organisations=organisations, initial={"organisation": first})


def _chosen(choice: OrganisationChoiceForm | None) -> Organisation | None:
    """The organisation asked for, or the user's first one when none (or one not theirs) was asked for."""
    if choice is None:
        return None
    if choice.is_bound and choice.is_valid():
        return choice.cleaned_data["organisation"]  # type: ignore[no-any-return]
    return choice.initial["organisation"]  # type: ignore[no-any-return]


def _choice_refused(choice: OrganisationChoiceForm | None) -> bool:
    return choice is not None and choice.is_bound and not choice.is_valid()


def recipe_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        recipe = recipe_get(slug=slug)
    except Recipe.DoesNotExist as error:
        raise Http404(_("There is no such recipe.")) from error
    choice = _organisation_choice(request)
    organisation = _chosen(choice)
    if request.method == "POST":
        if organisation is None or _choice_refused(choice):
            raise PermissionDenied
        checklist = ChecklistForm(request.POST, recipe=recipe)
        if checklist.is_valid():
            user = authenticated_user(request)
            checklist_save(recipe=recipe, organisation=organisation, user=user, done=checklist.done())
            messages.success(request, _("Progress saved for %(name)s.") % {"name": organisation})
            return redirect(f"{recipe.get_absolute_url()}?organisation={organisation.pk}#checklist")
    else:
        ticked = ticked_item_ids(recipe=recipe, organisation=organisation) if organisation else set()
        checklist = ChecklistForm(recipe=recipe, ticked=ticked)
    return render(
        request,
        "cookbook/recipe_detail.html",
        {"recipe": recipe, "choice": choice, "organisation": organisation, "checklist": checklist},
        status=400 if checklist.errors or _choice_refused(choice) else 200,
    )


def myth_list(request: HttpRequest) -> HttpResponse:
    return render(request, "cookbook/myth_list.html", {"myths": myths_published()})


def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseFilterForm(request.GET)
    cases = cases_published(**form.cleaned_data) if form.is_valid() else cases_published()
    return render(
        request,
        "cookbook/case_list.html",
        {"form": form, "page": page_of(cases, request), "query": query_without_page(request)},
        status=200 if form.is_valid() else 400,
    )


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        case = case_get(slug=slug)
    except Case.DoesNotExist as error:
        raise Http404(_("There is no such case.")) from error
    return render(request, "cookbook/case_detail.html", {"case": case})


def funding_list(request: HttpRequest) -> HttpResponse:
    form = FundingFilterForm(request.GET)
    schemes = funding_published(**form.cleaned_data) if form.is_valid() else funding_published()
    return render(
        request,
        "cookbook/funding_list.html",
        {"form": form, "page": page_of(schemes, request), "query": query_without_page(request)},
        status=200 if form.is_valid() else 400,
    )


def _scheme_or_404(slug: str) -> FundingScheme:
    try:
        return funding_get(slug=slug)
    except FundingScheme.DoesNotExist as error:
        raise Http404(_("There is no such funding scheme.")) from error


def _funding_page(
    request: HttpRequest, scheme: FundingScheme, choice: OrganisationChoiceForm | None, *, status: int
) -> HttpResponse:
    return render(
        request,
        "cookbook/funding_detail.html",
        {"scheme": scheme, "choice": choice if scheme.can_be_followed else None},
        status=status,
    )


def funding_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        scheme = funding_get(slug=slug)
    except FundingScheme.DoesNotExist as error:
        renamed = funding_renamed_to(slug=slug)
        if renamed is None:
            raise Http404(_("There is no such funding scheme.")) from error
        query = request.META.get("QUERY_STRING", "")
        return redirect(renamed.get_absolute_url() + (f"?{query}" if query else ""), permanent=True)
    choice = _organisation_choice(request)
    return _funding_page(request, scheme, choice, status=400 if _choice_refused(choice) else 200)


@login_required
@require_POST
def funding_follow_view(request: HttpRequest, slug: str) -> HttpResponse:
    scheme = _scheme_or_404(slug)
    choice = _organisation_choice(request)
    if choice is None or not choice.is_valid():
        raise PermissionDenied
    follow = request.POST.get("follow") == "yes"
    organisation = choice.cleaned_data["organisation"]
    try:
        funding_follow(scheme=scheme, organisation=organisation, user=authenticated_user(request), follow=follow)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _funding_page(request, scheme, choice, status=400)
    if follow:
        messages.success(
            request,
            _("%(name)s now follows this scheme and gets a reminder before deadlines.") % {"name": organisation},
        )
    else:
        messages.success(request, _("%(name)s no longer follows this scheme.") % {"name": organisation})
    return redirect(scheme.get_absolute_url())


def post_list(request: HttpRequest) -> HttpResponse:
    tag = request.GET.get("tag") or None
    return render(
        request,
        "cookbook/post_list.html",
        {"page": page_of(posts_published(tag=tag), request), "query": query_without_page(request), "tag": tag},
    )


def post_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        post = post_get(slug=slug)
    except BlogPost.DoesNotExist as error:
        raise Http404(_("There is no such blog post.")) from error
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not permissions.can_comment(user=request.user):
            return redirect(f"{reverse('account_login')}?next={post.get_absolute_url()}")
        if form.is_valid():
            if not form.cleaned_data["website"]:
                try:
                    comment_submit(post=post, user=authenticated_user(request), body=form.cleaned_data["body"])
                except ValidationError as error:
                    form.add_error(None, error)
                    return render(
                        request,
                        "cookbook/post_detail.html",
                        {"post": post, "form": form, "comments": approved_comments(post=post)},
                        status=429,
                    )
            messages.success(request, _("Thank you. Your comment is shown when a moderator has approved it."))
            return redirect(post.get_absolute_url() + "#comments")
    return render(
        request,
        "cookbook/post_detail.html",
        {"post": post, "form": form, "comments": approved_comments(post=post)},
        status=400 if form.errors else 200,
    )


@login_required
def moderation(request: HttpRequest) -> HttpResponse:
    if not permissions.can_moderate(user=request.user):
        raise PermissionDenied
    form = ModerationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        comment_moderate(
            comment=form.cleaned_data["comment"],
            moderator=authenticated_user(request),
            approve=form.cleaned_data["decision"] == "approve",
        )
        messages.success(request, _("The comment is moderated."))
        return redirect("cookbook:moderation")
    queue = [
        (comment, ModerationForm(auto_id=f"comment-{comment.pk}-%s", initial={"comment": comment.pk}))
        for comment in moderation_queue()
    ]
    return render(
        request, "cookbook/moderation.html", {"form": form, "queue": queue}, status=400 if form.errors else 200
    )


class BlogFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = gettext_lazy("Kokebokloggen – Samvei")
    subtitle = gettext_lazy("Notes from the cookbook for collaboration between public bodies and social entrepreneurs.")

    def link(self) -> str:
        return reverse("cookbook:posts")

    def items(self) -> list[BlogPost]:
        return posts_published()[:30]

    def item_title(self, item: BlogPost) -> str:
        return item.title_nb

    def item_description(self, item: BlogPost) -> str:
        return str(render_markdown(item.body_nb))

    def item_pubdate(self, item: BlogPost):  # type: ignore[no-untyped-def]
        return item.published_at
