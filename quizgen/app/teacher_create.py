"""The teacher's create page: article in, items out, edit, save to the bank folder, export.

Pasted text and uploads go through ``quizgen.load_article`` (txt, md, html, docx, pdf), then
``quizgen.generate``; both (and regenerate's larger pool) run in a child process at lower
priority (:func:`quizgen.exporters.budget.call_in_child`), so a long article never holds up the
students' pages, and one stopped after :func:`generate_budget` seconds ends with a message in the
UI language. The draft bank lives in this session only until it is saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections import OrderedDict
from dataclasses import replace

import streamlit as st

from ..bank import KINDS, Bank, bank_from_dict
from ..errors import BankError, QuizgenError
from ..exporters.budget import call_in_child
from . import banks, data, state
from .auth import require_teacher
from .layout import language
from .safe import error, heading, md_escape, plain, success
from .strings import t

ss = st.session_state
UPLOAD_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
UPLOAD_LIMIT_MB = 10
GENERATE_BUDGET_S = 120.0  # default; a 300 KB one-paragraph article takes 7-20 s on a busy server
SEP = " | "  # between options / accepted answers in one table cell
EDIT_COLUMNS = ["id", "kind", "prompt", "options", "answer", "accepted", "explanation", "difficulty",
                "source", "reason"]  # fmt: skip


def render() -> None:
    """Draw the create page (after the passcode)."""
    lang = language()
    require_teacher(lang)
    st.title(t("create_title", lang))
    _restore_draft(lang)
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
        data.show_error(e, lang)
        return
    _replace_ticked(draft, edited, lang)
    _remember_draft(edited)
    _save(edited, lang)
    _downloads(edited, lang)


# The teacher's unsaved draft, kept in this server process by teacher token (the token is in the
# page address, see auth.py), so a reload or a dropped connection does not lose it. Bounded.
_DRAFTS: OrderedDict[str, tuple[str, str, str]] = OrderedDict()
_DRAFTS_LOCK = threading.Lock()
MAX_DRAFTS = 64


def _teacher_key() -> str | None:
    from . import auth

    token = st.query_params.get(getattr(auth, "TOKEN_PARAM", "teacher"))
    return hashlib.sha256(token.encode("utf-8")).hexdigest() if token else None


def _remember_draft(bank: Bank) -> None:
    key = _teacher_key()
    if key is None:
        return
    with _DRAFTS_LOCK:
        _DRAFTS[key] = (bank.to_json(), ss[state.DRAFT_FILE], ss[state.DRAFT_NOTE])
        _DRAFTS.move_to_end(key)
        while len(_DRAFTS) > MAX_DRAFTS:
            _DRAFTS.popitem(last=False)


def _restore_draft(lang: str) -> None:
    """After a reload: the draft this teacher was working on, with every edit made so far."""
    if ss[state.DRAFT] is not None:
        return
    key = _teacher_key()
    with _DRAFTS_LOCK:
        kept = _DRAFTS.get(key) if key else None
    if kept is None:
        return
    from ..bank import loads_bank

    _set_draft(loads_bank(kept[0]), kept[1])
    ss[state.DRAFT_NOTE] = t("draft_restored", lang)


def _open_existing(lang: str) -> None:
    """Open a saved quiz (its current version) as the draft, to edit it, set closed book, or export it."""
    infos = data.store().list_banks()
    if not infos:
        return
    with st.expander(t("open_existing", lang)):
        labels = {
            i.name: f"{plain(i.title)} ({plain(i.name)}, {t('n_versions', lang, n=i.n_versions)})"
            + (f" · {t('bundled', lang)}" if i.read_only else "")
            for i in infos
        }
        name = st.selectbox(
            t("choose_quiz", lang), list(labels), format_func=labels.__getitem__, key="open_pick"
        )
        if st.button(t("open", lang), key="open_bank"):
            bank = data.store().load_bank(name)
            ss["last_seed"] = int((bank.generator or {}).get("seed") or 0)
            ss["spares"] = []
            read_only = next(i.read_only for i in infos if i.name == name)
            _set_draft(bank, "" if read_only else name)
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
        # ticked (the default): options wherever safe ones exist, as `quizgen generate` does;
        # unticked: every blank typed
        cloze_choices = c5.checkbox(t("cloze_choices", lang), value=True, key="gen_cloze_choices")
        go = st.form_submit_button(t("generate", lang), type="primary")
    opts = dict(language=lang_choice, count=int(count), kinds=tuple(kinds), difficulty=difficulty, seed=int(seed),
                cloze_choices=None if cloze_choices else False)  # fmt: skip
    if go:
        source = _source_bytes(text, upload, lang)
        if source is not None:
            _generate(source, opts, lang)
    _regenerate_controls(opts, lang)


def _regenerate_controls(opts: dict, lang: str) -> None:
    """ "Regenerate": new items (not the ones the draft holds), after asking when edits would be lost."""
    draft = ss[state.DRAFT]
    if draft is None:
        return
    if ss.get("confirm_regen"):
        st.warning(t("regen_confirm", lang))
        c1, c2 = st.columns(2)
        if c1.button(t("regen_yes", lang), key="regen_yes", type="primary"):
            ss["confirm_regen"] = False
            _regenerate(draft, opts, lang)
        if c2.button(t("cancel", lang), key="regen_no"):
            ss["confirm_regen"] = False
            st.rerun()
        return
    if st.button(t("regenerate", lang), key="regenerate", help=t("regenerate_help", lang)):
        if ss.get("draft_dirty"):
            ss["confirm_regen"] = True
            st.rerun()
        _regenerate(draft, opts, lang)


def _regenerate(draft: Bank, opts: dict, lang: str) -> None:
    from .regenerate import fresh_items

    seed = int(ss.get("last_seed", opts["seed"])) + 1
    count = len(draft.items) or int(opts["count"])
    started = time.perf_counter()
    try:
        with st.spinner(t("generating", lang), show_time=True):
            candidates = call_in_child(
                "pool", draft, seed=seed, count=count, options=opts, budget=generate_budget()
            )
    except QuizgenError as e:
        data.show_error(e, lang)
        return
    # the draft's own ranked alternates first: the engine's next best items for this article
    chosen, spares = fresh_items([*draft.alternates, *candidates], draft.items, count)
    new = draft.with_items(chosen)
    new = replace(new, generator=dict(draft.generator, seed=seed))
    ss["last_seed"] = seed
    ss["spares"] = spares
    changed = len({it.id for it in chosen} - {it.id for it in draft.items})
    _set_draft(new, ss[state.DRAFT_FILE])
    ss[state.DRAFT_NOTE] = t(
        "regenerated",
        lang,
        n=len(chosen),
        changed=changed,
        seconds=f"{time.perf_counter() - started:.1f}",
        seed=seed,
    )
    st.rerun()


def _set_draft(bank: Bank, file_name: str) -> None:
    ss[state.DRAFT] = bank
    ss[state.DRAFT_FILE] = file_name
    ss[state.DRAFT_VERSION] += 1
    ss["draft_dirty"] = False


def _source_bytes(text: str, upload, lang: str) -> tuple[bytes, str] | None:
    if upload is not None:
        raw = upload.getvalue()
        if len(raw) > UPLOAD_LIMIT_MB * 1024 * 1024:
            st.error(t("too_big", lang, mb=UPLOAD_LIMIT_MB))
            return None
        source = (raw, upload.name)
    elif text.strip():
        # bytes, not str: a pasted line must never be taken for a path on the server
        source = (text.encode("utf-8"), "pasted.txt")
    else:
        st.error(t("need_text", lang))
        return None
    ss["last_source"] = source
    return source


def generate_budget() -> float:
    """Seconds a generation may run: ``$QUIZGEN_GENERATE_BUDGET``, else ``GENERATE_BUDGET_S``."""
    try:
        return float(os.environ.get("QUIZGEN_GENERATE_BUDGET", "") or GENERATE_BUDGET_S)
    except ValueError:
        return GENERATE_BUDGET_S


def _generate(source: tuple[bytes, str], opts: dict, lang: str) -> None:
    started = time.perf_counter()
    try:
        with st.spinner(t("generating", lang), show_time=True):
            bank = call_in_child("load_and_generate", *source, budget=generate_budget(), **opts)
    except QuizgenError as e:
        data.show_error(e, lang)
        return
    seconds = time.perf_counter() - started
    ss["last_seed"] = opts["seed"]
    ss["last_opts"] = opts
    ss["spares"] = []
    _set_draft(bank, "")
    note = t("generated", lang, n=len(bank.items), seconds=f"{seconds:.1f}", seed=opts["seed"])
    asked = opts.get("count")
    read = bank.generator.get("read")
    if read:  # a very long text is read in part (quizgen.text.reading): say so
        note += " " + t("read_in_part", lang, read=read["chars"] // 1000, of=read["of"] // 1000)
    if asked and len(bank.items) < asked:
        # the engine writes only what passes its rules: say so rather than pad the quiz (a
        # text read in part needs no more text: the part to ask about does)
        key = "fewer_than_asked_read" if read else "fewer_than_asked"
        note += " " + t(key, lang, n=len(bank.items), asked=asked)
    ss[state.DRAFT_NOTE] = note
    st.rerun()


def _frame(bank: Bank):
    import pandas as pd

    rows = [
        {"no": n, "replace": False, "id": it.id, "kind": it.kind, "prompt": it.prompt,
         "options": SEP.join(it.options), "answer": it.answer, "accepted": SEP.join(it.accepted),
         "explanation": it.explanation, "difficulty": it.difficulty, "source": it.source.sentence,
         "reason": it.reason}
        for n, it in enumerate(bank.items, 1)
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["no", "replace", *EDIT_COLUMNS])


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
    content = bank.to_dict()
    content["items"] = items
    return bank_from_dict(json.loads(json.dumps(content)))


def _editor(draft: Bank, lang: str) -> Bank:
    heading(draft.title or t("untitled", lang), 3)
    st.caption(t("edit_help", lang))
    cc = st.column_config

    def label(column: str) -> str:
        return t("edit_col_" + column, lang)

    table = st.data_editor(
        _frame(draft), key=f"editor_{ss[state.DRAFT_VERSION]}", num_rows="delete", hide_index=True,
        disabled=["no", "id", "kind", "source", "reason"],
        column_order=["no", "replace", "kind", "prompt", "answer", "options", "reason", "accepted", "difficulty",
                      "source", "explanation", "id"], width="stretch",
        column_config={
            "no": cc.NumberColumn(label("no"), width="small"),
            "replace": cc.CheckboxColumn(label("replace"), help=t("replace_help", lang), width="small"),
            "kind": cc.SelectboxColumn(label("kind"), options=list(KINDS), format_func=lambda k: t("kind_" + k, lang)),
            "difficulty": cc.SelectboxColumn(label("difficulty"), options=["easy", "medium", "hard"], required=True,
                                             format_func=lambda d: t("difficulty_" + d, lang)),
            "prompt": cc.TextColumn(label("prompt"), width="large", required=True),
            "source": cc.TextColumn(label("source"), width="large"),
            "reason": cc.TextColumn(label("reason"), width="medium", help=t("reason_help", lang)),
            **{c: cc.TextColumn(label(c)) for c in ("answer", "options", "accepted", "explanation", "id")},
        },
    )  # fmt: skip
    ss["ticked"] = [str(i) for i in table.loc[table["replace"].fillna(False).astype(bool), "id"]]
    changes = ss.get(f"editor_{ss[state.DRAFT_VERSION]}") or {}
    if changes.get("deleted_rows") or any(
        set(row) - {"replace"} for row in (changes.get("edited_rows") or {}).values()
    ):
        ss["draft_dirty"] = True  # even an edit that does not validate yet is work to keep
    edited = apply_edits(draft, table)
    if edited.items != draft.items:
        ss["draft_dirty"] = True
    return edited


def _replace_ticked(draft: Bank, edited: Bank, lang: str) -> None:
    """Put a new item in place of each ticked row: the draft's ranked alternates first (same kind
    preferred), then the regenerated pool, then a fresh pool made in a child process."""
    from .regenerate import replacement

    ticked = [i for i in ss.get("ticked", []) if any(it.id == i for it in edited.items)]
    label = t("replace_ticked", lang, n=len(ticked)) if ticked else t("replace_none", lang)
    if not st.button(label, key="replace_ticked", disabled=not ticked):
        return
    # the draft's ranked alternates first (what ``quizgen swap`` uses), then the regenerated pool
    spares = [*edited.alternates, *(ss.get("spares") or [])]
    if len(spares) < len(ticked):
        seed = int(ss.get("last_seed", 0)) + 101
        try:
            with st.spinner(t("generating", lang), show_time=True):
                spares += call_in_child(
                    "pool", draft, seed=seed, count=len(draft.items), options=ss.get("last_opts"),
                    budget=generate_budget(),
                )  # fmt: skip
        except QuizgenError as e:
            data.show_error(e, lang)
            return
    items, missing = list(edited.items), 0
    for iid in ticked:
        n = next(k for k, it in enumerate(items) if it.id == iid)
        new = replacement(spares, items[n], items)
        if new is None:
            missing += 1
            continue
        items[n] = new
        spares = [s for s in spares if s.id != new.id]
    ss["spares"] = spares
    _set_draft(edited.with_items(items), ss[state.DRAFT_FILE])
    ss["draft_dirty"] = True
    ss[state.DRAFT_NOTE] = t("replaced", lang, n=len(ticked) - missing) + (
        " " + t("replace_missing", lang, n=missing) if missing else ""
    )
    st.rerun()


def _save(bank: Bank, lang: str) -> None:
    st.subheader(t("save_bank", lang))
    with st.form("save_bank"):
        title = st.text_input(t("bank_title", lang), value=bank.title, key="save_title", max_chars=300)
        default_name = ss[state.DRAFT_FILE] or banks.file_name_for(bank.title or bank.id)
        name = st.text_input(t("file_name", lang), value=default_name, key="save_name")
        closed = st.checkbox(
            t("closed_book", lang), value=bool(bank.settings.get("closed_book")), key="save_closed"
        )
        overwrite = st.checkbox(t("overwrite", lang), key="save_overwrite")
        go = st.form_submit_button(t("save", lang), type="primary")
    if not go:
        return
    settings = dict(bank.settings, closed_book=bool(closed))
    content = bank.to_dict()
    content.update(title=" ".join(title.split()) or bank.title, settings=settings)
    name = " ".join(name.split())
    if not banks.plain_name(name):  # a plain file-like name: it may also be written to disk by the CLI
        error(t("bad_file_name", lang, name=name[:60]))
        return
    store = data.store()
    existing = {b.name: b for b in store.list_banks()}
    if name in existing and existing[name].read_only:
        error(t("bank_read_only", lang, name=name))
        return
    if name in existing and not overwrite:
        error(t("bank_exists", lang, name=name))
        return
    try:
        final = bank_from_dict(json.loads(json.dumps(content)))
        saved = store.save_bank(final, name, replace=overwrite, exclusive=not overwrite)
    except QuizgenError as e:
        data.show_error(e, lang)
        return
    _set_draft(final, saved.name)  # the editor restarts from what was saved
    ss[state.DRAFT_NOTE] = t("saved_bank", lang, name=saved.name, version=saved.version[:8])
    st.rerun()


@st.cache_data(max_entries=16, show_spinner=False)
def _built(bank_json: str, fmt: str, lang: str):
    from ..bank import loads_bank
    from .downloads import build

    return build(loads_bank(bank_json), fmt, lang)


def _downloads(bank: Bank, lang: str) -> None:
    """One format at a time: built when picked (never all eleven per draft), named by the title."""
    from ..exporters import EXPORTERS
    from .downloads import download_name

    st.subheader(t("download", lang))
    fmt = st.selectbox(
        t("choose_format", lang), list(EXPORTERS), index=None, key="export_format",
        placeholder=t("choose_format_placeholder", lang),
        format_func=lambda f: f"{f} ({EXPORTERS[f].suffix}) · {t('fmt_' + f.replace('-', '_'), lang)}",
    )  # fmt: skip
    if not fmt:
        return
    exp = EXPORTERS[fmt]
    with st.spinner(t("preparing_download", lang)):
        built = _built(bank.to_json(), fmt, lang)
    if built.problem:
        error(built.problem)
        return
    if built.carried < built.total:
        st.warning(t("carries_some", lang, fmt=fmt, carried=built.carried, total=built.total))
    else:
        st.info(t("carries_all", lang, fmt=fmt, total=built.total))
    for w in built.warnings:
        st.caption(md_escape(w))
    name = download_name(bank.title, exp)
    st.download_button(
        t("download_file", lang, name=name), data=built.data, file_name=name, key=f"dl_{fmt}", on_click="ignore",
        mime="application/octet-stream" if exp.binary else "text/plain", type="primary",
    )  # fmt: skip
