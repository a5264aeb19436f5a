"""Pages everyone can see: the list of challenges, one challenge with its public questions, and the feed."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samvei.accounts.request import authenticated_user
from samvei.organisations.selectors import pitching_organisations_of

from .. import permissions
from ..forms import AnswerForm, ChallengeFilterForm, QuestionForm
from ..intents import STATEMENTS, advisor_url
from ..models import Challenge
from ..selectors import ChallengeFilters, answered_questions, challenge_list

PAGE_SIZE = 20


def filters_from(form: ChallengeFilterForm) -> ChallengeFilters:
    return ChallengeFilters(**form.cleaned_data) if form.is_valid() else ChallengeFilters()


def challenge_list_view(request: HttpRequest) -> HttpResponse:
    form = ChallengeFilterForm(request.GET)
    filters = filters_from(form)
    page = Paginator(challenge_list(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "challenges/challenge_list.html",
        {"form": form, "page": page, "query": query.urlencode(), "filters": filters},
        status=200 if form.is_valid() else 400,
    )


def challenge_or_404(request: HttpRequest, pk: int) -> Challenge:
    challenge = (
        Challenge.objects.select_related("owner", "municipality__county", "contact_point")
        .prefetch_related("welfare_areas", "target_groups", "attachments", "open_forms")
        .filter(pk=pk)
        .first()
    )
    if challenge is None or not permissions.can_view_challenge(user=request.user, challenge=challenge):
        raise Http404(_("There is no such challenge."))
    return challenge


def challenge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = challenge_or_404(request, pk)
    can_manage = permissions.can_manage_challenge(user=request.user, challenge=challenge)
    context: dict[str, object] = {
        "challenge": challenge,
        "intent_statement": STATEMENTS.get(challenge.intent, ""),
        "advisor_url": advisor_url(challenge=challenge, day=timezone.localdate()),
        "questions": answered_questions(challenge=challenge),
        "can_manage": can_manage,
        "can_ask": permissions.can_ask_question(user=request.user, challenge=challenge),
        "question_form": QuestionForm(),
        "can_send_pitch": request.user.is_authenticated
        and pitching_organisations_of(user=authenticated_user(request)).exists(),
    }
    if can_manage:
        context |= {
            "transitions": [Challenge.Status(s) for s in Challenge.TRANSITIONS[challenge.status]],
            "unanswered": [
                (question, AnswerForm(auto_id=f"answer-{question.pk}-%s"))
                for question in challenge.questions.filter(answer="")
            ],
            "pitches": challenge.pitches.select_related("sender")
            if permissions.can_see_pitches_to(user=request.user, challenge=challenge)
            else challenge.pitches.none(),
            "events": challenge.events.select_related("actor"),
        }
    return render(request, "challenges/challenge_detail.html", context)


class ChallengeFeed(Feed):  # type: ignore[type-arg]
    """Atom feed of newly published challenges, filtered like the list."""

    feed_type = Atom1Feed
    title = gettext_lazy("New challenges on Samvei")
    subtitle = gettext_lazy("Needs that public bodies invite social entrepreneurs to help with.")

    def get_object(self, request: HttpRequest) -> ChallengeFilters:
        return filters_from(ChallengeFilterForm(request.GET))

    def link(self) -> str:
        from django.urls import reverse

        return reverse("challenges:list")

    def items(self, filters: ChallengeFilters) -> list[Challenge]:
        return list(challenge_list(filters=filters)[:50])

    def item_title(self, item: Challenge) -> str:
        return item.title

    def item_description(self, item: Challenge) -> str:
        return item.description

    def item_pubdate(self, item: Challenge):  # type: ignore[no-untyped-def]
        return item.published_at

    def item_author_name(self, item: Challenge) -> str:
        return item.owner.name
