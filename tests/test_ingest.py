"""Tests for trialgraph.ingest: bytes -> Document, and input collection.

RELIABILITY.md items 1, 3, 4, 5, 6, 9 (size cap), 11 and 12.
"""
from __future__ import annotations

import codecs
import re
import tempfile
from pathlib import Path

import ftfy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialgraph.errors import (
    DecodeError,
    DuplicateReleaseError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NotTextError,
)
from trialgraph.ingest import collect_inputs, decode_bytes, read_document, safe_doc_id

SAMPLE = (
    "CAMBRIDGE, Mass., March 4, 2021 (GLOBE NEWSWIRE) -- Northwind Oncology, Inc.\n"
    "announced that the FDA granted Orphan Drug Designation to NWO-217 for AML.\n"
)
WESTERN = "Northwind’s “NWO-217” drug® at 2 mg/m² and 5 µg/kg – café résumé naïve Zürich"
SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ plain text


def test_utf8_file(tmp_path):
    path = write(tmp_path, "northwind-2021-03-04.txt", SAMPLE.encode("utf-8"))
    doc = read_document(path)
    assert doc.doc_id == "northwind-2021-03-04"
    assert doc.name == "northwind-2021-03-04.txt"
    assert doc.text == SAMPLE
    assert doc.warnings == ()


def test_doc_id_drops_only_last_extension_and_name_has_no_folder(tmp_path):
    path = write(tmp_path, "deep/er/release.v2.md", b"# Title\n\nBody.\n")
    doc = read_document(path)
    assert doc.doc_id == "release.v2"
    assert doc.name == "release.v2.md"


def test_utf8_accents_and_symbols_unchanged(tmp_path):
    text = "Café ® naïve résumé — “quotes” 2 mg/m² 5 µg Ünïcödé São Paulo Ελλάδα 東京\n"
    doc = read_document(write(tmp_path, "a.txt", text.encode("utf-8")))
    assert doc.text == text
    assert doc.warnings == ()


def test_cafe_registered_is_not_double_encoded(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "café ®".encode("utf-8")))
    assert doc.text == "café ®"
    assert doc.warnings == ()


# ------------------------------------------------------------------ empty / binary


def test_empty_file_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path, "empty-release.txt", b"")
    with pytest.raises(EmptyInputError) as info:
        read_document(path)
    assert info.value.message == "empty file"
    assert "empty-release.txt" in info.value.one_line()
    assert "\n" not in info.value.one_line()
    assert info.value.exit_code == 3


@pytest.mark.parametrize(
    "data",
    [b" \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
     "\u200b \u00a0\n".encode("utf-8")],
)
def test_whitespace_only_file_is_empty(tmp_path, data):
    path = write(tmp_path, "blank.txt", data)
    with pytest.raises(EmptyInputError) as info:
        read_document(path)
    assert "blank.txt" in info.value.one_line()


def test_nul_bytes_are_not_text(tmp_path):
    path = write(tmp_path, "blob.txt", b"hello\x00\x01\x02world" * 10)
    with pytest.raises(NotTextError) as info:
        read_document(path)
    assert "not text" in info.value.message
    assert "blob.txt" in info.value.one_line()


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff\xe0", "JPEG"),
        (b"GIF89a", "GIF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x1f\x8b\x08", "gzip"),
        (b"\x7fELF", "ELF"),
    ],
)
def test_known_binary_headers_are_not_text(tmp_path, header, kind):
    # padded with printable bytes: the magic number alone must decide
    path = write(tmp_path, "image.txt", header + b"IHDR looks like text afterwards " * 20)
    with pytest.raises(NotTextError) as info:
        read_document(path)
    assert info.value.message.startswith("not text: binary data")
    assert kind in info.value.message


