"""Hostile articles end to end: files -> ``build`` -> ``view`` -> headless Chromium.

Article files (text, HTML, JSON) whose titles, outlets, URLs, ids and quotes carry script tags,
event handlers, ``javascript:`` URLs, CSS injection and huge labels are built into a store and
rendered; the page must run no injected script.  Ids and file names that look like paths must
not make ``build`` or ``view`` write anything outside the store and the output file.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from robust_support import HOSTILE_IDS
from typer.testing import CliRunner

from quotegraph.cli import app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PWN = [
    "<script>window.__pwned='script'</script>",
    "</script><script>window.__pwned='close'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg/onload=window.__pwned='svg'>",
    "javascript:window.__pwned='url'",
    "<style>*{background:url(javascript:window.__pwned='css')}</style>",
    '"><body onload="window.__pwned=\'attr\'">',
    "{{constructor.constructor('window.__pwned=1')()}}",
]
HUGE = "Ж" * 20_000


def hostile_files(folder: Path) -> int:
    """Write hostile articles in every format to ``folder``; return how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for i, evil in enumerate(PWN):
        body = (
            f"“{evil} we will fix the roads,” Jane Doe{i} told {evil} Daily. "
            f"She said that {evil} was ready. “Nobody {evil} waits,” she added.\n"
        )
        meta = {"id": f"evil-{i}", "title": evil + HUGE[: 500 * i], "outlet": evil, "url": evil}
        head = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
        (folder / f"evil-{i}.txt").write_text(f"---\n{head}---\n{body}", encoding="utf-8")
        record = dict(meta, id=f"evil-json-{i}", text=body + HUGE[:2000])
        (folder / f"evil-{i}.json").write_text(json.dumps(record), encoding="utf-8")
        page = (
            f"<html><head><title>{evil}</title><meta property='og:site_name' content=\"{evil}\">"
            f"</head><body><article><h1>{evil}</h1><p>{body}</p><p>{body}</p></article>"
            f"<script>window.__pwned='page'</script></body></html>"
        )
        (folder / f"evil-{i}.html").write_text(page, encoding="utf-8")
        count += 3
    return count


def path_files(folder: Path) -> int:
    """Articles whose ids and file names look like paths; return how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    body = "“We will fix the roads,” Jane Doe told The Daily Star.\n"
    for i, raw in enumerate(HOSTILE_IDS):
        (folder / f"p{i}.txt").write_text(f"---\nid: {json.dumps(raw)}\n---\n{body}")
    names = ["-rf.txt", "a b;rm -rf x.txt", "\u202etxt.exe.txt", "x" * 200 + ".txt", "..x.md"]
    for name in names:
        (folder / name).write_text(body)
    (folder / "p.jsonl").write_text(
        "\n".join(json.dumps({"id": raw, "text": body}) for raw in HOSTILE_IDS)
    )
    return len(HOSTILE_IDS) * 2 + len(names)


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_path_like_ids_cannot_write_outside(tmp_path: Path) -> None:
    inputs, work = tmp_path / "in", tmp_path / "work"
    written = path_files(inputs)
    work.mkdir()
    before_inputs = tree(inputs)
    store, out = work / "store", work / "out" / "graph.html"
    cwd = os.getcwd()
    os.chdir(work)  # relative escapes would land next to the store
    try:
        runner = CliRunner()
        built = runner.invoke(app, ["build", str(inputs), "--store", str(store), "--json"])
        assert built.exit_code in (0, 1), built.output
        summary = json.loads(built.stdout)
        assert summary["articles"] >= written - len(summary["rejected"]) - 8  # duplicates
        viewed = runner.invoke(app, ["view", "-o", str(out), "--store", str(store)])
        assert viewed.exit_code == 0, viewed.output
    finally:
        os.chdir(cwd)
    assert tree(inputs) == before_inputs, "the build wrote into the input folder"
    top = {p.name for p in work.iterdir()}
    assert top <= {"store", "out", ".store.lock"}, top
    assert {p.name for p in (work / "out").iterdir()} == {"graph.html"}
    for escape in ("etc/x", "b", "abs", "x"):  # where "../../etc/x", "a/../../b" ... would land
        for base in (tmp_path, tmp_path.parent, tmp_path.parent.parent, Path("/")):
            assert not (base / escape).exists(), base / escape
    siblings = {p.name for p in tmp_path.iterdir()}
    assert siblings == {"in", "work"}, siblings


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{CHROMIUM} is missing under CI")
        pytest.skip(f"{CHROMIUM} not installed")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="qg-robust-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.browser
def test_hostile_corpus_built_and_rendered_runs_no_script(tmp_path: Path, chromium: Any) -> None:
    written = hostile_files(tmp_path / "in")
    store, out = tmp_path / "store", tmp_path / "graph.html"
    runner = CliRunner()
    built = runner.invoke(app, ["build", str(tmp_path / "in"), "--store", str(store), "--json"])
    assert built.exit_code in (0, 1), built.output
    summary = json.loads(built.stdout)
    assert summary["articles"] >= written * 2 // 3 and summary["mentions"] > 0, summary
    viewed = runner.invoke(app, ["view", "-o", str(out), "--store", str(store)])
    assert viewed.exit_code == 0, viewed.output
    html = out.read_text(encoding="utf-8")
    assert "window.__pwned" in html  # the hostile text did reach the page (as data)
    page = chromium.new_page()
    events: list[str] = []

    def on_dialog(dialog: Any) -> None:
        events.append("dialog " + dialog.message)
        dialog.dismiss()

    def on_request(request: Any) -> None:
        if not request.url.startswith(("file:", "data:")):
            events.append(request.url)

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda e: events.append(f"pageerror {e}"))
    page.on("request", on_request)
    try:
        page.goto(out.resolve().as_uri())
        page.wait_for_function("() => window.quotegraph !== undefined", timeout=120_000)
        nodes = page.evaluate("window.quotegraph.nodes.getIds()")
        assert len(nodes) > written
        for node in nodes[:200]:  # build tooltips and the details panel of the nodes
            page.evaluate(
                "id => { const n = window.quotegraph.network; n.selectNodes([id]);"
                " const p = n.getPositions([id])[id];"
                " n.body.emitter.emit('click', {nodes: [id], edges: [], pointer: {canvas: p}}); }",
                node,
            )
        page.mouse.move(300, 300)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        injected = page.evaluate(
            "() => [...document.querySelectorAll('*')].filter(e => ['IMG', 'IFRAME', 'OBJECT',"
            " 'EMBED'].includes(e.tagName) || [...e.attributes].some(a => a.name.startsWith('on')"
            " || /^\\s*javascript:/i.test(a.value))).map(e => e.outerHTML.slice(0, 80))"
        )
        assert injected == []
        assert events == []
    finally:
        page.close()
