"""The teacher passcode, the teacher's session token and the lockout after wrong tries.

Where the passcode comes from, first found wins: the environment variable
``QUIZGEN_TEACHER_PASSWORD``; ``QUIZGEN_TEACHER_PASSWORD`` in Streamlit secrets
(``.streamlit/secrets.toml``); else a random passcode made once per server process and
printed to its console (as Jupyter does with its token). The generated passcode lives in
this module (:class:`_Once`), not in a Streamlit cache: a browser can ask the server to clear
Streamlit's caches (the "Clear cache" menu item sends that message over the websocket),
and that must not change the passcode.

It is compared in constant time; a wrong one is refused with no hint. After
:data:`SESSION_TRIES` wrong tries a session waits (30 s, doubling, at most 5 minutes), and
after :data:`ADDRESS_TRIES` wrong tries from one network address every session from that
address waits :data:`ADDRESS_LOCK_S` seconds: a fixed, short lock that further tries do not
extend, so a prankster cannot keep the real teacher out for long. Address counts live in the
database (``login_failures``), so replicas share them; behind the shipped nginx (a loopback
peer) the address is the one nginx forwards (:func:`client_address`).

After login the session holds a signed token that expires (:data:`TOKEN_HOURS`); it is put
in the page's address (``?teacher=...``) so a reload keeps the teacher logged in. The token
never holds the passcode; it is signed with a key made for this server process and the
passcode, so changing the passcode or restarting the server ends every session, and logout
revokes it. The login
form gets a fresh widget key on every login and logout and clears on submit, so it never
shows a passcode typed before.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import sys
import threading
import time
from collections.abc import Callable

import streamlit as st

from . import state
from .strings import t

ENV = "QUIZGEN_TEACHER_PASSWORD"
TOKEN_PARAM = "teacher"
TOKEN_HOURS = 8
SESSION_TRIES = 5
SESSION_LOCK_S = 30.0
SESSION_LOCK_MAX_S = 300.0
ADDRESS_TRIES = 20
ADDRESS_WINDOW_S = 600.0
ADDRESS_LOCK_S = 300.0

_TOKEN = "teacher_token"  # session keys of this module
_ROUND = "login_round"
_SESSION_ID = "auth_session_id"

_TEXTS = {
    "id": {
        "locked": "Terlalu banyak percobaan yang salah. Coba lagi dalam {seconds} detik.",
        "expired": "Sesi guru sudah berakhir; masukkan kode akses lagi.",
    },
    "en": {
        "locked": "Too many wrong tries. Try again in {seconds} seconds.",
        "expired": "The teacher session has ended; enter the passcode again.",
    },
}


def _text(key: str, lang: str, **fields) -> str:
    return _TEXTS.get(lang, _TEXTS["en"])[key].format(**fields)


class _Once:
    """A value made once per process on first use, under a lock (no Streamlit cache)."""

    def __init__(self, make: Callable[[], object]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._value: object | None = None

    def __call__(self):
        with self._lock:
            if self._value is None:
                self._value = self._make()
            return self._value

    def clear(self) -> None:
        """Forget the value (tests only: no message from a browser reaches this)."""
        with self._lock:
            self._value = None


def _make_passcode() -> str:
    code = secrets.token_urlsafe(12)
    print(
        f"\n  quizgen: teacher passcode for this server: {code}\n  (set {ENV} to choose your own)\n",
        file=sys.stderr,
        flush=True,
    )
    return code


_generated_passcode = _Once(_make_passcode)


def _make_signing_key() -> bytes:
    """The key that signs teacher tokens: random bytes made once per server process, so a
    token (revoked or not) never outlives the process that issued it."""
    return secrets.token_bytes(32)


_signing_key = _Once(_make_signing_key)


def _from_secrets() -> str:
    try:
        value = st.secrets.get(ENV, "")
    except Exception:  # no secrets file at all: Streamlit raises rather than returning nothing
        return ""
    return str(value or "")


def passcode() -> str:
    """The teacher passcode in force (see the module docstring for where it comes from)."""
    return os.environ.get(ENV, "").strip() or _from_secrets().strip() or _generated_passcode()


def check(given: str) -> bool:
    """Constant-time comparison of a passcode attempt."""
    return hmac.compare_digest(str(given).encode("utf-8"), passcode().encode("utf-8"))


# --- tokens -----------------------------------------------------------------------------

_revoked: dict[str, float] = {}  # token nonce -> its expiry (kept until then)
_revoked_lock = threading.Lock()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _sign(body: str) -> str:
    key = hmac.new(_signing_key(), passcode().encode("utf-8"), hashlib.sha256).digest()
    return _b64(hmac.new(key, body.encode("ascii"), hashlib.sha256).digest())


def issue_token(now: float | None = None) -> str:
    """A new teacher token: ``expiry.nonce.signature`` (no passcode in it)."""
    expiry = int((now or time.time()) + TOKEN_HOURS * 3600)
    body = f"{expiry}.{_b64(secrets.token_bytes(12))}"
    return f"{body}.{_sign(body)}"


def token_ok(token: str | None, now: float | None = None) -> bool:
    """Whether ``token`` was issued by this server for the current passcode, is not expired
    and was not revoked."""
    if not token or not isinstance(token, str) or len(token) > 200 or token.count(".") != 2:
        return False
    expiry, nonce, sig = token.split(".")
    if not hmac.compare_digest(sig, _sign(f"{expiry}.{nonce}")):
        return False
    try:
        if int(expiry) < (now or time.time()):
            return False
    except ValueError:
        return False
    with _revoked_lock:
        return nonce not in _revoked


def revoke_token(token: str | None) -> None:
    """End ``token`` (logout); revocations are forgotten once the token would have expired."""
    if not token or token.count(".") != 2:
        return
    expiry, nonce, _ = token.split(".")
    now = time.time()
    with _revoked_lock:
        for old in [n for n, e in _revoked.items() if e < now]:
            del _revoked[old]
        try:
            _revoked[nonce] = float(expiry)
        except ValueError:
            pass


# --- lockout ------------------------------------------------------------------------------


class Throttle:
    """Wrong tries counted per session (in this process) and per network address (in the
    database, so every replica sees the same count), and the locks they cause.

    An address is locked for :data:`ADDRESS_LOCK_S` after :data:`ADDRESS_TRIES` wrong tries
    (each within :data:`ADDRESS_WINDOW_S` of the one before); tries during the lock are not
    counted and do not extend it, and the count starts again after it: one prankster, or a
    whole class behind one address, keeps the real teacher out for at most 5 minutes at a time.
    When the database cannot be reached the address is not counted (the session still is).
    """

    def __init__(self, store: Callable[[], object] | None = None) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, tuple[int, float]] = {}  # id -> (wrong tries, locked until)
        self._store = store

    def _db(self):
        if self._store is not None:
            return self._store()
        from .data import store

        return store()

    def _address_wait(self, address: str, now: float) -> float:
        from ..errors import QuizgenError

        try:
            locked = self._db().last_login_failure("lock:" + address)
        except QuizgenError:
            return 0.0
        if locked is None:
            return 0.0
        return max(0.0, locked.timestamp() + ADDRESS_LOCK_S - now)

    def wait(self, session: str, address: str, now: float | None = None) -> float:
        """Seconds this session must wait before its next try (0: it may try now)."""
        now = time.time() if now is None else now
        with self._lock:
            s_until = self._sessions.get(session, (0, 0.0))[1]
        a_wait = self._address_wait(address, now) if address else 0.0
        return max(0.0, s_until - now, a_wait)

    def failed(self, session: str, address: str, now: float | None = None) -> None:
        """Count a wrong try (ignored while locked: tries then do not extend the lock)."""
        import datetime as _dt

        from ..errors import QuizgenError

        now = time.time() if now is None else now
        with self._lock:
            count, until = self._sessions.get(session, (0, 0.0))
            if until <= now:
                count += 1
                if count >= SESSION_TRIES:
                    extra = count - SESSION_TRIES
                    until = now + min(SESSION_LOCK_S * 2**extra, SESSION_LOCK_MAX_S)
                self._sessions[session] = (count, until)
            if len(self._sessions) > 10_000:  # forget the oldest unlocked sessions
                for key in list(self._sessions)[:5_000]:
                    if self._sessions[key][1] <= now:
                        del self._sessions[key]
        if not address or self._address_wait(address, now) > 0:
            return
        when = _dt.datetime.fromtimestamp(now, _dt.UTC)
        try:
            db = self._db()
            n = db.record_login_failure("addr:" + address, window_s=int(ADDRESS_WINDOW_S), now=when)
            if n >= ADDRESS_TRIES:
                db.clear_login_failures("lock:" + address)  # a fresh lock from now, not a longer one
                db.record_login_failure("lock:" + address, window_s=int(ADDRESS_LOCK_S), now=when)
                db.clear_login_failures("addr:" + address)
        except QuizgenError:
            pass  # the database is away: only the session is counted

    def succeeded(self, session: str) -> None:
        with self._lock:
            self._sessions.pop(session, None)


THROTTLE = Throttle()
TRUSTED_PROXIES_ENV = "QUIZGEN_TRUSTED_PROXIES"
_LOOPBACK = ("127.", "::1", "::ffff:127.")


def client_address(peer: str | None, headers, trusted: str = "") -> str:
    """The visitor's address: the direct peer, or, when the peer is a trusted proxy (loopback,
    as Streamlit reports it with ``peer`` None, or an address in ``trusted``, comma-separated),
    the address that proxy saw: ``X-Real-IP``, else the rightmost ``X-Forwarded-For`` entry
    that is not itself a trusted proxy. A client cannot choose its address by sending these
    headers itself: they are read only from a trusted peer, and nginx's
    ``$proxy_add_x_forwarded_for`` appends the real peer after whatever the client sent.

    Example:
        >>> client_address(None, {"X-Forwarded-For": "6.6.6.6, 10.1.2.3"})
        '10.1.2.3'
        >>> client_address("10.9.9.9", {"X-Forwarded-For": "6.6.6.6"})
        '10.9.9.9'
    """
    proxies = {a.strip() for a in trusted.split(",") if a.strip()}

    def is_proxy(addr: str) -> bool:
        return addr.startswith(_LOOPBACK) or addr in proxies

    if peer and not is_proxy(peer):
        return peer
    get = headers.get if hasattr(headers, "get") else dict(headers).get
    real = (get("X-Real-IP") or "").strip()
    if real:
        return real
    for addr in reversed([a.strip() for a in (get("X-Forwarded-For") or "").split(",")]):
        if addr and not is_proxy(addr):
            return addr
    return peer or ""


def _address() -> str:
    """The visitor's network address ("" when unknown: then only the session is counted)."""
    try:
        headers = st.context.headers
        peer = st.context.ip_address
    except Exception:  # outside a served page
        return ""
    return client_address(peer, headers or {}, os.environ.get(TRUSTED_PROXIES_ENV, ""))


