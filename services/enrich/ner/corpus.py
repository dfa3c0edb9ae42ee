"""Reading the CoNLL-style NER corpora (ANERcorp, AQMAR) into tagged sentences.

Both files are ``token TAG`` per line with blank lines between sentences. Their tag
sets differ and carry typos (``B-PERs``, ``IPERS``, ``B-OEG``, ``I--ORG``), so tags are
repaired and mapped onto one scheme: PER, LOC, ORG, MISC (AQMAR's MIS0–3 are MISC).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

Sentence = list[tuple[str, str]]

_TYPO = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "OEG": "ORG", "ORF": "ORG", "MISC": "MISC",
         "MIS": "MISC", "MISS": "MISC"}
TYPES = ("PER", "LOC", "ORG", "MISC")


def map_tag(raw: str) -> str:
    """Repair and map one raw tag to ``O`` / ``B-T`` / ``I-T`` with T in TYPES."""
    tag = raw.strip().upper()
    m = re.match(r"^([BI])-*-?([A-Z]+)", tag)
    if not m:
        m = re.match(r"^([BI])(PERS|PER|LOC|ORG|MISC)$", tag)
        if not m:
            return "O"
    prefix, typ = m.group(1), m.group(2)
    typ = _TYPO.get(typ, "MISC" if typ.startswith("MIS") else "")
    return f"{prefix}-{typ}" if typ else "O"


def read_conll(path: Path) -> Iterator[Sentence]:
    """Yield sentences of ``(token, tag)`` from one corpus file, tags mapped."""
    sent: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if sent:
                    yield repair_bio(sent)
                    sent = []
                continue
            if len(parts) == 1:  # a bare tag or bare token: treat as O-tagged token
                sent.append((parts[0], "O"))
                continue
            sent.append((parts[0], map_tag(parts[-1])))
    if sent:
        yield repair_bio(sent)


def repair_bio(sent: Sentence) -> Sentence:
    """Turn an ``I-T`` that does not continue a ``T`` span into ``B-T``."""
    out: Sentence = []
    prev = "O"
    for tok, tag in sent:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append((tok, tag))
        prev = tag
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans from a BIO tag sequence (end exclusive)."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and typ == tag[2:]:
            continue
        if start >= 0:
            out.append((start, i, typ))
            start, typ = -1, ""
        if tag != "O" and i < len(tags):
            start, typ = i, tag[2:]
    return out


def load_dir(data: Path) -> tuple[list[Sentence], list[Sentence]]:
    """ANERcorp (newswire) and AQMAR (Wikipedia) sentences from a data directory."""
    aner = list(read_conll(data / "anercorp-train.txt"))
    aqmar_path = data / "aqmar.txt"
    aqmar = list(read_conll(aqmar_path)) if aqmar_path.exists() else []
    return aner, aqmar
