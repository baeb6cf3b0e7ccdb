/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Source line tables for kernel text ("lineinfo").
 *
 * The table is produced at build time by scripts/gen_lineinfo from DWARF
 * and read at run time by lineinfo_lookup().  The format is described byte
 * by byte in Documentation/core-api/lineinfo.rst.
 *
 * This header is also used by host tools; it must only depend on
 * <linux/types.h>, <linux/compiler.h>, <linux/errno.h> and <linux/leb128.h>.
 */
#ifndef _LINUX_LINEINFO_H
#define _LINUX_LINEINFO_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>

/**
 * DOC: lineinfo table layout
 *
 * A table is one contiguous blob, 4-byte aligned, in the byte order of the
 * kernel it describes.  It starts with &struct lineinfo_header followed by
 * @nr_sections section descriptors (&struct lineinfo_section).  Each
 * descriptor gives the offset and size of one part of the table, relative
 * to the start of the table, so validating a part is
 * ``offset + size <= table_size``.
 *
 * Compatibility rules:
 *
 * * @magic never changes.  A reader that sees another @version refuses
 *   the table; @version only changes when the meaning of an existing part
 *   changes.
 * * The first four sections are, in this order, the block index, the file
 *   table, the blocks and the file name strings.
 * * New parts are added as new section types after these four.  A reader
 *   ignores a section type it does not know, unless the type has
 *   %LINEINFO_SECT_REQUIRED set, in which case it refuses the table.
 * * The header may grow: readers use @hdr_size to find the section
 *   descriptors and never assume sizeof(struct lineinfo_header).
 * * Unknown bits in @compat_flags are ignored; unknown bits in
 *   @incompat_flags make a reader refuse the table.
 */

/* "LINF" read as a little-endian u32 */
#define LINEINFO_MAGIC		0x464e494cU
#define LINEINFO_VERSION	3
#define LINEINFO_ALIGN		4

/* Section types; the bit below marks types a reader must understand. */
#define LINEINFO_SECT_REQUIRED	0x80000000U
#define LINEINFO_SECT_INDEX	(LINEINFO_SECT_REQUIRED | 1)
#define LINEINFO_SECT_BLOCKS	(LINEINFO_SECT_REQUIRED | 2)
#define LINEINFO_SECT_FILES	(LINEINFO_SECT_REQUIRED | 3)
#define LINEINFO_SECT_STRINGS	(LINEINFO_SECT_REQUIRED | 4)
#define LINEINFO_NR_REQUIRED	4	/* the four above, first, in this order */
/*
 * Optional page index: a u32 page shift, then for every page of text (an
 * offset range of 1 << shift bytes) the last block starting at or before
 * the page's start (0 if none does), so a lookup searches only the blocks
 * of one page.  A reader that ignores it searches the whole index.
 */
#define LINEINFO_SECT_PAGES	5
/*
 * Optional inline call sites: for every text offset, the chain of call
 * sites of the inlined functions it lies in (DW_TAG_inlined_subroutine's
 * DW_AT_call_file and DW_AT_call_line), outermost first.  Starts with
 * &struct lineinfo_inline; the blocks code the chain's changes.
 */
#define LINEINFO_SECT_INLINE	6
#define LINEINFO_MAX_SECTIONS	16

/* Deepest chain of inlined functions a table may describe. */
#define LINEINFO_MAX_INLINE	16
/* Most locations of one address: its line and every call site. */
#define LINEINFO_MAX_CHAIN	(1 + LINEINFO_MAX_INLINE)

/*
 * Inline blocks: an entry is one opcode byte, the opcode in its top three
 * bits and the address advance in the low five (31: a ULEB128 advance
 * follows), then its operands.  A call site is one of:
 *
 * * a byte below LINEINFO_SITE_DICT: the same file as the last site at
 *   that depth in the block, the line advance minus LINEINFO_SITE_BASE;
 * * a byte from LINEINFO_SITE_DICT below LINEINFO_SITE_DICT2: entry
 *   byte - LINEINFO_SITE_DICT of the section's call site dictionary;
 * * a byte from LINEINFO_SITE_DICT2 below LINEINFO_SITE_FILE and a second
 *   byte: dictionary entry LINEINFO_SITE_NR_DICT1 + ((byte -
 *   LINEINFO_SITE_DICT2) << 8 | second byte);
 * * a byte from LINEINFO_SITE_FILE below LINEINFO_SITE_FILE2: file id
 *   byte - LINEINFO_SITE_FILE, then the ULEB128 line;
 * * a byte from LINEINFO_SITE_FILE2 below LINEINFO_SITE_ULEB and a second
 *   byte: file id LINEINFO_SITE_NR_FILE1 + ((byte - LINEINFO_SITE_FILE2)
 *   << 8 | second byte), then the ULEB128 line;
 * * LINEINFO_SITE_ULEB, the ULEB128 file id and the ULEB128 line.
 */
