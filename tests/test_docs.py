"""Docs are tested too: every CLI command has help text and is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

from newsgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def documented_in(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"{path.name} is not written yet")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_text(name: str) -> None:
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"`newsgraph {name}` has no --help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_cli_docs(name: str) -> None:
    assert f"newsgraph {name}" in documented_in(ROOT / "docs" / "cli.md")


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name: str) -> None:
    readme = documented_in(ROOT / "README.md")
    assert f"newsgraph {name}" in readme
