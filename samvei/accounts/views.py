from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import AccountDeleteForm, ApiTokenForm, ProfileForm
from .models import ApiToken
from .request import authenticated_user
from .services import account_delete, personal_data_export, user_profile_update
from .tokens import api_token_create, api_token_organisations, api_token_revoke, api_tokens_for


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    form = ProfileForm(request.POST or None, initial={"name": user.name, "preferred_language": user.preferred_language})
    if request.method == "POST" and form.is_valid():
        user_profile_update(user=user, **form.cleaned_data)
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile is saved."))
            response = redirect(reverse("accounts:profile"))
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.preferred_language, samesite="Lax")
        return response
    return render(request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def personal_data_download(request: HttpRequest) -> HttpResponse:
    data = personal_data_export(user=authenticated_user(request))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="samvei-mine-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        logout(request)
        account_delete(user=user)
        messages.success(request, _("Your account is deleted."))
        return redirect("pages:front")
    return render(request, "accounts/delete.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The key is shown on the page the creation returns, once: it is not stored, so no later page can show it."""
    user = authenticated_user(request)
    organisations = api_token_organisations(user=user)
    form = ApiTokenForm(request.POST or None, organisations=organisations)
    new_key = ""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _token, new_key = api_token_create(user=user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                form = ApiTokenForm(organisations=organisations)
        status = 200 if new_key else 400
    context = {
        "form": form,
        "new_key": new_key,
        "tokens": api_tokens_for(user=user),
        "has_organisations": organisations.exists(),
        "now": timezone.now(),
    }
    return render(request, "accounts/api_tokens.html", context, status=status)


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        token = api_token_revoke(user=authenticated_user(request), token_id=pk)
    except ApiToken.DoesNotExist:
        raise Http404(_("There is no such API key.")) from None
    messages.success(request, _("The key «%(name)s» is revoked and no longer works.") % {"name": token.name})
    return redirect("accounts:api-tokens")
