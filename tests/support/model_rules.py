"""Each language's rules, as ``interaction_models/build_models.py`` and its
``languages/<lang>.py`` modules declare them (interaction_models is not a package)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "interaction_models" / "build_models.py"


@cache
def build_models() -> Any:
    """The model builder, imported from its file once."""
    spec = importlib.util.spec_from_file_location("_build_models", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass looks its module up while it is built
    spec.loader.exec_module(module)
    return module


def rules(language: str) -> Mapping[str, Sequence[str]]:
    """``language``'s words for invocation names, example phrases and the disclaimer."""
    found: Mapping[str, Sequence[str]] = build_models().rules(language)
    return found
