#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the serial log of the boot test.

Parses every stack trace in the log and checks that the traces the test
asked for are there, with the expected call chain of the test module.
Prints one PASS/FAIL line per check; exits 1 if any check failed.
"""
import re
import sys

from bootlog import unreplay

# x86: " func+0x1/0x2 [mod] (file:line)"; arm64 adds the unwinder's
# marker, " func+0x1/0x2 [mod] (P) (file:line)"; riscv starts with the
# address, "[<ffffffff80001234>] func+0x1/0x2 [mod] (file:line)".
FRAME = re.compile(
    r"^\s*(?:\[<[0-9a-f]+>\] )?(?P<unrel>\? )?"
    r"(?:(?P<func>[\w.$]+)\+(?P<off>0x[0-9a-f]+)/(?P<size>0x[0-9a-f]+)"
    r"(?: \[(?P<mod>\w+)\])?(?: \((?P<marker>[A-Z]+)\))?"
    r"(?: \((?P<src>[^)]+)\))?"
    r"|(?P<addr>0x[0-9a-f]+))\s*$")



def traces(lines):
    """Yield (index of the line before, [frame dicts]) for every trace.

    A trace is a run of frame lines (x86's <IRQ>-style separators
    included). It follows "Call Trace:" (x86, riscv's show_stack()),
    "Call trace:" (arm64) or, for riscv's show_regs(), the register dump."""
    i = 0
    while i < len(lines):
        frames = []
        start = i - 1
        while i < len(lines):
            text = re.sub(r"^\[\s*[\d.]+\]\s*", "", lines[i])
            m = FRAME.match(text)
            if m:
                frames.append(m.groupdict())
            elif not (frames and re.search(r"<(/?)(TASK|IRQ|NMI|EOI)>\s*$", text)):
                break
            i += 1
        if frames:
            yield start, frames
        else:
            i += 1


def main():
    whole = unreplay(open(sys.argv[1], errors="replace").read().splitlines())
    # the copies with damaged tables and the race are checked elsewhere
    log = whole
    for i, line in enumerate(whole):
        if "init: corrupt tables start" in line or "init: race start" in line:
            log = whole[:i]
            break
    failed = 0

    def check(ok, name, why=""):
        nonlocal failed
        if ok:
            print(f"PASS boot {name}")
        else:
            failed = 1
            print(f"FAIL boot {name}: {why}")

    text = "\n".join(log)
    check("init: boot test start" in text, "init ran", "no 'init: boot test start'")
    check("trace_test: loaded" in text, "module loaded", "no 'trace_test: loaded'")
    check(any("init: boot test done" in line for line in whole), "init finished",
          "no 'init: boot test done'")

    all_traces = list(traces(log))
    check(len(all_traces) >= 3, "traces found",
          f"{len(all_traces)} traces, want >= 3 (dump_stack, WARN, sysrq-l)")

    # dump_stack() is called in level3 (through an inlined function); the
    # WARN's trace starts in level2, level3 being the RIP of its report.
    chain = ["trace_test_level2", "trace_test_level1",
             "trace_test_init", "do_one_initcall"]
    mod_traces = []
    for start, frames in all_traces:
        names = [f["func"] for f in frames if f["func"] and not f["unrel"]]
        if "trace_test_level2" in names:
            mod_traces.append((start, frames, names))
    check(len(mod_traces) >= 2, "module traces (dump_stack + WARN)",
          f"{len(mod_traces)} traces through trace_test_level2")
    check(any(n[:n.index("trace_test_level2")].count("trace_test_level3")
              for _, _, n in mod_traces),
          "dump_stack trace starts in trace_test_level3",
          "no trace with trace_test_level3 above trace_test_level2")
    for n, (start, frames, names) in enumerate(mod_traces):
        pos = [names.index(c) if c in names else -1 for c in chain]
        ok = all(p >= 0 for p in pos) and pos == sorted(pos)
        check(ok, f"module trace {n} call chain",
              f"frames {names} do not contain {chain} in order")
        mods = {f["func"]: f["mod"] for f in frames}
        ok = all(mods.get(c) == "trace_test" for c in chain[:3])
        check(ok, f"module trace {n} frames tagged [trace_test]",
              f"module tags {[(c, mods.get(c)) for c in chain[:3]]}")
    check("WARNING:" in text and "trace_test: warning from trace_test_level3" in text,
          "WARN printed", "no WARNING from trace_test_level3")
    check(re.search(r"sysrq: Show backtrace of all active CPUs", text) is not None,
          "sysrq-l triggered", "no 'Show backtrace of all active CPUs'")
    check(re.search(r"NMI backtrace for cpu \d", text) is not None,
          "sysrq-l backtrace", "no 'NMI backtrace for cpu N'")
    return failed


if __name__ == "__main__":
    sys.exit(main())
