"""Binds the figures of a sentence to the roles of change claims (old, new, change, percent…).

For each amount in a sentence the binder reads the words since the previous amount and lets the
last cue decide its role: "from 2.18bn" is the old level, "to 2.61bn" the new one, "rose 19.78%"
the change. Figures are then gathered into frames, one per claim: a frame closes when a role
would be filled twice or at a clause separator once it is complete. The cue words are data
(`rules/cues.toml`); this module holds only the procedure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from service.engine.candidate import CHANGE_ROLES, LEVEL_ROLES, Candidate
from service.engine.cues import (
    DIRECTION,
    ENDS_ROLE_PHRASE,
    FILLER,
    LINK,
    Cues,
    may_contain,
    words,
)
from service.engine.quantity import Kind, Quantity
from service.engine.windows import SentenceAmounts
from service.engine.wording import (
    as_factor,
    direction_word,
    multiple_in,
    with_direction,
    with_multiple,
)

_OLD_BOUNDS: Final = frozenset({"over", "above", "than"})
_LEVELISH: Final = frozenset({"old", "new", "level", "base"})
_LOSS_CUED: Final = (
    "(a loss or deficit)"  # the assumption a level read negative by a loss cue carries
)


def _phrase_ends_at(tokens: list[str], end: int, phrase: tuple[str, ...]) -> bool:
    """Whether `phrase`, whose last word is known to be tokens[end - 1], ends there."""
    start = end - len(phrase)
    # Word by word: comparing a slice made a list and a tuple for each test.
    return start >= 0 and all(tokens[start + i] == phrase[i] for i in range(len(phrase) - 1))


def _last_cue(tokens: list[str], cues: Cues) -> tuple[str, int] | None:
    """The role cue nearest the figure, as (role, index after its last word).

    Only period and filler words may stand between a cue and its figure ("from fiscal 2021 of
    $8.6m", "from the $53.9 million"); "from operations of $157.4m" is not a base.
    """
    for index in range(len(tokens), 0, -1):
        word = tokens[index - 1]
        classes = cues.word_classes.get(word, 0)
        if classes & DIRECTION:
            return "change", index
        if classes & LINK and _direction_before_links(tokens, index, cues):
            return "change", index
        if classes & ENDS_ROLE_PHRASE:
            for phrase, role in cues.phrases_ending[word]:
                if _phrase_ends_at(tokens, index, phrase):
                    return role, index
        if not classes & FILLER:
            return None
    return None


def _direction_before_links(tokens: list[str], end: int, cues: Cues) -> bool:
    """Whether a direction word precedes the run of link words ending at tokens[end - 1]."""
    index = end - 1
    while index >= 0 and tokens[index] in cues.links:
        index -= 1
    return index >= 0 and cues.direction_of(tokens[index]) is not None


def role_of(quantity: Quantity, tokens: list[str], cues: Cues) -> str:
    """The role a figure plays, from the words just before it (`words` of the window)."""
    if quantity.kind is Kind.PERCENTAGE_POINTS:
        return "points"
    if quantity.kind is Kind.BASIS_POINTS:
        return "bps"
    cue = _last_cue(tokens, cues)
    role = cue[0] if cue else "level"
    if role == "level" and _change_of_something(tokens, cues):
        role = "change"  # "the decrease in operating income of $22.3 million"
    if role == "level" and _names_a_base(tokens, cues):
        role = "base"  # "from net sales of $1.89bn": a base, though nouns stand between
    if quantity.kind is Kind.PERCENT:
        # A rate is a level only right after its cue ("to 9.7%", "from 9.9%") or as the value
        # a noun phrase names ("operating margin of 18.2% was down 90 basis points from 19.1%");
        # else a change ("an increase of 5%" has its direction word before the "of").
        if role == "level" and tokens and tokens[-1] == "of":
            # not "a growth rate of 12.29pc": a direction word in the noun phrase makes a change
            named = tokens[-4:-1]
            return "percent" if any(cues.direction_of(word) for word in named) else "level"
        adjacent = cue is not None and cue[1] == len(tokens) and tokens[-1] != "of"
        if role not in LEVEL_ROLES or not adjacent:
            return "percent"
    return role


def _change_of_something(tokens: list[str], cues: Cues) -> bool:
    """ "the decrease in operating income of": a direction noun, "in", a short noun phrase and
    "of" right before the figure name the change of that noun phrase."""
    if not tokens or tokens[-1] != "of":
        return False
    for index in range(len(tokens) - 2, max(len(tokens) - 7, 0), -1):
        if tokens[index] == "in":
            return index > 0 and cues.direction_of(tokens[index - 1]) is not None
    return False


def _names_a_base(tokens: list[str], cues: Cues) -> bool:
    """An old-level cue anywhere in the window, not necessarily next to the figure."""
    return any(
        _phrase_ends_at(tokens, index + 1, phrase)
        for index, word in enumerate(tokens)
        for phrase, role in cues.phrases_ending.get(word, ())
        if role == "old"
    )


def direction_near(before: list[str], after: list[str], cues: Cues) -> tuple[str | None, bool]:
    """The direction word nearest before the figure, else the first one after it; and whether
    its subject is a loss or deficit ("operating loss increased"). Both are `words` lists."""
    for index in range(len(before) - 1, -1, -1):
        if direction := cues.direction_of(before[index]):
            return direction, bool(index and before[index - 1] in cues.negative_after)
    if len(after) > 1 and after[1] == "than" and after[0] in _MORE_LESS:
        # "18% more than the 2.03 million": a comparative right after the change (not a
        # direction word elsewhere: "more than 200 fighters" is a bound).
        return ("up" if after[0] == "more" else "down"), False
    for word in after[:4]:
        if direction := cues.direction_of(word):
            return direction, False
    return None, False


_MORE_LESS: Final = frozenset({"more", "less", "fewer"})
# past-tense direction verbs that do not end in "-ed"
_IRREGULAR_PAST: Final = frozenset(
    {"rose", "fell", "grew", "slid", "sank", "shrank", "lost", "cut"}
)


def _noun(word: str) -> bool:
    """Whether a direction word after a figure names its change ("a $20.2 million decrease")
    rather than being the verb whose subject the figure ends ("… of $85.3 million increased")."""
    return not word.endswith("ed") and word not in _IRREGULAR_PAST


def _flip(direction: str) -> str:
    return "down" if direction == "up" else "up"


def _is_separator(window: str, cues: Cues) -> bool:
    lowered = window.lower()
    return any(separator in lowered for separator in cues.separators)


def _names_a_cause(tokens: list[str], cues: Cues) -> bool:
    """Whether the words before a figure put the change down to something ("due to", "driven
    by"): what follows is a cause of the claim so far, not one of its figures."""
    if cues.cause_keys.isdisjoint(tokens):  # nearly every window
        return False
    return any(
        _phrase_ends_at(tokens, index + 1, phrase)
        for index, word in enumerate(tokens)
        for phrase in cues.causes_ending.get(word, ())
    )


def _as_clause(tokens: list[str], cues: Cues) -> bool:
    """ "…, as beer sales for the seven months jumped by 14.5 percent": "as" opening a clause
    with its own subject and verb, whose change is not the one the levels before it state."""
    if "as" not in tokens:
        return False
    start = tokens.index("as") + 1
    for index in range(start, len(tokens)):
        if cues.direction_of(tokens[index]):
            return any(word not in cues.filler for word in tokens[start:index])
    return False


def _strip_hedge(window: str, quantity: Quantity) -> str:
    """Drop the approximator or bound word the lexer already read ("for less than" → "for").

    "over" stays: before a level it usually names the base ("an increase of 5% over $14bn").
    """
    if quantity.approximator is None and quantity.bound is None:
        return window  # most figures
    for word in (quantity.approximator, quantity.bound):
        if (
            word
            and word.lower() not in _OLD_BOUNDS
            and window.lower().rstrip().endswith(word.lower())
        ):
            return window.rstrip()[: -len(word)]
    return window


_OR_LINKS: Final = (["or"], [",", "or"], ["or", ","], [",", "or", ","])


def _is_or_link(tokens: list[str]) -> bool:
    """ ", or" between a change and its twin: "$45.2 million, or 12%"."""
    return tokens in _OR_LINKS


def _sign_of_level(before: list[str], after: list[str], cues: Cues) -> int:
    """-1 for a level stated as a loss or deficit ("to a loss of $28.9m", "a $2.2m loss")."""
    end = len(before)
    if end and any(
        _phrase_ends_at(before, end, phrase) for phrase in cues.negative_ending.get(before[-1], ())
    ):
        return -1
    return -1 if after and after[0] in cues.negative_after else 1


class _Binder:
    """Walks the amounts of one sentence and fills frames; one frame becomes one candidate."""

    def __init__(self, sentence: SentenceAmounts, cues: Cues) -> None:
        self.sentence, self.amounts, self.cues = sentence, sentence.amounts, cues
        self.frames: list[tuple[Candidate, list[_Window]]] = []
        self.frame = Candidate()
        # The raw windows of the current frame's figures, read for a multiple or direction word
        # only once the frame is closed, and only when it has no change figure (`_with_words`).
        self.windows: list[_Window] = []
        self.previous_role: str | None = None

    def close_frame(self) -> None:
        self.frames.append((self.frame, self.windows))
        self.frame, self.windows = Candidate(), []

    def role(self, quantity: Quantity, before: list[str], after: list[str]) -> str:
        # Indexing, not `after[:1] in (["times"], …)`: that built three lists for each test.
        following = after[0] if after else ""
        if quantity.kind is Kind.NUMBER and following in ("times", "fold"):
            return "factor"  # "rose 3.5 times", "a 2.5-fold increase"
        role = role_of(quantity, before, self.cues)
        if quantity.kind is Kind.NUMBER and following in ("points", "point"):
            # Bare "points": percentage points beside rates, index points beside index levels;
            # the rules' level kinds tell the two apart. After a level cue ("closed up 0.43 %
            # at 1,138.84 points") the figure is the index level itself.
            return role if role in LEVEL_ROLES else "points"
        if role == "level" and self.previous_role in CHANGE_ROLES and _is_or_link(before):
            return "percent" if quantity.kind is Kind.PERCENT else "change"
        if role == "level" and self.cues.direction_of(following) and _noun(following):
            return "change"  # "a $20.2 million decrease"; not "EBITDA of $85.3m increased 14%"
        if (
            len(after) > 1
            and after[1] == "than"
            and (following in _MORE_LESS or self.cues.direction_of(following))
        ):
            # "were $32.4 million higher than the $212.7 million": a difference, whatever cue
            return "percent" if quantity.kind is Kind.PERCENT else "change"
        return role

    def starts_new_claim(self, role: str, window: str, before: list[str]) -> bool:
        frame = self.frame
        if not frame.roles:  # no figure with a role yet (levels alone do not count)
            return False
        if _names_a_cause(before, self.cues):
            return True
        if role != "level" and role in frame.roles:
            return True
        has_change = frame.has_change
        if role in CHANGE_ROLES and has_change:
            # A second direction word means a second clause: "fell 0.5% while … rose by 12.7m".
            return self.has_direction(before)
        if role in CHANGE_ROLES and "old" in frame.roles and "new" in frame.roles:
            # Both levels are set: a change with no cue of its own belongs to another statement,
            # and so does one after a clause separator ("fell to 1.5 from 3.2, while net sales
            # increased by 4.8%").
            if _is_separator(window, self.cues) or _as_clause(before, self.cues):
                return True
            return not self.has_direction(before) and not _is_or_link(before)
        return has_change and frame.has_levels and _is_separator(window, self.cues)

    def has_direction(self, tokens: list[str]) -> bool:
        return any(self.cues.direction_of(word) for word in tokens)

    def add(self, position: int) -> None:
        quantity = self.amounts[position]
        raw_window = self.sentence.gaps[position]
        bracketed = position > 0 and raw_window.strip() in ("(", "[")
        # "$45.2 million (12%)" states the change twice; "12% (14% on a constant currency
        # basis)" gives another measure, which is skipped like a translation
        twin = (
            quantity.kind is Kind.PERCENT
            and self.previous_role in CHANGE_ROLES
            and self.previous_role != "percent"
        )
        if bracketed and not twin:
            return  # a parenthetical translation of the previous figure: "8.5 mln euro ($12.4 mln)"
        if ";" in raw_window and self.frame.roles:
            self.close_frame()
        window = _strip_hedge(raw_window, quantity)
        # Every cue test below reads these lists. Each gap of the sentence was tokenised once
        # (it is the window of one figure and what follows the one before); only a window that
        # lost its hedge word is tokenised again.
        before = self.sentence.gap_words[position] if window == raw_window else words(window)
        after = self.sentence.following_words(position)
        role = self.role(quantity, before, after)
        if role == "percent" and after and after[0] == "of":
            return  # "123 per cent of adjusted earnings" is a share, not a change
        near: tuple[str | None, bool] | None = None  # the direction near a change, found once
        if role == "percent" and self.previous_role not in CHANGE_ROLES:
            near = direction_near(before, after, self.cues)
            if near[0] is None:
                return  # "we own a 51% interest": a percent with no direction word is no change
        if self.starts_new_claim(role, window, before):
            self.close_frame()
        if role == "old" and quantity.bound and quantity.bound.lower() in _OLD_BOUNDS:
            quantity = quantity.with_changes(bound=None, hedge=None)
        if role in _LEVELISH and _sign_of_level(before, after, self.cues) < 0:
            quantity = quantity.with_changes(value=-quantity.value)
            self.frame.assumptions.append(f"{quantity.text} read as negative {_LOSS_CUED}")
        if role == "factor":
            quantity = as_factor(quantity, after, self.frame.assumptions)
        if role == "base":
            self.frame.bases.append(quantity)
        elif role == "level":
            self.frame.levels.append(quantity)
        else:
            self.frame.roles[role] = quantity
        if role in CHANGE_ROLES and self.frame.direction is None:
            direction, loss = near or direction_near(before, after, self.cues)
            self.frame.direction, self.frame.subject_is_loss = direction, loss
        offset = quantity.start - len(raw_window)
        words_before = self.sentence.gap_words[position]
        self.windows.append(_Window(raw_window, offset, role in _LEVELISH, words_before))
        self.previous_role = role

    def run(self) -> list[Candidate]:
        for position in range(len(self.amounts)):
            self.add(position)
        self.close_frame()
        return [
            _losses_alike(_resolve_levels(self.with_words(frame, windows)), windows, self.cues)
            for frame, windows in self.frames
        ]

    def with_words(self, frame: Candidate, windows: list[_Window]) -> Candidate:
        """A frame without a change figure may state one in words: a multiple in any of its
        windows ("doubled to … from …"), else a direction word before a level ("rose to …").
        The first window that has one wins. A frame with a change figure uses neither, so its
        windows are not searched (the multiple pattern is the costliest search of binding)."""
        if frame.has_change:
            if frame.direction is None and frame.complete:
                # "decreased to 18.2% from 19.6%, or 140 basis points": the change has no
                # direction word of its own; the one before its levels gives its sign.
                word = self._level_direction(frame, windows)
                frame.direction = word.digits if word is not None else None
            return frame
        frame.multiple = next(
            (m for w in windows if (m := multiple_in(w.text, w.offset, self.cues)) is not None),
            None,
        )
        with_multiple(frame)
        if frame.has_change:
            return frame
        frame.direction_word = self._level_direction(frame, windows)
        return with_direction(frame)

    def _level_direction(self, frame: Candidate, windows: list[_Window]) -> Quantity | None:
        """The first direction word right before a level of the frame ("rose to …"). A bound
        the lexer read before the level is no direction: "from 200 kW up to 2 MW"."""
        figures = (*frame.roles.values(), *frame.levels, *frame.bases)
        bounded = {q.start: q for q in figures if q.bound}
        for w in windows:
            if not w.level:
                continue
            level = bounded.get(w.offset + len(w.text))
            text = _strip_hedge(w.text, level) if level is not None else w.text
            found = direction_word(text, w.offset, self.cues)
            if found is not None:
                return found
        return None


@dataclass(frozen=True, slots=True)
class _Window:
    """The text between a figure and the one before it (before hedge stripping), where it
    starts in the document, whether the figure is a level, and the `words` of the text."""

    text: str
    offset: int
    level: bool
    words: list[str]

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        text: str,
        offset: int,
        level: bool,
        words: list[str],
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "offset", offset)
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "words", words)


