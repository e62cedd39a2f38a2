"""countries.tsv: every country, its names, demonyms and capitals (FR and EN).

Sources: world-countries (countries.json: names, French translations, demonyms, English
capitals, alt spellings), ICU display names (French and English short names), GeoNames
cities500 (capital coordinates and population) joined with geonames.mo (French exonyms).
The curated tables below fix what those sources lack or get wrong; edit them, not the TSV.
"""

import re

from .common import TsvWriter, fold, is_latin, is_transliteration, norm

# world-countries codes that are not ISO alpha-3 -> the code vigie uses.
CODE_FIX = {"UNK": "XKX"}   # Kosovo: no ISO code; XKX is the user-assigned code the EU and IMF use

# Not independent in world-countries, but states (or treated as such) in the news.
STATE_LIKE = {"PSE", "TWN", "XKX", "VAT"}

RANK_STATE = 100
RANK_OTHER = 80       # observer states, partly recognised states
RANK_TERRITORY = 30   # dependent territories
RANK_AMBIGUOUS = 5    # the name is also a common word, a first name or another place

# Extra names, per country: (lang, form). lang is fr, en or *.
EXTRA_NAMES = {
    "USA": [("fr", "Etats-Unis"), ("fr", "États-Unis d'Amérique"), ("fr", "Etats-Unis d'Amérique"),
            ("en", "United States of America"), ("*", "USA"), ("*", "U.S.A."), ("en", "U.S."),
            ("fr", "EUA")],
    "GBR": [("*", "UK"), ("*", "U.K."), ("en", "Britain"), ("en", "Great Britain"),
            ("fr", "Grande-Bretagne"), ("fr", "Royaume Uni")],
    "RUS": [("fr", "Fédération de Russie"), ("en", "Russian Federation")],
    "CHN": [("fr", "République populaire de Chine"), ("fr", "Chine populaire"), ("en", "PRC"),
            ("fr", "RPC"), ("en", "People's Republic of China")],
    "PRK": [("fr", "Corée du Nord"), ("fr", "RPDC"), ("en", "DPRK"), ("en", "North Korea")],
    "KOR": [("fr", "République de Corée"), ("en", "Republic of Korea")],
    "COD": [("*", "RDC"), ("en", "DRC"), ("*", "RD Congo"), ("fr", "République démocratique du Congo"),
            ("en", "Democratic Republic of the Congo"), ("*", "Congo-Kinshasa"), ("*", "Congo Kinshasa")],
    "COG": [("*", "Congo-Brazzaville"), ("*", "Congo Brazzaville"), ("fr", "République du Congo")],
    "CIV": [("*", "Côte d'Ivoire"), ("*", "Cote d'Ivoire"), ("en", "Ivory Coast")],
    "ARE": [("fr", "EAU"), ("en", "UAE"), ("fr", "Emirats arabes unis"), ("fr", "Émirats"),
            ("en", "United Arab Emirates")],
    "SAU": [("fr", "Arabie Saoudite"), ("en", "Saudi Arabia"), ("en", "KSA")],
    "NLD": [("fr", "Hollande"), ("en", "Holland"), ("en", "the Netherlands")],
    "CZE": [("fr", "République tchèque"), ("en", "Czech Republic")],
    "TUR": [("*", "Türkiye"), ("*", "Turkiye")],
    "MMR": [("fr", "Birmanie"), ("en", "Burma"), ("*", "Myanmar")],
    "SWZ": [("*", "Eswatini"), ("*", "Swaziland")],
    "MKD": [("fr", "Macédoine"), ("en", "Macedonia"), ("en", "North Macedonia")],
    "PSE": [("fr", "Territoires palestiniens"), ("en", "Palestinian territories"),
            ("en", "State of Palestine"), ("fr", "État de Palestine"), ("fr", "Etat de Palestine")],
    "TWN": [("*", "Taïwan"), ("*", "Taiwan")],
    "VAT": [("*", "Vatican"), ("fr", "Cité du Vatican"), ("en", "Vatican City")],
    "ISR": [("fr", "Etat d'Israël"), ("fr", "État hébreu"), ("fr", "Etat hébreu")],
    "FRA": [("fr", "Hexagone")],
    "MAR": [("fr", "Royaume chérifien")],
    "LBN": [("fr", "pays du Cèdre")],
    "JPN": [("fr", "pays du Soleil-Levant")],
    "EGY": [("fr", "Egypte")],
    "DZA": [("fr", "Algerie")],
    "TCD": [("en", "Chad")],
    "CPV": [("*", "Cabo Verde"), ("fr", "Cap-Vert"), ("en", "Cape Verde")],
    "TLS": [("en", "East Timor"), ("*", "Timor-Leste")],
    "BIH": [("en", "Bosnia"), ("fr", "Bosnie")],
    "KGZ": [("fr", "Kirghizstan"), ("en", "Kyrgyzstan")],
    "MDA": [("*", "Moldova")],
    "BLR": [("fr", "Bélarus"), ("en", "Belarus"), ("fr", "Biélorussie"), ("fr", "Belarus")],
    "VNM": [("fr", "Vietnam"), ("en", "Vietnam"), ("fr", "Viet Nam")],
    "GNB": [("fr", "Guinée Bissau")],
    "SSD": [("fr", "Sud-Soudan"), ("en", "South Sudan")],
    "ZAF": [("fr", "Afrique du Sud")],
    "BFA": [("*", "Burkina")],
    "OMN": [("fr", "Sultanat d'Oman"), ("en", "Sultanate of Oman")],
    "XKX": [("*", "Kosovo")],
}

