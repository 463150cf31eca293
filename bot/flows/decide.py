"""What to say once a message is read: a route, a place's hub, a kind of question, an entry
answered, a "did you mean" between entries that are truly close, or an honest fallback."""

from __future__ import annotations

from typing import Protocol

from bot.answers.entries import payload
from bot.answers.hubs import hub_reply
from bot.answers.routes import route_reply
from bot.answers.wording import short_label
from bot.flows.answered import Answered, MatchInfo
from bot.flows.kinds import kind_reply
from bot.flows.menu import fallback_reply, hubs_menu, main_menu_buttons
from bot.replies import Button, Reply
from knowledge.base.entries import Knowledge
from knowledge.guidance.paths import Graph
from knowledge.guidance.places import place_in
from knowledge.understanding.ranking import Match, topic_words
from knowledge.understanding.reading import OUT_OF_SCOPE, Candidate, Reading
from knowledge.understanding.search import Index, Understanding
from knowledge.understanding.text import STOP_STEMS

ANSWER_AT = 0.45  # the ranker's probability at which the likeliest entry is the answer
SURE = 0.8  # small talk needs this much, unless a small-talk phrase is said
ASKED_TOO = 0.25  # beside small talk, a question this likely is answered ("hi, nurse pay?")
SUGGEST_AT = 0.15  # below this nothing is even suggested
CLOSE = 0.3  # a second suggestion must be at least this share of the first
DECISIVE = 0.6  # the model's own chance of one of close candidates that settles it...
DECISIVE_RATIO = 5.0  # ...when it is this many times the others' best
FRAGMENT_WORDS = 2  # a message this short that names no job in full...
FRAGMENT_SCORE = 40  # ...but matches part of several jobs' names this well is a question
ENTRY_KINDS = ("roles", "apprenticeships", "faqs", "pathways")
SINGULAR = {
    "roles": "role",
    "apprenticeships": "apprenticeship",
    "faqs": "faq",
    "pathways": "pathway",
}
PLACE_AT = 0.1  # a named place's hub, this likely among the top three readings, is the answer
ROUTE_AT = 0.05  # 'X to Y' is a route if the model gives a route at least this chance
MOVE_AT = 0.25  # with one job named, a route if the model gives routes this much together
OUT_OF_SCOPE_RIVAL = 0.7  # the model's out-of-scope chance, as a share of the answer's, that
# makes an answer unsure unless the message names the entry in full ('personal trainer level 3'
# is not about personal assistants)
ASKS_OF_THE_JOB = frozenset({"pay", "reg"})  # 'care worker pay' asks of the job, not a move
PATHWAY_AT = 0.05  # a pathway this likely may say where the person wants to go
ASPECT_MODEL_AT = 0.5  # the aspect model is believed when no word says the aspect, from here


class Answerer(Protocol):
    """What deciding needs of the answerer: the knowledge, the index and the route graph,
    and how it words an entry, an aspect and a suggestion."""

    knowledge: Knowledge
    index: Index
    graph: Graph
    unsure_offer: str

    def aspect_of(self, match: Match, understanding: Understanding) -> str | None:
        """The aspect to answer an entry from."""

    def reply_for(self, match: Match, aspect: str | None, text: str) -> Reply:
        """The reply about an entry."""

    def label_of(self, match: Match) -> str:
        """How a suggestion is labelled."""


def decide(answerer: Answerer, reading: Reading) -> Answered:
    """The reply to a message, as read."""
    understanding = reading.understanding
    text = understanding.text
    top = reading.top
    route_chance = reading.scores.get("route", 0.0) + sum(
        p for about, p in reading.scores.items() if about in answerer.knowledge.pathways
    )
    asks_route = route_chance >= ROUTE_AT or _moving(answerer, text)
    if understanding.route and (top.about == "route" or asks_route):
        return _route(answerer, *understanding.route)
    entries = [c for c in reading.candidates if c.kind in ENTRY_KINDS]
    asked = bool(entries) and (
        entries[0].probability >= ASKED_TOO or _named_beside_small_talk(reading, entries[0])
    )  # "hello, nurse pay?"
    if not asked and (
        top.kind == "smalltalk" or (understanding.smalltalk and top.probability < ANSWER_AT)
    ):
        # small talk needs a phrase said as small talk, or the model sure of it: "who won the
        # football last night" is not a goodbye
        talk = understanding.smalltalk
        if top.kind == "smalltalk" and (top.probability >= SURE or talk == top.about):
            talk = top.about
        if talk:
            reply = answerer.knowledge.smalltalk[talk].reply
            return Answered([Reply(reply, main_menu_buttons())], None)
        return _fallback(answerer, None)
    moving = top.about == "route" or (
        route_chance >= MOVE_AT and understanding.aspect not in ASKS_OF_THE_JOB
    )
    if moving or (top.kind == "roles" and _moving(answerer, text)):
        start, goal = _move(answerer, reading)
        if start and goal:
            return _route(answerer, start, goal)
    if top.kind == "hubs" or top.about == "hub-search" or _about_a_named_place(answerer, reading):
        return _place(answerer, text)
    if top.kind == "question" and top.about != OUT_OF_SCOPE:
        if _out_of_scope_as_likely(reading, top):
            return _fallback(answerer, None)
        reply = kind_reply(answerer.knowledge, top.about)
        if reply is not None:
            return Answered([reply], MatchInfo("question", top.about, None, 100 * top.probability))
    if several := _a_name_shared_by_several(reading):
        return _did_you_mean(answerer, reading, several)
    first = entries[0] if entries else None
    set_aside = bool(top.kind == "smalltalk" and understanding.smalltalk) or top.about == "route"
    if first is not None and set_aside:
        # the question once the greeting, or a route read but with none to plan, is set aside
        # ("hello, how much do nurses earn"; "i dont want to be alive. what does an HCA earn")
        first = Candidate(first.about, first.kind, _beside_top(reading, first), first.match)
    if first is None or (top.about == OUT_OF_SCOPE and top.probability >= ANSWER_AT):
        return _fallback(answerer, first)
    if _out_of_scope_as_likely(reading, first):
        return _fallback(answerer, first)
    if first.probability >= ANSWER_AT:
        return _answer(answerer, reading, first)
    close = [c for c in entries[1:3] if c.probability >= CLOSE * first.probability]
    if decisive := _decisive_model_choice(reading, [first, *close]):
        return _answer(answerer, reading, decisive)
    if first.probability >= SUGGEST_AT and close:
        return _did_you_mean(answerer, reading, [first, *close])
    return _fallback(answerer, first)


