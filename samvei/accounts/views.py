from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import AccountDeleteForm, ProfileForm
from .request import authenticated_user
from .services import account_delete, personal_data_export, user_profile_update


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
