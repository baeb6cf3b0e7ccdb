#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the unload race of the KASAN boot.

usage: check-race.py LOG

/init loads lineinfo_race.ko, which looks up addresses of
lineinfo_race_target from another CPU without pause, and loads and
unloads the target for about 10 s. When it is unloaded, lineinfo_race
prints how many lookups it made and how they compared with the answers
given while the target was loaded (those references are checked against
addr2line by check-lines.py). Every answer must be that reference or no
annotation; both kinds must have occurred, so that lookups did run while
the target was loaded and after it was gone. When the next load of the
target gets the same addresses, an answer may also be another line of
the target's own table (lineinfo_race collects them all once); anything
else is wrong. Lookups of the target's one .init.text address must have
been annotated (while its init ran) and empty (after do_free_init()).

The init race (lib/tests/lineinfo_init_race.c, built in): from a late
initcall until /init stops it, lookups of vmlinux init text and
backtraces while init memory is freed (unmapped: DEBUG_PAGEALLOC). Every
answer must be the line given at the start or none, both must occur,
and backtraces must have been printed.

Sanitizer reports and faults are check-corrupt.py's (whole log).

Prints PASS/FAIL lines; exits 1 on any failure.
"""
import re
import sys


class Checker:
    """Prints "PASS <prefix> name" or "FAIL <prefix> name: why"; counts."""

    def __init__(self, prefix):
        self.prefix, self.failed = prefix, 0

    def __call__(self, ok, name, why=""):
        print(f"PASS {self.prefix} {name}" if ok
              else f"FAIL {self.prefix} {name}: {why}")
        self.failed |= not ok


def check_init_race(text):
    """The vmlinux init race (lib/tests/lineinfo_init_race.c)."""
    check = Checker("init race")

    check("init: init race stopped" in text, "stopped by /init",
          "no 'init: init race stopped' (is CONFIG_LINEINFO_INIT_RACE_TEST on?)")
    check("lineinfo_init_race: only one CPU" not in text and
          re.search(r"lineinfo_init_race: looking up on CPU \d+", text),
          "lookups on another CPU than the initcall's", "no second CPU")
    m = re.search(r"lineinfo_init_race: (\d+) rounds, (\d+) lookups of init "
                  r"text: (\d+) annotated as at the start, (\d+) without "
                  r"annotation, (\d+) wrong; (\d+) backtraces", text)
    if not m:
        check(False, "summary", "no 'lineinfo_init_race: ... rounds' line")
        return 1
    rounds, lookups, good, empty, wrong, dumps = map(int, m.groups())
    print(f"init race: {rounds} rounds, {lookups} lookups of init text: "
          f"{good} annotated as at the start, {empty} without annotation "
          f"(table gone), {wrong} wrong; {dumps} backtraces")
    check(wrong == 0, "every answer right or empty", f"{wrong} wrong")
    check(good > 0 and empty > 0, "lookups before and after the init table went",
          f"{good} annotated, {empty} empty")
    check(dumps > 0, "backtraces during the window", "none")
    return check.failed


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    text = open(sys.argv[1], errors="replace").read()
    check = Checker("race")

    check("KernelAddressSanitizer initialized" in text, "KASAN active",
          "no 'KernelAddressSanitizer initialized' in the log")
    it = re.search(r"init: race done, iterations (\d+)", text)
    check(it is not None, "ran", "no 'init: race done' (see the log)")
    check("lineinfo_race: only one CPU" not in text and
          re.search(r"lineinfo_race: looking up on CPU [1-9]", text) is not None,
          "lookups on another CPU than /init's", "no second CPU")
    m = re.search(r"lineinfo_race: (\d+) loads of the target \((\d+) lines\), "
                  r"(\d+) lookups: (\d+) annotated as when loaded, (\d+) with "
                  r"another line of a reloaded target, (\d+) without annotation, "
                  r"(\d+) wrong", text)
    if not m:
        check(False, "summary", "no 'lineinfo_race: ... lookups' line")
        return 1
    loads, nlines, lookups, good, reused, empty, wrong = map(int, m.groups())
    print(f"race: {it.group(1) if it else '?'} load/unload iterations, "
          f"{loads} loads seen by the module, {lookups} lookups: {good} "
          f"annotated as when loaded, {reused} with another line of the "
          f"target (address reused by the next load), {empty} without "
          f"annotation, {wrong} wrong")
    check(nlines > 0, "the target's lines collected", "none")
    check(loads >= 10, "target loaded and unloaded repeatedly", f"{loads} loads")
    check(wrong == 0, "every answer right or empty", f"{wrong} wrong answers")
    check(good > 0 and empty > 0, "lookups while loaded and while gone",
          f"{good} annotated, {empty} empty")
    # the target's .init.text: looked up while its init ran and after
    # do_free_init() (or the unload) took it
    m = re.search(r"lineinfo_race: init text: (\d+) lookups: (\d+) annotated "
                  r"as when loaded, (\d+) without annotation", text)
    if not m:
        check(False, "init text summary", "no 'lineinfo_race: init text:' line")
        return 1
    ilookups, igood, iempty = map(int, m.groups())
    print(f"race: init text of the target: {ilookups} lookups, {igood} "
          f"annotated, {iempty} without annotation")
    check(igood > 0 and iempty > 0,
          "init text lookups while the init ran and after it was freed",
          f"{igood} annotated, {iempty} empty")
    check.failed |= check_init_race(text)
    return check.failed


if __name__ == "__main__":
    sys.exit(main())
