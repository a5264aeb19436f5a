"""Fictional example challenges say so on the list and on their page, and come after the real ones."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samvei.challenges.selectors import ChallengeFilters, challenge_list
from samvei.challenges.tests.factories import ChallengeFactory

pytestmark = pytest.mark.django_db

TAG = 'class="ds-tag" data-color="warning">Eksempel</span>'


def test_an_example_is_labelled_on_the_list_and_on_its_page(client):
    example = ChallengeFactory(title="Eksempelbehov", is_example=True)

    assert TAG in client.get(reverse("challenges:list")).text
    assert TAG in client.get(example.get_absolute_url()).text


def test_a_real_challenge_is_not_labelled(client):
    real = ChallengeFactory(title="Ekte behov")

    assert TAG not in client.get(reverse("challenges:list")).text
    assert TAG not in client.get(real.get_absolute_url()).text


def test_real_challenges_are_listed_before_examples_even_when_the_example_is_newer(client):
    now = timezone.now()
    real = ChallengeFactory(title="Ekte behov", published_at=now - datetime.timedelta(days=3))
    example = ChallengeFactory(title="Eksempelbehov", is_example=True, published_at=now)

    assert list(challenge_list(filters=ChallengeFilters())) == [real, example]
    page = client.get(reverse("challenges:list")).text
    assert page.index("Ekte behov") < page.index("Eksempelbehov")
