"""The terminal chat: type a question, pick a button by its number."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.engine import Engine, Incoming
from bot.replies import Button, Reply

GOODBYES = {"/quit", "/exit", "quit", "exit"}


def render(replies: list[Reply]) -> tuple[str, list[Button]]:
    """Replies as terminal text, buttons numbered from 1 across all replies."""
    lines: list[str] = []
    buttons: list[Button] = []
    for reply in replies:
        lines.append(reply.text)
        if reply.image_path:
            lines.append(f"(picture saved to {reply.image_path})")
        for button in reply.buttons:
            buttons.append(button)
            lines.append(f"  {len(buttons)}) {button.label}")
        lines.append("")
    return "\n".join(lines), buttons


async def chat(
    engine: Engine,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    *,
    person_ref: str = "terminal:local",
) -> int:
    """Talk until end of input or 'quit'; works at a terminal and with piped input."""
    interactive = stdin.isatty()
    text, buttons = render(await engine.handle(Incoming(person_ref, text="/start")))
    stdout.write(text + "\n")
    if interactive:
        stdout.write("(Type a question, a number to pick an option, or quit to leave.)\n\n")
    while True:
        if interactive:
            stdout.write("you> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            if interactive:
                stdout.write("\n")
            return 0
        line = line.strip()
        if not interactive:
            stdout.write(f"you> {line}\n")
        if line.casefold() in GOODBYES:
            stdout.write("Goodbye, and good luck!\n")
            return 0
        incoming = _incoming(person_ref, line, buttons)
        text, buttons = render(await engine.handle(incoming))
        stdout.write(text + "\n")
        stdout.flush()


def _incoming(person_ref: str, line: str, buttons: list[Button]) -> Incoming:
    # only plain digits pick an option: '²' and '①' are digits to isdigit() but not to int()
    if line.isascii() and line.isdecimal() and len(line) <= 3 and 1 <= int(line) <= len(buttons):
        return Incoming(person_ref, button=buttons[int(line) - 1].payload)
    return Incoming(person_ref, text=line)
