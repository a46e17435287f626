"""The command line: thin commands over the library, each error one line with an exit code."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, logs
from .errors import GuardError, MessageError

if TYPE_CHECKING:
    from .config import Config

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

EPILOG = """\
exit status: 0 success; 1 a server, ledger or password problem; 2 a bad config or usage;
3 another guard holds the ledger's lock.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guard",
        description="Tells repeat sales outreach no, once, and files what follows.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="config file (default: ~/.config/inboxguard/config.toml on Linux)",
    )
    parser.add_argument("--version", action="version", version=f"inboxguard {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every decision to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = _command(commands, "run", "guard the mailbox", "guard run --once")
    run.add_argument("--once", action="store_true", help="one pass, then exit")

    status = _command(commands, "status", "vendors that ignored a no", "guard status --all")
    status.add_argument("--json", action="store_true", help="a JSON array")
    status.add_argument("--all", action="store_true", help="every vendor known, not just offenders")

    _command(commands, "init", "write a config and store the password, asking", "guard init")
    _command(commands, "login", "store a new password in the keyring", "guard login")
    _command(commands, "doctor", "check the config, password, servers and ledger", "guard doctor")

    service = _command(
        commands, "service", "run the guard in the background", "guard service install"
    )
    service.add_argument("action", choices=("install", "uninstall", "status"))
    service.add_argument("--print", action="store_true", help="print the unit, change nothing")

    for name, what in (("allow", "never decline or file"), ("block", "file from now on")):
        edit = _command(
            commands, name, f"{what}: an address or domain", f"guard {name} acme.example"
        )
        edit.add_argument("pattern", metavar="PATTERN")

    for name, what in (
        ("show", "what the ledger holds on one vendor"),
        ("report", "an evidence report on a vendor that ignored a no"),
        ("forgive", "lift a vendor's no: its mail is judged afresh"),
    ):
        one = _command(commands, name, what, f"guard {name} bitesio.com")
        one.add_argument("vendor", metavar="VENDOR")

    demo = _command(commands, "demo", "see the guard work on a local demo mailbox", "guard demo")
    demo.add_argument("--dir", type=Path, metavar="DIR", help="where (default: a new temp dir)")

    explain = _command(
        commands, "explain", "why a message gets its verdict", "guard explain pitch.eml"
    )
    explain.add_argument("file", type=Path, metavar="FILE.eml")
    explain.add_argument("--json", action="store_true", help="a JSON object")
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help: str,
    example: str,
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=help,
        description=f"{help[0].upper()}{help[1:]}.",
        epilog=f"example: {example}",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logs.configure(args.verbose, to_file=args.command == "run")
    try:
        return _dispatch(args)
    except GuardError as error:
        print(f"guard: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `guard status | head`: the reader had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "explain":
        return _explain(args)
    if args.command == "demo":
        from .demo import run_demo

        run_demo(args.dir)
        return EXIT_OK
    if args.command == "init":
        return _init(args)
    if args.command == "doctor":
        return _doctor(args)
    if args.command == "service":
        return _service(args)
    from . import config as config_module

    config = config_module.load(args.config)
    if args.command == "run":
        return _run(config, args)
    if args.command == "status":
        return _status(config, args)
    if args.command == "login":
        from .wizard import login

        login(config.imap.username if config.imap else config.account.email)
        return EXIT_OK
    if args.command in ("show", "report", "forgive"):
        return _vendor_command(config, args)
    if args.command in ("allow", "block"):
        from .config_edit import add_list_entry

        entry = args.pattern.strip().lower()
        added = add_list_entry(config.source, args.command, entry)
        print(f"{entry} {'added to' if added else 'already on'} the {args.command} list")
        return EXIT_OK
    raise AssertionError(args.command)


def _run(config: Config, args: argparse.Namespace) -> int:
    from .session import run_once

    if not args.once:
        from .daemon import Daemon

        return Daemon(config, args.config).run()
    report = run_once(config)
    if report.read:
        print(report.summary())
    return EXIT_FAILED if report.errors else EXIT_OK


def _status(config: Config, args: argparse.Namespace) -> int:
    from .ledger import Ledger
    from .status import render_status

    ledger = Ledger.open(config.storage_path)
    try:
        rows = ledger.status(include_all=args.all)
        pending = ledger.declines(state="pending") + ledger.declines(state="uncertain")
    finally:
        ledger.close()
    if args.json:
        print(json.dumps([row.as_json() for row in rows], indent=2))
    else:
        render_status(rows, pending, include_all=args.all)
    return EXIT_OK


def _vendor_command(config: Config, args: argparse.Namespace) -> int:
    from . import evidence
    from .ledger import Ledger, utcnow

    vendor = args.vendor.strip().lower()
    ledger = Ledger.open(config.storage_path)
    try:
        if args.command == "show":
            print(evidence.show(ledger, vendor))
        elif args.command == "report":
            print(evidence.report(ledger, vendor, utcnow()))
        else:
            with ledger.transaction():
                lifted = ledger.forgive(vendor, utcnow())
            blocked = vendor in config.lists.block
            print(
                f"{vendor}: {'no lifted' if lifted else 'had no standing no'}"
                + ("; it is still on the block list, remove it there too" if blocked else "")
            )
    finally:
        ledger.close()
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from .wizard import init

    path = init(args.config)
    print("\nChecking it (guard doctor):")
    return _doctor(argparse.Namespace(config=path))


def _doctor(args: argparse.Namespace) -> int:
    from .doctor import FAIL, render, run_checks

    checks = run_checks(args.config)
    print(render(checks))
    return EXIT_FAILED if any(c.result == FAIL for c in checks) else EXIT_OK


def _service(args: argparse.Namespace) -> int:
    from . import service
    from .config import default_path, load

    config_path = (args.config or default_path()).resolve()
    if args.action == "status":
        print(service.status())
        return EXIT_OK
    if args.print:
        print(service.render(config_path))
        return EXIT_OK
    if args.action == "install":
        load(config_path)
        print(f"installed and started {service.install(config_path)}")
    else:
        print(f"stopped and removed {service.uninstall()}")
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from .explain import explain_file, render_explanation

    try:
        raw = args.file.read_bytes()
    except OSError as error:
        raise MessageError(f"{args.file}: {error.strerror or error}") from error
    explanation = explain_file(raw, args.config)
    if args.json:
        print(json.dumps(explanation.as_json(), indent=2, ensure_ascii=False))
    else:
        print(render_explanation(explanation))
    return EXIT_OK
