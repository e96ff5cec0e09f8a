"""``python -m skill.hosts.apl_preview step|progress [WEEK [STEP]] [--out DIR]``

Writes an APL document and its datasources for Amazon's APL authoring tool, drawn by
the skill's own :mod:`skill.alexa.screens`. Tooling, never shipped to Lambda.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path
from typing import Any

from skill.alexa.screens import document, progress_datasources, step_commands, step_datasources
from skill.domain.narration import narrate, step_title
from skill.domain.program import ReleaseSet
from skill.domain.progress import Profile
from skill.domain.routine import DAILY, routine_steps
from skill.domain.screens import StepScreen, progress_screen
from skill.domain.ssml import Speech


def preview(name: str, week: int = 1, index: int = 0) -> tuple[dict[str, Any], dict[str, Any]]:
    """A document and datasources to paste into the APL authoring tool.

    The step document gets the step's own commands as ``onMount``, so the authoring
    tool speaks the cues in step with the screen as a device would (a device gets them
    in ExecuteCommands instead, aimed at the rendered token).
    """
    if name == "progress":
        today = date.today()
        daily = {date.fromordinal(today.toordinal() - d).isoformat(): [1, 420]
                 for d in range(0, 27, 2)}
        profile = Profile(sessions=14, seconds=14 * 420, current_streak=1, longest_streak=3,
                          last_practice_on=today.isoformat(), program_week=3, daily=daily)
        return document("progress"), progress_datasources(progress_screen(profile, today))
    steps = routine_steps(DAILY, week)
    step = steps[index]
    script = narrate(step, random.Random(0))
    following = steps[index + 1] if index + 1 < len(steps) else None
    screen = StepScreen(script, index + 1, len(steps), Speech(),
                        step_title(following) if following is not None else None,
                        step.total_reps if isinstance(step, ReleaseSet) else 0)
    doc = json.loads(json.dumps(document("step")))
    doc["onMount"] = step_commands(screen)
    return doc, step_datasources(screen)


def main(argv: list[str] | None = None) -> int:
    """Write the preview files; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m skill.hosts.apl_preview",
                                     description="write an APL document and its datasources "
                                                 "for the APL authoring tool")
    parser.add_argument("name", choices=["step", "progress"])
    parser.add_argument("week", nargs="?", type=int, default=1)
    parser.add_argument("step", nargs="?", type=int, default=1, help="1 for the first step")
    parser.add_argument("--out", default="build/apl-preview")
    args = parser.parse_args(argv)
    doc, sources = preview(args.name, args.week, args.step - 1)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for suffix, data in (("document", doc), ("datasources", sources)):
        path = out / f"{args.name}.{suffix}.json"
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(path)
    return 0


__all__ = ["main", "preview"]


if __name__ == "__main__":
    raise SystemExit(main())
