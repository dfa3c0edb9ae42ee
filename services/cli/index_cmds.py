"""``naba index migrate`` and ``naba index api``: typer command functions, registered by ``main.py``."""

from __future__ import annotations

from typing import Annotated

import typer


def migrate(
    delete_old: Annotated[bool, typer.Option(help="Delete the previous index version after the swap.")] = False,
    batch_size: Annotated[int, typer.Option(help="Documents per reindex scroll batch.")] = 1000,
    timeout: Annotated[float, typer.Option(help="Give up (and roll back) after this many seconds.")] = 3600.0,
) -> None:
    """Build <prefix>-v<N+1> from the current template, copy, and swap the read and write aliases."""
    from services.index.engine import make_engine
    from services.index.migrate import MigrationError
    from services.index.migrate import migrate as run
    from services.shared.settings import get_settings

    s = get_settings()
    engine = make_engine(s)

    def progress(status: dict) -> None:
        total = status.get("total") or 0
        done = sum(int(status.get(k, 0)) for k in ("created", "updated", "version_conflicts"))
        if total:
            typer.echo(f"  copied {done}/{total}", err=True)

    try:
        report = run(engine, s.index_prefix, batch_size=batch_size, timeout=timeout, delete_old=delete_old,
                     on_progress=progress)
    except MigrationError as exc:
        typer.echo(f"migration failed: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        engine.close()
    if report.old is None:
        typer.echo(f"no index yet: created {report.new} with both aliases")
        return
    typer.echo(
        f"{report.old} → {report.new}: {report.copied} copied, {report.conflicts} newer documents kept, "
        f"{report.new_count} documents (was {report.old_count}), {report.seconds:.1f} s"
        + (f"; deleted {report.old}" if report.deleted_old else "")
    )


def api(
    host: Annotated[str, typer.Option(help="Interface to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8080,
) -> None:
    """Serve the HTTP search API (GET /search; OpenAPI docs at /docs)."""
    import uvicorn

    from services.index.api import create_app

    uvicorn.run(create_app(), host=host, port=port, log_level="info")
