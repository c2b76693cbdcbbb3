"""A restore cut short while it copies a stored file into place (Ctrl-C, a full disk)
leaves no temporary copy beside the files: it left `tmpXXXXXXXX` in the stored files
folder, a file no row names, under a name no write of openimr makes."""

import pytest

from openimr.ops import services


@pytest.mark.parametrize("cut", [KeyboardInterrupt, OSError])
def test_a_copy_cut_short_leaves_neither_the_file_nor_its_temporary_copy(
    cut, tmp_path, monkeypatch
):
    source = tmp_path / "backup" / "letter.pdf"
    source.parent.mkdir()
    source.write_bytes(b"%PDF-1.7 a stored letter")
    target = tmp_path / "media" / "letters" / "letter.pdf"

    def copy_cut_short(stream, handle, *args):
        handle.write(stream.read(5))
        raise cut()

    monkeypatch.setattr(services.shutil, "copyfileobj", copy_cut_short)
    with pytest.raises(cut):
        services._place(source, target)

    assert list(target.parent.iterdir()) == []