#define LINEINFO_INL_ADV_BITS	5
#define LINEINFO_INL_ADV_ULEB	31
#define LINEINFO_INL_POP1	0	/* leave one inlined function */
#define LINEINFO_INL_POP2	1	/* leave two */
#define LINEINFO_INL_POP_ALL	2	/* leave all: no chain */
#define LINEINFO_INL_PUSH1	3	/* enter one: a call site follows */
#define LINEINFO_INL_SWAP1	4	/* leave one, enter one */
#define LINEINFO_INL_SWAP2	5	/* leave two, enter one */
#define LINEINFO_INL_PUSH2	6	/* enter two */
#define LINEINFO_INL_ANY	7	/* a byte: leave count << 4 | enter count */
#define LINEINFO_SITE_BASE	(-16)
#define LINEINFO_SITE_DICT	0x60
#define LINEINFO_SITE_DICT2	0xc0
#define LINEINFO_SITE_FILE	0xe0
#define LINEINFO_SITE_FILE2	0xf0
#define LINEINFO_SITE_NR_FILE1	(LINEINFO_SITE_FILE2 - LINEINFO_SITE_FILE)
#define LINEINFO_SITE_NR_FILE	(LINEINFO_SITE_NR_FILE1 + \
				 ((LINEINFO_SITE_ULEB - LINEINFO_SITE_FILE2) << 8))
#define LINEINFO_SITE_ULEB	0xff
#define LINEINFO_SITE_NR_DICT1	(LINEINFO_SITE_DICT2 - LINEINFO_SITE_DICT)
#define LINEINFO_SITE_NR_DICT	(LINEINFO_SITE_NR_DICT1 + \
				 ((LINEINFO_SITE_FILE - LINEINFO_SITE_DICT2) << 8))
/* Largest page of the inline block index: its offsets are 16 bits. */
#define LINEINFO_INL_MAX_PAGE_SHIFT	16

/* Largest number of files one block may refer to (its palette). */
#define LINEINFO_MAX_PALETTE	20

/*
 * A block's entries are cut into segments that decode independently: a
 * segment record is the segment's length in bytes (u8) and the offset of
 * the next segment's first entry from the block's first entry (u16, low
 * byte first).
 */
#define LINEINFO_SEG_REC	3
#define LINEINFO_MAX_SEG_SPAN	0xffff

/*
 * Entry opcodes inside a block.  Special, medium and large entries pack an
 * address advance minus one into the low bits of a code and a line advance
 * minus a base into the bits above; the split and the bases are in the
 * header.  A special entry is one byte, its code op - LINEINFO_OP_SPECIAL.
 * A medium entry is two bytes, its code (op - LINEINFO_OP_MEDIUM) << 8 |
 * byte 1.  A large entry is three bytes, its code (op - LINEINFO_OP_LARGE)
 * << 16 | byte 2 << 8 | byte 1.
 */
#define LINEINFO_OP_GAP		0x00	/* ULEB addr advance; no line info from there */
#define LINEINFO_OP_LONG	0x01	/* ULEB addr advance, SLEB line advance */
#define LINEINFO_OP_MEDIUM	0x02
#define LINEINFO_NR_MEDIUM	6
#define LINEINFO_OP_LARGE	0x08
#define LINEINFO_NR_LARGE	4
#define LINEINFO_OP_FILE	0x0c	/* 0x0c + slot: switch file (prefix) */
#define LINEINFO_OP_SPECIAL	0x20
#define LINEINFO_MAX_ADDR_BITS	7
#define LINEINFO_MAX_MED_ADDR_BITS	10
#define LINEINFO_MAX_LARGE_ADDR_BITS	17
/* Largest address unit of the entries, as a shift (8 bytes). */
#define LINEINFO_MAX_ADDR_SHIFT	3

/**
 * struct lineinfo_section - location of one part of a table
 * @type: LINEINFO_SECT_* type
 * @offset: offset of the part from the start of the table
 * @size: size of the part in bytes
 */
struct lineinfo_section {
	__u32 type;
	__u32 offset;
	__u32 size;
};

/**
 * struct lineinfo_header - start of a lineinfo table
 * @magic: %LINEINFO_MAGIC
 * @version: %LINEINFO_VERSION
 * @hdr_size: size of this header; the section descriptors follow it
 * @table_size: size of the whole table in bytes
 * @text_end: end of the line information: offsets at or above it have
 *	none (the end of the last line sequence, at most the size of the
 *	described text)
 * @incompat_flags: features a reader must know (none defined yet)
 * @compat_flags: features a reader may ignore (none defined yet)
 * @nr_sections: number of section descriptors after the header
 * @nr_blocks: number of entries of the block index (equal to the index
 *	size / 8; readers use the size)
 * @nr_files: number of entries of the file table (equal to its size / 4)
 * @nr_entries: number of line entries (informational)
 * @op_addr_bits: address bits of a special opcode, 0 to
 *	%LINEINFO_MAX_ADDR_BITS
 * @op_line_base: smallest line advance of a special opcode
 * @op_med_addr_bits: address bits of a medium entry, 0 to
 *	%LINEINFO_MAX_MED_ADDR_BITS
 * @op_large_addr_bits: address bits of a large entry, 0 to
 *	%LINEINFO_MAX_LARGE_ADDR_BITS
 * @op_med_line_base: smallest line advance of a medium entry
 * @addr_shift: the entries' address advances are in units of
 *	1 << @addr_shift bytes, at most %LINEINFO_MAX_ADDR_SHIFT
 * @reserved: zero
 * @op_large_line_base: smallest line advance of a large entry
 */
