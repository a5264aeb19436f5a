from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from samvei.accounts.models import User
from samvei.geography.models import Municipality

from .models import Claim, ContactPoint, Invitation, Membership, Organisation, RegisterEntry, VerificationStatus


@dataclass(frozen=True)
class OrganisationFilters:
    kind: str | None = None
    welfare_area: str | None = None
    target_group: str | None = None
    county: str | None = None
    municipality: str | None = None
    q: str = ""


def organisation_list(*, filters: OrganisationFilters) -> QuerySet[Organisation]:
    """Organisations matching every given filter. Geography matches where an organisation works: the
    municipality, its county, or nationally."""
    organisations = Organisation.objects.all()
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.welfare_area:
        organisations = organisations.filter(welfare_areas__code=filters.welfare_area)
    if filters.target_group:
        organisations = organisations.filter(target_groups__code=filters.target_group)
    if filters.municipality:
        organisations = organisations.filter(
            Q(municipalities__number=filters.municipality)
            | Q(counties__municipalities__number=filters.municipality)
            | Q(municipality__number=filters.municipality)
            | Q(national=True)
        )
    if filters.county:
        organisations = organisations.filter(
            Q(municipalities__county__number=filters.county)
            | Q(counties__number=filters.county)
            | Q(municipality__county__number=filters.county)
            | Q(county__number=filters.county)
            | Q(national=True)
        )
    if filters.q.strip():
        for word in filters.q.casefold().split():
            organisations = organisations.filter(search_text__contains=word)
    ids = organisations.values("pk")
    return (
        Organisation.objects.filter(pk__in=ids)
        .select_related("municipality__county", "county")
        .prefetch_related("welfare_areas", "target_groups", "municipalities", "counties")
        .order_by("is_example", "name")
    )


def organisation_get(*, slug: str) -> Organisation:
    """Raises Organisation.DoesNotExist."""
    return (
        Organisation.objects.select_related("municipality__county", "county", "source")
        .prefetch_related("welfare_areas", "target_groups", "municipalities", "counties", "results")
        .get(slug=slug)
    )


def contact_point_list(*, organisation: Organisation, welfare_area: str | None = None) -> list[ContactPoint]:
    """Real points before examples; within each, the entry contact first, then the points for the given
    welfare area, then the rest."""
    points = list(
        ContactPoint.objects.filter(organisation=organisation)
        .select_related("organisation")
        .prefetch_related("welfare_areas")
        .order_by("is_example", "-is_entry_contact", "unit", "role_title")
    )
    if welfare_area:
        points.sort(
            key=lambda p: (
                p.is_example,
                not p.is_entry_contact,
                welfare_area not in {a.code for a in p.welfare_areas.all()},
            )
        )
    return points


def municipality_with_organisation(*, number: str) -> Municipality:
    """Raises Municipality.DoesNotExist."""
    return (
        Municipality.objects.select_related("county", "source", "organisation")
        .prefetch_related("names__source", "entry_points__source")
        .get(number=number)
    )


def memberships_for_user(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation__municipality")


def organisations_of(*, user: User) -> QuerySet[Organisation]:
    """The organisations the user acts for, by name."""
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def pitching_organisations_of(*, user: User) -> QuerySet[Organisation]:
    """Those of the user's organisations that may send pitches: all but public bodies."""
    return Organisation.objects.filter(memberships__user=user).exclude(kind__in=Organisation.PUBLIC_BODY_KINDS)


def public_bodies_of(*, user: User) -> QuerySet[Organisation]:
    return recognised_public_bodies().filter(memberships__user=user)


def members_of(*, organisation: Organisation) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__email")


def open_invitations(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation=organisation, accepted_at__isnull=True)


def pending_claims() -> QuerySet[Claim]:
    return Claim.objects.filter(status=Claim.Status.PENDING).select_related("organisation", "user")


def pending_claims_to(*, organisation: Organisation) -> QuerySet[Claim]:
    """The claims to act for one organisation that wait for a decision, for its admins."""
    return pending_claims().filter(organisation=organisation)


def unrecognised_public_bodies() -> Q:
    """Registered as public bodies but not recognised as one: not from reference data, not an example, not
    confirmed by the register's sector code or by staff (Organisation.is_public_body in a query)."""
    return Q(
        kind__in=Organisation.PUBLIC_BODY_KINDS,
        municipality__isnull=True,
        county__isnull=True,
        source__isnull=True,
        is_example=False,
        public_body_confirmed_at__isnull=True,
    )


def recognised_public_bodies() -> QuerySet[Organisation]:
    """The public bodies that publish challenges and receive pitches."""
    return Organisation.objects.filter(kind__in=Organisation.PUBLIC_BODY_KINDS).exclude(unrecognised_public_bodies())


def unverified_organisations() -> QuerySet[Organisation]:
    """Profiles staff may confirm, newest first, and the public bodies that wait for staff. Left out: reference data (municipalities, counties, bodies from a
    sourced file), which its source vouches for, and the fictional examples."""
    registered = RegisterEntry.objects.filter(org_number=OuterRef("org_number"))
    return (
        Organisation.objects.filter(
            Q(verification_status=VerificationStatus.UNVERIFIED, is_example=False) | unrecognised_public_bodies()
        )
        .exclude(kind__in=(Organisation.Kind.MUNICIPALITY, Organisation.Kind.COUNTY))
        .filter(source__isnull=True)
        .annotate(registered_name=Subquery(registered.values("name")[:1]))
        .order_by("-created_at", "-pk")
    )
