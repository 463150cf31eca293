"""Turns a knowledge-base entry and the aspect asked about into a short, dated, sourced reply."""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.hubs import hub_reply
from bot.answers.training import (
    apprenticeship_name,
    apprenticeships_into,
    apprenticeships_on_the_way,
    earning_into,
    length_of,
    progression,
    step_means,
    training_length,
)
from bot.answers.wording import (
    Sources,
    a_role,
    bullets,
    compose,
    in_sentence,
    months_text,
    short_label,
    without_yes_or_no,
)
from bot.replies import Button, Reply
from knowledge.base.dates import as_of_label
from knowledge.base.entries import Knowledge
from knowledge.base.schema import (
    Apprenticeship,
    Faq,
    Pathway,
    Role,
)

KIND_PREFIX = {
    "roles": "role",
    "apprenticeships": "app",
    "faqs": "faq",
    "hubs": "hub",
    "pathways": "path",
}


def payload(kind: str, entry_id: str, aspect: str | None = None) -> str:
    """The button payload that opens an entry (and aspect): 'role:care-worker:pay'."""
    base = f"{KIND_PREFIX[kind]}:{entry_id}"
    return f"{base}:{aspect}" if aspect else base


ROLE_FOLLOW_UPS = {
    "pay": "Pay",
    "entry": "How to get in",
    "apps": "Apprenticeships",
    "next": "Where it leads",
    "about": "What the job is",
}
APPRENTICESHIP_FOLLOW_UPS = {
    "length": "How long",
    "entry": "Entry requirements",
    "roles": "Jobs it leads to",
    "about": "About it",
}


def _follow_ups(
    kind: str, entry_id: str, labels: dict[str, str], shown: str, skip: tuple[str, ...] = ()
) -> tuple[Button, ...]:
    """The other aspects of an entry, then 'I'm interested'; at most five buttons."""
    buttons = [
        Button(label, payload(kind, entry_id, aspect))
        for aspect, label in labels.items()
        if aspect != shown and aspect not in skip
    ]
    buttons.append(Button("I'm interested", f"interest:{KIND_PREFIX[kind]}:{entry_id}"))
    return tuple(buttons[-5:])


def role_buttons(role: Role, shown: str) -> tuple[Button, ...]:
    """Follow-ups for a role (Apprenticeships only when some lead in)."""
    skip = () if role.apprenticeships else ("apps",)
    return _follow_ups("roles", role.id, ROLE_FOLLOW_UPS, shown, skip)


def role_reply(knowledge: Knowledge, role: Role, aspect: str = "about") -> Reply:
    """A role, told from the angle asked about."""
    sources = Sources()
    registration = _registration(role)
    if aspect == "pay":
        body = pay_of(knowledge, role, sources)
    elif aspect == "entry":
        body = compose(
            f"How to become {a_role(role.title)}: {role.entry}",
            apprenticeships_into(knowledge, role) or apprenticeships_on_the_way(knowledge, role),
        )
    elif aspect == "apps":
        body = apprenticeships_into(knowledge, role) or compose(
            f"I know of no apprenticeship that leads straight into {in_sentence(role.title)} work. "
            f"{role.entry}",
            apprenticeships_on_the_way(knowledge, role),
        )
    elif aspect == "next":
        body = progression(knowledge, role, sources)
    elif aspect == "earning":
        body = earning_into(knowledge, role)
    elif aspect == "length":
        body = training_length(knowledge, role, sources)
    elif aspect == "reg":
        body = compose(role.title, registration)
    elif aspect == "suits":
        body = compose(
            f"Who makes a good {in_sentence(role.title)}: {role.suits}",
            f"Day to day: {role.day_to_day}",
        )
    else:
        body = compose(
            f"{role.title}: {role.summary}",
            f"Day to day: {role.day_to_day}",
            f"Who it suits: {role.suits}",
            f"How to get in: {role.entry}",
            f"Pay: {sources.figure(role.pay[0])}",
            registration,
        )
    return Reply(compose(body, sources.footer()), role_buttons(role, aspect))


def pay_of(knowledge: Knowledge, role: Role, sources: Sources) -> str:
    """A role's dated pay figures, with a note where a newer pay award has replaced them."""
    return compose(
        f"Pay for {a_role(role.title)}:",
        bullets(map(sources.figure, role.pay)),
        award_notes(knowledge, [figure.as_of for figure in role.pay], sources),
    )


def award_notes(knowledge: Knowledge, dates: list[str], sources: Sources) -> str:
    """Notes for pay years a newer award has replaced, each once, dated and sourced."""
    notes = []
    for pay_year in dict.fromkeys(dates):
        award = knowledge.award_replacing(pay_year)
        if award is not None:
            sources.add(award.source)
            if award.rise is not None:  # the award itself, dated and sourced
                notes.append(f"Note: {sources.figure(award.rise)}. {award.note}")
            else:
                notes.append(f"Note: {award.note} ({as_of_label(award.as_of)}.)")
    return compose(*notes)