struct lineinfo_header {
	__u32 magic;
	__u16 version;
	__u16 hdr_size;
	__u32 table_size;
	__u32 text_end;
	__u32 incompat_flags;
	__u32 compat_flags;
	__u32 nr_sections;
	__u32 nr_blocks;
	__u32 nr_files;
	__u32 nr_entries;
	__u8 op_addr_bits;
	__s8 op_line_base;
	__u8 op_med_addr_bits;
	__u8 op_large_addr_bits;
	__s16 op_med_line_base;
	__u8 addr_shift;
	__u8 reserved;
	__s32 op_large_line_base;
};

/**
 * struct lineinfo_block - one entry of the block index
 * @addr: text offset of the first line entry of the block
 * @data: offset of the block's coded entries in the blocks section; a
 *	block ends where the next one starts
 */
struct lineinfo_block {
	__u32 addr;
	__u32 data;
};

/**
 * struct lineinfo_inline - start of the inline call site section
 * @depth: the deepest chain in the section, at most %LINEINFO_MAX_INLINE
 * @nr_pages: pages of text the block index is cut into; the page table
 *	that follows has @nr_pages + 1 entries (&struct lineinfo_inl_page)
 * @nr_blocks: entries of the block index (&struct lineinfo_inl_block)
 *	after the page table
 * @nr_sites: entries of the call site dictionary after the block index,
 *	at most %LINEINFO_SITE_NR_DICT, each a u32: file id << @line_bits |
 *	line
 * @page_shift: a page is 1 << @page_shift bytes of text, at most
 *	%LINEINFO_INL_MAX_PAGE_SHIFT
 * @line_bits: bits of the line in a dictionary entry, 1 to 31
 * @addr_shift: the entries' address advances are in units of
 *	1 << @addr_shift bytes, at most %LINEINFO_MAX_ADDR_SHIFT
 * @reserved: zero
 */
struct lineinfo_inline {
	__u32 depth;
	__u32 nr_pages;
	__u32 nr_blocks;
	__u32 nr_sites;
	__u8 page_shift;
	__u8 line_bits;
	__u8 addr_shift;
	__u8 reserved;
};

/**
 * struct lineinfo_inl_page - one entry of the inline page table
 * @block: the first block that starts in the page; blocks @block up to
 *	the next page's @block start in it
 * @data: offset of that block's entries from the start of the blocks;
 *	the last entry's @block and @data are the index's and the blocks'
 *	sizes
 */
struct lineinfo_inl_page {
	__u32 block;
	__u32 data;
};

/**
 * struct lineinfo_inl_block - one entry of the inline block index
 * @addr: offset of the block's first entry from the start of its page
 * @data: offset of the block's entries from its page's @data
 */
struct lineinfo_inl_block {
	__u16 addr;
	__u16 data;
};

/**
 * struct lineinfo_loc - a source location
 * @file: file name, relative to the source tree; the string lives in the
 *	table
 * @line: line number
 */
struct lineinfo_loc {
	const char *file;
	unsigned int line;
};

int lineinfo_lookup(const void *table, size_t table_size, unsigned long offset,
		    const char **file, unsigned int *line);
int lineinfo_lookup_chain(const void *table, size_t table_size,
			  unsigned long offset, struct lineinfo_loc *locs,
			  unsigned int max);
int lineinfo_validate(const void *table, size_t table_size);
int lineinfo_validate_why(const void *table, size_t table_size,
			  const char **why);
int lineinfo_check(const void *table, size_t table_size);

#ifdef __KERNEL__
/*
 * The tables of vmlinux: generated by scripts/gen_lineinfo when vmlinux is
 * linked, or the empty placeholder kernel/lineinfo/vmlinux_empty.S before.
 */
extern const u8 lineinfo_vmlinux[];
extern const u8 lineinfo_vmlinux_end[];
extern const u8 lineinfo_vmlinux_init[];
extern const u8 lineinfo_vmlinux_init_end[];
const u8 *lineinfo_vmlinux_text(size_t *size, unsigned long *start,
				unsigned long *end);

/*
 * Locations an annotation prints: the line, and with
 * CONFIG_KALLSYMS_LINEINFO_INLINE the inline call sites.
 */
#define LINEINFO_SPRINT_LOCS \
	(IS_ENABLED(CONFIG_KALLSYMS_LINEINFO_INLINE) ? LINEINFO_MAX_CHAIN : 1)
int lineinfo_format_chain(char *buf, size_t size,
			  const struct lineinfo_loc *locs, int n);
int module_lineinfo_lookup(unsigned long addr, struct lineinfo_loc *locs,
			   unsigned int max);
#endif

#endif /* _LINUX_LINEINFO_H */
