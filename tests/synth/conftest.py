"""One 500-article sample shared by the synth tests (generating it takes about a second)."""

from __future__ import annotations

import pytest

from quotegraph.synth import SynthArticle, generate


@pytest.fixture(scope="session")
def sample() -> list[SynthArticle]:
    return list(generate(500, seed=0))


@pytest.fixture(scope="session")
def by_id(sample: list[SynthArticle]) -> dict[str, SynthArticle]:
    return {a.article.id: a for a in sample}
