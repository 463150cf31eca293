"""Answering a question: answer it, ask 'did you mean', or say honestly that we don't know."""

from __future__ import annotations

from pathlib import Path

from bot.answers.entries import (
    apprenticeship_reply,
    entry_reply,
    faq_reply,
    pathway_reply,
    payload,
    role_reply,
)
from bot.answers.hubs import hub_reply
from bot.answers.routes import route_reply
from bot.answers.signposts import english_only_reply, help_reply, nation_reply, offer_line
from bot.answers.wording import apprenticeship_title, short_label
from bot.flows.answered import Answered, MatchInfo
from bot.flows.decide import decide
from bot.flows.faq_fit import FaqFit
from bot.flows.menu import fallback_reply, main_menu_buttons
from bot.flows.offers import with_offer
from bot.flows.yes_no import is_yes_or_no_question
from bot.replies import Button, Reply
from knowledge.base.entries import Knowledge
from knowledge.base.loader import load
from knowledge.guidance.paths import Graph
from knowledge.understanding.languages import LanguageCheck
from knowledge.understanding.nations import NationFinder
from knowledge.understanding.ranking import Match, topic_words
from knowledge.understanding.reading import reader_for
from knowledge.understanding.risk import Risk, RiskCheck, risk_model
from knowledge.understanding.search import Index, Understanding
from knowledge.understanding.subjects import follows_up, has_own_subject, refers_back

ANSWER_AT = 68  # a match this good is an answer...
AMBIGUITY_GAP = 8  # ...unless another is this close
COMPLETE_NAME_ANSWER_AT = 58  # a job named in full in a long question, nothing else in view
ONLY_CANDIDATE_ANSWER_AT = 55  # the one entry in view for a long question
SUGGEST_AT = 45  # below this we do not even suggest
POSTCODE_OVERRIDE = 95  # a postcode names the hub unless something else is asked this clearly
LONG_MESSAGE_CHARS = 600  # longer than any one question: several things asked at once
COMMANDS_IN_CHAT = "Commands such as /start work in the chat. Ask me a question in words."
SINGULAR = {
    "roles": "role",
    "apprenticeships": "apprenticeship",
    "faqs": "faq",
    "hubs": "hub",
    "pathways": "pathway",
}
ROLE_ASPECT = {"length": "length", "apps": "apps", "funding": "apps"}
APPRENTICESHIP_ASPECT = {
    "length": "length",
    "entry": "entry",
    "next": "roles",
    "funding": "about",
    "earning": "earning",
    "pay": "pay",
}


