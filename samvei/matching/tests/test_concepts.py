import numpy as np
import pytest
from django.core.cache import caches
from django.utils.translation import gettext as _

from samvei.matching import concepts, scoring
from samvei.matching.concepts import Concepts, centroids, concept_profiles, concept_texts
from samvei.matching.embeddings import combined_embeddings, default_embedder
from samvei.matching.inference import inferred_target_groups, inferred_welfare_areas, lexicon
from samvei.matching.scoring import CandidateIndex, Names, Profile, rank, rank_organisations
from samvei.taxonomy.models import TargetGroup, WelfareArea


def _embedded(text):
    return combined_embeddings(default_embedder(), [text])[0]


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
def test_the_concepts_are_exactly_the_welfare_areas_and_target_groups_of_the_taxonomy():
    texts = concept_texts()

    assert all(text.strip() for text in texts.values())
    assert set(texts) == {f"welfare_areas:{code}" for code in WelfareArea.objects.values_list("code", flat=True)} | {
        f"target_groups:{code}" for code in TargetGroup.objects.values_list("code", flat=True)
    }


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


def test_concepts_put_first_the_offer_for_a_paraphrased_need_that_direct_similarity_puts_second():
    need = (
        "Ektefeller over 70 som passer på en mann eller kone som blir stadig mer glemsk, er utslitte og har "
        "sluttet å treffe venner."
    )
    offers = {
        "answer": "Pårørendeskolen gir kurs og samtalegrupper for pårørende til personer med demens.",
        "sing": "Vi arrangerer dans og sang for beboere på sykehjem hver uke.",
        "homework": "Vi driver leksehjelp for elever på ungdomstrinnet.",
        "bikes": "Vi reparerer sykler og gir arbeidstrening til folk på NAV-tiltak.",
        "outdoors": "Vi tilbyr friluftsliv og turer for familier med små barn.",
        "cooking": "Vi lager mat sammen med nyankomne flyktninger og lærer norsk.",
    }
    vectors = np.vstack([_embedded(text) for text in offers.values()])
    candidates = [Profile(key=key, text="") for key in offers]

    def first(concepts):
        index = CandidateIndex.of(candidates, vectors, concepts)
        return rank(Profile(key="need", text=""), _embedded(need), index, query_is_place=True)[0].key

    assert first(None) != "answer"
    assert first(centroids(default_embedder())) == "answer"


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
    caches["computed"].clear()
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


def _index_with_concepts(dimensions=6):
    rng = np.random.default_rng(5)
    concepts = Concepts(
        keys=tuple(f"welfare_areas:{code}" for code in "abcd"),
        vectors=rng.normal(size=(4, dimensions)).astype(np.float32),
    )
    return CandidateIndex(dimensions, concepts), rng


_NOWHERE = {"terms": [], "welfare_areas": [], "target_groups": [], "municipalities": [], "counties": []}


def test_concept_profiles_computed_in_batches_equal_those_computed_at_once(monkeypatch):
    index, rng = _index_with_concepts()
    vectors = rng.normal(size=(5, 6)).astype(np.float32)
    for key, vector in enumerate(vectors):
        index.put(key, national=False, vector=vector, **_NOWHERE)
    monkeypatch.setattr(scoring, "CONCEPT_BATCH", 2)

    assert np.allclose(index.concept_matrix()[:5], index.concepts.profiles(vectors))


def test_a_candidate_without_a_vector_has_an_empty_concept_profile_and_ranks_without_error():
    index, rng = _index_with_concepts()
    index.put("with", national=False, vector=rng.normal(size=6).astype(np.float32), **_NOWHERE)
    index.put("without", national=False, vector=None, **_NOWHERE)

    ranked = rank(Profile(key="q", text=""), rng.normal(size=6).astype(np.float32), index, query_is_place=True)

    assert not index.concept_matrix()[index.rows["without"]].any()
    assert [s.key for s in ranked] == ["with", "without"]


def test_concepts_given_to_an_index_of_candidates_without_vectors_change_nothing():
    concepts = centroids(default_embedder())
    candidates = [Profile(key="a", text="Besøksvenner for eldre"), Profile(key="b", text="Leksehjelp for barn")]

    ranked = rank_organisations(Profile(key="q", text="Eldre får få besøk"), None, candidates, None, concepts=concepts)

    assert [s.key for s in ranked] == [s.key for s in rank_organisations(Profile(key="q", text="Eldre får få besøk"),
                                                                        None, candidates, None)]  # fmt: skip


@pytest.mark.parametrize("text", ["«Demens» rammer mange", "(demens)", "demens/alzheimer", "«Demens»."])
def test_words_in_quotes_brackets_or_after_a_slash_are_read(text):
    assert "dementia" in inferred_welfare_areas(text)


def test_a_number_followed_by_a_plus_sign_is_not_read_as_any_number():
    assert "elderly" in inferred_target_groups("Tilbud for 67+")
    assert "elderly" not in inferred_target_groups("Tilbudet hadde 67 deltakere")