def _subject_is_loss(tokens: list[str], cues: Cues) -> bool:
    """Whether the sentence is about a loss or deficit: such a word before the first cue of its
    first figure ("Net loss for the quarter was $5.6 million"; not "changed to a loss of")."""
    for index, word in enumerate(tokens):
        if word in cues.negative_after:
            return True
        if cues.direction_of(word) or any(
            _phrase_ends_at(tokens, index + 1, phrase)
            for phrase, _ in cues.phrases_ending.get(word, ())
        ):
            return False
    return False


def _losses_alike(frame: Candidate, windows: list[_Window], cues: Cues) -> Candidate:
    """A claim whose subject is a loss ("Net loss for the quarter was $5.6 million, compared
    with a net loss of $7.8 million"; "Operating loss increased to EUR 17mn from a loss of EUR
    10.8 mn"). A loss cue marks only one level negative: the others are losses too, unless their
    own words name a gain ("from operating income of $5.4m"). And a direction word then speaks
    of the loss's size: with the levels negative, a loss that increased is a value that fell.
    A level written negative ("(2.4)%") says nothing of the other's sign."""
    levels = [role for role in LEVEL_ROLES if role in frame.roles]
    # Most first windows name no loss at all: a quick test before `_subject_is_loss`.
    if len(levels) < 2 or not windows or cues.negative_after.isdisjoint(windows[0].words):
        return frame
    if not _subject_is_loss(windows[0].words, cues):
        return frame
    signs = {frame.roles[role].value < 0 for role in levels}
    if signs == {True, False} and any(_LOSS_CUED in a for a in frame.assumptions):
        named = {w.offset + len(w.text): w.words for w in windows}
        for role in levels:
            quantity = frame.roles[role]
            if quantity.value > 0 and cues.positive.isdisjoint(named.get(quantity.start, ())):
                frame.roles[role] = quantity.with_changes(value=-quantity.value)
                frame.assumptions.append(
                    f"{quantity.text} read as negative (the subject is a loss)"
                )
    if all(frame.roles[role].value > 0 for role in levels):
        return _judged_loss(frame, windows, cues)
    word = frame.roles.get("direction")
    if word is not None and all(frame.roles[role].value < 0 for role in levels):
        _flip_direction_word(frame, word)
        grew = word.value > 0
        frame.assumptions.append(
            f"“{word.text}” is said of the loss: its value {'fell' if grew else 'rose'}"
        )
    return frame


