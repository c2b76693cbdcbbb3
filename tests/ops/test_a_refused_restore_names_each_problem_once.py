"""A refused restore says once what is wrong and where: the operator reading a drill's log
sees one line per problem, not the same file named twice."""

import json

import pytest

from openimr.cli import main

pytestmark = pytest.mark.django_db


def _backup(folder, files):
    folder.mkdir()
    (folder / "database.sqlite3").write_bytes(b"not the database the manifest names")
    manifest = {
        "format": "openimr.backup/1",
        "created_at": "2026-11-27T00:00:00+00:00",
        "database": {"vendor": "sqlite", "file": "database.sqlite3"},
        "files": files,
    }
    (folder / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("files", "named"),
    [
        ([{"path": "database.sqlite3", "size": 35, "sha256": "0" * 64}], "SHA-256 does not match"),
        ([{"path": "database.sqlite3", "size": 1, "sha256": "0" * 64}], "35 bytes"),
        (
            [
                {"path": "database.sqlite3", "size": 35, "sha256": "0" * 64},
                {"path": "media/letters/gone.pdf", "size": 3, "sha256": "0" * 64},
            ],
            "SHA-256 does not match",
        ),
    ],
)
def test_each_problem_is_printed_once(tmp_path, capsys, files, named):
    backup = _backup(tmp_path / "backup", files)

    assert main(["restore", str(backup)]) == 2

    err = capsys.readouterr().err
    assert err.count("database.sqlite3") == 1, err
    assert named in err
    assert "the backup is refused" in err


def test_a_missing_manifest_is_named_once(tmp_path, capsys):
    (tmp_path / "cut-short").mkdir()

    assert main(["restore", str(tmp_path / "cut-short")]) == 2

    err = capsys.readouterr().err
    assert err.count("MANIFEST.json") == 1, err
    assert "cut short" in err


def test_a_file_given_for_the_backup_folder_is_called_not_a_folder(tmp_path, capsys):
    manifest = tmp_path / "MANIFEST.json"
    manifest.write_text("{}", encoding="utf-8")

    assert main(["restore", str(manifest)]) == 2

    assert f"{manifest}: not a folder" in capsys.readouterr().err
