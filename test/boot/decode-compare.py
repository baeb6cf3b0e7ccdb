#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compare what decode_stacktrace.sh makes of an annotated boot log with
what it makes of the same log with every annotation removed.

usage: decode-compare.py TREE VMLINUX MODDIR ANNOTATED.out PLAIN.out

(check-decode.sh runs TREE/scripts/decode_stacktrace.sh VMLINUX TREE
MODDIR on both logs first.) The script prints one line for every line of
either log ("Code:" lines expand alike in both), so the outputs are
compared line by line, and every line must be the same but one kind:
a frame the kernel annotated with an inline call-site chain
(CONFIG_KALLSYMS_LINEINFO_INLINE). decode_stacktrace.sh prints that one
as it is,

    foo+0x9/0x10 [mod] (a.h:3 b.c:12)

and decodes the same frame of the plain log with addr2line -i into

    foo (a.h:3 b.c:12) mod

Both chains must be the same, level by level, once addr2line's
discriminators are dropped, the module's directory MODDIR is taken off
its file names (decode_stacktrace.sh takes TREE off the others), and a
level without a file or line is "??:0" on both sides (as in
check-lines.py).

In some frames the two look up different addresses. The kernel looks up
pc - 1, the call, except at an exception PC, which it looks up as it is:
an arm64 frame marked "(P)", the first riscv frame after a register dump
and the one after the exception entry code (the rules of
check-lines.py). decode_stacktrace.sh looks up pc - 1 unless the offset
is 0, and pc with -R; older ones, without -R, always pc. So:
  - a frame at an exception PC is decoded again with -R, where there is
    one, and compared with that;
  - a return address at offset 0 (its call is in the function before)
    has no decoding to compare with: counted, not compared;
  - a frame whose chains differ while several functions of its object
    have its name is counted, not failed: decode_stacktrace.sh takes
    the first that nm lists.

