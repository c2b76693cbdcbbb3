"""`openimr tokens contact NAME` with neither `--address` nor `--email` is a mistake in the
command itself: refused with exit 2 in the one error shape (`error: path: message`) before
any database is opened. It opened the database first (on a data folder never migrated it
said to run `migrate`, not what was missing) and printed its own shape,
`openimr tokens contact: give ...`, the one line of the CLI not starting `error:`."""

from openimr.cli import main


def test_contact_without_a_field_names_the_options_without_opening_a_database(capsys):
    # No database marker: a query here would fail the test.
    assert main(["tokens", "contact", "Golden State Claims"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "error: --address, --email: give --address, --email or both\n"