class Answerer:
    """Answers free-text questions from the knowledge base."""

    def __init__(self, knowledge: Knowledge, index: Index | None = None) -> None:
        self.knowledge = knowledge
        self.index = index or Index(knowledge)
        self.graph = Graph.of(knowledge)
        self.risk = RiskCheck(knowledge, risk_model(knowledge))
        self.reader = reader_for(knowledge, self.index)
        self.unsure_offer = offer_line(knowledge)
        self.faq_fit = FaqFit(knowledge, self.index)
        self.nations = NationFinder(knowledge)
        self.languages = LanguageCheck(knowledge, self.index.base_words)

    def answer(self, text: str, subject: str | None = None) -> Answered:
        """The reply to one message; `subject` ('role:ID' or 'app:ID') is what the conversation
        was about, which a follow-up such as 'how long does it take' asks about. A message that
        suggests danger, crisis, abuse or neglect gets help, before anything else."""
        risk = self.read_risk(text)
        if risk.high and risk.concern is not None:
            score = round(100 * risk.probability, 1)
            match = MatchInfo("safety", risk.concern.id, None, score)
            return Answered([help_reply(risk.concern)], match, private=True)
        return self.answer_with(risk, text, subject)

    def read_risk(self, text: str) -> Risk:
        """How worried to be about a message: by the curated signs alone for a message in
        another language, which the model cannot read."""
        return self.risk.read(text, signs_only=self.languages.foreign(text))

    def answer_with(self, risk: Risk, text: str, subject: str | None = None) -> Answered:
        """The careers answer, with the gentle offer of help the message's risk calls for."""
        answered = self.careers_answer(text, subject)
        return with_offer(self.knowledge, answered, risk, self.unsure_offer)

    def careers_answer(self, text: str, subject: str | None = None) -> Answered:
        """The reply about careers in England (for a message already screened for safety)."""
        if len(text) > LONG_MESSAGE_CHARS:
            return Answered([_one_thing_at_a_time(self.unsure_offer)], None, unanswered=True)
        if not any(ch.isalnum() for ch in text):
            return Answered([_nothing_to_read(text, self.unsure_offer)], None)
        if text.strip().isdecimal():
            return Answered([_number_without_options(text.strip())], None)
        if text.lstrip().startswith("/"):  # a command reaches here only outside a chat (ask)
            return Answered([Reply(COMMANDS_IN_CHAT, main_menu_buttons())], None)
        notice = self.knowledge.english_only
        if notice is not None and self.languages.foreign(text):
            return Answered(
                [english_only_reply(notice)], MatchInfo("language", notice.id, None, 100.0)
            )
        answered = self._understood(text, subject)
        named = self.nations.named(text)
        if named is None:
            return answered
        nation, place = named
        told = nation_reply(nation, None if place in nation.names else place)
        if answered.match is not None and answered.match.kind not in ("hub", "route"):
            return Answered([told, *answered.replies], answered.match)  # England's facts too
        return Answered([told], MatchInfo("nation", nation.id, None, 100.0))

    def _understood(self, text: str, subject: str | None) -> Answered:
        if self.reader is not None:
            reading = self.reader.read(text)
            subject_name = self._subject_name(subject)
            if subject_name and follows_up(reading.understanding, SUGGEST_AT):
                # subjects first: 'do apprenticeships pay?' after a nurse is about apprentices
                if has_own_subject(reading.understanding) and not refers_back(text):
                    own = decide(self, reading)
                    if own.match is not None:
                        return own
                followed = decide(self, self.reader.read(f"{text} {subject_name}"))
                if followed.match is not None:
                    return followed
            return decide(self, reading)
        understanding = self.index.understand(text)
        subject_name = self._subject_name(subject)
        if subject_name and follows_up(understanding, SUGGEST_AT):
            followed = self._answer_understood(self.index.understand(f"{text} {subject_name}"))
            if followed.match is not None:
                return followed
        return self._answer_understood(understanding)

    def _subject_name(self, subject: str | None) -> str | None:
        kind, _, entry_id = (subject or "").partition(":")
        if kind == "role" and entry_id in self.knowledge.roles:
            return self.knowledge.roles[entry_id].title
        if kind == "app" and entry_id in self.knowledge.apprenticeships:
            return apprenticeship_title(self.knowledge.apprenticeships[entry_id].title)
        return None

    def _answer_understood(self, understanding: Understanding) -> Answered:
        if understanding.route:
            start, goal = understanding.route
            routes = self.graph.plan(start, goal)
            info = MatchInfo("route", f"{start}>{goal}", "route", 100.0)
            reply = route_reply(self.knowledge, start, goal, routes)
            return Answered([reply], info, route_goal=(start, goal))
        matches = self.faq_fit.fitting(understanding)
        top = matches[0] if matches else None
        if understanding.smalltalk and (top is None or top.score < ANSWER_AT):
            reply = self.knowledge.smalltalk[understanding.smalltalk].reply
            return Answered([Reply(reply, main_menu_buttons())], None)
        if (
            top is None
            or top.score < SUGGEST_AT
            or (top.score < ANSWER_AT and not topic_words(top))
            or _only_a_guess(top, understanding)
        ):
            return Answered([fallback_reply(self.unsure_offer)], None, top, unanswered=True)
        rivals = [m for m in matches[1:] if m.score > top.score - AMBIGUITY_GAP and topic_words(m)]
        if top.kind == "roles" and top.complete and understanding.aspect:
            # "are doctors paid on Agenda for Change": the job named in full and what is asked
            # of it, over a general FAQ that shares the message's other words.
            rivals = [m for m in rivals if m.kind != "faqs" or self.faq_fit.names_a_job(m.entry_id)]
        if understanding.postcode and top.kind == "hubs":
            rivals = [m for m in rivals if m.score >= POSTCODE_OVERRIDE]
        if not rivals and (top.score >= ANSWER_AT or _plainly_fits(top, matches)):
            aspect = self._aspect(top, understanding)
            reply = self._reply(top, aspect, understanding.text)
            info = MatchInfo(SINGULAR[top.kind], top.entry_id, aspect, min(top.score, 100.0))
            return Answered([reply], info)
        did_you_mean = self._did_you_mean(understanding, matches[:3])
        return Answered([did_you_mean], None, top, unanswered=True, suggested=True)

    def label_of(self, match: Match) -> str:
        """How a suggestion is labelled."""
        return _label(self.knowledge, match)

    def aspect_of(self, match: Match, understanding: Understanding) -> str | None:
        """The aspect to answer an entry from."""
        return self._aspect(match, understanding)

    def reply_for(self, match: Match, aspect: str | None, text: str) -> Reply:
        """The reply about an entry, from the aspect asked."""
        return self._reply(match, aspect, text)

    def _aspect(self, match: Match, understanding: Understanding) -> str | None:
        aspect = understanding.aspect
        if match.kind == "roles":
            return ROLE_ASPECT.get(aspect or "", aspect) or "about"
        if match.kind == "apprenticeships":
            return APPRENTICESHIP_ASPECT.get(aspect or "", "about")
        return None

    def _reply(self, match: Match, aspect: str | None, text: str) -> Reply:
        entry = self.knowledge.get(match.entry_id)
        if match.kind == "roles":
            return role_reply(self.knowledge, entry, aspect or "about")
        if match.kind == "apprenticeships":
            return apprenticeship_reply(self.knowledge, entry, aspect or "about")
        if match.kind == "hubs":
            return hub_reply(entry, place=match.name)
        if match.kind == "faqs":
            return faq_reply(self.knowledge, entry, yes_or_no=is_yes_or_no_question(text))
        return pathway_reply(self.knowledge, entry)

    def _did_you_mean(self, understanding: Understanding, matches: list[Match]) -> Reply:
        buttons = []
        for match in matches:
            if match.score < SUGGEST_AT or not topic_words(match):
                break
            aspect = self._aspect(match, understanding)
            label = _label(self.knowledge, match)
            buttons.append(Button(short_label(label), payload(match.kind, match.entry_id, aspect)))
        buttons.append(Button("None of these", "none"))
        offer = f"\n\n{self.unsure_offer}" if self.unsure_offer else ""
        return Reply(
            f"I'm not sure which you mean. Did you mean one of these?{offer}", tuple(buttons)
        )

    def open(self, kind: str, entry_id: str, aspect: str | None) -> Reply | None:
        """The reply a button asks for, or None if its entry no longer exists."""
        if self.knowledge.kind_of(entry_id) != kind:
            return None
        return entry_reply(self.knowledge, entry_id, aspect)


