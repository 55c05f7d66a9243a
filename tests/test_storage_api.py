"""The storage API, run unchanged on SQLite and on a throw-away PostgreSQL (``store`` fixture,
parametrised in ``pg_server``): banks and versions, classes and rosters, assignments,
resumable attempts, idempotent submission, results, audit, secrets, login failures."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.storage import (
    AttemptRefused,
    NameTaken,
    NotFound,
    StorageError,
    bank_version,
    close_store,
    open_store,
)
from quizgen.storage.people import CODE_ALPHABET

pytest_plugins = ["pg_server"]  # fixtures store, store_url, pg_server

BUNDLED = Path(__file__).parent.parent / "question_banks"
UTC = dt.UTC
KEYS = {"c-pyongyang": "Pyongyang", "m-sekutu": "Rusia", "m-kawasan": "Asia-Pasifik", "tf-rabu": "Benar",
        "tf-jepang": "Salah", "s-nuklir": "program nuklir", "s-putin": "Vladimir Putin",
        "c-semenanjung": "Semenanjung"}  # fmt: skip


@pytest.fixture
def bank(app_bank_file):
    return read_bank(app_bank_file)


def _published(store, bank, **rules):
    v = store.save_bank(bank, "kim-putin.json")
    return v, store.publish(v.version, "7a", title="Kim dan Putin", **rules)


# -- banks and versions --------------------------------------------------------------------
def test_versions_are_content_hashes_and_immutable(store, bank):
    first = store.save_bank(bank, "kim-putin.json")
    again = store.save_bank(bank, "kim-putin.json")
    assert first.version == again.version == bank_version(bank)
    edited = bank.with_items(bank.items[1:])
    second = store.save_bank(edited, "kim-putin.json")
    assert second.version != first.version
    assert [v.version for v in store.bank_versions("kim-putin.json")] == [second.version, first.version]
    assert store.load_version(first.version) == bank  # the old version is still whole
    assert store.load_bank("kim-putin.json") == edited
    (summary,) = store.list_banks()
    assert (summary.name, summary.version, summary.n_items, summary.n_versions) == (
        "kim-putin.json", second.version, len(bank.items) - 1, 2)  # fmt: skip
    with pytest.raises(NotFound):
        store.load_version("0123456789abcdef")


def test_a_name_held_by_another_bank_is_refused_unless_replace(store, bank):
    from dataclasses import replace

    store.save_bank(bank, "quiz.json")
    other = replace(bank, id="another-bank")
    with pytest.raises(NameTaken, match="already exists"):
        store.save_bank(other, "quiz.json")
    assert store.save_bank(other, "quiz.json", replace=True).bank_id == "another-bank"
    with pytest.raises(NameTaken):
        store.save_bank(bank, "quiz.json", exclusive=True)
    assert store.delete_bank("quiz.json") is True
    assert store.delete_bank("quiz.json") is False
    assert store.list_banks() == [] and store.bank_versions("quiz.json") == []
    with pytest.raises(StorageError):
        store.save_bank(bank, "  ")


def test_bundled_banks_are_imported_once_and_read_only(store, bank):
    first = store.import_bundled(BUNDLED)
    assert len(first) >= 2 and all(v.read_only for v in first)
    again = store.import_bundled(BUNDLED)
    assert [v.version for v in again] == [v.version for v in first]
    assert all(s.n_versions == 1 and s.read_only for s in store.list_banks())
    name = first[0].name
    with pytest.raises(NameTaken, match="bundled"):
        store.save_bank(store.load_bank(name), name)
    with pytest.raises(NameTaken, match="bundled"):
        store.delete_bank(name)


def test_two_teachers_racing_for_a_new_name_one_wins(store, bank):
    won, refused = [], []
    barrier = threading.Barrier(6)

    def worker(n):
        barrier.wait()
        try:
            won.append(store.save_bank(bank.with_items(bank.items[: n + 1]), "race.json", exclusive=True))
        except NameTaken:
            refused.append(n)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1 and len(refused) == 5
    assert store.load_bank("race.json").items == bank.items[: won[0].n_items]


# -- classes, rosters, identity ------------------------------------------------------------
def test_roster_codes_and_verification(store):
    info = store.create_class(" 7a ")
    assert info.code == "7A" and not info.open_names
    assert store.create_class("7A").created_at == info.created_at  # idempotent
    pairs = store.add_students("7a", ["Sari Dewi", "Budi", "  "])
    assert [n for n, _ in pairs] == ["Sari Dewi", "Budi"]
    codes = [c for _, c in pairs]
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes) and len(set(codes)) == 2
    assert store.add_students("7A", ["sari  dewi"]) == [("Sari Dewi", codes[0])]  # same student
    assert [s.name for s in store.roster("7A")] == ["Budi", "Sari Dewi"]
    assert store.verify_student("7a", "SARI DEWI", codes[0].lower())
    assert not store.verify_student("7A", "Sari Dewi", codes[1])
    assert not store.verify_student("7A", "Mallory", codes[0])
    assert not store.verify_student("8B", "Budi", codes[1])  # no such class
    store.create_class("8B", open_names=True)
    assert store.verify_student("8B", "Anyone", "") and not store.verify_student("8B", " ", "")
    with pytest.raises(NotFound):
        store.add_students("9Z", ["X"])


# -- assignments ---------------------------------------------------------------------------
def test_assignments_by_class_and_time(store, bank):
    v = store.save_bank(bank, "kim-putin.json")
    t0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    a = store.publish(v.version, "7A", title="", opens_at=t0, closes_at=t0 + dt.timedelta(hours=1),
                      time_limit_min=10, attempts_allowed=2, shuffle_questions=True, show_keys="at_once")  # fmt: skip
    b = store.publish(v.version, "7a", title="Latihan")
    store.publish(v.version, "8B", title="Other class")
    assert a.title == bank.title and a.quiz == "kim-putin.json" and a.class_code == "7A"
    assert store.get_assignment(a.id) == a
    assert {x.id for x in store.assignments_for("7A", t0)} == {a.id, b.id}
    assert [x.id for x in store.assignments_for("8B", t0)] != [] and a.id not in {
        x.id for x in store.assignments_for("8B", t0)}  # fmt: skip
    assert a.state(t0 - dt.timedelta(minutes=1)) == "upcoming" and a.state(t0) == "open"
    assert a.state(t0 + dt.timedelta(hours=1)) == "closed"
    late = t0 + dt.timedelta(hours=2)
    assert [x.id for x in store.assignments_for("7A", late, include_closed=False)] == [b.id]
    store.unpublish(b.id)
    assert [x.id for x in store.assignments_for("7A", t0)] == [a.id]
    assert not store.get_assignment(b.id).active
    with pytest.raises(StorageError):
        store.publish(v.version, "7A", title="x", show_keys="sometimes")
    with pytest.raises(StorageError, match="after the open time"):
        store.publish(v.version, "7A", title="x", opens_at=t0, closes_at=t0)
    with pytest.raises(NotFound):
        store.publish("0000000000000000", "7A", title="x")


# -- attempts: resume, autosave, submit once, versions -------------------------------------
def test_resume_on_another_device_keeps_token_start_and_answers(store, bank):
    _, a = _published(store, bank, time_limit_min=10)
    first = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id)
    assert not first.resumed and first.deadline == first.started_at + dt.timedelta(minutes=10)
    assert store.save_draft(first.token, {"c-pyongyang": "Pyongyang", "m-sekutu": None})
    assert store.save_draft(first.token, {"c-pyongyang": "Pyongyang", "m-sekutu": "Rusia"})
    again = store.start_attempt(student=" sari ", class_code="7a", assignment_id=a.id)  # reload / phone
    assert again.resumed and again.token == first.token and again.started_at == first.started_at
    assert again.answers == {"c-pyongyang": "Pyongyang", "m-sekutu": "Rusia"}
    assert again.shuffle_seed == first.shuffle_seed
    other = store.start_attempt(student="Budi", class_code="7A", assignment_id=a.id)
    assert other.token != first.token
    with pytest.raises(NotFound):
        store.save_draft("no-such-token", {})


def test_submit_is_idempotent_and_uses_up_the_attempts_allowed(store, bank):
    _, a = _published(store, bank, attempts_allowed=1)
    att = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id)
    saved = store.submit(att.token, score(bank, KEYS), KEYS)
    assert saved.created and not saved.practice
    retry = store.submit(att.token, score(bank, {}), {})  # a retry after a lost reply
    assert not retry.created and retry.attempt_id == saved.attempt_id
    assert store.count_attempts() == 1
    assert store.attempts_frame().loc[0, "correct"] == 8
    assert not store.save_draft(att.token, {"c-pyongyang": "x"})  # submitted: autosave ignored
    assert store.get_attempt(att.token).status == "submitted"
    with pytest.raises(AttemptRefused) as refused:
        store.start_attempt(student="SARI", class_code="7A", assignment_id=a.id)
    assert refused.value.code == "attempts_used_up"
    # practice rounds: allowed, resumable, never stored as results
    p = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id, practice=True)
    done = store.submit(p.token, None, KEYS)
    assert done.practice and done.attempt_id == 0 and store.count_attempts() == 1


def test_closed_unopened_unpublished_and_wrong_class_are_refused(store, bank):
    v = store.save_bank(bank, "kim-putin.json")
    now = dt.datetime.now(UTC)
    closed = store.publish(v.version, "7A", title="t", closes_at=now - dt.timedelta(minutes=1))
    soon = store.publish(v.version, "7A", title="t", opens_at=now + dt.timedelta(hours=1))
    gone = store.publish(v.version, "7A", title="t")
    store.unpublish(gone.id)
    for aid, code in ((closed.id, "closed"), (soon.id, "not_open_yet"), (gone.id, "unpublished")):
        with pytest.raises(AttemptRefused) as e:
            store.start_attempt(student="Sari", class_code="7A", assignment_id=aid)
        assert e.value.code == code and str(e.value)
    ok = store.publish(v.version, "7A", title="t")
    with pytest.raises(AttemptRefused) as e:
        store.start_attempt(student="Sari", class_code="8B", assignment_id=ok.id)
    assert e.value.code == "wrong_class"


def test_a_teacher_edit_during_an_attempt_does_not_change_its_score(store, bank):
    """Issue 11, problem 1: question 1 deleted and saved over the quiz mid-attempt."""
    v1, a = _published(store, bank)
    att = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id)
    store.save_bank(bank.with_items(bank.items[1:]), "kim-putin.json")  # the teacher's edit
    edited = store.load_bank("kim-putin.json")
    wrong = score(edited, KEYS)  # a score on the edited bank is not this attempt's
    saved = store.submit(att.token, wrong, KEYS)
    row = store.attempts_frame().iloc[0]
    assert (row["correct"], row["total"], row["version"]) == (8, 8, v1.version)
    assert store.attempt_answers(saved.attempt_id) == KEYS
    assert len(store.answers_frame(version=v1.version)) == 8


def test_without_an_assignment_attempts_resume_by_version(store, bank):
    v = store.save_bank(bank, "kim-putin.json")
    a1 = store.start_attempt(student="Sari", version=v.version)
    assert a1.class_code == "" and a1.quiz == "kim-putin.json" and a1.deadline is None
    assert store.start_attempt(student="Sari", version=v.version).token == a1.token
    store.submit(a1.token, None, {"c-pyongyang": "Pyongyang"})
    a2 = store.start_attempt(student="Sari", version=v.version)  # unlimited: a new attempt
    assert a2.token != a1.token and not a2.resumed
    with pytest.raises(StorageError):
        store.start_attempt(student="Sari")
    with pytest.raises(StorageError, match="name"):
        store.start_attempt(student="  ", version=v.version)


def test_same_token_submitted_from_many_threads_stores_once(store, bank):
    _, a = _published(store, bank)
    att = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id)
    barrier = threading.Barrier(12)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(store.submit(att.token, score(bank, KEYS), KEYS))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(r.created for r in results) == 1 and len({r.attempt_id for r in results}) == 1
    assert store.count_attempts() == 1 and len(store.answers_frame()) == 8


def test_one_student_starting_on_two_devices_at_once_gets_one_attempt(store, bank):
    _, a = _published(store, bank)
    barrier = threading.Barrier(8)
    tokens, errors = [], []

    def worker():
        try:
            barrier.wait()
            tokens.append(store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id).token)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(tokens)) == 1


# -- results, deletion, audit --------------------------------------------------------------
def test_results_filter_by_quiz_version_and_class_and_delete_is_logged(store, bank):
    v, a = _published(store, bank, attempts_allowed=3)
    b = store.publish(v.version, "8B", title="Kim")
    for name, aid, code in (("Sari", a.id, "7A"), ("Budi", a.id, "7A"), ("Ani", b.id, "8B")):
        att = store.start_attempt(student=name, class_code=code, assignment_id=aid)
        store.submit(att.token, None, KEYS if name != "Budi" else {})
    assert len(store.attempts_frame()) == 3
    assert set(store.attempts_frame(class_code="7a")["student"]) == {"Sari", "Budi"}
    assert len(store.attempts_frame(quiz="kim-putin.json", version=v.version)) == 3
    assert store.attempts_frame(quiz="other.json").empty
    assert len(store.answers_frame(class_code="8B")) == 8
    records = store.results_records(class_code="7A")
    assert [r["student"] for r in records] == ["Sari", "Budi"]
    assert {k for k in records[0]} >= {"student", "class_code", "quiz", "version", "submitted_at", "correct",
                                      "total", "percent", "answers"}  # fmt: skip
    assert records[1]["correct"] == 0 and len(records[1]["answers"]) == 8
    json.dumps(records)  # plain values only
    budi = int(store.attempts_frame(class_code="7A").set_index("student").loc["Budi", "attempt_id"])
    store.delete_attempt(budi, by="teacher Bu Rina")
    assert store.count_attempts() == 2 and len(store.answers_frame()) == 16
    log = store.audit_frame()
    row = log[log["action"] == "delete_attempt"].iloc[0]
    assert row["actor"] == "teacher Bu Rina" and json.loads(row["detail"])["student"] == "Budi"
    with pytest.raises(NotFound):
        store.delete_attempt(budi, by="teacher")


def test_unfinished_attempts_are_listed_for_follow_up(store, bank):
    _, a = _published(store, bank)
    att = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id)
    store.save_draft(att.token, {"c-pyongyang": "P", "m-sekutu": "Rusia"})
    store.start_attempt(student="Budi", class_code="7A", assignment_id=a.id, practice=True)
    frame = store.open_attempts_frame(class_code="7A")
    assert list(frame["student"]) == ["Sari"] and frame.loc[0, "answered"] == 2


# -- teacher auth support ------------------------------------------------------------------
def test_server_secret_is_made_once_and_survives_reopening(store_url):
    first = open_store(store_url).server_secret("teacher")
    assert len(first) >= 40 and open_store(store_url).server_secret("teacher") == first
    assert open_store(store_url).server_secret("session") != first
    close_store(store_url)  # a restarted process, or another replica
    assert open_store(store_url).server_secret("teacher") == first


def test_login_failures_count_in_a_window_and_clear(store):
    key = "ip:127.0.0.1"
    t0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert store.login_failures(key, now=t0) == 0
    assert [store.record_login_failure(key, now=t0 + dt.timedelta(seconds=n)) for n in range(3)] == [1, 2, 3]
    assert store.login_failures(key, now=t0 + dt.timedelta(minutes=5)) == 3
    assert store.login_failures("other", now=t0) == 0
    quiet = t0 + dt.timedelta(minutes=16)  # 15 quiet minutes: the count starts again
    assert store.login_failures(key, now=quiet) == 0
    assert store.record_login_failure(key, now=quiet) == 1
    assert store.record_login_failure(key, now=quiet, window_s=60) == 2
    store.clear_login_failures(key)
    assert store.login_failures(key, now=quiet) == 0


def test_the_old_module_functions_work_on_either_backend(store_url, bank):
    from quizgen.storage import answers_frame, attempts_frame, count_attempts, new_token, save_attempt

    token = new_token()
    first = save_attempt(bank, score(bank, KEYS), KEYS, student="Sari", token=token, path=store_url)
    again = save_attempt(bank, score(bank, {}), {}, student="Sari", token=token, path=store_url)
    assert first.created and not again.created and first.attempt_id == again.attempt_id
    assert count_attempts(path=store_url) == 1
    row = attempts_frame(bank.id, path=store_url).iloc[0]
    assert (row["correct"], row["version"]) == (8, bank_version(bank))
    assert len(answers_frame(path=store_url)) == 8
    assert open_store(store_url).load_version(row["version"]) == bank
