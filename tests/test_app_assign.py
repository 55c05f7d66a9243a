"""Assignments through AppTest: rosters and personal codes, attempts allowed, keys only when the
teacher allows, per-student shuffling, time limits, and grading against the version started on."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from quizgen.bank import read_bank
from quizgen.storage import open_store

APP = str(Path(__file__).parents[1] / "streamlit_app.py")
RESULTS = "quizgen/app/pages/teacher_results.py"


def setup_class(app_bank_file, *, code="7A", open_names=False, names=(), **rules):
    store = open_store()
    bank = read_bank(app_bank_file)
    v = store.save_bank(bank, "kuis-kelas.json", replace=True)
    store.create_class(code, open_names=open_names)
    codes = dict(store.add_students(code, names)) if names else {}
    a = store.publish(v.version, code, title="Kuis kelas", quiz="kuis-kelas.json", **rules)
    return store, bank, a, codes


def start(name: str, code: str, personal: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input(key="name_input").input(name)
    at.text_input(key="class_input").input(code).run()
    if personal is not None:
        at.text_input(key="personal_input").input(personal)
    at.button(key="start").click().run()
    assert not at.exception
    return at


def answer_all(at: AppTest, bank, right: bool = True) -> None:
    store = open_store()
    att = store.get_attempt(at.session_state["attempt_token"])
    from quizgen.app.quiz_view import question_order

    a = store.get_assignment(att.assignment_id)
    order = question_order(bank, seed=att.shuffle_seed, shuffle_questions=a.shuffle_questions,
                           shuffle_options=a.shuffle_options)  # fmt: skip
    for s in order:
        key = f"ans_{at.session_state['round']}_{s.number}"
        if s.options:
            at.radio(key=key).set_value(s.options.index(s.item.answer if right else s.options[-1]))
        else:
            at.text_input(key=key).input(s.item.answer if right else "x")
    at.run()


def test_a_roster_class_needs_the_personal_code(app_env, app_bank_file):
    store, bank, a, codes = setup_class(app_bank_file, names=["Sari Dewi", "Budi"])
    at = start("Sari Dewi", "7a", "ZZZZZZ")
    assert at.session_state["phase"] == "pick"
    assert "daftar kelas 7A" in at.error[0].value  # refused, in Indonesian
    at = start("Budi", "7A", codes["Sari Dewi"])  # someone else's code
    assert at.session_state["phase"] == "pick"
    at = start("sari  dewi", "7A", codes["Sari Dewi"].lower())
    assert at.session_state["phase"] == "answer" and not at.error
    assert (
        store.get_attempt(at.session_state["attempt_token"]).student == "Sari Dewi"
    )  # the roster's spelling


def test_other_classes_and_no_class_see_only_their_quizzes(app_env, app_bank_file):
    setup_class(app_bank_file, code="7A", open_names=True)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not any(o.startswith("Kuis kelas") for o in at.selectbox(key="quiz_pick").options)  # demos only
    at.text_input(key="class_input").input("7B").run()
    assert any("Tidak ada kelas dengan kode 7B" in w.value for w in at.warning)
    at.text_input(key="class_input").input("7A").run()
    assert [o.split(" · ")[0] for o in at.selectbox(key="quiz_pick").options] == ["Kuis kelas"]


def test_one_attempt_keys_after_close_and_no_retake(app_env, app_bank_file):
    store, bank, a, _ = setup_class(app_bank_file, open_names=True)
    at = start("Sari", "7A")
    answer_all(at, bank, right=False)
    at.button(key="submit").click().run()
    assert at.session_state["phase"] == "review"
    texts = " ".join(t.value for t in at.text)
    assert "Jawaban yang benar" not in texts and "Penjelasan" not in texts  # keys stay hidden
    assert any("setelah gurumu mengizinkan" in i.value for i in at.info)
    for it in bank.items:
        assert it.explanation not in texts
    again = start("Sari", "7A")
    assert again.session_state["phase"] == "pick"
    assert any("semua kesempatan" in e.value for e in again.error)


def test_keys_at_once_when_the_teacher_allows(app_env, app_bank_file):
    store, bank, a, _ = setup_class(app_bank_file, open_names=True, show_keys="at_once")
    at = start("Sari", "7A")
    answer_all(at, bank, right=False)
    at.button(key="submit").click().run()
    assert any(t.value.startswith("Jawaban yang benar: ") for t in at.text)


def test_shuffled_per_student_the_same_on_every_device(app_env, app_bank_file):
    store, bank, a, _ = setup_class(
        app_bank_file, open_names=True, shuffle_questions=True, shuffle_options=True
    )
    orders = {}
    for name in ("Ani", "Budi", "Citra", "Dodi"):
        at = start(name, "7A")
        orders[name] = [t.value for t in at.text if t.value in {it.prompt for it in bank.items}]
        assert sorted(orders[name]) == sorted(it.prompt for it in bank.items)
    assert len({tuple(o) for o in orders.values()}) > 1
    again = start("Ani", "7A")  # another device: the same order
    assert [t.value for t in again.text if t.value in {it.prompt for it in bank.items}] == orders["Ani"]
    answer_all(again, bank)
    again.button(key="submit").click().run()
    assert any("8 dari 8 benar" in h.value for h in again.subheader)  # graded by text, not position


def test_a_time_limit_submits_the_saved_answers(app_env, app_bank_file):
    store, bank, a, _ = setup_class(app_bank_file, open_names=True, time_limit_min=10)
    past = _dt.datetime.now(_dt.UTC) - _dt.timedelta(minutes=11)
    att = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id, now=past)
    store.save_draft(att.token, {"c-pyongyang": "Pyongyang", "m-sekutu": "Rusia"})
    at = start("Sari", "7A")  # comes back after the limit
    assert at.session_state["phase"] == "review"
    assert any("Waktu habis" in w.value for w in at.warning)
    assert any("2 dari 8 benar" in h.value for h in at.subheader)
    assert store.get_attempt(att.token).status == "submitted"


def test_a_teacher_edit_during_an_attempt_does_not_change_its_score(app_env, app_bank_file):
    store, bank, a, _ = setup_class(app_bank_file, open_names=True)
    at = start("Sari", "7A")
    answer_all(at, bank)
    store.save_bank(bank.with_items(bank.items[1:]), "kuis-kelas.json", replace=True)  # question 1 deleted
    at.button(key="submit").click().run()
    assert any("8 dari 8 benar (100%)" in h.value for h in at.subheader)
    # the results page groups by version: the attempt stays with the version it was taken on
    teacher = AppTest.from_file(APP, default_timeout=60).run()
    teacher.switch_page(RESULTS).run()
    teacher.text_input(key="passcode_input").input("test-passcode")
    teacher.button[0].click().run()
    teacher.selectbox(key="results_quiz").set_value("kuis-kelas.json").run()
    assert not teacher.exception
    grid = teacher.dataframe[0].value
    assert list(grid["score"]) == ["8/8 (100%)"] and "Q8" in grid.columns
    assert len(teacher.selectbox(key="results_version").options) == 1  # only versions with attempts
