"""Skip regex scans that cannot match: a cheap necessary condition per pattern.

Extraction runs dozens of patterns over every sentence and most find
nothing. Python's regex engine tries a case-insensitive pattern that opens
with a word boundary or a lookbehind at every position of the text, while a
substring test (``"phase" in text``) runs in C at memory speed. `needles`
reads a compiled pattern's syntax tree and returns sets of strings such that
every match contains a string of each set; a sentence missing every string
of one set is not scanned at all. `GateGroup` asks the same of a whole
lexicon at once.

The condition is exact, never a heuristic: a gated pattern finds precisely
what the plain pattern finds (tests/test_prefilter.py checks it on the
corpus and on random text). Case-insensitive patterns are compared on the
lower-cased text, and only when the text is ASCII: for other text, Unicode
case folding (``ſ`` matches ``s``, ``K`` matches ``k``) makes lower-casing
unreliable, so such text is always scanned.
"""
from __future__ import annotations

import os
import re
import textwrap
from functools import lru_cache
try:  # the regex parser and its node types (private, stable since 3.11)
    from re import _constants as C
    from re import _parser
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

__all__ = ["Gated", "GateGroup", "gate", "needles"]

_LIMIT = 64  # largest set of alternative strings followed through a pattern
_CLASS_LIMIT = 8  # largest character class expanded into single characters
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op is not None)

# (exact, required): `exact` is every string the node can match (finite and
# small) or None; `required` a list of string sets: every match contains at
# least one string of each set (an empty list: nothing is known).
_Info = tuple
_KEEP = 3  # sets tested per pattern: each one more must be present


