"""Generated analysis rules for the Arabic analyzers, merged into ``template.json`` at load time.

``build_rules.py`` writes one JSON file per ``stemmer_override`` filter (``names.json``,
``stem_fixes.json``, ``stem_post.json``), each naming the filter it fills. The template
keeps ``"rules": []`` placeholders so it stays readable and reviewable; :func:`merge_rules`
inlines the generated rules, so the engine still receives one self-contained JSON body
(no ``rules_path`` files on the node, identical for Elasticsearch and OpenSearch).
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent
RULE_FILES = ("names.json", "stem_fixes.json", "stem_post.json")
# stemmer_override refuses an empty rule list; a rule no real token can match keeps the chain valid.
NOOP_RULE = "naba__noop__ => naba__noop__"


def load_rules(directory: Path = RULES_DIR) -> dict[str, list[str]]:
    """Filter name → rules, from whichever generated files exist."""
    out: dict[str, list[str]] = {}
    for name in RULE_FILES:
        path = directory / name
        if path.exists():
            body = json.loads(path.read_text(encoding="utf-8"))
            out[body["filter"]] = list(body["rules"])
    return out


def merge_rules(template: dict[str, Any], rules: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """A copy of ``template`` with every empty ``stemmer_override`` filled from the generated rules.

    ``_meta.analysis_rules`` records a digest of the rules, so ``naba index migrate`` (and a
    reader of the mapping) can tell which rule set an index was built with.
    """
    rules = load_rules() if rules is None else rules
    out = copy.deepcopy(template)
    filters = out["settings"]["analysis"]["filter"]
    digest = hashlib.sha256()
    for name, spec in sorted(filters.items()):
        if spec.get("type") != "stemmer_override" or spec.get("rules"):
            continue
        spec["rules"] = rules.get(name) or [NOOP_RULE]
        digest.update(name.encode() + b"\0" + "\n".join(spec["rules"]).encode())
    out["mappings"].setdefault("_meta", {})["analysis_rules"] = digest.hexdigest()[:16]
    return out
