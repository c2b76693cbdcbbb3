"""A case file that is missing, a folder, or not UTF-8 is named in the words the other
commands use (`cannot read FILE: No such file or directory`, `FILE is not UTF-8 text (byte
N: reason)`): `case validate`, `case import` and `letter render` printed Python's own
(`[Errno 2] No such file or directory: 'FILE'`, `'utf-8' codec can't decode byte 0xe9 in
position 12: ...`), the file named twice."""

import pytest

from openimr.cli import main


@pytest.fixture
def latin1(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "José"}'.encode("latin-1"))
    return path


@pytest.mark.parametrize("command", [["case", "validate"], ["letter", "render"]])
def test_a_missing_file_a_folder_and_a_latin1_file_are_named_plainly(
    command, tmp_path, latin1, capsys
):
    assert main([*command, str(tmp_path / "gone.json")]) == 2
    err = capsys.readouterr().err
    assert f"$: cannot read {tmp_path / 'gone.json'}: No such file or directory\n" in err
    assert "Errno" not in err
    assert main([*command, str(tmp_path)]) == 2
    assert f"$: cannot read {tmp_path}: Is a directory\n" in capsys.readouterr().err
    assert main([*command, str(latin1)]) == 2
    err = capsys.readouterr().err
    assert f"$: {latin1} is not UTF-8 text (byte 13: invalid continuation byte)\n" in err
    assert "codec" not in err
