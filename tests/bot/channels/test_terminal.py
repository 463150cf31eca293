"""The terminal chat, driven as a person would: typed lines, numbered options, end of input."""

import io
import os
import subprocess
import sys

from bot.channels.terminal import chat
from tests.bot.channels.cli_run import carepath


async def test_piped_chat_answers_picks_numbered_options_and_ends_cleanly(engine):
    stdin = io.StringIO("nursing associate pay\n1\nquit\nnever read\n")
    stdout = io.StringIO()
    assert await chat(engine, stdin, stdout) == 0
    out = stdout.getvalue()
    assert out.startswith("Hello! I'm CarePath")
    assert "you> nursing associate pay" in out
    assert "Band 4" in out
    assert "  1) How to get in" in out
    assert "How to become a nursing associate:" in out  # option 1 was picked
    assert out.rstrip().endswith("Goodbye, and good luck!")
    assert "never read" not in out


async def test_end_of_input_ends_the_chat(engine):
    stdout = io.StringIO()
    assert await chat(engine, io.StringIO("hello\n"), stdout) == 0
    assert "you> hello" in stdout.getvalue()


async def test_a_number_with_no_options_is_just_text(engine):
    stdout = io.StringIO()
    await chat(engine, io.StringIO("/roles\n1\n42\n"), stdout)
    out = stdout.getvalue()
    assert "Adult social care jobs: pick one" in out
    assert "Traceback" not in out


def test_the_console_command_runs_the_chat_on_piped_input(tmp_path):
    env = {**os.environ, "CAREPATH_DATA_DIR": str(tmp_path)}
    env.pop("CAREPATH_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat"],
        input="what is ST0006\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Lead Adult Care Worker" in result.stdout and "Level 3" in result.stdout
    assert (tmp_path / "carepath.db").exists()  # the built-in database, made on first use


def test_the_terminal_chat_completes_the_form_and_the_lead_is_exported(tmp_path):
    typed = (
        "\n".join(
            ["/interest", "care worker", "Sam Jones", "07911 123456", "NG7 2RD", "1", "2", "1", "1"]
        )
        + "\n"
    )
    chat_run = carepath(tmp_path, "chat", typed=typed)
    assert "Your reference is CP-" in chat_run.stdout, chat_run.stdout[-800:]
    done = chat_run.stdout[chat_run.stdout.index("Your reference is CP-") - 200 :]
    assert "saved for" in done and "as soon as CarePath next reaches them" in done
    assert "on their way" not in done
    for operators_word in ("outbox", "relay", "carepath run", "leads pending"):
        assert operators_word not in done.casefold()  # the person's words, not the operator's
    assert "/mystatus" in done
    export = carepath(tmp_path, "leads", "export")
    assert "Sam Jones" in export.stdout and "nottingham-hub" in export.stdout


async def test_the_terminal_prints_where_the_route_picture_is(engine):
    stdout = io.StringIO()
    await chat(engine, io.StringIO("from care worker to registered manager\n"), stdout)
    assert "(picture saved to " in stdout.getvalue() and ".png)" in stdout.getvalue()


async def test_the_terminal_never_asks_to_tap_and_odd_digits_are_text(engine):
    typed = "/pathway\nfoo\n/eligible\nold\n/explore\npurple\n²\n①\n" + "9" * 5000 + "\n"
    stdout = io.StringIO()
    assert await chat(engine, io.StringIO(typed), stdout) == 0
    out = stdout.getvalue()
    assert " tap" not in out.casefold() and "Tap " not in out
    assert "Traceback" not in out
