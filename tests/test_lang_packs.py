"""Language packs: loading, contents, errors, and adding a language as a folder."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.errors import UnsupportedLanguageError
from quizgen.lang import LanguagePack, available_languages, get_pack
from quizgen.lang.loader import load_pack, read_lines, read_tsv


def test_available_languages_are_the_shipped_folders():
    assert available_languages() == ["en", "id"]


def test_get_pack_is_cached_and_case_insensitive():
    assert get_pack("id") is get_pack("id")
    assert get_pack("EN").code == "en"


@pytest.mark.parametrize("code", ["xx", "", "fr", "../id"])
def test_unknown_code_raises_clear_error(code):
    with pytest.raises(UnsupportedLanguageError) as info:
        get_pack(code)
    message = str(info.value)
    assert "no language pack" in message
    assert "available: en, id" in message


def test_import_loads_nothing():
    code = (
        "import sys, quizgen.lang\n"
        "assert 'quizgen.lang.loader' not in sys.modules\n"
        "assert 'Sastrawi' not in sys.modules and 'wordfreq' not in sys.modules\n"
        "assert 'nltk' not in sys.modules\n"
        "p = quizgen.lang.get_pack('id')\n"
        "assert 'Sastrawi' not in sys.modules and 'wordfreq' not in sys.modules\n"
        "p.stem('persahabatan'); p.zipf('yang')\n"
        "assert 'Sastrawi' in sys.modules and 'wordfreq' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_data_files_ship_as_package_resources():
    root = importlib.resources.files("quizgen.lang")
    for code in ("id", "en"):
        folder = root / code
        for name in ("pack.json", "stopwords.txt", "abbreviations.txt", "gazetteer.tsv", "aliases.tsv"):
            assert (folder / name).is_file(), f"{code}/{name} missing"
        assert json.loads((folder / "pack.json").read_text(encoding="utf-8"))["code"] == code


@pytest.mark.parametrize("code", ["id", "en"])
def test_every_field_is_filled(code):
    pack = get_pack(code)
    assert isinstance(pack, LanguagePack)
    for field in dataclasses.fields(pack):
        if field.name in ("templates", "ui"):
            continue
        value = getattr(pack, field.name)
        assert value, f"{code}.{field.name} is empty"


@pytest.mark.parametrize("code", ["id", "en"])
def test_word_sets_are_lowercase(code):
    pack = get_pack(code)
    for name in (
        "stopwords",
        "abbreviations",
        "honorifics",
        "person_verbs",
        "place_cues",
        "org_cues",
        "units",
    ):
        words = getattr(pack, name)
        assert all(w == w.lower() for w in words), name
    assert all(not a.endswith(".") for a in pack.abbreviations)


def test_indonesian_pack_contents():
    p = get_pack("id")
    assert (p.code, p.name) == ("id", "Bahasa Indonesia")
    assert p.true_false == ("Benar", "Salah")
    assert (p.decimal_separator, p.thousands_separator) == (",", ".")
    assert p.question_words["person"] == "Siapa"
    assert p.question_words["place"] == "Di mana"
    assert p.question_words["time"] == "Kapan"
    assert p.question_words["cause"] == "Mengapa"
    assert {"yang", "dan", "di", "ini", "itu", "dengan", "untuk"} <= p.stopwords
    assert len(p.stopwords) > 750  # Sastrawi's list plus extras
    assert {"dr", "prof", "no", "jl", "dll", "u.s"} <= p.abbreviations
    assert {"hal ini", "namun", "ia", "mereka", "tersebut"} <= set(p.dependent_starts)
    assert {"karena", "sebab", "sehingga", "akibat"} <= set(p.causal_connectives)
    assert (
        p.months["juni"] == 6 and p.months["jun"] == 6 and p.months["agustus"] == 8 and p.months["agu"] == 8
    )
    assert p.weekdays["senin"] == 0 and p.weekdays["rabu"] == 2 and p.weekdays["minggu"] == 6
    assert {"pagi", "malam", "dini hari"} <= p.day_parts
    assert p.number_words["dua"] == 2 and p.number_words["juta"] == 1e6 and p.number_words["triliun"] == 1e12
    assert {"persen", "orang", "kilometer", "km", "ton", "kotak", "hektare"} <= p.units
    assert {"Rp", "US$", "rupiah", "dolar"} <= p.currencies
    assert {"presiden", "menteri", "gubernur", "wali kota", "dr.", "pak", "bu"} <= p.honorifics
    assert {"mengatakan", "menegaskan", "ujar", "kata"} <= p.person_verbs
    assert {"di", "ke", "dari"} <= p.place_cues
    assert {"kementerian", "bank", "pt", "universitas", "partai"} <= p.org_cues
    assert p.aliases["AS"] == "Amerika Serikat"
    assert p.aliases["PBB"] == "Perserikatan Bangsa-Bangsa"
    assert p.aliases["Korut"] == "Korea Utara"
    assert {"bin", "binti", "van", "al"} <= p.name_particles
    assert p.clitics == ("nya", "lah", "kah", "ku", "mu")


def test_english_pack_contents():
    p = get_pack("en")
    assert p.true_false == ("True", "False")
    assert (p.decimal_separator, p.thousands_separator) == (".", ",")
    assert p.question_words["person"] == "Who"
    assert {"the", "of", "and", "because", "would"} <= p.stopwords
    assert {"mr", "mrs", "dr", "st", "u.s", "e.g", "inc"} <= p.abbreviations
    assert p.months["june"] == 6 and p.months["sept"] == 9
    assert p.weekdays["monday"] == 0 and p.weekdays["sunday"] == 6
    assert p.number_words["million"] == 1e6 and p.number_words["billion"] == 1e9
    assert {"$", "£", "€", "dollars", "pounds"} <= p.currencies
    assert {"president", "mr.", "dr.", "minister", "king"} <= p.honorifics
    assert {"said", "says", "told"} <= p.person_verbs
    assert {"ministry", "university", "bank", "inc", "party"} <= p.org_cues
    assert p.aliases["UK"] == "United Kingdom" and p.aliases["UN"] == "United Nations"
    assert p.clitics == ("'s", "’s")


@pytest.mark.parametrize(
    ("code", "name", "subtype"),
    [
        ("id", "Jepang", "country"),
        ("id", "Korea Selatan", "country"),
        ("id", "Korea Utara", "country"),
        ("id", "Amerika Serikat", "country"),
        ("id", "Belanda", "country"),
        ("id", "Inggris", "country"),
        ("id", "Tiongkok", "country"),
        ("id", "Moskow", "capital"),
        ("id", "Pyongyang", "capital"),
        ("id", "Tokyo", "capital"),
        ("id", "Surabaya", "city"),
        ("id", "Jawa Barat", "province"),
        ("id", "Asia-Pasifik", "region"),
        ("id", "Eropa", "continent"),
        ("en", "Japan", "country"),
        ("en", "Netherlands", "country"),
        ("en", "Moscow", "capital"),
        ("en", "New York", "city"),
        ("en", "West Java", "province"),
        ("en", "Asia-Pacific", "region"),
        ("en", "Europe", "continent"),
    ],
)
def test_gazetteer_names(code, name, subtype):
    assert get_pack(code).gazetteer[name] == subtype


@pytest.mark.parametrize("code", ["id", "en"])
def test_demonyms_are_not_places(code):
    pack = get_pack(code)
    assert not set(pack.demonyms) & set(pack.gazetteer)
    if code == "en":
        assert pack.demonyms["Japanese"] == "Japan" and pack.demonyms["North Korean"] == "North Korea"
        assert pack.demonyms["Japanese"] in pack.gazetteer
    else:
        assert pack.demonyms["Tionghoa"] == "Tiongkok"


def test_typographic_apostrophes_are_listed_too():
    stop = get_pack("en").stopwords
    assert {"it's", "it’s", "don't", "don’t"} <= stop


def test_ambiguous_short_day_names_are_left_out():
    # "Sun", "Sat", "Wed" are words in English prose; "sen" (cent), "sel" (cell), "min" in Indonesian
    assert not {"sun", "sat", "wed"} & set(get_pack("en").weekdays)
    assert not {"sen", "sel", "min"} & set(get_pack("id").weekdays)


@pytest.mark.parametrize("code", ["id", "en"])
def test_gazetteer_size(code):
    subtypes = list(get_pack(code).gazetteer.values())
    assert subtypes.count("country") >= 190
    assert subtypes.count("capital") >= 180
    assert subtypes.count("city") >= 150
    assert subtypes.count("region") + subtypes.count("continent") >= 50


def test_indonesian_gazetteer_uses_indonesian_spelling():
    gaz = get_pack("id").gazetteer
    for english in ("Japan", "South Korea", "United States", "Netherlands", "Moscow", "Europe"):
        assert english not in gaz


def test_templates_and_ui_are_loaded_when_present(tmp_path):
    folder = _minimal_pack(tmp_path, "zz")
    assert load_pack(folder).templates == {}
    (folder / "templates.json").write_text('{"cloze": {"prompt": "x"}}', encoding="utf-8")
    (folder / "ui.json").write_text('{"title": "Kuis"}', encoding="utf-8")
    pack = load_pack(folder)
    assert pack.templates == {"cloze": {"prompt": "x"}}
    assert pack.ui == {"title": "Kuis"}


def _minimal_pack(root: Path, code: str) -> Path:
    folder = root / code
    folder.mkdir()
    (folder / "pack.json").write_text(json.dumps({"code": code, "name": "Test"}), encoding="utf-8")
    return folder


def test_adding_a_language_is_adding_a_folder(tmp_path, monkeypatch):
    folder = tmp_path / "de"
    folder.mkdir()
    (folder / "pack.json").write_text(
        json.dumps(
            {
                "code": "de",
                "name": "Deutsch",
                "true_false": ["Richtig", "Falsch"],
                "question_words": {"person": "Wer", "place": "Wo"},
                "clitics": [],
                "months": {"Juni": 6},
            }
        ),
        encoding="utf-8",
    )
    (folder / "stopwords.txt").write_text(
        "# Stoppwörter\nder\ndie\ndas  # article\n\nUND\n", encoding="utf-8"
    )
    german_stopwords = "hat am in ein für alle mit dem sich auf den soll ist nicht zu von ein eine".split()
    (folder / "detect_words.txt").write_text(
        "der\ndie\ndas\nund\nist\nnicht\nmit\nsich\nauf\nfür\nein\neine\nden\ndem\nvon\nzu\n",
        encoding="utf-8",
    )
    (folder / "months.tsv").write_text("juli\t7\n", encoding="utf-8")
    (folder / "gazetteer.tsv").write_text("Deutschland\tcountry\nBerlin\tcapital\n", encoding="utf-8")
    (folder / "morphology.py").write_text(
        "def stem(word):\n    w = word.lower()\n    return w[:-1] if w.endswith('e') else w\n",
        encoding="utf-8",
    )

    pack = load_pack(folder)
    assert (pack.code, pack.name, pack.true_false) == ("de", "Deutsch", ("Richtig", "Falsch"))
    assert pack.stopwords == frozenset({"der", "die", "das", "und"})
    with (folder / "stopwords.txt").open("a", encoding="utf-8") as f:
        f.write("\n".join(german_stopwords) + "\n")
    assert pack.months == {"juni": 6, "juli": 7}
    assert pack.gazetteer == {"Deutschland": "country", "Berlin": "capital"}
    assert pack.stem("Katze") == "katz"
    assert pack.affixes("Katze") == ("", "katze", "")
    assert pack.zipf("katze") == 0.0  # no frequency source declared

    import quizgen.lang as lang

    monkeypatch.setenv("QUIZGEN_LANG_PATH", str(tmp_path))
    lang.get_pack.cache_clear()
    try:
        assert lang.available_languages() == ["de", "en", "id"]
        assert lang.get_pack("de").name == "Deutsch"
        german = "Die Regierung hat am Mittwoch in Berlin ein neues Gesetz beschlossen, das nicht für alle gilt und mit dem die Industrie sich auf den Wandel einstellen soll."
        assert lang.detect_language(german) == "de"
    finally:
        monkeypatch.delenv("QUIZGEN_LANG_PATH")
        lang.get_pack.cache_clear()
    assert lang.available_languages() == ["en", "id"]


def test_frequency_file_is_used_without_wordfreq_setting(tmp_path):
    folder = _minimal_pack(tmp_path, "zz")
    (folder / "frequencies.tsv").write_text("# word<TAB>zipf\nhallo\t5.5\n", encoding="utf-8")
    assert load_pack(folder).zipf("Hallo") == 5.5
    assert load_pack(folder).zipf("tschüss") == 0.0


def test_folder_without_pack_json_is_refused(tmp_path):
    with pytest.raises(UnsupportedLanguageError, match="not a language pack"):
        load_pack(tmp_path)


def test_malformed_files_are_reported(tmp_path):
    folder = _minimal_pack(tmp_path, "zz")
    (folder / "gazetteer.tsv").write_text("Berlin capital\n", encoding="utf-8")
    with pytest.raises(UnsupportedLanguageError, match="without a tab"):
        load_pack(folder)
    (folder / "gazetteer.tsv").unlink()
    (folder / "ui.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UnsupportedLanguageError, match="not valid JSON"):
        load_pack(folder)


def test_read_helpers(tmp_path):
    f = tmp_path / "list.txt"
    f.write_text("\ufeff# header\none\n  two  \n\nthree # note\nC#\n", encoding="utf-8")
    assert read_lines(f) == ["one", "two", "three", "C#"]
    assert read_lines(tmp_path / "missing.txt") == []
    t = tmp_path / "map.tsv"
    t.write_text("Den Haag\tcity\n# c\nAS\tAmerika Serikat\n", encoding="utf-8")
    assert read_tsv(t) == {"Den Haag": "city", "AS": "Amerika Serikat"}


def test_pack_is_frozen_and_hashable():
    pack = get_pack("id")
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.code = "en"  # type: ignore[misc]
    assert {pack: 1}[get_pack("id")] == 1


@pytest.mark.parametrize("code", ["id", "en"])
@pytest.mark.parametrize(
    "name", ["gazetteer.tsv", "aliases.tsv", "demonyms.tsv", "months.tsv", "number_words.tsv"]
)
def test_shipped_mappings_have_no_duplicate_keys(code, name):
    path = Path(importlib.resources.files("quizgen.lang") / code / name)
    keys = [line.partition("\t")[0] for line in read_lines(path)]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"{code}/{name}: {duplicates}"


def test_works_offline_without_nltk_data(tmp_path):
    # a fresh interpreter with every network connection refused and an empty NLTK data path
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from quizgen.lang import get_pack, detect_language\n"
        "i, e = get_pack('id'), get_pack('en')\n"
        "assert i.affixes('persahabatan') == ('per', 'sahabat', 'an')\n"
        "assert e.stem('negotiations') == 'negoti'\n"
        "assert i.zipf('yang') > 7 and e.zipf('the') > 7\n"
        "assert detect_language('The talks would resume on Monday, the minister said.') == 'en'\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "no-nltk-data")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_packs_pickle_by_reference(tmp_path):
    import copy
    import pickle

    pack = get_pack("id")
    assert pickle.loads(pickle.dumps(pack)) is pack
    assert copy.deepcopy(pack) is pack
    other = load_pack(_minimal_pack(tmp_path, "zz"))
    again = pickle.loads(pickle.dumps(other))
    assert again.code == "zz" and again == other


def test_no_pack_file_names_a_key_twice():
    """A JSON object naming a key twice keeps the last value silently (en templates.json held
    "relative_words" and "participles" twice, the first lists never read): each pack's JSON
    files name each key once."""
    import quizgen.lang

    def unique(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
        return dict(pairs)

    files = sorted(Path(quizgen.lang.__file__).parent.glob("*/*.json"))
    assert len(files) >= 6
    for path in files:
        json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique)
