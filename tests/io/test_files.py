"""save/load: the suffix picks the format, saving is atomic, read errors name the file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from samverkan_model import Actor, GovernanceLevel, OrganisationKind, Structure
from samverkan_model.io import LoadError, dumps, load, save

STRUCTURE = Structure(
    "Länet",
    actors=[Actor("lan", "Länsstyrelsen", OrganisationKind.OTHER, GovernanceLevel.REGIONAL)],
)


class TestSaveLoad:
    @pytest.mark.parametrize(
        ("suffix", "fmt"),
        [
            (".json", "json"),
            (".toml", "toml"),
            (".yaml", "yaml"),
            (".yml", "yaml"),
            (".JSON", "json"),
        ],
    )
    def test_suffix_picks_the_format(self, tmp_path: Path, suffix: str, fmt: str) -> None:
        """The file's suffix decides the format it is written and read in."""
        path = tmp_path / f"region{suffix}"
        assert save(STRUCTURE, path) == path
        assert path.read_text("utf-8") == dumps(STRUCTURE, fmt)  # type: ignore[arg-type]
        assert load(path) == STRUCTURE
        assert load(str(path), Structure) == STRUCTURE

    def test_explicit_format_wins(self, tmp_path: Path) -> None:
        """An explicit format is used whatever the suffix."""
        path = save(STRUCTURE, tmp_path / "region.txt", format="toml")
        assert path.read_text("utf-8") == dumps(STRUCTURE, "toml")

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """An unknown suffix is a ValueError for save and a LoadError for load."""
        with pytest.raises(ValueError, match=r"\.json, \.toml, \.yaml, \.yml"):
            save(STRUCTURE, tmp_path / "region.txt")
        (tmp_path / "region.txt").write_text("{}")
        with pytest.raises(LoadError, match="cannot tell the format"):
            load(tmp_path / "region.txt")

    def test_missing_file_is_an_os_error(self, tmp_path: Path) -> None:
        """A file that is not there raises FileNotFoundError, not LoadError."""
        with pytest.raises(FileNotFoundError):
            load(tmp_path / "missing.json")

    def test_errors_name_the_file(self, tmp_path: Path) -> None:
        """Problems of a file start with the file's path."""
        path = tmp_path / "bad.json"
        path.write_text('{"format": "samverkan-model/structure", "version": 1}')
        with pytest.raises(LoadError) as caught:
            load(path)
        assert caught.value.source == str(path)
        assert str(caught.value) == f"{path}: name: required key is missing"

    def test_saved_bytes_are_utf8_with_lf(self, tmp_path: Path) -> None:
        """Files are UTF-8 with LF line ends on every platform."""
        path = save(STRUCTURE, tmp_path / "region.json")
        raw = path.read_bytes()
        assert b"\r\n" not in raw
        assert "Länsstyrelsen".encode() in raw


class TestAtomicSave:
    def test_failed_replace_keeps_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the final rename fails, the old file is intact and no temporary file is left."""
        path = tmp_path / "region.json"
        save(Structure("old"), path)
        before = path.read_bytes()

        def broken_replace(src: object, dst: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(os, "replace", broken_replace)
        with pytest.raises(OSError, match="disk full"):
            save(STRUCTURE, path)
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["region.json"]

    def test_failed_dump_touches_nothing(self, tmp_path: Path) -> None:
        """An object that cannot be dumped leaves the directory as it was."""
        path = tmp_path / "region.toml"
        with pytest.raises(TypeError):
            save(GovernanceLevel.LOCAL, path)
        assert list(tmp_path.iterdir()) == []

    def test_text_that_cannot_be_encoded(self, tmp_path: Path) -> None:
        """Text that is not valid Unicode (a lone surrogate) fails before any file is made."""
        with pytest.raises(UnicodeEncodeError):
            save(Structure("\ud800"), tmp_path / "region.json")
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
    def test_existing_permissions_are_kept(self, tmp_path: Path) -> None:
        """Replacing a file keeps its permission bits."""
        path = tmp_path / "region.json"
        save(Structure("old"), path)
        path.chmod(0o640)
        save(STRUCTURE, path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640

    @pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
    def test_new_files_follow_the_umask(self, tmp_path: Path) -> None:
        """A new file gets the usual permissions, not a private temporary file's."""
        old = os.umask(0o022)
        try:
            path = save(STRUCTURE, tmp_path / "region.json")
        finally:
            os.umask(old)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