def _flip_direction_word(frame: Candidate, word: Quantity) -> None:
    frame.roles["direction"] = word.with_changes(value=-word.value, digits=_flip(word.digits))


def _judged_loss(frame: Candidate, windows: list[_Window], cues: Cues) -> Candidate:
    """A loss written as positive amounts and judged by an evaluative word ("an improvement of
    $6.5 million from a loss of $30.3 million"): the word speaks of the value, so the amounts,
    the loss's size, moved the other way."""
    judged = next((w for win in windows for w in win.words if w in cues.evaluative), None)
    if judged is None:
        return frame
    if frame.direction is not None:
        frame.direction = _flip(frame.direction)
    word = frame.roles.get("direction")
    if word is not None:
        _flip_direction_word(frame, word)
    if frame.direction is not None or word is not None:
        frame.assumptions.append(
            f"“{judged}” is said of the loss's value: its size moved the other way"
        )
    return frame


def _checkable(candidate: Candidate) -> bool:
    return candidate.complete and bool(
        candidate.direction
        or "factor" in candidate.roles
        or "direction" in candidate.roles
        or _signed_change(candidate)
    )


def _oriented(candidate: Candidate) -> Candidate:
    """A loss that "increased" to a negative level moved down: flip the direction word."""
    levels = [candidate.roles[r] for r in LEVEL_ROLES if r in candidate.roles]
    if candidate.subject_is_loss and candidate.direction and any(q.value < 0 for q in levels):
        candidate.direction = _flip(candidate.direction)
        candidate.assumptions.append("the loss grew, so the value fell")
    return candidate


