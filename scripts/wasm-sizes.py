#!/usr/bin/env python3
"""Where the kiosk's WASM goes: function body sizes, by function and by crate.

Reads a WASM module's code section and its "name" custom section (present in the build
cargo makes before wasm-bindgen and wasm-opt strip it), so pass the unstripped file:

    cargo build -p app --lib --target wasm32-unknown-unknown --profile wasm-release --features hydrate
    python3 scripts/wasm-sizes.py target/front/wasm32-unknown-unknown/wasm-release/app.wasm [top]

To compare two revisions, build each (a `git worktree` of the older one, with
CARGO_TARGET_DIR pointing at this target dir), copy the file away between builds, and run
the script on both with `--diff OLD NEW`. Sizes are raw bytes before wasm-opt; they rank
what is heavy, while the budget test measures what a tablet downloads.
"""
import re
import sys
from collections import defaultdict


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(data):
    pos = 8  # magic and version
    while pos < len(data):
        kind = data[pos]
        size, pos = leb(data, pos + 1)
        yield kind, data[pos:pos + size]
        pos += size


def imported_functions(body):
    count, pos = leb(body, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, pos = leb(body, pos)
            pos += length
        kind = body[pos]
        pos += 1
        if kind == 0:  # function: type index
            _, pos = leb(body, pos)
            functions += 1
        elif kind == 1:  # table: element type, limits
            pos += 1
            flags, pos = leb(body, pos)
            _, pos = leb(body, pos)
            if flags & 1:
                _, pos = leb(body, pos)
        elif kind == 2:  # memory: limits
            flags, pos = leb(body, pos)
            _, pos = leb(body, pos)
            if flags & 1:
                _, pos = leb(body, pos)
        elif kind == 3:  # global: value type, mutability
            pos += 2
    return functions


def function_names(body):
    length, pos = leb(body, 0)
    if body[pos:pos + length] != b"name":
        return None
    pos += length
    names = {}
    while pos < len(body):
        sub = body[pos]
        size, pos = leb(body, pos + 1)
        end = pos + size
        if sub == 1:
            count, p = leb(body, pos)
            for _ in range(count):
                index, p = leb(body, p)
                length, p = leb(body, p)
                names[index] = body[p:p + length].decode("utf-8", "replace")
                p += length
        pos = end
    return names


def demangle(name):
    """Legacy Rust mangling (_ZN...E): the path, without the hash."""
    match = re.match(r"_ZN(.*)E$", name)
    if not match:
        return name
    rest, parts = match.group(1), []
    while rest and rest[0].isdigit():
        digits = re.match(r"\d+", rest).group(0)
        length = int(digits)
        parts.append(rest[len(digits):len(digits) + length])
        rest = rest[len(digits) + length:]
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    path = "::".join(parts)
    for code, text in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"),
                       ("$C$", ","), ("$u7b$", "{"), ("$u7d$", "}"), ("..", "::"), ("$BP$", "*")):
        path = path.replace(code, text)
    return path


def sizes(file):
    data = open(file, "rb").read()
    imports, bodies, names = 0, [], {}
    for kind, body in sections(data):
        if kind == 2:
            imports = imported_functions(body)
        elif kind == 10:
            count, pos = leb(body, 0)
            for _ in range(count):
                size, start = leb(body, pos)
                bodies.append(size)
                pos = start + size
        elif kind == 0:
            names = function_names(body) or names
    by_function = defaultdict(int)
    for i, size in enumerate(bodies):
        by_function[demangle(names.get(imports + i, f"#{imports + i}"))] += size
    return by_function


def crate_of(path):
    path = path.lstrip("<&* ")
    return path.split("::")[0] if "::" in path else "(other)"


def by_crate(by_function):
    crates = defaultdict(int)
    for path, size in by_function.items():
        crates[crate_of(path)] += size
    return crates


def show(title, rows, top):
    print(f"\n{title}")
    for name, size in sorted(rows.items(), key=lambda r: -abs(r[1]))[:top]:
        print(f"{size:>9,}  {name[:110]}")


def main(argv):
    top = 40
    if len(argv) >= 3 and argv[0] == "--diff":
        old, new = sizes(argv[1]), sizes(argv[2])
        top = int(argv[3]) if len(argv) > 3 else top
        diff = {k: new.get(k, 0) - old.get(k, 0) for k in set(old) | set(new)}
        print(f"total: {sum(old.values()):,} -> {sum(new.values()):,} bytes of code")
        show("by crate (new - old)", {k: v for k, v in
             ((c, by_crate(new).get(c, 0) - by_crate(old).get(c, 0)) for c in set(by_crate(old)) | set(by_crate(new))) if v}, top)
        show("by function (new - old)", {k: v for k, v in diff.items() if v}, top)
        return
    if not argv:
        sys.exit(__doc__)
    by_function = sizes(argv[0])
    top = int(argv[1]) if len(argv) > 1 else top
    print(f"total: {sum(by_function.values()):,} bytes of code in {len(by_function):,} functions")
    show("by crate", by_crate(by_function), top)
    show("by function", by_function, top)


if __name__ == "__main__":
    main(sys.argv[1:])
