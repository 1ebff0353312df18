"""Sentence spans exactly as syntok 1.4.4 finds them, several times faster.

Sentence splitting was a fifth of extraction on realistic releases, nearly
all of it syntok's machinery rather than its decisions: a Token object and a
generator step per word, and a state object and a dozen property calls per
token. This is the same algorithm (syntok's `segmenter.analyze`, its
`Tokenizer(replace_not_contraction=False)` and its segmentation states, MIT
licence, Florian Leitner) transcribed onto three flat lists, value, offset
and "no space before", with the queue and history as positions in them:
syntok reads its token stream lazily, but its queue is empty only when the
stream is, so "fetch the next token" is "is there a next token". A word of
ASCII letters and digits with no lower-to-upper change is one token, which
is what syntok's tokenizer makes of it; every other word goes through
syntok's own rules and regular expressions.

`tests/test_sentence_spans.py` compares the spans with syntok's on every
corpus text and on random text made of the characters syntok treats
specially. With any other syntok version the splitter is syntok itself, so
the spans never depend on which splitter ran.
"""
from __future__ import annotations

import re
from importlib import metadata

import regex

PORTED_FROM = "1.4.4"

# syntok/segmenter.py
_PARAGRAPH_SEP = regex.compile("\r?\n(?:\\s*\r?\n)+")

# syntok/tokenizer.py
_HYPHENS = "\u00AD\u058A\u05BE\u0F0C\u1400\u1806\u2010\u2011\u2012\u2e17\u30A0-"
_HYPHENS_AND_UNDERSCORE = frozenset(_HYPHENS + "_")
_APOSTROPHES = "'\u00B4\u02B9\u02BC\u2019\u2032"
_APOSTROPHE_T = regex.compile("[" + _APOSTROPHES + "]t")
_SEPARATION = regex.compile(
    r"(?<=\p{Ll})[.!?]?(?=\p{Lu})|"
    r"[" + _APOSTROPHES + r"]\p{L}+|"
    r"[\p{Ps}\p{Pe}]|"
    r"\.\.\.|"
    r"(?<=\p{L})[,;_" + _HYPHENS + r"](?=[\p{L}\p{Nd}])|"
    r"(?<=[\p{L}\p{Nd}])[,;_" + _HYPHENS + r"](?=\p{L})"
)
# syntok's runs of non-space, regex.compile(r"[^\s\u200b]+"), found by `re` as (the spacing before, the run
# when plain, any other run) in one findall: no match object per word. regex's Unicode \s (White_Space) is
# spelt out, as `re`'s own \s adds U+001C-U+001F. "Plain" is a whole run of ASCII letters and digits with
# no lower-case letter followed by an upper-case one (the tokenizer's fast path, below), and only that.
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000"
_SPACED_RUNS = re.compile(f"([{_WHITE_SPACE}]*+)"
                          f"(?:((?:[A-Za-z0-9][a-z0-9]*+|[A-Z0-9]++)(?![^{_WHITE_SPACE}]))|([^{_WHITE_SPACE}]+))")

# syntok/_segmentation_states.py
_OPENING = frozenset("([{\uFF5F\uFF5B\uFF3B\uFF08\uFE5D\uFE5B\uFE59\uFD3E\u301A\u3018\u2985\u2983\u2329")
_CLOSING = frozenset(")]}\uFF60\uFF5D\uFF3D\uFF09\uFE5E\uFE5C\uFE5A\uFD3F\u301B\u3019\u2986\u2984\u232A")
_CLOSING_QUOTES = frozenset("'\"\u00B4\u2019\u201D\u232A\u27E9\u27EB\u2E29\u3009\u300B\u301E")
_TERMINALS = frozenset({"..."} | set(".!?;\u203C\u203D\u2047\u2048\u2049\u3002\uFE52\uFE57\uFF01\uFF0E\uFF1F\uFF61"))
_TERMINAL_OR_PAREN = _TERMINALS | {"("}
_TERMINAL_OR_CLOSING = _TERMINALS | _CLOSING
# what makes an inner token stop and look: a terminal, "(" or any opening bracket
_STOPS = _TERMINALS | _OPENING
_MAX_BRACKET_SKIP = 70
_VOWELS = frozenset("aeiouáéííóúäëïöüåæø" + "aeiouáéííóúäëïöüåæø".upper())
_INNER_PUNCTUATION = frozenset(",;:")
_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII XXIII XXIV XXV"
                   .split())
