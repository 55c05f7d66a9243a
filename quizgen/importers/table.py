"""Read back the ``csv`` and ``xlsx`` exports after a teacher edited them.

A teacher may change prompts, options, answers, difficulty or skill, delete rows, or add a
row (an empty ``id`` gets one made from the prompt). Every problem is reported with its row
and column as the spreadsheet shows them ("row 5, column answer (H)").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from ..bank import BLANK_RE, KINDS, Bank, bank_from_dict, item_from_dict
from ..errors import BankError, ExportError
from ..exporters.base import unguard_formula
from ..exporters.table import ARTICLE_FIRST_ROW, BANK_ROW_KIND
from . import ImportResult

REQUIRED = ("kind", "prompt", "answer")
_NUMBERED = re.compile(r"^(option|accepted)_(\d+)$")


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col + 1)


class Sheet:
    """Rows of one table with its header, reporting problems by row and column."""

    def __init__(self, name: str, header: list[str], rows: list[tuple[int, list]]) -> None:
        self.name = name
        self.header = [str(h).strip() if h is not None else "" for h in header]
        self.rows = rows
        self.col = {h: i for i, h in enumerate(self.header) if h}
        missing = [c for c in REQUIRED if c not in self.col]
        if missing:
            raise ExportError(
                f"{name}: the header row has no column {', '.join(missing)}; "
                "keep the header row as quizgen exported it."
            )
        numbered: dict[str, list[tuple[int, int]]] = {"option": [], "accepted": []}
        for h, i in self.col.items():
            m = _NUMBERED.match(h)
            if m:
                numbered[m.group(1)].append((int(m.group(2)), i))
        self.numbered = {k: [i for _, i in sorted(v)] for k, v in numbered.items()}

    def where(self, row: int, column: str) -> str:
        i = self.col.get(column)
        letter = f" ({_letter(i)})" if i is not None else ""
        return f"{self.name}, row {row}, column {column}{letter}"

    def fail(self, row: int, column: str, what: str) -> ExportError:
        return ExportError(f"{self.where(row, column)}: {what}.")


def _text(value) -> str:
    """A cell as text (a number a spreadsheet made of '1945' becomes '1945' again)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _int(sheet: Sheet, r: int, column: str, value, *, required: bool) -> int | None:
    text = _text(value).strip()
    if not text:
        if required:
            raise sheet.fail(r, column, "is empty; it should be a whole number")
        return None
    try:
        n = int(text)
    except ValueError:
        raise sheet.fail(r, column, f"{text!r} is not a whole number") from None
    if n < 0:
        raise sheet.fail(r, column, f"{n} is negative")
    return n


def _new_id(kind: str, prompt: str) -> str:
    return f"{kind[:1]}-{hashlib.sha1(f'{kind}|{prompt}'.encode()).hexdigest()[:6]}"