# Names that are also common words, first names or other places. They stay (they are real
# countries) with a low rank and a comment; the recognizer needs context to take them.
AMBIGUOUS = {
    ("en", "chad"): "also an English first name",
    ("en", "jordan"): "also a first name and a river",
    ("en", "georgia"): "also a US state",
    ("fr", "georgie"): "also the US state (Géorgie)",
    ("en", "turkey"): "also the bird",
    ("en", "china"): "also porcelain",
    ("en", "guinea"): "also the coin, and part of other country names (Papua New Guinea, Guinea-Bissau)",
    ("fr", "guinee"): "part of other country names (Guinée-Bissau, Guinée équatoriale)",
    ("*", "niger"): "also the river; do not confuse with Nigeria",
    ("en", "niger"): "also the river; do not confuse with Nigeria",
    ("fr", "niger"): "also the river; do not confuse with Nigeria",
    ("*", "congo"): "two countries (COG, COD) and a river",
    ("fr", "congo"): "two countries (COG, COD) and a river",
    ("en", "congo"): "two countries (COG, COD) and a river",
    ("fr", "maurice"): "also a French first name",
    ("fr", "ile maurice"): None,
    ("fr", "dominique"): "also a French first name",
    ("*", "dominique"): "also a French first name",
    ("fr", "reunion"): "also the common noun réunion (a meeting)",
    ("*", "reunion"): "also the common noun réunion / reunion",
    ("en", "reunion"): "also the common noun reunion",
    ("fr", "la reunion"): "also the common noun réunion (a meeting)",
    ("fr", "benin"): "also the adjective bénin (benign)",
    ("fr", "chili"): "also chili (the pepper)",
    ("*", "jersey"): "also the garment",
    ("fr", "jersey"): "also the garment",
    ("en", "jersey"): "also the garment, and New Jersey",
    ("fr", "grenade"): "also une grenade (the weapon) and Granada (Spain)",
    ("en", "grenada"): "also Granada (Spain)",
    ("fr", "salvador"): "also Salvador (Brazil)",
    ("fr", "hollande"): "also François Hollande",
    ("en", "holland"): "a region of the Netherlands",
    ("en", "macedonia"): "also the Greek region",
    ("fr", "macedoine"): "also the Greek region, and macédoine (a salad)",
    ("fr", "hexagone"): "also hexagone (the shape)",
    ("en", "america"): "also the continent",
    ("fr", "amerique"): "also the continent",
    ("en", "mann"): None,
    ("fr", "emirats"): "also the seven emirates themselves",
    ("fr", "guyane"): "French Guiana; do not confuse with Guyana",
    ("*", "timor"): "the island is shared with Indonesia",
    ("en", "kosovo"): None,
    ("fr", "montserrat"): "also the Catalan mountain",
    ("en", "montserrat"): "also the Catalan mountain",
    ("fr", "man"): None,
    ("fr", "samoa"): "also American Samoa",
    ("en", "samoa"): "also American Samoa",
    ("*", "samoa"): "also American Samoa",
    ("fr", "saint-martin"): "two territories (MAF, SXM) and many French towns",
    ("*", "saint-martin"): "two territories (MAF, SXM) and many French towns",
    ("fr", "equateur"): "also l'équateur (the equator)",
    ("fr", "eau"): "also eau (water)",
    ("*", "eau"): "also eau (water)",
    ("fr", "argentine"): "also the demonym argentine",
    ("fr", "suede"): "also suède (the leather)",
}