def test_pdf_data_is_read_as_pdf_whatever_its_name(tmp_path):
    # content decides (tests/test_formats.py): a broken PDF named .txt is a PDF error
    path = write(tmp_path, "release.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert re.search(r"release\.txt: malformed PDF", info.value.one_line())
    with pytest.raises(NotTextError, match="not text: PDF data"):  # decode_bytes reads text only
        decode_bytes(path.read_bytes())


def test_few_control_characters_are_kept_many_are_refused(tmp_path):
    kept = "x" * 200 + "\x0c" + "y" * 200  # a form feed: 1 in 401
    doc = read_document(write(tmp_path, "ff.txt", kept.encode()))
    assert doc.text == kept
    noisy = ("abc\x01\x02\x1b" * 50).encode()
    with pytest.raises(NotTextError, match="control characters"):
        read_document(write(tmp_path, "noisy.txt", noisy))


# ------------------------------------------------------------------ encodings


def test_windows_1252_decodes_correctly(tmp_path):
    path = write(tmp_path, "cp.txt", WESTERN.encode("cp1252"))
    raw = path.read_bytes()
    for byte in (b"\x92", b"\x93", b"\x94", b"\xae", b"\xb2", b"\xb5"):  # ’ “ ” ® ² µ
        assert byte in raw
    doc = read_document(path)
    assert doc.text == WESTERN
    assert "\ufffd" not in doc.text
    assert "decoded as cp1252" in doc.warnings


def test_windows_1252_each_special_byte(tmp_path):
    data = b"a \x91b\x92 \x93c\x94 d\xae e\xb2 f\xb5 g\x96h\x97 \x80 \x99"
    doc = read_document(write(tmp_path, "bytes.txt", data))
    assert doc.text == "a ‘b’ “c” d® e² fµ g–h— € ™"
    assert doc.warnings == ("decoded as cp1252",)


def test_utf8_with_a_stray_cp1252_byte(tmp_path):
    data = "UTF-8 “quotes” and ® then a pasted ".encode("utf-8") + b"\x96 dash"
    doc = read_document(write(tmp_path, "mixed.txt", data))
    assert doc.text == "UTF-8 “quotes” and ® then a pasted – dash"
    assert "\ufffd" not in doc.text
    assert any(w.startswith("decoded as utf-8 with 1 invalid byte") for w in doc.warnings)


def test_cyrillic_cp1251_is_not_forced_into_cp1252(tmp_path):
    text = (
        "Компания Северный ветер объявила результаты первой фазы клинического "
        "исследования препарата у пациентов с острым миелоидным лейкозом."
    )
    doc = read_document(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert doc.text == text
    assert doc.warnings and doc.warnings[0].startswith("decoded as ")
    assert doc.warnings[0] != "decoded as cp1252"


def test_undecodable_bytes_raise_decode_error(tmp_path):
    # high bytes only: no UTF-8, a cp1252 reading is letter soup, no code page fits
    data = bytes((0xA0 + (i * 37) % 96) for i in range(600))
    with pytest.raises(DecodeError) as info:
        read_document(write(tmp_path, "soup.txt", data))
    assert "soup.txt" in info.value.one_line()


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_give_the_same_text(tmp_path, bom, codec):
    text = SAMPLE + WESTERN + "\n"
    plain = read_document(write(tmp_path, "plain.txt", text.encode("utf-8")))
    with_bom = read_document(write(tmp_path, "bom.txt", bom + text.encode(codec)))
    assert with_bom.text == plain.text == text
    assert not with_bom.text.startswith("\ufeff")


def test_utf16_bom_with_crlf_gives_the_same_text(tmp_path):
    text = SAMPLE.replace("\n", "\r\n")
    doc = read_document(write(tmp_path, "w.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")))
    assert doc.text == SAMPLE


def test_invalid_data_after_a_bom_is_a_decode_error(tmp_path):
    path = write(tmp_path, "odd.txt", codecs.BOM_UTF16_LE + b"a\x00b")  # odd byte count
    with pytest.raises(DecodeError):
        read_document(path)


# ------------------------------------------------------------------ mojibake


def test_mojibake_is_repaired(tmp_path):
    doc = read_document(write(tmp_path, "m.txt", "Cellâ€™s drugÂ® works".encode("utf-8")))
    assert doc.text == "Cell’s drug® works"
    assert "repaired mojibake" in doc.warnings


def test_mojibake_repair_leaves_other_lines_untouched(tmp_path):
    good = "Good line: “café” & naïve ® — keep as is"
    text = f"{good}\nThe drugÂ® showed an Ã©tude-grade â€œresponseâ€\x9d\n{good}\n"
    doc = read_document(write(tmp_path, "m2.txt", text.encode("utf-8")))
    lines = doc.text.split("\n")
    assert lines[0] == lines[2] == good
    assert lines[1] == "The drug® showed an étude-grade “response”"
    assert doc.warnings == ("repaired mojibake",)


def test_mojibake_inside_cp1252_file_is_repaired(tmp_path):
    # a cp1252 file whose author pasted mis-decoded text: two warnings
    data = "Â® and résumé".encode("cp1252")
    doc = read_document(write(tmp_path, "m3.txt", data))
    assert doc.text == "® and résumé"
    assert doc.warnings == ("decoded as cp1252", "repaired mojibake")


# ------------------------------------------------------------------ line endings, size


def test_crlf_and_lone_cr_become_lf(tmp_path):
    data = b"line one\r\nline two\rline three\n\r\nend\r"
    doc = read_document(write(tmp_path, "crlf.txt", data))
    assert doc.text == "line one\nline two\nline three\n\nend\n"
    assert "\r" not in doc.text


def test_file_over_the_cap_is_too_large(tmp_path):
    path = write(tmp_path, "big.txt", b"a" * 1001)
    with pytest.raises(InputTooLargeError) as info:
        read_document(path, max_bytes=1000)
    assert "1001" in info.value.message and "1000" in info.value.message
    assert read_document(path, max_bytes=1001).text == "a" * 1001


def test_missing_file_and_folder_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="not a regular file"):
        read_document(tmp_path)


