from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from stdnum.no import orgnr

from samvei.core.forms import checkboxes
from samvei.core.limits import SHORT_TEXT
from samvei.geography.forms import MunicipalitiesField, county_choices, municipality_choices, municipality_to_choose
from samvei.geography.models import County
from samvei.taxonomy.forms import target_group_choices, welfare_area_choices
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .models import Claim, Invitation, Membership, Organisation, OrganisationForm
from .validators import normalise_organisation_name

# Who the organisation is and where people reach it: only its admins (and staff) change these.
ADMIN_ONLY_FIELDS = ("name", "org_number", "organisation_form", "website", "contact_email")

REGISTRABLE_KINDS = [
    (Organisation.Kind.SOCIAL_ENTERPRISE, Organisation.Kind.SOCIAL_ENTERPRISE.label),
    (Organisation.Kind.VOLUNTARY, Organisation.Kind.VOLUNTARY.label),
    (Organisation.Kind.BUSINESS, Organisation.Kind.BUSINESS.label),
    (Organisation.Kind.STATE_AGENCY, Organisation.Kind.STATE_AGENCY.label),
]


class OrganisationFilterForm(forms.Form):
    mark_optional = False  # every filter is optional; saying so on each would be noise
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *Organisation.Kind.choices]
    )
    welfare_area = forms.ChoiceField(label=_("Welfare area"), required=False, choices=welfare_area_choices)
    target_group = forms.ChoiceField(label=_("Target group"), required=False, choices=target_group_choices)
    county = forms.ChoiceField(label=_("County"), required=False, choices=county_choices)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False, choices=municipality_choices)


class WhoDecidesForm(forms.Form):
    """The front page's shortcut: pick a municipality and a welfare area, land on the right contact points."""

    mark_optional = False

    municipality = forms.ChoiceField(label=_("Municipality"), choices=municipality_to_choose)
    welfare_area = forms.ChoiceField(label=_("Your idea is about"), required=False, choices=welfare_area_choices)


class OrganisationProfileForm(forms.ModelForm[Organisation]):
    """Validates the profile; the service writes it."""

    org_number = forms.CharField(
        label=_("Organisation number"),
        max_length=20,
        required=False,
        help_text=_("Nine digits, as in Enhetsregisteret. Spaces are allowed."),
    )
    organisation_form = forms.ChoiceField(
        label=_("Organisation form"), required=False, choices=[("", "—"), *OrganisationForm.choices]
    )
    welfare_areas = checkboxes(label=_("Welfare areas"), queryset=WelfareArea.objects.all(), key="code")
    target_groups = checkboxes(label=_("Target groups"), queryset=TargetGroup.objects.all(), key="code")
    counties = checkboxes(label=_("Operates in whole counties"), queryset=County.objects.all(), key="number")
    municipalities = MunicipalitiesField(label=_("Operates in municipalities"))

    class Meta:
        model = Organisation
        fields = [
            "name",
            "org_number",
            "organisation_form",
            "description",
            "mission",
            "services",
            "welfare_areas",
            "target_groups",
            "national",
            "counties",
            "municipalities",
            "website",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "mission": forms.Textarea(attrs={"rows": 3}),
            "services": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, may_change_identity: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_change_identity:  # shown, but what a member posts for them is ignored
            for name in ADMIN_ONLY_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Only an administrator of the organisation can change this.")

    def clean_name(self) -> str:
        name = normalise_organisation_name(self.cleaned_data.get("name") or "")
        if not name:  # nothing but control characters and spaces
            raise forms.ValidationError(self.fields["name"].error_messages["required"], code="required")
        return name

    def clean_org_number(self) -> str | None:
        value: str | None = self.cleaned_data.get("org_number")
        return orgnr.compact(value) if value else None


class OrganisationRegisterForm(OrganisationProfileForm):
    kind = forms.ChoiceField(label=_("Type of organisation"), choices=REGISTRABLE_KINDS)

    class Meta(OrganisationProfileForm.Meta):
        fields = ["kind", *OrganisationProfileForm.Meta.fields]


class InvitationForm(forms.ModelForm[Invitation]):
    class Meta:
        model = Invitation
        fields = ["email", "role"]


class DocumentedResultForm(forms.Form):
    text = forms.CharField(label=_("Result"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    figure = forms.CharField(
        label=_("Figure"), max_length=100, required=False, help_text=_("For example «42 participants in 2025».")
    )
    source_url = forms.URLField(
        label=_("Documented at"), max_length=500, required=False, help_text=_("A report, evaluation or article.")
    )


DocumentedResultFormSet = forms.formset_factory(DocumentedResultForm, extra=1, can_delete=True, max_num=10)


class MemberRoleForm(forms.Form):
    membership = forms.ModelChoiceField(queryset=Membership.objects.none(), widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = Membership.objects.filter(organisation=organisation)  # type: ignore[attr-defined]


class MemberRemoveForm(forms.Form):
    membership = forms.ModelChoiceField(queryset=Membership.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = Membership.objects.filter(organisation=organisation)  # type: ignore[attr-defined]


class ClaimForm(forms.ModelForm[Claim]):
    class Meta:
        model = Claim
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "message": _("For example your role in the organisation. Staff read this before they approve the claim.")
        }


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note to the user"), required=False, max_length=SHORT_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )


def with_decision_forms(claims: Iterable[Claim]) -> list[tuple[Claim, ClaimDecisionForm]]:
    """Each claim with its own decision form, whose field ids name the claim so several fit on one page."""
    return [(claim, ClaimDecisionForm(auto_id=f"claim-{claim.pk}-%s")) for claim in claims]


class VerifiedDomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Verified e-mail domain"),
        max_length=253,
        required=False,
        help_text=_("Claims from a verified address at this domain are approved at once. Leave empty to turn it off."),
    )


class ContactPointForm(forms.Form):
    """A plain form: the model allows one entry contact, and the service moves that role when asked."""

    unit = forms.CharField(label=_("Unit"), max_length=150, help_text=_("For example «Helse og omsorg»."))
    role_title = forms.CharField(label=_("Role title"), max_length=150)
    person_name = forms.CharField(label=_("Person"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    welfare_areas = checkboxes(label=_("Welfare areas"), queryset=WelfareArea.objects.all(), key="code")
    decides_on = forms.CharField(
        label=_("What they decide on and what to send them"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example which purchases they decide, and what a good first enquiry contains."),
    )
    is_entry_contact = forms.BooleanField(
        label=_("Entry contact for new ideas"),
        required=False,
        help_text=_("The one person to write to when you do not know whom to ask. Replaces the current one."),
    )
