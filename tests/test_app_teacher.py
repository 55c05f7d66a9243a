"""The teacher pages through AppTest: passcode, create/edit/save/export, results and item stats."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.storage import save_attempt

APP = str(Path(__file__).parents[1] / "streamlit_app.py")
CREATE = "quizgen/app/pages/teacher_create.py"
RESULTS = "quizgen/app/pages/teacher_results.py"


def page(path: str, passcode: str | None = "test-passcode") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(path).run()
    assert not at.exception
    if passcode is not None:
        at.text_input(key="passcode_input").input(passcode)
        at.button[0].click().run()  # the login form's only button
        assert not at.exception
    return at


def unescaped(elements) -> list[str]:
    return [e.value.replace("\\", "") for e in elements]


def test_teacher_pages_refuse_without_passcode(app_env):
    for path in (CREATE, RESULTS):
        at = page(path, passcode=None)
        assert [t.key for t in at.text_input] == ["passcode_input"]
        assert not at.text_area and not at.dataframe
        at.text_input(key="passcode_input").input("test-passcodE")
        at.button[0].click().run()
        assert [e.value for e in at.error] == ["Kode akses salah."]  # no hint
        assert not at.text_area and not at.dataframe
        assert not at.session_state["teacher_ok"]


def test_passcode_from_secrets(app_env, monkeypatch):
    monkeypatch.delenv("QUIZGEN_TEACHER_PASSWORD")
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["QUIZGEN_TEACHER_PASSWORD"] = "from-secrets"
    at.run()
    at.switch_page(CREATE).run()
    at.text_input(key="passcode_input").input("from-secrets")
    at.button[0].click().run()
    assert at.session_state["teacher_ok"]
    assert at.text_area(key="paste_text")


def test_teacher_creates_edits_saves_and_students_see_it(app_env, app_bank_file):
    article = json.loads(app_bank_file.read_text(encoding="utf-8"))["article"]["text"]
    at = page(CREATE)
    at.text_area(key="paste_text").input(article)
    # a count the sample supports under the item rules (issue 10: no capitals, protagonists or
    # one person's two spellings to make up numbers)
    at.number_input(key="gen_count").set_value(6)
    at.button(key="FormSubmitter:create_source-Buat soal").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    draft = at.session_state["draft_bank"]
    assert len(draft.items) == 6
    assert any("6 soal dibuat" in s.value for s in at.success)
    editor = at.data_editor[0]
    assert list(editor.value["id"]) == [it.id for it in draft.items]
    assert editor.value["source"].str.len().min() > 20  # source sentences shown
    # edit the first prompt, delete the last item
    key = f"editor_{at.session_state['draft_version']}"
    at.session_state[key] = {
        "edited_rows": {0: {"prompt": draft.items[0].prompt + " (diubah)"}},
        "added_rows": [],
        "deleted_rows": [5],
    }
    at.run()
    assert not at.exception and not at.error
    # every export format offered
    labels = [b.label for b in at.get("download_button")]
    assert any(lbl.startswith("gift") for lbl in labels) and any(lbl.startswith("qti") for lbl in labels)
    at.text_input(key="save_title").input("Kuis Kim dan Putin")
    at.text_input(key="save_name").input("kuis-kim-putin.json")
    at.checkbox(key="save_closed").check()
    at.button(key="FormSubmitter:save_bank-Simpan").click().run()
    assert not at.error, unescaped(at.error)
    assert "Kuis disimpan sebagai kuis-kim-putin.json" in unescaped(at.success)[0]
    saved = read_bank(app_env["banks"] / "kuis-kim-putin.json")
    assert saved.title == "Kuis Kim dan Putin" and len(saved.items) == 5
    assert "(diubah)" in saved.items[0].prompt
    assert saved.settings["closed_book"] is True
    # saving again under the same name is refused unless confirmed
    at.button(key="FormSubmitter:save_bank-Simpan").click().run()
    assert "already exists" in unescaped(at.error)[0]
    at.checkbox(key="save_overwrite").check()
    at.button(key="FormSubmitter:save_bank-Simpan").click().run()
    assert not at.error
    # an invalid edit (key not among the options) is an error message, not a traceback
    draft = at.session_state["draft_bank"]
    assert draft.title == "Kuis Kim dan Putin"  # the editor restarted from the saved bank
    key = f"editor_{at.session_state['draft_version']}"
    with_options = next(n for n, it in enumerate(draft.items) if it.options)
    at.session_state[key] = {
        "edited_rows": {with_options: {"answer": "bukan pilihan"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception and at.error
    # regenerate with another seed
    at.button(key="regenerate").click().run()
    assert not at.exception
    assert "(seed 1)" in unescaped(at.success)[0]
    assert at.session_state["draft_bank"].generator["seed"] == 1
    # the student page offers the new quiz
    student = AppTest.from_file(APP, default_timeout=60).run()
    assert any(o.startswith("Kuis Kim dan Putin ·") for o in student.selectbox(key="quiz_pick").options)


def test_create_refuses_empty_and_bad_names(app_env):
    at = page(CREATE)
    at.button(key="FormSubmitter:create_source-Buat soal").click().run()
    assert at.error and "Tempel" in at.error[0].value
    at.text_area(key="paste_text").input("Halo.")
    at.button(key="FormSubmitter:create_source-Buat soal").click().run()
    assert at.error and not at.exception  # the engine's / intake's message, shown as an error


def test_results_show_attempts_and_item_stats(app_env, app_bank_file):
    bank = read_bank(app_bank_file)
    keys = {it.id: it.answer for it in bank.items}
    for n in range(6):
        answers = dict(keys)
        for iid in list(answers)[: n + 1]:
            answers[iid] = "salah"
        save_attempt(bank, score(bank, answers), answers, student=f"=HYPERLINK(\"x\") {n}", class_code="7A",
                     token=f"t{n}")  # fmt: skip
    at = page(RESULTS)
    assert not at.error
    attempts = at.dataframe[0].value
    assert len(attempts) == 6 and set(attempts["class_code"]) == {"7A"}
    at.selectbox(key="results_quiz").set_value(bank.id).run()
    assert not at.exception
    stats = at.dataframe[-1].value
    assert list(stats["item_id"]) == [it.id for it in bank.items]
    assert (stats["attempts"] == 6).all()
    row = stats.set_index("item_id").loc["c-semenanjung"]
    assert row["facility"] == "1.00" and "terlalu mudah" in row["flags"]
    assert (
        "pengecoh tidak dipilih siapa pun: Eropa Timur"
        in stats.set_index("item_id").loc["m-kawasan", "flags"]
    )
    # downloads neutralise formulas
    dl = [b for b in at.get("download_button") if b.proto.label == "CSV"]
    assert dl
    from quizgen.app.teacher_results import guarded, to_csv, to_xlsx

    csv = to_csv(attempts).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv
    assert guarded(attempts)["student"].str.startswith("'=").all()
    assert to_xlsx(attempts, "a")[:2] == b"PK"


def test_create_from_an_uploaded_docx_and_refuse_a_huge_file(app_env, app_bank_file, tmp_path):
    import docx

    text = json.loads(app_bank_file.read_text(encoding="utf-8"))["article"]["text"]
    doc = docx.Document()
    doc.add_heading("Kim Jong-un dan Vladimir Putin", 1)
    for para in text.splitlines():
        doc.add_paragraph(para)
    doc.save(tmp_path / "artikel.docx")
    at = page(CREATE)
    at.file_uploader(key="upload").upload(
        "artikel.docx",
        (tmp_path / "artikel.docx").read_bytes(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    at.button(key="FormSubmitter:create_source-Buat soal").click().run()
    assert not at.exception and not at.error, unescaped(at.error)
    assert 6 <= len(at.session_state["draft_bank"].items) <= 10  # fewer when drafts run out
    assert at.session_state["draft_bank"].language == "id"
    at.file_uploader(key="upload").set_value(("besar.txt", b"a " * (6 * 1024 * 1024), "text/plain"))
    at.button(key="FormSubmitter:create_source-Buat soal").click().run()
    assert not at.exception
    assert "terlalu besar" in at.error[0].value


def test_open_an_existing_bank_set_closed_book_and_overwrite(app_env):
    at = page(CREATE)
    at.button(key="open_bank").click().run()
    assert not at.exception and not at.error
    assert at.session_state["draft_file"] == "app_bank_id.json"
    assert at.text_input(key="save_name").value == "app_bank_id.json"
    at.checkbox(key="save_closed").check()
    at.button(key="FormSubmitter:save_bank-Simpan").click().run()
    assert "already exists" in unescaped(at.error)[0]  # never overwritten without asking
    at.checkbox(key="save_overwrite").check()
    at.button(key="FormSubmitter:save_bank-Simpan").click().run()
    assert not at.error
    assert read_bank(app_env["banks"] / "app_bank_id.json").settings == {"closed_book": True}
