"""Duplicate detection: canonical URLs, exact content keys and near-duplicate stories.

The same wire story reaches us from many outlets, each lightly re-edited (new headline,
a dateline, a trimmed last paragraph, a sentence of context, different quotes and
hamza spelling). Exact hashes miss those, so near-duplicates are found with MinHash over
word shingles of *normalised* Arabic text plus LSH banding: documents that share any
band bucket become candidates, and a candidate counts only if the estimated Jaccard
similarity of the two shingle sets reaches the threshold. The threshold and band layout
come from the experiment in ``tests/test_dedup.py::test_threshold_experiment``.

The index is shared by every ingest worker through Redis. ``check_and_add`` runs as one
Lua script (look up candidates, decide, insert), so two workers racing on the same story
are serialised by Redis and agree on which id came first. The in-memory backend runs the
same algorithm under a lock for tests and single-process use.
"""

from __future__ import annotations

import hashlib
import re
import struct
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import courlan

# --------------------------------------------------------------------------- URLs


def canonical_url(url: str) -> str | None:
    """The URL that keys an article id, or ``None`` when ``url`` is not an http(s) URL.

    courlan lower-cases scheme and host, drops default ports, sorts the query and strips
    tracking parameters (``utm_*``, ``fbclid`` ...). The fragment is dropped too: it never
    selects different content from a server.
    """
    if not url or not isinstance(url, str):
        return None
    cleaned = courlan.clean_url(url.strip())
    if not cleaned:
        return None
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    path = parts.path or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


# --------------------------------------------------------------------------- Arabic text

_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    }
)