def row_to_item(sheet: Sheet, r: int, cells: list, n: int, text: str) -> dict:
    """Validate one row and build the item dict the bank format wants."""

    def get(column: str) -> str:
        i = sheet.col.get(column)
        return _text(cells[i]) if i is not None and i < len(cells) else ""

    def many(kind: str) -> list[str]:
        return [t for i in sheet.numbered[kind] if i < len(cells) and (t := _text(cells[i])) != ""]

    kind = get("kind").strip()
    if kind not in KINDS:
        raise sheet.fail(r, "kind", f"{kind!r} is not a question kind; use one of {', '.join(KINDS)}")
    prompt, answer = get("prompt"), get("answer")
    if not prompt.strip():
        raise sheet.fail(r, "prompt", "is empty")
    if not answer.strip():
        raise sheet.fail(r, "answer", "is empty")
    options, accepted = many("option"), many("accepted")
    opt_cols = "option_1.." + (sheet.header[sheet.numbered["option"][-1]] if sheet.numbered["option"] else "")
    if kind in ("mcq", "true_false") and len(options) < 2:
        raise sheet.fail(r, "option_1", f"a {kind} item needs at least two options")
    if options and options.count(answer) != 1:
        what = "is not one of the options" if answer not in options else "appears twice among the options"
        raise sheet.fail(
            r, "answer", f"{answer!r} {what} ({opt_cols}); the answer must be the text of one option"
        )
    if kind == "cloze" and len(BLANK_RE.findall(prompt)) != 1:
        raise sheet.fail(r, "prompt", "a cloze prompt must hold exactly one blank (_____)")
    start = _int(sheet, r, "source_start", get("source_start"), required=False)
    end = _int(sheet, r, "source_end", get("source_end"), required=False)
    start, end = (start or 0), (end if end is not None else (start or 0))
    if end < start or end > len(text):
        raise sheet.fail(
            r, "source_end", f"{end} is outside the article (0..{len(text)}) or before source_start"
        )
    a0 = _int(sheet, r, "answer_start", get("answer_start"), required=False)
    a1 = _int(sheet, r, "answer_end", get("answer_end"), required=False)
    if (a0 is None) != (a1 is None) or (a0 is not None and a1 < a0):
        raise sheet.fail(
            r, "answer_end", "answer_start and answer_end should both be numbers, start first, or both empty"
        )
    extra_text = get("extra").strip()
    try:
        extra = json.loads(extra_text) if extra_text else {}
    except json.JSONDecodeError:
        raise sheet.fail(r, "extra", "is not valid JSON; leave this column as quizgen wrote it") from None
    if not isinstance(extra, dict):
        raise sheet.fail(r, "extra", "should be a JSON object")
    iid = get("id").strip() or _new_id(kind, prompt)
    return {
        "id": iid,
        "kind": kind,
        "prompt": prompt,
        "options": options,
        "answer": answer,
        "accepted": accepted,
        "source": {"sentence": get("source_sentence"), "start": start, "end": end},
        "answer_span": [a0, a1] if a0 is not None else None,
        "difficulty": get("difficulty").strip().lower() or "medium",
        "skill": get("skill").strip() or "detail",
        "explanation": get("explanation"),
        "reason": get("reason"),
        "template": extra.get("template", ""),
        "features": extra.get("features") or {},
    }


def build_bank(sheet: Sheet, item_rows: list[tuple[int, list]], meta: dict, text: str) -> Bank:
    """Items from rows plus the bank's details into a validated :class:`Bank`."""
    items, seen = [], {}
    for n, (r, cells) in enumerate(item_rows):
        d = row_to_item(sheet, r, cells, n, text)
        if d["id"] in seen:
            raise sheet.fail(r, "id", f"the id {d['id']!r} is also used on row {seen[d['id']]}")
        seen[d["id"]] = r
        try:
            item_from_dict(d, n, text)
        except BankError as e:
            raise ExportError(f"{sheet.name}, row {r}: {e}") from None
        items.append(d)
    article = dict(meta.get("article") or {})
    article["text"] = text
    obj = {
        "format": "quizgen.bank",
        "version": 1,
        "id": meta.get("id") or "imported",
        "title": meta.get("title") or article.get("title") or "",
        "language": meta.get("language") or "en",
        "created": meta.get("created") or "",
        "generator": meta.get("generator") or {},
        "article": article,
        "items": items,
    }
    if meta.get("settings"):
        obj["settings"] = meta["settings"]
    return bank_from_dict(obj)


def _blank(cells: list) -> bool:
    return all(_text(c).strip() == "" for c in cells)


def _no_article(path: Path) -> ExportError:
    return ExportError(
        f"{path.name} does not hold the article (the '{BANK_ROW_KIND}' row or the Article and Bank "
        "sheets were removed); export the bank again, or pass the original bank with --base."
    )


def _base_meta(base) -> tuple[dict, str]:
    d = base.to_dict()
    return {
        k: d.get(k) for k in ("id", "title", "language", "created", "generator", "settings", "article")
    }, base.text


def _delimiter(data: str) -> str:
    """``,`` as quizgen writes it; ``;`` or a tab when a spreadsheet program saved the file
    with its locale's separator (Excel in Indonesian uses ``;``)."""
    header = data.split("\n", 1)[0]
    return max((",", ";", "\t"), key=lambda d: (header.count(d), d == ","))


