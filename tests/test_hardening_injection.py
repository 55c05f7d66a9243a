"""Hardening: injection. Formula payloads in the results downloads the app really serves (CSV,
XLSX, every sheet); Markdown/HTML in article, bank and student-name text shown literally on every
page; bank names that traverse out of the bank folder (symlinks, the save form) and article ids
that would make ``quizgen batch -o`` write outside its folder."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from test_app_student import ANSWERS, fill, start_quiz, submit

from quizgen.app import banks
from quizgen.app.safe import md_escape
from quizgen.bank import read_bank
from quizgen.cli import cli
from quizgen.errors import BankError
from quizgen.grading import score
from quizgen.storage import new_token, save_attempt

APP = str(Path(__file__).parents[1] / "streamlit_app.py")
RESULTS = "quizgen/app/pages/teacher_results.py"
CREATE = "quizgen/app/pages/teacher_create.py"
DATA = Path(__file__).parent / "data"

FORMULAS = ["=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3 x", '=HYPERLINK("http://evil/","klik")']
HOSTILE = "Awas [klik](javascript:alert(1)) ![img](http://evil/x.png) <img src=x onerror=alert(1)> **tebal** <b>b</b>"
DANGEROUS = re.compile(r"^[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)*$")


@pytest.fixture
def downloads(monkeypatch):
    """Every file the app hands to st.download_button, by file name (the real storage is used)."""
    served: dict[str, bytes] = {}
    real = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        if filename and isinstance(path_or_data, bytes):
            served[filename] = path_or_data
        return real(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return served


def login(path: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(path).run()
    at.text_input(key="passcode_input").input("test-passcode")
    at.button[0].click().run()
    assert not at.exception
    return at


def _cells_are_safe(cells: list[str], where: str) -> None:
    for cell in cells:
        assert not (DANGEROUS.match(cell) and not PLAIN_NUMBER.match(cell)), f"{where}: {cell!r} would run"


def test_results_downloads_neutralise_formulas(app_env, downloads):
    import openpyxl
    import pandas as pd

    path = app_env["banks"] / "app_bank_id.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = FORMULAS[4]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bank = read_bank(path)
    for n, name in enumerate(FORMULAS):
        answers = {it.id: it.answer if k % 2 else name for k, it in enumerate(bank.items)}
        save_attempt(bank, score(bank, answers), answers, student=name, class_code=FORMULAS[n - 1],
                     token=new_token(), path=app_env["db"])  # fmt: skip
    at = login(RESULTS)
    assert not at.exception and not at.error
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == ["Unduh tabel (CSV)", "Unduh tabel (Excel)"]
    # the bytes those buttons serve (made on click, by these functions, from the page's tables)
    from quizgen.app.results_view import build_view
    from quizgen.app.teacher_results import to_csv, to_xlsx
    from quizgen.storage import open_store

    store = open_store()
    version = store.attempts_frame()["version"].iloc[0]
    view = build_view(store.load_version(version), store.attempts_frame(version=version),
                      store.answers_frame(version=version), store.open_attempts_frame(), lang="id")  # fmt: skip
    grid, questions = view.grid.drop(columns=["percent"]), view.questions.drop(columns=["item_id"])
    served = {"results.csv": to_csv(grid), "results.xlsx": to_xlsx(grid, "results", questions=questions)}
    attempts = pd.read_csv(io.BytesIO(served["results.csv"]), dtype=str, keep_default_na=False)
    assert sorted(attempts["student"]) == sorted("'" + f for f in FORMULAS)  # shown, not run
    _cells_are_safe([v for col in attempts.columns for v in attempts[col]], "results.csv")
    wb = openpyxl.load_workbook(io.BytesIO(served["results.xlsx"]))
    assert [ws.title for ws in wb.worksheets] == ["results", "questions"]
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    values.append(cell.value)
    _cells_are_safe(values, "results.xlsx")


# ---------------------------------------------------------------- literal text on every page


def markdown_values(at: AppTest) -> list[str]:
    """The text of every element Streamlit renders as Markdown, and of every radio option."""
    values: list[str] = []
    for kind in (
        "markdown",
        "caption",
        "title",
        "header",
        "subheader",
        "success",
        "info",
        "warning",
        "error",
    ):
        values += [e.value for e in getattr(at, kind)]
    for radio in at.radio:
        values += [str(o) for o in radio.options]
    values += [e.label for e in at.expander]
    return values


def assert_nothing_rendered(at: AppTest) -> None:
    for value in markdown_values(at):
        assert not re.search(r"(?<!\\)\]\(", value), f"a Markdown link or image would render: {value!r}"
        assert not re.search(r"(?<!\\)<(?:img|b|script|a)\b", value), f"HTML would render: {value!r}"
        assert "javascript:" not in value, value


def _hostile_bank(app_env) -> dict:
    """The app bank with a hostile paragraph appended to the article, item 1's source and
    explanation pointing at it, a hostile title and option."""
    path = app_env["banks"] / "app_bank_id.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    text = data["article"]["text"]
    start = len(text) + 2
    data["article"]["text"] = text + "\n\n" + HOSTILE
    first = data["items"][0]
    first["source"] = {"sentence": HOSTILE, "start": start, "end": start + len(HOSTILE)}
    first["answer_span"] = None
    first["explanation"] = HOSTILE
    data["title"] = "Kuis " + HOSTILE
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def test_hostile_article_and_explanation_shown_literally_in_quiz_and_review(app_env):
    _hostile_bank(app_env)
    at = start_quiz(name="[Eve](javascript:alert(2)) <img src=x>")
    texts = [t.value for t in at.text]
    assert HOSTILE in texts  # the article paragraph, as plain text
    assert_nothing_rendered(at)
    fill(at, ANSWERS)
    submit(at)
    assert at.session_state["phase"] == "review"
    texts = [t.value for t in at.text]
    assert any(t.endswith(" " + HOSTILE) for t in texts)  # the explanation, literally
    assert any(md_escape(HOSTILE) in v for v in (i.value for i in at.info))  # the source, escaped
    assert_nothing_rendered(at)


def test_hostile_names_and_titles_on_the_results_page(app_env):
    _hostile_bank(app_env)
    bank = read_bank(app_env["banks"] / "app_bank_id.json")
    answers = {it.id: HOSTILE for it in bank.items}
    save_attempt(bank, score(bank, answers), answers, student="[Eve](javascript:x) <img src=x>",
                 class_code="**7A**", token=new_token(), path=app_env["db"])  # fmt: skip
    at = login(RESULTS)
    at.selectbox(key="results_quiz").set_value(bank.id).run()
    assert not at.exception and not at.error
    assert list(at.dataframe[0].value["student"]) == ["[Eve](javascript:x) <img src=x>"]
    assert_nothing_rendered(at)


def test_hostile_pasted_article_on_the_create_page(app_env):
    article = (DATA / "id-kim-putin-2024.txt").read_text(encoding="utf-8")
    hostile = article.replace("Pyongyang", "[Pyongyang](javascript:alert(1)) <img src=x>", 1)
    assert hostile != article
    at = login(CREATE)
    at.text_area(key="paste_text").input(hostile)
    at.button(key="FormSubmitter:create_source-Buat soal").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.session_state["draft_bank"].items
    assert "[Pyongyang](javascript:alert(1))" in at.session_state["draft_bank"].text
    assert_nothing_rendered(at)


# ---------------------------------------------------------------- path traversal


def test_bank_symlinked_out_of_the_folder_is_neither_read_nor_overwritten(app_env, tmp_path, app_bank_file):
    outside = tmp_path / "outside.json"
    outside.write_text(app_bank_file.read_text(encoding="utf-8"), encoding="utf-8")
    before = outside.read_bytes()
    (app_env["banks"] / "link.json").symlink_to(outside)
    with pytest.raises(BankError, match="outside the bank folder"):
        banks.load("link.json")
    bank = read_bank(app_bank_file)
    with pytest.raises(BankError, match="outside the bank folder"):
        banks.save(bank.with_items(bank.items[:1]), "link.json", overwrite=True)
    assert outside.read_bytes() == before


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "../escaped.json", "/tmp/abs.json", "..\\..\\x.json", "a/../b.json"]
)
def test_save_form_refuses_traversal(app_env, name):
    at = login(CREATE)
    at.button(key="open_bank").click().run()
    at.text_input(key="save_name").input(name)
    at.checkbox(key="save_overwrite").check()
    at.button(key="FormSubmitter:save_bank-Simpan").click().run()
    assert not at.exception
    assert at.error and "tidak bisa dipakai" in at.error[0].value.replace("\\", "")
    assert sorted(p.name for p in app_env["banks"].iterdir()) == ["app_bank_id.json"]
    assert not (app_env["banks"].parent / "escaped.json").exists()


def test_batch_article_ids_cannot_leave_the_output_folder(tmp_path):
    text = "\n".join((DATA / "id-kim-putin-2024.txt").read_text(encoding="utf-8").split("\n")[:6])
    ids = [
        "../../escaped",
        "/tmp/abs-escaped",
        "..\\..\\win-escaped",
        "..",
        ".",
        "sub/dir/x",
        "~/home-escaped",
    ]
    jsonl = tmp_path / "in" / "news.jsonl"
    jsonl.parent.mkdir()
    jsonl.write_text("\n".join(json.dumps({"id": i, "text": text}) for i in ids) + "\n", encoding="utf-8")
    out = tmp_path / "a" / "b" / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(jsonl), "-o", str(out), "--no-progress", "--jobs", "1"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    written = sorted(p for p in tmp_path.rglob("*.json"))
    assert len(written) == len(ids)
    assert all(p.parent == out for p in written), written
    assert not any("/" in p.stem or "\\" in p.stem or p.stem.startswith(".") for p in written)
    assert not Path("/tmp/abs-escaped.json").exists()


_NAME_PIECES = st.one_of(
    st.sampled_from(
        ["..", ".", "/", "\\", "~", ":", "\x00", "\n", "%2e%2e", "C:", "..json", ".json", "a", "é"]
    ),
    st.text(max_size=6),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.lists(_NAME_PIECES, max_size=8).map("".join))
def test_any_bank_name_stays_in_the_bank_folder(app_env, name):
    folder = app_env["banks"].resolve()
    try:
        path = banks.safe_path(name)
    except BankError as e:
        assert str(e).strip()
        return
    assert path.parent == folder and path.name == name and path.suffix == ".json"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ids=st.lists(st.lists(_NAME_PIECES, max_size=8).map("".join), min_size=1, max_size=6))
def test_any_article_id_in_batch_names_a_file_in_the_output_folder(tmp_path, ids):
    from quizgen.batch import collect_jobs

    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": i, "text": "x"}) for i in ids) + "\n", encoding="utf-8")
    out = (tmp_path / "out").resolve()
    names = [job.name for job in collect_jobs([jsonl])]
    assert len({n.casefold() for n in names}) == len(names)  # no two articles share a bank file
    for name in names:
        assert (out / f"{name}.json").resolve().parent == out, name
        assert name and not name.startswith(".")
