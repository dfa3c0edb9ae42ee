"""How often a word occurs in today's Arabic, and whether it takes the article «ال».

Arabic has no capital letters, so a tagger trained on 2007 newswire has no cue that an
unseen word («مالاتشنكو», «دينغوف», a new militia) is a name. Word frequencies from a
large modern corpus give two:

* a frequency band: common vocabulary is frequent, most names are rarer;
* the *article ratio*, the casing cue of Arabic: a common noun or adjective occurs both
  bare and with «ال» («قاعدة» 4.9 / «القاعدة» 5.0 on the Zipf scale), while a person's
  name almost never takes the article («حفتر» 3.5 / «الحفتر» absent, «داعش» 5.1 /
  «الداعش» 1.6). Verbs and particles never take it either; the CRF separates them from
  names with the prefix and suffix features.

The table is generated at build time from the ``wordfreq`` package (Speer, 2022; its
Arabic list merges Wikipedia, subtitles, news, web text and Twitter), folded with
:func:`text.fold` and stored as hashed ``data/wordfreq_ar.bin`` (see :class:`FreqTable`); wordfreq itself
is not needed at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import sys
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from .text import fold, split_clitic

TABLE_PATH = Path(__file__).resolve().parent / "data" / "wordfreq_ar.bin"
MIN_ZIPF = 1.5  # rarer words count as unknown (Zipf 1.5: about 3 in 100 million words)
_ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0641-\u064a]{2,}$")


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


class FreqTable:
    """Folded word → Zipf × 10, 0 when unknown.

    A third of a million words as a dict of str would cost ~60 MB in every worker and
    seconds to load; as sorted 64-bit hashes plus one byte each it is 3 MB, read in
    milliseconds (a false hit needs ~2^32 words).
    """

    def __init__(self, keys: array, vals: array) -> None:
        self._keys, self._vals = keys, vals

    @classmethod
    def from_rows(cls, rows: dict[str, int]) -> FreqTable:
        pairs = sorted((_hash(w), z) for w, z in rows.items())
        return cls(array("Q", (h for h, _ in pairs)), array("B", (z for _, z in pairs)))

    @classmethod
    def read(cls, path: Path) -> FreqTable:
        data = path.read_bytes()
        n = int.from_bytes(data[:8], "little")
        keys, vals = array("Q"), array("B")
        keys.frombytes(data[8:8 + 8 * n])
        vals.frombytes(data[8 + 8 * n:8 + 9 * n])
        if sys.byteorder != "little":
            keys.byteswap()
        return cls(keys, vals)

    def write(self, path: Path) -> None:
        keys = array("Q", self._keys)
        if sys.byteorder != "little":
            keys.byteswap()
        path.write_bytes(len(keys).to_bytes(8, "little") + keys.tobytes() + self._vals.tobytes())

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, word: str, default: int = 0) -> int:
        h = _hash(word)
        i = bisect_left(self._keys, h)
        return self._vals[i] if i < len(self._keys) and self._keys[i] == h else default


def build(out: Path = TABLE_PATH) -> int:
    """Write the folded Arabic frequency table; returns the number of entries."""
    try:
        from wordfreq import iter_wordlist, word_frequency
    except ImportError as exc:  # a build-time dependency only
        raise SystemExit("building the frequency table needs `pip install wordfreq`") from exc
    freq: dict[str, float] = {}
    for word in iter_wordlist("ar", "large"):
        f = fold(word)
        if _ARABIC_WORD.match(f):
            freq[f] = freq.get(f, 0.0) + word_frequency(word, "ar", "large")
    zipf = {w: round(math.log10(v * 1e9) * 10) for w, v in freq.items()}
    table = FreqTable.from_rows({w: z for w, z in zipf.items() if z >= MIN_ZIPF * 10})
    out.parent.mkdir(parents=True, exist_ok=True)
    table.write(out)
    return len(table)


@lru_cache(maxsize=1)
def table(path: Path = TABLE_PATH) -> FreqTable:
    """The shipped table, loaded once per process (empty if the file is missing)."""
    return FreqTable.read(path) if path.exists() else FreqTable(array("Q"), array("B"))


def freq_features(folded: str, freq: FreqTable) -> list[str]:
    """``zf=`` band of the word, ``zs=`` band of its clitic-stripped stem, ``def=`` article cue
    (see :func:`article_cue`)."""
    if not len(freq):
        return []
    z, zs, cue = _measure(folded, freq)
    feats = ["zf=" + str(min(z // 10, 6))]
    if zs is not None:
        feats.append("zs=" + str(min(zs // 10, 6)))
    if cue:
        feats.append("def=" + cue)
    return feats


def article_cue(folded: str, freq: FreqTable) -> str | None:
    """How the bare stem relates to its «ال» form: ``N`` never or rarely definite (a name,
    a verb, a particle), ``L`` seldom, ``D`` both, ``A`` only with the article, ``X``
    neither form is known (a rare word or an unseen name); None for short words or
    without a table."""
    return _measure(folded, freq)[2] if len(freq) else None


def _measure(folded: str, freq: FreqTable) -> tuple[int, int | None, str | None]:
    """Zipf × 10 of the word and (with a clitic) of its stem, and the article cue."""
    z = freq.get(folded)
    zs = None
    clitic, stem = split_clitic(folded)
    if clitic:
        zs = freq.get(stem)
        if zs < z:  # «بوتين» is a word, not «ب» + «وتين»
            stem = folded
    if len(stem) < 3:
        return z, zs, None
    bare = stem[2:] if stem.startswith("ال") and len(stem) >= 5 else stem
    zb, za = freq.get(bare), freq.get("ال" + bare)
    if zb >= 15:
        d = za - zb
        return z, zs, "N" if d < -20 else "L" if d < -7 else "D"
    if za >= 15:
        return z, zs, "A"
    return z, zs, "X" if not zb and not za else None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Generate the Arabic word-frequency table from wordfreq.")
    ap.add_argument("--out", type=Path, default=TABLE_PATH)
    args = ap.parse_args(argv)
    n = build(args.out)
    print(f"{n} words -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
