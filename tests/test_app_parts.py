"""The app's plain parts: UI string tables, the bank folder, the passcode, Markdown escaping."""

from __future__ import annotations

import json
import shutil

import pytest

from quizgen.app import auth, banks
from quizgen.app.safe import md_escape
from quizgen.app.strings import LANG_DIR, t, ui_language
from quizgen.bank import read_bank
from quizgen.errors import BankError


def test_ui_tables_have_the_same_keys_and_fields():
    tables = {
        code: json.loads((LANG_DIR / code / "ui.json").read_text(encoding="utf-8")) for code in ("id", "en")
    }
    assert tables["id"].keys() == tables["en"].keys()
    for key in tables["id"]:
        fields = [set(__import__("string").Formatter().parse(tables[c][key])) for c in ("id", "en")]
        names = [{f[1] for f in fs if f[1]} for fs in fields]
        assert names[0] == names[1], key
    assert t("progress", "id", done=2, total=5) == "Terjawab 2 dari 5 soal"
    assert t("progress", "en", done=2, total=5) == "2 of 5 items answered"
    with pytest.raises(KeyError):
        t("no-such-key", "id")


def test_ui_language_choice():
    assert ui_language("auto", "en") == "en"
    assert ui_language("auto", "fr") == "id"
    assert ui_language("auto", None) == "id"
    assert ui_language("en", "id") == "en"


@pytest.mark.parametrize(
    "name",
    ["../x.json", "..json", "a/b.json", "/etc/passwd", "x.txt", ".hidden.json", "", "a\\b.json", "x.json\n"],
)
def test_bank_names_are_plain_file_names(app_env, name):
    with pytest.raises(BankError):
        banks.safe_path(name)


def test_bank_folder_listing_saving_and_overwrite(app_env, app_bank_file):
    (app_env["banks"] / "broken.json").write_text("{not json", encoding="utf-8")
    infos, problems = banks.list_banks()
    assert [i.name for i in infos] == ["app_bank_id.json"]
    assert infos[0].n_items == 8 and infos[0].language == "id" and 3 <= infos[0].minutes <= 20
    assert len(problems) == 1 and "broken.json" in problems[0]
    bank = read_bank(app_bank_file)
    path = banks.save(bank, "copy.json")
    assert read_bank(path) == bank
    with pytest.raises(BankError, match="already exists"):
        banks.save(bank, "copy.json")
    banks.save(bank.with_items(bank.items[:2]), "copy.json", overwrite=True)
    assert len(banks.load("copy.json").items) == 2
    assert banks.find_by_id(bank.id) is not None
    assert banks.file_name_for("Kim & Putin: 2024!") == "kim-putin-2024.json"
    shutil.rmtree(app_env["banks"])
    assert banks.list_banks()[0] == [] and "QUIZGEN_BANKS" in banks.list_banks()[1][0]


def test_generated_passcode_is_made_once_and_printed(monkeypatch, capsys):
    monkeypatch.delenv("QUIZGEN_TEACHER_PASSWORD", raising=False)
    auth._generated_passcode.clear()
    first = auth.passcode()
    assert auth.passcode() == first and len(first) >= 16
    err = capsys.readouterr().err
    assert err.count(first) == 1
    assert auth.check(first) and not auth.check(first + "x") and not auth.check("")
    monkeypatch.setenv("QUIZGEN_TEACHER_PASSWORD", "s3cret")
    assert auth.passcode() == "s3cret" and auth.check("s3cret")
    auth._generated_passcode.clear()


def test_md_escape_neutralises_markdown():
    assert md_escape("[a](javascript:x)") == "\\[a\\]\\(javascript\\:x\\)"
    assert md_escape("<b>x</b>") == "\\<b\\>x\\<\\/b\\>"
    assert md_escape("a  \n b") == "a b"
    assert "\u200b" in md_escape(":smile:") and md_escape("12:30") == "12\\:30"
