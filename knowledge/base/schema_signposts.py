"""Schema of what CarePath says outside careers in England: help in a crisis, the careers
routes of the other UK nations, and that it only understands English for now."""

from __future__ import annotations

import re

from pydantic import Field, HttpUrl, field_validator

from knowledge.base.dates import AsOf
from knowledge.base.schema import POSTCODE_AREA, POSTCODE_DISTRICT, EntryId, Strict

_DIGIT = re.compile(r"\d")


class Helpline(Strict):
    """Where to get help, dated and sourced: 'Samaritans', 'call 116 123', 'free, any time'."""

    name: str = Field(min_length=2, max_length=80)
    how: str = Field(min_length=3, max_length=120)
    when: str | None = Field(default=None, max_length=120)
    as_of: AsOf
    source: HttpUrl


class HelpOffer(Strict):
    """One short, kind line that offers help without alarm: beside the answer to a message
    that may show a concern, and after every reply CarePath is unsure of. `line` says where
    the helpline's `how` goes with {how}."""

    id: EntryId
    line: str = Field(min_length=10, max_length=240)
    helpline: Helpline

    @field_validator("line")
    @classmethod
    def _says_how(cls, value: str) -> str:
        if "{how}" not in value:
            raise ValueError("write {how} where the helpline's number goes")
        if _DIGIT.search(value):
            raise ValueError("write numbers in the helpline (dated and sourced), not in the line")
        return value

    @property
    def text(self) -> str:
        """The line as a person reads it."""
        return self.line.replace("{how}", self.helpline.how)


class SafetyConcern(Strict):
    """A kind of crisis or harm a message may show: the phrases that plainly suggest it (typos
    are tolerated), the subjects that in a careers question earn a gentle offer of help, the
    short, kind reply with where to get help, and the gentle line for when it is not clear."""

    id: EntryId
    title: str = Field(min_length=3, max_length=80)  # what it is, for reports
    signs: list[str] = Field(min_length=3)
    topics: list[str] = Field(default_factory=list)
    reply: str = Field(min_length=10, max_length=600)
    helplines: list[Helpline] = Field(min_length=1)
    offer: EntryId  # the help offer shown when the message may be a sign but is not clear

    @field_validator("reply")
    @classmethod
    def _numbers_live_in_helplines(cls, value: str) -> str:
        if _DIGIT.search(value):
            raise ValueError("write numbers in helplines (dated and sourced), not in the reply")
        return value


class CareersLink(Strict):
    """An official careers website, checked on `as_of`."""

    title: str = Field(min_length=3, max_length=120)
    url: HttpUrl
    as_of: AsOf


class Nation(Strict):
    """A UK nation CarePath does not cover, how to recognise places there, and its own routes."""

    id: EntryId
    name: str = Field(min_length=3, max_length=60)
    names: list[str] = Field(min_length=1)  # how people name it: Scotland, Scottish
    postcode_areas: list[str] = Field(default_factory=list)
    postcode_districts: list[str] = Field(default_factory=list)  # in areas shared with England
    english_districts: list[str] = Field(default_factory=list)  # in its areas, but England
    towns: list[str] = Field(default_factory=list)
    careers: list[CareersLink] = Field(min_length=1)

    @field_validator("postcode_areas")
    @classmethod
    def _areas(cls, values: list[str]) -> list[str]:
        for value in values:
            if not POSTCODE_AREA.match(value):
                raise ValueError(f"{value!r} is not a postcode area: one or two capital letters")
        return values

    @field_validator("postcode_districts", "english_districts")
    @classmethod
    def _districts(cls, values: list[str]) -> list[str]:
        for value in values:
            if not POSTCODE_DISTRICT.match(value):
                raise ValueError(f"{value!r} is not a postcode district such as CH5 or TD15")
        return values


class LanguageWords(Strict):
    """Common words of a language written in Latin letters, and letters English never uses."""

    name: str = Field(min_length=2, max_length=40)
    words: list[str] = Field(min_length=10)
    letters: str = ""


class OtherLanguages(Strict):
    """How to tell a message is not in English, and the plain English reply to it."""

    id: EntryId
    reply: str = Field(min_length=10, max_length=400)
    scripts: list[str] = Field(min_length=1)  # Unicode script names: BENGALI, ARABIC...
    languages: list[LanguageWords] = Field(min_length=1)
    helplines: list[Helpline] = Field(default_factory=list)
