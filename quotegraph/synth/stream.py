"""The article stream: stories appear, outlets print them, others re-cite, copy and translate.

Input: a number of articles, a seed and the languages to use.  Output: an iterator of
:class:`~quotegraph.synth.draft.SynthArticle`, generated one at a time from
``random.Random(seed)`` alone.  Memory is bounded whatever the length: only the last
stories and the drafts of the last articles are kept (sources of copies and citations).

Each step is one of: the origin article of an interview (printed by the outlet it was
given to, dated the day of the interview); an article re-citing a story's quotes with the
attribution patterns; a republication (verbatim, with or without a credit line); a
translation (word by word, with a credit line).  Derived articles are dated one to
four days after everything they take from.

>>> arts = list(generate(40, seed=5, languages=("en", "de")))
>>> sorted({a.article.language for a in arts})
['de', 'en']
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator, Sequence

from quotegraph.errors import InputError
from quotegraph.synth.compose import Composer
from quotegraph.synth.draft import Draft, RelationTruth, SynthArticle, render
from quotegraph.synth.lexicon import LANGUAGES, data
from quotegraph.synth.translation import translate_draft
from quotegraph.synth.world import Event, Story, World, shift_date

START = "2023-01-02"
ARTICLES_PER_DAY = 40


class _Stream:
    def __init__(self, seed: int, languages: tuple[str, ...], n_articles: int = 0) -> None:
        self.rng = random.Random(seed)
        self.seed, self.languages = seed, languages
        self.foreign = [lang for lang in languages if lang != "en"]
        # a bigger stream has more people and organisations speaking (capped by the name lists)
        people = min(2000, max(240, n_articles // 40))
        self.world = World.build(self.rng, people, min(240, max(60, n_articles // 400)))
        self.stories: deque[Story] = deque(maxlen=48)
        self.recent: deque[Draft] = deque(maxlen=256)
        self.count = 0

    def _marks(self, language: str) -> tuple[str, str]:
        options = data("locale")[language]["marks"]
        pair = self.rng.choices(options, weights=[o[2] for o in options])[0]
        return pair[0], pair[1]

    def _draft(self, aid: str, language: str, day: str, not_outlet: str = "") -> Draft:
        outlet = self.world.outlet_for(self.rng, language, not_outlet)
        return Draft(
            aid,
            language,
            outlet.name,
            outlet.id,
            day,
            "",
            marks=self._marks(language),
            dash=self.rng.choice(data("locale")["dashes"]),
            sep=self.rng.choice(("\n\n", "\n\n", "\n")),
        )

    def _localise(self, draft: Draft) -> Draft:
        """``draft`` (English) in the language it should be published in."""
        if "en" in self.languages and (not self.foreign or self.rng.random() < 0.8):
            return draft
        language = self.rng.choice(self.foreign)
        out = translate_draft(draft, language, self._marks(language))
        out.outlet_id, out.outlet = (lambda o: (o.id, o.name))(
            self.world.outlet_for(self.rng, language)
        )
        out.relations = list(draft.relations)
        return out

    def step(self, index: int) -> Draft:
        aid = f"synth-{self.seed}-{index:07d}"
        today = shift_date(START, index // ARTICLES_PER_DAY)
        rng = self.rng
        if not self.stories or rng.random() < 0.18:
            language = "en" if "en" in self.languages else rng.choice(self.foreign)
            self.stories.append(self.world.new_story(rng, self.count, today, language))
            self.count += 1
            story = self.stories[-1]
        else:
            story = rng.choice(self.stories)
        pending = [e for e in story.events if e.type == "interview" and e.id not in story.origin]
        if pending:
            return self._origin(aid, story, pending[0])
        roll = rng.random()
        if roll < 0.14 and self.recent:
            return self._republish(aid, rng.choice(self.recent))
        if roll < 0.28 and self.foreign and "en" in self.languages:
            english = [d for d in self.recent if d.language == "en"]
            if english:
                return self._translate(aid, rng.choice(english))
        return self._cites(aid, story)

    def _origin(self, aid: str, story: Story, event: Event) -> Draft:
        assert event.outlet is not None
        draft = self._draft(aid, "en", event.date)
        draft.outlet, draft.outlet_id = event.outlet.name, event.outlet.id
        composer = Composer(self.rng, draft, story)
        composer.origin(event)
        draft.title = composer.title()
        story.origin[event.id] = (aid, event.outlet.name, event.date)
        if event.outlet.language == "en":
            return draft
        language = event.outlet.language
        out = translate_draft(draft, language, self._marks(language))
        out.outlet, out.outlet_id = draft.outlet, draft.outlet_id
        return out

    def _cites(self, aid: str, story: Story) -> Draft:
        rng = self.rng
        draft = self._draft(aid, "en", story.last_date)
        composer = Composer(rng, draft, story)
        draft.title = composer.title()
        composer.text("background")
        for group, chance in (("scare", 0.25), ("figures", 0.35)):
            if rng.random() < chance:
                composer.text(group)
        others = [e for e in story.events if e.type != "interview"]
        for _ in range(rng.randint(4, 7)):  # about 5 mentions per article on average
            event = rng.choice(others if others and rng.random() < 0.4 else story.events)
            composer.cite(event, self._via(story, event, draft.outlet))
            if rng.random() < 0.35:
                composer.text("background")
        if rng.random() < 0.5:
            composer.text("closing")
        draft.date = shift_date(max(composer.dates, default=story.last_date), rng.randint(1, 4))
        draft.relations = list(composer.sources.values())
        return self._localise(draft)

    def _via(self, story: Story, event: Event, outlet: str) -> tuple[str, str, str] | None:
        if self.rng.random() > 0.25:
            return None
        origins = {a for a, _, _ in story.origin.values()}
        seen = [
            p
            for u in event.utterances
            for p in story.printed.get(u.id, ())
            if p[0] not in origins and p[1] != outlet
        ]
        return self.rng.choice(seen) if seen else None

    def _republish(self, aid: str, source: Draft) -> Draft:
        rng = self.rng
        locale = data("locale")[source.language]
        day = shift_date(source.date, rng.randint(1, 4))
        out = source.copy(id=aid, date=day)
        outlet = self.world.outlet_for(rng, source.language, source.outlet_id)
        out.outlet, out.outlet_id = outlet.name, outlet.id
        if rng.random() < 0.4:
            out.paragraphs.insert(0, (rng.choice(locale["share"]),))
        if rng.random() < 0.3:
            out.paragraphs.insert(0, (f"{source.title} | {source.outlet}",))
        if rng.random() < 0.8:
            credit = rng.choice(locale["credit"]).format(outlet=source.outlet)
            out.paragraphs.append((credit,))
            out.relations = [RelationTruth("republication", source.id, source.outlet, True, credit)]
        else:
            out.relations = [RelationTruth("rewrite", source.id, source.outlet, False, "copy")]
        return out

    def _translate(self, aid: str, source: Draft) -> Draft:
        rng = self.rng
        language = rng.choice(self.foreign)
        out = translate_draft(source, language, self._marks(language))
        outlet = self.world.outlet_for(rng, language)
        out.id, out.outlet, out.outlet_id = aid, outlet.name, outlet.id
        out.date = shift_date(source.date, rng.randint(1, 4))
        credit = rng.choice(data("locale")[language]["translated_credit"])
        credit = credit.format(outlet=source.outlet)
        out.paragraphs.append((credit,))
        out.relations = [RelationTruth("translation", source.id, source.outlet, True, credit)]
        return out

    def share_bar(self, draft: Draft) -> None:
        """Sometimes put a share bar (noise) above an article written here."""
        if self.rng.random() < 0.15:
            draft.paragraphs.insert(0, (self.rng.choice(data("locale")[draft.language]["share"]),))

    def remember(self, draft: Draft, article: SynthArticle) -> None:
        story = draft.story
        if isinstance(story, Story) and draft.language == "en":
            for mention in article.mentions:
                if mention.quote_id:
                    seen = story.printed.setdefault(mention.quote_id, [])
                    seen.append((draft.id, draft.outlet, draft.date))
                    del seen[:-6]
        if isinstance(story, Story):
            story.last_date = max(story.last_date, draft.date)
        self.recent.append(draft)


def generate(
    n_articles: int, seed: int = 0, languages: Sequence[str] = LANGUAGES
) -> Iterator[SynthArticle]:
    """``n_articles`` synthetic articles with their truth, reproducible from ``seed``."""
    if n_articles < 0:
        raise InputError("n_articles", f"must be 0 or more, not {n_articles}")
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown or not languages:
        raise InputError("languages", f"choose among {', '.join(LANGUAGES)} (got {unknown})")
    stream = _Stream(seed, tuple(dict.fromkeys(languages)), n_articles)
    for index in range(n_articles):
        draft = stream.step(index)
        if not draft.relations or draft.relations[0].relation == "cites":
            stream.share_bar(draft)
        article = render(draft)
        stream.remember(draft, article)
        yield article