def _decisive_model_choice(reading: Reading, torn: list[Candidate]) -> Candidate | None:
    """When the ranker is torn between close candidates but the model itself is decisive
    about one of them, that one: a name matched only through a shared stem ('pharmacy' in
    'pharmacist') must not outweigh a model that is sure the message asks something else."""
    if len(torn) < 2:
        return None
    scores = reading.scores
    best = max(torn, key=lambda c: scores.get(c.about, 0.0))
    rest = max(scores.get(c.about, 0.0) for c in torn if c is not best)
    sure = scores.get(best.about, 0.0)
    return best if sure >= DECISIVE and sure >= DECISIVE_RATIO * rest else None


def _named_beside_small_talk(reading: Reading, first: Candidate) -> bool:
    """Small talk said, and beside it an entry named in full that is likely once the small
    talk is set aside ('hello, how much do nurses earn')."""
    top = reading.top
    if top.kind != "smalltalk" or not reading.understanding.smalltalk:
        return False
    if first.match is None or not first.match.complete:
        return False
    return _beside_top(reading, first) >= ANSWER_AT


def _beside_top(reading: Reading, candidate: Candidate) -> float:
    """The candidate's probability once the top reading is set aside."""
    return min(1.0, candidate.probability / max(1e-9, 1.0 - reading.top.probability))


def _out_of_scope_as_likely(reading: Reading, first: Candidate) -> bool:
    """The model finds the message about as likely out of scope as about the entry, and no
    name of the entry is said in full: the lexical evidence alone must not make it sure."""
    if first.match is not None and first.match.complete:
        return False
    scores = reading.scores
    return scores.get(OUT_OF_SCOPE, 0.0) >= OUT_OF_SCOPE_RIVAL * scores.get(first.about, 0.0)


def _a_name_shared_by_several(reading: Reading) -> list[Candidate]:
    """A short message that says only a word or two that several jobs' names share
    ('therapist', 'support worker'? no: 'support'): which of them, not a guess."""
    understanding = reading.understanding
    said = [s for s in understanding.stems if s not in STOP_STEMS]
    matches = [m for m in understanding.matches if m.kind in ("roles", "apprenticeships")]
    if len(said) > FRAGMENT_WORDS or not matches or any(m.complete for m in matches):
        return []
    top = reading.top
    if top.kind not in ("roles", "apprenticeships") and top.probability >= ANSWER_AT:
        return []  # "what does cqc do": an FAQ plainly fits
    shared = [
        m
        for m in matches
        if m.score >= FRAGMENT_SCORE and topic_words(m) == topic_words(matches[0])
    ]
    if len({m.entry_id for m in shared}) < 2:
        return []
    chances = {c.about: c.probability for c in reading.candidates}
    shared.sort(key=lambda m: (-chances.get(m.entry_id, 0.0), -m.score))
    first, second = (chances.get(m.entry_id, 0.0) for m in shared[:2])
    if first >= SURE and second < CLOSE * first:
        return []  # 'is there an apprenticeship for paramedic': the rest are not close
    return [Candidate(m.entry_id, m.kind, chances.get(m.entry_id, 0.0), m) for m in shared[:3]]


def _moving(answerer: Answerer, text: str) -> bool:
    """Two jobs named, and a word that says which one the person wants ('want to be')."""
    start, goal, said = answerer.index.roles.move(text)
    return bool(start and goal and said)


