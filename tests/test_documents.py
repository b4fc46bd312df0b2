"""Plain-text files read in pieces: long lines cut at safe places, nothing lost or garbled."""

from __future__ import annotations

import io

import pytest

from bilan.documents import CHUNK_CHARS, read_jsonl, read_text_chunks
from bilan.errors import MalformedLineError
from bilan.evaluate import score_gold_file


def _pieces(data: bytes) -> list[tuple[int, str]]:
    return list(read_text_chunks(io.BytesIO(data), "rapport.txt"))


def _assert_covers(pieces: list[tuple[int, str]], text: str) -> None:
    """The pieces are the text, in order, each at its character offset."""
    assert "".join(piece for _, piece in pieces) == text
    offset = 0
    for at, piece in pieces:
        assert at == offset
        offset += len(piece)


def test_a_line_longer_than_a_chunk_is_cut_after_a_sentence():
    sentence = "Au moins 12 civils ont été tués à Alep. "
    text = sentence * (3 * CHUNK_CHARS // len(sentence))
    pieces = _pieces(text.encode("utf-8"))
    assert len(pieces) >= 2
    # Each piece ends on a whole sentence: none is cut inside one.
    assert all(piece.endswith("Alep. ") for _, piece in pieces)
    assert max(len(piece) for _, piece in pieces) <= 2 * CHUNK_CHARS
    _assert_covers(pieces, text)


def test_a_line_without_sentence_ends_is_cut_after_a_word():
    text = "raids " * CHUNK_CHARS
    pieces = _pieces(text.encode("utf-8"))
    assert len(pieces) >= 3
    assert all(piece.endswith(" ") for _, piece in pieces)
    _assert_covers(pieces, text)


@pytest.mark.parametrize("character", ["é", "€", "𝄞"])
def test_a_line_without_spaces_is_cut_between_characters(character):
    # 2-, 3- and 4-byte UTF-8 characters: a cut inside one would decode as Latin-1 garbage.
    text = "x" + character * (3 * CHUNK_CHARS)
    pieces = _pieces(text.encode("utf-8"))
    assert len(pieces) >= 2
    _assert_covers(pieces, text)


def test_short_lines_are_kept_whole():
    lines = "".join(f"Ligne {n} : au moins {n} morts à Homs.\n" for n in range(20_000))
    pieces = _pieces(lines.encode("utf-8"))
    assert all(piece.endswith("\n") for _, piece in pieces)
    _assert_covers(pieces, lines)


def test_a_number_past_pythons_digit_limit_is_a_malformed_line(tmp_path):
    """Found by the fuzz test: json.loads raises a plain ValueError, not a decode error,
    for an integer of more than 4,300 digits."""
    path = tmp_path / "big.jsonl"
    path.write_text("10" * 2151 + "\n" + '{"id": "a", "text": "Deux morts."}\n',
                    encoding="utf-8")
    items = list(read_jsonl(path))
    assert isinstance(items[0], MalformedLineError)
    assert items[0].code == "E103" and "line 1" in str(items[0])
    assert [item.id for item in items[1:]] == ["a"]


def test_a_gold_line_with_a_huge_number_is_a_coded_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(MalformedLineError) as caught:
        score_gold_file(path)
    assert caught.value.code == "E130"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_extract_reads_utf16_with_or_without_a_bom(encoding):
    text = "Au moins 12 civils ont été tués à Alep.\n" * 3
    assert _pieces(text.encode(encoding)) == [(0, text)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_read_in_pieces_like_utf8(encoding):
    # Regression: a UTF-16 file was read and decoded whole, whatever its size.
    lines = "".join(f"Ligne {n} : au moins {n} morts à Homs.\n" for n in range(20_000))
    pieces = _pieces(lines.encode(encoding))
    assert len(pieces) >= 3
    assert all(piece.endswith("\n") for _, piece in pieces)
    _assert_covers(pieces, lines)


def test_utf16_nul_and_lone_surrogates_are_repaired_across_pieces():
    # After the BOM and four characters, a read of 8,192 bytes ends inside a surrogate pair,
    # which stays one character.
    text = "a\x00bc" + "😀" * CHUNK_CHARS
    data = text.encode("utf-16-le") + b"\x00\xd8" + "z".encode("utf-16-le")
    pieces = _pieces(b"\xff\xfe" + data)
    _assert_covers(pieces, "a\ufffdbc" + "😀" * CHUNK_CHARS + "\ufffdz")
