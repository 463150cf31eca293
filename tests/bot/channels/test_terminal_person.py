"""One terminal, two people: `chat --new` starts someone new, who sees none of the first
person's details, and /mydata says whose data it shows."""

from pathlib import Path

from bot.channels.terminal_person import FILE, terminal_person
from tests.bot.channels.cli_run import carepath


def test_a_new_person_is_remembered_until_the_next_new_one(tmp_path: Path) -> None:
    first = terminal_person(tmp_path)
    assert first.startswith("terminal:")
    second = terminal_person(tmp_path, new=True)
    assert second != first and terminal_person(tmp_path) == second
    third = terminal_person(tmp_path, new=True)
    assert third not in (first, second) and terminal_person(tmp_path) == third


def test_a_damaged_file_means_the_computer_accounts_person(tmp_path: Path) -> None:
    (tmp_path / FILE).write_text("telegram:123\n")  # never someone on another channel
    assert terminal_person(tmp_path) == terminal_person(tmp_path / "elsewhere")


def _chat(data: Path, typed: str, *flags: str) -> str:
    run = carepath(data, "chat", *flags, typed=typed)
    assert run.returncode == 0, run.stderr[-800:]
    return run.stdout


def test_the_next_person_on_a_shared_terminal_sees_nothing_of_the_last(tmp_path: Path) -> None:
    mine = _chat(tmp_path, "Im a senior carer\n/mydata\n")
    assert "The job you told us you do: Senior care worker" in mine
    assert "chatting here as" in mine and "carepath chat --new" in mine
    theirs = _chat(tmp_path, "/mydata\n", "--new")
    assert "Senior care worker" not in theirs and "Im a senior carer" not in theirs
    again = _chat(tmp_path, "/mydata\n")  # the new person carries on next time
    assert "Senior care worker" not in again
