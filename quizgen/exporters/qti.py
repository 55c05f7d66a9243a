"""``qti``: a QTI 1.2 zip that Canvas (and most LMSs) import.

The same structure as ``text2qti`` writes: ``imsmanifest.xml`` with a resource of type
``imsqti_xmlv1p2``, one assessment XML holding one ``<item>`` per question (with
``question_type`` metadata ``multiple_choice_question``, ``true_false_question`` or
``short_answer_question``) and Canvas's ``assessment_meta.xml``. Cloze items with options
become multiple choice, typed cloze items short answer, both with the blank in the text.
"""

from __future__ import annotations

import hashlib
import html
import io
import xml.etree.ElementTree as ET
import zipfile

from ..bank import Bank, Item
from .base import ExportResult, Skips, check_xml_text, correct_answers, one_line, plain_text

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
ZIP_DATE = (2024, 1, 1, 0, 0, 0)  # fixed: the same bank gives the same bytes


def _h(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _html(text: str) -> str:
    text = plain_text(text)
    return "<p>" + "<br>".join(html.escape(line, quote=False) for line in text.split("\n")) + "</p>"


def question_type(item: Item) -> str:
    if item.kind == "true_false":
        return "true_false_question"
    if item.options:
        return "multiple_choice_question"
    return "short_answer_question"


def _sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _mattext(parent, text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", _html(text), texttype="text/html")


def item_element(section: ET.Element, bank: Bank, item: Item) -> None:
    qid = "quizgen_question_" + _h(bank.id, item.id)
    el = _sub(section, "item", ident=qid, title=one_line(item.id))
    meta = _sub(_sub(el, "itemmetadata"), "qtimetadata")
    qtype = question_type(item)
    choice_ids = [f"quizgen_choice_{_h(bank.id, item.id, str(n), o)}" for n, o in enumerate(item.options)]
    fields = [("question_type", qtype), ("points_possible", "1")]
    if choice_ids:
        fields.append(("original_answer_ids", ",".join(choice_ids)))
    fields.append(("assessment_question_identifierref", "quizgen_question_ref_" + _h(bank.id, item.id)))
    for label, entry in fields:
        f = _sub(meta, "qtimetadatafield")
        _sub(f, "fieldlabel", label)
        _sub(f, "fieldentry", entry)
    pres = _sub(el, "presentation")
    _mattext(pres, item.prompt)
    if choice_ids:
        lid = _sub(pres, "response_lid", ident="response1", rcardinality="Single")
        rc = _sub(lid, "render_choice")
        for cid, opt in zip(choice_ids, item.options, strict=True):
            _mattext(_sub(rc, "response_label", ident=cid), opt)
    else:
        rs = _sub(pres, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(rs, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    proc = _sub(el, "resprocessing")
    _sub(_sub(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    cond = _sub(proc, "respcondition", **{"continue": "No"})
    var = _sub(cond, "conditionvar")
    if choice_ids:
        _sub(var, "varequal", choice_ids[item.options.index(item.answer)], respident="response1")
    else:
        for a in correct_answers(item):
            _sub(var, "varequal", one_line(a), respident="response1")
    _sub(cond, "setvar", "100", action="Set", varname="SCORE")
    if item.explanation.strip():
        fb = _sub(el, "itemfeedback", ident="general_fb")
        _mattext(_sub(fb, "flow_mat"), item.explanation)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def assessment(bank: Bank, aid: str) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    asm = _sub(root, "assessment", ident=aid, title=one_line(bank.title or bank.id))
    f = _sub(_sub(asm, "qtimetadata"), "qtimetadatafield")
    _sub(f, "fieldlabel", "cc_maxattempts")
    _sub(f, "fieldentry", "1")
    section = _sub(asm, "section", ident="root_section")
    for item in bank.items:
        item_element(section, bank, item)
    return _xml(root)


def assessment_meta(bank: Bank, aid: str) -> bytes:
    root = ET.Element("quiz", {"identifier": aid, "xmlns": CANVAS_NS})
    _sub(root, "title", one_line(bank.title or bank.id))
    source = bank.article.get("source") or ""
    _sub(root, "description", _html(one_line(f"quizgen bank {bank.id}" + (f" ({source})" if source else ""))))
    for tag, value in [
        ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", f"{len(bank.items)}.0"),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "1"),
        ("one_question_at_a_time", "false"),
        ("available", "false"),
    ]:
        _sub(root, tag, value)
    return _xml(root)


def manifest(bank: Bank, aid: str) -> bytes:
    root = ET.Element("manifest", {"identifier": "quizgen_manifest_" + _h(bank.id), "xmlns": CP_NS})
    md = _sub(root, "metadata")
    _sub(md, "schema", "IMS Content")
    _sub(md, "schemaversion", "1.1.3")
    _sub(root, "organizations")
    res = _sub(root, "resources")
    dep = "quizgen_dependency_" + _h(bank.id)
    r1 = _sub(res, "resource", identifier=aid, type="imsqti_xmlv1p2")
    _sub(r1, "file", href=f"{aid}/{aid}.xml")
    _sub(r1, "dependency", identifierref=dep)
    r2 = _sub(
        res,
        "resource",
        identifier=dep,
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{aid}/assessment_meta.xml",
    )
    _sub(r2, "file", href=f"{aid}/assessment_meta.xml")
    return _xml(root)


def export_qti(bank: Bank) -> ExportResult:
    """The bank as a QTI 1.2 zip (Canvas's import layout)."""
    check_xml_text(bank, "QTI")
    aid = "quizgen_assessment_" + _h(bank.id)
    files = {
        "imsmanifest.xml": manifest(bank, aid),
        f"{aid}/{aid}.xml": assessment(bank, aid),
        f"{aid}/assessment_meta.xml": assessment_meta(bank, aid),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("non_cc_assessments/", date_time=ZIP_DATE), b"")  # as Canvas exports have
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return Skips("qti").result(buf.getvalue())
