"""notebooks/walkthrough.ipynb runs top to bottom in a real kernel and shows what it promises.

The notebook is executed once per session with nbclient, in the venv's own Python, from
``notebooks/`` as a user would open it.  Each test then reads one part of the outputs: the
who-said answer, the trace, the SPARQL rows, the inline graph (also opened in headless
Chromium as a notebook front end would show it) and the conflicts table.
"""

from __future__ import annotations

import html
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from quotegraph.model import Corpus
from quotegraph.provenance import conflicts, load_corpus, project
from quotegraph.rdf import to_dataset
from quotegraph.store import GraphStore, open_store
from quotegraph.store.named import resolve_query
from quotegraph.views.focus import focus_subgraph

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"
ARTICLES = ROOT / "corpus" / "articles"
FOCUS = "armchair analysis by kids"
CHROMIUM = Path("/usr/bin/chromium")
PROBE = "import sys\nprint('KERNEL-PYTHON', sys.executable)"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TAG = re.compile(r"<[^>]+>")


def _runs_here(argv: list[str]) -> bool:
    """True when a kernelspec's command starts this interpreter (jupyter_client maps the
    bare names ``python``/``python3``/``python3.X`` to ``sys.executable``)."""
    bare = {
        "python",
        f"python{sys.version_info[0]}",
        f"python{sys.version_info[0]}.{sys.version_info[1]}",
    }
    return bool(argv) and (argv[0] in bare or os.path.abspath(argv[0]) == sys.executable)


def _kernel_env(monkeypatch: pytest.MonkeyPatch, scratch: Path) -> None:
    """Make kernel ``python3`` this venv's Python, installing a private kernelspec if needed."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        argv = KernelSpecManager().get_kernel_spec("python3").argv
    except NoSuchKernel:
        argv = []
    if _runs_here(argv):
        return
    from ipykernel.kernelspec import install

    install(prefix=str(scratch / "jupyter-prefix"), kernel_name="python3")
    monkeypatch.setenv("JUPYTER_PATH", str(scratch / "jupyter-prefix" / "share" / "jupyter"))
    assert _runs_here(KernelSpecManager().get_kernel_spec("python3").argv)


@pytest.fixture(scope="module")
def executed() -> Iterator[Any]:
    """The notebook after running every cell (plus a probe cell naming the kernel's Python)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    with (
        tempfile.TemporaryDirectory(prefix="qg-notebook-") as scratch,
        pytest.MonkeyPatch.context() as mp,
    ):
        _kernel_env(mp, Path(scratch))
        mp.setenv("TMPDIR", scratch)  # the notebook's temporary store and page land here
        client = NotebookClient(
            nb,
            timeout=120,
            kernel_name="python3",
            allow_errors=False,
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
        yield nb


def _cell(nb: Any, marker: str) -> Any:
    """The one code cell whose source contains ``marker``."""
    found = [c for c in nb.cells if c.cell_type == "code" and marker in c.source]
    assert len(found) == 1, f"{len(found)} code cells contain {marker!r}"
    return found[0]


def _text(cell: Any) -> str:
    """Everything a reader sees of ``cell`` as plain text (streams, text/plain, text/html)."""
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("display_data", "execute_result"):
            parts.append(out.data.get("text/plain", ""))
            parts.append(html.unescape(_TAG.sub(" ", out.data.get("text/html", ""))))
    return " ".join(_ANSI.sub("", " ".join(parts)).split())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(paths=[ARTICLES])


@pytest.fixture(scope="module")
def graph(corpus: Corpus) -> Any:
    return project(corpus)


@pytest.fixture(scope="module")
def store(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    target = open_store(tmp_path_factory.mktemp("store") / "store")
    target.replace(to_dataset(corpus))
    return target


def test_committed_notebook_has_no_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert NOTEBOOK.stat().st_size < 40_000


def test_every_cell_ran_in_this_python_without_errors_or_warnings(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert f"KERNEL-PYTHON {sys.executable}" in _text(code[-1])


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        (f'who_said(G, "{FOCUS}")', ["speaker: Matthew Prince", FOCUS, "with The Register"]),
        ('who_said(G, "website adalah', ["speaker: Matthew Prince", "not a bomb", "blog post"]),
    ],
)
def test_who_said_names_speaker_and_origin(executed: Any, marker: str, expected: list[str]) -> None:
    text = _text(_cell(executed, marker))
    assert [e for e in expected if e not in text] == [], text


def test_trace_of_article_000_reaches_the_english_original(executed: Any) -> None:
    text = _text(_cell(executed, "trace(G, article_000)"))
    assert re.search(r"000_\w+ --translation--> 001_\w+", text), text


def test_sparql_cell_shows_every_row_of_the_named_query(executed: Any, store: Any) -> None:
    text = _text(_cell(executed, 'named_queries()["register-prince"]'))
    rows = store.query(resolve_query("register-prince")).plain()
    assert rows, "the seed corpus has articles quoting Prince's words to The Register"
    assert f"{len(rows)} rows" in text
    for article in {r["article"] for r in rows}:
        assert article in text


def test_sparql_cell_shows_the_query_text(executed: Any) -> None:
    assert "prov:wasQuotedFrom" in _text(_cell(executed, "print(query.text)"))


def _frame(nb: Any) -> str:
    outs = [o for o in _cell(nb, "render(G").outputs if "text/html" in o.get("data", {})]
    assert len(outs) == 1
    return str(outs[0].data["text/html"])


def test_graph_cell_embeds_the_self_contained_page(executed: Any) -> None:
    frame = _frame(executed)
    assert frame.startswith("<iframe") and 'sandbox="allow-scripts' in frame
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))  # type: ignore[union-attr]
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert 'id="qg-data"' in page and "vis.Network" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_conflicts_table_counts_every_conflict(executed: Any, graph: Any) -> None:
    text = _text(_cell(executed, "conflicts(G)"))
    found = conflicts(graph)
    assert f"{len(found)} conflict(s)" in text
    for c in found:
        assert " ".join(c["summary"].split()) in text


def _record_error(problems: list[str], message: Any) -> None:
    if message.type == "error":
        problems.append(message.text)


@pytest.mark.browser
def test_graph_draws_inside_a_notebook_output(executed: Any, graph: Any, tmp_path: Path) -> None:
    """The cell's HTML, placed in a page as a notebook front end would, draws the graph offline."""
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{CHROMIUM} is missing under CI; run scripts/ensure-browser.sh")
        pytest.skip(f"{CHROMIUM} not installed (scripts/ensure-browser.sh installs it)")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    host = tmp_path / "notebook.html"
    host.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>output</title></head>"
        f"<body><div class='output_html'>{_frame(executed)}</div></body></html>",
        encoding="utf-8",
    )
    expected = focus_subgraph(graph, FOCUS).number_of_nodes()
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.on("console", lambda m: _record_error(problems, m))
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(host.as_uri())
            element = page.query_selector("iframe")
            assert element is not None
            frame = element.content_frame()
            assert frame is not None
            frame.wait_for_function(
                "() => window.quotegraph !== undefined && window.quotegraph.stabilized === true",
                timeout=60_000,
            )
            drawn = frame.evaluate("Object.keys(window.quotegraph.network.getPositions()).length")
            canvas = frame.evaluate("document.querySelector('#qg-network canvas').clientHeight")
            # The notebook itself is out of the frame's reach (sandbox, opaque origin).
            reach = frame.evaluate(
                "(() => { try { return !!parent.document; } catch (e) { return false; } })()"
            )
        finally:
            browser.close()
    assert problems == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    assert drawn == expected > 0
    assert canvas > 200
    assert reach is False