def _session_id() -> str:
    if _SESSION_ID not in st.session_state:
        st.session_state[_SESSION_ID] = secrets.token_hex(8)
    return st.session_state[_SESSION_ID]


# --- the page guard ---------------------------------------------------------------------


def _input_key() -> str:
    """The passcode field's key: new on every login and logout, so the browser cannot send an
    earlier value back into it."""
    n = st.session_state.get(_ROUND, 0)
    return "passcode_input" if n == 0 else f"passcode_input_{n}"


def _next_round() -> None:
    old = _input_key()
    st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
    st.session_state.pop(old, None)


def logout() -> None:
    """End the teacher session: revoke its token, drop it from the address, clear the draft."""
    ss = st.session_state
    revoke_token(ss.get(_TOKEN))
    ss[_TOKEN] = None
    ss[state.TEACHER_OK] = False
    ss[state.DRAFT] = None
    if TOKEN_PARAM in st.query_params:
        del st.query_params[TOKEN_PARAM]
    _next_round()


def _restore_from_token(lang: str) -> None:
    """Log the session in from a valid token in the page address (a reload)."""
    ss = st.session_state
    token = st.query_params.get(TOKEN_PARAM)
    if ss.get(state.TEACHER_OK):
        if ss.get(_TOKEN) and not token_ok(ss[_TOKEN]):
            logout()
            st.info(_text("expired", lang))
        return
    if token and token_ok(token):
        ss[state.TEACHER_OK] = True
        ss[_TOKEN] = token
    elif token:
        del st.query_params[TOKEN_PARAM]
        st.info(_text("expired", lang))