def _only_a_guess(top: Match, understanding: Understanding) -> bool:
    """'who is the prime minister': every topic word matched is a spelling correction ('prime'
    as 'price') and the rest of the message is words the knowledge base never uses; or one
    word of a name is all that matched, beside several words it never uses."""
    topic = topic_words(top)
    if topic and topic <= understanding.guessed and understanding.unknown:
        return True
    # 'who won the football last night': one word of a job's name, among words the
    # knowledge base never uses
    return not top.complete and len(topic) == 1 and len(understanding.unknown) >= 2


def _plainly_fits(top: Match, matches: list[Match]) -> bool:
    """A long, natural question scores lower, as its many words dilute the match; it is still
    answered when the job's whole name is in it, or one entry is all the knowledge base has for
    it: no other candidate explains any of its other words."""
    if not topic_words(top):
        return False
    others = [m for m in matches[1:] if m.score >= SUGGEST_AT and topic_words(m) - topic_words(top)]
    if others:
        return False
    return top.score >= (COMPLETE_NAME_ANSWER_AT if top.complete else ONLY_CANDIDATE_ANSWER_AT)


def _label(knowledge: Knowledge, match: Match) -> str:
    entry = knowledge.get(match.entry_id)
    if match.kind == "hubs":
        return f"Jobs in {match.name}"
    if match.kind == "apprenticeships":
        return f"{apprenticeship_title(entry.title)} (Level {entry.level})"
    return getattr(entry, "title", None) or getattr(entry, "question", match.entry_id)


def _nothing_to_read(text: str, offer: str) -> Reply:
    """Emoji or punctuation alone: what it means is not clear, so it carries the offer of help."""
    if text.strip():
        message = "I can only read words, I'm afraid. Type a question, or pick an option below."
    else:
        message = "Type a question, or pick an option below."
    return Reply(
        f"{message}\n\n{offer}" if text.strip() and offer else message, main_menu_buttons()
    )


def _number_without_options(number: str) -> Reply:
    """A number typed when no numbered options are open is not a question to match."""
    return Reply(
        f"There's no option {number[:10]} to choose just now. Type a question, or pick one of "
        "these:",
        main_menu_buttons(),
    )


def _one_thing_at_a_time(offer: str) -> Reply:
    return Reply(
        "That's a long message, and I answer best one question at a time. What would you like "
        'to know first? For example "care worker pay" or "how do I become a nurse".'
        + (f"\n\n{offer}" if offer else ""),
        main_menu_buttons(),
    )


def build_answerer(directory: Path | None = None) -> Answerer:
    """An answerer for questions with no person or state (ask, eval). Kept free of the
    database and channel imports, so a one-off `carepath ask` starts quickly."""
    from bot.process.config import Settings

    return Answerer(load(directory or Settings().knowledge_dir))
