#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Flat image of an arm64 vmlinux for test/cocci/scs.c.

usage: scs-image.py VMLINUX IMAGE

Writes every allocated section that has contents at its offset from the
lowest such address, so that .eh_frame and the text it describes keep
their distance, and prints the offset and size of the CFI the kernel
patches at boot: from __eh_frame_start to __eh_frame_end (the .eh_frame
section if the symbols are missing).
"""
import struct
import sys

SHT_NOBITS, SHT_SYMTAB, SHF_ALLOC = 8, 2, 2


def main():
    path, out = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        elf = f.read()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        sys.exit(f"scs-image.py: {path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3a)
    secs = []
    for i in range(shnum):
        name, typ, flags, addr, off, size, link = struct.unpack_from(
            "<IIQQQQI", elf, shoff + i * shentsize)
        secs.append((name, typ, flags, addr, off, size, link))
    strtab = secs[shstrndx]

    def secname(s):
        start = strtab[4] + s[0]
        return elf[start:elf.index(b"\0", start)].decode()

    alloc = [s for s in secs if s[2] & SHF_ALLOC and s[1] != SHT_NOBITS and s[5]]
    base = min(s[3] for s in alloc)
    top = max(s[3] + s[5] for s in alloc)
    image = bytearray(top - base)
    for s in alloc:
        image[s[3] - base:s[3] - base + s[5]] = elf[s[4]:s[4] + s[5]]

    syms = {}
    for s in secs:
        if s[1] != SHT_SYMTAB:
            continue
        names = secs[s[6]]
        for off in range(s[4], s[4] + s[5], 24):
            st_name, = struct.unpack_from("<I", elf, off)
            value, = struct.unpack_from("<Q", elf, off + 8)
            start = names[4] + st_name
            n = elf[start:elf.index(b"\0", start)]
            if n in (b"__eh_frame_start", b"__eh_frame_end"):
                syms[n] = value
    if len(syms) == 2:
        eh, size = syms[b"__eh_frame_start"], syms[b"__eh_frame_end"] - syms[b"__eh_frame_start"]
    else:
        ehs = [s for s in alloc if secname(s) == ".eh_frame"]
        if not ehs:
            sys.exit(f"scs-image.py: {path} has no .eh_frame")
        eh, size = ehs[0][3], ehs[0][5]
    if size <= 0:
        sys.exit(f"scs-image.py: {path}: empty .eh_frame")
    with open(out, "wb") as f:
        f.write(image)
    print(eh - base, size)


if __name__ == "__main__":
    main()
