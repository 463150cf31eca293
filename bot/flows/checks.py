"""Checks on what a person types into the interest form, each with a specific hint."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from knowledge.base.entries import Knowledge
from knowledge.base.schema_signposts import Nation
from knowledge.guidance.places import hub_for_town, parse_postcode
from knowledge.understanding.nations import nation_named

MAX_NAME = 100
MIN_PHONE_DIGITS = 10  # the shortest UK number with its area code
_URLISH = re.compile(r"https?://|www\.|<[^>]+>", re.IGNORECASE)


@dataclass(frozen=True)
class Checked:
    """A value that passed its check, or the hint that says what to send instead."""

    value: str | None = None
    hint: str | None = None
    kind: str | None = None  # for contact: "phone" or "email"; for place: "postcode" or "town"


def check_name(text: str) -> Checked:
    """A person's name: letters, up to 100 characters, no links or markup."""
    name = " ".join(unicodedata.normalize("NFKC", text).split())
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    if not name:
        return Checked(hint="Please type your name, for example Sam Jones.")
    if len(name) > MAX_NAME:
        return Checked(
            hint=f"That's longer than a name usually is. Please send just your name "
            f"(up to {MAX_NAME} characters)."
        )
    if _URLISH.search(name):
        return Checked(hint="Please send just your name, without links or code.")
    if parse_postcode(name) is not None:
        return Checked(
            hint="That looks like a postcode. I'll ask where you live next: first, your name?"
        )
    letters = sum(ch.isalpha() for ch in name)
    if letters < 1 or any(ch.isdigit() for ch in name) or letters < len(name.replace(" ", "")) / 2:
        return Checked(hint="That doesn't look like a name. Please type your name in letters.")
    return Checked(name)


def check_contact(text: str) -> Checked:
    """A UK (or international, with +) phone number, or an email address."""
    text = text.strip()
    if "@" in text:
        try:
            email = validate_email(text, check_deliverability=False)
        except EmailNotValidError as error:
            reason = str(error).rstrip(".")
            return Checked(
                hint=f"That email address doesn't look right ({reason}). "
                "Please check it, or send a phone number instead."
            )
        return Checked(email.normalized, kind="email")
    if not any(ch.isdigit() for ch in text):
        return Checked(hint="Please send a phone number (like 07911 123456) or an email address.")
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return Checked(hint=_phone_hint(text, number))
    return Checked(
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), kind="phone"
    )


def _phone_hint(text: str, number: phonenumbers.PhoneNumber | None) -> str:
    """Why a phone number was refused, as specifically as the digits allow."""
    example = (
        "A UK mobile has 11 digits and starts with 07 (like 07911 123456); numbers abroad "
        "start with + and the country code."
    )
    digits = re.sub(r"\D", "", text)
    if digits.startswith("07") and len(digits) != 11:
        return f"A UK mobile number has 11 digits, starting with 07; that one has {len(digits)}."
    if number is None:
        return f"That phone number doesn't look right. {example}"
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == phonenumbers.ValidationResult.TOO_SHORT or len(digits) < MIN_PHONE_DIGITS:
        return f"That phone number has too few digits. {example}"
    if reason == phonenumbers.ValidationResult.TOO_LONG:
        return f"That phone number has too many digits. {example}"
    return (
        "That looks like a phone number, but no phone line is given out with those digits. "
        "Please check them, or send an email address instead."
    )


def _outside_england(nation: Nation, place: str) -> str:
    routes = "; ".join(f"{link.title}: {link.url}" for link in nation.careers)
    return (
        f"{place} is in {nation.name}. CarePath can only pass your details to recruitment hubs "
        f"in England. For {nation.name}, see {routes}. If you'd like work in England, send the "
        "postcode or town there, or send /cancel."
    )


def check_place(text: str, knowledge: Knowledge) -> Checked:
    """A postcode (full, or the first half) or a town the knowledge base knows, in England:
    a place in another UK nation is never routed to an English hub."""
    named = nation_named(knowledge, text)
    if named is not None:
        return Checked(hint=_outside_england(*named))
    postcode = parse_postcode(text)
    if postcode is not None:
        return Checked(str(postcode), kind="postcode")
    if hub_for_town(knowledge, text):
        return Checked(" ".join(text.split()).title(), kind="town")
    if re.search(r"\d", text):
        return Checked(
            hint="That isn't a UK postcode I recognise. It looks like NG7 2RD or "
            "SS1 1AA; the first half (NG7) is enough."
        )
    return Checked(
        hint="I don't know that town. Please send your postcode (like NG7 2RD, or "
        "just NG7) so I can find your local hub."
    )
