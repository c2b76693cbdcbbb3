"""An option a command does not take is refused by that command, exit 2: its usage lists
the options it takes and the nearest to the one typed is named (`--jsno`: did you mean
--json?). argparse said it from the top, `usage: openimr [-h] {case,demo,...}` and
`openimr: error: unrecognized arguments: --jsno`, naming none of the command's options."""

import pytest

from openimr.cli import main


def _refused(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "command", "said"),
    [
        (
            ["corpus", "stats", "--by", "year", "--jsno"],
            "corpus stats",
            "unrecognized arguments: --jsno (did you mean --json?)",
        ),
        (
            ["clocks", "timeliness", "--form", "2026-01"],
            "clocks timeliness",
            "unrecognized arguments: --form 2026-01 (did you mean --from?)",
        ),
        (
            ["corpus", "export", "--format", "csv", "-o", "out.csv", "--were", "year=2016"],
            "corpus export",
            "unrecognized arguments: --were year=2016 (did you mean --where?)",
        ),
        (
            ["letter", "parse", "a.pdf", "--jsn"],
            "letter parse",
            "unrecognized arguments: --jsn (did you mean --json?)",
        ),
    ],
)
def test_a_misspelled_option_is_refused_naming_the_nearest(argv, command, said, capsys):
    err = _refused(argv, capsys)
    assert err.startswith(f"usage: openimr {command} [-h]")
    assert f"openimr {command}: error: {said}" in err


def test_an_option_like_none_is_refused_with_the_commands_usage(capsys):
    err = _refused(["corpus", "export", "--format", "csv", "-o", "out.csv", "--zzz"], capsys)
    assert "[--q WORDS] [--where KEY=VALUE]" in err
    assert err.endswith("openimr corpus export: error: unrecognized arguments: --zzz\n")
