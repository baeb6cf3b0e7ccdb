#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the serial log of a clang-built boot (make boot-llvm).

usage: check-llvm.py LOG ARCH

The kernel must reach the end of /init with every module loaded and no
oops, BUG or panic (the test module's WARN is expected). On arm64, the
shadow call stack check module must find the PAC instructions patched
into shadow call stack pushes, in vmlinux (done at boot) and in itself
(done at module load), by the converted arch/arm64/kernel/pi/patch-scs.c.
Prints PASS/FAIL lines; exits 1 on a failure.
"""
import re
import sys

from bootlog import unreplay

BAD = re.compile(r"Oops|Internal error|Kernel panic|BUG:|Unable to handle kernel|"
                 r"dynamic SCS patching|init: loading .* failed")


def main():
    log, arch = sys.argv[1], sys.argv[2]
    with open(log, errors="replace") as f:
        lines = unreplay([re.sub(r"^\[\s*[\d.]+\] ?", "", l.rstrip("\n")) for l in f])
    failed = False

    def check(ok, name, why):
        nonlocal failed
        print(("PASS" if ok else "FAIL") + f" boot {arch} llvm: {name}" + ("" if ok else ": " + why))
        failed |= not ok

    bad = [l for l in lines if BAD.search(l)]
    check(not bad, "no oops, BUG, panic or failed module load", bad[0] if bad else "")
    check(any("init: boot test done" in l for l in lines), "/init ran to its end",
          "no 'init: boot test done' in " + log)
    check(any(l.startswith("trace_test: loaded") for l in lines), "the test module ran",
          "no 'trace_test: loaded'")
    if arch == "arm64":
        scs = [l for l in lines if l.startswith("scs_check: ")]
        check(scs == ["scs_check: _printk patched, kfree patched, module patched"],
              "PACIASP patched into shadow call stack pushes at boot and at module load",
              scs[0] if scs else "no scs_check line")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
