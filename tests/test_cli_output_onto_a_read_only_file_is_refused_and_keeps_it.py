"""`-o` naming a file made read-only is refused with exit 2, naming it, and the file is
kept as it was, as `cp` refuses to write over it: the output is written beside the file and
renamed onto it, which needs only the folder's permission, so the read-only file had been
replaced. Through a symbolic link the file it names is the one checked. Run as root (whom
permissions never stop) a file nobody may write is kept too."""

import os

from conftest import SEED_FILE
from openimr.cli import main


def test_render_onto_a_read_only_file_is_refused_and_the_file_kept(tmp_path, capsys):
    kept = tmp_path / "letter.txt"
    kept.write_text("the signed copy\n", encoding="utf-8")
    kept.chmod(0o444)

    assert main(["letter", "render", str(SEED_FILE), "-o", str(kept)]) == 2

    assert capsys.readouterr().err == (
        f"error: --output: {kept} is read-only: not replaced (make it writable, or name "
        "another file)\n"
    )
    assert kept.read_text(encoding="utf-8") == "the signed copy\n"
    assert oct(kept.stat().st_mode & 0o777) == "0o444"
    assert list(tmp_path.iterdir()) == [kept]  # no temporary copy beside it


def test_a_link_to_a_read_only_file_is_refused_naming_the_link_and_both_kept(tmp_path, capsys):
    kept = tmp_path / "letter.txt"
    kept.write_text("the signed copy\n", encoding="utf-8")
    kept.chmod(0o444)
    link = tmp_path / "latest.txt"
    link.symlink_to(kept.name)

    assert main(["letter", "render", str(SEED_FILE), "-o", str(link)]) == 2

    assert f"error: --output: {link} is read-only" in capsys.readouterr().err
    assert kept.read_text(encoding="utf-8") == "the signed copy\n"
    assert os.readlink(link) == kept.name


def test_a_file_its_owner_may_write_is_still_replaced(tmp_path, capsys):
    target = tmp_path / "letter.txt"
    target.write_text("an old draft\n", encoding="utf-8")
    target.chmod(0o644)

    assert main(["letter", "render", str(SEED_FILE), "-o", str(target)]) == 0

    assert "FINAL DETERMINATION" in target.read_text(encoding="utf-8").upper()
