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
    keep = [it for it in bank.items if it not in (same_kind, other)]  # a spare never repeats a kept item
    assert replacement(spare, old, keep).kind == old.kind
    assert replacement([], old, keep) is None
    assert replacement([_item(same_kind, id="x3")], old, bank.items) is None  # it would ask same_kind again


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


ENGLISH = re.compile(
    r"\b(the|and|your|please|submit|questions?|answers?|items?|key|seed|score|of|is|are|was|were|this|that"
    r"|with|for|than|cannot|holds?|failed|stopped|took|longer|skipped|shortened|character|control|facility"
    r"|discrimination|diskriminasi|export)\b",
    re.I,
)


def test_the_indonesian_ui_table_holds_no_english():
    table = json.loads((LANG_DIR / "id" / "ui.json").read_text(encoding="utf-8"))
    allowed = {"lang_auto"}  # format names (Kahoot, GIFT, Excel) are names, not English
    english = {
        k: v for k, v in table.items() if k not in allowed and ENGLISH.search(re.sub(r"\{\w+\}", "", v))
    }
    assert not english, english


# Keys the code builds from a prefix and a value (t("kind_" + kind, lang)).
DYNAMIC = ("acol_", "difficulty_", "edit_col_", "err_", "fmt_", "how_", "kind_", "sheet_", "show_keys_",
           "state_", "take_")  # fmt: skip


def test_every_ui_key_is_used_by_the_code():
    """Dead keys (the old statistics table's Facility, Diskriminasi) are removed, not left to rot."""
    root = LANG_DIR.parent
    code = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    code += (root.parent / "streamlit_app.py").read_text(encoding="utf-8")
    table = json.loads((LANG_DIR / "id" / "ui.json").read_text(encoding="utf-8"))
    dead = [k for k in table if not k.startswith(DYNAMIC) and not re.search(rf"[\"']{k}[\"']", code)]
    assert not dead, dead


def _says_in_indonesian(text: str, bank) -> None:
    assert not ENGLISH.search(text), text
    assert not any(it.id in text for it in bank.items), text  # numbers, never ids


def test_export_problems_and_notes_reach_the_indonesian_ui_without_english_or_ids(app_bank_file):
    from dataclasses import replace

    from quizgen.app.downloads import problem_text
    from quizgen.errors import ExportError
    from quizgen.exporters.budget import build_export

    bank = read_bank(app_bank_file)
    items = list(bank.items)
    # a control character in question 2: the XML formats and Excel refuse it
    broken = bank.with_items(items[:1] + [replace(items[1], prompt=items[1].prompt + "\x01")] + items[2:])
    for fmt in ("kahoot", "quizizz", "moodle-xml", "qti", "xlsx"):
        built = build(broken, fmt, "id")
        assert built.problem.startswith("Soal 2 memuat karakter kendali"), (fmt, built.problem)
        _says_in_indonesian(built.problem, bank)
    assert build(broken, "kahoot", "en").problem.startswith("Question 2 holds a control character")
    # a title with a control character: no question number to name
    titled = replace(bank, title=bank.title + "\x02")
    assert build(titled, "moodle-xml", "id").problem.startswith("Judul, sumber, atau teks artikel")
    # nothing fits: a quiz of typed answers only, as Aiken
    typed = bank.with_items([it for it in items if it.kind == "short_answer"])
    built = build(typed, "aiken", "id")
    assert built.problem.startswith("Tidak ada soal kuis ini")
    _says_in_indonesian(built.problem, bank)
    # the PDF shortens an over-long option (question 2): a note in Indonesian
    long = bank.with_items(items[:1] + [replace(items[1], options=(*items[1].options[:-1], "kata " * 200))])
    built = build(long, "worksheet-pdf", "id")
    assert any(w.startswith("PDF: 1 teks terlalu panjang") for w in built.warnings), built.warnings
    for w in built.warnings:
        _says_in_indonesian(w, bank)
    # a time budget run out (a real child process stopped after 0.01 s)
    try:
        build_export(bank, "worksheet-pdf", budget=0.01)
    except ExportError as e:
        text = problem_text(bank, "worksheet-pdf", str(e), "id")
    assert text.startswith("Pembuatan file worksheet-pdf memakan waktu lebih dari 0.01 detik"), text
    _says_in_indonesian(text, bank)
    # a message this page does not know: the general sentence, not the English
    text = problem_text(bank, "gift", "Item m-sekutu has a brand new problem.", "id")
    assert text == "Format ini tidak dapat dibuat untuk kuis ini; format lain tetap bisa."
