"""The teacher's create page: article in, items out, edit, save to the bank folder, export.

Pasted text and uploads go through ``quizgen.load_article`` (txt, md, html, docx, pdf), then
``quizgen.generate``. The draft bank lives in this session only until it is saved.
"""

from __future__ import annotations

import json
import logging
import time

import streamlit as st

from ..bank import KINDS, Bank, bank_from_dict
from ..errors import BankError, QuizgenError
from . import banks, state
from .auth import require_teacher
from .layout import language
from .safe import error, heading, literal, md_escape, plain, success
from .strings import t

ss = st.session_state
UPLOAD_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
UPLOAD_LIMIT_MB = 10
SEP = " | "  # between options / accepted answers in one table cell
EDIT_COLUMNS = ["id", "kind", "prompt", "options", "answer", "accepted", "explanation", "difficulty",
                "source", "reason"]  # fmt: skip


def render() -> None:
    """Draw the create page (after the passcode)."""
    lang = language()
    require_teacher(lang)
    st.title(t("create_title", lang))
    _open_existing(lang)
    _source_form(lang)
    draft: Bank | None = ss[state.DRAFT]
    if draft is None:
        return
    st.divider()
    if ss[state.DRAFT_NOTE]:
        success(ss[state.DRAFT_NOTE])
    try:
        edited = _editor(draft, lang)
    except QuizgenError as e:
        error(str(e))
        return
    _save(edited, lang)
    _downloads(edited, lang)


def _open_existing(lang: str) -> None:
    """Open a bank from the folder as the draft (to edit it, set closed book, or export it)."""
    infos, _ = banks.list_banks()
    if not infos:
        return
    with st.expander(t("open_existing", lang)):
        labels = {i.name: f"{plain(i.title)} ({plain(i.name)})" for i in infos}
        name = st.selectbox(
            t("choose_quiz", lang), list(labels), format_func=labels.__getitem__, key="open_pick"
        )
        if st.button(t("open", lang), key="open_bank"):
            bank = banks.load(name)
            ss[state.DRAFT] = bank
            ss[state.DRAFT_FILE] = name
            ss[state.DRAFT_VERSION] += 1
            ss[state.DRAFT_NOTE] = t("opened", lang, name=name, n=len(bank.items))
            st.rerun()


def _source_form(lang: str) -> None:
    with st.form("create_source"):
        text = st.text_area(t("paste_text", lang), height=200, key="paste_text")
        upload = st.file_uploader(
            t("or_upload", lang, mb=UPLOAD_LIMIT_MB), type=UPLOAD_TYPES, key="upload",
            max_upload_size=UPLOAD_LIMIT_MB,
        )  # fmt: skip
        c1, c2, c3 = st.columns(3)
        lang_choice = c1.selectbox(
            t("article_language", lang), ["auto", "id", "en"], key="gen_lang",
            format_func=lambda c: {"auto": t("lang_detect", lang), "id": "Bahasa Indonesia", "en": "English"}[c],
        )  # fmt: skip
        count = c2.number_input(t("item_count", lang), 1, 60, 10, key="gen_count")
        difficulty = c3.selectbox(
            t("difficulty", lang), ["mixed", "easy", "medium", "hard"], key="gen_difficulty",
            format_func=lambda d: t("difficulty_" + d, lang),
        )  # fmt: skip
        kinds = st.multiselect(
            t("kinds", lang), list(KINDS), default=list(KINDS), key="gen_kinds",
            format_func=lambda k: t("kind_" + k, lang),
        )  # fmt: skip
        c4, c5 = st.columns(2)
        seed = c4.number_input(t("seed", lang), 0, 10**9, 0, key="gen_seed")
        cloze_choices = c5.checkbox(t("cloze_choices", lang), key="gen_cloze_choices")
        go = st.form_submit_button(t("generate", lang), type="primary")
    again = ss[state.DRAFT] is not None and st.button(t("regenerate", lang), key="regenerate")
    if not (go or again):
        return
    if again:
        seed = int(ss.get("last_seed", seed)) + 1
    opts = dict(language=lang_choice, count=int(count), kinds=tuple(kinds), difficulty=difficulty, seed=int(seed),
                cloze_choices=bool(cloze_choices))  # fmt: skip
    source = _source_bytes(text, upload, lang, again)
    if source is None:
        return
    _generate(source, opts, lang)


def _source_bytes(text: str, upload, lang: str, again: bool) -> tuple[bytes, str] | None:
    if upload is not None:
        data = upload.getvalue()
        if len(data) > UPLOAD_LIMIT_MB * 1024 * 1024:
            st.error(t("too_big", lang, mb=UPLOAD_LIMIT_MB))
            return None
        source = (data, upload.name)
    elif text.strip():
        # bytes, not str: a pasted line must never be taken for a path on the server
        source = (text.encode("utf-8"), "pasted.txt")
    elif again and ss.get("last_source"):
        source = ss["last_source"]
    else:
        st.error(t("need_text", lang))
        return None
    ss["last_source"] = source
    return source


def _generate(source: tuple[bytes, str], opts: dict, lang: str) -> None:
    import quizgen

    started = time.perf_counter()
    try:
        with st.spinner(t("generating", lang)):
            article = quizgen.load_article(source[0], name=source[1], language=opts["language"])
            bank = quizgen.generate(article, **opts)
    except QuizgenError as e:
        error(str(e))
        return
    seconds = time.perf_counter() - started
    ss["last_seed"] = opts["seed"]
    ss[state.DRAFT] = bank
    ss[state.DRAFT_FILE] = ""
    ss[state.DRAFT_VERSION] += 1
    ss[state.DRAFT_NOTE] = t(
        "generated", lang, n=len(bank.items), seconds=f"{seconds:.1f}", seed=opts["seed"]
    )
    st.rerun()


