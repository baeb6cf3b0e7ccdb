#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check every source line annotation of a boot log against addr2line.

usage: check-lines.py [--inline] LOG VMLINUX SRCTREE [MODULE.ko ...]

For every stack trace frame "func+off/size [mod] (file:line)" the kernel
printed, the address it looked up is given to binutils' addr2line for the
architecture (${CROSS_COMPILE}addr2line -i) on the same vmlinux or .ko, and
its innermost answer must equal the annotation. With --inline
(CONFIG_KALLSYMS_LINEINFO_INLINE), the annotation must be addr2line -i's
whole answer instead, "file:line file:line ...", innermost first: every
level, file and line, discriminators dropped. Frames without an
annotation are sorted into classes, and frames whose address addr2line
places in a C file count as misses.

The address looked up is that of the call, symbol + off - 1 (like %pB),
except where the frame's PC is where an exception was taken, which is
looked up as it is:
  - arm64: frames the unwinder marks with source P ("(P)");
  - riscv (BOOT_ARCH=riscv): the first frame after a register dump, and
    the frame after the exception entry code (handle_exception).
These rules are derived here from the log, independently of the kernel.

Frame lines may start with "[<address>] " (riscv) and carry the
unwinder's "(C)"-style marker (arm64) before the annotation.

Prints PASS/FAIL lines and a summary; exits 1 on any mismatch or when
fewer than MIN_COVERAGE of the frames in C code are annotated.
"""
import collections
import os
import re
import subprocess
import sys

from bootlog import unreplay

MIN_COVERAGE = 0.95

FRAME = re.compile(
    r"^(?:\[\s*[\d.]+\]\s*)?\s*(?:\[<[0-9a-f]+>\] )?(?:\? )?"
    r"(?P<func>[\w.$]+)\+(?P<off>0x[0-9a-f]+)/(?P<size>0x[0-9a-f]+)"
    r"(?: \[(?P<mod>\w+)\])?(?: \((?P<marker>[A-Z]+)\))?"
    r"(?: \((?P<src>[^)]+:\d+)\))?\s*$")
# riscv __show_regs(): the last line of the register dump
RISCV_REGS_END = re.compile(r"status: [0-9a-f]+ badaddr: [0-9a-f]+ cause: ")
# riscv: symbols in [handle_exception, ret_from_exception_end), after
# which walk_stackframe() continues at the PC the exception interrupted
RISCV_EXCEPTION_ENTRY = ("handle_exception", "ret_from_exception")
ARCH = os.environ.get("BOOT_ARCH", "x86_64")
ADDR2LINE = os.environ.get("CROSS_COMPILE", "") + "addr2line"



def symbols(path):
    """name -> list of (value, size, section) of code symbols (readelf)."""
    run = lambda *a: subprocess.run(["readelf", "-W", *a, path],
                                    capture_output=True, text=True,
                                    check=True).stdout
    secs = {}
    for m in re.finditer(r"^\s*\[\s*(\d+)\]\s+(\S+)", run("-S"), re.M):
        secs[m.group(1)] = m.group(2)
    syms = collections.defaultdict(list)
    for line in run("-s").splitlines():
        parts = line.split()
        # Num: Value Size Type Bind Vis Ndx Name
        # FUNC symbols, and NOTYPE labels of assembly code in text
        if (len(parts) == 8 and parts[6].isdigit() and
                (parts[3] == "FUNC" or (parts[3] == "NOTYPE" and
                                        "text" in secs.get(parts[6], "")))):
            syms[parts[7]].append((int(parts[1], 16), int(parts[2], 0),
                                   secs.get(parts[6], "?")))
    return syms


class Object:
    def __init__(self, path, relative):
        self.path = path
        self.relative = relative  # ET_REL: addresses are section offsets
        self.syms = symbols(path)
        self.queries = {}

    def address(self, func, off, size, at_pc):
        """(section or None, address looked up) or None if ambiguous."""
        cands = self.syms.get(func, [])
        exact = [s for s in cands if s[1] == size]
        pick = None
        if exact and len({(s[0], s[2]) for s in exact}) == 1:
            pick = exact[0]
        elif len(cands) == 1:
            pick = cands[0]
        if pick is None:
            return None
        return (pick[2] if self.relative else None,
                pick[0] + off - (0 if at_pc else 1))

    def candidates(self, func, off, size, at_pc):
        """Every address func+off may be when func names several symbols
        (static functions of the same name) of the printed size."""
        cands = [s for s in self.syms.get(func, []) if s[1] == size]
        return [(s[2] if self.relative else None,
                 s[0] + off - (0 if at_pc else 1)) for s in cands]

    def resolve(self, addrs):
        todo = sorted({a for a in addrs if a not in self.queries},
                      key=lambda a: (a[0] or "", a[1]))
        for sec in sorted({a[0] for a in todo}, key=lambda s: s or ""):
            batch = [a for a in todo if a[0] == sec]
            cmd = [ADDR2LINE, "-a", "-i", "-e", self.path]
            if sec:
                cmd += ["-j", sec]
            out = subprocess.run(cmd + [hex(a[1]) for a in batch],
                                 capture_output=True, text=True,
                                 check=True).stdout.splitlines()
            # -a: each answer starts with the address, then its levels
            groups = []
            for line in out:
                if re.match(r"^0x[0-9a-f]+$", line.strip()):
                    groups.append([])
                elif groups:
                    groups[-1].append(line.strip())
            if len(groups) != len(batch):
                sys.exit(f"{ADDR2LINE}: {len(groups)} answers for "
                         f"{len(batch)} addresses")
            for a, levels in zip(batch, groups):
                self.queries[a] = levels or ["??:0"]


def normalize(loc, srctree, moddir=None):
    """addr2line's 'path:line (discriminator n)' -> 'relpath:line' or None.

    Paths are made relative to the source tree, or for an external module
    to its directory (as gen_lineinfo does)."""
    loc = re.sub(r" \(discriminator \d+\)$", "", loc)
    path, _, line = loc.rpartition(":")
    if not path or path == "??" or not line.isdigit() or line == "0":
        return None
    path = os.path.normpath(path)
    if os.path.isabs(path):
        real = os.path.realpath(path)
        root = os.path.realpath(srctree)
        if real.startswith(root + os.sep):
            path = os.path.relpath(real, root)
        elif moddir and real.startswith(os.path.realpath(moddir) + os.sep):
            path = os.path.relpath(real, os.path.realpath(moddir))
    return f"{path}:{line}"


def truth_of(levels, srctree, moddir):
    """The expected annotation: the innermost level, or with --inline
    every level; None if addr2line has no line for the address."""
    locs = [normalize(loc, srctree, moddir) for loc in levels]
    if locs[0] is None:
        return None
    if not INLINE:
        return locs[0]
    return " ".join(loc or "??:0" for loc in locs)


INLINE = False


def main():
    global INLINE
    args = sys.argv[1:]
    if args[:1] == ["--inline"]:
        INLINE = True
        args = args[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    log, vmlinux, srctree = args[:3]
    objs = {None: Object(vmlinux, False)}
    for ko in args[3:]:
        objs[os.path.basename(ko)[:-3].replace("-", "_")] = Object(ko, True)

    frames = []
    freed = False   # vmlinux's init text (and its line table) freed
    prev = ""       # the previous line of the log
    prev_func = None  # the function of the previous line if it is a frame
    skip = False
    for text in unreplay([t.rstrip("\r\n") for t in open(log, errors="replace")]):
        # copies of the module with damaged tables: check-corrupt.py's
        # (the undamaged copy, with its regenerated tables, is checked)
        mark = re.search(r"init: corrupt (\S+)", text)
        if mark:
            skip = mark.group(1) not in ("intact", "tables")
        if skip:
            continue
        if "Freeing unused kernel image (initmem) memory" in text:
            freed = True
        m = FRAME.match(text)
        if m:
            f = m.groupdict()
            if ARCH == "arm64":
                exact = "P" in (f["marker"] or "")
            elif ARCH == "riscv":
                exact = (prev_func in RISCV_EXCEPTION_ENTRY or
                         (prev_func is None and
                          RISCV_REGS_END.search(prev) is not None))
            else:
                exact = False
            frames.append(dict(f, freed=freed, exact=exact))
        prev, prev_func = text, (m.group("func") if m else None)
    print(f"lines: {ADDR2LINE}; {sum(f['exact'] for f in frames)} frames "
          f"at an exception PC, looked up as they are")

    for f in frames:
        obj = objs.get(f["mod"])
        f["obj"] = obj
        f["addr"] = obj.address(f["func"], int(f["off"], 16),
                                int(f["size"], 16), f["exact"]) if obj else None
        f["cands"] = (obj.candidates(f["func"], int(f["off"], 16),
                                     int(f["size"], 16), f["exact"])
                      if obj and f["addr"] is None else [])
    for obj in objs.values():
        obj.resolve([f["addr"] for f in frames
                     if f["obj"] is obj and f["addr"] is not None] +
                    [a for f in frames if f["obj"] is obj for a in f["cands"]])

    failed = 0
    stats = collections.Counter()
    classes = collections.Counter()
    for f in frames:
        where = f"{f['func']}+{f['off']}" + (f" [{f['mod']}]" if f["mod"] else "")
        if f["obj"] is None:
            truth = None
            cls = f"module {f['mod']} not given to the checker"
        elif f["addr"] is None and len(f["cands"]) > 1 and f["src"]:
            # the kernel knew which one; the annotation must be the
            # answer for one of them
            answers = {truth_of(f["obj"].queries.get(a, ["??:0"]), srctree,
                                os.path.dirname(f["obj"].path)
                                if f["obj"].relative else None)
                       for a in f["cands"]}
            truth = f["src"] if f["src"] in answers else sorted(
                str(a) for a in answers)
            stats["ambiguous"] += 1
            cls = None
        elif f["addr"] is None:
            truth = None
            cls = ("symbol not unique in the object"
                   if f["obj"].syms.get(f["func"]) else
                   "no FUNC symbol (assembly entry code)")
        else:
            truth = truth_of(f["obj"].queries.get(f["addr"], ["??:0"]),
                             srctree, os.path.dirname(f["obj"].path)
                             if f["obj"].relative else None)
            cls = None
        in_c = isinstance(truth, str) and re.search(r"\.[ch]:\d+$", truth)
        # a return address into vmlinux init text printed after that text
        # was freed: its table went with it, by design
        if (in_c and not f["src"] and f["freed"] and f["mod"] is None and
                {s[2] for s in f["obj"].syms.get(f["func"], [])} ==
                {".init.text"}):
            classes["in init text freed at boot (its table with it)"] += 1
            continue
        if in_c:
            stats["c_frames"] += 1
        if f["src"]:
            stats["annotated"] += 1
            if truth == f["src"]:
                stats["match"] += 1
                depth = f["src"].count(" ")
                if depth:
                    stats["chains"] += 1
                    stats["sites"] += depth
            else:
                failed = 1
                print(f"FAIL lines {where}: kernel says {f['src']}, "
                      f"addr2line says {truth}")
            if in_c:
                stats["c_annotated"] += 1
        else:
            if cls is None:
                cls = ("in C code: MISSED" if in_c else
                       "no DWARF line for the address (assembly or no debug info)")
            classes[cls] += 1

    if stats["ambiguous"]:
        print(f"lines: {stats['ambiguous']} frames name a symbol that several "
              f"functions have: checked against each of them")
    print(f"lines: {len(frames)} frames, {stats['annotated']} annotated, "
          f"{stats['match']} match addr2line; {stats['c_frames']} frames in C "
          f"code, {stats['c_annotated']} of them annotated")
    for cls, n in classes.most_common():
        print(f"lines: not annotated: {n:4d}  {cls}")

    if not frames:
        print("FAIL lines: no stack trace frames in the log")
        return 1
    if stats["annotated"] == 0:
        print("FAIL lines: no frame is annotated")
        return 1
    if stats["match"] == stats["annotated"]:
        print(f"PASS lines: all {stats['annotated']} annotations match addr2line")
    if INLINE and stats["chains"]:
        print(f"PASS lines: {stats['chains']} frames in inlined code carry "
              f"the whole addr2line -i chain ({stats['sites']} call sites)")
    elif INLINE:
        failed = 1
        print("FAIL lines: no frame shows an inline call-site chain")
    cov = stats["c_annotated"] / stats["c_frames"] if stats["c_frames"] else 0
    if cov >= MIN_COVERAGE:
        print(f"PASS lines: {cov:.1%} of frames in C code annotated "
              f"(goal {MIN_COVERAGE:.0%})")
    else:
        failed = 1
        print(f"FAIL lines: only {cov:.1%} of frames in C code annotated "
              f"(goal {MIN_COVERAGE:.0%})")
    mods = {f["mod"] for f in frames if f["src"] and f["mod"]}
    for mod in sorted(m for m in objs if m):
        if mod in mods:
            print(f"PASS lines: module {mod} frames annotated")
        else:
            failed = 1
            print(f"FAIL lines: no annotated frame in module {mod}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
