"""Scores the engine on the labelled development corpus (../shared/corpus/dev/sentences.jsonl).

Prints the sentence-level confusion matrix (gold label × what econcheck said), the headline rates
against the targets of the engine issue, and the misses. Cases tagged `policy` or `marginal` are
reported apart, as the corpus README asks. Exits 0 with a message when the corpus is absent, so
the developer loop never depends on it. `--misses` lists every sentence scored wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from service import check_text
from service.engine.verdict import Verdict

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "sentences.jsonl"
SET_APART = {"policy", "marginal"}
OUTCOMES = ("consistent", "flagged", "unverifiable", "no_claims")


# Corpus claim kinds and the engine's finding kinds that check them.
KINDS = {
    "pct_change": {"percent_change"},
    "abs_change": {"absolute_change"},
    "pp_change": {"pp_change", "bps_change"},
    "multiple": {"multiple"},
    "conversion": {"unit_conversion"},
    "share": {"share"},
}


def claim_outcomes(case: dict, findings: list) -> list[tuple[str, str]]:
    """(kind, found|missed|wrong) per labelled claim: found when a finding of that kind uses the
    claim's figures and agrees with its verdict."""
    rows = []
    for claim in case["claims"]:
        numbers = {
            text.split(" ", 1)[-1] if text.startswith(("approximately", "about")) else text
            for text in claim["numbers"].values()
        }
        matching = [
            f
            for f in findings
            if f.kind in KINDS.get(claim["kind"], set())
            and any(
                any(n.endswith(u.quantity.text) or u.quantity.text in n for n in numbers)
                for u in f.figures
            )
        ]
        if not matching:
            rows.append((claim["kind"], "missed"))
            continue
        flagged = any(f.verdict.flagged for f in matching)
        right = flagged == (claim["verdict"] == "inconsistent")
        rows.append((claim["kind"], "found" if right else "wrong"))
    return rows


def kind_table(per_claim: list[tuple[str, str]]) -> None:
    counts = Counter(per_claim)
    print("\nPer claim kind (labelled claims: verdict matched / wrong / not recognised)")
    for kind in sorted({k for k, _ in per_claim}):
        found, wrong, missed = (counts[(kind, o)] for o in ("found", "wrong", "missed"))
        total = found + wrong + missed
        print(
            f"  {kind:<12} {total:>4} claims: {found:>4} matched, {wrong:>3} wrong, {missed:>3} missed"
        )


def outcome(text: str) -> str:
    verdicts = [finding.verdict for finding in check_text(text).findings]
    if any(verdict.flagged for verdict in verdicts):
        return "flagged"
    if Verdict.CONSISTENT in verdicts:
        return "consistent"
    return "unverifiable" if verdicts else "no_claims"


def matrix(rows: list[tuple[str, str]], title: str) -> None:
    counts = Counter(rows)
    labels = ("consistent", "inconsistent", "none")
    print(f"\n{title} ({len(rows)} sentences)")
    header = "gold / said"
    print(f"{header:<14}" + "".join(f"{o:>14}" for o in OUTCOMES))
    for label in labels:
        print(f"{label:<14}" + "".join(f"{counts[(label, o)]:>14}" for o in OUTCOMES))


def rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {100 * hits / total:.1f}%" if total else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--misses", action="store_true", help="list every sentence scored wrong")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"eval: corpus not found at {args.corpus}; skipping (it lives in ../shared).")
        return 0
    cases = [
        json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line
    ]
    scored = [(case, outcome(case["text"])) for case in cases]
    main_rows = [(c["label"], o) for c, o in scored if not SET_APART & set(c.get("tags", []))]
    apart_rows = [(c["label"], o) for c, o in scored if SET_APART & set(c.get("tags", []))]
    matrix(main_rows, "Headline (without policy/marginal cases)")
    matrix(apart_rows, "Policy and marginal cases, reported apart")
    count = Counter(main_rows)
    consistent = sum(v for (label, _), v in count.items() if label == "consistent")
    inconsistent = sum(v for (label, _), v in count.items() if label == "inconsistent")
    none = sum(v for (label, _), v in count.items() if label == "none")
    kind_table(
        [
            row
            for case, _ in scored
            for row in claim_outcomes(case, list(check_text(case["text"]).findings))
        ]
    )
    print("\nTargets")
    print(f"  false alarms (consistent flagged), target 0: {count[('consistent', 'flagged')]}")
    print(
        f"  inconsistent flagged, target >= 98%: {rate(count[('inconsistent', 'flagged')], inconsistent)}"
    )
    print(
        f"  consistent judged consistent, target >= 95%: {rate(count[('consistent', 'consistent')], consistent)}"
    )
    print(f"  distractors flagged, target 0: {count[('none', 'flagged')]} of {none}")
    if args.misses:
        print("\nMisses")
        for case, said in scored:
            gold = case["label"]
            expected = {"consistent": "consistent", "inconsistent": "flagged"}.get(gold)
            wrong = said != expected if expected else said == "flagged"
            if wrong:
                print(f"  {case['id']} gold={gold} said={said}: {case['text'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
