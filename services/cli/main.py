"""``naba``: the operator's command line.

Heavy imports stay inside commands: ``naba worker index`` must not load the NER model,
and ``naba dead list`` must not import trafilatura.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Annotated

import typer
from rich.console import Console

from services.shared.queues import METRICS_OFFSET, QUEUE, STAGES
from services.shared.settings import REPO_ROOT, get_settings

app = typer.Typer(
    help="naba: ingest Arabic news, add entities and dates, index for Arabic search.", no_args_is_help=True
)
stack_app = typer.Typer(help="The local stack: Redis and a single-node OpenSearch.", no_args_is_help=True)
dead_app = typer.Typer(help="The dead-letter store: list and replay failed messages.", no_args_is_help=True)
index_app = typer.Typer(help="Index administration.", no_args_is_help=True)
app.add_typer(stack_app, name="stack")
app.add_typer(dead_app, name="dead")
app.add_typer(index_app, name="index")

console = Console(stderr=True)
# Arabic titles wrap badly in narrow columns: give piped output (CI logs, files) a wide page.
out = Console(width=None if sys.stdout.isatty() else 160)


def _logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("opensearch", "elastic_transport", "elasticsearch", "httpx", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@app.command()
def run(
    sources: Annotated[list[str] | None, typer.Argument(help="Files, directories or URLs (default: seeds/).")] = None,
    keep: Annotated[bool, typer.Option(help="Leave the stack and workers running afterwards.")] = False,
    timeout: Annotated[float, typer.Option(help="Give up waiting after this many seconds.")] = 900.0,
) -> None:
    """The main job: start what is missing, ingest SOURCES through the queues, show what was indexed."""
    from .run_job import run_job

    _logging()
    srcs = sources or [str(REPO_ROOT / "seeds")]
    code = run_job(get_settings(), srcs, keep=keep, timeout=timeout, console=console, out=out)
    raise typer.Exit(code)


@app.command()
def process(sources: Annotated[list[str], typer.Argument(help="Files, directories or URLs.")]) -> None:
    """All three stages in-process, no broker and no engine: one article JSON line per document on stdout."""
    from services.enrich.pipeline import enrich
    from services.ingest.pipeline import ingest_all

    failed = 0
    for item in ingest_all(sources):
        if isinstance(item, Exception):
            failed += 1
            console.print(f"[red]skipped[/red] {item}")
            continue
        sys.stdout.write(enrich(item).model_dump_json() + "\n")
    sys.stdout.flush()
    raise typer.Exit(1 if failed and failed == len(sources) else 0)


@app.command("enrich")
def enrich_cmd() -> None:
    """Read article JSON lines (id, title, text, published, …) on stdin; write them back with entities and dates."""
    from services.enrich.pipeline import annotate

    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            entities, dates = annotate(doc.get("text") or "", doc.get("published"))
            doc["entities"] = [e.model_dump() for e in entities]
            doc["dates"] = [d.model_dump() for d in dates]
        except (ValueError, TypeError, AttributeError) as exc:
            console.print(f"[red]line {n}: {exc}[/red]")
            raise typer.Exit(2) from exc
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for (Arabic analysis applies).")] = "",
    entity: Annotated[list[str] | None, typer.Option("--entity", "-e", help="Only articles naming it.")] = None,
    entity_type: Annotated[str | None, typer.Option("--type", help="PER, LOC, ORG or MISC.")] = None,
    source: Annotated[str | None, typer.Option(help="Site name or credited agency.")] = None,
    language: Annotated[str | None, typer.Option(help="Language code, e.g. ar.")] = None,
    published_from: Annotated[str | None, typer.Option("--from", help="Published on or after (ISO date).")] = None,
    published_to: Annotated[str | None, typer.Option("--to", help="Published on or before (ISO date).")] = None,
    mentioned_from: Annotated[str | None, typer.Option(help="Mentions a date on or after.")] = None,
    mentioned_to: Annotated[str | None, typer.Option(help="Mentions a date on or before.")] = None,
    page: int = 1,
    size: int = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON lines.")] = False,
) -> None:
    """Search indexed articles."""
    from services.index.engine import make_engine
    from services.index.search import SearchRequest, build_query

    from .render import hits_table

    s = get_settings()
    req = SearchRequest(
        query, entity or [], entity_type, source, language, published_from, published_to,
        mentioned_from, mentioned_to, page, size,
    )
    resp = make_engine(s).search(s.index_prefix, build_query(req))
    hits = resp["hits"]["hits"]
    if as_json:
        for h in hits:
            sys.stdout.write(json.dumps({"id": h["_id"], "score": h["_score"], **h["_source"],
                                         "highlight": h.get("highlight", {})}, ensure_ascii=False) + "\n")
        return
    total = resp["hits"]["total"]
    out.print(hits_table(hits, title=f"{total['value'] if isinstance(total, dict) else total} hits for «{query}»"))


@app.command()
def worker(
    stage: Annotated[str, typer.Argument(help="ingest, enrich or index.")],
    concurrency: Annotated[int, typer.Option(help="Processes in the prefork pool.")] = 1,
    metrics_port: Annotated[int | None, typer.Option(help="Prometheus port (default: base + offset).")] = None,
    include: Annotated[list[str] | None, typer.Option(help="Extra task modules to load (tests).")] = None,
    loglevel: str = "INFO",
) -> None:
    """Run one stage's Celery worker in the foreground, consuming only that stage's queue."""
    if stage not in STAGES:
        raise typer.BadParameter(f"stage must be one of {', '.join(STAGES)}")
    s = get_settings()
    port = metrics_port or s.metrics_port + METRICS_OFFSET[stage]
    mp_dir = s.home / "metrics" / f"{stage}-{os.getpid()}"
    mp_dir.mkdir(parents=True, exist_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(mp_dir)  # before prometheus_client is imported anywhere

    import importlib

    from services.shared.celery_app import app as celery_app
    from services.shared.metrics import serve

    importlib.import_module(f"services.{stage}.tasks")
    for mod in include or []:
        importlib.import_module(mod)
    try:
        serve(port, str(mp_dir), s.metrics_addr)
        console.print(f"metrics for {stage} on :{port}/metrics")
    except OSError as exc:
        console.print(f"[yellow]metrics port {port} unavailable ({exc}); running without metrics[/yellow]")
    celery_app.worker_main(
        [
            "worker",
            "--queues", QUEUE[stage],
            "--hostname", f"{stage}.{os.getpid()}@%h",
            "--concurrency", str(concurrency),
            "--pool", "prefork",
            "--loglevel", loglevel,
            "--without-gossip",
            "--without-mingle",
        ]
    )


@stack_app.command("up")
def stack_up() -> None:
    """Start Redis (AOF on) and the OpenSearch node, installing or downloading them the first time."""
    from .stack import ensure_opensearch, ensure_redis

    _logging()
    s = get_settings()
    ensure_redis(s)
    ensure_opensearch(s)
    _print_status()


@stack_app.command("down")
def stack_down() -> None:
    """Stop workers started by ``naba run --keep``, the OpenSearch node and Redis."""
    from .stack import stop_opensearch, stop_redis
    from .workers import stop_workers

    _logging()
    s = get_settings()
    stop_workers(s)
    stop_opensearch(s)
    stop_redis(s)
    _print_status()


@stack_app.command("status")
def stack_status_cmd() -> None:
    """Services, queue depths and the dead-letter count."""
    _print_status()


def _print_status() -> None:
    from .render import status_tables

    for table in status_tables(get_settings()):
        out.print(table)


@dead_app.command("list")
def dead_list(limit: int = 100, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Show dead-lettered messages, oldest first."""
    from services.shared import deadletter

    from .render import dead_table

    entries = deadletter.list_entries(limit)
    if as_json:
        for e in entries:
            sys.stdout.write(e.to_json() + "\n")
        return
    out.print(dead_table(entries, deadletter.count()))