# altSpellings that are not names of the country (or too risky) and are dropped.
ALT_DROP = {"island", "prathet", "thai", "togolese", "mann", "lao", "mexicanos", "portuguesa",
            "the abode of peace", "nation of brunei", "emirates", "pleasant island", "saudi",
            "guiana", "somers isles", "the bermudas", "timor", "macedonia", "viti", "nippon",
            "nihon", "bharat", "suomi", "eesti", "hayastan", "sakartvelo", "ukrayina", "rsa",
            "dzayer", "nijar", "nijeriya", "holland", "ngwane", "swatini", "sarnam", "sranangron"}

# Demonyms that are also ordinary words or shared: kept, low rank, commented.
AMBIGUOUS_DEMONYMS = {
    "polish": "also the verb and noun polish",
    "indian": "also Native American, and the Indian Ocean",
    "indien": "also amérindien, and l'océan Indien",
    "indienne": "also amérindienne",
    "indiens": "also Amérindiens",
    "indiennes": "also amérindiennes",
    "georgian": "also of the US state Georgia, and the architectural style",
    "congolese": "of both Congos (COD, COG)",
    "congolais": "of both Congos (COD, COG)",
    "congolaise": "of both Congos (COD, COG)",
    "congolaises": "of both Congos (COD, COG)",
    "dominican": "of both Dominica (DMA) and the Dominican Republic (DOM)",
    "dominicans": "of both Dominica (DMA) and the Dominican Republic (DOM); also the religious order",
    "guinean": "also of Guinea-Bissau and Equatorial Guinea",
    "guineans": "also of Guinea-Bissau and Equatorial Guinea",
    "danois": "also the dog breed",
    "samoan": "also American Samoan",
    "samoans": "also American Samoans",
    "samoane": "also American Samoan",
    "samoanes": "also American Samoan",
    "english": "also the language; strictly of England, not the UK",
    "anglais": "also the language; strictly of England, not the UK",
    "anglaise": "strictly of England, not the UK",
    "anglaises": "strictly of England, not the UK",
    "hebreu": "also the language; l'État hébreu is Israel",
    "hebreux": "also the language; l'État hébreu is Israel",
}

# Demonyms of the source that are typos.
DROP_DEMONYMS = {("fr", "american"), ("fr", "americans")}   # "Américan" (Northern Mariana Islands)

