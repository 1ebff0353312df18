"""`build NEW... --into GRAPH_OR_STORE`: only the new releases are read, a
changed release replaces its graph, resolution re-runs over every cached
extraction, and the result is the full rebuild, byte for byte."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialgraph import extraction_cache, rules
from trialgraph.extraction_cache import FOLDER_FILES
from trialgraph.cli import main
from trialgraph.graph_state import load_state
from trialgraph.graphsource import load_dataset
from trialgraph.incremental import build_target, cache_folder_for
from trialgraph.pipeline import serialize_trig
from trialgraph.quads import QuadSink
from trialgraph.resolve import word_counts

from generated import GENERATOR

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# An invented release that misspells the company of the examples and calls
# its drug by the new name only: both must join the entities of batch one.
MISSPELLED = """Nortwind Oncology Doses First Patient in Phase 2 HARBOR-2 Trial of Velotamab

BOSTON, Mass., September 9, 2024 (GLOBE NEWSWIRE) -- Nortwind Oncology, Inc. (NASDAQ: NWON), a clinical-stage \
biotechnology company, today announced that the first patient has been dosed in the Phase 2 HARBOR-2 trial of \
velotamab in adults with relapsed or refractory acute myeloid leukemia.

About Nortwind Oncology

Nortwind Oncology, Inc. is a clinical-stage biotechnology company headquartered in Boston, Massachusetts.
"""


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def store_trig(folder: Path) -> bytes:
    """The TriG our writer makes of a store's graph, to compare with a file."""
    dataset = load_dataset(folder)
    sink = QuadSink()
    for prefix, namespace in dataset.namespaces():
        sink.bind(prefix, namespace)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        sink.graph(getattr(g, "identifier", g)).add((s, p, o))
    return serialize_trig(sink)


