#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Give libdw 0.188 a .debug_aranges it can read.

usage: libdw-aranges.py OBJCOPY IN OUT

The reference of the lineinfo checks is libdw's address lookup, which
goes through .debug_aranges. In a riscv vmlinux, a range of code that
the linker discarded is written as a (0, 0) pair in the middle of its
compilation unit's table: address and length are both relocations
(R_RISCV_64, and ADD64/SUB64 for the length), and both resolve to 0.
elfutils 0.188 (Debian 12) takes the first (0, 0) pair for the end of
the table and then fails the whole section as "invalid DWARF", so it
answers no address at all. DWARF says that only the last pair ends a
table.

OUT is IN with those pairs removed and each table's length adjusted;
nothing else changes, the tables are made from IN. Writes OUT = IN (a
copy) when no table has such a pair. Prints how many pairs it dropped.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    objcopy, src, dst = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "aranges")
        r = subprocess.run([objcopy, "--dump-section", f".debug_aranges={raw}",
                            src, os.path.join(tmp, "scratch")],
                           capture_output=True, text=True)
        if r.returncode or not os.path.exists(raw):
            shutil.copyfile(src, dst)
            print(f"{os.path.basename(src)}: no .debug_aranges, copied")
            return 0
        data = open(raw, "rb").read()
        out = bytearray()
        pos = dropped = 0
        endian = "<" if open(src, "rb").read(6)[5] == 1 else ">"
        while pos + 4 <= len(data):
            (length,) = struct.unpack_from(endian + "I", data, pos)
            if length >= 0xfffffff0:
                sys.exit(f"{src}: 64-bit DWARF aranges not handled")
            end = pos + 4 + length
            if end > len(data):
                sys.exit(f"{src}: .debug_aranges table at {pos:#x} runs past the section")
            asz = data[pos + 10]
            # header: length, version, CU offset, address and segment sizes,
            # then padding to a multiple of twice the address size
            first = pos + 12
            first += -(first - pos) % (2 * asz)
            fmt = endian + ("II" if asz == 4 else "QQ")
            pairs = [struct.unpack_from(fmt, data, q)
                     for q in range(first, end - 2 * asz + 1, 2 * asz)]
            # keep every pair up to the last non-zero one, then one terminator
            last = max((i for i, p in enumerate(pairs) if p != (0, 0)), default=-1)
            keep = [p for p in pairs[:last + 1] if p != (0, 0)]
            dropped += sum(1 for p in pairs[:last + 1] if p == (0, 0))
            body = data[pos + 4:first] + b"".join(struct.pack(fmt, *p) for p in keep + [(0, 0)])
            out += struct.pack(endian + "I", len(body)) + body
            pos = end
        if not dropped:
            shutil.copyfile(src, dst)
        else:
            new = os.path.join(tmp, "aranges.new")
            open(new, "wb").write(out)
            subprocess.run([objcopy, "--update-section", f".debug_aranges={new}", src, dst],
                           check=True)
        print(f"{os.path.basename(src)}: {dropped} (0, 0) pairs inside .debug_aranges tables "
              f"dropped for libdw")
    return 0


if __name__ == "__main__":
    sys.exit(main())
