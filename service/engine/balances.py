"""Finds balances: a surplus or deficit stated beside the two flows it nets (DOMAIN.md §A.7).

"The trade deficit widened to $3.1 billion as exports fell to $2.5 billion and imports rose to
$5.6 billion": the figure after "deficit" should be imports − exports, stated as a magnitude.
The flow and balance words are data in rules/cues.toml ([balances]).
"""

from __future__ import annotations

from typing import Final

from service.engine.candidate import Candidate
from service.engine.compat import dimension
from service.engine.cues import Cues
from service.engine.quantity import Quantity, is_rate
from service.engine.windows import SentenceAmounts

_BALANCE_ROLES: Final = ("surplus", "deficit")


def _label(tokens: list[str], cues: Cues) -> str | None:
    """The balance role the last flow or balance word before a figure (`tokens`, the `words`
    of its window) gives it."""
    for word in reversed(tokens[-12:]):
        if word in cues.balance_words:
            return cues.balance_words[word]
    return None


def balance_candidates(sentence: SentenceAmounts, cues: Cues) -> list[Candidate]:
    """One candidate per clause (clauses end at ";") naming two flows and one balance."""
    # Every window read below ends at an amount: the words after the last one never count.
    start, last = sentence.span[0], sentence.amounts[-1].start
    if not _may_name_a_balance(sentence.text[start:last].lower(), cues):
        return []
    found: list[Candidate] = []
    roles: dict[str, Quantity] = {}
    previous: int | None = None  # the position of the last amount read (None: sentence start)
    # Rates are skipped, so "exports rose 5.2% to $150.3bn" still reads "exports" before $150.3bn.
    for position, quantity in enumerate(sentence.amounts):
        if is_rate(quantity.kind):
            continue
        if ";" in sentence.window(previous, position):
            found.extend(_balance(roles))
            roles = {}
        label = _label(sentence.window_words(previous, position), cues)
        previous = position
        if label and label not in roles:
            roles[label] = quantity
    return found + _balance(roles)


def _may_name_a_balance(text: str, cues: Cues) -> bool:
    """Whether a surplus or deficit word occurs in the lower-cased text, even inside another
    word: a candidate needs one, and this substring test is far cheaper than tokenising every
    window of a sentence that has none (most sentences)."""
    return any(word in text for word in cues.balance_names)


def _balance(roles: dict[str, Quantity]) -> list[Candidate]:
    flows = [roles[r] for r in ("inflow", "outflow") if r in roles]
    balance = [r for r in _BALANCE_ROLES if r in roles]
    if len(flows) != 2 or len(balance) != 1:
        return []
    if len({dimension(q) for q in (*flows, roles[balance[0]])} - {None}) > 1:
        return []
    return [Candidate(roles=dict(roles), binder="balance")]
