"""The editors' workbench: one Markdown editor for every kind of cookbook content, with preview, draft or
published state, both languages side by side and a revision history with diffs."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.request import authenticated_user
from samvei.core.markdown import render_markdown
from samvei.procurement.citations import cite

from . import permissions
from .models import BlogPost, Case, FundingScheme, Myth, Recipe
from .selectors import revision_history
from .services import content_save

EDITABLE: dict[str, tuple[type[models.Model], list[str], list[str]]] = {
    # kind: (model, fields in the form, Markdown fields to preview)
    "post": (
        BlogPost,
        ["slug", "status", "title_nb", "title_en", "body_nb", "body_en", "tags"],
        ["body_nb", "body_en"],
    ),
    "recipe": (
        Recipe,
        ["slug", "status", "audience", "title_nb", "title_en", "summary_nb", "summary_en", "intro_nb", "intro_en"],
        ["intro_nb", "intro_en"],
    ),
    "myth": (
        Myth,
        ["slug", "status", "claim_nb", "claim_en", "fact_nb", "fact_en", "legal_source", "source"],
        ["fact_nb", "fact_en"],
    ),
    "case": (
        Case,
        ["slug", "status", "title_nb", "title_en", "summary_nb", "summary_en", "lessons_nb", "lessons_en", "period"],
        [],
    ),
    "funding": (
        FundingScheme,
        [
            "slug",
            "status",
            "name",
            "funder",
            "takes_applications",
            "selection_nb",
            "selection_en",
            "description_nb",
            "description_en",
            "criteria_nb",
            "criteria_en",
            "amounts_nb",
            "amounts_en",
            "deadline_rule_nb",
            "deadline_rule_en",
            "next_deadline",
            "url",
            "source",
            "source_date",
            "checked_on",
        ],
        [],
    ),
}


def _kind(kind: str) -> tuple[type[models.Model], list[str], list[str]]:
    if kind not in EDITABLE:
        raise Http404(_("There is no such kind of content."))
    return EDITABLE[kind]


@login_required
def content_edit(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    if not permissions.can_edit_content(user=request.user):
        raise PermissionDenied
    model, fields, markdown_fields = _kind(kind)
    obj = get_object_or_404(model, pk=pk) if pk else model()
    form_class = forms.modelform_factory(model, fields=fields)
    form = form_class(request.POST or None, instance=model._default_manager.get(pk=pk) if pk else None)
    previews = {}
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            today = timezone.localdate()
            previews = {
                field: render_markdown(cite(form.cleaned_data.get(field) or "", day=today)) for field in markdown_fields
            }
        else:
            try:
                saved = content_save(obj=obj, editor=authenticated_user(request), data=form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved. The change is kept in the history."))
                return redirect("cookbook:content-edit", kind=kind, pk=saved.pk)
    return render(
        request,
        "cookbook/editor.html",
        {"form": form, "kind": kind, "obj": obj if pk else None, "previews": previews},
        status=400 if form.errors else 200,
    )


@login_required
def content_history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if not permissions.can_edit_content(user=request.user):
        raise PermissionDenied
    model, _fields, _markdown = _kind(kind)
    obj = get_object_or_404(model, pk=pk)
    return render(
        request,
        "cookbook/history.html",
        {
            "obj": obj,
            "kind": kind,
            "changes": revision_history(content_type=model._meta.model_name or "", object_id=pk),
        },
    )