_MONTHS = frozenset("""
    Jän Jan en ene Ene feb febr Feb Mär Mar mzo Mzo Apr abr abl Abr may May jun Jun
    jul Jul ago agto Aug sep Sep sept Sept setbre set
    oct octbre Oct Okt nov novbre Nov dic dicbre Dic Dez Dec
    """.split())
_ABBREVIATIONS = frozenset("""
    Abb adm Adm Abs afmo alt Alt Anl ap apdo approx Approx art Art atte atto Aufl ave Ave Az
    bmo Bmo brig Bd Brig bsp Bsp bspw bzgl bzw ca cap capt Capt cf cmdt Cmdt cnel Cnel Co col Col Corp
    de Dr dgl dt emp en es etc evtl excl exca Exca excmo Excmo exsmo Exsmo ff fig Fig figs Figs fr Fr
    gal gen Gen ggf gral Gral GmbH gob Gob Hd hno Hno hnos Hnos Inc incl inkl lic Lic lit ldo Ldo Ltd
    mag Mag max med Med Min min Mio mos Mr mr Mrd Mrs mrs Ms ms Mt mt MwSt nat Nat Nr nr ntra Ntra ntro Ntro
    pag phil prof Prof Pte Pty rer Rer resp sci Sci Sdn Sen Sr sr Sra sra Srta srta St st synth tab Tab tel Tel
    univ Univ Urt vda Vda vol Vol vs vta zB zit zzgl
    Mo Mon lun Di Tue mar Mi Wed mie mié Do Thu jue Fr Fri vie Sa Sat sab So Sun dom
    """.split())
_STARTERS = frozenset("""
    Above Accordingly Additionally Admittedly All
    Also Although Again And Are As Assuredly
    Because Besides
    Certainly Chiefly Comparatively Consequently Conversely Coupled Correspondingly
    Does Due Especially For Furthermore Granted Generally Hence How However
    Identically In Indeed Instead It Its Likewise Moreover Nevertheless No
    Obviously Of On Ordinarily Other Otherwise Outside Particularly Rather
    Similarly Since Singularly Still So Subsequently
    That The Therefore Thereupon This Thus Unquestionably Use Usually
    What Where Whereas Wherefore Why Yet
    Auch Da Dabei Dadurch Daher Darauf Darum Das Dein Der Deswegen Die Du
    Ich Ihr Ihnen Er Es Euer Mein Nämlich Sie Sein So Somit Sonst
    Unser Warum Was Wegen Weil Wer Weshalb Wie Wieso Wir
    A Algunas Algunos De Desde Debido El Ella En Hay La Las Los No
    Otra Otro Para Por Porque Se También Todas Todos
    """.split())


def _syntok_spans(text: str) -> tuple[tuple[int, int], ...]:
    import syntok.segmenter as syntok

    return tuple(
        (sent[0].offset, sent[-1].offset + len(sent[-1].value))
        for paragraph in syntok.analyze(text)
        for sent in paragraph
        if sent
    )


