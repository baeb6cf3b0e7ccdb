#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write corrupted copies of a module, one per class of line table damage.

usage: corrupt-lineinfo.py GEN_LINEINFO WHY MODULE.ko OUTDIR [OTHER.ko]

(OBJCOPY in the environment: the objcopy for the module's architecture.)

Only the contents of .mod_lineinfo (and, for one class,
.init.mod_lineinfo) change, with objcopy --update-section, so every copy
still loads. The tables are first regenerated from the module's DWARF
with small blocks (gen_lineinfo --block 4 --segment 2, and the inline call
site section with --inline --inline-block 1), so that the table has
several blocks, segment records, a page index and inline blocks to damage;
OUTDIR/intact.ko has those tables undamaged and must load with its
frames annotated.

Each class below damages what it names and expects the reason that
lineinfo_validate_why() must give; WHY (test/lineinfo/why.c: the same
lookup code, built for the host with ASan) must agree, or this tool
fails. OUTDIR/classes lists "class<TAB>section<TAB>reason" for the boot
checker.

The loader classes (loader_classes()) keep a valid table and damage what
only the loader can judge, so the host check does not apply to them:

  writable-section   .mod_lineinfo gets SHF_WRITE (it would be placed in
                     the module's writable data);
  relocated-header   a new .rela.mod_lineinfo rewrites a header field
                     when the module is relocated, after the loader of
                     old checked the table;
  text-end-beyond    .mod_lineinfo is the valid table of OTHER.ko, whose
                     text is longer than MODULE's .text (only with
                     OTHER.ko);
  init-text-end-beyond  .init.mod_lineinfo is MODULE's .text table, which
                     describes more than its .init.text.
"""
import os
import shutil
import struct
import subprocess
import sys

HDR = struct.Struct("<IHHIIIIIIIIBbBBhHi")
SECT = struct.Struct("<III")
T_INDEX, T_FILES, T_BLOCKS, T_STRINGS = (0x80000001, 0x80000003,
                                         0x80000002, 0x80000004)
T_PAGES = 5
T_INLINE = 6


def uleb(buf, pos):
    """(value, length) of the ULEB128 at buf[pos:]."""
    val = shift = 0
    n = 0
    while True:
        b = buf[pos + n]
        val |= (b & 0x7f) << shift
        shift += 7
        n += 1
        if b < 0x80:
            return val, n


class Table:
    def __init__(self, data):
        self.t = bytearray(data)
        h = HDR.unpack_from(self.t, 0)
        self.hdr_size, self.nr_sections = h[2], h[7]
        self.sect = {}
        for i in range(self.nr_sections):
            typ, off, size = SECT.unpack_from(self.t, self.hdr_size + 12 * i)
            self.sect[typ] = (i, off, size)
        _, self.index, isize = self.sect[T_INDEX]
        self.nr_blocks = isize // 8
        _, self.blocks, self.blocks_size = self.sect[T_BLOCKS]

    def desc(self, typ):
        """Offset of the descriptor of section type typ."""
        return self.hdr_size + 12 * self.sect[typ][0]

    def block(self, i):
        """(start, end, palette start, palette end, records start, n)."""
        start = self.blocks + struct.unpack_from("<I", self.t, self.index + 8 * i + 4)[0]
        end = (self.blocks + struct.unpack_from("<I", self.t, self.index + 8 * i + 12)[0]
               if i + 1 < self.nr_blocks else self.blocks + self.blocks_size)
        pal_size, n = uleb(self.t, start)
        pal = start + n
        nrec = self.t[pal + pal_size]
        return start, end, pal, pal + pal_size, pal + pal_size + 1, nrec

    def put(self, fmt, off, *vals):
        struct.pack_into(fmt, self.t, off, *vals)


def classes(text, init):
    """(name, section, expected reason, new bytes) for every class."""
    out = []

    def add(name, reason, mutate, base=text, section=".mod_lineinfo"):
        tb = Table(base)
        res = mutate(tb)
        out.append((name, section, reason, bytes(tb.t if res is None else res)))

    add("truncated", "truncated", lambda tb: tb.t[:len(tb.t) // 2])
    add("bad-magic", "bad magic", lambda tb: tb.put("<I", 0, 0x464e4950))
    add("unknown-version", "unknown version", lambda tb: tb.put("<H", 4, 99))
    add("unknown-required-section", "unknown required section type",
        lambda tb: tb.put("<I", tb.desc(T_PAGES), 0x80000007))
    add("offset-out-of-range", "section offset or size out of range",
        lambda tb: tb.put("<I", tb.desc(T_BLOCKS) + 4, 0x7fffff00))
    add("size-out-of-range", "section offset or size out of range",
        lambda tb: tb.put("<I", tb.desc(T_STRINGS) + 8, len(tb.t)))

    def unsorted(tb):
        # block 2 starts below block 1 (but after offset 0, so the page
        # index, which only names blocks at page starts, stays right)
        a1 = struct.unpack_from("<I", tb.t, tb.index + 8)[0]
        assert tb.nr_blocks >= 3 and a1 >= 2, "need 3 blocks"
        tb.put("<I", tb.index + 16, a1 - 1)
    add("unsorted-block-index", "block index unsorted or beyond the text", unsorted)

    def overlong(tb):
        # the palette size of block 0 as an over-wide u32 varint
        start, end = tb.block(0)[:2]
        assert end - start >= 5
        tb.t[start:start + 5] = b"\xff\xff\xff\xff\x7f"
    add("overlong-varint", "overlong varint (palette size)", overlong)

    def file_id(tb):
        # palette slot 0 of block 0 names a file beyond the file table
        pal = tb.block(0)[2]
        assert tb.t[pal] < 0x80
        tb.t[pal] = 0x7f
    add("file-id-out-of-range", "file id out of range", file_id)

    def unterminated(tb):
        _, off, size = tb.sect[T_STRINGS]
        tb.t[off + size - 1] = ord("x")
    add("unterminated-name", "unterminated file name", unterminated)

    def seg_past(tb):
        # the length of segment 0 of the first block that has records
        for i in range(tb.nr_blocks):
            rec, nrec = tb.block(i)[4:6]
            if nrec:
                tb.t[rec] = 0xff
                return None
        raise AssertionError("no block with segment records")
    add("segment-past-block", "segment record past its block", seg_past)

    def page(tb):
        _, off, size = tb.sect[T_PAGES]
        assert size >= 8
        tb.put("<I", off + 4, 1000)
    add("page-index-out-of-range", "wrong page index entry", page)

    add("init-bad-magic", "bad magic", lambda tb: tb.put("<I", 0, 0x464e4950),
        base=init, section=".init.mod_lineinfo")

    # the inline call site section: u32 depth, nr_pages, nr_blocks,
    # nr_sites, u8 page_shift, line_bits, addr_shift, reserved; the page
    # table (nr_pages + 1 pairs of u32), the block index (pairs of u16),
    # the dictionary (u32s), the blocks
    def inl(tb):
        """(offset of the section, of its index, of its blocks, nr_blocks)."""
        _, off, size = tb.sect[T_INLINE]
        _, nr_pages, nr, nr_sites = struct.unpack_from("<IIII", tb.t, off)
        assert nr >= 2, "need 2 inline blocks"
        index = off + 20 + 8 * (nr_pages + 1)
        return off, index, index + 4 * nr + 4 * nr_sites, nr

    def inl_depth(tb):
        off = inl(tb)[0]
        tb.put("<I", off, 17)
    add("inline-depth", "inline section out of range", inl_depth)

    def inl_unsorted(tb):
        # blocks 0 and 1 lie in the first page of a module's small text
        index = inl(tb)[1]
        tb.put("<H", index + 4, struct.unpack_from("<H", tb.t, index)[0])
    add("inline-index-unsorted", "inline index unsorted or beyond the text",
        inl_unsorted)

    def inl_entry(tb):
        # the first entry of block 0 leaves a function: there is none
        off, index, blocks, _ = inl(tb)
        page0 = struct.unpack_from("<I", tb.t, off + 20 + 4)[0]
        data = blocks + page0 + struct.unpack_from("<H", tb.t, index + 2)[0]
        tb.t[data] &= 0x1f
    add("inline-corrupt-entry", "corrupt inline entry", inl_entry)
    return out


SHDR = struct.Struct("<IIQQQQIIQQ")
SHF_WRITE, SHF_INFO_LINK, SHT_RELA = 0x1, 0x40, 4
# a 32-bit absolute relocation: (x86 only relocates into zero bytes)
R_ABS32 = {62: 10, 183: 258, 243: 1}    # x86_64, aarch64, riscv


def elf_sections(data):
    """{name: (index, header offset, type, flags, size)} of an ELF64 LE file."""
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, \
        "not a 64-bit little-endian ELF file"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shnum, shstrndx = struct.unpack_from("<HH", data, 0x3c)
    hdrs = [SHDR.unpack_from(data, shoff + i * SHDR.size) for i in range(shnum)]
    strs = hdrs[shstrndx][4]
    out = {}
    for i, h in enumerate(hdrs):
        name = data[strs + h[0]:data.index(b"\0", strs + h[0])].decode()
        out[name] = (i, shoff + i * SHDR.size, h[1], h[2], h[5])
    return out


def set_flags(data, sec, flags):
    """data with flags added to the section header of sec."""
    out = bytearray(data)
    off = elf_sections(data)[sec][1]
    struct.pack_into("<Q", out, off + 8, SHDR.unpack_from(data, off)[2] | flags)
    return bytes(out)


def add_rela(data, sec, r_offset, addend):
    """data with a new section .rela<sec>: one absolute 32-bit relocation of
    the symbol-less value addend at sec+r_offset. The section names and
    headers move to the end of the file, with the new ones added."""
    machine, = struct.unpack_from("<H", data, 0x12)
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shnum, shstrndx = struct.unpack_from("<HH", data, 0x3c)
    secs = elf_sections(data)
    target = secs[sec][0]
    symtab = secs[".symtab"][0]
    hdrs = [list(SHDR.unpack_from(data, shoff + i * SHDR.size)) for i in range(shnum)]
    out = bytearray(data)
    out += b"\0" * (-len(out) % 8)
    rela = len(out)
    out += struct.pack("<QQq", r_offset, R_ABS32[machine], addend)
    strs = hdrs[shstrndx]
    names = bytearray(data[strs[4]:strs[4] + strs[5]])
    name = len(names)
    names += b".rela" + sec.encode() + b"\0"
    strs[4], strs[5] = len(out), len(names)
    out += names
    out += b"\0" * (-len(out) % 8)
    hdrs.append([name, SHT_RELA, SHF_INFO_LINK, 0, rela, 24, symtab, target, 8, 24])
    struct.pack_into("<Q", out, 0x28, len(out))
    struct.pack_into("<H", out, 0x3c, len(hdrs))
    for h in hdrs:
        out += SHDR.pack(*h)
    return bytes(out)


def loader_classes(ko, text, init, other_text):
    """(name, section, reason, module bytes) of the loader classes."""
    data = open(ko, "rb").read()
    out = [("writable-section", ".mod_lineinfo", "writable section",
            set_flags(data, ".mod_lineinfo", SHF_WRITE)),
           # compat_flags (offset 20): a host check would accept the result
           ("relocated-header", ".mod_lineinfo", "relocated section",
            add_rela(data, ".mod_lineinfo", 20, 0x40000000))]
    text_size = elf_sections(data)[".text"][4]
    init_size = elf_sections(data)[".init.text"][4]
    if other_text:
        end, = struct.unpack_from("<I", other_text, 12)
        assert end > text_size, "OTHER.ko's text is not longer"
        out.append(("text-end-beyond", ".mod_lineinfo",
                    "describes more text than the section has", other_text))
    end, = struct.unpack_from("<I", text, 12)
    assert end > init_size, "the .text table is not longer than .init.text"
    out.append(("init-text-end-beyond", ".init.mod_lineinfo",
                "describes more text than the section has", text))
    return out


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    gen, why, ko, outdir = sys.argv[1:5]
    other = sys.argv[5] if len(sys.argv) == 6 else None
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    text_bin = os.path.join(outdir, "text.bin")
    init_bin = os.path.join(outdir, "init.bin")
    subprocess.run([gen, "--block", "4", "--segment", "2", "--inline",
                    "--inline-block", "1", "--raw", text_bin,
                    "--raw-init", init_bin, ko], check=True,
                   stderr=subprocess.DEVNULL)
    text, init = open(text_bin, "rb").read(), open(init_bin, "rb").read()
    if not init:
        sys.exit(f"corrupt-lineinfo: {ko} has no init text table")

    other_text = None
    if other:
        other_bin = os.path.join(outdir, "other.bin")
        subprocess.run([gen, "--raw", other_bin, other], check=True,
                       stderr=subprocess.DEVNULL)
        other_text = open(other_bin, "rb").read()

    def write(name, updates, src=ko):
        dst = os.path.join(outdir, name + ".ko")
        cmd = [os.environ.get("OBJCOPY", "objcopy")]
        for sec, data in updates:
            f = os.path.join(outdir, name + sec + ".bin")
            open(f, "wb").write(data)
            cmd += ["--update-section", f"{sec}={f}"]
        subprocess.run(cmd + [src, dst], check=True)

    write("intact", [(".mod_lineinfo", text), (".init.mod_lineinfo", init)])
    failed = 0
    lines = []
    for name, sec, reason, data in classes(text, init):
        f = os.path.join(outdir, name + ".table")
        open(f, "wb").write(data)
        got = subprocess.run([why, f], capture_output=True, text=True,
                             check=True).stdout.strip().split(": ", 1)[1]
        if not got.startswith(reason + " ("):
            print(f"FAIL corrupt {name}: the host lookup says '{got}', "
                  f"the class expects '{reason}'")
            failed = 1
            continue
        other = (".init.mod_lineinfo", init) if sec == ".mod_lineinfo" else (".mod_lineinfo", text)
        write(name, [(sec, data), other])
        lines.append(f"{name}\t{sec}\t{reason}\n")
    intact = os.path.join(outdir, "intact.ko")
    for name, sec, reason, data in loader_classes(intact, text, init, other_text):
        if data.startswith(b"\x7fELF"):
            with open(os.path.join(outdir, name + ".ko"), "wb") as f:
                f.write(data)
        else:
            write(name, [(sec, data)], src=intact)
        lines.append(f"{name}\t{sec}\t{reason}\n")
    with open(os.path.join(outdir, "classes"), "w") as f:
        f.writelines(lines)
    print(f"corrupt-lineinfo: {len(lines)} corrupted copies of "
          f"{os.path.basename(ko)} in {outdir}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
