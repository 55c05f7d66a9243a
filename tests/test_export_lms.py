"""Moodle XML, QTI (compared with text2qti's output) and Aiken, read back item by item."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest
from hypothesis import given, settings
from test_export_support import fixture_bank, hostile_bank

from quizgen.bank import BLANK_RE
from quizgen.exporters import EXPORTERS
from quizgen.exporters.base import correct_answers, is_choice, tf_truth

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def html_text(fragment: str) -> str:
    """Plain text of the small HTML the exporters write (<p>, <br>, entities)."""
    fragment = re.sub(r"<br\s*/?>", "\n", fragment)
    return html.unescape(re.sub(r"</?p>", "", fragment))


def parse_embedded(block: str) -> tuple[str, list[tuple[bool, str]]]:
    """A Moodle cloze block {1:TYPE:=a~b} -> (TYPE, [(is_key, text)]), undoing \\ escapes."""
    m = re.fullmatch(r"\{1:(MULTICHOICE|SHORTANSWER):(.*)\}", block, re.S)
    assert m, block
    alts, cur, i, body = [], "", 0, m.group(2)
    while i < len(body):
        if body[i] == "\\":
            cur += body[i + 1]
            i += 2
            continue
        if body[i] == "~":
            alts.append(cur)
            cur = ""
        else:
            cur += body[i]
        i += 1
    alts.append(cur)
    out = []
    for a in alts:
        grade = re.match(r"=|%(-?\d+)%", a)
        key = bool(grade) and (grade.group(0) == "=" or grade.group(1) == "100")
        out.append((key, html.unescape(a[grade.end() :] if grade else a)))
    return m.group(1), out


def find_block(qtext: str) -> tuple[str, str, str]:
    """Split cloze HTML into text before, the {1:...} block, and text after (first unescaped '}')."""
    start = qtext.index("{1:")
    i = start
    while True:
        i += 1
        if qtext[i] == "\\":
            i += 1
            continue
        if qtext[i] == "}":
            return qtext[:start], qtext[start : i + 1], qtext[i + 1 :]


def check_moodle(bank, data: bytes) -> None:
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].find("category/text").text.startswith("$course$/top/quizgen/")
    assert len(questions) == len(bank.items) + 1
    for item, q in zip(bank.items, questions[1:], strict=True):
        assert q.find("name/text").text == item.id
        qtext = q.find("questiontext/text").text
        answers = [(float(a.get("fraction")), a.find("text").text) for a in q.findall("answer")]
        if item.kind == "true_false":
            assert q.get("type") == "truefalse"
            assert dict((t, f) for f, t in answers) == {
                "true": 100 if tf_truth(item) else 0,
                "false": 0 if tf_truth(item) else 100,
            }
            assert html_text(qtext) == item.prompt.replace("\r\n", "\n")
        elif item.kind == "cloze":
            assert q.get("type") == "cloze"
            before, block, after = find_block(qtext)
            qtype, alts = parse_embedded(block)
            assert qtype == ("MULTICHOICE" if item.options else "SHORTANSWER")
            exp = (
                [(o == item.answer, " ".join(o.split())) for o in item.options]
                if item.options
                else [(True, " ".join(a.split())) for a in correct_answers(item)]
            )
            assert alts == exp
            assert "{" not in before.replace("<p>", "") and "{" not in after
            b, a = BLANK_RE.split(item.prompt, maxsplit=1)
            assert html_text(before + after) == (b + a).replace("\r\n", "\n").replace("\r", "\n")
        elif item.options:
            assert q.get("type") == "multichoice"
            assert q.find("single").text == "true" and q.find("shuffleanswers").text == "true"
            assert [(f, html_text(t)) for f, t in answers] == [
                (100 if o == item.answer else 0, o.replace("\r\n", "\n")) for o in item.options
            ]
            assert html_text(qtext) == item.prompt.replace("\r\n", "\n")
        else:
            assert q.get("type") == "shortanswer"
            assert answers == [(100, " ".join(a.split())) for a in correct_answers(item)]


def test_moodle_xml_fixture():
    bank = fixture_bank()
    data = EXPORTERS["moodle-xml"](bank).data
    check_moodle(bank, data)
    assert b"{1:MULTICHOICE:=Pyongyang~Washington~Seoul~Moskow}" in data
    assert b"{1:SHORTANSWER:=nuklirnya~=nuklir}" in data


@settings(max_examples=40, deadline=None)
@given(bank=hostile_bank())
def test_moodle_xml_hostile(bank):
    check_moodle(bank, EXPORTERS["moodle-xml"](bank).data)


def read_qti(data: bytes) -> tuple[ET.Element, ET.Element, list[str]]:
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    manifest = ET.fromstring(z.read("imsmanifest.xml"))
    res = manifest.find(f"{CP}resources/{CP}resource[@type='imsqti_xmlv1p2']")
    assessment = ET.fromstring(z.read(res.find(f"{CP}file").get("href")))
    return manifest, assessment, names


def qti_items(assessment: ET.Element) -> list[dict]:
    out = []
    for el in assessment.iter(f"{QTI}item"):
        meta = {
            f.find(f"{QTI}fieldlabel").text: f.find(f"{QTI}fieldentry").text
            for f in el.iter(f"{QTI}qtimetadatafield")
        }
        labels = {
            lab.get("ident"): html_text(lab.find(f".//{QTI}mattext").text)
            for lab in el.iter(f"{QTI}response_label")
            if lab.find(f".//{QTI}mattext") is not None
        }
        right = [v.text for v in el.iter(f"{QTI}varequal")]
        prompt = html_text(el.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text)
        out.append(
            {
                "type": meta["question_type"],
                "title": el.get("title"),
                "prompt": prompt,
                "options": list(labels.values()),
                "right": [labels.get(r, r) for r in right],
            }
        )
    return out


def test_qti_fixture_item_by_item():
    bank = fixture_bank()
    manifest, assessment, names = read_qti(EXPORTERS["qti"](bank).data)
    items = qti_items(assessment)
    assert len(items) == len(bank.items)
    for item, q in zip(bank.items, items, strict=True):
        assert q["title"] == item.id
        assert q["prompt"] == item.prompt
        if item.kind == "true_false":
            assert q["type"] == "true_false_question"
        elif item.options:
            assert q["type"] == "multiple_choice_question"
        else:
            assert q["type"] == "short_answer_question"
        assert q["options"] == list(item.options)
        assert q["right"] == ([item.answer] if item.options else correct_answers(item))
    assert EXPORTERS["qti"](bank).data == EXPORTERS["qti"](bank).data  # deterministic bytes


@settings(max_examples=30, deadline=None)
@given(bank=hostile_bank())
def test_qti_hostile(bank):
    _, assessment, _ = read_qti(EXPORTERS["qti"](bank).data)
    items = qti_items(assessment)
    for item, q in zip(bank.items, items, strict=True):
        assert q["prompt"] == item.prompt.replace("\r\n", "\n").replace("\r", "\n")
        assert q["right"] == (
            [item.answer.replace("\r\n", "\n").replace("\r", "\n")]
            if item.options
            else [" ".join(a.split()) for a in correct_answers(item)]
        )


ESCAPED_BLANK = "\\_" * 5  # markdown: literal underscores


def _text2qti_source(bank) -> str:
    lines = [f"Quiz title: {bank.title}", ""]
    for n, item in enumerate(bank.items, start=1):
        prompt = item.prompt.replace("_____", ESCAPED_BLANK)
        lines.append(f"{n}.  {prompt}")
        if item.kind == "true_false":
            truth = tf_truth(item)
            lines += [("*" if truth else "") + "a) True", ("" if truth else "*") + "b) False"]
        elif item.options:
            lines += [
                ("*" if o == item.answer else "") + f"{'abcdefgh'[i]}) {o}"
                for i, o in enumerate(item.options)
            ]
        else:
            lines += [f"*   {a}" for a in correct_answers(item)]
        lines.append("")
    return "\n".join(lines)


def test_qti_matches_text2qti_structure(tmp_path):
    exe = shutil.which("text2qti")
    if exe is None:
        pytest.skip("text2qti is not installed (pip install text2qti)")
    bank = fixture_bank()
    src = tmp_path / "quiz.md"
    src.write_text(_text2qti_source(bank), encoding="utf-8")
    subprocess.run([exe, str(src)], check=True, capture_output=True, cwd=tmp_path, timeout=120)
    ref_manifest, ref_assessment, ref_names = read_qti((tmp_path / "quiz.zip").read_bytes())
    manifest, assessment, names = read_qti(EXPORTERS["qti"](bank).data)

    def layout(names):
        return sorted(
            re.sub(
                r"^[^/]+/[^/]+\.xml$", "A/A.xml", re.sub(r"^[^/]+/assessment_meta", "A/assessment_meta", n)
            )
            for n in names
        )

    assert layout(names) == layout(ref_names)
    types = [r.get("type") for r in manifest.iter(f"{CP}resource")]
    assert types == [r.get("type") for r in ref_manifest.iter(f"{CP}resource")]
    ref_items, items = qti_items(ref_assessment), qti_items(assessment)
    assert [q["type"] for q in items] == [q["type"] for q in ref_items]
    for ours, ref, item in zip(items, ref_items, bank.items, strict=True):
        if item.kind != "true_false":  # text2qti labels true/false items in English
            assert ours["options"] == ref["options"]
            assert ours["right"] == ref["right"]
        else:
            assert len(ours["options"]) == len(ref["options"]) == 2
            assert ours["options"].index(ours["right"][0]) == ref["options"].index(ref["right"][0])

    # the metadata fields Canvas reads, in the same order
    def labels(a):
        item = next(a.iter(f"{QTI}item"))
        return [f.text for f in item.iter(f"{QTI}fieldlabel")]

    assert labels(assessment) == labels(ref_assessment)


def parse_aiken(text: str) -> list[tuple[str, list[str], str]]:
    out = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        assert re.fullmatch(r"ANSWER: [A-Z]", lines[-1]), block
        opts = lines[1:-1]
        assert all(re.match(r"[A-Z]\. ", o) for o in opts)
        out.append((lines[0], [o[3:] for o in opts], lines[-1][-1]))
    return out


def test_aiken_choice_items_only():
    bank = fixture_bank()
    result = EXPORTERS["aiken"](bank)
    parsed = parse_aiken(result.data.decode("utf-8"))
    choice = [it for it in bank.items if is_choice(it)]
    assert len(parsed) == len(choice)
    for item, (q, opts, key) in zip(choice, parsed, strict=True):
        assert q == item.prompt and opts == list(item.options)
        assert opts["ABCDEFGH".index(key)] == item.answer
    assert set(result.skipped_ids) == {it.id for it in bank.items if not is_choice(it)}
    assert any("skipped 3 item(s)" in w for w in result.warnings)
