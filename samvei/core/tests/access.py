"""What every app's access-matrix test needs: sign in as a role (a fixture name), read the outcome of a
request, and the body as text with JSON decoded, so that a leak escaped as \\u00f8 is still found."""

import json

from django.urls import reverse


def signed_in_as(client, request, role):
    user = request.getfixturevalue(role)
    if user.is_authenticated:
        client.force_login(user)
    return client


def outcome(response):
    """The status code, or «login» for a redirect to the sign-in page."""
    if response.status_code == 302 and reverse("account_login") in response["Location"]:
        return "login"
    return response.status_code


def response_text(response):
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()
