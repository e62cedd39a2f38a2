"""Shared helpers for scripts/gen-gazetteer: normalisation, TSV output, sources."""

import gettext
import os
import re
import unicodedata

COLUMNS = ["form", "lang", "type", "country", "org", "role", "name",
           "lat", "lon", "from", "to", "rank"]

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'",
                             "\u2010": "-", "\u2011": "-", "\u00a0": " "})


def norm(s):
    """Normalises a name: NFC, typographic apostrophes to ', hyphens, spaces."""
    s = unicodedata.normalize("NFC", s or "").translate(APOSTROPHES)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r" -(?=\w)", "-", s)          # "Antigua -et-Barbuda"
    s = re.sub(r"\b([dlDL]') +", r"\1", s)   # "Côte d' Ivoire"
    return s


def fold(s):
    """Case- and accent-insensitive key, the way the recognizer compares names."""
    s = unicodedata.normalize("NFD", norm(s).lower())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


_LATIN_OK = re.compile(r"^[\w .,'\-()&/]+$")


def is_latin(s):
    """True when every letter of s is Latin (accents allowed)."""
    if not _LATIN_OK.match(s):
        return False
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


_TRANSLIT = re.compile("[\u0100\u0101\u0112\u0113\u012a\u012b\u014c\u014d\u016a\u016b"
                       "\u0120\u0121\u02b0-\u02ff\u1e00-\u1eff\u0250-\u02af]")


def is_transliteration(s):
    """True for scholarly transliterations and IPA (Afġānistān, Aṣ-Ṣūmāl, ʁɛpublika):
    names nobody writes in French or English news."""
    return bool(_TRANSLIT.search(s))


def coord(x):
    """Formats a coordinate with at most 5 decimals, no trailing zeros."""
    if x is None or x == "":
        return ""
    v = "%.5f" % float(x)
    v = v.rstrip("0").rstrip(".")
    return "0" if v in ("-0", "") else v


class TsvWriter:
    """Collects rows and writes a gazetteer TSV with a header comment."""

    def __init__(self, path, header_lines):
        self.path = path
        self.header = header_lines
        self.rows = []          # list of (comment or None, row list)
        self.seen = {}

    def add(self, form, lang, typ, country="", org="", role="", name="", lat="", lon="",
            frm="", to="", rank="", comment=None):
        """Adds a line; a form already present with another language becomes lang *."""
        form = norm(form)
        if not form:
            return False
        key = (form.lower(), typ, country, org, role, norm(name), frm or "", to or "")
        if key in self.seen:
            row = self.seen[key]
            if row[1] != lang:
                row[1] = "*"
            return False
        row = [form, lang, typ, country or "", org or "", role or "", norm(name),
               coord(lat), coord(lon), frm or "", to or "", str(rank) if rank != "" else ""]
        for cell in row:
            assert "\t" not in cell and "\n" not in cell, row
        self.seen[key] = row
        self.rows.append((comment, row))
        return True

    def write(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        with open(self.path, "w", encoding="utf-8", newline="\n") as f:
            for h in self.header:
                f.write("# " + h + "\n" if h else "#\n")
            f.write("# " + "\t".join(COLUMNS) + "\n")
            for comment, row in self.rows:
                if comment:
                    f.write("# " + comment + "\n")
                f.write("\t".join(row) + "\n")
        return len(self.rows)


def load_mo(path):
    """Reads a gettext .mo catalogue into {msgid: msgstr}."""
    with open(path, "rb") as f:
        cat = gettext.GNUTranslations(f)._catalog
    return {k: norm(v) for k, v in cat.items() if k and v}


def read_cities500(path):
    """Yields GeoNames rows (dicts) from cities500.txt."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19:
                continue
            yield {
                "id": c[0], "name": norm(c[1]), "ascii": c[2],
                "alt": [norm(a) for a in c[3].split(",") if a],
                "lat": c[4], "lon": c[5], "fclass": c[6], "fcode": c[7],
                "cc": c[8], "admin1": c[10],
                "pop": int(c[14] or 0),
            }


def load_hunspell_words(path):
    """Lower-case stems of a Hunspell .dic file: common words of that language.

    Capitalised entries (proper nouns) are skipped: only words a sentence can use
    as ordinary words are returned.
    """
    words = set()
    if not os.path.exists(path):
        return words
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)
        for line in f:
            w = line.split("/", 1)[0].split("\t", 1)[0].split(" ", 1)[0].strip()
            if w and w[0].islower():
                words.add(fold(w))
    return words


# Words that must never become a place or country name by themselves, in either
# language, whatever the source says: they are the role and function words of news.
STOPWORDS = set("""
a an and are as at be but by for from has have in is it its of on or that the this to was
were will with not all any can new old one two de du des la le les un une et en au aux ou
par pour sur dans est son sa ses ce cette qui que bien mais plus the man men city town
port fort mont saint sainte san santa north south east west nord sud est ouest central centre
police army armée justice union state states etat état etats états government gouvernement
president président minister ministre republic république royaume kingdom court cour
senate sénat assembly assemblée congress congrès party parti forces force press presse
media médias islam allah nation nations people peuple capital capitale region région
province district village ville county comté island île isle lake lac river rivière
mountain montagne valley vallée beach plage bay baie cape cap gulf golfe sea mer ocean
océan desert désert camp base station airport aéroport center paix peace war guerre
victoria hope faith grace liberty freedom independence independance unity progress
""".split())
