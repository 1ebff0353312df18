"""Sentence gates: a stage skips a sentence it can take nothing from.

A release has ~35 fact-stating sentences and each stage takes evidence from a
few of them; running every pattern of every stage over all of them was most of
extraction's cost. Each costly stage opens its sentence loop with one cheap
test, its gate, written next to the patterns it stands for: the union of what
those patterns need to match (a figure and its unit, a cohort word, ...). A
gate is exact, never a heuristic: when it says no, the stage would have found
nothing in the sentence, and a skipped sentence still leaves whatever state
the next sentences read (the groups "in that group" points back to).

GATES names every gate, so that tests/test_sentence_gates.py can check each
one against the stage run without it, and a rule that widens a pattern must
widen its gate.
"""
from __future__ import annotations

# (module, function): each gate takes a sentence's text and returns False only when the stage can
# take nothing from it
GATES: tuple[tuple[str, str], ...] = (
    ("trialgraph.extractors.cohorts", "may_name_group"),
    ("trialgraph.extractors.cohorts", "names_group_word"),  # cohort_mentions' own, shared by results
    ("trialgraph.extractors.companies", "may_hold_listing"),
    ("trialgraph.extractors.results", "may_state_figures"),
)
