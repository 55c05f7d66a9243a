"""Results as files: JSON records, CSV and XLSX tables (through the formula guard).

Example:
    >>> from quizgen.storage import open_store  # doctest: +SKIP
    >>> data = results_bytes(open_store().results_records(class_code="7A"), "csv")
"""

from __future__ import annotations

import io
import json
import re

ATTEMPT_FIELDS = ("student", "class_code", "quiz", "version", "submitted_at", "correct", "total", "percent")
ANSWER_FIELDS = ("student", "class_code", "quiz", "version", "submitted_at", "position", "item_id", "kind",
                 "response", "correct", "how")  # fmt: skip
FORMATS = ("csv", "json", "xlsx")
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def attempts_table(records: list[dict]):
    """One row per attempt: the attempt's fields, then one column per question id (in the
    order first met) holding the answer given."""
    import pandas as pd

    items: dict[str, None] = {}
    for r in records:
        for a in r["answers"]:
            items.setdefault(a["item_id"], None)
    rows = []
    for r in records:
        given = {a["item_id"]: a["response"] for a in r["answers"]}
        rows.append([*(r[f] for f in ATTEMPT_FIELDS), *(given.get(i, "") for i in items)])
    return pd.DataFrame(rows, columns=[*ATTEMPT_FIELDS, *items])


def answers_table(records: list[dict]):
    """One row per answer (with ``correct`` 0/1 and how it was accepted)."""
    import pandas as pd

    rows = [
        [
            *(r[f] for f in ANSWER_FIELDS[:5]),
            pos,
            a["item_id"],
            a["kind"],
            a["response"],
            int(a["correct"]),
            a["how"],
        ]
        for r in records
        for pos, a in enumerate(r["answers"], start=1)
    ]
    return pd.DataFrame(rows, columns=list(ANSWER_FIELDS))


def _guarded(frame, *, xlsx: bool = False):
    import pandas as pd

    from ..exporters.base import guard_formula

    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: guard_formula(_ILLEGAL_XLSX.sub(" ", v) if xlsx else v) if isinstance(v, str) else v
            )
    out.columns = [guard_formula(str(c)) for c in out.columns]
    return out


def results_bytes(records: list[dict], fmt: str) -> bytes:
    """The records as a file: ``json`` (a list of attempts with their answers), ``csv`` (one
    row per attempt, UTF-8 with BOM for spreadsheets) or ``xlsx`` (sheets Attempts and Answers).
    Text a spreadsheet would run as a formula is prefixed with ``'``."""
    if fmt == "json":
        public = [{k: v for k, v in r.items() if k != "attempt_id"} for r in records]
        return (json.dumps(public, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        return (
            _guarded(attempts_table(records)).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
        )
    if fmt == "xlsx":
        import pandas as pd

        buf = io.BytesIO()
        with pd.ExcelWriter(buf, engine="openpyxl") as xl:
            _guarded(attempts_table(records), xlsx=True).to_excel(xl, index=False, sheet_name="Attempts")
            _guarded(answers_table(records), xlsx=True).to_excel(xl, index=False, sheet_name="Answers")
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}")
