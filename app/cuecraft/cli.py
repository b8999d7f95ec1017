"""The `cuecraft` command line (SPEC §4).

Exit codes: 0 no error findings, 1 error findings (or, for `fmt --check`, a file
would change), 2 an input could not be read. Heavy parts (Qt, reportlab) are
imported only by the commands that need them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cuecraft import __version__
from cuecraft.core.i18n import LANGUAGES, _, set_language

if TYPE_CHECKING:  # the parsers are built for commands only: `cuecraft FILE` starts without
    import argparse

COMMANDS = (
    "check",
    "export",
    "new",
    "templates",
    "fmt",
    "feedback",
    "render",
    "table",
    "diff",
    "merge",
)
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def language_option() -> argparse.ArgumentParser:
    """The `--lang` option every command takes (a parent parser)."""
    import argparse

    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("the language of the words: en, pl or zh (default: the system’s)"),
    )
    return parent


def requested_language(args: Sequence[str]) -> str | None:
    """The value of `--lang` among the arguments, read before the parser is built (its help
    texts are in that language)."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _without_language(args: Sequence[str]) -> list[str]:
    """The arguments without `--lang X` / `--lang=X`."""
    out: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            out.append(arg)
    return out


def _parser() -> argparse.ArgumentParser:
    import argparse

    lang = language_option()
    parser = argparse.ArgumentParser(
        prog="cuecraft",
        description=_("Design staged customer experiences and check them for consistency."),
        epilog=_("Run “cuecraft FILE” (or just “cuecraft”) to open the workbench."),
        parents=[lang],
    )
    parser.add_argument("--version", action="version", version=f"cuecraft {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help=_("check designs and print findings and the scorecard"),
        description=_("Check designs against the consistency rules (docs/rules.md)."),
        parents=[lang],
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--select",
        metavar="CODES",
        default="",
        help=_("only these codes or prefixes, comma-separated (e.g. ELI,HAR001)"),
    )
    check.add_argument(
        "--ignore",
        metavar="CODES",
        default="",
        help=_("leave out these codes or prefixes, comma-separated"),
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    export = sub.add_parser(
        "export",
        help=_("export the PDF design brief"),
        description=_(
            "Export a client-ready PDF design brief, in the design’s language "
            "(its “language:”) unless --lang says otherwise."
        ),
        parents=[lang],
    )
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    export.add_argument("--paper", choices=("a4", "letter"), default="a4")
    export.add_argument("--logo", metavar="IMG")
    export.add_argument("--accent", metavar="#RRGGBB")
    export.add_argument(
        "--baseline",
        metavar="OLD.yaml",
        help=_("add a “What changes” section comparing the design with this earlier one"),
    )
    export.add_argument(
        "--sections",
        metavar="NAMES",
        help=_(
            "comma-separated sections to include (default: all): cover, summary, changes "
            "(with --baseline), theme, journey, guests (with feedback), blueprint (with actions "
            "or wait points), cues, elimination, senses, memorabilia, report, graph"
        ),
    )

    new = sub.add_parser(
        "new",
        help=_("start a design from a template"),
        description=_("Write a new design file from a template, in the chosen language."),
        parents=[lang],
    )
    new.add_argument("output", metavar="OUT.yaml")
    new.add_argument(
        "--template",
        default="blank",
        metavar="NAME",
        help=_("see “cuecraft templates” (default: blank)"),
    )
    new.add_argument("--force", action="store_true", help=_("overwrite an existing file"))

    sub.add_parser(
        "templates",
        help=_("list the templates"),
        description=_("List the templates."),
        parents=[lang],
    )

    fmt = sub.add_parser(
        "fmt",
        help=_("rewrite designs in the canonical saved form"),
        description=_("Rewrite design files in the canonical saved form."),
        parents=[lang],
    )
    fmt.add_argument("files", nargs="+", metavar="FILE")
    fmt.add_argument(
        "--check",
        action="store_true",
        help=_("change nothing; exit 1 if a file is not in canonical form"),
    )
    fmt.add_argument(
        "--drop-comments",
        action="store_true",
        help=_("also remove the comments below the header (they are kept otherwise)"),
    )
    from cuecraft import feedbackcmd  # light: the core loads only when the command runs

    feedbackcmd.add_parser(sub, parents=[lang])
    from cuecraft import rendercmd  # light: Qt loads only when a picture is drawn

    rendercmd.add_parser(sub, parents=[lang])
    from cuecraft import tablecmd  # light: the core loads only when the command runs

    tablecmd.add_parser(sub, parents=[lang])
    from cuecraft import diffcmd, mergecmd  # light: the core loads only when they run

    diffcmd.add_parser(sub, parents=[lang])
    mergecmd.add_parser(sub, parents=[lang])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cuecraft` command."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    # `cuecraft FILE` opens the window at once: the format and the checks load after it shows.
    if len(args_in) == 2 and args_in[0] == "--self-test-workbench":  # smoke test of bundles
        from cuecraft.gui.app import self_test

        return self_test(args_in[1])
    wanted = requested_language(args_in)
    rest = _without_language(args_in)
    if not rest or (rest[0] not in COMMANDS and not rest[0].startswith("-")):
        # `cuecraft [--lang pl] [FILE]`: the workbench, in that language for this run.
        set_language(wanted if wanted in LANGUAGES else None)
        if wanted is not None and wanted not in LANGUAGES:
            _parser().parse_args(args_in)  # says which languages there are; exits 2
        return _open_workbench(rest, wanted)
    set_language(wanted if wanted in LANGUAGES else None)  # a bad value: the parser says so
    args = _parser().parse_args(args_in)
    if args.command == "check":
        from cuecraft.checkcmd import run_check

        return run_check(args.files, args.format, args.select, args.ignore, args.color)
    if args.command == "export":
        try:
            exporter = importlib.import_module("cuecraft.exportcmd")
        except ModuleNotFoundError as error:
            if not (error.name or "").startswith("cuecraft"):
                raise
            print(_("cuecraft export: the PDF brief is not part of this build"), file=sys.stderr)
            return EXIT_UNREADABLE
        status: int = exporter.run_export(args)
        return status
    if args.command == "new":
        return _new(args.output, args.template, args.force, getattr(args, "lang", None))
    if args.command == "templates":
        from cuecraft.core import templates
        from cuecraft.core.i18n import current_language

        for name, description in templates.available(current_language()):
            print(f"{name:14} {description}")
        return EXIT_OK
    if args.command == "fmt":
        return _fmt(args.files, args.check, args.drop_comments)
    if args.command == "feedback":
        from cuecraft.feedbackcmd import run as run_feedback

        return run_feedback(args)
    if args.command == "render":
        from cuecraft.rendercmd import run as run_render

        return run_render(args)
    if args.command == "table":
        from cuecraft.tablecmd import run as run_table

        return run_table(args)
    if args.command == "diff":
        from cuecraft.diffcmd import run as run_diff

        return run_diff(args)
    if args.command == "merge":
        from cuecraft.mergecmd import run as run_merge

        return run_merge(args)
    _parser().print_help()
    return EXIT_OK


def _open_workbench(args: list[str], lang: str | None = None) -> int:
    if len(args) > 1:
        print(
            _("usage: cuecraft [FILE] | cuecraft COMMAND ... (see cuecraft --help)"),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    try:
        workbench = importlib.import_module("cuecraft.gui.app")
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("cuecraft"):
            # The workbench is not part of this build yet: show the checks instead.
            print(
                _("cuecraft: the workbench is not part of this build; checking the design instead"),
                file=sys.stderr,
            )
            from cuecraft.checkcmd import run_check

            return run_check(args, "text", "", "", "auto") if args else EXIT_OK
        print(
            _("cuecraft: the workbench cannot start: {error}").format(error=error),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    opened: int = workbench.run_workbench(args[0] if args else None, lang)
    return opened


def _new(output: str, template: str, force: bool, lang: str | None) -> int:
    from cuecraft.core import templates
    from cuecraft.core.fileformat import DesignLoadError, DesignSaveError, save_design
    from cuecraft.core.i18n import current_language

    language = lang or current_language()
    names = [name for name, _description in templates.available(language)]
    if template not in names:
        print(
            _("cuecraft new: there is no template “{template}”; choose one of: {names}").format(
                template=template, names=", ".join(names)
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    target = Path(output)
    if target.exists() and not force:
        print(
            _("cuecraft new: {file} already exists (use --force to overwrite it)").format(
                file=output
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    try:
        design = templates.load(template, language)
        save_design(design, target)
    except (DesignLoadError, DesignSaveError) as error:
        print(_("cuecraft new: {error}").format(error=error), file=sys.stderr)
        return EXIT_UNREADABLE
    print(_("wrote {file} from the “{template}” template").format(file=output, template=template))
    return EXIT_OK


def _fmt(files: list[str], check_only: bool, drop_comments: bool) -> int:
    from cuecraft.core.comments import drop_comments as forget_comments
    from cuecraft.core.fileformat import DesignLoadError, DesignSaveError, load_design, save_design
    from cuecraft.core.writer import saved_text

    status = EXIT_OK
    for name in files:
        if name.endswith(".feedback.yaml"):
            # A design's imported feedback (`designs/*.yaml` matches it): Cuecraft writes
            # it in its one form already, and it is not a design.
            print(
                _("{file}: imported guest feedback, not a design; left as it is").format(file=name),
                file=sys.stderr,
            )
            continue
        try:
            design = load_design(name)
            current = Path(name).read_bytes()
        except (DesignLoadError, OSError) as error:
            problems = getattr(error, "problems", None)
            for problem in problems or []:
                print(problem.format(name), file=sys.stderr)
            if not problems:
                print(
                    _("cuecraft fmt: {file}: {error}").format(file=name, error=error),
                    file=sys.stderr,
                )
            status = EXIT_UNREADABLE
            continue
        if drop_comments:
            forget_comments(design)
        # The bytes a save writes: comments, line endings and a byte-order mark as found.
        canonical = saved_text(design).encode("utf-8")
        if canonical == current:
            continue
        if check_only:
            print(_("{file}: would be reformatted").format(file=name))
            status = max(status, EXIT_FINDINGS)
            continue
        try:
            save_design(design, name)  # through a symbolic link: its target
        except DesignSaveError as error:
            print(_("cuecraft fmt: {error}").format(error=error), file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        print(_("{file}: reformatted").format(file=name))
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