def _about_a_named_place(answerer: Answerer, reading: Reading) -> bool:
    """A postcode or a hub's own town in the message, and its hub a likely reading ('i live in
    Wigan' is not about live-in carers)."""
    understanding = reading.understanding
    if understanding.postcode is None and not any(
        c.kind == "hubs" and c.match is not None and c.match.complete for c in reading.candidates
    ):
        return False
    return any(
        (c.kind == "hubs" or c.about in ("hub-search", "interest")) and c.probability >= PLACE_AT
        for c in reading.candidates[:3]
    )


def _move(answerer: Answerer, reading: Reading) -> tuple[str | None, str | None]:
    """Where the person is and where they want to go. A job named without a word that says it
    is wanted is where they are ('staff nurse, want to go into health visiting'); the goal is
    then the job a likely pathway from there leads to, or, when the message is plainly about
    a route, the likeliest other job."""
    start, goal, cued = answerer.index.roles.move(reading.understanding.text)
    if goal and not start and not cued:
        # only a likely pathway from the job named can say where they want to go
        return goal, _pathway_goal(answerer.knowledge, reading, goal)
    if start and (goal is None or goal == start):
        goal = _pathway_goal(answerer.knowledge, reading, start)
        if goal is None and reading.top.about == "route":
            goal = _likeliest_job(reading, other_than=start)
    return start, goal


def _pathway_goal(knowledge: Knowledge, reading: Reading, start: str) -> str | None:
    """The job a likely pathway from `start` leads to: its only one, or the one the message
    most plainly speaks of ('next step up' names none, and is not a route)."""
    scores = reading.scores
    likely = [a for a, p in scores.items() if a in knowledge.pathways and p >= PATHWAY_AT]
    for about in sorted(likely, key=scores.__getitem__, reverse=True):
        targets = {s.to_role for s in knowledge.pathways[about].steps if s.from_role == start}
        if len(targets) == 1:
            return targets.pop()
        spoken = [t for t in targets if scores.get(t, 0.0) >= PATHWAY_AT]
        if spoken:
            return max(spoken, key=scores.__getitem__)
    return None


def _likeliest_job(reading: Reading, other_than: str) -> str | None:
    """The job the message most likely wants, when it describes rather than names it ('get
    on the ambulances')."""
    return next(
        (c.about for c in reading.candidates if c.kind == "roles" and c.about != other_than),
        None,
    )


def _route(answerer: Answerer, start: str, goal: str) -> Answered:
    routes = answerer.graph.plan(start, goal)
    info = MatchInfo("route", f"{start}>{goal}", "route", 100.0)
    reply = route_reply(answerer.knowledge, start, goal, routes)
    return Answered([reply], info, route_goal=(start, goal))


def _place(answerer: Answerer, text: str) -> Answered:
    found = place_in(answerer.knowledge, text)
    if found is None:
        menu = hubs_menu(answerer.knowledge)
        return Answered([menu], None)
    hub, place = found
    return Answered([hub_reply(hub, place=place)], MatchInfo("hub", hub.id, None, 100.0))


def _as_match(candidate: Candidate) -> Match:
    found = candidate.match
    return Match(
        candidate.kind,
        candidate.about,
        round(100 * candidate.probability, 1),
        found.matched if found else frozenset(),
        found.name if found else "",
        complete=bool(found and found.complete),
    )


def _answer(answerer: Answerer, reading: Reading, candidate: Candidate) -> Answered:
    match = _as_match(candidate)
    understanding = reading.understanding
    if understanding.aspect is None and candidate.kind in ("roles", "apprenticeships"):
        likeliest = max(reading.aspects, key=reading.aspects.__getitem__, default="about")
        if likeliest != "about" and reading.aspects[likeliest] >= ASPECT_MODEL_AT:
            understanding.aspect = likeliest
    aspect = answerer.aspect_of(match, understanding)
    reply = answerer.reply_for(match, aspect, understanding.text)
    info = MatchInfo(SINGULAR[candidate.kind], candidate.about, aspect, match.score)
    return Answered([reply], info)


def _did_you_mean(answerer: Answerer, reading: Reading, options: list[Candidate]) -> Answered:
    buttons = []
    for candidate in options:
        match = _as_match(candidate)
        aspect = answerer.aspect_of(match, reading.understanding)
        label = short_label(answerer.label_of(match))
        buttons.append(Button(label, payload(candidate.kind, candidate.about, aspect)))
    buttons.append(Button("None of these", "none"))
    offer = f"\n\n{answerer.unsure_offer}" if answerer.unsure_offer else ""
    question = "I'm not sure which you mean. Did you mean one of these?"
    return Answered(
        [Reply(f"{question}{offer}", tuple(buttons))],
        None,
        _as_match(options[0]),
        unanswered=True,
        suggested=True,
    )


def _fallback(answerer: Answerer, best: Candidate | None) -> Answered:
    guess = _as_match(best) if best else None
    return Answered([fallback_reply(answerer.unsure_offer)], None, guess, unanswered=True)
