"""Editing the config file in place, keeping its comments: `guard init`, `allow` and `block`."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Table

from .config import Config, parse
from .errors import ConfigError


def example_text() -> str:
    """The commented example config shipped with the package."""
    return resources.files("inboxguard").joinpath("config.example.toml").read_text("utf-8")


def new_config_text(values: dict[str, dict[str, Any]]) -> str:
    """The example config with `values` (table -> key -> value) set; keys absent from `values`
    keep the example's values, except those that name the example's user."""
    document = tomlkit.parse(example_text())
    account = document["account"]
    assert isinstance(account, Table)
    account.pop("aliases", None)
    lists = document["lists"]
    assert isinstance(lists, Table)
    lists["allow"] = tomlkit.array()
    lists["block"] = tomlkit.array()
    for table, keys in values.items():
        target = document.setdefault(table, tomlkit.table())
        for key, value in keys.items():
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
    return tomlkit.dumps(document)


def write_config(path: Path, text: str) -> Config:
    """Check `text` parses, then write it atomically, 0600, in a folder made 0700."""
    config = parse(text, path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(path.name + ".new")
    descriptor = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)
    return config


def add_list_entry(path: Path, list_name: str, entry: str) -> bool:
    """Add `entry` to `[lists] allow` or `block`, keeping comments; False if already there."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(path, [f"cannot read the file: {error.strerror or error}"]) from None
    document = tomlkit.parse(text)
    lists = document.setdefault("lists", tomlkit.table())
    entries = lists.setdefault(list_name, tomlkit.array())
    entry = entry.strip().lower()
    if entry in [str(e) for e in entries]:
        return False
    entries.append(entry)
    write_config(path, tomlkit.dumps(document))
    return True
