#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Drop the checkpatch findings a patch cannot avoid, keep all others.

usage: checkpatch-filter.py TREE BASE_REV WORKDIR [PATCH] < findings > kept

Input: the output of `checkpatch.pl --strict --show-types` on one patch.
A finding is dropped, with a note on stderr, only when

- it is CamelCase on a name that the base version of the same file
  already contains (a converted line must keep naming arc's Nowhere), or
  that a system header included by a host program declares (libdw's
  Dwfl_Module);
- it is in a file that exists in the base tree, and `checkpatch -f`
  finds no more findings of that type in the changed file than in the
  base file (a changed line keeps a pattern the file already had, such
  as printk() with a run-time log level in the x86 stack dumper);
- the patch (PATCH, optional) removes a call of a helper from the same
  file and the finding's type is one that checkpatch reports on that
  helper's own definition in the base tree (riscv's stack dumper
  replaces print_ip_sym() by the same printk() plus the annotation, so
  it inherits that helper's %px and run-time log level).

Everything else is printed and counts.
"""
import glob
import os
import re
import subprocess
import sys

tree, base, work = sys.argv[1:4]
patch = sys.argv[4] if len(sys.argv) > 4 else None
sysdirs = ["/usr/include"] + glob.glob("/usr/include/*-linux-gnu")
cache = {}


def base_text(path):
    r = subprocess.run(["git", "-C", tree, "show", f"{base}:{path}"],
                       capture_output=True, text=True, errors="replace")
    return r.stdout if r.returncode == 0 else None


def sys_headers(path):
    text = ""
    try:
        src = open(os.path.join(tree, path), errors="replace").read()
    except OSError:
        return text
    for inc in re.findall(r"^#\s*include\s*<([^>]+)>", src, re.M):
        for d in sysdirs:
            if os.path.isfile(os.path.join(d, inc)):
                text += open(os.path.join(d, inc), errors="replace").read()
                break
    return text


def type_counts(path, text):
    """Finding types of checkpatch -f on a copy of text named like path."""
    dst = os.path.join(work, "cpf", path)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w") as f:
        f.write(text)
    r = subprocess.run(["perl", os.path.join(tree, "scripts/checkpatch.pl"),
                        "--strict", "--show-types", "--no-summary", "--quiet",
                        "--no-tree", "-f", dst],
                       capture_output=True, text=True, errors="replace")
    counts = {}
    for t in re.findall(r"^(?:ERROR|WARNING|CHECK):(\w+):", r.stdout, re.M):
        counts[t] = counts.get(t, 0) + 1
    return counts


def preexisting_type(path, ftype):
    if path not in cache:
        old = base_text(path)
        if old is None:
            cache[path] = None
        else:
            new = open(os.path.join(tree, path), errors="replace").read()
            cache[path] = (type_counts(path, old), type_counts(path, new))
    if cache[path] is None:
        return None
    old, new = cache[path]
    return (old.get(ftype, 0), new.get(ftype, 0))


def removed_helpers(path):
    """{helper: finding types of its base definition} for the calls the
    patch removes from path."""
    if not patch:
        return {}
    cur, calls = None, set()
    for line in open(patch, errors="replace"):
        if line.startswith("+++ "):
            cur = line[6:].strip() if line.startswith("+++ b/") else None
        elif cur == path and line.startswith("-") and not line.startswith("---"):
            calls |= set(re.findall(r"\b(\w+)\(", line))
    helpers = {}
    for h in sorted(calls):
        r = subprocess.run(["git", "-C", tree, "grep", "-n", "-E",
                            rf"^static inline \w+ {h}\(", base, "--",
                            "include/"], capture_output=True, text=True)
        for hit in r.stdout.splitlines()[:1]:
            _, hpath, num = hit.split(":", 3)[:3]
            body = base_text(hpath).splitlines()[int(num) - 1:]
            end = next((i for i, ln in enumerate(body) if ln == "}"), 0)
            helpers[h] = (hpath, type_counts(f"helper/{h}.c",
                                             "\n".join(body[:end + 1]) + "\n"))
    return helpers


helper_cache = {}
text = sys.stdin.read()
for block in re.split(r"\n\s*\n", text):
    if not block.strip():
        continue
    m = re.match(r"(ERROR|WARNING|CHECK):(\w+): (.*)", block)
    f = re.search(r"FILE: (\S+?):\d+:", block)
    if m and f:
        ftype, msg, path = m.group(2), m.group(3), f.group(1)
        if ftype == "CAMELCASE":
            w = re.search(r"<(\w+)>", msg).group(1)
            old = base_text(path)
            if old is not None and re.search(rf"\b{re.escape(w)}\b", old):
                print(f"pre-existing identifier <{w}> in {path}", file=sys.stderr)
                continue
            if (re.match(r"(scripts|tools)/", path) and
                    re.search(rf"\b{re.escape(w)}\b", sys_headers(path))):
                print(f"system library identifier <{w}> in {path}", file=sys.stderr)
                continue
        if path not in helper_cache:
            helper_cache[path] = removed_helpers(path)
        inherited = [(h, hp) for h, (hp, t) in helper_cache[path].items()
                     if ftype in t]
        if inherited:
            h, hp = inherited[0]
            print(f"inherited {ftype} in {path}: from {h}() ({hp}), whose "
                  f"call the patch replaces", file=sys.stderr)
            continue
        counts = preexisting_type(path, ftype)
        if counts and counts[1] <= counts[0]:
            print(f"pre-existing {ftype} in {path} (base file {counts[0]}, "
                  f"changed file {counts[1]})", file=sys.stderr)
            continue
    print(block + "\n")