def normalize_arabic(text: str) -> str:
    """Fold the spelling variation outlets introduce, for comparison only (never stored).

    NFKC first (presentation forms, ligatures), then diacritics and tatweel go, alef
    variants, hamza seats, alef maqsura and ta marbuta fold, and every punctuation or
    symbol character becomes a space, so ``بـ"حفتر"`` and ``ب حفتر`` tokenise alike.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS_RE.sub("", text).translate(_FOLD).casefold()
    return "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)


def tokens(text: str) -> list[str]:
    """Normalised words; single letters (detached clitics like ``ب`` ``و``) are dropped."""
    return [t for t in normalize_arabic(text).split() if len(t) > 1]


def exact_key(text: str) -> str:
    """Hash of the normalised token stream: equal modulo spelling, spacing and punctuation."""
    return hashlib.sha256(" ".join(tokens(text)).encode("utf-8")).hexdigest()


_EMPTY_KEY = hashlib.sha256(b"").hexdigest()


def shingles(text: str, k: int) -> set[str]:
    toks = tokens(text)
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


# --------------------------------------------------------------------------- MinHash


@dataclass(frozen=True)
class MinHasher:
    """MinHash with ``num_perm`` hash functions, banded ``bands`` x ``rows``.

    Each shingle gets ``num_perm`` independent 32-bit hashes from one SHAKE-128 output
    (4x faster in CPython than ``num_perm`` universal-hash multiplications: ~20 ms for a
    long article). The seed salts the hash so every worker (and every deploy) computes
    the same signatures; changing any parameter invalidates a live Redis index, so bump
    ``version`` with it.
    """

    num_perm: int = 64
    bands: int = 32
    rows: int = 2
    shingle_size: int = 3
    min_shingles: int = 8  # below this, only the exact check runs (too little text to compare)
    seed: int = 0x6E616261
    version: int = 1
    _row: struct.Struct = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.bands * self.rows != self.num_perm:
            raise ValueError("bands * rows must equal num_perm")
        object.__setattr__(self, "_row", struct.Struct(f">{self.num_perm}I"))

    def signature(self, text: str) -> list[int]:
        """``num_perm`` 32-bit minima, or ``[]`` when the text is too short to compare."""
        return self.signature_and_size(text)[0]

    def signature_and_size(self, text: str) -> tuple[list[int], int]:
        """The signature and the number of distinct shingles (for containment)."""
        sh = shingles(text, self.shingle_size)
        if len(sh) < self.min_shingles:
            return [], len(sh)
        salt = self.seed.to_bytes(8, "big")
        size = 4 * self.num_perm
        rows = [self._row.unpack(hashlib.shake_128(salt + s.encode("utf-8")).digest(size)) for s in sh]
        return [min(column) for column in zip(*rows, strict=True)], len(sh)

    def band_keys(self, sig: Sequence[int]) -> list[str]:
        """One bucket name per band: ``v<version>:<band>:<hash of the band's rows>``."""
        if not sig:
            return []
        out = []
        for band in range(self.bands):
            chunk = struct.pack(f">{self.rows}I", *sig[band * self.rows : (band + 1) * self.rows])
            out.append(f"v{self.version}:{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
        return out


def pack_signature(sig: Sequence[int]) -> bytes:
    return struct.pack(f">{len(sig)}I", *sig)


def unpack_signature(blob: bytes) -> list[int]:
    return list(struct.unpack(f">{len(blob) // 4}I", blob))


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of MinHash positions that agree: an unbiased estimate of shingle Jaccard."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def estimated_containment(j: float, n_a: int, n_b: int) -> float:
    """Share of the smaller shingle set inside the larger, from Jaccard and set sizes.

    |A & B| = J (|A| + |B|) / (1 + J). Catches an outlet running the first half of a wire
    story, whose Jaccard with the full text is low while its containment is ~1.
    """
    small = min(n_a, n_b)
    return j * (n_a + n_b) / (1 + j) / small if small else 0.0


def is_same_story(j: float, n_a: int, n_b: int, rule: DuplicateRule) -> bool:
    """The duplicate decision; mirrored line for line in the Lua script."""
    if j >= rule.jaccard:
        return True
    small, large = min(n_a, n_b), max(n_a, n_b)
    # A MinHash estimate of containment explodes with the size ratio (one chance collision
    # between a 20-shingle brief and a 1,000-shingle feature would read as 0.8), so it is
    # trusted only for sets of comparable size.
    if small == 0 or large > rule.max_ratio * small:
        return False
    return estimated_containment(j, n_a, n_b) >= rule.containment


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


# --------------------------------------------------------------------------- index


@dataclass(frozen=True, slots=True)
class DuplicateRule:
    """When a candidate counts as the same story (see ``test_threshold_experiment``).

    Measured on 3-word shingles of the seed articles (five different stories on one
    topic, Haftar/Russia/Libya) and 40 re-edits of them: re-edits scored Jaccard >= 0.47
    except excerpts (first 40-60 %), which score 0.30-0.61 but containment 1.0; different
    stories scored Jaccard <= 0.006 and containment <= 0.016. The thresholds sit well
    inside that gap so that MinHash noise (sd ~0.06 at 64 permutations) does not cross it.
    """

    jaccard: float = 0.3
    containment: float = 0.6
    max_ratio: float = 4.0


DEFAULT_RULE = DuplicateRule()


class DedupIndex(Protocol):
    def check_and_add(self, article_id: str, text: str) -> str | None:
        """Record the article; return the id of the story it duplicates, else ``None``.

        Idempotent: asking again for an id already recorded returns the first verdict.
        """
        ...


@dataclass
class _Doc:
    sig: list[int]
    size: int
    dup: str  # "" when the doc is itself the first of its story


class InMemoryDedupIndex:
    """Dict-backed index with the same algorithm as the Redis one (tests, one process)."""

    def __init__(self, hasher: MinHasher | None = None, rule: DuplicateRule = DEFAULT_RULE) -> None:
        self.hasher = hasher or MinHasher()
        self.rule = rule
        self._docs: dict[str, _Doc] = {}
        self._exact: dict[str, str] = {}
        self._buckets: dict[str, set[str]] = {}
        self._lock = threading.Lock()

    def check_and_add(self, article_id: str, text: str) -> str | None:
        sig, size = self.hasher.signature_and_size(text)
        bands = self.hasher.band_keys(sig)
        ekey = exact_key(text)
        if not sig and ekey == _EMPTY_KEY:
            return None  # nothing to compare: empty bodies are not duplicates of each other
        with self._lock:
            if article_id in self._docs:
                return self._docs[article_id].dup or None
            verdict = ""
            first = self._exact.get(ekey)
            if first is not None and first != article_id:
                verdict = self._docs[first].dup or first
            elif sig:
                best, best_score = None, -1.0
                for cand in sorted(set().union(*(self._buckets.get(b, set()) for b in bands))):
                    other = self._docs[cand]
                    score = estimated_jaccard(sig, other.sig)
                    if score > best_score and is_same_story(score, size, other.size, self.rule):
                        best, best_score = cand, score
                if best is not None:
                    verdict = self._docs[best].dup or best
            self._docs[article_id] = _Doc(sig, size, verdict)
            self._exact.setdefault(ekey, article_id)
            for b in bands:
                self._buckets.setdefault(b, set()).add(article_id)
            return verdict or None


# Decide and insert in one step. KEYS: doc key, exact key, band keys. ARGV: doc-key prefix,
# id, packed signature, shingle count, jaccard, containment, max ratio, ttl, max candidates.
# Candidate doc keys are built from the prefix; they share its {hash tag}, so they live in
# the same cluster slot although they are not declared. The decision mirrors is_same_story.
_CHECK_AND_ADD_LUA = """
local prefix, id, sig, size = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local jt, ct, ratio = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local ttl, max_cand = tonumber(ARGV[8]), tonumber(ARGV[9])
local known = redis.call('HGET', KEYS[1], 'dup')
if known then return known end

local function same_story(j, na, nb)
  if j >= jt then return true end
  local small, large = math.min(na, nb), math.max(na, nb)
  if small == 0 or large > ratio * small then return false end
  return j * (na + nb) / (1 + j) / small >= ct
end

local verdict = ''
local first = redis.call('GET', KEYS[2])
if first and first ~= id then
  local root = redis.call('HGET', prefix .. first, 'dup')
  if root and root ~= '' then verdict = root else verdict = first end
elseif #sig > 0 then
  local perms = #sig / 4
  local cands, seen = {}, {}
  for i = 3, #KEYS do
    for _, cand in ipairs(redis.call('SMEMBERS', KEYS[i])) do
      if not seen[cand] and cand ~= id then
        seen[cand] = true
        cands[#cands + 1] = cand
      end
    end
  end
  table.sort(cands)
  local best_root, best_score = nil, -1
  for n, cand in ipairs(cands) do
    if n > max_cand then break end
    local other = redis.call('HMGET', prefix .. cand, 'sig', 'size', 'dup')
    if other[1] then
      local same = 0
      for p = 0, perms - 1 do
        if string.sub(sig, p * 4 + 1, p * 4 + 4) == string.sub(other[1], p * 4 + 1, p * 4 + 4) then
          same = same + 1
        end
      end
      local j = same / perms
      if j > best_score and same_story(j, size, tonumber(other[2])) then
        best_score = j
        if other[3] and other[3] ~= '' then best_root = other[3] else best_root = cand end
      end
    end
  end
  if best_root then verdict = best_root end
end
redis.call('HSET', KEYS[1], 'sig', sig, 'size', size, 'dup', verdict)
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('SET', KEYS[2], id, 'NX', 'EX', ttl)
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], id)
  redis.call('EXPIRE', KEYS[i], ttl)
end
return verdict
"""


class RedisDedupIndex:
    """Index shared by all workers: one hash per doc, one Redis set per LSH bucket.

    Keys (all under one hash tag, so the script also runs on Redis Cluster):
    ``naba:{dedup}:doc:<id>`` (signature, shingle count, verdict),
    ``naba:{dedup}:exact:<sha>`` (first id with that normalised body),
    ``naba:{dedup}:band:<bucket>`` (ids in the bucket). Every key expires ``window``
    seconds after its last write: wire copies of a story arrive within hours or days, so
    a story is deduplicated against recent news only. That is what bounds memory: each
    article costs ~34 small keys, measured at ~12 KB in redis-server 7.0 (3 days at
    2,000 articles a day: ~70 MB). Expired candidates are skipped. The script is atomic,
    so two workers racing on one story cannot both win.
    """

    def __init__(
        self,
        client: Any,
        *,
        hasher: MinHasher | None = None,
        rule: DuplicateRule = DEFAULT_RULE,
        window: int = 3 * 24 * 3600,
        prefix: str = "naba:{dedup}",
        max_candidates: int = 500,
    ) -> None:
        self.client = client
        self.hasher = hasher or MinHasher()
        self.rule = rule
        self.window = window
        self.prefix = prefix
        self.max_candidates = max_candidates
        self._script = client.register_script(_CHECK_AND_ADD_LUA)

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> RedisDedupIndex:
        import redis

        return cls(redis.Redis.from_url(url), **kwargs)

    @classmethod
    def from_settings(cls, client: Any = None, settings: Any = None) -> RedisDedupIndex:
        """The index the ingest task uses: naba's Redis, window from ``dedup_window`` if set."""
        from services.shared.redis_client import get_redis
        from services.shared.settings import get_settings

        s = settings or get_settings()
        window = int(getattr(s, "dedup_window", 3 * 24 * 3600))
        return cls(client if client is not None else get_redis(), window=window)

    def check_and_add(self, article_id: str, text: str) -> str | None:
        sig, size = self.hasher.signature_and_size(text)
        ekey = exact_key(text)
        if not sig and ekey == _EMPTY_KEY:
            return None
        keys = [f"{self.prefix}:doc:{article_id}", f"{self.prefix}:exact:{ekey}"]
        keys += [f"{self.prefix}:band:{b}" for b in self.hasher.band_keys(sig)]
        r = self.rule
        args = [
            f"{self.prefix}:doc:",
            article_id,
            pack_signature(sig),
            size,
            repr(r.jaccard),
            repr(r.containment),
            repr(r.max_ratio),
            self.window,
            self.max_candidates,
        ]
        verdict = self._script(keys=keys, args=args)
        if isinstance(verdict, bytes):
            verdict = verdict.decode("utf-8")
        return verdict or None


def dedup_many(index: DedupIndex, items: Iterable[tuple[str, str]]) -> dict[str, str | None]:
    """Convenience for batch tools: ``{article_id: duplicate_of}`` in input order."""
    return {aid: index.check_and_add(aid, text) for aid, text in items}
