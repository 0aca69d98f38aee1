"""Keep answers out of plain sight: salted digests for exact answers, obfuscation for the rest.

This deters *peeking* (reading the library or a notebook to find an answer). It is not a
security boundary: anyone can brute-force a multiple-choice digest by trying every option, or
decode an obfuscated number with this module. Grading integrity comes from nbgrader's hidden tests
(see ``exercises/README.md``).

Forms
-----
digest         ``"d:" + 24 hex``: SHA-256 of a pepper, the exercise id, a role and the normalised
               answer. Salting with the exercise id makes the same word ("kidney") hash differently
               in every exercise, so a digest cannot be looked up in another exercise.
hidden number  ``"n:" + base64``: the IEEE-754 bytes XOR-ed with a key derived from the exercise id.
hidden text    ``"t:" + base64``: UTF-8 text XOR-ed with a key stream derived from the exercise id.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
import unicodedata
from typing import Iterable

__all__ = [
    "normalise",
    "digest",
    "matches",
    "hide_number",
    "reveal_number",
    "hide_text",
    "reveal_text",
    "is_digest",
]

# A fixed, public pepper: it only separates this course's digests from other uses of SHA-256.
_PEPPER = b"mgdlearn/exercises/v1"

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "µ": "u", "μ": "u"}


def normalise(text: str) -> str:
    """Normalise a free-text answer before hashing.

    Case-folded, Greek letters spelled out (``1α`` -> ``1alpha``), a leading "the"/"a"/"an"
    dropped, and everything except letters, digits and commas removed, so ``"The Liver"``,
    ``"liver."`` and ``" LIVER "`` all normalise to ``"liver"`` and ``"CYP 27B1"`` to ``"cyp27b1"``.

    Parameters
    ----------
    text : str
        The answer as typed.

    Returns
    -------
    str
        The normalised form (may be empty).
    """
    t = unicodedata.normalize("NFKC", str.__str__(text)).casefold()
    for greek, latin in _GREEK.items():
        t = t.replace(greek, latin)
    t = t.strip()
    t = re.sub(r"^(?:the|an|a)\s+", "", t)
    return re.sub(r"[^0-9a-z,]", "", t)


def digest(exercise_id: str, answer: str, role: str = "answer") -> str:
    """Return the salted digest of ``answer`` for ``exercise_id``.

    Parameters
    ----------
    exercise_id : str
        The exercise the answer belongs to (the salt), e.g. ``"L1.1"``.
    answer : str
        The answer text; it is normalised with :func:`normalise` first.
    role : str
        Separates different uses in one exercise (``"answer"``, ``"pick"``, ``"pos3"``, ``"fb"``).

    Returns
    -------
    str
        ``"d:"`` followed by 24 hexadecimal digits.
    """
    msg = b"\0".join([_PEPPER, exercise_id.encode(), role.encode(), normalise(answer).encode()])
    return "d:" + hashlib.sha256(msg).hexdigest()[:24]


def is_digest(value: object) -> bool:
    """Whether ``value`` looks like a digest made by :func:`digest`."""
    return isinstance(value, str) and re.fullmatch(r"d:[0-9a-f]{24}", value) is not None


def matches(exercise_id: str, answer: str, digests: Iterable[str], role: str = "answer") -> bool:
    """Whether ``answer`` hashes to one of ``digests`` (constant-time comparison)."""
    mine = digest(exercise_id, answer, role)
    found = False
    for d in digests:
        found |= hmac.compare_digest(mine, d)
    return found


def _keystream(exercise_id: str, purpose: bytes, n: int) -> bytes:
    out = b""
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(b"\0".join([_PEPPER, purpose, exercise_id.encode(), str(counter).encode()])).digest()
        counter += 1
    return out[:n]


def _xor(data: bytes, key: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, key))


def hide_number(exercise_id: str, value: float) -> str:
    """Obfuscate a number for ``exercise_id`` (see :func:`reveal_number`)."""
    raw = struct.pack(">d", float(value))
    return "n:" + base64.urlsafe_b64encode(_xor(raw, _keystream(exercise_id, b"num", 8))).decode()


def reveal_number(exercise_id: str, blob: str) -> float:
    """Recover a number hidden with :func:`hide_number`.

    Raises
    ------
    ValueError
        If ``blob`` is not a hidden number (``"n:..."``).
    """
    if not (isinstance(blob, str) and blob.startswith("n:")):
        raise ValueError(f"a hidden number starts with 'n:' (made by hide_number); got {blob!r:.40}")
    raw = base64.urlsafe_b64decode(blob[2:].encode())
    if len(raw) != 8:
        raise ValueError("a hidden number decodes to 8 bytes; this one is damaged")
    return struct.unpack(">d", _xor(raw, _keystream(exercise_id, b"num", 8)))[0]


def hide_text(exercise_id: str, text: str) -> str:
    """Obfuscate a text (an explanation that names the answer) for ``exercise_id``."""
    raw = text.encode("utf-8")
    return "t:" + base64.urlsafe_b64encode(_xor(raw, _keystream(exercise_id, b"text", len(raw)))).decode()


def reveal_text(exercise_id: str, blob: str) -> str:
    """Recover a text hidden with :func:`hide_text`; plain text (no ``"t:"`` prefix) is returned as is."""
    if not blob.startswith("t:"):
        return blob
    raw = base64.urlsafe_b64decode(blob[2:].encode())
    return _xor(raw, _keystream(exercise_id, b"text", len(raw))).decode("utf-8")