def _registration(role: Role) -> str:
    parts = []
    if role.regulator:
        parts.append(f"Regulator: {role.regulator}.")
    if role.registration:
        parts.append(role.registration)
    return " ".join(parts)


def apprenticeship_reply(
    knowledge: Knowledge, item: Apprenticeship, aspect: str = "about"
) -> Reply:
    """An apprenticeship, told from the angle asked about."""
    sources = Sources()
    name = apprenticeship_name(item)
    roles = ", ".join(knowledge.roles[i].title for i in item.roles)
    if aspect == "length":
        body = f"{name}: {length_of(item, sources)}"
    elif aspect == "entry":
        body = compose(
            f"{name}. Entry requirements: {item.entry}",
            f"What you gain: {item.qualifications}" if item.qualifications else "",
        )
    elif aspect == "roles":
        body = f"{name} leads to: {roles}."
    elif aspect == "pay":
        body = compose(
            f"The {name} is a paid job: you earn a wage while you train. What the jobs it "
            "leads to pay:",
            *(pay_of(knowledge, knowledge.roles[i], sources) for i in item.roles),
        )
    elif aspect == "earning":
        body = compose(
            f"Yes: the {name} is a paid job with training, so you keep earning while you learn.",
            f"Typical length: {length_of(item, sources)}",
            f"Leads to: {roles}.",
        )
    else:
        body = compose(
            f"{name}: {item.summary}",
            f"Typical length: {length_of(item, sources)}",
            _funding(knowledge, item, sources),
            f"What you gain: {item.qualifications}" if item.qualifications else "",
            f"Entry: {item.entry}",
            f"Registration: {item.regulator}" if item.regulator else "",
            f"Leads to: {roles}.",
        )
    return Reply(
        compose(body, sources.footer()),
        _follow_ups("apprenticeships", item.id, APPRENTICESHIP_FOLLOW_UPS, aspect),
    )


def _funding(knowledge: Knowledge, item: Apprenticeship, sources: Sources) -> str:
    """The funding band, and beside it who pays: never the apprentice."""
    if item.funding_band is None:
        return ""
    rules = knowledge.apprenticeship_rules
    who_pays = f" {rules.who_pays}" if rules is not None and rules.who_pays else ""
    return f"{sources.figure(item.funding_band)}.{who_pays}"


def faq_reply(knowledge: Knowledge, faq: Faq, *, yes_or_no: bool = True) -> Reply:
    """A frequently asked question's answer, with its date and source; an opening Yes or No is
    left out when the person did not ask a yes-or-no question."""
    sources = Sources()
    for url in (faq.source, *faq.more_sources):
        sources.add(url)
    buttons = tuple(
        _open_button(knowledge, related) for related in faq.related[:3] if knowledge.get(related)
    )
    answer = faq.answer if yes_or_no else without_yes_or_no(faq.answer)
    notes = award_notes(knowledge, [faq.as_of], sources)
    text = compose(answer, f"(As of {as_of_label(faq.as_of)}.)", notes, sources.footer())
    return Reply(text, buttons)


def _open_button(knowledge: Knowledge, entry_id: str) -> Button:
    kind = knowledge.kind_of(entry_id) or "faqs"
    entry = knowledge.get(entry_id)
    label = getattr(entry, "title", None) or getattr(entry, "question", None) or entry_id
    return Button(short_label(label), payload(kind, entry_id))


def pathway_reply(knowledge: Knowledge, pathway: Pathway) -> Reply:
    """A named progression route, step by step, with typical lengths."""
    sources = Sources()
    steps = []
    for step in pathway.steps:
        sources.add(step.source)
        start, end = knowledge.roles[step.from_role], knowledge.roles[step.to_role]
        via = step_means(knowledge, step)
        steps.append(f"{start.title} → {end.title}: {via}, typically {months_text(step.months)}")
    buttons = tuple(
        Button(short_label(knowledge.roles[role_id].title), payload("roles", role_id))
        for role_id in dict.fromkeys(step.to_role for step in pathway.steps)
    )[:4]
    text = compose(f"{pathway.title}: {pathway.summary}", bullets(steps), sources.footer())
    return Reply(text, buttons)


def entry_reply(knowledge: Knowledge, entry_id: str, aspect: str | None = None) -> Reply | None:
    """The reply for any entry by id and aspect, or None when the id is unknown."""
    builders: dict[str, Callable[[object], Reply]] = {
        "roles": lambda e: role_reply(knowledge, e, aspect or "about"),
        "apprenticeships": lambda e: apprenticeship_reply(knowledge, e, aspect or "about"),
        "faqs": lambda e: faq_reply(knowledge, e),
        "hubs": lambda e: hub_reply(e),
        "pathways": lambda e: pathway_reply(knowledge, e),
        "smalltalk": lambda e: Reply(e.reply),
        "eligibility": lambda e: Reply(f"{e.summary} ({as_of_label(e.as_of)}.) Source: {e.source}"),
    }
    kind = knowledge.kind_of(entry_id)
    if kind is None:
        return None
    return builders[kind](knowledge.get(entry_id))