def _frame(bank: Bank):
    import pandas as pd

    rows = [
        {"id": it.id, "kind": it.kind, "prompt": it.prompt, "options": SEP.join(it.options), "answer": it.answer,
         "accepted": SEP.join(it.accepted), "explanation": it.explanation, "difficulty": it.difficulty,
         "source": it.source.sentence, "reason": it.reason}
        for it in bank.items
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=EDIT_COLUMNS)


def _split(cell) -> list[str]:
    return [p.strip() for p in str(cell or "").split("|") if p.strip()]


def apply_edits(bank: Bank, table) -> Bank:
    """The bank with the table's rows (edited cells; deleted rows gone), validated."""
    by_id = {it.id: it for it in bank.items}
    items = []
    for row in table.to_dict("records"):
        base = by_id.get(str(row.get("id")))
        if base is None:
            continue
        d = base.to_dict()
        d.update(
            prompt=str(row["prompt"] or ""), answer=str(row["answer"] or "").strip(),
            options=_split(row["options"]) if base.options or row["options"] else [],
            accepted=_split(row["accepted"]), explanation=str(row["explanation"] or ""),
            difficulty=str(row["difficulty"] or "medium"),
        )  # fmt: skip
        items.append(d)
    if not items:
        raise BankError("Every item has been deleted; keep at least one item or generate again.")
    data = bank.to_dict()
    data["items"] = items
    return bank_from_dict(json.loads(json.dumps(data)))


def _editor(draft: Bank, lang: str) -> Bank:
    heading(draft.title or t("untitled", lang), 3)
    st.caption(t("edit_help", lang))
    cc = st.column_config

    def label(column: str) -> str:
        return t("edit_col_" + column, lang)

    table = st.data_editor(
        _frame(draft), key=f"editor_{ss[state.DRAFT_VERSION]}", num_rows="delete", hide_index=True,
        disabled=["id", "kind", "source", "reason"],
        column_order=["kind", "prompt", "answer", "options", "accepted", "difficulty", "source", "reason",
                      "explanation", "id"], width="stretch",
        column_config={
            "difficulty": cc.SelectboxColumn(label("difficulty"), options=["easy", "medium", "hard"], required=True),
            "prompt": cc.TextColumn(label("prompt"), width="large", required=True),
            "source": cc.TextColumn(label("source"), width="large"),
            **{c: cc.TextColumn(label(c)) for c in ("kind", "answer", "options", "accepted", "reason",
                                                    "explanation", "id")},
        },
    )  # fmt: skip
    with st.expander(t("sources_reasons", lang)):
        for it in draft.items:
            st.caption(md_escape(f"{it.id} · {it.kind} · {it.difficulty}"))
            literal(it.source.sentence)
            if it.reason:
                literal("→ " + it.reason)
    return apply_edits(draft, table)


def _save(bank: Bank, lang: str) -> None:
    st.subheader(t("save_bank", lang))
    with st.form("save_bank"):
        title = st.text_input(t("bank_title", lang), value=bank.title, key="save_title", max_chars=300)
        default_name = ss[state.DRAFT_FILE] or banks.file_name_for(bank.id)
        name = st.text_input(t("file_name", lang), value=default_name, key="save_name")
        closed = st.checkbox(
            t("closed_book", lang), value=bool(bank.settings.get("closed_book")), key="save_closed"
        )
        overwrite = st.checkbox(t("overwrite", lang), key="save_overwrite")
        go = st.form_submit_button(t("save", lang), type="primary")
    if not go:
        return
    settings = dict(bank.settings, closed_book=bool(closed))
    data = bank.to_dict()
    data.update(title=" ".join(title.split()) or bank.title, settings=settings)
    try:
        final = bank_from_dict(json.loads(json.dumps(data)))
        path = banks.save(final, name.strip(), overwrite=overwrite)
    except QuizgenError as e:
        error(str(e))
        return
    ss[state.DRAFT] = final  # the editor restarts from what was saved
    ss[state.DRAFT_FILE] = path.name
    ss[state.DRAFT_VERSION] += 1
    ss[state.DRAFT_NOTE] = t("saved_bank", lang, name=path.name)
    st.rerun()


@st.cache_data(max_entries=32, show_spinner=False)
def _export(name: str, bank_json: str) -> tuple[bytes, tuple[str, ...], str]:
    from ..bank import loads_bank
    from ..exporters import EXPORTERS

    try:
        result = EXPORTERS[name](loads_bank(bank_json))
    except QuizgenError as e:
        return b"", (), str(e)
    except Exception as e:  # a bug in one exporter must not take the page down
        logging.getLogger("quizgen.app").exception("export %s failed", name)
        return b"", (), f"this format could not be made ({type(e).__name__}); the other formats still work"
    return result.data, tuple(result.warnings), ""


def _downloads(bank: Bank, lang: str) -> None:
    from ..exporters import EXPORTERS

    st.subheader(t("download", lang))
    bank_json = bank.to_json()
    stem = banks.file_name_for(bank.id)[: -len(".json")]
    cols = st.columns(3)
    for n, (name, exp) in enumerate(EXPORTERS.items()):
        data, warnings, problem = _export(name, bank_json)
        with cols[n % 3]:
            if problem:
                st.warning(md_escape(f"{name}: {problem}"))
                continue
            st.download_button(
                f"{name} ({exp.suffix})", data=data, file_name=stem + exp.suffix, key=f"dl_{name}",
                help=exp.description, on_click="ignore",
                mime="application/octet-stream" if exp.binary else "text/plain",
            )  # fmt: skip
            for w in warnings:
                literal(w)
