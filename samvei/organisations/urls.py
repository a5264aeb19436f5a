from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import claims, contact_points, directory, members, verification

app_name = "organisations"
urlpatterns = [
    path("", directory.organisation_list_view, name="list"),
    path(_("new/"), directory.organisation_register_view, name="register"),
    path(_("mine/"), directory.my_organisations, name="mine"),
    path(_("claims/"), claims.claim_review_list, name="claims"),
    path(_("claims/<int:claim_id>/"), claims.claim_decide_view, name="claim-decide"),
    path(_("unverified/"), verification.unverified_list, name="unverified"),
    path(_("invitation/<str:token>/"), members.invitation_accept_view, name="invitation-accept"),
    path("<slug:slug>/", directory.organisation_detail, name="detail"),
    path(_("<slug:slug>/edit/"), directory.organisation_edit, name="edit"),
    path(_("<slug:slug>/members/"), members.members, name="members"),
    path(_("<slug:slug>/members/remove/"), members.member_remove, name="member-remove"),
    path(_("<slug:slug>/members/role/"), members.member_role, name="member-role"),
    path(_("<slug:slug>/claim/"), claims.claim_create, name="claim"),
    path(_("<slug:slug>/verification/confirm/"), verification.verification_confirm, name="verification-confirm"),
    path(_("<slug:slug>/public-body/confirm/"), verification.public_body_confirm, name="public-body-confirm"),
    path(_("<slug:slug>/verified-domain/"), verification.verified_domain_set, name="verified-domain"),
    path(_("<slug:slug>/leave/"), members.member_leave, name="leave"),
    path(_("<slug:slug>/contact-points/"), contact_points.contact_point_manage, name="contact-points"),
    path(_("<slug:slug>/contact-points/new/"), contact_points.contact_point_edit, name="contact-point-new"),
    path(
        _("<slug:slug>/contact-points/<int:contact_point_id>/edit/"),
        contact_points.contact_point_edit,
        name="contact-point-edit",
    ),
    path(
        _("<slug:slug>/contact-points/<int:contact_point_id>/confirm/"),
        contact_points.contact_point_confirm_view,
        name="contact-point-confirm",
    ),
    path(
        _("<slug:slug>/contact-points/<int:contact_point_id>/delete/"),
        contact_points.contact_point_delete_view,
        name="contact-point-delete",
    ),
]
