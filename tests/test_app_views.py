"""The app's plain view logic: download names and warnings, regeneration, shuffled order, the
results tables; and the Indonesian UI table holding no English."""

from __future__ import annotations

import json
import re

import pandas as pd

from quizgen.app.downloads import build, download_name, slug
from quizgen.app.quiz_view import answer_of, question_order, unanswered, widget_value
from quizgen.app.regenerate import fresh_items, replacement
from quizgen.app.results_view import BLANK, build_view
from quizgen.app.strings import LANG_DIR
from quizgen.bank import read_bank
from quizgen.exporters import EXPORTERS


def test_downloads_are_named_by_title_and_format(app_bank_file):
    assert slug("Kim Jong-un dan Vladimir Putin") == "kim-jong-un-dan-vladimir-putin"
    assert slug("Ünïcode: «quoted» title!") == "unicode-quoted-title"
    assert slug("") == "quiz" and len(slug("kata " * 50)) <= 60
    name = "Kim Jong-un dan Vladimir Putin"
    assert download_name(name, EXPORTERS["kahoot"]) == "kim-jong-un-dan-vladimir-putin.kahoot.xlsx"
    assert download_name(name, EXPORTERS["gift"]) == "kim-jong-un-dan-vladimir-putin.gift.txt"
    assert download_name(name, EXPORTERS["json"]) == "kim-jong-un-dan-vladimir-putin.json"
    assert download_name(name, EXPORTERS["worksheet-pdf"]) == "kim-jong-un-dan-vladimir-putin.worksheet.pdf"
    names = {download_name(name, e) for e in EXPORTERS.values()}
    assert len(names) == len(EXPORTERS)  # kahoot, quizizz and xlsx no longer share a name


def test_export_warnings_name_question_numbers_in_the_ui_language(app_bank_file):
    bank = read_bank(app_bank_file)
    built = build(bank, "kahoot", "id")
    assert built.total == 8 and built.carried == 4 and not built.problem
    text = " ".join(built.warnings)
    assert "Soal 6, 7, 8 tidak ikut: jawabannya diketik" in text
    assert not any(it.id in text for it in bank.items)  # numbers, never ids
    assert "skipped" not in text and "typed answers" not in text  # no English
    en = build(bank, "kahoot", "en")
    assert "Question(s) 6, 7, 8 left out: typed answers" in " ".join(en.warnings)


def _item(it, **changes):
    from dataclasses import replace

    return replace(it, **changes)


def test_regenerate_prefers_new_items_and_replacement_keeps_the_kind(app_bank_file):
    bank = read_bank(app_bank_file)
    current = list(bank.items[:4])
    fresh = [_item(it, id=it.id + "-new") for it in bank.items[4:]]
    chosen, spares = fresh_items(current + fresh, current, 4)
    assert {it.id for it in chosen} == {it.id for it in fresh}  # nothing of the current draft comes back
    assert [it.source.start for it in chosen] == sorted(it.source.start for it in chosen)
    assert not spares or all(s.id not in {c.id for c in current} for s in spares)
    old = bank.items[0]
    same_kind = next(it for it in bank.items[1:] if it.kind == old.kind)
    other = next(it for it in bank.items if it.kind != old.kind)
    spare = [_item(other, id="x1"), _item(same_kind, id="x2")]
    assert replacement(spare, old, bank.items).kind == old.kind
    assert replacement([], old, bank.items) is None


def test_shuffled_order_is_per_student_reproducible_and_answers_stay_text(app_bank_file):
    bank = read_bank(app_bank_file)
    a = question_order(bank, seed=7, shuffle_questions=True, shuffle_options=True)
    b = question_order(bank, seed=7, shuffle_questions=True, shuffle_options=True)
    c = question_order(bank, seed=8, shuffle_questions=True, shuffle_options=True)
    assert [(s.item.id, s.options) for s in a] == [(s.item.id, s.options) for s in b]
    assert [s.item.id for s in a] != [s.item.id for s in c] or [s.options for s in a] != [
        s.options for s in c
    ]
    assert sorted(s.item.id for s in a) == sorted(it.id for it in bank.items)
    for s in a:
        assert sorted(s.options) == sorted(s.item.options)
        if s.options:
            value = widget_value(s, s.item.answer)
            assert answer_of(s, value) == s.item.answer  # the text round-trips whatever the order
    assert unanswered(a, {a[0].item.id: "x"}) == [s.number for s in a[1:]]


def test_results_view_grid_questions_and_follow_up(app_bank_file):
    bank = read_bank(app_bank_file)
    rows, answers = [], []
    for n, student in enumerate(["Ani", "Budi", "Citra"]):
        correct = 0
        for pos, it in enumerate(bank.items):
            right = pos >= n * 3
            resp = (
                it.answer
                if right
                else ("" if n == 2 and pos == 0 else (it.options[-1] if it.options else "x"))
            )
            correct += right
            answers.append({"attempt_id": n + 1, "item_id": it.id, "response": resp, "correct": int(right)})
        rows.append({"attempt_id": n + 1, "student": student, "class_code": "7A", "percent": 100 * correct / 8,
                     "correct": correct, "total": 8, "submitted_at": "2026-12-01T01:00:00+00:00"})  # fmt: skip
    opened = pd.DataFrame([{"student": "Dewi", "answered": 3, "started_at": "2026-12-01T01:05:00+00:00"}])
    view = build_view(bank, pd.DataFrame(rows), pd.DataFrame(answers), opened, lang="id")
    assert list(view.grid["student"]) == ["Ani", "Budi", "Citra"]
    assert view.grid.columns[:3].tolist() == ["student", "class_code", "score"]
    ani = view.grid.iloc[0]
    assert ani["score"] == "8/8 (100%)" and ani["Q1"].startswith("✓")
    assert view.grid.iloc[2]["Q1"] == BLANK
    q = view.questions.set_index("number")
    assert q.loc[1, "question"] == " ".join(bank.items[0].prompt.split())
    assert round(q.loc[8, "share_right"]) == 100
    follow = dict(view.follow_up)
    assert "Citra" in follow and "Dewi" in follow and "Ani" not in follow
    assert any(line.startswith("8:") and "terlalu mudah" in line for line in view.flagged)


ENGLISH = re.compile(r"\b(the|and|your|please|submit|question|answer|item|key|seed|score|of)\b", re.I)


def test_the_indonesian_ui_table_holds_no_english():
    table = json.loads((LANG_DIR / "id" / "ui.json").read_text(encoding="utf-8"))
    allowed = {"lang_auto"}  # format names (Kahoot, GIFT, Excel) are names, not English
    english = {
        k: v for k, v in table.items() if k not in allowed and ENGLISH.search(re.sub(r"\{\w+\}", "", v))
    }
    assert not english, english