def require_teacher(lang: str) -> None:
    """Show the passcode form and stop the page unless this session is logged in as teacher."""
    ss = st.session_state
    _restore_from_token(lang)
    if ss.get(state.TEACHER_OK):
        token = ss.get(_TOKEN)
        if token and st.query_params.get(TOKEN_PARAM) != token:
            st.query_params[TOKEN_PARAM] = token  # the address keeps the session over a reload
        if st.sidebar.button(t("logout", lang), key="logout"):
            logout()
            st.rerun()
        return
    st.subheader(t("teacher_login", lang))
    with st.form("teacher_login", clear_on_submit=True):
        given = st.text_input(t("passcode", lang), type="password", key=_input_key())
        sent = st.form_submit_button(t("enter", lang))
    if sent:
        session, address = _session_id(), _address()
        wait = THROTTLE.wait(session, address)
        if wait > 0:
            st.error(_text("locked", lang, seconds=int(wait) + 1))
        elif given and check(given):
            THROTTLE.succeeded(session)
            ss[state.TEACHER_OK] = True
            ss[_TOKEN] = issue_token()
            st.query_params[TOKEN_PARAM] = ss[_TOKEN]
            _next_round()
            st.rerun()
        else:
            if given:  # an empty field is no guess
                THROTTLE.failed(session, address)
            time.sleep(0.5)  # slows guessing a little
            st.error(t("wrong_passcode", lang))
    st.stop()
