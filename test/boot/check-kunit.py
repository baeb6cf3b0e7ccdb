#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the KUnit results of one suite in the boot test's log.

usage: check-kunit.py LOG [SUITE [CASE...]]

SUITE defaults to lineinfo: the initramfs loads lib/tests/lineinfo_kunit.ko
on the 2-CPU test kernel; KUnit prints its results (KTAP) to the console.
Built as a module, the suite looks its own functions up in the module's
line table, and its all-CPUs case runs lookups concurrently on both CPUs.
Another SUITE (riscv's module-linking test, "riscv_checksum") must pass
and must include each CASE named.

Prints one PASS/FAIL line per test case (parameterised cases count one
per parameter); exits 1 if a case failed, was skipped where it must run,
a required case is missing, or the suite did not run.
"""
import re
import sys

RESULT = re.compile(r"^(?P<ind>\s*)(?P<not>not )?ok \d+ (?P<name>[^#]*?)\s*"
                    r"(?:#\s*(?P<dir>\w+)\s*(?P<why>.*))?$")
SUBTEST = re.compile(r"^(?P<ind>\s*)# Subtest: (?P<name>\S+)")
STAMP = re.compile(r"^\[\s*[\d.]+\] ?")


def main():
    log = sys.argv[1]
    suite = sys.argv[2] if len(sys.argv) > 2 else "lineinfo"
    required = sys.argv[3:]
    with open(log, errors="replace") as f:
        lines = [STAMP.sub("", l.rstrip("\n")) for l in f]
    failed = False

    def check(ok, name, why=""):
        nonlocal failed
        print(("PASS" if ok else "FAIL") + " kunit-boot: " + name +
              ("" if ok else ": " + why))
        if not ok:
            failed = True

    # indentation (in spaces) -> name of the subtest whose results it holds
    parents = {}
    results = []        # (path, ok, directive, reason)
    in_suite = False
    suite_ok = None
    for line in lines:
        m = SUBTEST.match(line)
        if m:
            if m["name"] == suite:
                in_suite = True
                parents = {}
            if in_suite:
                parents[len(m["ind"])] = m["name"]
            continue
        m = RESULT.match(line)
        if not m or not in_suite:
            continue
        ind = len(m["ind"])
        if m["name"] == suite and ind not in parents:
            suite_ok = not m["not"]
            in_suite = False
            continue
        path = [parents[i] for i in sorted(parents) if i <= ind]
        results.append((".".join(path[1:] + [m["name"]]), not m["not"],
                        (m["dir"] or "").upper(), m["why"] or ""))
        # a parameterised case's own line follows its parameters
        for i in [i for i in parents if i > ind]:
            del parents[i]

    check(suite_ok is not None, f"suite {suite} ran (module loaded, KTAP found)",
          "no result line for the suite in " + log)
    if suite_ok is None:
        return 1
    names = [r[0] for r in results]
    leaves = [r for r in results
              if not any(n.startswith(r[0] + ".") for n in names)]
    for name, ok, directive, why in leaves:
        if directive == "SKIP":
            print(f"SKIP kunit-boot: {suite}.{name}: {why}")
            continue
        check(ok, f"{suite}.{name}", "not ok")
    for case in required:
        check(any(r[0] == case and r[1] and r[2] != "SKIP" for r in leaves),
              f"{suite}.{case} ran", "missing or skipped")
    check(suite_ok, f"suite {suite}", "not ok")
    if suite != "lineinfo":
        return 1 if failed else 0

    # the module's own functions must have been looked up, not skipped
    self_cases = [r for r in leaves if r[0].startswith("lineinfo_test_self.")]
    check(len(self_cases) >= 4 and all(r[1] and r[3] == "" and r[2] != "SKIP"
                                       for r in self_cases),
          f"lookups of the test module's own functions ({len(self_cases)} cases)",
          "missing or skipped")
    cpus = re.search(r"# lineinfo_test_all_cpus: (\d+) CPU\(s\)", "\n".join(lines))
    check(cpus is not None and int(cpus.group(1)) >= 2,
          f"concurrent lookups on {cpus.group(1) if cpus else '?'} CPUs",
          "the all-CPUs case ran on fewer than 2 CPUs")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
