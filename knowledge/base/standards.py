"""Apprenticeship standards link to their live version on Skills England. The version is in the
URL (.../apprenticeships/st0215-v1-1 is version 1.1), and the live version of each standard is
data: the apprenticeship's `version`, recorded once checked on Skills England."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

from knowledge.base.problems import Problem
from knowledge.base.raw import RawEntry
from knowledge.base.schema import Apprenticeship, Figure, Strict

LIVE_SITE = "https://skillsengland.education.gov.uk/apprenticeships/"
# Where standards are published, now and before Skills England (the Institute's old addresses)
_STANDARD_HOSTS = {
    "skillsengland.education.gov.uk",
    "www.instituteforapprenticeships.org",
    "instituteforapprenticeships.org",
}
_STANDARD_PATHS = ("/apprenticeships/", "/apprenticeship-standards/")


def live_url(code: str, version: str) -> str:
    """The page of a standard's live version: ST0215 v1.1 -> .../apprenticeships/st0215-v1-1."""
    return f"{LIVE_SITE}{code.lower()}-v{version.replace('.', '-')}"


def standard_links(item: Apprenticeship) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, url) of every source that is a page of a standards site."""
    for path, figure in _figures(item):
        url = urlsplit(str(figure.source))
        if url.hostname in _STANDARD_HOSTS and url.path.startswith(_STANDARD_PATHS):
            yield (*path, "source"), str(figure.source)


def _figures(item: Apprenticeship) -> Iterator[tuple[tuple[str | int, ...], Figure]]:
    if item.duration is not None:
        yield ("duration",), item.duration
    if item.funding_band is not None:
        yield ("funding_band",), item.funding_band
    for index, fact in enumerate(item.facts):
        yield ("facts", index), fact


def not_live(item: Apprenticeship) -> str:
    """Why an apprenticeship does not link to its live version ('' when it does)."""
    links = [url.rstrip("/") for _path, url in standard_links(item)]
    if item.code is None:
        return "its standard code is not recorded" if links else ""
    if item.version is None:
        return "its live version on Skills England is not recorded"
    live = live_url(item.code, item.version)
    if live not in links:
        return f"no source links to its live version {live}"
    return ""


def live_versions(
    entries: Mapping[str, list[Strict]], raw_by_id: Mapping[str, RawEntry]
) -> list[Problem]:
    """A warning per link to a version not the live one, and one naming all not linked live."""
    warnings = []
    missing = []
    for item in entries.get("apprenticeships", []):
        if not isinstance(item, Apprenticeship):
            continue
        if item.code and item.version:
            live = live_url(item.code, item.version)
            for path, url in standard_links(item):
                if url.rstrip("/") != live:
                    warnings.append(
                        raw_by_id[item.id].problem(
                            path,
                            f"links to {url}, not the live version {item.version} ({live}); "
                            "link the live version",
                            severity="warning",
                        )
                    )
        if not_live(item):
            missing.append(f"{item.code or '-'} {item.id}")
    if missing:
        first = raw_by_id[next(iter(entries["apprenticeships"])).id]
        warnings.append(
            Problem(
                first.file,
                first.line,
                "(apprenticeships)",
                "version",
                f"{len(missing)} apprenticeship(s) do not link to their live version on Skills "
                f"England: {', '.join(missing)}. Check each on Skills England, record `version` "
                f"and link {LIVE_SITE}<code>-v<major>-<minor> (`carepath kb refresh` lists them)",
                severity="warning",
            )
        )
    return warnings
