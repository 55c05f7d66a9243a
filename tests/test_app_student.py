"""The student page through Streamlit's AppTest: take a quiz, score, review, retry, idempotence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from quizgen.storage import answers_frame, attempts_frame, open_store

APP = str(Path(__file__).parents[1] / "streamlit_app.py")

# (item id, widget value): radio values are option indexes, typed items are text
ANSWERS = {
    "c-pyongyang": 0,  # Pyongyang: right
    "m-sekutu": 0,  # Jepang: wrong (Rusia)
    "m-kawasan": 2,  # Asia-Pasifik: right
    "tf-rabu": 0,  # Benar: right
    "tf-jepang": 0,  # Benar: wrong (Salah)
    "s-nuklir": "nuklirnya",  # right (clitic variant)
    "s-putin": "Kim Jong-un",  # wrong
    "c-semenanjung": "semenajung",  # right (typo tolerated)
}


def page_dump(at: AppTest) -> str:
    """Everything the server sends for the page (every element's message), as text."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(out)


def start_quiz(name: str = "Sari Dewi", code: str = "") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    at.text_input(key="name_input").input(name)
    at.text_input(key="class_input").input(code)
    at.button(key="start").click().run()
    assert not at.exception
    assert at.session_state["phase"] in ("answer", "read")
    return at


@pytest.fixture
def class_7a(app_env):
    return assign_7a(app_env)


def assign_7a(app_env) -> str:
    """The fixture bank assigned to class 7A (open names, 3 attempts, keys at once):
    a class attempt is stored; a demo quiz without a class code is practice and is not."""
    from quizgen.bank import read_bank

    store = open_store()
    bank = read_bank(app_env["banks"] / "app_bank_id.json")
    v = store.save_bank(bank, "kuis-7a.json", replace=True)
    store.create_class("7A", open_names=True)
    store.publish(
        v.version, "7A", title=bank.title, quiz="kuis-7a.json", attempts_allowed=3, show_keys="at_once"
    )
    return "7A"


def key_of(at: AppTest, item_id: str) -> str:
    """The widget key of an item's answer: by its position in the round, never its id."""
    if at.session_state["practice"]:
        order = list(at.session_state["item_ids"])
    else:
        order = [
            it.id
            for it in open_store()
            .load_version(open_store().get_attempt(at.session_state["attempt_token"]).version)
            .items
        ]
    return f"ans_{at.session_state['round']}_{order.index(item_id) + 1}"


def fill(at: AppTest, answers: dict) -> None:
    for iid, value in answers.items():
        key = key_of(at, iid)
        if isinstance(value, int):
            at.radio(key=key).set_value(value)
        else:
            at.text_input(key=key).input(value)


def submit(at: AppTest) -> None:
    at.button(key="submit").click().run()
    assert not at.exception


def test_quiz_picker_lists_the_bank(app_env):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error
    picker = at.selectbox(key="quiz_pick")
    assert len(picker.options) == 1
    assert "8 soal" in picker.options[0] and "· ID ·" in picker.options[0]
    # a name is required
    at.button(key="start").click().run()
    assert at.session_state["phase"] == "pick"
    assert at.error[0].value == "Tulis namamu terlebih dahulu\\."  # in the UI language


def test_student_takes_quiz_and_sees_score_and_review(app_env, class_7a):
    at = start_quiz(code=class_7a)
    assert len(at.radio) == 5 and len([t for t in at.text_input if t.key.startswith("ans_")]) == 3
    dump = page_dump(at)
    bank = json.loads(Path(app_env["banks"], "app_bank_id.json").read_text(encoding="utf-8"))
    for item in bank["items"]:
        assert item["explanation"] not in dump  # nothing of the key's explanation before submit
    fill(at, ANSWERS)
    submit(at)
    assert at.session_state["phase"] == "review"
    assert any("5 dari 8 benar" in h.value for h in at.subheader)
    marks = [m.value for m in at.markdown if "Tepat" in m.value or "Belum tepat" in m.value]
    assert sum(":green[" in m for m in marks) == 5 and sum(":red[" in m for m in marks) == 3
    texts = [t.value for t in at.text]
    assert "Jawabanmu: Kim Jong-un" in texts
    assert "Jawaban yang benar: Vladimir Putin" in texts
    assert "Jawabanmu: Jepang" in texts and "Jawaban yang benar: Rusia" in texts
    assert any(t.startswith("Penjelasan: Rusia disebut sebagai sekutu") for t in texts)
    # the source sentence of an item is shown on its own, inside its paragraph
    assert any("Putin tiba di Pyongyang pada Rabu pagi" in i.value for i in at.info)
    assert any("salah ketik" in c.value for c in at.caption)  # the typo was tolerated, and said so
    # stored once, with the grading
    att = attempts_frame()
    assert len(att) == 1
    assert (att.loc[0, "student"], att.loc[0, "class_code"], att.loc[0, "correct"]) == ("Sari Dewi", "7A", 5)
    ans = answers_frame().set_index("item_id")
    assert ans.loc["s-nuklir", "how"] == "clitic variant"
    assert ans.loc["m-sekutu", "response"] == "Jepang"


def test_double_submit_stores_one_attempt(app_env, class_7a):
    at = start_quiz(code=class_7a)
    fill(at, ANSWERS)
    submit(at)
    token = at.session_state["attempt_token"]
    # the second click of a double click: the same token again stores nothing more
    again = open_store().submit(token, None, {iid: "x" for iid in ANSWERS})
    assert not again.created
    at.session_state["phase"] = "answer"  # a submitted attempt never shows its form again
    at.run()
    assert "submit" not in [b.key for b in at.button]
    assert len(attempts_frame()) == 1
    assert any("5 dari 8 benar" in h.value for h in at.subheader)  # the stored attempt stands


def test_retry_the_ones_i_missed(app_env, class_7a):
    at = start_quiz(code=class_7a)
    fill(at, ANSWERS)
    submit(at)
    retry = at.button(key="retry")
    assert "3" in retry.label
    retry.click().run()
    assert at.session_state["phase"] == "answer" and at.session_state["practice"]
    assert len(at.radio) == 2 and len([t for t in at.text_input if t.key.startswith("ans_")]) == 1
    fill(at, {"m-sekutu": 1, "tf-jepang": 1, "s-putin": "putin"})
    submit(at)
    assert any("3 dari 3 benar" in h.value for h in at.subheader)
    assert len(attempts_frame()) == 1  # practice rounds are not recorded


def test_english_switch_and_closed_book(app_env):
    path = Path(app_env["banks"], "app_bank_id.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["settings"] = {"closed_book": True}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.selectbox(key="ui_lang").set_value("en").run()
    assert at.text_input(key="name_input").label == "Your name"
    at.text_input(key="name_input").input("Budi")
    at.button(key="start").click().run()
    assert at.session_state["phase"] == "read"
    assert any(t.value.startswith("Presiden Rusia Vladimir Putin menerima") for t in at.text)
    at.button(key="start_answering").click().run()
    assert at.session_state["phase"] == "answer"
    dump = page_dump(at)
    # closed book: the article is hidden, and no typed key is anywhere in the page
    assert "Presiden Rusia Vladimir Putin menerima" not in dump
    for key in ("program nuklir", "Semenanjung"):
        assert key not in dump


HOSTILE = "<img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** :red[x] $x$"


def test_hostile_bank_text_is_shown_literally(app_env):
    path = Path(app_env["banks"], "app_bank_id.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Judul " + HOSTILE
    data["items"][1]["prompt"] = HOSTILE
    data["items"][1]["options"][0] = "[klik](javascript:alert(1))"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    at = start_quiz(name="<b>Eve</b> [x](javascript:alert(2))")
    assert HOSTILE in [t.value for t in at.text]  # st.text: never parsed
    assert "Siswa: <b>Eve</b> [x](javascript:alert(2))" in [t.value for t in at.text]
    # where Streamlit parses Markdown (headings, options), every mark is escaped
    assert any(m.value.startswith("## Judul \\<img src\\=x") for m in at.markdown)
    assert at.radio[1].options[0] == "\\[klik\\]\\(javascript\\:alert\\(1\\)\\)"
    assert "](javascript" not in "".join(m.value for m in at.markdown)


@pytest.mark.parametrize("bad", ["../etc/passwd", "x" * 500, "' OR 1=1 --"])
def test_a_forged_attempt_in_the_address_is_refused(app_env, bad):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["attempt"] = bad
    at.run()
    assert not at.exception and not at.error
    assert any("tidak ditemukan" in w.value for w in at.warning)
    assert at.text_input(key="name_input")  # back at the quiz list


def test_unexpected_error_shows_no_traceback(app_env):
    def script():
        from quizgen.app.layout import run_page
        from quizgen.errors import InputError

        def boom():
            raise ValueError("secret detail /srv/app.py line 3")

        def friendly():
            raise InputError("The file is empty.")

        run_page(boom)
        run_page(friendly)

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    assert at.error[0].value.startswith("Maaf, terjadi kesalahan")
    assert "secret detail" not in page_dump(at)
    assert at.error[1].value.startswith("Teks atau berkas ini tidak dapat dibaca")  # in the UI language
    assert "The file is empty." in [x.value for x in at.text]  # the library's words under "details"


def test_answers_survive_a_visit_to_another_page_and_are_saved_as_given(app_env):
    at = start_quiz()
    fill(at, {"c-pyongyang": 0, "s-nuklir": "nuklir"})
    at.run()
    assert any(
        "Terjawab 2 dari 8" in p.proto.text and "tersimpan" in p.proto.text for p in at.get("progress")
    )
    saved = open_store().get_attempt(at.session_state["attempt_token"]).answers
    assert saved == {"c-pyongyang": "Pyongyang", "s-nuklir": "nuklir"}  # on the server, as given
    at.switch_page("quizgen/app/pages/teacher_results.py").run()
    assert at.text_input(key="passcode_input")
    at.switch_page("quizgen/app/pages/student.py").run()
    assert at.session_state["phase"] == "answer"
    assert at.radio(key=key_of(at, "c-pyongyang")).value == 0
    assert at.text_input(key=key_of(at, "s-nuklir")).value == "nuklir"
    assert any("Terjawab 2 dari 8" in p.proto.text for p in at.get("progress"))


def test_a_reload_resumes_the_attempt_with_every_answer(app_env):
    at = start_quiz()
    fill(at, {"c-pyongyang": 0, "m-kawasan": 2, "s-putin": "Putin"})
    at.run()
    token = at.session_state["attempt_token"]
    assert at.query_params["attempt"] == [token] or at.query_params["attempt"] == token
    fresh = AppTest.from_file(APP, default_timeout=60)  # a reload: a new session, the same address
    fresh.query_params["attempt"] = token
    fresh.run()
    assert not fresh.exception
    assert fresh.session_state["phase"] == "answer"
    assert any("3 jawaban" in i.value for i in fresh.info)
    assert fresh.radio(key=key_of(fresh, "c-pyongyang")).value == 0
    assert fresh.radio(key=key_of(fresh, "m-kawasan")).value == 2
    assert fresh.text_input(key=key_of(fresh, "s-putin")).value == "Putin"
    # another device: the same name (any case) and quiz resumes the same attempt
    other = start_quiz(name="sari dewi")
    assert other.session_state["attempt_token"] == token


def test_a_blank_submit_asks_first(app_env, class_7a):
    at = start_quiz(code=class_7a)
    fill(at, {"m-kawasan": 2})
    submit(at)
    assert at.session_state["phase"] == "answer" and attempts_frame().empty
    assert any("7 soal belum dijawab: nomor 1, 2, 4, 5, 6, 7, 8" in w.value for w in at.warning)
    at.button(key="keep_answering").click().run()
    assert at.button(key="submit") and attempts_frame().empty
    submit(at)
    at.button(key="submit_anyway").click().run()
    assert at.session_state["phase"] == "review" and len(attempts_frame()) == 1


BUNDLED = sorted((Path(__file__).parents[1] / "question_banks").glob("*.json"))


@pytest.mark.skipif(not BUNDLED, reason="no bundled banks in question_banks/ yet")
@pytest.mark.parametrize("bank_file", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_bank_scores_full_marks_with_its_keys(app_env, bank_file):
    from quizgen.bank import read_bank

    for old in app_env["banks"].glob("*.json"):
        old.unlink()
    shutil.copy(bank_file, app_env["banks"] / bank_file.name)
    bank = read_bank(bank_file)
    at = start_quiz()
    if at.session_state["phase"] == "read":
        at.button(key="start_answering").click().run()
    fill(at, {it.id: (it.options.index(it.answer) if it.options else it.answer) for it in bank.items})
    submit(at)
    n = len(bank.items)
    # the UI follows the quiz's language
    expected = f"{n} dari {n} benar" if bank.language == "id" else f"Your score: {n} of {n} right"
    assert any(expected in h.value for h in at.subheader)


def test_a_demo_quiz_without_a_class_code_is_practice_and_never_stored(app_env):
    """The audit's retake (issue 13 finding 6): "Sari" takes a demo quiz blank, reads all the
    keys in the review, then takes it again with them. Neither round is an attempt: no
    "best = 100" for anyone, and the page says the score is not recorded."""
    bank = json.loads(Path(app_env["banks"], "app_bank_id.json").read_text(encoding="utf-8"))
    at = start_quiz(name="Sari")
    assert any("nilainya tidak disimpan" in i.value for i in at.info)  # said before answering
    submit(at)
    at.button(key="submit_anyway").click().run()
    assert any("0 dari 8 benar" in h.value for h in at.subheader)
    assert sum(t.value.startswith("Jawaban yang benar:") for t in at.text) == 8  # every key shown
    assert any("tidak disimpan" in c.value for c in at.caption)
    at.button(key="other_quiz").click().run()
    at = start_quiz(name="Sari")
    keys = {
        it["id"]: it["options"].index(it["answer"]) if it.get("options") else it["answer"]
        for it in bank["items"]
    }
    fill(at, keys)
    submit(at)
    assert any("8 dari 8 benar" in h.value for h in at.subheader)
    assert attempts_frame().empty and answers_frame().empty  # neither round was stored
    assert open_store().open_attempts_frame().empty  # nor left as an attempt to follow up
