"""Make the stored form of an answer for the exercise bank.

Usage::

    python -m mgdlearn.exercises.digest L1.1 b                 # digest of one answer (choice key or word)
    python -m mgdlearn.exercises.digest L1.1 liver hepatic     # several (synonyms, or wrong answers for feedback)
    python -m mgdlearn.exercises.digest ex1.4 --pick a c       # multiple select: digests of the right keys
    python -m mgdlearn.exercises.digest ex1.3 --order c a d b  # ordering: positions, and the order's digest
    python -m mgdlearn.exercises.digest L1.2 --number 49.92    # a hidden number for Numeric(target=...)
    python -m mgdlearn.exercises.digest L1.1 --text "The liver ..."   # a hidden explanation

Each line prints a Python literal ready to paste into a bank module.
"""
from __future__ import annotations

import argparse
import sys

from mgdlearn.exercises import hiding

__all__ = ["main", "lines"]


def lines(exercise_id: str, values: list[str], *, mode: str = "answer") -> list[str]:
    """The output lines for ``values`` in ``mode`` (``answer``, ``pick``, ``order``, ``number``, ``text``).

    Raises
    ------
    ValueError
        For an unknown mode or a value that is not a number in ``number`` mode.
    """
    if mode == "answer":
        return [f"{v!r}: {hiding.digest(exercise_id, v)!r}" for v in values]
    if mode == "pick":
        return [f"{v!r}: {hiding.digest(exercise_id, v, 'pick')!r}" for v in values]
    if mode == "order":
        positions = tuple(hiding.digest(exercise_id, v, f"pos{i}") for i, v in enumerate(values))
        return [f"positions={positions!r}",
                f"order {','.join(values)!r}: {hiding.digest(exercise_id, ','.join(values), 'order')!r}"]
    if mode == "number":
        out = []
        for v in values:
            try:
                x = float(v)
            except ValueError:
                raise ValueError(f"--number takes numbers such as 49.92; got {v!r}") from None
            out.append(f"{v}: {hiding.hide_number(exercise_id, x)!r}")
        return out
    if mode == "text":
        return [repr(hiding.hide_text(exercise_id, " ".join(values)))]
    raise ValueError(f"mode must be one of answer, pick, order, number, text; got {mode!r}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m mgdlearn.exercises.digest",
                                     description="Make digests and hidden values for the exercise bank.")
    parser.add_argument("exercise_id", help="e.g. L1.1 or ex2.3 (the salt)")
    parser.add_argument("values", nargs="+", help="answers (choice keys, words), keys, or numbers")
    group = parser.add_mutually_exclusive_group()
    for flag in ("pick", "order", "number", "text"):
        group.add_argument(f"--{flag}", dest="mode", action="store_const", const=flag)
    args = parser.parse_args(argv)
    from mgdlearn.exercises.bank import parse_id

    try:
        parse_id(args.exercise_id)
        out = lines(args.exercise_id, args.values, mode=args.mode or "answer")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
