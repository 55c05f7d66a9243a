"""Item statistics: facility, discrimination, distractor counts, flags."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.stats import item_stats, score_distribution
from quizgen.storage import answers_frame, attempts_frame, save_attempt


@pytest.fixture
def bank(app_bank_file):
    return read_bank(app_bank_file)


def _store(bank, db, rows):
    for n, answers in enumerate(rows):
        save_attempt(bank, score(bank, answers), answers, student=f"s{n}", token=f"t{n}", path=db)


def test_item_stats_from_stored_attempts(bank, tmp_path):
    db = tmp_path / "q.db"
    keys = {it.id: it.answer for it in bank.items}
    rows = []
    for n in range(6):
        a = dict(keys)
        # strong students (high n) get more right; m-kawasan is answered right only by the weak
        for iid in list(a)[: 6 - n]:
            a[iid] = "salah jawab"
        a["m-kawasan"] = "Asia-Pasifik" if n < 2 else "Timur Tengah"
        a["c-pyongyang"] = "Pyongyang" if n else "Seoul"
        a["tf-rabu"] = "Benar"
        rows.append(a)
    _store(bank, db, rows)
    table = item_stats(bank, answers_frame(bank.id, path=db)).set_index("item_id")
    assert list(table.index) == [it.id for it in bank.items]
    assert (table["attempts"] == 6).all()
    assert table.loc["tf-rabu", "facility"] == 1.0
    assert "too easy" in table.loc["tf-rabu", "flags"]
    assert table.loc["m-kawasan", "facility"] == pytest.approx(2 / 6)
    assert table.loc["m-kawasan", "discrimination"] < 0
    assert table.loc["m-kawasan", "top_bottom"] < 0
    assert "negative discrimination" in table.loc["m-kawasan", "flags"]
    assert table.loc["m-kawasan", "distractors"] == {
        "Eropa Timur": 0, "Timur Tengah": 4, "Asia-Pasifik": 2, "Amerika Latin": 0,
    }  # fmt: skip
    assert "distractor nobody picks: Eropa Timur" in table.loc["m-kawasan", "flags"]
    assert "distractor nobody picks: Timur Tengah" not in table.loc["m-kawasan", "flags"]
    assert table.loc["c-pyongyang", "discrimination"] > 0
    assert table.loc["s-nuklir", "distractors"] == {}  # typed item: no options ...
    assert table.loc["s-nuklir", "wrong_answers"] == {"salah jawab": 1}  # ... but its wrong answers
    assert table.loc["c-pyongyang", "wrong_answers"] == {}


def test_too_hard_and_no_attempts(bank, tmp_path):
    db = tmp_path / "q.db"
    _store(
        bank,
        db,
        [{"s-putin": "Kim"}, {"s-putin": "Putin"}, {"s-putin": " KIM!"}, {"s-putin": "Seoul"}, {}, {}],
    )
    table = item_stats(bank, answers_frame(bank.id, path=db)).set_index("item_id")
    assert table.loc["s-putin", "facility"] == pytest.approx(1 / 6)
    assert "too hard" in table.loc["s-putin", "flags"]
    assert table.loc["s-putin", "wrong_answers"] == {"kim": 2, "seoul": 1}  # blanks are not answers
    empty = item_stats(bank, answers_frame("nothing", path=db))
    assert (empty["attempts"] == 0).all()
    assert math.isnan(empty.loc[0, "facility"])


def test_score_distribution(bank, tmp_path):
    att = pd.DataFrame({"percent": [0.0, 5.0, 50.0, 100.0, 99.0]})
    dist = score_distribution(att)
    assert dist.sum() == 5
    assert dist["0-10%"] == 2 and dist["90-100%"] == 2 and dist["50-60%"] == 0 and dist["40-50%"] == 1
    db = tmp_path / "q.db"
    _store(bank, db, [{}])
    assert score_distribution(attempts_frame(path=db))["0-10%"] == 1
