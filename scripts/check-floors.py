#!/usr/bin/env python3
"""Fails when a module of app/src uses one that is not below it.

What each top-level module rests on, directly (README, "Floors"); a module may use what
it rests on, what those rest on, and so on down, and its own submodules: nothing else.
So `db` and the mail modules both rest on `domain` and never use each other, and no
import runs upward or in a circle. Run from anywhere:

    python3 scripts/check-floors.py          # exit 1 and the offending lines, or 0
    python3 scripts/check-floors.py --map    # module -> what it uses
"""
import pathlib
import re
import sys

RESTS_ON = {
    "domain": [],                       # plain types and rules
    "i18n": ["domain"],                 # translations
    "db": ["domain"],                   # queries only
    "booking_mail": ["i18n"],           # emails, composed from plain facts
    "workshop_mail": ["i18n"],
    "staff_mail": ["i18n"],
    "waitlist_mail": ["i18n"],
    "services": ["db", "booking_mail", "workshop_mail", "staff_mail", "waitlist_mail"],  # use cases
    "limits": ["domain"],               # server plumbing
    "security": [],
    "request_tablet": ["db"],           # the tablet a kiosk request comes from
    "qr_code": [],                      # QR codes as SVG
    "passwords": ["db"],
    "state": ["services", "limits", "passwords", "security"],  # what handlers share
    "site_files": [],                   # the build's names of the site's files
    "error": ["db", "i18n", "site_files"],  # the one error a person is answered with
    "api": ["state", "error", "qr_code"],          # server functions
    "partner_api": ["state", "site_files"],        # the partners' read API, /api/v1
    "components": ["i18n"],             # shared view parts
    "pages": ["api", "components"],     # what people see
    "app": ["pages"],                   # the shell and the router of pages
    "forms": ["app", "request_tablet"],  # HTML form posts (render pages)
    "kiosk_gate": ["forms"],            # middleware in front of it all
    "lib": ["kiosk_gate", "partner_api"],
}


def below(module: str) -> set[str]:
    seen, todo = set(), list(RESTS_ON[module])
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo += RESTS_ON[m]
    return seen


ALLOWED = {m: below(m) for m in RESTS_ON}
SRC = pathlib.Path(__file__).resolve().parent.parent / "app" / "src"


def module_path(file: pathlib.Path) -> list[str]:
    parts = list(file.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    return parts


def code_lines(text: str):
    """Lines with comments removed (whole-line and trailing `//` comments)."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if stripped.startswith("//"):
            continue
        cut = line.find(" //")
        yield number, line if cut < 0 else line[:cut]


def braced_heads(text: str) -> list[str]:
    """The first names in a `{a::b, c, d::{e}}` group (top level only)."""
    heads, depth, word, at_start = [], 0, "", True
    for ch in text:
        if ch == "{":
            depth += 1
            if depth == 1:
                at_start = True
                continue
        elif ch == "}":
            depth -= 1
            if depth == 0:
                break
        if depth == 1:
            if ch == ",":
                at_start, word = True, ""
                continue
            if at_start:
                if ch.isalnum() or ch == "_":
                    word += ch
                elif word:
                    heads.append(word)
                    at_start, word = False, ""
    if at_start and word:
        heads.append(word)
    return heads


def imports_of(file: pathlib.Path):
    """(line, top-level module) for every path into the crate that the file names."""
    here = module_path(file)
    text = file.read_text()
    lines = dict(code_lines(text))
    joined = "\n".join(lines.get(n, "") for n in range(1, len(text.splitlines()) + 1))
    found = []
    for match in re.finditer(r"\b(crate|(?:super::)+super|super)::", joined):
        line = joined.count("\n", 0, match.start()) + 1
        rest = joined[match.end():]
        if match.group(1) == "crate":
            base = []
        else:
            ups = match.group(1).count("super")
            base = here[: max(len(here) - ups, 0)]
            if base:
                continue  # inside its own top-level module
        if rest.startswith("{"):
            names = braced_heads(rest)
        else:
            name = re.match(r"[A-Za-z_][A-Za-z0-9_]*", rest)
            names = [name.group(0)] if name else []
        found += [(line, n) for n in names]
    return found


def main() -> int:
    graph, wrong = {}, []
    for file in sorted(SRC.rglob("*.rs")):
        top = module_path(file)[0]
        if top not in RESTS_ON:
            wrong.append(f"{file.relative_to(SRC.parent.parent)}: module `{top}` is not placed in scripts/check-floors.py")
            continue
        for line, used in imports_of(file):
            if used == top or used not in RESTS_ON:
                continue
            graph.setdefault(top, set()).add(used)
            if used not in ALLOWED[top]:
                wrong.append(f"{file.relative_to(SRC.parent.parent)}:{line}: `{top}` uses `{used}`, which is not below it")
    if "--map" in sys.argv:
        for m in RESTS_ON:
            print(f"{m:14} -> {', '.join(sorted(graph.get(m, []))) or '(nothing)'}")
    for w in wrong:
        print(w)
    if wrong:
        print(f"{len(wrong)} imports against the floors: see scripts/check-floors.py and the README")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