Prints PASS/FAIL lines; exits 1 on any difference.
"""
import fnmatch
import os
import re
import subprocess
import sys

LOC = r"[^ ()]+:[0-9]+"
CHAIN = re.compile(rf"^(?P<head>.*\S) \((?P<locs>{LOC}(?: {LOC})+)\)$")
HEAD = re.compile(r"^(?P<pre>.*?)(?P<func>[^ ]+)\+(?P<off>0x[0-9a-f]+)/0x[0-9a-f]+"
                  r"(?: \[(?P<mod>[^] ]+)(?: [0-9a-f]+)?\])?"
                  r"(?P<info>(?: \([A-Z]*\))?)$")
ADDRESS = re.compile(r"\[<[0-9a-f]+>\]")
DISCRIMINATOR = re.compile(r" \(discriminator [0-9]+\)")
# riscv __show_regs(): the last line of the register dump
RISCV_REGS_END = re.compile(r"status: [0-9a-f]+ badaddr: [0-9a-f]+ cause: ")
RISCV_EXCEPTION_ENTRY = ("handle_exception", "ret_from_exception")


def norm(text):
    return " ".join(text.split())


def level(loc, prefixes):
    """'path:line' without MODDIR; '??:0' where either is unknown."""
    for p in prefixes:
        if loc.startswith(p):
            loc = loc[len(p):]
            break
    path, _, line = loc.rpartition(":")
    if not path or path == "??" or not line.isdigit() or line == "0":
        return "??:0"
    return f"{path}:{line}"


def func_of(line):
    """The function a log or decoded line names first, or None."""
    words = [w for w in line.split() if not ADDRESS.fullmatch(w) and w != "?"]
    return words[0].split("+")[0] if words else None


class Decoder:
    def __init__(self, tree, vmlinux, moddir):
        self.script = os.path.join(tree, "scripts", "decode_stacktrace.sh")
        self.args = [vmlinux, tree, moddir]
        self.vmlinux, self.moddir = vmlinux, moddir
        text = open(self.script, errors="replace").read()
        # the -R option came with the pc - 1 rule
        self.has_r = "decode_retaddr" in text
        self.nm_cache = {}
        if os.environ.get("LLVM"):
            llvm = os.environ["LLVM"]
            self.nm = (llvm + "llvm-nm" if llvm.endswith("/") else
                       "llvm-nm" + (llvm if llvm.startswith("-") else ""))
        else:
            self.nm = os.environ.get("CROSS_COMPILE", "") + "nm"

    def decode_retaddr(self, lines):
        """decode_stacktrace.sh -R on LINES: one output line each."""
        out = subprocess.run([self.script, "-R"] + self.args,
                             input="".join(l + "\n" for l in lines),
                             capture_output=True, text=True).stdout
        return out.split("\n")[:len(lines)]

    def obj(self, mod):
        if not mod:
            return self.vmlinux
        pat = mod.replace("_", "[-_]") + ".ko*"
        for root, _, files in os.walk(self.moddir):
            for f in sorted(files):
                if fnmatch.fnmatchcase(f, pat):
                    return os.path.join(root, f)
        return None

    def namesakes(self, func, mod):
        """How many text symbols of the frame's object are named func."""
        path = self.obj(mod)
        if path is None:
            return 0
        if path not in self.nm_cache:
            out = subprocess.run([self.nm, path], capture_output=True,
                                 text=True).stdout
            names = {}
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[1] in ("t", "T"):
                    names[parts[2]] = names.get(parts[2], 0) + 1
            self.nm_cache[path] = names
        return self.nm_cache[path].get(func, 0)


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    tree, vmlinux, moddir, ann_path, plain_path = sys.argv[1:]
    dec = Decoder(tree, vmlinux, moddir)
    prefixes = sorted({d.rstrip("/") + "/" for d in
                       (moddir, os.path.realpath(moddir))}, key=len,
                      reverse=True)
    ann = open(ann_path, errors="replace").read().split("\n")
    plain = open(plain_path, errors="replace").read().split("\n")
    if len(ann) != len(plain):
        print(f"FAIL decode: {len(ann)} lines decoded from the annotated log, "
              f"{len(plain)} from the plain one")
        return 1

    same = 0
    compared = []        # (annotated line, the plain frame's decoding)
    again = []           # exception PCs: (annotated line, plain input line)
    uncompared = {}      # reason -> count
    differ = []          # lines that differ and are no chain frame
    for i, (a, p) in enumerate(zip(ann, plain)):
        if a == p:
            same += 1
            continue
        m = CHAIN.match(a.strip())
        h = m and HEAD.match(m.group("head"))
        if not h:
            differ.append((a, p))
            continue
        prev = ann[i - 1] if i else ""
        exact = ("(P)" in h.group("info") or
                 RISCV_REGS_END.search(prev) is not None or
                 func_of(prev) in RISCV_EXCEPTION_ENTRY)
        off = int(h.group("off"), 16)
        kernel_pc = exact                          # else pc - 1
        decode_pc = not dec.has_r or off == 0      # else pc - 1
        if kernel_pc == decode_pc:
            compared.append((a, p))
        elif exact and dec.has_r:
            again.append((a, m.group("head")))
        elif exact:
            r = "at an exception PC (this decode_stacktrace.sh has no -R)"
            uncompared[r] = uncompared.get(r, 0) + 1
        elif not dec.has_r:
            r = ("a return address (this decode_stacktrace.sh looks up the "
                 "address itself, not the call before it)")
            uncompared[r] = uncompared.get(r, 0) + 1
        else:
            r = ("a return address at offset 0 (its call is in the function "
                 "before; decode_stacktrace.sh looks up the symbol itself)")
            uncompared[r] = uncompared.get(r, 0) + 1
    if again:
        out = dec.decode_retaddr([h for _, h in again])
        compared += [(a, o) for (a, _), o in zip(again, out)]

    failed = 0
    for a, p in differ[:5]:
        print(f"    annotated: {a}\n    plain:     {p}")
    if differ:
        failed = 1
        print(f"FAIL decode: {len(differ)} lines decoded differently from the "
              f"annotated and the plain log, and not frames with an inline chain")

    bad = []
    for a, p in compared:
        m = CHAIN.match(a.strip())
        h = HEAD.match(m.group("head"))
        pre = norm(ADDRESS.sub("", h.group("pre")))
        start = norm(f"{pre} {h.group('func')} (")
        end = ")" + (" " + h.group("mod") if h.group("mod") else "") + h.group("info")
        got = norm(DISCRIMINATOR.sub("", p))
        want = [level(loc, []) for loc in m.group("locs").split()]
        if got.startswith(start) and got.endswith(end):
            code = got[len(start):len(got) - len(end)]
            if [level(loc, prefixes) for loc in code.split()] == want:
                continue
        n = dec.namesakes(h.group("func"), h.group("mod"))
        if n > 1:
            r = (f"named like {n - 1} other function(s) of its object "
                 f"(decode_stacktrace.sh takes the first nm lists)")
            uncompared[r] = uncompared.get(r, 0) + 1
            continue
        bad.append((a, p))
    for a, p in bad[:5]:
        print(f"    kernel:              {a.strip()}\n"
              f"    decode_stacktrace.sh: {p.strip()}")
    if bad:
        failed = 1
        print(f"FAIL decode: {len(bad)} frames with an inline chain: the kernel's "
              f"chain is not the one decode_stacktrace.sh finds for the plain frame")

    for r, n in sorted(uncompared.items()):
        print(f"decode: {n} frames with an inline chain not compared: {r}")
    if not failed:
        ok = len(compared) - len(bad)
        print(f"PASS decode: decode_stacktrace.sh decodes the annotated log like "
              f"the plain one ({same} lines the same; {ok} frames with an inline "
              f"chain printed as is, each chain the one it finds for the plain "
              f"frame{f', {len(again)} at an exception PC, with -R' if again else ''})")
    return failed


if __name__ == "__main__":
    sys.exit(main())