def read_csv(path: Path, *, base=None) -> ImportResult:
    """Read a csv export (quizgen's ``'`` formula guard is undone)."""
    import csv
    import io

    raw = path.read_bytes()
    try:
        data = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            data = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ExportError(
                f"{path.name} is not UTF-8 text; save it as 'CSV UTF-8' and try again."
            ) from None
    # a long article is one cell of the '#bank' row: lift the csv module's 128 KiB cell limit
    csv.field_size_limit(max(csv.field_size_limit(), len(data) + 1))
    try:
        table = list(csv.reader(io.StringIO(data, newline=""), delimiter=_delimiter(data)))
    except csv.Error as e:
        raise ExportError(f"{path.name} is not a readable CSV file ({e}).") from None
    if not table:
        raise ExportError(f"{path.name} is empty.")
    sheet = Sheet(path.name, table[0], [])
    rows = [
        (r, [unguard_formula(c) for c in cells])
        for r, cells in enumerate(table[1:], start=2)
        if not _blank(cells)
    ]
    kind_i = sheet.col["kind"]
    bank_rows = [(r, c) for r, c in rows if kind_i < len(c) and c[kind_i].strip() == BANK_ROW_KIND]
    item_rows = [(r, c) for r, c in rows if (r, c) not in bank_rows]
    if bank_rows:
        r, cells = bank_rows[0]
        get = lambda col: cells[sheet.col[col]] if col in sheet.col and sheet.col[col] < len(cells) else ""  # noqa: E731
        try:
            meta = json.loads(get("extra") or "{}")
        except json.JSONDecodeError:
            raise sheet.fail(r, "extra", "of the bank row is not valid JSON; export the bank again") from None
        if not isinstance(meta, dict):
            raise sheet.fail(r, "extra", "of the bank row should be a JSON object")
        meta["id"] = get("id").strip() or meta.get("id")
        meta["title"] = get("prompt") or meta.get("title")
        text = get("source_sentence")
    elif base is not None:
        meta, text = _base_meta(base)
    else:
        raise _no_article(path)
    warnings = (f"{path.name}: imported {len(item_rows)} item(s).",)
    return ImportResult(build_bank(sheet, item_rows, meta, text), warnings)


def read_xlsx(path: Path, *, base=None) -> ImportResult:
    """Read an xlsx export (sheets Items, Article and Bank)."""
    import zipfile

    from openpyxl import load_workbook

    from ..intake.limits import LimitError, check_archive

    try:
        with zipfile.ZipFile(path) as archive:  # a zip bomb is refused before openpyxl inflates it
            check_archive(archive, f"The workbook {path.name}")
        wb = load_workbook(path, read_only=True, data_only=True)
    except LimitError as e:
        raise ExportError(str(e)) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise ExportError(f"{path.name} is not a readable Excel workbook ({e}).") from None
    try:
        if "Items" not in wb.sheetnames:
            raise ExportError(f"{path.name} has no sheet called Items; keep the sheet names quizgen wrote.")
        table = [list(r) for r in wb["Items"].iter_rows(values_only=True)]
        if not table:
            raise ExportError(f"{path.name}: the Items sheet is empty.")
        sheet = Sheet(f"{path.name} sheet Items", table[0], [])
        item_rows = [(r, cells) for r, cells in enumerate(table[1:], start=2) if not _blank(cells)]
        if "Bank" in wb.sheetnames and "Article" in wb.sheetnames:
            meta = {}
            for r, row in enumerate(wb["Bank"].iter_rows(min_row=2, values_only=True), start=2):
                if not row or row[0] is None:
                    continue
                try:
                    meta[str(row[0])] = json.loads(_text(row[1] if len(row) > 1 else "") or "null")
                except json.JSONDecodeError:
                    raise ExportError(
                        f"{path.name} sheet Bank, row {r}, column B: not valid JSON; "
                        "leave this sheet as quizgen wrote it."
                    ) from None
            n_lines = int(meta.pop("article_lines", 0) or 0)
            art = [
                _text(r[0] if r else None)
                for r in wb["Article"].iter_rows(
                    min_row=ARTICLE_FIRST_ROW,
                    max_row=ARTICLE_FIRST_ROW + max(n_lines, 1) - 1,
                    max_col=1,
                    values_only=True,
                )
            ]
            art += [""] * (n_lines - len(art))
            text = "\n".join(art[:n_lines]) if n_lines else ""
        elif base is not None:
            meta, text = _base_meta(base)
        else:
            raise _no_article(path)
    finally:
        wb.close()
    return ImportResult(
        build_bank(sheet, item_rows, meta, text), (f"{path.name}: imported {len(item_rows)} item(s).",)
    )