def _ported() -> bool:
    try:
        return metadata.version("syntok") == PORTED_FROM
    except metadata.PackageNotFoundError:
        return False


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`, as syntok.segmenter.analyze finds them
    (first token's offset, last token's end)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for separator in _PARAGRAPH_SEP.finditer(text):
        _paragraph_spans(text[offset:separator.start()], offset, spans)
        offset = separator.end()
    _paragraph_spans(text[offset:], offset, spans)
    return tuple(spans)


if not _ported():  # another syntok: its own spans, whatever they are
    sentence_spans = _syntok_spans  # noqa: F811


def _paragraph_spans(paragraph: str, base: int, spans: list) -> None:
    values: list[str] = []
    offsets: list[int] = []
    tight: list[bool] = []  # the token's spacing is empty
    _tokenize(paragraph, base, values, offsets, tight)
    _segment(values, offsets, tight, spans)


# -- the tokenizer ---------------------------------------------------------------

def _tokenize(text: str, base: int, values: list, offsets: list, tight: list) -> None:
    """syntok's Tokenizer.tokenize(text, base) (replace_not_contraction=False), as lists."""
    add_value, add_offset, add_tight = values.append, offsets.append, tight.append
    offset = 0  # end of the previous word: the next token's spacing starts here
    run_end = 0  # each match opens where the one before it closed: the runs' offsets add up
    for space, plain, run in _SPACED_RUNS.findall(text):
        run_start = run_end + len(space)
        if plain:
            # one token: no separator can match a word of ASCII letters and digits
            # without a lower-case letter followed by an upper-case one
            add_value(plain)
            add_offset(base + run_start)
            add_tight(offset == run_start)
            offset = run_end = run_start + len(plain)
            continue
        run_end = run_start + len(run)
        start = run_start
        while start < run_end and not text[start].isalnum():
            start += 1
        if start == run_end:
            add_value(run)
            add_offset(base + run_start)
            add_tight(offset == run_start)
        else:
            end = run_end
            while end > start and not text[end - 1].isalnum():
                end -= 1
            if start > run_start:  # _split_nonword_prefix
                for i, char in enumerate(text[run_start:start]):
                    add_value(char)
                    add_offset(base + run_start + i)
                    add_tight(offset == run_start if i == 0 else True)
                    if i == 0:
                        offset = start
            if start != end:
                word = text[start:end]
                if word.isascii() and word.isalnum() and (word.islower() or word.isupper() or word[1:].islower()
                                                          or word.isdigit()):
                    # "study,", "(Nasdaq": a plain word between punctuation is one token, as above
                    # (what _split_word makes of it: its spacing is empty when nothing precedes it)
                    add_value(word)
                    add_offset(base + start)
                    add_tight(offset == start)
                else:
                    _split_word(text[offset:start], word, base + start, add_value, add_offset, add_tight)
            tail = text[end:run_end]
            if tail.startswith("..."):
                add_value("...")
                add_offset(base + end)
                add_tight(True)
                end += 3
                tail = tail[3:]
            for i, char in enumerate(tail):
                add_value(char)
                add_offset(base + end + i)
                add_tight(True)
        offset = run_end
    if offset < len(text):
        add_value("")
        add_offset(base + len(text))
        add_tight(False)


def _split_word(prefix: str, word: str, offset: int, add_value, add_offset, add_tight) -> None:
    """syntok's Tokenizer._split_word and _produce_separator_split_token."""
    remainder = 0
    for mo in _SEPARATION.finditer(word):
        mo_start = mo.start()
        separator = mo.group(0)
        done = False
        if mo_start > remainder:
            if _APOSTROPHE_T.fullmatch(separator) and word[mo_start - 1] == "n":
                if remainder < mo_start - 1:
                    add_value(word[remainder:mo_start - 1])
                    add_offset(offset + remainder)
                    add_tight(prefix == "")
                    prefix = ""
                add_value("n" + separator)
                add_offset(offset + mo_start - 1)
                add_tight(prefix == "")
                prefix = ""
                done = True
            else:
                add_value(word[remainder:mo_start])
                add_offset(offset + remainder)
                add_tight(prefix == "")
                prefix = ""
        if not done:
            if separator and separator not in _HYPHENS_AND_UNDERSCORE:
                add_value(separator)
                add_offset(offset + mo_start)
                add_tight(prefix == "")
                prefix = ""
            else:
                prefix = prefix + separator
        remainder = mo.end()
    if remainder == 0:
        add_value(word)
        add_offset(offset)
        add_tight(prefix == "")
    elif remainder < len(word):
        add_value(word[remainder:])
        add_offset(offset + remainder)
        add_tight(prefix == "")


# -- the segmenter ---------------------------------------------------------------

_FIRST, _INNER, _TERMINAL, _END = range(4)


def _segment(values: list[str], offsets: list[int], tight: list[bool], spans: list) -> None:
    """syntok's segmenter.segment over one paragraph's tokens; appends (start, end) spans.
    The queue is values[i:], the history values[h:i]."""
    n = len(values)
    i = h = 0

    def find_end_of_bracketed_text() -> tuple[int, bool]:
        depth = 1
        index = 1
        first_is_title = None
        last_is_terminal = False
        while i + index < n and index < 50:
            value = values[i + index]
            if first_is_title is None and value.isalnum():
                first_is_title = value.istitle()
            elif first_is_title and value.isalnum():
                last_is_terminal = i + index + 1 < n and values[i + index + 1] in _TERMINALS
            if value in _OPENING:
                depth += 1
            elif value in _CLOSING:
                depth -= 1
                if depth == 0:
                    break
            index += 1
        return (index if depth == 0 else 0), bool(first_is_title and last_is_terminal)

    def skip_bracketed_text() -> bool:
        nonlocal i
        closing, has_inner_sentence = find_end_of_bracketed_text()
        if closing > 0:
            last = i + closing
            if offsets[last] + len(values[last]) - offsets[i] < _MAX_BRACKET_SKIP or not has_inner_sentence:
                i = last + 1
                return True
        return False

    def token_after_terminal() -> str:
        """__move_to_next_relevant_word_and_return_token_after_terminal"""
        nonlocal i
        token = None
        if i < n and values[i] in _OPENING and not (i > h and values[i - 1] in _TERMINALS):
            skip_bracketed_text()
        else:
            while i < n and values[i] in _TERMINAL_OR_CLOSING:
                i += 1
                if i >= n:
                    break
                if token is None:
                    token = values[i - 1]
            if i < n and values[i] in _CLOSING_QUOTES and tight[i]:
                i += 1
                if i < n and token is None:
                    token = values[i - 1]
            while i < n and values[i] in _TERMINAL_OR_CLOSING:
                i += 1
                if i >= n:
                    break
                if token is None:
                    token = values[i - 1]
            if i < n and values[i] in _OPENING:
                token = values[i]
        if token is None and i < n:
            token = values[i]
        return "" if token is None else token

    def after_terminal(first: bool) -> int:
        """_move_and_maybe_extract_terminal: the next state (the same one: no split)."""
        nonlocal i
        same = _FIRST if first else _INNER
        before = values[i - 1] if i > h else ""
        if not (i < n and values[i] in _OPENING):
            i += 1
        after = token_after_terminal()
        if i < n:
            following = values[i]
            if following[:1].islower() or following in _INNER_PUNCTUATION:
                return same
            if not (first and (len(before) == 1 or before in _ROMAN)) and following in _STARTERS:
                return _TERMINAL
        else:
            following = None
        if before in _ABBREVIATIONS and after not in _CLOSING:
            return same
        if following is not None:
            if before in ("no", "No", "NO") and any(c.isnumeric() for c in following) and following.isalnum():
                return same
            if following.isnumeric() and tight[i]:
                return same
            if tight[i] and (not after.istitle() or not after.isalpha() or len(after) == 1):
                return same
            if following.isnumeric() and len(following) > 2:
                return same
            if before.isnumeric() and following in _MONTHS:
                return same
            if before in _MONTHS and following.isnumeric():
                return same
        if "." in before and after != ".":
            return same
        if (first or before.isupper()) and (len(before) == 1 or before in _ROMAN):
            return same
        if len(before) == 1 and before.isalpha() and before not in _VOWELS:
            return same
        if after in _OPENING:
            closing, has_inner_sentence = find_end_of_bracketed_text() if i < n else (0, False)
            after_brackets = (values[i + closing + 1]
                              if closing > 0 and not has_inner_sentence and i + closing + 1 < n else "")
            after_opening = values[i + 1] if i + 1 < n else ""
            if after_brackets in _INNER_PUNCTUATION:
                return same
            if after_opening.istitle():
                return _TERMINAL
            if after_brackets[:1].islower():
                return same
            return _TERMINAL
        return _TERMINAL

    state = _FIRST if n else _END
    while True:
        if state is _TERMINAL or state is _END:
            if i > h:
                if i - h > 1 or values[h]:
                    spans.append((offsets[h], offsets[i - 1] + len(values[i - 1])))
                h = i
            if state is _END:
                return
            state = _FIRST if i < n else _END
        elif state is _FIRST:
            if i < n and values[i] in _OPENING and skip_bracketed_text() and i - h > 3 \
                    and not (i < n and values[i][:1].islower()):
                state = _TERMINAL
            elif i < n:
                i += 1
                if i < n and values[i] in _TERMINAL_OR_PAREN:
                    state = after_terminal(True)
                else:
                    state = _INNER
            else:
                state = _END
        else:  # _INNER
            if i >= n:
                state = _END
                continue
            i += 1  # _move_and_skip_bracketed_text
            if i < n and values[i] in _OPENING:
                skip_bracketed_text()
            if i < n and values[i] in _STOPS:
                state = after_terminal(False)
