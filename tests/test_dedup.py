"""Canonical URLs, Arabic normalisation, MinHash near-duplicates; Redis index on a real redis-server."""

from __future__ import annotations

import contextlib
import itertools
import random
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.ingest.dedup import (
    DEFAULT_RULE,
    InMemoryDedupIndex,
    MinHasher,
    RedisDedupIndex,
    canonical_url,
    estimated_containment,
    estimated_jaccard,
    exact_key,
    is_same_story,
    jaccard,
    normalize_arabic,
    shingles,
    tokens,
)

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


# --------------------------------------------------------------------------- real redis-server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def run_redis_server() -> Iterator[str]:
    """Our own throwaway redis-server on a free loopback port (no persistence); yields its URL."""
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("redis-server not installed")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="naba-redis-") as tmp:
        proc = subprocess.Popen(
            [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", tmp],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            import redis

            client = redis.Redis(port=port)
            for _ in range(100):
                try:
                    if client.ping():
                        break
                except redis.ConnectionError:
                    time.sleep(0.05)
            else:
                pytest.fail("redis-server did not start")
            client.close()
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            proc.terminate()
            proc.wait(10)


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with run_redis_server() as url:
        yield url


@pytest.fixture()
def redis_client(redis_url: str):
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.close()


# --------------------------------------------------------------------------- corpus


def seed_texts() -> list[str]:
    assert len(SEEDS) >= 5, "the seeds/ directory holds the experiment's articles"
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


SYNONYMS = {"قال": "أكد", "وقال": "وأضاف", "الجيش": "القوات", "العاصمة": "المدينة", "إن": "أن", "التي": "الذي"}


def re_edits(text: str, other: str, seed: int) -> dict[str, str]:
    """How outlets re-edit one wire story: the positives of the experiment."""
    ps, extra = paragraphs(text), paragraphs(other)
    rng = random.Random(seed)
    words = text.split()
    edited = [SYNONYMS.get(w, w) if rng.random() < 0.5 else w for w in words]
    edited = [w if rng.random() > 0.05 else rng.choice(words) for w in edited]
    swapped = ps[:]
    if len(swapped) > 4:
        swapped[2], swapped[3] = swapped[3], swapped[2]
    return {
        "new headline, dateline, last paragraph cut": "\n".join(
            ["عنوان جديد للخبر من وكالة أخرى", "طرابلس (رويترز) - " + ps[1], *ps[2:-1]]
        ),
        "diacritics, hamza, quotes, tatweel": "\n".join(
            p.replace("ا", "أ", 3).replace('"', "«", 1).replace("ي", "ى", 2).replace("ة", "ه", 3).replace("ل", "لـ", 2)
            for p in ps
        ),
        "background paragraphs appended": "\n".join(ps + extra[2:4]),
        "paragraphs swapped": "\n".join(swapped),
        "5% words edited, synonyms": " ".join(edited),
        "all of it": "\n".join(
            [
                "عنوان آخر",
                "القاهرة - وكالات: " + " ".join(edited[len(ps[0].split()) : int(len(edited) * 0.8)]),
                *extra[3:4],
            ]
        ),
        "excerpt (first 60% of words)": " ".join(words[: int(len(words) * 0.6)]),
        "excerpt (first 35% of words)": " ".join(words[: int(len(words) * 0.35)]),
    }


# --------------------------------------------------------------------------- URLs and text


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://Example.COM:443/a/b?utm_source=x&id=3&fbclid=1#frag", "https://example.com/a/b?id=3"),
        ("http://example.com/news?b=2&a=1", "http://example.com/news?a=1&b=2"),
        ("https://ex.com/ar/خبر?utm_campaign=rss", "https://ex.com/ar/%D8%AE%D8%A8%D8%B1"),
        ("http://example.com", "http://example.com/"),
        ("ftp://example.com/x", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_canonical_url(url: str, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


def test_normalize_arabic_folds_spelling_variation() -> None:
    assert normalize_arabic("قالَ إنّ الأُمَمَ") == "قال ان الامم"
    assert normalize_arabic("مستشفى الجامعة") == normalize_arabic("مستشفي الجامعه")
    assert normalize_arabic("المـــتحدة") == "المتحده"  # tatweel
    assert normalize_arabic("سؤال مسائل آمال ٱلله") == "سوال مسايل امال الله"
    assert normalize_arabic("عام ٢٠١٩ و۲۰۲۰") == "عام 2019 و2020"
    assert normalize_arabic("ﻻ") == "لا"  # presentation-form ligature
    assert tokens('وقال بـ"حفتر"، «الجيش»؛ هل؟') == ["وقال", "حفتر", "الجيش", "هل"]


def test_exact_key_ignores_spelling_spacing_and_punctuation() -> None:
    a = "قال المتحدث: إن الأمم المتحدة ستعقد اجتماعاً."
    b = "قال  المتحدث  إنّ الامم المتحدة ستعقد اجتماعا"
    assert exact_key(a) == exact_key(b)
    assert exact_key(a) != exact_key("قال المتحدث إن الجامعة العربية ستعقد اجتماعا")


def test_minhash_estimates_jaccard() -> None:
    texts = seed_texts()
    h = MinHasher(num_perm=256, bands=128, rows=2)
    a, b = texts[0], "\n".join(paragraphs(texts[0])[:-3])
    true = jaccard(shingles(a, 3), shingles(b, 3))
    est = estimated_jaccard(h.signature(a), h.signature(b))
    assert abs(true - est) < 0.08, (true, est)
    assert h.signature(a) == MinHasher(num_perm=256, bands=128, rows=2).signature(a)  # deterministic
    assert MinHasher().signature("قصير جدا") == []  # too short to compare


def test_containment_guard() -> None:
    assert estimated_containment(0.4, 100, 40) == pytest.approx(0.4 * 140 / 1.4 / 40)
    assert is_same_story(0.35, 100, 40, DEFAULT_RULE)  # an excerpt
    assert not is_same_story(1 / 64, 1000, 20, DEFAULT_RULE)  # one chance collision, huge size ratio
    assert not is_same_story(0.05, 100, 100, DEFAULT_RULE)


def test_threshold_experiment(capsys: pytest.CaptureFixture[str]) -> None:
    """Re-edits of one story vs different stories on one topic (the seeds are five stories
    about Haftar, Russia and Libya). Prints the figures behind DuplicateRule."""
    texts = seed_texts()
    hasher = MinHasher()
    rows = []
    for i, text in enumerate(texts):
        for name, variant in re_edits(text, texts[(i + 1) % len(texts)], seed=i).items():
            a, b = shingles(text, 3), shingles(variant, 3)
            j_est = estimated_jaccard(hasher.signature(text), hasher.signature(variant))
            rows.append(("same story", name, jaccard(a, b), len(a & b) / min(len(a), len(b)), j_est, len(a), len(b)))
    for x, y in itertools.combinations(range(len(texts)), 2):
        a, b = shingles(texts[x], 3), shingles(texts[y], 3)
        j_est = estimated_jaccard(hasher.signature(texts[x]), hasher.signature(texts[y]))
        rows.append(
            ("different", f"seed {x} vs {y}", jaccard(a, b), len(a & b) / min(len(a), len(b)), j_est, len(a), len(b))
        )

    with capsys.disabled():
        print("\nnear-duplicate experiment (3-word shingles, 64-perm MinHash, rule", DEFAULT_RULE, ")")
        print(f"{'pair':10} {'edit':45} {'J':>6} {'C':>6} {'J~':>6} verdict")
        for kind, name, j, c, j_est, na, nb in sorted(rows, key=lambda r: (r[0], r[2])):
            verdict = is_same_story(j_est, na, nb, DEFAULT_RULE)
            print(f"{kind:10} {name:45} {j:6.3f} {c:6.3f} {j_est:6.3f} {'DUP' if verdict else '-'}")

    same = [r for r in rows if r[0] == "same story"]
    different = [r for r in rows if r[0] == "different"]
    assert max(r[2] for r in different) < 0.05 and max(r[3] for r in different) < 0.05
    assert min(r[3] for r in same) > 0.65  # containment separates every re-edit
    assert all(is_same_story(r[4], r[5], r[6], DEFAULT_RULE) for r in same)
    assert not any(is_same_story(r[4], r[5], r[6], DEFAULT_RULE) for r in different)
    # known limit: a lead-only excerpt (headline + first paragraph, < 1/4 of the story) is
    # too small against the full text for a MinHash containment estimate, and is missed
    lead = "\n".join(paragraphs(texts[3])[:2])
    a, b = shingles(texts[3], 3), shingles(lead, 3)
    j_est = estimated_jaccard(hasher.signature(texts[3]), hasher.signature(lead))
    assert len(a & b) / len(b) > 0.9 and not is_same_story(j_est, len(a), len(b), DEFAULT_RULE)


# --------------------------------------------------------------------------- the index


def wire_story_corpus() -> list[tuple[str, str, str | None]]:
    """(id, text, expected duplicate_of): one story from ten outlets plus four other stories."""
    texts = seed_texts()
    story = texts[3]
    versions = [story, *re_edits(story, texts[0], seed=7).values()]
    versions.append(story.replace("ليبيا", "ليبيـا"))  # tatweel: exact key equal
    assert len(versions) == 10
    corpus: list[tuple[str, str, str | None]] = [
        (f"outlet{i:02d}", v, None if i == 0 else "outlet00") for i, v in enumerate(versions)
    ]
    corpus += [(f"other{i}", t, None) for i, t in enumerate(texts) if t is not story]
    return corpus


def test_ten_outlets_one_story_in_memory() -> None:
    index = InMemoryDedupIndex()
    for aid, text, expected in wire_story_corpus():
        assert index.check_and_add(aid, text) == expected, aid
    # idempotent: a redelivered task gets the same answer, and the original stays original
    assert index.check_and_add("outlet00", seed_texts()[3]) is None
    assert index.check_and_add("outlet05", "whatever") == "outlet00"


def test_chains_resolve_to_the_first_id() -> None:
    texts = seed_texts()
    ps = paragraphs(texts[2])
    a = "\n".join(ps[:12])
    b = "\n".join(ps[4:16])  # overlaps a
    c = "\n".join(ps[8:])  # overlaps b more than a
    index = InMemoryDedupIndex()
    assert index.check_and_add("a", a) is None
    got_b = index.check_and_add("b", b)
    got_c = index.check_and_add("c", c)
    assert got_c in (None, "a") and got_b in (None, "a")  # never points at a non-root


def test_empty_and_short_texts() -> None:
    index = InMemoryDedupIndex()
    assert index.check_and_add("e1", "") is None
    assert index.check_and_add("e2", "  ") is None  # empty bodies are not each other's duplicates
    assert index.check_and_add("s1", "عاجل: انفجار في طرابلس") is None
    assert index.check_and_add("s2", "عاجل - انفجار في طرابلس!") == "s1"  # short: exact key only
    assert index.check_and_add("s3", "عاجل: انفجار في بنغازي") is None


def test_redis_index_agrees_with_in_memory(redis_client) -> None:
    memory, shared = InMemoryDedupIndex(), RedisDedupIndex(redis_client, window=3600)
    for aid, text, expected in wire_story_corpus():
        assert shared.check_and_add(aid, text) == memory.check_and_add(aid, text) == expected, aid
    assert shared.check_and_add("outlet00", "anything") is None  # idempotent
    assert shared.check_and_add("outlet04", "anything") == "outlet00"
    ttl = redis_client.ttl("naba:{dedup}:doc:outlet00")
    assert 0 < ttl <= 3600
    bands = list(redis_client.scan_iter("naba:{dedup}:band:*"))
    assert bands and all(0 < redis_client.ttl(k) <= 3600 for k in bands)
    assert RedisDedupIndex.from_settings(redis_client).check_and_add("outlet09", "anything") == "outlet00"


def test_redis_index_shared_by_workers(redis_url: str, redis_client) -> None:
    """Separate clients (think: processes) see one index."""
    texts = seed_texts()
    first = RedisDedupIndex.from_url(redis_url)
    second = RedisDedupIndex.from_url(redis_url)
    assert first.check_and_add("w1", texts[1]) is None
    assert second.check_and_add("w2", "\n".join(paragraphs(texts[1])[1:])) == "w1"
    assert second.check_and_add("w3", texts[2]) is None


def test_racing_workers_agree(redis_url: str, redis_client) -> None:
    """Twelve workers submit versions of one story at the same instant: exactly one wins."""
    texts = seed_texts()
    versions = list(re_edits(texts[4], texts[1], seed=3).values()) + [texts[4]] * 5
    barrier = threading.Barrier(len(versions))
    results: dict[str, str | None] = {}

    def worker(i: int, text: str) -> None:
        index = RedisDedupIndex.from_url(redis_url)
        barrier.wait()
        results[f"r{i}"] = index.check_and_add(f"r{i}", text)

    threads = [threading.Thread(target=worker, args=(i, v)) for i, v in enumerate(versions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [aid for aid, dup in results.items() if dup is None]
    assert len(results) == len(versions) and len(winners) == 1
    assert all(dup == winners[0] for aid, dup in results.items() if aid != winners[0])
