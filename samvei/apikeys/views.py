"""The profile's page of API keys: make one (shown once), see them, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.request import authenticated_user

from .forms import ApiTokenForm
from .models import ApiToken
from .services import api_token_create, api_token_organisations, api_token_revoke, api_tokens_for


@login_required
@require_http_methods(["GET", "POST"])
def key_list(request: HttpRequest) -> HttpResponse:
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
    return render(request, "apikeys/list.html", context, status=status)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        token = api_token_revoke(user=authenticated_user(request), token_id=pk)
    except ApiToken.DoesNotExist:
        raise Http404(_("There is no such API key.")) from None
    messages.success(request, _("The key «%(name)s» is revoked and no longer works.") % {"name": token.name})
    return redirect("apikeys:list")
