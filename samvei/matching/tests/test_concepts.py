import numpy as np
import pytest
from django.core.cache import cache
from django.utils.translation import gettext as _

from samvei.matching import concepts
from samvei.matching.concepts import Concepts, centroids, concept_profiles, concept_texts
from samvei.matching.embeddings import combined, default_embedder
from samvei.matching.inference import inferred_target_groups, inferred_welfare_areas, lexicon
from samvei.matching.scoring import CandidateIndex, Names, Profile, rank
from samvei.taxonomy.models import TargetGroup, WelfareArea


def _embedded(text):
    embedder = default_embedder()
    return combined(embedder.queries([text])[0], embedder.passages([text])[0])[0]


def _weak_only_word(kind, code):
    """A weak word of the code that no strong word of the same code also matches."""
    words = lexicon()[kind][code]
    return next(w for w in words["weak"] if not any(f" {w} ".startswith(f" {s}") for s in words["strong"]))


def test_one_strong_word_is_enough_to_read_a_code_from_a_text():
    word = lexicon()["target_groups"]["elderly"]["strong"][0]

    assert "elderly" in inferred_target_groups(f"Vi jobber med {word} i kommunen.")


def test_one_weak_word_alone_is_not_enough():
    word = _weak_only_word("welfare_areas", "digital-inclusion")

    assert "digital-inclusion" not in inferred_welfare_areas(f"Her er {word}.")


def test_two_weak_words_together_are_enough():
    words = lexicon()["welfare_areas"]["digital-inclusion"]
    weak = [w for w in words["weak"] if not any(f" {w} ".startswith(f" {s}") for s in words["strong"])][:2]

    assert "digital-inclusion" in inferred_welfare_areas(f"Her er {weak[0]} og {weak[1]}.")


@pytest.mark.django_db
def test_every_code_of_the_taxonomy_has_prototypes_to_stand_for_it():
    texts = concept_texts()

    assert texts
    assert all(text.strip() for text in texts.values())
    assert {key.split(":", 1)[1] for key in texts} >= set(WelfareArea.objects.values_list("code", flat=True)) | set(
        TargetGroup.objects.values_list("code", flat=True)
    )


def test_concept_profiles_are_non_negative_unit_rows():
    rng = np.random.default_rng(7)
    concepts = rng.normal(size=(5, 8)).astype(np.float32)

    profiles = concept_profiles(rng.normal(size=(3, 8)).astype(np.float32), concepts)

    assert profiles.shape == (3, 5)
    assert (profiles >= 0).all()
    assert np.allclose(np.linalg.norm(profiles, axis=1), 1)


def test_a_text_about_lonely_old_people_lands_nearest_the_elderly_concepts():
    concepts = centroids(default_embedder())

    profile = concepts.profiles(_embedded("Mange over 85 som bur åleine får nesten aldri besøk."))[0]

    best = {concepts.keys[i] for i in np.argsort(-profile)[:3]}
    assert best & {"welfare_areas:elderly-care", "target_groups:elderly"}


def test_concepts_separate_the_offer_that_answers_a_paraphrased_need_more_clearly_than_raw_similarity():
    need = _embedded("Når de kommer ut etter soning, har de verken bolig, jobb eller venner, og mange faller tilbake.")
    answer = _embedded("Vi gir menn som løslates fra fengsel arbeid og en mentor fra første dag.")
    unrelated = _embedded("Vi arrangerer dans og sang for beboere på sykehjem hver uke.")
    profiles = centroids(default_embedder()).profiles(np.vstack([need, answer, unrelated]))

    raw_margin = need @ answer - need @ unrelated
    concept_margin = profiles[0] @ profiles[1] - profiles[0] @ profiles[2]

    assert raw_margin > 0
    assert concept_margin > 5 * raw_margin


def test_a_paraphrased_need_ranks_the_offer_that_answers_it_first():
    need = "Når de kommer ut etter soning, har de verken bolig, jobb eller venner, og mange faller tilbake."
    offers = {
        "reentry": "Vi gir menn som løslates fra fengsel arbeid og en mentor fra første dag.",
        "seniors": "Vi arrangerer dans og sang for beboere på sykehjem hver uke.",
    }
    vectors = np.vstack([_embedded(text) for text in offers.values()])
    index = CandidateIndex.of(
        [Profile(key=key, text=text) for key, text in offers.items()], vectors, centroids(default_embedder())
    )

    ranked = rank(Profile(key="need", text=need), _embedded(need), index, query_is_place=True)

    assert [s.key for s in ranked] == ["reentry", "seniors"]
    assert ranked[0].reasons[0] == _("The descriptions are similar")


class _CountingEmbedder:
    def __init__(self):
        self.inner, self.calls = default_embedder(), 0
        self.name, self.dimensions = self.inner.name, self.inner.dimensions

    def queries(self, texts):
        self.calls += 1
        return self.inner.queries(texts)

    def passages(self, texts):
        self.calls += 1
        return self.inner.passages(texts)


def test_concept_vectors_are_embedded_once_and_then_read_from_the_shared_cache(monkeypatch):
    cache.clear()
    monkeypatch.setattr(concepts, "_centroids", {})
    embedder = _CountingEmbedder()

    first = centroids(embedder)
    monkeypatch.setattr(concepts, "_centroids", {})  # another process: nothing in its memory
    again = centroids(embedder)

    assert embedder.calls == 2  # one call per role, both in the first process
    assert np.array_equal(first.vectors, again.vectors)
    assert first.keys == tuple(concept_texts())
    assert first.vectors.shape == (len(first.keys), embedder.dimensions)


def test_the_index_recomputes_a_candidates_concept_profile_when_its_vector_changes():
    rng = np.random.default_rng(3)
    concepts = Concepts(keys=("a", "b", "c", "d"), vectors=rng.normal(size=(4, 6)).astype(np.float32))
    first, second = rng.normal(size=(2, 6)).astype(np.float32)
    index = CandidateIndex(6, concepts)
    place = {"terms": [], "welfare_areas": [], "target_groups": [], "municipalities": [], "counties": []}

    index.put("x", national=False, vector=first, **place)
    before = index.concept_matrix()[0].copy()
    index.put("x", national=False, vector=second, **place)

    assert np.allclose(before, concepts.profiles(first)[0])
    assert np.allclose(index.concept_matrix()[0], concepts.profiles(second)[0])


def test_a_concept_both_sides_lean_towards_is_named_among_the_reasons_unless_already_shared_as_an_area():
    concepts = Concepts(keys=("welfare_areas:dementia", "target_groups:elderly"), vectors=np.eye(2, dtype=np.float32))
    names = Names(welfare_areas={"dementia": "Demens"}, target_groups={"elderly": "Eldre"})
    vectors = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    index = CandidateIndex(2, concepts)
    place = {"terms": [], "target_groups": [], "municipalities": [], "counties": [], "national": False}
    index.put("stated", welfare_areas=["dementia"], vector=vectors[0], **place)
    index.put("read", welfare_areas=[], vector=vectors[1], **place)

    ranked = rank(
        Profile(key="q", text="", welfare_areas=frozenset({"dementia"})),
        np.array([1.0, 0.0], dtype=np.float32),
        index,
        query_is_place=True,
        names=names,
    )

    reasons = {s.key: s.reasons for s in ranked}
    about_dementia = _("Both are about: %(concepts)s") % {"concepts": "Demens"}
    assert about_dementia in reasons["read"]
    assert _("Same welfare area: %(areas)s") % {"areas": "Demens"} in reasons["stated"]
    assert about_dementia not in reasons["stated"]
