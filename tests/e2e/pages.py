"""Every page a visitor can reach, in both languages; new pages are added here to be audited.

Paths are built with reverse() when the test runs, so translated URLs follow the catalogue."""

from django.urls import reverse
from django.utils import translation


def public_pages(*, challenge_pk: int, cookbook: dict[str, object] | None = None) -> list[str]:
    pages = []
    for language in ("nb", "en"):
        with translation.override(language):
            pages += [
                reverse("pages:front"),
                reverse("pages:accessibility"),
                reverse("pages:privacy"),
                reverse("municipalities:list"),
                reverse("municipalities:detail", kwargs={"number": "1103"}),
                reverse("organisations:list"),
                reverse("organisations:detail", kwargs={"slug": "bufdir"}),
                reverse("organisations:detail", kwargs={"slug": _county_slug("50")}),
                reverse("municipalities:who-decides"),
                reverse("account_login"),
                reverse("account_signup"),
                reverse("challenges:list"),
                reverse("challenges:detail", kwargs={"pk": challenge_pk}),
                reverse("search:search"),
                reverse("search:search") + "?q=eldre+omsorg",
                reverse("procurement:thresholds"),
                reverse("procurement:thresholds")
                + "?buyer=municipality&category=goods_services&value=2300000&date=2025-01-01",
                reverse("procurement:thresholds")
                + "?buyer=state&category=goods_services&value=5000000&date=2027-06-01",
                reverse("procurement:thresholds") + "?buyer=x&value=-1",
                reverse("procurement:advisor"),
                reverse("procurement:advisor")
                + "?buyer=municipality&category=health_social&value=5000000&date=2025-01-01&supplier=ideell",
                reverse("procurement:advisor")
                + "?buyer=state&category=goods_services&value=5000000&date=2017-06-01&innovation=on",
                reverse("procurement:advisor") + "?buyer=county&value=abc",
                reverse("procurement:rules"),
                reverse("procurement:forms"),
                reverse("impact:proxies"),
            ]
    if cookbook:
        pages += [
            reverse("cookbook:index"),
            cookbook["recipe"].get_absolute_url(),  # type: ignore[attr-defined]
            reverse("cookbook:myths"),
            reverse("cookbook:cases"),
            cookbook["case"].get_absolute_url(),  # type: ignore[attr-defined]
            reverse("cookbook:funding"),
            cookbook["scheme"].get_absolute_url(),  # type: ignore[attr-defined]
            reverse("cookbook:posts"),
            cookbook["post"].get_absolute_url(),  # type: ignore[attr-defined]
        ]
    return [
        *pages,
        "/kommuner/?county=56",
        "/kommuner/?county=99",
        "/kommuner/?q=ingen-slik-kommune",
        "/kommuner/5610/",
        "/kommuner/9999/",
        reverse("organisations:list") + "?welfare_area=elderly-care&county=11",
        reverse("organisations:list") + "?kind=alien",
        reverse("municipalities:who-decides") + "?municipality=",
        reverse("account_reset_password"),
        reverse("search:search") + "?q=" + "x" * 600,
        reverse("challenges:list") + "?welfare_area=elderly-care&deadline_from=nonsense",
        "/en/no-such-page/",
    ]


def _county_slug(number: str) -> str:
    """The county authority's page shows where to send an idea (or that no address is verified)."""
    from samvei.organisations.models import Organisation

    return Organisation.objects.get(county__number=number).slug


def member_pages(*, organisation_slug: str, challenge_pk: int, pitch_pk: int) -> list[str]:
    """Pages for a signed-in staff member of the public body `organisation_slug`, which owns the challenge
    and received the pitch."""
    from samvei.collaborations.models import Collaboration

    slug = {"slug": organisation_slug}
    record = {"pk": Collaboration.objects.filter(public_body__slug=organisation_slug, pitch=None).get().pk}
    return [
        reverse("challenges:create"),
        reverse("challenges:edit", kwargs={"pk": challenge_pk}),
        reverse("challenges:detail", kwargs={"pk": challenge_pk}),
        reverse("challenges:pitch-inbox"),
        reverse("challenges:pitch-detail", kwargs={"pk": pitch_pk}),
        reverse("challenges:pitch-create", kwargs={"pk": challenge_pk}),
        reverse("challenges:waiting-pitches"),
        reverse("challenges:saved-searches"),
        reverse("challenges:idea-create", kwargs={"slug": "oslo-0301"}),
        reverse("collaborations:list"),
        reverse("collaborations:new"),
        reverse("collaborations:new")
        + "?form=pilot-agreement&buyer=municipality&category=health_social&value=600000&date=2026-12-03",
        reverse("collaborations:detail", kwargs=record),
        reverse("agreements:draft", kwargs=record),
        *effect_pages(record),
        reverse("matching:challenges-for-you"),
        reverse("matching:challenge-matches", kwargs={"pk": challenge_pk}),
        reverse("cookbook:moderation"),
        reverse("freshness:list"),
        reverse("pages:audit-log"),
        reverse("cookbook:content-new", kwargs={"kind": "post"}),
        reverse("accounts:profile"),
        reverse("accounts:delete"),
        reverse("organisations:mine"),
        reverse("organisations:register"),
        reverse("organisations:claims"),
        reverse("organisations:unverified"),
        reverse("organisations:edit", kwargs=slug),
        reverse("organisations:members", kwargs=slug),
        reverse("organisations:contact-points", kwargs=slug),
        reverse("organisations:contact-point-new", kwargs=slug),
        reverse("organisations:claim", kwargs={"slug": "bufdir"}),
        reverse("account_change_password"),
        reverse("account_email"),
    ]


