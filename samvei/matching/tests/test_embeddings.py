import numpy as np

from samvei.matching.embeddings import MAX_EMBEDDED_CHARACTERS, default_embedder


def test_a_huge_text_is_embedded_as_its_bounded_prefix():
    prefix = ("Vi gir ungdom som har falt ut av videregående skole arbeidstrening og leksehjelp. " * 60)[
        :MAX_EMBEDDED_CHARACTERS
    ]
    huge = prefix + "Tillegg som aldri leses. " * 100_000

    embedder = default_embedder()

    assert np.allclose(embedder.passages([huge]), embedder.passages([prefix]))
    assert np.allclose(embedder.queries([huge]), embedder.queries([prefix]))