# Demonyms added by hand: (lang, form), per country.
EXTRA_DEMONYMS = {
    "USA": [("fr", "états-unien"), ("fr", "états-unienne"), ("fr", "états-uniens"),
            ("fr", "états-uniennes"), ("fr", "étatsunien"), ("fr", "étatsuniens")],
    # "US" is left out on purpose: matching ignores case and it would match the pronoun "us".
    "GBR": [("en", "Briton"), ("en", "Britons"), ("en", "Brit"), ("en", "Brits"),
            ("fr", "anglais"), ("fr", "anglaise"), ("fr", "anglaises"), ("en", "English")],
    "FRA": [("en", "Frenchman"), ("en", "Frenchmen"), ("en", "Frenchwoman"), ("en", "Frenchwomen")],
    "NLD": [("en", "Dutchman"), ("en", "Dutchmen"), ("fr", "hollandais"), ("fr", "hollandaise"),
            ("fr", "hollandaises")],
    "SAU": [("en", "Saudi"), ("en", "Saudis")],
    "ARE": [("fr", "émirati"), ("fr", "émiratie"), ("fr", "émiratis"), ("fr", "émiraties"),
            ("en", "Emiratis")],
    "PHL": [("en", "Philippine"), ("en", "Filipinos")],
    "BLR": [("en", "Belarusians"), ("fr", "bélarusse"), ("fr", "bélarusses")],
    "KAZ": [("fr", "kazakh"), ("fr", "kazakhe"), ("fr", "kazakhs"), ("fr", "kazakhes"),
            ("en", "Kazakh"), ("en", "Kazakhs")],
    "UZB": [("en", "Uzbek"), ("en", "Uzbeks")],
    "TJK": [("en", "Tajik"), ("en", "Tajiks"), ("fr", "tadjik"), ("fr", "tadjiks")],
    "KGZ": [("en", "Kyrgyz")],
    "ISR": [("fr", "hébreu"), ("fr", "hébreux")],
    "THA": [("en", "Thais"), ("fr", "thaï"), ("fr", "thaïe"), ("fr", "thaïs"), ("fr", "thaïes")],
    "VNM": [("fr", "viêtnamien"), ("fr", "viêtnamienne"), ("fr", "viêtnamiens")],
    "BFA": [("fr", "burkinabè"), ("fr", "burkinabés"), ("fr", "burkinabées"), ("en", "Burkinabè")],
    "MMR": [("en", "Myanmar"), ("fr", "birman")],
    "CIV": [("en", "Ivoirian"), ("en", "Ivoirians")],
    "AFG": [("en", "Afghans")],
    "NZL": [("fr", "néo-zélandais"), ("fr", "néo-zélandaise"), ("fr", "néo-zélandaises")],
    "KOR": [("fr", "sud-coréen"), ("fr", "sud-coréenne"), ("fr", "sud-coréens"), ("fr", "sud-coréennes")],
    "PRK": [("fr", "nord-coréen"), ("fr", "nord-coréenne"), ("fr", "nord-coréens"), ("fr", "nord-coréennes")],
    "ZAF": [("fr", "sud-africain"), ("fr", "sud-africaine"), ("fr", "sud-africains"), ("fr", "sud-africaines")],
    "SSD": [("fr", "sud-soudanais"), ("fr", "sud-soudanaise"), ("fr", "sud-soudanaises")],
    "PSE": [("en", "Palestinians")],
    "XKX": [("fr", "kosovar"), ("fr", "kosovars"), ("fr", "kosovare"), ("fr", "kosovares")],
}

# Capitals and seats of government the sources lack, per country:
# (lang, form, geonames name to take coordinates from (None = same as form), comment)
EXTRA_CAPITALS = {
    "UKR": [("fr", "Kiev", "Kyiv", None), ("en", "Kiev", "Kyiv", "older English spelling"),
            ("*", "Kyïv", "Kyiv", None), ("*", "Kyiv", "Kyiv", None)],
    "USA": [("*", "Washington", "Washington", "also the US state and a surname"),
            ("en", "Washington, D.C.", "Washington", None), ("en", "Washington DC", "Washington", None)],
    "CHN": [("fr", "Pékin", "Beijing", None), ("fr", "Pekin", "Beijing", None), ("en", "Peking", "Beijing", "older English spelling")],
    "CIV": [("*", "Abidjan", "Abidjan", "economic capital and seat of most of the government")],
    "BOL": [("*", "La Paz", "La Paz", "seat of government")],
    "TZA": [("*", "Dar es Salaam", "Dar es Salaam", "former capital, still the seat of much of the government"),
            ("fr", "Dar es-Salaam", "Dar es Salaam", None)],
    "ISR": [("fr", "Jérusalem", "Jerusalem", None),
            ("*", "Tel Aviv", "Tel Aviv", "not the capital, but used for the Israeli government by part of the press"),
            ("fr", "Tel-Aviv", "Tel Aviv", "not the capital, but used for the Israeli government by part of the press")],
    "BEN": [("*", "Cotonou", "Cotonou", "seat of government")],
    "MYS": [("*", "Putrajaya", "Putrajaya", "administrative capital")],
    "NLD": [],
    "KAZ": [("*", "Astana", "Astana", None), ("fr", "Nour-Soultan", "Astana", "name of Astana from 2019 to 2022"),
            ("en", "Nur-Sultan", "Astana", "name of Astana from 2019 to 2022")],
    "MMR": [("*", "Naypyidaw", "Nay Pyi Taw", None), ("*", "Nay Pyi Taw", "Nay Pyi Taw", None),
            ("*", "Naypyitaw", "Nay Pyi Taw", None)],
    "ZAF": [("fr", "Le Cap", "Cape Town", None)],
    "DZA": [("fr", "Alger", "Algiers", None)],
    "OMN": [("fr", "Mascate", "Muscat", None)],
    "RUS": [("fr", "Moscou", "Moscow", None)],
    "SGP": [("fr", "Singapour", "Singapore", None)],
    "XKX": [("*", "Pristina", "Pristina", None), ("*", "Prishtina", "Pristina", None)],
    "PSE": [("*", "Ramallah", "Ramallah", None)],
    "SAU": [("fr", "Riyad", "Riyadh", None)],
    "YEM": [("fr", "Sanaa", "Sanaa", None), ("en", "Sanaa", "Sanaa", None)],
    "LBY": [("*", "Tripoli", "Tripoli", "also Tripoli in Lebanon")],
    "TCD": [("fr", "N'Djamena", "N'Djamena", None)],
    "COD": [("*", "Kinshasa", "Kinshasa", None)],
    "VAT": [],
}

