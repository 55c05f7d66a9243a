"""The Indonesian entity tagger: spans with exact offsets, types, and the index the text layer asks."""

from __future__ import annotations

from quizgen.analysis.ner import Entity, EntityIndex, entities, entities_in


def kinds(text: str) -> dict[str, str]:
    return {e.text: e.type for e in entities(text, "id")}


def test_people_places_and_organisations() -> None:
    got = kinds(
        "Presiden Joko Widodo meresmikan jalan tol di Surabaya, Jawa Timur, bersama direksi PT Jasa Marga."
    )
    assert got.get("joko widodo".title()) == "person" or got.get("Joko Widodo") == "person"
    assert got.get("Surabaya") == "place"
    assert any(v == "organisation" and "Jasa Marga" in k for k, v in got.items())


def test_offsets_point_into_the_text_and_confidence_is_a_probability() -> None:
    text = "Kapolres Bogor AKBP Andi Santoso mengatakan pelaku ditangkap di Cibinong.\nIa dibawa ke Jakarta."
    found = entities_in(text, [(0, 74), (75, len(text))], "id")
    assert found
    for e in found:
        assert text[e.start : e.end] == e.text
        assert 0.0 < e.confidence <= 1.0
    assert ("Jakarta", "place") in {(e.text, e.type) for e in found}


def test_english_has_no_model_and_finds_nothing() -> None:
    assert entities("President Joe Biden visited London.", "en") == []


def test_index_returns_the_entity_covering_most_of_a_span() -> None:
    idx = EntityIndex([Entity("Andi Santoso", 10, 22, "person", 0.9), Entity("Bogor", 30, 35, "place", 0.8)])
    assert idx.lookup(10, 22).type == "person"
    assert idx.lookup(15, 22).type == "person"  # "Santoso" alone
    assert idx.lookup(30, 40) is None  # "Bogor Raya": the entity covers only half
    assert idx.lookup(0, 5) is None
