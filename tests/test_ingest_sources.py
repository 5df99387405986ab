"""Reading paths, folders and stdin: kinds sniffed, encodings detected, bad inputs rejected."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest

from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

PROSE = (
    "The regional security force began night patrols along the coast on Monday, officials said. "
    "The defence minister told reporters that the mission would add two more ships before the "
    "end of the café season and that the government had asked its neighbours for help with fuel."
)
DUMP = f"Patrols begin on the coast\n\n{PROSE}\n\nSource link\n"


def _read(paths: list[Path | str], settings: Settings, **kw: object) -> list[Article | Rejected]:
    return list(read_sources([str(p) for p in paths], settings, **kw))  # type: ignore[arg-type]


def _one(path: Path, settings: Settings) -> Article | Rejected:
    (item,) = _read([path], settings)
    return item


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_text_file_is_read(tmp_path: Path, settings: Settings) -> None:
    item = _one(_write(tmp_path / "a.txt", DUMP.encode()), settings)
    assert isinstance(item, Article) and item.title == "Patrols begin on the coast"


def test_latin1_file_is_decoded(tmp_path: Path, settings: Settings) -> None:
    item = _one(_write(tmp_path / "a.txt", DUMP.encode("latin-1")), settings)
    assert isinstance(item, Article) and "café season" in item.text


def test_utf16_file_with_bom_is_decoded(tmp_path: Path, settings: Settings) -> None:
    item = _one(_write(tmp_path / "a.txt", DUMP.encode("utf-16")), settings)
    assert isinstance(item, Article) and item.text == PROSE


def test_html_is_sniffed_from_markup_in_a_txt_file(tmp_path: Path, settings: Settings) -> None:
    html = f"<html><body><article><h1>Patrols</h1><p>{PROSE}</p></article></body></html>"
    item = _one(_write(tmp_path / "page.txt", html.encode()), settings)
    assert isinstance(item, Article) and item.input_kind == "html"


def test_stdin_text(settings: Settings) -> None:
    (item,) = _read(["-"], settings, stdin=io.BytesIO(DUMP.encode()))
    assert isinstance(item, Article) and item.origin == "<stdin>"


def test_stdin_json_lines_are_sniffed(settings: Settings) -> None:
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": PROSE}) for i in (1, 2))
    items = _read(["-"], settings, stdin=io.BytesIO(lines.encode()))
    assert [i.origin for i in items] == ["<stdin>:1", "<stdin>:2"]


def test_binary_file_is_rejected(tmp_path: Path, settings: Settings) -> None:
    item = _one(_write(tmp_path / "a.txt", b"abc\x00\x01\x02" * 50), settings)
    assert isinstance(item, Rejected) and item.reason.startswith("binary data")


def test_image_named_txt_is_rejected_by_its_signature(tmp_path: Path, settings: Settings) -> None:
    item = _one(_write(tmp_path / "a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), settings)
    assert isinstance(item, Rejected) and "PNG image" in item.reason


def test_empty_file_is_rejected(tmp_path: Path, settings: Settings) -> None:
    item = _one(_write(tmp_path / "a.txt", b" \n\n "), settings)
    assert isinstance(item, Rejected) and item.reason.startswith("empty input")


def test_too_large_file_is_rejected(tmp_path: Path, settings: Settings) -> None:
    small = dataclasses.replace(settings, max_bytes=100)
    item = _one(_write(tmp_path / "a.txt", DUMP.encode()), small)
    assert (
        isinstance(item, Rejected) and "too large" in item.reason and "max_bytes=100" in item.reason
    )


def test_too_long_json_line_is_rejected_alone(tmp_path: Path, settings: Settings) -> None:
    lines = [json.dumps({"text": PROSE}), json.dumps({"text": PROSE * 5})]
    path = _write(tmp_path / "f.jsonl", "\n".join(lines).encode())
    items = _read([path], dataclasses.replace(settings, max_bytes=1000))
    assert [type(i) for i in items] == [Article, Rejected]


def test_missing_path_is_rejected(tmp_path: Path, settings: Settings) -> None:
    item = _one(tmp_path / "nope.txt", settings)
    assert isinstance(item, Rejected) and item.reason == "no such file or folder"


def test_unreadable_file_is_rejected(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "a.txt", DUMP.encode())

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    item = _one(path, settings)
    assert isinstance(item, Rejected) and item.reason == "cannot read: Permission denied"


def test_folders_are_read_recursively_in_name_order(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "b" / "deep" / "2.txt", DUMP.encode())
    _write(tmp_path / "a.txt", DUMP.replace("coast", "border").encode())
    _write(tmp_path / ".hidden" / "3.txt", DUMP.encode())
    items = _read([tmp_path], settings)
    assert [Path(i.origin or "").relative_to(tmp_path) for i in items] == [
        Path("a.txt"),
        Path("b/deep/2.txt"),
    ]


def test_other_file_types_in_a_folder_are_reported(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0")
    (item,) = _read([tmp_path], settings)
    assert isinstance(item, Rejected) and "'.jpg' is not an article file type" in item.reason


def test_one_broken_file_does_not_stop_the_batch(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "1.txt", DUMP.encode())
    _write(tmp_path / "2.txt", b"\x00\x00junk")
    _write(tmp_path / "3.html", b"<html><body></body></html>")
    _write(tmp_path / "4.txt", DUMP.replace("coast", "border").encode())
    kinds = [type(i) for i in _read([tmp_path], settings)]
    assert kinds == [Article, Rejected, Rejected, Article]


def test_reingesting_gives_the_same_content_hash(tmp_path: Path, settings: Settings) -> None:
    first = _one(_write(tmp_path / "a.txt", DUMP.encode()), settings)
    again = _one(_write(tmp_path / "b.txt", ("  " + DUMP.replace(" ", "  ")).encode()), settings)
    assert isinstance(first, Article) and isinstance(again, Article)
    assert first.content_hash == again.content_hash


def test_windows_1252_quotes_are_decoded(tmp_path: Path, settings: Settings) -> None:
    text = DUMP.replace("officials said", "“officials” said")
    item = _one(_write(tmp_path / "a.txt", text.encode("cp1252")), settings)
    assert isinstance(item, Article) and "“officials” said" in item.text


def test_utf8_with_one_broken_byte_is_still_read(tmp_path: Path, settings: Settings) -> None:
    data = DUMP.replace("café", "café ’").encode() + b"\xff"
    item = _one(_write(tmp_path / "a.txt", data), settings)
    assert isinstance(item, Article) and "café ’" in item.text


def test_one_word_list_loader_serves_a_whole_batch(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[WordLists] = []
    real_init = WordLists.__init__

    def counting_init(self: WordLists, *args: object, **kwargs: object) -> None:
        made.append(self)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(WordLists, "__init__", counting_init)
    records = "\n".join(json.dumps({"text": DUMP}) for _ in range(3))
    _write(tmp_path / "a.txt", DUMP.encode())
    _write(tmp_path / "b.jsonl", records.encode())
    items = _read([tmp_path], settings)
    assert [type(item) for item in items] == [Article] * 4
    assert len(made) == 1


class _ListsAsked(WordLists):
    """A loader that notes which lists it was asked for."""

    def __init__(self, language: str) -> None:
        super().__init__(language)
        self.asked: list[str] = []

    def text(self, name: str) -> str:
        self.asked.append(name)
        return super().text(name)


def test_a_given_word_list_loader_is_used(tmp_path: Path, settings: Settings) -> None:
    words = _ListsAsked(settings.language)
    _read([_write(tmp_path / "a.txt", DUMP.encode())], settings, words=words)
    assert "clean/boilerplate_cues.txt" in words.asked


def test_stray_nul_bytes_are_removed_with_a_warning(tmp_path: Path, settings: Settings) -> None:
    item = _one(
        _write(tmp_path / "a.txt", DUMP.encode().replace(b" the ", b" the\x00 ", 1)), settings
    )
    assert isinstance(item, Article) and "\x00" not in item.text
    assert any("stray NUL" in w for w in item.warnings)