# Capital forms that are also common words: kept with a low rank and a comment.
AMBIGUOUS_CAPITALS = {
    "male": "Malé (Maldives) folds to the English word male",
    "sucre": "Sucre (Bolivia): also French sucre (sugar)",
    "roseau": "Roseau (Dominica): also French roseau (reed)",
    "praia": "Praia (Cape Verde): also Portuguese praia (beach)",
    "victoria": "Victoria (Seychelles): also a first name and many other places",
    "kingston": "Kingston (Jamaica): also Kingston upon Thames, Kingston (Ontario)…",
    "hamilton": "Hamilton (Bermuda): also a surname and other cities",
    "plymouth": "Plymouth (Montserrat): also the English city",
    "douglas": "Douglas (Isle of Man): also a first name",
    "georgetown": "Georgetown (Guyana): also the Washington neighbourhood and university",
    "nassau": "Nassau (Bahamas): also the German duchy and the US county",
    "tripoli": "Tripoli (Libya): also Tripoli in Lebanon",
    "santiago": "Santiago (Chile): also many other places",
    "washington": "Washington (USA): also the US state and a surname",
    "san jose": "San José (Costa Rica): also the US city",
    "mexico": "Mexico (French for Mexico City)",
    "stanley": "Stanley (Falklands): also a first name",
    "moroni": "Moroni (Comoros): also a surname",
}


def _strip_article(s):
    s = norm(s)
    # An article is a word of its own ("Le Caire", "the Gambia") or an elided l' ("l'Inde"):
    # "Lebanon" and "Lesotho" begin with no article.
    m = re.match(r"^(?:(?:les|le|la|the)\s+|l')(.+)$", s, re.I)
    if m:
        s = m.group(1)
    return s[0].upper() + s[1:] if s else s


def _plural_fr(w):
    return w if w.endswith(("s", "x", "z")) else w + "s"


def _plural_en(w):
    """English plural of a demonym noun, or None when it has none (Swiss, Congolese)."""
    if w.endswith(("ese", "ish", "s", "ch", "sh", "x", "z", "ic")) or w in ("French", "Dutch", "Swiss"):
        return None
    return w + "s"


def _split_demonym(s):
    parts = re.split(r",\s*|\s+or\s+|\s+et\s+", s or "")
    return [p.strip() for p in parts if p.strip()]


