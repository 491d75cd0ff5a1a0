"""The click application behind the ``cleaner`` console script.

Exit status: 0 when every input was cleaned, 1 when some failed (each listed in the
manifest and summarised on stderr), 2 for usage errors, 130 when interrupted.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from cleaner import __version__
from cleaner.batch.pool import (
    DEFAULT_MAX_MEMORY_BYTES,
    DEFAULT_TIMEOUT_S,
    PoolConfig,
    WorkerStartError,
    default_jobs,
)
from cleaner.cli.explain import explain_command
from cleaner.cli.outputs import FORMATS
from cleaner.cli.params import SIZE, cleaning_options, options_from
from cleaner.cli.report_cmd import report_command_for
from cleaner.cli.run import RunConfig, run
from cleaner.errors import InvalidOptionError

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "main"]

#: Exit status when some inputs failed (or the output was closed early).
EXIT_FAILED = 1

#: Exit status after Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Strip boilerplate from scraped article pages (HTML and text dumps)."""


@main.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out", metavar="OUT",
              help="Output folder (json, txt, md); for jsonl a file or '-' [default: stdout].")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json",
              show_default=True, help="json: one file per input; jsonl: one line per input.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: all cores]; 0 cleans in this process.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S,
              show_default=True, help="Seconds one document may take (0: no limit).")
@click.option("--max-memory", type=SIZE, default=str(DEFAULT_MAX_MEMORY_BYTES // 1024**2) + "M",
              show_default=True, help="Memory cap per worker, e.g. 512M, 2G (0: no cap).")
@click.option("--resume", is_flag=True, help="Skip documents the manifest lists as finished.")
@click.option("--retry-failed", is_flag=True, help="With --resume: redo failed documents too.")
@click.option("--manifest", type=click.Path(dir_okay=False),
              help="Manifest file [default: OUT/manifest.jsonl].")
@click.option("--field", help="JSONL inputs: the field holding the page [default: html, text].")
@click.option("--stdin-format", type=click.Choice(["document", "jsonl"]), default="document",
              show_default=True, help="What '-' reads: one document, or JSON lines.")
@click.option("--hidden", is_flag=True,
              help="Also read hidden files and folders (.name) inside folders.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary; failures only.")
@click.option("--progress/--no-progress", default=None,
              help="Force the progress bar on or off [default: on a terminal].")
@cleaning_options
def clean_command(paths: tuple[str, ...], out: str | None, fmt: str, jobs: int | None,
                  timeout: float, max_memory: int | None, resume: bool, retry_failed: bool,
                  manifest: str | None, field: str | None, stdin_format: str, hidden: bool,
                  quiet: bool, progress: bool | None, **cleaning: Any) -> None:
    """Clean files, folders (recursively), glob patterns or '-' (stdin) into OUT.

    Reads HTML in any encoding, text dumps (w3m, lynx, ...), gzip files, WARC archives
    (every HTML response record is one document) and JSONL files (one page per line).
    """
    try:
        config = RunConfig(
            paths=paths, out=out, format=fmt,  # type: ignore[arg-type]
            pool=PoolConfig(jobs=default_jobs() if jobs is None else jobs,
                            timeout=timeout or None, max_memory=max_memory),
            options=options_from(cleaning), resume=resume, retry_failed=retry_failed,
            manifest=manifest, field=field, stdin_jsonl=stdin_format == "jsonl",
            quiet=quiet, progress=progress, hidden=hidden,
        )
        code = run(config, stdin=sys.stdin.buffer, stdout=sys.stdout, stderr=sys.stderr)
    except InvalidOptionError as exc:
        raise click.UsageError(str(exc)) from exc
    except WorkerStartError as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        click.echo("cleaner: interrupted; run again with --resume to continue", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:  # the reader of stdout went away (`| head`): stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more may reach the pipe
        sys.exit(EXIT_FAILED)
    sys.exit(code)


main.add_command(explain_command)
main.add_command(report_command_for(main))
