"""places.tsv: towns and cities from GeoNames cities500, with French exonyms.

Selection (see doc/gazetteer.md):
- every place of population >= MIN_POP worldwide;
- every PPLC (capital), and every PPLA/PPLA2 (region and district seat) in Africa and the
  Middle East, whatever its population;
- every town of population >= SAHEL_MIN_POP, or of unknown population (GeoNames says 0 for
  many Malian towns, Tessalit, Bourem), in the Sahel countries of SAHEL;
- the places of FORCE_IDS (homonyms the recognizer must know to tell apart).
Names: the GeoNames name (lang *), its French exonym from geonames.mo (lang fr) when it
differs, the ASCII name when it folds differently, and Latin-script alternate names (lang *)
that pass the filters in keep_alternate().
"""

import re

from .common import STOPWORDS, TsvWriter, fold, is_latin

MIN_POP = 15000
SAHEL = {"ML", "NE", "DZ", "LY", "BF", "TD", "SD", "MR"}
SAHEL_MIN_POP = 1000
ADMIN_CODES = {"PPLC", "PPLA", "PPLA2"}
ALT_MIN_POP = 100000        # alternate names only for places at least this big…
MAX_ALTERNATES = 5          # …and at most this many per place

# GeoNames ids always kept.
FORCE_IDS = {
    "1640057": "Kidal (East Java, Indonesia): homonym of Kidal (Mali)",
    "486816": "Sudzha (Kursk oblast): in the news since August 2024",
    "694403": "Siversk (Donetsk oblast): front line",
    "710915": "Chasiv Yar (Donetsk oblast): front line",
}

# Primary names dropped whatever the population: words that name actors and roles in news.
HARD_STOP = {"police", "army", "justice", "union", "independence", "liberty", "president",
             "progress", "unity", "concord", "freedom", "peace", "state", "senate", "congress",
             "republic", "nation", "opposition", "government", "parliament", "military",
             # function words of French or English
             "of", "un", "sur", "central", "bay", "the", "and", "les", "une", "pour", "par"}


def middle_east(countries):
    """cca2 codes of Africa and the Middle East (Western Asia plus Iran)."""
    codes = set()
    for c in countries:
        if c.get("region") == "Africa" or c.get("subregion") == "Western Asia" or c["cca2"] == "IR":
            codes.add(c["cca2"])
    return codes


def selected(r, focus):
    if r["id"] in FORCE_IDS:
        return True
    if r["fclass"] != "P":
        return False
    if r["pop"] >= MIN_POP or r["fcode"] == "PPLC":
        return True
    if r["cc"] in focus and r["fcode"] in ADMIN_CODES:
        return True
    if r["cc"] in SAHEL and (r["pop"] >= SAHEL_MIN_POP or r["pop"] == 0):   # 0: unknown
        return True
    return False


_ALT_CHARS = re.compile(r"^[A-Za-z\u00c0-\u00ff\u0152\u0153' .\-]+$")


def keep_alternate(a, name, primary_keys, other_primaries, country_forms, common_words, capital_forms):
    """An alternate name worth a line: a capitalised name in French/English-looking letters
    (no IPA, no Pinyin or Arabic romanisation in lower case), at least 4 letters, not an
    airport code or abbreviation, not an inflection of the name in another language
    (Bamakas, Moptis), not a common word of French or English, not the name of a country,
    of a capital or of another selected place."""
    if len(a) < 4 or sum(ch.isalpha() for ch in a) < 4:
        return False
    if not _ALT_CHARS.match(a) or not a[0].isupper():
        return False
    if a.isupper() and len(a) <= 5:          # GAQ, XGA, LAX: airport and other codes
        return False
    f = fold(a)
    n = fold(name)
    if f in primary_keys:
        return False
    if f.startswith(n) and len(f) - len(n) <= 3:     # Bamakas, Moptis, Kajesas
        return False
    words = f.replace("-", " ").split()
    if f in STOPWORDS or f in HARD_STOP or f in common_words or any(w in HARD_STOP for w in words):
        return False
    if f in country_forms or f in capital_forms or f in other_primaries:
        return False
    return True


def build(rows, countries, mo, country_forms, capital_forms, common_words, path, header):
    cc3 = {c["cca2"]: c["cca3"] for c in countries}
    cc3["XK"] = "XKX"
    focus = middle_east(countries)
    out = TsvWriter(path, header)
    stats = {"places": 0, "fr": 0, "alt": 0, "skipped_cc": 0}
    picked = [r for r in rows if selected(r, focus)]
    picked.sort(key=lambda r: (r["cc"], -r["pop"], r["name"]))
    primaries = {}
    for r in picked:
        for k in {fold(r["name"]), fold(mo.get(r["id"], r["name"]))}:
            primaries.setdefault(k, set()).add(r["id"])
    for r in picked:
        code = cc3.get(r["cc"])
        if not code:
            stats["skipped_cc"] += 1
            continue
        if fold(r["name"]) in HARD_STOP:
            continue
        stats["places"] += 1
        comment = FORCE_IDS.get(r["id"])
        common = dict(country=code, name=r["name"], lat=r["lat"], lon=r["lon"], rank=r["pop"])
        out.add(r["name"], "*", "place", comment=comment, **common)
        keys = {fold(r["name"])}
        fr = mo.get(r["id"])
        if fr and fold(fr) not in keys and is_latin(fr):
            out.add(fr, "fr", "place", **common)
            keys.add(fold(fr))
            stats["fr"] += 1
        if r["ascii"] and fold(r["ascii"]) not in keys:
            out.add(r["ascii"], "*", "place", **common)
            keys.add(fold(r["ascii"]))
        if r["pop"] >= ALT_MIN_POP or (r["cc"] in focus and (r["fcode"] in ADMIN_CODES or r["cc"] in SAHEL)):
            n = 0
            for a in r["alt"]:
                if n >= MAX_ALTERNATES:
                    break
                fa = fold(a)
                if fa in primaries and primaries[fa] - {r["id"]}:
                    continue
                if " - " in a:
                    continue
                if keep_alternate(a, r["name"], keys, (), country_forms, common_words, capital_forms):
                    if out.add(a, "*", "place", **common):
                        keys.add(fold(a))
                        n += 1
                        stats["alt"] += 1
    n = out.write()
    return n, stats