def build(countries, cities, mo, icu_names, common_words, path, header):
    """countries: parsed countries.json; cities: cities500 rows; mo: geonames.mo catalogue;
    icu_names: {cca2: (fr, en)} or {}; common_words: set of folded common words."""
    out = TsvWriter(path, header)
    by_code = {}
    for c in countries:
        code = CODE_FIX.get(c["cca3"], c["cca3"])
        by_code[code] = c

    def status_rank(code):
        c = by_code[code]
        if c.get("unMember"):
            return RANK_STATE
        if c.get("independent") or code in STATE_LIKE:
            return RANK_OTHER
        return RANK_TERRITORY

    # ---- names ------------------------------------------------------------------------
    names = {}      # code -> list of [form, set(langs)]

    def add_name(code, lang, form):
        form = _strip_article(form) if lang in ("fr", "en", "*") else form
        form = norm(form)
        if not form or "(" in form or "," in form or not is_latin(form):
            return
        lst = names.setdefault(code, [])
        for item in lst:
            if item[0].lower() == form.lower():
                item[1].update({"fr", "en"} if lang == "*" else {lang})
                if sum(ch.isupper() for ch in form) > sum(ch.isupper() for ch in item[0]):
                    item[0] = form      # "États-Unis d'Amérique" over "États-unis d'Amérique"
                return
        lst.append([form, {"fr", "en"} if lang == "*" else {lang}])

    for code, c in by_code.items():
        n = c["name"]
        add_name(code, "en", n["common"])
        add_name(code, "en", n["official"])
        t = c["translations"].get("fra", {})
        fr_common = t.get("common", "")
        if "(" in fr_common:      # "Congo (Rép. dém.)"
            fr_common = ""
        add_name(code, "fr", fr_common)
        add_name(code, "fr", t.get("official", ""))
        nat = n.get("native", {}).get("fra")
        if nat:
            add_name(code, "fr", nat.get("common", ""))
            add_name(code, "fr", nat.get("official", ""))
        icu = icu_names.get(c["cca2"])
        if icu:
            for lang, v in (("fr", icu[0]), ("en", icu[1])):
                if "R.A.S." in v or "S.A.R." in v or "SAR" in v.split():
                    continue
                m = re.match(r"^(.*?) \((.*)\)$", v)
                if m and code == "MMR":
                    add_name(code, lang, m.group(1))
                    add_name(code, lang, m.group(2))
                elif not m:
                    add_name(code, lang, v.replace(" - ", "-"))
        for a in c.get("altSpellings", []):
            a = norm(a)
            if len(a) <= 2 or fold(a) in ALT_DROP or is_transliteration(a):
                continue
            if fold(a) in common_words:
                continue
            add_name(code, "*", a)
        for lang, form in EXTRA_NAMES.get(code, []):
            add_name(code, lang, form)

    country_forms = {}   # folded form -> set(codes)
    country_forms_lang = {}   # (folded form, lang) -> set(codes); lang fr or en
    for code, lst in names.items():
        for form, langs in lst:
            country_forms.setdefault(fold(form), set()).add(code)
            for lang in langs:
                country_forms_lang.setdefault((fold(form), lang), set()).add(code)

    def same_country_name(code, lang, form):
        langs = ("fr", "en") if lang == "*" else (lang,)
        return all(code in country_forms_lang.get((fold(form), l), ()) for l in langs)

    def lang_of(langs):
        return "*" if langs >= {"fr", "en"} else next(iter(langs))

    def ambiguity(lang, form):
        f = fold(form)
        for key in ((lang, f), ("*", f)):
            if key in AMBIGUOUS:
                return True, AMBIGUOUS[key]
        if lang == "*":
            for key in (("fr", f), ("en", f)):
                if key in AMBIGUOUS:
                    return True, AMBIGUOUS[key]
        return False, None

    for code in sorted(by_code):
        c = by_code[code]
        base = status_rank(code)
        lat, lon = (c.get("latlng") or [None, None])[:2]
        for form, langs in names.get(code, []):
            lang = lang_of(langs)
            amb, why = ambiguity(lang, form)
            shared = country_forms[fold(form)] - {code}
            comment = None
            rank = base
            if amb:
                rank = RANK_AMBIGUOUS
                comment = "%s: %s" % (form, why) if why else None
            elif shared:
                rank = max(base - 10, 1)
                comment = "%s: also names %s" % (form, ", ".join(sorted(shared)))
            out.add(form, lang, "country", code, "", "", c["name"]["common"], lat, lon,
                    rank=rank, comment=comment)

    # ---- demonyms ---------------------------------------------------------------------
    dem = {}   # (lang, folded) -> {code: form}
    for code, c in by_code.items():
        forms = []
        d = c.get("demonyms", {})
        for g in ("m", "f"):
            for p in _split_demonym(d.get("fra", {}).get(g, "")):
                w = p.lower()
                forms += [("fr", w), ("fr", _plural_fr(w))]
            for p in _split_demonym(d.get("eng", {}).get(g, "")):
                forms.append(("en", p))
                pl = None if same_country_name(code, "en", p) else _plural_en(p)
                if pl:
                    forms.append(("en", pl))
        forms += [(lang, f.lower() if lang == "fr" else f) for lang, f in EXTRA_DEMONYMS.get(code, [])]
        for lang, f in forms:
            f = norm(f)
            if not f or (lang, fold(f)) in DROP_DEMONYMS:
                continue
            dem.setdefault((lang, fold(f)), {}).setdefault(code, f)

    for (lang, key), owners in sorted(dem.items(), key=lambda kv: (sorted(kv[1])[0], kv[0])):
        states = {k: v for k, v in owners.items() if status_rank(k) > RANK_TERRITORY}
        if states:
            owners = states
        for code, form in sorted(owners.items()):
            rank = status_rank(code)
            comment = None
            if key in AMBIGUOUS_DEMONYMS:
                rank = RANK_AMBIGUOUS
                why = AMBIGUOUS_DEMONYMS[key]
                comment = "%s: %s" % (form, why) if why else None
            elif len(owners) > 1:
                rank = max(rank - 10, 1)
                comment = "%s: shared by %s" % (form, ", ".join(sorted(owners)))
            out.add(form, lang, "demonym", code, "", "", by_code[code]["name"]["common"],
                    rank=rank, comment=comment)

    # ---- capitals ---------------------------------------------------------------------
    cities_by_cc = {}
    for r in cities:
        cities_by_cc.setdefault(r["cc"], []).append(r)

    def find_city(cc, name):
        k = fold(name)
        best = None
        for r in cities_by_cc.get(cc, []):
            keys = {fold(r["name"]), fold(r["ascii"])} | {fold(a) for a in r["alt"]}
            if k in keys:
                score = (r["fcode"] == "PPLC", fold(r["name"]) == k, r["pop"])
                if best is None or score > best[0]:
                    best = (score, r)
        return best[1] if best else None

    def add_capital(code, lang, form, r, comment=None):
        f = fold(form)
        if " - " in form:
            return   # "Palikir - National Government Center"
        if same_country_name(code, lang, form):
            return   # "Koweït", "Singapore", "Luxembourg": the country line covers the name
        rank = r["pop"] if r else 0
        if f in AMBIGUOUS_CAPITALS:
            comment = comment or AMBIGUOUS_CAPITALS[f]
        elif f in country_forms and not same_country_name(code, "*", form):
            comment = comment or "%s: also a country name (%s)" % (form, ", ".join(sorted(country_forms[f])))
        out.add(form, lang, "capital", code, "", "", r["name"] if r else form,
                r["lat"] if r else "", r["lon"] if r else "", rank=rank, comment=comment)

    for code in sorted(by_code):
        c = by_code[code]
        if not (c.get("independent") or code in STATE_LIKE):
            continue
        cc = c["cca2"]
        for cap in c.get("capital", []):
            r = find_city(cc, cap) or find_city(cc, cap.replace(" City", "").replace(" D.C.", ""))
            if r is None:
                ppl = [x for x in cities_by_cc.get(cc, []) if x["fcode"] == "PPLC"]
                r = ppl[0] if len(ppl) == 1 else None
            fr = mo.get(r["id"]) if r else None
            has_fr = bool(fr and fold(fr) != fold(r["name"]))
            add_capital(code, "en" if has_fr or fold(cap) != fold(r["name"] if r else cap) else "*", cap, r)
            if r:
                if r["name"] != cap:
                    add_capital(code, "en" if has_fr else "*", r["name"], r)
                if has_fr:
                    add_capital(code, "fr", fr, r)
        for lang, form, gname, comment in EXTRA_CAPITALS.get(code, []):
            r = find_city(cc, gname)
            add_capital(code, lang, form, r, comment)

    n = out.write()
    return n, country_forms
