import pytest

from samvei.geography.selectors import municipality_list, municipality_search

pytestmark = pytest.mark.django_db


def test_search_matches_names_with_norwegian_letters_regardless_of_case():
    names = [m.name for m in municipality_search(name="ålesund")]

    assert names == ["Ålesund"]


def test_search_matches_sami_names():
    names = [m.name for m in municipality_search(name="guovdageaidnu")]

    assert names == ["Kautokeino"]


def test_search_combines_county_and_name():
    rogaland = {m.name for m in municipality_search(county_number="11", name="sand")}
    everywhere = {m.name for m in municipality_search(name="sand")}

    assert rogaland == {"Sandnes"}
    assert len(everywhere) > len(rogaland)


def test_list_is_sorted_by_name_and_loads_county_and_names_in_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        municipalities = list(municipality_list(county_number="03"))
        counties = [m.county.name for m in municipalities]
        names = [n.name for m in municipalities for n in m.official_names]

    assert counties == ["Oslo"]
    assert names == ["Oslo", "Oslove"]
