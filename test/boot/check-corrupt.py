#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the boot log's corrupt line table phase.

usage: check-corrupt.py LOG CLASSES

/init loads an undamaged copy of the test module, then one copy per line
of CLASSES ("class<TAB>section<TAB>reason", from corrupt-lineinfo.py),
each after a marker "init: corrupt <class>". For every copy:
  - the loader warns exactly once, naming the module, the section and
    the reason ("trace_test: ignoring line table SECTION:
    REASON (ERRNO)"); the undamaged copy gets no warning;
  - the module works: its init ran to "trace_test: loaded";
  - its stack traces print, and no frame whose text the damaged table
    describes is annotated (.mod_lineinfo: every function but
    trace_test_init; .init.mod_lineinfo: trace_test_init), while the
    other table still annotates its frames.
Over the whole log: no oops, BUG, KASAN or UBSAN report, and no WARNING
raised in lineinfo code.

Prints PASS/FAIL lines; exits 1 on any failure.
"""
import re
import sys

from bootlog import unreplay

FRAME = re.compile(
    r"^\s*(?:\[<[0-9a-f]+>\] )?(?P<unrel>\? )?(?P<func>[\w.$]+)\+0x[0-9a-f]+/0x[0-9a-f]+"
    r" \[trace_test\](?: \([A-Z]+\))?(?: \((?P<src>[^)]+:\d+)\))?\s*$")
BAD = re.compile(r"(BUG:|Oops|Unable to handle|general protection fault|"
                 r"KASAN|UBSAN|Kernel panic|"
                 r"WARNING: (kernel/lineinfo/|kernel/module/lineinfo\.c)|"
                 r"WARNING: .* at (__)?(module_)?lineinfo_)")



def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    log = [re.sub(r"^\[\s*[\d.]+\]\s*", "", line.rstrip("\r\n"))
           for line in open(sys.argv[1], errors="replace")]
    classes = [line.rstrip("\n").split("\t") for line in open(sys.argv[2])
               if line.strip()]
    failed = 0

    def check(ok, name, why=""):
        nonlocal failed
        print(f"PASS corrupt {name}" if ok else f"FAIL corrupt {name}: {why}")
        failed |= not ok

    # the log of each copy: from its marker to the next one
    parts, cur = {}, None
    log = unreplay(log)
    for line in log:
        m = re.match(r"init: corrupt (\S+)$", line)
        if m:
            cur = m.group(1)
            parts[cur] = []
        elif line.startswith("init: corrupt tables done"):
            cur = None
        elif cur:
            parts[cur].append(line)
    check("init: corrupt tables done" in log, "phase ran",
          "no 'init: corrupt tables done' in the log")

    for name, section, reason in [("intact", None, None)] + classes:
        lines = parts.get(name)
        if lines is None:
            check(False, name, "no marker 'init: corrupt " + name + "'")
            continue
        warns = [line for line in lines if "ignoring line table" in line]
        if section is None:
            check(not warns, f"{name}: no warning", f"{warns}")
        else:
            want = f"trace_test: ignoring line table {section}: {reason} ("
            check(len(warns) == 1 and warns[0].startswith(want),
                  f"{name}: one warning, '{section}: {reason}'",
                  f"got {warns or 'none'}")
        check(any("trace_test: loaded" in line for line in lines),
              f"{name}: module works", "no 'trace_test: loaded'")
        # (unreliable "? " frames are guesses, often past the text)
        frames = [m.groupdict() for m in map(FRAME.match, lines)
                  if m and not m.group("unrel")]
        if not frames:
            check(False, f"{name}: traces", "no frame of trace_test")
            continue
        bad = []
        for f in frames:
            in_init = f["func"] == "trace_test_init"
            damaged = (section == ".mod_lineinfo" and not in_init) or \
                      (section == ".init.mod_lineinfo" and in_init)
            if damaged and f["src"]:
                bad.append(f"{f['func']} annotated ({f['src']})")
            if not damaged and not f["src"]:
                bad.append(f"{f['func']} not annotated")
        check(not bad, f"{name}: {len(frames)} module frames, annotated exactly "
              "where the table is intact", "; ".join(bad))

    reports = [line for line in log if BAD.search(line)]
    check(not reports, "no oops, BUG, KASAN, UBSAN or lineinfo WARNING",
          " | ".join(reports[:5]))
    return failed


if __name__ == "__main__":
    sys.exit(main())