def _prune(strings) -> frozenset | None:
    """Drop strings that contain another one (the shorter is found whenever the longer is)."""
    if not strings or "" in strings:
        return None
    ordered = sorted(set(strings), key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _score(strings: frozenset) -> tuple[int, int]:
    return min(map(len, strings)), -len(strings)


def _ranked(candidates) -> list[frozenset]:
    """Usable candidates, most selective first: longest shortest string, then fewest strings."""
    usable = {p for p in map(_prune, candidates) if p is not None}
    return sorted(usable, key=lambda c: (_score(c), sorted(c)), reverse=True)


def _char(code: int, icase: bool) -> str | None:
    ch = chr(code)
    if not icase:
        return ch
    # Case-insensitive: only ASCII letters fold like str.lower() on ASCII text.
    return ch.lower() if ch.isascii() else None


def _class(items, icase: bool) -> frozenset | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(av)
        elif op is C.RANGE and av[1] - av[0] < _CLASS_LIMIT:
            chars.update(range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, wide ranges
            return None
        if len(chars) > _CLASS_LIMIT:
            return None
    out = set()
    for code in chars:
        ch = _char(code, icase)
        if ch is None:
            return None
        out.add(ch)
    return frozenset(out)


def _repeat(exact: frozenset | None, low: int, high: int) -> frozenset | None:
    if exact is None or high > 2 or high == C.MAXREPEAT:
        return None
    out = {""} if low == 0 else set()
    current = {""}
    for count in range(1, high + 1):
        current = {a + b for a in current for b in exact}
        if len(current) > _LIMIT:
            return None
        if count >= low:
            out |= current
    return frozenset(out)


def _node(op, av, icase: bool) -> _Info:
    if op is C.LITERAL:
        ch = _char(av, icase)
        return (frozenset((ch,)), []) if ch is not None else (None, [])
    if op is C.IN:
        return _class(av, icase), []
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & re.IGNORECASE and not icase:
            return None, []  # a local case switch: needles() folds the whole pattern instead
        return _seq(sub, icase)
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _seq(av, icase)
    if op is C.BRANCH:
        exacts, bests = [], []
        for alternative in av[1]:
            exact, required = _seq(alternative, icase)
            exacts.append(exact)
            ranked = _ranked(required + ([exact] if exact is not None else []))
            bests.append(ranked[0] if ranked else None)
        union_exact = None
        if all(e is not None for e in exacts):
            merged = frozenset().union(*exacts)
            union_exact = merged if len(merged) <= _LIMIT else None
        # each match takes one alternative: it holds that alternative's strings
        union_required = [frozenset().union(*bests)] if all(b is not None for b in bests) else []
        return union_exact, union_required
    if op in _REPEATS:
        low, high, sub = av
        exact, required = _seq(sub, icase)
        repeated = _repeat(exact, low, high)
        if low == 0:
            return repeated, []
        return repeated, required + ([exact] if exact is not None else [])
    return None, []  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...


def _seq(items, icase: bool) -> _Info:
    candidates: list[frozenset] = []
    current = frozenset(("",))
    whole_exact = True
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the strings on either side stay adjacent
        exact, required = _node(op, av, icase)
        if exact is not None and len(current) * len(exact) <= _LIMIT:
            current = frozenset(a + b for a in current for b in exact)
            continue
        whole_exact = False
        candidates.append(current)
        current = frozenset(("",))
        if exact is not None:
            candidates.append(exact)
        candidates.extend(required)
    candidates.append(current)
    return (current if whole_exact else None), _ranked(candidates)


@lru_cache(maxsize=None)
def needles(pattern: re.Pattern) -> tuple[tuple[frozenset, ...], bool] | None:
    """(sets, case-insensitive): every match of `pattern` contains a string of
    each set (lower-cased when case-insensitive); None if nothing is known."""
    if not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unknown construct: no filter, the plain scan stays
        return None
    # A pattern that switches case locally ("Name (?i:announces)") is read as wholly
    # case-insensitive: a string a case-sensitive part needs is also in the lower-cased text.
    icase = bool(pattern.flags & re.IGNORECASE) or _switches_case(tree)
    required = _seq(tree, icase)[1][:_KEEP]
    if not required:
        return None
    return tuple(required), icase


def _switches_case(items) -> bool:
    """Does the parsed pattern hold a group that turns case-insensitivity on or off?"""
    for op, av in items:
        if op is C.SUBPATTERN and (av[1] | av[2]) & re.IGNORECASE:
            return True
        subs = (av[3],) if op is C.SUBPATTERN else av[1] if op is C.BRANCH else (av[2],) if op in _REPEATS else \
            (av,) if op is getattr(C, "ATOMIC_GROUP", None) else (av[1],) if op in (C.ASSERT, C.ASSERT_NOT) else ()
        if any(_switches_case(sub) for sub in subs):
            return True
    return False


def _always(text: str) -> bool:
    return True


_AFFIX_MIN = 5  # shorter common parts are in most sentences: testing them costs more than it spares


def _common_parts(groups) -> list[tuple[str, ...]]:
    """One-string sets that `groups` imply: a prefix or suffix shared by every
    string of a set is in any text that holds one of them. A set of many
    strings ("listed on the nasdaq global market", "listed on the nyse", ...)
    costs one substring test per string on every text it rejects; their
    common "listed on the " rejects most texts in one."""
    out = []
    for strings in groups:
        if len(strings) > 1:
            prefix = os.path.commonprefix(strings)
            suffix = os.path.commonprefix([s[::-1] for s in strings])[::-1]
            out.extend((part,) for part in (prefix, suffix) if len(part) >= _AFFIX_MIN)
    return out


# Each gate is generated code: the needle sets as one expression of substring tests, inlined
# with the case folding into the scan itself. Gated scans run ~3,500 times per realistic release;
# written as loops over the sets behind a method, a tester and a lower-casing helper (four Python
# frames a call), the gates cost more than the substring tests they make.
_FOLDED = """\
    global _last
    if text.isascii():
        last = _last
        if last[0] is text:
            t = last[1]
        else:
            t = text.lower()
            _last = (text, t)
        if not ({condition}):
            return {miss}
    return {hit}
"""
_EXACT = """\
    t = text
    if {condition}:
        return {hit}
    return {miss}
"""
# name: (parameters, what a possible match returns, what a skipped scan returns)
_SCANS = {
    "possible": ("text", "True", "False"),
    "search": ("text, *args", "_search(text, *args)", "None"),
    "finditer": ("text, *args", "_finditer(text, *args)", "iter(())"),
}  # findall and sub, rarely called, test `possible` first (compiling the generated code has its cost too)


def _condition(order, text: str = "t") -> str:
    """`order` as one expression over the variable `text`: every set has one of its strings in it."""
    return " and ".join("(" + " or ".join(f"{s!r} in {text}" for s in strings) + ")" for strings in order)


def _generated(pattern: re.Pattern, groups, icase: bool) -> dict:
    """possible, search, finditer (generated), findall and sub of `pattern`, each testing `groups` first."""
    # small sets first: a miss is found sooner
    condition = _condition(sorted([*groups, *_common_parts(groups)], key=len))
    body = _FOLDED if icase else _EXACT
    source = "def scans(_search, _finditer):\n" + "".join(
        f"    def {name}({parameters}):\n"
        + textwrap.indent(body.format(condition=condition, hit=hit, miss=miss), "    ")
        for name, (parameters, hit, miss) in _SCANS.items()
    ) + f"    return {{{', '.join(f'{name!r}: {name}' for name in _SCANS)}}}\n"
    made: dict = {}
    # this module's globals: `global _last` in the generated code is this module's one-entry cache
    exec(compile(source, "<prefilter gate>", "exec"), globals(), made)
    scans = made["scans"](pattern.search, pattern.finditer)
    possible, findall, sub = scans["possible"], pattern.findall, pattern.sub
    scans["findall"] = lambda text, *args: findall(text, *args) if possible(text) else []
    scans["sub"] = lambda repl, text, count=0: sub(repl, text, count) if possible(text) else text
    return scans


# One-entry cache of the generated gates (and `_lower`): the same sentence is tested against
# many patterns in a row. Rebinding one tuple keeps it consistent should two threads extract at once.
_last: tuple[str, str] = ("", "")


def _lower(text: str) -> str:
    global _last
    last = _last
    if last[0] is text:  # `text` stays referenced here, so its id cannot be reused
        return last[1]
    lower = text.lower()
    _last = (text, lower)
    return lower


class Gated:
    """A compiled pattern whose scans (search, finditer, findall, sub) are
    skipped when the text cannot contain a match. Anchored calls (match,
    fullmatch) and every attribute pass straight through."""

    __slots__ = ("_pattern", "_needles", "_icase", "possible", "search", "finditer", "findall", "sub", "match",
                 "fullmatch")

    def __init__(self, pattern: re.Pattern):
        self._pattern = pattern
        found = needles(pattern)
        self._needles = tuple(tuple(sorted(group)) for group in found[0]) if found else None
        self._icase = bool(found and found[1])
        if self._needles is None:
            scans = {"possible": _always, "search": pattern.search, "finditer": pattern.finditer,
                     "findall": pattern.findall, "sub": pattern.sub}
        else:
            scans = _generated(pattern, self._needles, self._icase)
        #: possible(text) -> False when no match can exist in `text`
        self.possible = scans["possible"]
        self.search = scans["search"]
        self.finditer = scans["finditer"]
        self.findall = scans["findall"]
        self.sub = scans["sub"]
        self.match = pattern.match
        self.fullmatch = pattern.fullmatch

    def __getattr__(self, name):  # .pattern, .flags, .groupindex, .split, ...
        return getattr(self._pattern, name)

    def __repr__(self) -> str:
        return f"Gated({self._pattern!r}, needles={self._needles!r})"


class GateGroup:
    """One test for a list of patterns scanned in turn (a lexicon): can any
    of them match? The union of each pattern's most selective strings."""

    __slots__ = ("_always", "_exact", "_folded", "possible")

    def __init__(self, patterns):
        exact: set[str] = set()
        folded: set[str] = set()
        self._always = False
        for pattern in map(gate, patterns):
            if pattern._needles is None:
                self._always = True
            else:
                (folded if pattern._icase else exact).update(pattern._needles[0])
        self._exact = tuple(sorted(_prune(exact) or ()))
        self._folded = tuple(sorted(_prune(folded) or ()))
        #: possible(text) -> False when none of the patterns can match in `text`
        self.possible = _always if self._always else _any_of(self._exact, self._folded)


def _any_of(exact: tuple[str, ...], folded: tuple[str, ...]):
    """A generated test (see _FOLDED): a string of `exact` in the text, or of `folded` in its lower case."""
    lines = ["def possible(text):", "    global _last"]
    if exact:
        lines.append(f"    if {_condition([exact], 'text')}: return True")
    if folded:
        lines += ["    if not text.isascii(): return True", "    last = _last", "    if last[0] is text:",
                  "        t = last[1]", "    else:", "        t = text.lower()", "        _last = (text, t)",
                  f"    return {_condition([folded])}"]
    else:
        lines.append("    return False")
    made: dict = {}
    exec(compile("\n".join(lines) + "\n", "<prefilter group>", "exec"), globals(), made)
    return made["possible"]


def gate(pattern: re.Pattern) -> Gated:
    return pattern if isinstance(pattern, Gated) else Gated(pattern)