@dead_app.command("replay")
def dead_replay(
    entry_ids: Annotated[list[str] | None, typer.Argument(help="Entry ids from `naba dead list`.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Replay every entry.")] = False,
) -> None:
    """Send dead-lettered messages again, to the queue they failed on."""
    from services.shared import deadletter, runs
    from services.shared.celery_app import app as celery_app
    from services.shared.delivery import unit_of

    if not entry_ids and not all_:
        raise typer.BadParameter("give entry ids or --all")
    ids = [e.id for e in deadletter.list_entries(0)] if all_ else list(entry_ids or [])

    def send(entry: deadletter.DeadLetter) -> None:
        runs.open_units(entry.payload.get("run"), [unit_of(entry.payload)])
        celery_app.send_task(entry.task, kwargs=entry.payload, queue=entry.queue)

    done = deadletter.replay(ids, send)
    out.print(f"replayed {len(done)} of {len(ids)} message(s)")
    if len(done) != len(ids):
        raise typer.Exit(1)


@index_app.command("ensure")
def index_ensure() -> None:
    """Create the index and its aliases if they don't exist."""
    from services.index.engine import make_engine
    from services.index.indexer import ensure_index

    s = get_settings()
    out.print(ensure_index(make_engine(s), s.index_prefix))


def _register_index_commands() -> None:
    from . import index_cmds

    index_app.command("migrate", help="Build the next index version from the template and swap aliases, live.")(
        index_cmds.migrate
    )
    app.command("api", help="Serve the HTTP search API (FastAPI; OpenAPI docs at /docs).")(index_cmds.api)


_register_index_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