def test_doc_id_is_made_safe(tmp_path):
    doc = read_document(write(tmp_path, "weird\nname\x07 (v2).txt", b"text"))
    assert doc.doc_id == "weird_name_v2"
    assert doc.name == "weird\nname\x07 (v2).txt"


# ------------------------------------------------------------------ safe_doc_id


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("northwind-2021-03-04", "northwind-2021-03-04"),
        ("a\nb", "a_b"),
        ("line\r\nbreak\x00\x1b[31mred", "line_break_31mred"),
        ("../../etc/passwd", "etc_passwd"),
        ("..\\..\\windows", "windows"),
        ("a/../b", "a_b"),
        ("café résumé", "cafe_resume"),
        ("-rf", "rf"),
        (".hidden", "hidden"),
        ("CON", "release-CON"),
        ("nul.v2", "release-nul.v2"),
    ],
)
def test_safe_doc_id_examples(stem, expected):
    assert safe_doc_id(stem) == expected


@pytest.mark.parametrize("stem", ["..", ".", "\n", "\x00\x01", "日本語", "///"])
def test_safe_doc_id_with_nothing_usable_is_a_stable_hash(stem):
    doc_id = safe_doc_id(stem)
    assert re.fullmatch(r"release-[0-9a-f]{10}", doc_id)
    assert safe_doc_id(stem) == doc_id


def test_safe_doc_id_long_stems_stay_distinct():
    a, b = safe_doc_id("x" * 300 + "a"), safe_doc_id("x" * 300 + "b")
    assert a != b and len(a) <= 140 and len(b) <= 140


def test_safe_doc_id_empty_stem_is_refused():
    with pytest.raises(ValueError):
        safe_doc_id("")


@given(st.text(min_size=1, max_size=200))
def test_safe_doc_id_is_always_safe(stem):
    doc_id = safe_doc_id(stem)
    assert SAFE_ID.fullmatch(doc_id)
    assert ".." not in doc_id
    assert doc_id[0] not in ".-_" and doc_id[-1] not in ".-_"
    assert len(doc_id) <= 140
    assert safe_doc_id(stem) == doc_id


# ------------------------------------------------------------------ collect_inputs


def make_tree(root: Path) -> None:
    for rel in [
        "b.txt",
        "a.txt",
        "sub/c.md",
        "sub/deeper/d.markdown",
        "sub/e.text",
        "sub2/f.TXT",
        "notes.csv",
        "image.png",
        ".secret.txt",
        ".hidden/g.txt",
        "sub/.cache/h.md",
    ]:
        write(root, rel, b"text")


def test_collect_inputs_walks_folders_sorted(tmp_path):
    make_tree(tmp_path)
    files, errors = collect_inputs([tmp_path])
    assert errors == []
    rel = [p.relative_to(tmp_path).as_posix() for p in files]
    assert rel == ["a.txt", "b.txt", "sub/c.md", "sub/deeper/d.markdown", "sub/e.text", "sub2/f.TXT"]


def test_collect_inputs_flags_duplicate_release_ids(tmp_path):
    make_tree(tmp_path)
    write(tmp_path, "a.md", b"same stem as a.txt")
    write(tmp_path, "other/c.txt", b"same stem as sub/c.md")
    files, errors = collect_inputs([tmp_path], on_clash="report")
    dups = [e for e in errors if isinstance(e, DuplicateReleaseError)]
    assert len(dups) == 2
    messages = sorted(e.one_line() for e in dups)
    assert "a.md" in messages[0] and "a.txt" in messages[0] and "'a'" in messages[0]
    assert "c.md" in messages[1] and "c.txt" in messages[1]
    names = [p.name for p in files]
    assert "a.txt" not in names and "a.md" not in names  # neither is silently chosen
    assert names == ["b.txt", "d.markdown", "e.text", "f.TXT"]