def _signed_change(candidate: Candidate) -> bool:
    return any(candidate.roles[r].value < 0 for r in CHANGE_ROLES if r in candidate.roles)


def bind_sentence_frames(
    sentence: SentenceAmounts, cues: Cues
) -> tuple[list[Candidate], list[Candidate]]:
    """The checkable candidates of a sentence, and its partial frames (one level and a change
    or direction word) for linking across sentences."""
    frames = _Binder(sentence, cues).run()
    return [_oriented(c) for c in frames if _checkable(c)], [c for c in frames if c.partial]


def lone_amount_may_bind(window: str, cues: Cues) -> bool:
    """Whether a sentence whose only amount follows `window` (from the sentence start) can give
    a checkable or partial candidate; most such sentences cannot, and skipping them saves
    building their windows and running the binder.

    A single figure fills one role, so its frame is complete or partial only if the words add a
    figure: a multiple word anywhere in the window or a direction word right before the level
    (`_Binder.with_words`, which reads the same raw window). Whatever role the figure takes,
    without either the frame is neither.
    """
    return may_contain(window, cues.multiple_words) or direction_word(window, 0, cues) is not None


def _resolve_levels(frame: Candidate) -> Candidate:
    """Fill the level roles still missing. The old level needs an old-level cue, if not next
    to the figure then somewhere before it ("from net sales of $1.89bn"); an unmarked level can
    only be the new one ("was $21.2m, down 66.7% from…"), or "… to $120.2bn, leaving a surplus
    of $30.1bn" would read the surplus as the base."""
    unused = list(frame.bases)
    if "old" not in frame.roles and unused:
        frame.roles["old"] = unused.pop(0)
        frame.assumptions.append(f"{frame.roles['old'].text} read as the old level")
    candidates = frame.levels + unused
    if "new" not in frame.roles and candidates:
        quantity = min(candidates, key=lambda q: q.start)
        frame.roles["new"] = quantity
        frame.assumptions.append(f"{quantity.text} read as the new level")
    return frame
