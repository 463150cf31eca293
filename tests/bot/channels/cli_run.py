"""Running `carepath` as a person would, in its own process, on a data folder of its own."""

import os
import subprocess
import sys
from pathlib import Path


def carepath(data_dir: Path, *args: str, typed: str = "") -> subprocess.CompletedProcess[str]:
    """`carepath ARGS` with `typed` as its input, on the built-in SQLite database in `data_dir`."""
    env = {**os.environ, "CAREPATH_DATA_DIR": str(data_dir)}
    env.pop("CAREPATH_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=typed,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