def test_collect_inputs_duplicates_compare_safe_ids_case_insensitively(tmp_path):
    write(tmp_path, "Report 1.txt", b"x")
    write(tmp_path, "report_1.md", b"y")
    files, errors = collect_inputs([tmp_path], on_clash="report")
    assert files == []
    assert len(errors) == 1 and isinstance(errors[0], DuplicateReleaseError)


def test_collect_inputs_explicit_files_any_suffix_and_missing_paths(tmp_path):
    make_tree(tmp_path)
    explicit = tmp_path / "notes.csv"
    missing = tmp_path / "missing.txt"
    files, errors = collect_inputs([explicit, missing, tmp_path / ".secret.txt"])
    assert files == [explicit, tmp_path / ".secret.txt"]
    assert len(errors) == 1
    assert type(errors[0]) is InputError
    assert errors[0].message == "no such file or folder"
    assert "missing.txt" in errors[0].one_line()


def test_collect_inputs_same_file_twice_is_listed_once(tmp_path):
    make_tree(tmp_path)
    files, errors = collect_inputs([tmp_path / "a.txt", tmp_path, tmp_path / "sub" / ".." / "a.txt"])
    assert errors == []
    assert [p.name for p in files].count("a.txt") == 1
    assert files[0] == tmp_path / "a.txt"


def test_collect_inputs_is_deterministic(tmp_path):
    make_tree(tmp_path)
    first = collect_inputs([tmp_path])
    second = collect_inputs([tmp_path])
    assert first[0] == second[0]


# ------------------------------------------------------------------ properties

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)) + "]")
_BLANK = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]*")
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"PK", b"\x1f\x8b", b"\x7fELF",
          b"BZh91AY&SY", b"\xfd7zXZ", b"7z\xbc\xaf", b"\x28\xb5\x2f\xfd", b"%PDF-")

# Text with the characters that make trouble: Latin-1 and cp1252 symbols (the
# stuff of mojibake), line breaks, controls, a BOM character, astral symbols.
tricky_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("\r\n\t \u00c2\u00c3\u00e2\u20ac\u2122\u00ae\u00a9\u201c\u201d\u2019\ufeff\u00e9"),
    ),
    max_size=300,
)


def _read_bytes(data: bytes, name: str = "p.txt"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return read_document(path)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(tricky_text, st.booleans())
def test_utf8_round_trip(text, with_bom):
    data = text.encode("utf-8")
    if with_bom:
        data = codecs.BOM_UTF8 + data
    elif text.startswith("\ufeff"):
        return  # a leading U+FEFF without a BOM *is* a BOM
    # noncharacters (U+FDD0, U+FFFE...) are removed on reading (ingest rule 7)
    expected = _NONCHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        doc = _read_bytes(data)
    except EmptyInputError:
        assert _BLANK.fullmatch(expected)
        return
    except NotTextError:
        assert "\x00" in text or data.startswith(_MAGIC) or len(_CONTROL.findall(expected)) * 100 > len(expected)
        return
    # Only text that ftfy would repair may change (RELIABILITY 6); the rest is exact.
    if all(ftfy.fix_encoding(line) == line for line in text.split("\n")):
        assert doc.text == expected
    else:
        assert "\r" not in doc.text
    assert doc.doc_id == "p" and doc.name == "p.txt"


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_input_errors(data):
    try:
        doc = _read_bytes(data)
    except InputError:
        return
    # anything else propagates and fails the test
    assert isinstance(doc.text, str) and doc.text.strip()
    assert "\r" not in doc.text
    if "\ufffd" in doc.text:  # never invented: only a U+FFFD present in the bytes
        assert b"\xef\xbf\xbd" in data
    assert _read_bytes(data) == doc  # deterministic


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="cp1252"), min_size=1, max_size=300))
def test_cp1252_text_never_gets_replacement_characters(text):
    try:
        doc = _read_bytes(text.encode("cp1252"))
    except InputError:
        return
    assert "\ufffd" not in doc.text


def test_noncharacters_are_removed_and_a_file_of_nothing_else_is_empty():
    assert _read_bytes("a\ufdd0b\U0001fffe".encode()).text == "ab"
    for only in ("\ufdd0", "\ufffe \n\ufdef", "\U0010ffff"):
        with pytest.raises(EmptyInputError):
            _read_bytes(only.encode())
