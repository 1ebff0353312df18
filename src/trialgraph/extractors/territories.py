"""Rights confined to a territory: "In Europe, Brand is marketed by Kestrel", "Acme commercializes Drug in Canada",
"in-licensed from Beta for Japan" (but not "outside Asia"). A company that holds a drug's rights in one market is a regional partner,
not the drug's developer (GUIDE: the company whose drug it is); the owner is the one it licensed them from.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons


@lru_cache(maxsize=1)
def _regional() -> re.Pattern:
    places = sorted({*lexicons.countries(), *lexicons.world_regions()}, key=lambda p: (-len(p), p))
    place = (r"(?:the\s+)?(?:U\.S\.(?:A\.)?|US(?![\w-]))"  # upper case only: "for us" is no place
             r"|(?i:(?:the\s+)?(?:mainland\s+|greater\s+)?(?:" + "|".join(re.escape(p) for p in places) + r")\.?(?![\w-]))"
             r"|(?:European|Asian|Chinese|Japanese|Korean|Canadian|North\s+American)\s+(?:markets?|countries|territor(?:y|ies)|rights)")
    # "outside Asia", "ex-China" leave the licensee most of the world: that licensee develops the drug
    where = r"(?:[Ii]n|[Ff]or)\s+(?:" + place + ")"
    verb = r"(?:licen[sc](?:ed|e|es|ing)|rights|market(?:ed|s|ing)?|sold|sells|commerciali[sz](?:es|ed|ing|e)|distribut(?:es|ed|ing))"
    # fronted ("In Europe, ..."), or said of the licence or the sale itself, within its clause
    return re.compile(r"^\W*" + where + r"\s*,|\b" + verb + r"\b[^,.;]{0,80}?\b" + where)


def regional(text: str) -> bool:
    """The sentence confines a licence or a sale to a territory. `text` has its company names blanked, so the
    commas and periods inside "Acme Pharma Co., Ltd." end no clause."""
    return _regional().search(text) is not None
