"""``cleaner report OUT`` and ``cleaner clean ... --report``: the visual audit report.

Both write one self-contained HTML page (see :mod:`cleaner.report`). The app registers
them with one line, ``main.add_command(report_command_for(main))``, which also gives the
group's ``clean`` command its ``--report`` flag.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any

import click

__all__ = ["report_command", "report_command_for"]


@click.command("report")
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The report file [default: OUT/report.html, or NAME.report.html beside "
                   "a JSONL file].")
@click.option("--inputs/--no-inputs", default=True, show_default=True,
              help="Read the inputs again to show each document's blocks in order "
                   "(an input that is gone or changed is shown from its record).")
@click.option("--base", type=click.Path(file_okay=False), default=".",
              help="The folder 'cleaner clean' ran in: recorded input paths are relative "
                   "to it [default: the current folder].")
def report_command(source: str, output: str | None, inputs: bool, base: str) -> None:
    """Write an HTML report of the run in SOURCE: an output folder or a JSONL output.

    The report sums up what was kept and removed (by layer and rule, with charts, and the
    failures) and shows every document block by block, removed blocks struck through and
    coloured by rule. It loads nothing from the network: open it offline, or mail it.
    """
    from cleaner.report import write_report  # here: cleaner.report imports cleaner.cli

    path = write_report(source, output, inputs=inputs, base=base)
    click.echo(f"cleaner: report {path}", err=True)


def _source(out: str | None, fmt: str | None) -> str:
    """What ``clean --report`` reports on; a usage error before any work if nothing."""
    if fmt not in ("json", "jsonl"):
        raise click.UsageError(f"--report needs the audit trail: use -f json or jsonl, not {fmt}")
    if out in (None, "-"):
        raise click.UsageError("--report needs an output folder or file (-o OUT)")
    assert out is not None
    return out


def _with_report_flag(clean: click.Command) -> None:
    """Give ``clean`` a ``--report`` flag: after the run (whatever its exit status), write
    the report of its output, then exit as the run did."""
    if clean.callback is None or any(p.name == "report" for p in clean.params):
        return
    clean.params.append(click.Option(
        ["--report"], is_flag=True,
        help="Also write an HTML report of the run (OUT/report.html; see 'cleaner report')."))
    run = clean.callback

    @functools.wraps(run)
    def callback(*args: Any, report: bool = False, **kwargs: Any) -> Any:
        if not report:
            return run(*args, **kwargs)
        source = _source(kwargs.get("out"), kwargs.get("fmt"))
        code: int | str | None = 0
        try:
            run(*args, **kwargs)
        except SystemExit as exc:
            code = exc.code
        if os.path.exists(source) and code in (0, 1, None):
            from cleaner.report import write_report

            path = write_report(source)
            if not kwargs.get("quiet"):
                click.echo(f"cleaner: report {path}", err=True)
        sys.exit(code)

    clean.callback = callback


def report_command_for(group: click.Group) -> click.Command:
    """The ``report`` command, after giving ``group``'s ``clean`` command ``--report``."""
    clean = group.commands.get("clean")
    if clean is not None:
        _with_report_flag(clean)
    return report_command