def full_build(paths, out: Path) -> bytes:
    result = run("build", *paths, "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.parametrize("kind", ["file", "store"])
def test_dev_corpus_in_two_halves_equals_the_full_build(tmp_path, shared, kind):
    dev = sorted((shared / "corpus" / "dev").glob("*.txt"))
    full = full_build(dev, tmp_path / "full.trig")
    target = tmp_path / ("inc.trig" if kind == "file" else "store")
    first = build_target(dev[::2], target, add=True)
    second = build_target(dev[1::2], target, add=True)
    assert (first.read, first.reused) == (9, 0)
    assert (second.read, second.reused) == (9, 9)  # the first half was not read again
    incremental = target.read_bytes() if kind == "file" else store_trig(target)
    assert incremental == full


@pytest.mark.parametrize("kind", ["file", "store"])
def test_a_new_alias_and_a_misspelling_join_entities_of_the_first_batch(tmp_path, kind):
    batch_one = sorted(p for p in EXAMPLES.iterdir() if "2024" not in p.name)
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(EXAMPLES / "northwind-2024-05-20.txt", later)
    (later / "nortwind-2024-09-09.txt").write_text(MISSPELLED, encoding="utf-8")

    full = full_build([*batch_one, later], tmp_path / "full.trig")
    target = tmp_path / ("inc.trig" if kind == "file" else "store")
    assert run("build", *batch_one, "--into", target).exit_code == 0
    before = target.read_bytes() if kind == "file" else store_trig(target)
    assert b'"Velotamab"' not in before
    result = run("build", later, "--into", target)
    assert result.exit_code == 0, result.output
    after = target.read_bytes() if kind == "file" else store_trig(target)
    assert after == full
    # the resolution really ran across batches: the new names point at old IRIs
    text = after.decode()
    assert 'tg:variant "Velotamab"' in text and "tg:mergedInto <https://w3id.org/trialgraph/id/drug/nwo-217>" in text
    assert '<https://w3id.org/trialgraph/id/company/northwindoncology> skos:hiddenLabel "Nortwind Oncology, Inc."' \
        in text


def test_a_changed_release_replaces_its_named_graph(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in EXAMPLES.iterdir():
        shutil.copy(path, inputs)
    target = tmp_path / "g.trig"
    assert run("build", inputs, "--into", target).exit_code == 0
    changed = inputs / "northwind-2021-03-04.txt"
    changed.write_text(changed.read_text().replace("Acute Myeloid Leukemia", "Myelodysplastic Syndrome", 1))
    built = build_target([changed], target, add=True)
    assert (built.read, built.reused, built.replaced) == (1, 4, ["northwind-2021-03-04"])
    assert target.read_bytes() == full_build([inputs], tmp_path / "full.trig")
    assert "Myelodysplastic Syndrome" in target.read_text()
    # one cache entry per release: the replaced version's entry is gone
    entries = [p for p in cache_folder_for(target).iterdir() if p.name not in FOLDER_FILES]
    assert len(entries) == 5


def test_an_unchanged_release_given_again_is_not_re_extracted(tmp_path):
    target = tmp_path / "store"
    build_target([EXAMPLES], target, add=True)
    again = build_target([EXAMPLES / "bluefin-2023-03-03.txt"], target, add=True)
    assert (again.read, again.reused, again.replaced) == (0, 5, [])


def test_a_code_change_invalidates_the_cache_and_re_reads_the_sources(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    shutil.copytree(EXAMPLES, inputs)
    target = tmp_path / "g.trig"
    build_target([inputs / "bluefin-2023-03-03.txt", inputs / "northwind-2021-03-04.txt"], target, add=True)
    monkeypatch.setattr(extraction_cache, "cache_version", lambda: "another-version")
    monkeypatch.setattr("trialgraph.incremental.cache_version", lambda: "another-version")
    built = build_target([inputs / "northwind-2022-06-13.txt"], target, add=True)
    assert (built.read, built.reused) == (3, 0)  # the two cached releases were read again from their files
    # a stale cache whose sources are gone cannot be used: a clear usage error
    monkeypatch.setattr(extraction_cache, "cache_version", lambda: "a-third-version")
    monkeypatch.setattr("trialgraph.incremental.cache_version", lambda: "a-third-version")
    (inputs / "bluefin-2023-03-03.txt").unlink()
    result = run("build", inputs / "northwind-2023-01-17.md", "--into", target)
    assert result.exit_code == 2
    assert "another trialgraph version" in result.output and "bluefin-2023-03-03" in result.output


def test_into_a_graph_built_without_a_cache_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "g.trig"
    full = full_build([EXAMPLES / "bluefin-2023-03-03.txt"], target)
    result = run("build", EXAMPLES / "northwind-2021-03-04.txt", "--into", target)
    assert result.exit_code == 2
    assert "no extraction cache" in result.output and "g.trig" in result.output
    assert target.read_bytes() == full


def test_cache_codec_round_trips_every_extraction_exactly(shared):
    from trialgraph.pipeline import collect, extract_files

    files, _ = collect([shared / "corpus" / "dev", EXAMPLES])
    for extraction in extract_files(files).extractions:
        encoded = extraction_cache.encode(extraction)
        assert extraction_cache.decode(type(extraction), encoded) == extraction


def test_batches_reuse_unchanged_graphs_and_equal_the_full_build(tmp_path):
    """The fast path (graph-state): kept releases keep their TriG block,
    the rules re-run only where the change reaches; still the full build's bytes."""
    GENERATOR.write(180, tmp_path / "all", seed=7)
    files = sorted((tmp_path / "all").iterdir())
    batches = []
    for n in range(3):  # interleaved, so later batches extend companies and drugs of earlier ones
        batch = tmp_path / f"batch{n}"
        batch.mkdir()
        for path in files[n::3]:
            shutil.copy(path, batch)
        batches.append(batch)
    target = tmp_path / "g.trig"
    for n, batch in enumerate(batches):
        built = build_target([batch], target, add=True, workers=2)
        if n:
            assert built.carried, "the graph state was not used"
            assert len(built.result.assembly.emitted) < len(built.result.extractions)  # not everything again
        assert target.read_bytes() == full_build(batches[:n + 1], tmp_path / f"full{n}.trig")
        assert built.words == word_counts(e.document.text for e in built.result.extractions)
    # a replaced release that renames its company: its old graph's nodes count as touched
    changed = batches[0] / files[0].name
    text = changed.read_text()
    changed.write_text(text.replace("Phase 2", "Phase 3", 1).replace("Phase 1", "Phase 2", 1)
                       + "\nA sentence only the new version has.\n")
    built = build_target([changed], target, add=True)
    assert built.replaced == [files[0].stem] and built.carried
    assert target.read_bytes() == full_build(batches, tmp_path / "full-replaced.trig")
    # the word counts kept in the state: the old version's text out, the new one's in
    assert built.words == word_counts(e.document.text for e in built.result.extractions)
    assert built.words["only"] == word_counts([changed.read_text()])["only"] + sum(
        word_counts([path.read_text()])["only"] for path in files[1:])


def test_a_saved_graph_state_spares_parsing_the_rules(tmp_path, monkeypatch):
    target = tmp_path / "g.trig"
    build_target([EXAMPLES], target, add=True)
    parsed, solitary = rules.rule_predicates(), rules.solitary_predicates()
    monkeypatch.setattr(rules, "_PREDICATES", {})
    monkeypatch.setattr(rules, "_parse_rules", lambda: pytest.fail("the rules were parsed again"))
    state = load_state(cache_folder_for(target), hashlib.sha256(target.read_bytes()).hexdigest())
    assert state is not None and rules.rule_predicates() == parsed
    assert rules.solitary_predicates() == solitary


def test_a_state_keeps_texts_as_utf8_and_a_view_decodes_its_own(tmp_path):
    # resolution reads a kept release's text only to count in it: loaded
    # undecoded, the view decodes it on first use, and it is written back as it was
    from trialgraph.graph_state import encode_state, record_text, resolve_view

    target = tmp_path / "g.trig"
    built = build_target([EXAMPLES], target, add=True)
    texts = {e.document.doc_id: e.document.text for e in built.result.extractions}
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    state = load_state(cache_folder_for(target), digest)
    assert state is not None and texts and set(state.releases) == set(texts)
    for doc, release in state.releases.items():
        assert not isinstance(release.resolve[2], str)
        assert record_text(release.resolve) == texts[doc]
        assert resolve_view(release.resolve).document.text == texts[doc]
    assert b"".join(encode_state(state, digest)) == (cache_folder_for(target) / FOLDER_FILES[1]).read_bytes()


def examples_in_two_folders(tmp_path) -> tuple[Path, Path]:
    """All examples but the last, and the last alone."""
    inputs, extra = tmp_path / "in", tmp_path / "extra"
    inputs.mkdir()
    extra.mkdir()
    paths = sorted(EXAMPLES.iterdir())
    for path in paths[:-1]:
        shutil.copy(path, inputs)
    shutil.copy(paths[-1], extra)
    return inputs, extra


def test_a_graph_file_changed_behind_its_state_takes_the_full_path(tmp_path):
    inputs, extra = examples_in_two_folders(tmp_path)
    target = tmp_path / "g.trig"
    assert run("build", inputs, "--into", target).exit_code == 0
    target.write_bytes(target.read_bytes() + b"# edited by hand\n")  # or a kill between graph and state
    built = build_target([extra], target, add=True)
    assert not built.carried  # the state names another SHA-256: nothing is taken from it
    assert target.read_bytes() == full_build([inputs, extra], tmp_path / "full.trig")


@pytest.mark.parametrize("damage", ["flipped byte", "truncated"])
def test_a_damaged_graph_state_is_not_used(tmp_path, damage):
    """The state is not fsynced: a power cut may leave it damaged, which its
    length and CRC-32 must catch, sending the build down the full path."""
    inputs, extra = examples_in_two_folders(tmp_path)
    target = tmp_path / "g.trig"
    build_target([inputs], target, add=True)
    state_file = cache_folder_for(target) / "graph-state"
    data = bytearray(state_file.read_bytes())
    if damage == "truncated":
        del data[-100:]
    else:
        data[-100] ^= 0x20  # inside a rule input, past the JSON line
    state_file.write_bytes(bytes(data))
    built = build_target([extra], target, add=True)
    assert not built.carried
    assert target.read_bytes() == full_build([inputs, extra], tmp_path / "full.trig")


def test_a_rule_input_summary_holds_the_links_and_every_subject():
    from trialgraph.vocab import TGID

    drug, trial, result, company = (f"<{TGID}{kind}/x>" for kind in ("drug", "trial", "result", "company"))
    rule_input = (f"{trial} <https://w3id.org/trialgraph/ontology#studiesDrug> {drug}\n"
                  f"{drug} <https://w3id.org/trialgraph/ontology#developedBy> {company}\n"
                  f"{trial} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/trialgraph/ontology#ClinicalTrial>\n"
                  f"{result} <https://w3id.org/trialgraph/ontology#asOf> \"2024-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>\n"
                  f"<https://example.org/elsewhere> <https://w3id.org/trialgraph/ontology#aboutDrug> {drug}\n")
    links, subjects = rules.rule_input_summary(rule_input)
    # a literal, a foreign subject and a solitary predicate (rules.solitary_predicates) join nothing;
    # of the types, only a trial's joins it to the graph stating it (trial-latest-mention.rq)
    assert links == f"{trial} {drug}\n{trial} {rules._IN_GRAPH}\n"
    # a subject that is not one of our nodes is marked, so its graph is never skipped
    assert subjects.splitlines() == [trial, drug, result, "*"]


def test_a_company_renamed_by_a_later_release_equals_the_full_build(tmp_path):
    """A new release with the ticker of an older company, under a new name
    written often enough to become the company's name: every older release
    of that company is emitted again with the new IRI. The rules run only
    where a rule input changed, and tg:developedBy (solitary) joins no
    components, yet the inferences are the full build's."""
    GENERATOR.write(60, tmp_path / "all", seed=11)
    older = sorted((tmp_path / "all").glob("fenhylo-*"))
    later = tmp_path / "later"
    later.mkdir()
    text = older[0].read_text().replace("Fenhylo", "Quorvane")
    text += "\n" + "\n".join(f"Quorvane Biosciences, Inc. (NYSE: ZHAX) note {i}." for i in range(60)) + "\n"
    (later / "quorvane-2026-01-05-000999.txt").write_text(text)
    target = tmp_path / "g.trig"
    build_target([tmp_path / "all"], target, add=True)
    assert "company/fenhylo" in target.read_text()
    built = build_target([later], target, add=True)
    assert built.carried and len(built.result.assembly.emitted) > len(older)  # the older releases again
    after = target.read_text()
    assert "company/fenhylo" not in after
    assert "tg:concernsCompany <https://w3id.org/trialgraph/id/company/quorvanebiosciences>" in after
    assert target.read_bytes() == full_build([tmp_path / "all", later], tmp_path / "full.trig")


@pytest.mark.parametrize("where, solitary", [
    ("GRAPH ?g { ?d ex:dev ?c }", True),
    ("?d ex:dev ?c", True),
    ("GRAPH ?g { ?d ex:dev ?c } GRAPH ?h { ?t ex:studies ?d }", False),  # ?d joins a second pattern
    ("GRAPH ?g { ?d ex:dev ?c . ?d a ex:Drug }", False),  # two patterns in one group
    ("GRAPH ?g { ?d ex:dev ?c } GRAPH ?g { ?x ex:q ?y }", False),  # joined by their graph
    ("?d ex:dev ?c . ?y ex:q ?x FILTER(?c != ?x)", False),  # joined by a filter
    ("?d ex:dev/ex:q ?c", False),  # a path joins its steps
])
def test_a_predicate_is_solitary_only_where_no_rule_joins_its_triples(where, solitary):
    from rdflib.plugins.sparql import prepareQuery

    query = prepareQuery(f"PREFIX ex: <https://example.org/> CONSTRUCT {{ ?d ex:made ?c }} WHERE {{ {where} }}")
    iris, alone, joined = set(), set(), set()
    rules._walk_rule(query.algebra, iris, alone, joined)
    assert ("https://example.org/dev" in alone - joined) is solitary
    assert "https://example.org/made" in iris  # what a rule makes is among its predicates


def test_a_solitary_triple_is_kept_with_its_subject_when_the_rule_makes_it_about_the_object():
    from rdflib.plugins.sparql import prepareQuery

    query = prepareQuery("PREFIX ex: <https://example.org/> CONSTRUCT { ?c ex:makes ?d } WHERE { ?d ex:dev ?c }")
    iris, alone, joined = set(), set(), set()
    rules._walk_rule(query.algebra, iris, alone, joined)
    assert "https://example.org/dev" in joined  # an inference about ?c needs ?d's lines: a link


ZENTRIX = """Zentrix Bio Reports Progress in Phase 2 HARBOR-2 Trial of ZX-101

BOSTON, Mass., {date} (GLOBE NEWSWIRE) -- Zentrix Bio, Inc. (NASDAQ: ZNTX), a clinical-stage biotechnology \
company, today announced that patients continue to be dosed in the Phase 2 HARBOR-2 trial of ZX-101 in adults \
with relapsed or refractory acute myeloid leukemia.

About Zentrix Bio

Zentrix Bio, Inc. is a clinical-stage biotechnology company headquartered in Boston, Massachusetts.
"""


def test_an_earlier_mention_added_later_keeps_the_trials_latest_release(tmp_path):
    # tg:latestMention joins a trial to the dates of every release that mentions
    # it through the graph name, not a triple: the release added last (dated
    # between the other two) must still reach the release nodes of the first batch.
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for folder, stem, date in [(first, "zentrix-2020-03-04", "March 4, 2020"),
                               (first, "zentrix-2022-06-13", "June 13, 2022"),
                               (later, "zentrix-2021-09-09", "September 9, 2021")]:
        (folder / f"{stem}.txt").write_text(ZENTRIX.format(date=date), encoding="utf-8")
    target = tmp_path / "g.trig"
    assert run("build", first, "--into", target).exit_code == 0
    built = build_target([later], target, add=True)
    assert built.carried, "the graph state was not used"
    text = target.read_text()
    assert ("<https://w3id.org/trialgraph/id/trial/zx-101/harbor-2> tg:latestMention "
            "<https://w3id.org/trialgraph/id/release/zentrix-2022-06-13>") in text
    assert target.read_bytes() == full_build([first, later], tmp_path / "full.trig")
