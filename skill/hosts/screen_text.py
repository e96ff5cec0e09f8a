"""The screen as text: what an APL document would show, drawn for the console.

Tooling for people at a terminal, never shipped to Lambda: the skill's own screens are
drawn by :mod:`skill.alexa.screens`; this reads the directives it sends.
"""

from __future__ import annotations

from typing import Any


def _rule(left: str, right: str, width: int) -> str:
    gap = max(1, width - len(left) - len(right))
    return f"{left}{' ' * gap}{right}"


def screen_text(directives: list[dict[str, Any]], width: int = 64) -> list[str]:
    """A plain-text picture of what the screen shows, for the console.

    A step shows its frame (title, place, set-up points, buttons) and then its
    timeline: each cue as the document speaks it, with the rep counter and the hold
    countdown as they stand while it is spoken.
    """
    lines: list[str] = []
    rendered = [d for d in directives if d.get("type") == "Alexa.Presentation.APL.RenderDocument"]
    executed = [d for d in directives
                if d.get("type") == "Alexa.Presentation.APL.ExecuteCommands"]
    for directive in rendered:
        sources = directive.get("datasources") or {}
        if "step" in sources:
            lines += _step_text(sources["step"]["properties"], executed, width)
        elif "progress" in sources:
            lines += _progress_text(sources["progress"]["properties"], width)
    return lines


def _step_text(step: dict[str, Any], executed: list[dict[str, Any]],
               width: int) -> list[str]:
    border = "+" + "-" * (width - 2) + "+"
    lines = [border, "| " + _rule(step["title"], step["place"], width - 4) + " |"]
    for point in step["points"]:
        lines.append("|   - " + point[: width - 8].ljust(width - 8) + " |")
    buttons = "   ".join(f"[ {label} ]" for label in step["buttons"].values())
    lines.append("| " + step["next"][: width - 4].ljust(width - 4) + " |")
    lines.append("| " + buttons.center(width - 4) + " |")
    lines.append(border)
    cues = step["cues"]
    rep = 0
    for directive in executed:
        for sequence in directive.get("commands", []):
            for command in sequence.get("commands", []):
                if command.get("type") != "Cue":
                    if command.get("type") == "SendEvent":
                        lines.append(f"  (screen sends {command['arguments'][0]})")
                    continue
                rep = command.get("rep", rep)
                counter = f"{rep} of {step['reps']}" if rep and step["reps"] else ""
                hold = command.get("hold", 0)
                status = "  ".join(s for s in (counter, f"hold {hold}" if hold else "") if s)
                pause = command.get("pause", 0) / 1000
                text = cues[command["index"]]["text"]
                timing = f" [{pause:g} s]" if pause else ""
                lines.append(f"  > {text}{timing}" + (f"   <{status}>" if status else ""))
    return lines


def _progress_text(progress: dict[str, Any], width: int) -> list[str]:
    border = "+" + "-" * (width - 2) + "+"
    lines = [border, "| " + progress["title"].ljust(width - 4) + " |",
             "| " + progress["stats"][: width - 4].ljust(width - 4) + " |",
             "| " + "   ".join(progress["weekdays"]).ljust(width - 4) + " |"]
    for week in progress["weeks"]:
        marks = "   ".join("#" if day["practised"] else ("o" if day["today"] else ".")
                           for day in week["days"])
        lines.append("| " + marks.ljust(width - 4) + " |")
    lines.append("| " + progress["chartTitle"].ljust(width - 4) + " |")
    for bar in progress["bars"]:
        drawn = "=" * round(bar["height"] / 5)
        lines.append("| " + f"{bar['week']:>12} {drawn} {bar['label']}".ljust(width - 4) + " |")
    lines.append(border)
    return lines


__all__ = ["screen_text"]
