"""The draft ranker: shipped weights reproduce from the labelled data, scores behave."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from quizgen.bank import Item, Source
from quizgen.engine import rank
from quizgen.engine.portfolio import FILL_FLOOR
from quizgen.engine.rank_features import FEATURES, NAMES, article_index, copied_run, item_features, tokens
from quizgen.lang import get_pack

ROOT = Path(__file__).resolve().parents[1]

ID_TEXT = (
    "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu pagi untuk bertemu pemimpin "
    "Korea Utara Kim Jong Un. Kedua pemimpin menandatangani perjanjian kemitraan strategis yang "
    "mencakup bantuan militer jika salah satu negara diserang. Kunjungan itu adalah yang pertama "
    "sejak tahun 2000, ketika Putin datang ke Pyongyang untuk menemui Kim Jong Il. Amerika Serikat "
    "dan Korea Selatan menyatakan khawatir perjanjian itu akan memperkuat program senjata Korea "
    "Utara. Setelah dari Pyongyang, Putin melanjutkan perjalanan ke Vietnam pada Kamis malam. "
    "Kim sendiri pernah mengunjungi Rusia pada tahun 2019 dan tahun 2023."
)
EN_TEXT = (
    "Researchers in Britain and the Netherlands have developed a new lie detector that watches "
    "the whole body. The team at Lancaster University tested the method on 180 students, half of "
    "whom were told to lie. The new method was right in more than 70 percent of the tests, while "
    "the polygraph, invented in 1921 by the policeman John Larson after research by the "
    "psychologist William Marston, is often no better than chance. "
    "Ross Anderson, who led the study, said that guilty people fidget more. The researchers hope "
    "that police stations in Europe could use the method within ten years, said Aldert Vrij."
)


def _item(kind, prompt, answer, options=(), accepted=(), skill="detail", sentence=""):
    return Item(
        id="t",
        kind=kind,
        prompt=prompt,
        answer=answer,
        options=tuple(options),
        accepted=tuple(accepted),
        skill=skill,
        source=Source(sentence or prompt, 0, 1),
    )


def _cases(lang):
    if lang == "id":
        text = ID_TEXT
        # good: what reviewers keep most (a main idea, 58%; a false statement changing what
        # was done, 44%; a plain "Berapa ...?" or "How many ...?" is kept far less)
        good = [
            _item(
                "mcq",
                get_pack("id").templates["main_idea"],
                "Presiden Rusia Vladimir Putin tiba di Pyongyang untuk bertemu pemimpin Korea Utara Kim Jong Un.",
                (
                    "Presiden Rusia Vladimir Putin tiba di Pyongyang untuk bertemu pemimpin Korea Utara Kim Jong Un.",
                    "Amerika Serikat dan Korea Selatan menyatakan khawatir.",
                    "Putin datang ke Pyongyang pada tahun 2000 untuk menemui Kim Jong Il.",
                    "Kedua pemimpin menandatangani perjanjian kemitraan strategis.",
                ),
                skill="main_idea",
            ),
            _item(
                "mcq",
                "Menurut berita, manakah pernyataan berikut yang salah?",
                "Kedua pemimpin menolak menandatangani perjanjian kemitraan strategis.",
                (
                    "Kedua pemimpin menolak menandatangani perjanjian kemitraan strategis.",
                    "Kunjungan Putin ke Pyongyang berlangsung pada Rabu pagi.",
                    "Ini bukan kunjungan pertama Putin ke Pyongyang.",
                    "Korea Selatan khawatir program senjata Korea Utara makin kuat.",
                ),
                skill="statement",
            ),
        ]
        bad = [
            _item(
                "true_false",
                "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang mencakup "
                "bantuan militer jika salah satu negara diserang.",
                "Benar",
                ("Benar", "Salah"),
                skill="statement",
            ),
            _item(
                "cloze",
                "Kunjungan itu adalah yang pertama sejak tahun 2000, ketika Putin datang _____ "
                "Pyongyang untuk menemui Kim Jong Il.",
                "ke",
                accepted=("ke",),
            ),
            _item(
                "cloze",
                "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu pagi untuk bertemu "
                "pemimpin Korea Utara Kim _____ Un.",
                "Jong",
                accepted=("Jong",),
            ),
        ]
    else:
        text = EN_TEXT
        good = [
            _item(
                "mcq",
                get_pack("en").templates["main_idea"],
                "Researchers have developed a new lie detector that watches the whole body.",
                (
                    "Researchers have developed a new lie detector that watches the whole body.",
                    "Ross Anderson, who led the study, said that guilty people fidget more.",
                    "The researchers hope that police stations in Europe could use the method.",
                    "The polygraph was invented in 1921 by the policeman John Larson.",
                ),
                skill="main_idea",
            ),
            _item(
                "mcq",
                "According to the article, which of the following is false?",
                "The new method was right in fewer than 30 percent of the tests.",
                (
                    "The new method was right in fewer than 30 percent of the tests.",
                    "The team at Lancaster University tested the method on 180 students.",
                    "Ross Anderson led the study.",
                    "The polygraph was invented in 1921.",
                ),
                skill="statement",
            ),
        ]
        bad = [
            _item(
                "true_false",
                "The team at Lancaster University tested the method on 180 students, half "
                "of whom were told to lie.",
                "True",
                ("True", "False"),
                skill="statement",
            ),
            _item(
                "cloze",
                "Researchers in Britain and the Netherlands have developed a new lie detector "
                "that watches _____ whole body.",
                "the",
                accepted=("the",),
            ),
            _item(
                "cloze",
                "Ross Anderson, who led the study, _____ that guilty people fidget more.",
                "said",
                accepted=("said",),
            ),
        ]
    return text, good, bad


@pytest.mark.parametrize("lang", ["id", "en"])
def test_obviously_bad_drafts_rank_below_good_ones(lang):
    text, good, bad = _cases(lang)
    pg = [rank.keep_probability(it, text, lang) for it in good]
    pb = [rank.keep_probability(it, text, lang) for it in bad]
    assert min(pg) > max(pb), (pg, pb)
    assert rank.THRESHOLD > max(pb[1:])  # blanks on a stopword / inside a name: never picked
    # the good ones may fill a bank at least (since session 19 the English main idea, whose key
    # is a copied sentence, scores near the threshold: the main-idea rule asks for it anyway)
    assert min(pg) >= FILL_FLOOR
    print(lang, [round(p, 3) for p in pg], [round(p, 3) for p in pb])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_scores_are_probabilities_and_deterministic(lang):
    text, good, bad = _cases(lang)
    for it in good + bad:
        p = rank.keep_probability(it, text, lang)
        assert 0.0 <= p <= 1.0 and math.isfinite(p)
        assert rank.keep_probability(it, text, lang) == p
        assert rank.keep_probability(it.to_dict(), text, lang) == p  # a dict works the same


def test_explain_names_what_pushed_the_score():
    text, good, bad = _cases("en")
    verbatim = bad[0]
    parts = rank.explain(verbatim, text, "en")
    assert parts and all(name in FEATURES or name == "category_keep" for name, _ in parts)
    assert dict(parts).get("copy_ratio", 0) < 0  # copied word for word counts against it
    assert [abs(c) for _, c in parts] == sorted((abs(c) for _, c in parts), reverse=True)
    good_parts = dict(rank.explain(good[0], text, "en"))
    assert good_parts.get("choice", 0) > 0


def test_features_read_the_item_the_way_they_are_named():
    pack = get_pack("id")
    text, good, bad = _cases("id")
    f_tf = item_features(bad[0], text, pack)
    assert f_tf["true_false"] == 1 and f_tf["copy_ratio"] == 1.0
    f_stop = item_features(bad[1], text, pack)
    assert f_stop["key_stopword"] == 1 and f_stop["choice"] == 0
    assert item_features(bad[2], text, pack)["name_fragment"] == 1
    where = _item("mcq", "Ke negara mana Putin pergi setelah meninggalkan Pyongyang?", "Vietnam",
                  ("Vietnam", "Korea Selatan", "Amerika Serikat", "Rusia"))  # fmt: skip
    f_mcq = item_features(where, text, pack)
    assert f_mcq["choice"] == 1 and f_mcq["distractors_in_article"] == 1.0
    assert f_mcq["copy_ratio"] < 0.5
    spelled = _item("mcq", "Apa yang dipasang di mobil itu?", "pelat", ("pelat", "plat", "sirene", "lampu"))
    assert item_features(spelled, text, pack)["near_duplicate_options"] == 1
    speaker = _item("cloze", "Perjanjian itu penting, kata _____ di Pyongyang.", "Putin", accepted=("Putin",))
    assert item_features(speaker, text, pack)["speaker_blank"] == 1


def test_copied_run_and_tokens():
    idx = article_index(EN_TEXT)
    assert tokens("Who _____ the polygraph?") == ["who", "<blank>", "the", "polygraph"]
    assert copied_run(tokens("tested the method on 180 students"), idx) == 6
    assert copied_run(tokens("tested the method on 181 students"), idx) == 4
    assert copied_run(tokens("nothing of this appears"), idx) <= 1
    assert article_index(EN_TEXT) is idx  # cached per article


def test_unknown_language_and_empty_item_still_score():
    it = _item("short_answer", "", "")
    for lang in ("xx", "id"):
        p = rank.keep_probability(it, "", lang)
        assert 0.0 <= p <= 1.0


def test_weights_agree_with_the_expected_direction_of_each_feature():
    model = json.loads(rank.MODEL_PATH.read_text(encoding="utf-8"))
    assert model["features"] == list(NAMES)
    for name, w in zip(model["features"], model["weights"], strict=True):
        assert FEATURES[name][0] * w >= 0, name
    assert 0.0 < rank.THRESHOLD < 1.0
    assert "CC BY-SA" in model["licence"]


def test_shipped_model_is_what_training_produces():
    spec = importlib.util.spec_from_file_location("train_ranker", ROOT / "training" / "train_ranker.py")
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    rows = trainer.read_rows(ROOT / "training" / "data" / "review_labels.jsonl")
    assert sum(r["origin"] == "gen" for r in rows) >= 100  # the labels are kept in the repository
    fresh = trainer.train(rows, verbose=False)
    shipped = json.loads(rank.MODEL_PATH.read_text(encoding="utf-8"))
    assert trainer.same_model(fresh, shipped)
    assert abs(fresh["held_out"]["auc"] - shipped["held_out"]["auc"]) <= 0.02
    assert fresh == trainer.train(rows, verbose=False)  # deterministic: same data, same model
    edited = json.loads(json.dumps(shipped))
    k = max(range(len(NAMES)), key=lambda i: abs(edited["weights"][i]))
    edited["weights"][k] += 0.2  # a hand-edited weight is noticed
    assert not trainer.same_model(fresh, edited)


def test_item_category_reads_what_an_item_shows():
    """Categories a keep rate is counted for, the same for rated packet items and drafts."""
    from quizgen.engine.rank_features import item_category

    en, id_ = get_pack("en"), get_pack("id")

    def blank(answer, options=("a", "b", "c", "d")):
        return {"kind": "cloze", "prompt": "x _____ y", "answer": answer, "options": list(options)}

    assert item_category(blank("1994"), en) == "blank_year"
    assert item_category(blank("12 March"), en) == "blank_date"
    assert item_category(blank("Tuesday"), en) == "blank_weekday"
    assert item_category(blank("Rabu pagi"), id_) == "blank_weekday"
    assert item_category(blank("450 metres"), en) == "blank_number_lone"
    assert item_category(blank("three hours"), en) == "blank_number_lone"
    assert item_category(blank("Yale"), en) == "blank_name"
    assert item_category(blank("scans", ()), en) == "typed_blank_word"
    main = {"kind": "mcq", "prompt": en.templates["main_idea"], "answer": "x", "options": ["x", "y", "z"]}
    assert item_category(main, en) == "main_idea"
    false = {"kind": "mcq", "prompt": id_.templates["statement_false"][0], "answer": "x", "options": ["x", "y", "z"]}
    assert item_category(false, id_) == "statement_false"
    assert item_category({"kind": "true_false", "prompt": "p", "answer": "False"}, en) == "true_false"


def test_category_rate_keeps_rarely_kept_categories_out():
    """A blank on a figure (kept about half the time in English) is rated above the same blank
    on a weekday (about one in ten), which falls under the floor that keeps a category out of
    banks; the rate moves the probability only by the weight training chose (0 when the
    category adds nothing the features do not hold)."""
    from quizgen.engine.portfolio import CATEGORY_FLOOR

    text = "The council met on Tuesday and agreed to spend 450 metres of fencing on the park."
    figure = {"kind": "cloze", "prompt": "The council agreed to spend _____ of fencing on the park.",
              "answer": "450 metres", "options": ["450 metres", "300 metres", "200 metres", "600 metres"]}
    weekday = {"kind": "cloze", "prompt": "The council met on _____ and agreed to spend money.",
               "answer": "Tuesday", "options": ["Tuesday", "Monday", "Friday", "Sunday"]}
    assert rank.category_keep(weekday, "en") < CATEGORY_FLOOR < rank.category_keep(figure, "en")
    pushes = dict(rank.explain(weekday, text, "en", top=30))
    assert pushes.get("category_keep", 0.0) == pytest.approx(
        rank.CATEGORY_WEIGHT * (rank._logit(rank.category_keep(weekday, "en")) - rank._logit(rank._CATEGORY_MEAN["en"])),
        abs=1e-6,
    )


def _trainer():
    spec = importlib.util.spec_from_file_location("train_ranker", ROOT / "training" / "train_ranker.py")
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    return trainer


def test_category_rates_follow_the_last_rounds_and_remember_the_old_ones():
    """Session 19: a category's rate is that of the last ``CATEGORY_WINDOW`` rounds, pulled
    towards its rate over all rounds; a category the selection stopped making (no item in
    the last rounds) keeps its old rate instead of drifting to the language's mean."""
    trainer = _trainer()
    text = "The council met on Tuesday and agreed to spend 450 metres of fencing on the park."
    figure = {"kind": "cloze", "prompt": "The council agreed to spend _____ of fencing.", "answer": "450 metres",
              "options": ["450 metres", "300 metres", "200 metres", "600 metres"]}
    weekday = {"kind": "cloze", "prompt": "The council met on _____ and agreed.", "answer": "Tuesday",
               "options": ["Tuesday", "Monday", "Friday", "Sunday"]}
    main = {"kind": "mcq", "prompt": get_pack("en").templates["main_idea"], "answer": "x", "options": ["x", "y", "z"]}

    def row(item, n, ok):
        return {"origin": "gen", "lang": "en", "round": f"r{n}", "ok": ok, "item": item, "article_text": text}

    old = [row(figure, 10, True)] * 40 + [row(weekday, 10, False)] * 40 + [row(main, 10, i % 2 == 0) for i in range(40)]
    new = [row(figure, 100, False)] * 40 + [row(main, 100, True)] * 40
    rates, means = trainer.category_rates(old + new)
    en = rates["en"]
    assert en["blank_number_lone"][0] < 0.3  # kept always long ago, never lately: lately counts
    assert en["blank_weekday"][0] < 0.1  # not made lately: its old rate stays
    assert en["main_idea"][0] > 0.8
    assert means["en"] == 0.5  # the mean of the last rounds
    alone, _ = trainer.category_rates(old)
    assert alone["en"]["blank_number_lone"][0] > 0.9