def effect_pages(record: dict[str, int]) -> list[str]:
    """The effect pages of the record that `challenge_with_pitch` measured, and a private link to its report."""
    from samvei.collaborations.models import Collaboration
    from samvei.impact.models import Indicator, SroiOutcome
    from samvei.impact.services.report import report_link_create

    collaboration = Collaboration.objects.get(pk=record["pk"])
    party = collaboration.public_body.memberships.select_related("user").first()
    assert party is not None
    shared = report_link_create(collaboration=collaboration, label="Bystyret", actor=party.user)

    indicator = {**record, "indicator_pk": Indicator.objects.filter(collaboration_id=record["pk"]).get().pk}
    outcome = {**record, "outcome_pk": SroiOutcome.objects.filter(analysis__collaboration_id=record["pk"]).get().pk}
    return [
        reverse("impact:overview", kwargs=record),
        reverse("impact:logic", kwargs=record),
        reverse("impact:indicator-add", kwargs=record),
        reverse("impact:indicator-detail", kwargs=indicator),
        reverse("impact:indicator-edit", kwargs=indicator),
        reverse("impact:sroi", kwargs=record),
        reverse("impact:sroi-outcome-new", kwargs=record),
        reverse("impact:sroi-outcome", kwargs=outcome),
        reverse("impact:report", kwargs=record),
        reverse("impact:shared", kwargs={"token": shared.token}),
    ]


def organisation_member_pages(*, organisation_slug: str) -> list[str]:
    """Pages for an ordinary member (not staff) of `organisation_slug`: their account, their organisation's own
    pages, the challenges it owns, the pitches it sent or received, and the records of the collaborations it is
    a party to. The crawl in test_member_crawl.py follows links from these too, so this list names what a link
    might not reach (edit pages of one record among many)."""
    from django.db.models import Q

    from samvei.challenges.models import Challenge, Pitch
    from samvei.collaborations.models import Collaboration
    from samvei.impact.models import Indicator
    from samvei.organisations.models import Membership, Organisation

    organisation = Organisation.objects.get(slug=organisation_slug)
    slug = {"slug": organisation_slug}
    pages = [
        reverse("accounts:profile"),
        reverse("accounts:delete"),
        reverse("account_change_password"),
        reverse("account_email"),
        reverse("organisations:mine"),
        reverse("organisations:register"),
        reverse("organisations:detail", kwargs=slug),
        reverse("organisations:edit", kwargs=slug),
        reverse("organisations:claim", kwargs={"slug": "bufdir"}),
        reverse("challenges:pitch-inbox"),
        reverse("challenges:saved-searches"),
        reverse("collaborations:list"),
        reverse("collaborations:new"),
        reverse("matching:challenges-for-you"),
    ]
    if organisation.memberships.filter(role=Membership.Role.ADMIN).exists():
        pages.append(reverse("organisations:members", kwargs=slug))
    if organisation.is_public_body:
        pages += [
            reverse("challenges:create"),
            reverse("organisations:contact-points", kwargs=slug),
            reverse("organisations:contact-point-new", kwargs=slug),
            *[
                reverse("organisations:contact-point-edit", kwargs={**slug, "contact_point_id": pk})
                for pk in organisation.contact_points.values_list("pk", flat=True)
            ],
        ]
        for pk in Challenge.objects.filter(owner=organisation).values_list("pk", flat=True):
            pages += [
                reverse("challenges:detail", kwargs={"pk": pk}),
                reverse("challenges:edit", kwargs={"pk": pk}),
                reverse("matching:challenge-matches", kwargs={"pk": pk}),
            ]
    else:
        pages.append(reverse("challenges:idea-create", kwargs={"slug": "oslo-0301"}))
    for pitch in Pitch.objects.filter(Q(sender=organisation) | Q(receiver=organisation)):
        pages.append(reverse("challenges:pitch-detail", kwargs={"pk": pitch.pk}))
        if pitch.challenge_id and pitch.sender_id == organisation.pk:
            pages.append(reverse("challenges:detail", kwargs={"pk": pitch.challenge_id}))
    for pk in Collaboration.objects.filter(Q(public_body=organisation) | Q(partner=organisation)).values_list(
        "pk", flat=True
    ):
        record = {"pk": pk}
        pages += [reverse("collaborations:detail", kwargs=record), reverse("agreements:draft", kwargs=record)]
        if Indicator.objects.filter(collaboration_id=pk).exists():
            pages += effect_pages(record)
        else:
            pages.append(reverse("impact:overview", kwargs=record))
    return list(dict.fromkeys(pages))
