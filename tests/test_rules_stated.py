"""rules._drop_stated: inferences already stated are dropped by comparing
lines, which must give what splitting every stated line into a triple gave."""
import random

from trialgraph.rules import _drop_stated, _split


def _terms(rng: random.Random):
    iri = lambda: f"<http://example.org/{rng.choice('abc')}{rng.randrange(6)}>"  # noqa: E731
    literal = lambda: rng.choice(['"x y"', '"a b c"@en', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '""'])  # noqa: E731
    return iri, literal


def _triple(rng: random.Random) -> tuple[str, str, str]:
    iri, literal = _terms(rng)
    return iri(), iri(), rng.choice([iri, literal])()


def test_drop_stated_equals_dropping_split_lines():
    for seed in range(200):
        rng = random.Random(seed)
        found = {_triple(rng) for _ in range(rng.randrange(0, 30))}
        lines = [" ".join(_triple(rng)) for _ in range(rng.randrange(0, 30))]
        lines += [" ".join(t) for t in found if rng.random() < 0.4]
        rng.shuffle(lines)
        # pieces of one or more lines, as a graph's rule input ("s p o\n" each) or single lines
        pieces, i = [], 0
        while i < len(lines):
            size = rng.randrange(1, 5)
            pieces.append("".join(f"{line}\n" for line in lines[i:i + size]) if rng.random() < 0.7
                          else "\n".join(lines[i:i + size]))
            i += size
        expected = set(found)
        expected.difference_update(_split(line) for line in lines)
        _drop_stated(found, pieces)
        assert found == expected


def test_a_literal_with_spaces_is_matched_whole():
    # the object may hold spaces; only the subject and predicate are split off
    found = {("<s>", "<p>", '"a b c"'), ("<s>", "<p>", '"a b"')}
    _drop_stated(found, ['<s> <p> "a b c"\n<s> <p> "a"\n'])
    assert found == {("<s>", "<p>", '"a b"')}


def test_rules_split_over_two_processes_infer_the_same(monkeypatch):
    # half the rules in a forked child (large rule inputs): the same inferences as all of them here
    from pathlib import Path

    from trialgraph import rules
    from trialgraph.pipeline import build

    folder = Path(__file__).parent / "heldout_news"
    quads = build([folder], validate=False).assembly.quads
    monkeypatch.setattr(rules, "PARALLEL_FROM", 10 ** 12)
    alone = rules.infer_rendered(quads)
    monkeypatch.setattr(rules, "PARALLEL_FROM", 0)
    split = rules.infer_rendered(quads)
    assert alone and split == alone


def test_reader_streams_pieces_whole_whatever_the_read_size():
    # the rules' N-Quads reader fills each read from several pieces and splits
    # a piece (and a multi-byte character) across reads: the bytes are the joined text's
    from trialgraph.rules import _Reader

    rng = random.Random(7)
    pieces = ["".join(rng.choice(["a", " ", "\n", "é", "𝔸", "<x>"]) for _ in range(rng.randrange(0, 40)))
              for _ in range(300)]
    expected = "".join(pieces).encode("utf-8")
    for size in (1, 2, 3, 7, 64, 4096, 1 << 20):
        reader, out = _Reader(pieces), bytearray()
        while True:
            buffer = bytearray(size)
            read = reader.readinto(buffer)
            if not read:
                break
            out += buffer[:read]
        assert bytes(out) == expected and reader.size == len(expected)
