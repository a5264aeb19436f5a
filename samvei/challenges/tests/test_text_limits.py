"""Every text has a maximum (samvei.core.limits): at the limit it is accepted, one character more is refused with
a translated reason and nothing is stored, in forms, services and imports alike (issue 12 §2)."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from samvei.challenges.forms import ChallengeForm, PitchForm, QuestionForm
from samvei.challenges.importing import challenges_import
from samvei.challenges.models import Challenge, Question
from samvei.challenges.services import question_ask
from samvei.core.limits import LONG_TEXT, SHORT_TEXT

pytestmark = pytest.mark.django_db

ENGLISH = "Ensure this value has at most"


def _challenge_form(stavanger, description):
    return ChallengeForm(
        {"title": "Ensomhet på sykehjem", "description": description, "intent": "exploration"}, owner=stavanger
    )


def _refusal(errors):
    (message,) = errors
    assert str(LONG_TEXT) in message or str(SHORT_TEXT) in message
    assert ENGLISH not in message, "the message is not translated"
    return message


def test_a_challenge_description_at_the_limit_is_accepted(stavanger):
    assert _challenge_form(stavanger, "a" * LONG_TEXT).is_valid()


def test_a_challenge_description_one_character_over_the_limit_is_refused_in_bokmal(stavanger):
    form = _challenge_form(stavanger, "a" * (LONG_TEXT + 1))

    assert not form.is_valid()
    _refusal(form.errors["description"])
    with translation.override("en"):
        assert ENGLISH in _challenge_form(stavanger, "a" * (LONG_TEXT + 1)).errors["description"][0]


def test_the_form_tells_the_browser_the_limit(stavanger):
    assert f'maxlength="{LONG_TEXT}"' in str(_challenge_form(stavanger, "")["description"])


@pytest.mark.parametrize(("field", "limit"), [("summary", SHORT_TEXT), ("approach", LONG_TEXT)])
def test_pitch_texts_over_their_limit_are_refused(entrepreneur, enterprise, field, limit):
    data = {"sender": enterprise.pk, "title": "Besøksvenner", "summary": "Ungdom besøker eldre."}

    assert PitchForm({**data, field: "a" * limit}, user=entrepreneur).is_valid()
    form = PitchForm({**data, field: "a" * (limit + 1)}, user=entrepreneur)
    assert not form.is_valid()
    _refusal(form.errors[field])


def test_a_question_over_the_limit_is_refused_by_form_and_service(challenge, entrepreneur):
    assert QuestionForm({"text": "a" * SHORT_TEXT}).is_valid()
    assert not QuestionForm({"text": "a" * (SHORT_TEXT + 1)}).is_valid()

    with pytest.raises(ValidationError) as refused:
        question_ask(challenge=challenge, user=entrepreneur, text="a" * (SHORT_TEXT + 1))

    _refusal(refused.value.message_dict["text"])
    assert not Question.objects.exists()


def _line(ref, description):
    record = {"ref": ref, "municipality": "1103", "title": "Ensomhet på sykehjem", "description": description}
    return json.dumps(record).encode()


def test_an_imported_description_over_the_limit_is_refused_with_a_reason_and_the_import_goes_on():
    stream = io.BytesIO(b"\n".join([_line("at-limit", "a" * LONG_TEXT), _line("over", "a" * (LONG_TEXT + 1))]))

    report = challenges_import(stream=stream)

    assert report.created == 1
    assert Challenge.objects.get(ref="at-limit").description == "a" * LONG_TEXT
    (rejection,) = report.rejected
    assert rejection.position == 2
    assert str(LONG_TEXT) in rejection.reason
    assert "lengre enn" in rejection.reason
