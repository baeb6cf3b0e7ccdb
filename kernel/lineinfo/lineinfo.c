// SPDX-License-Identifier: GPL-2.0
/*
 * Source line lookup in lineinfo tables.
 *
 * One routine serves vmlinux and modules.  The table is untrusted: every
 * offset, size, index, varint and string is checked before use, a corrupt
 * table yields an error and never an out-of-bounds read.  Nothing here
 * locks, allocates or keeps state, so it can run in NMI and panic context.
 *
 * This file is also compiled for the host (tests, fuzzers, tools); it must
 * only include <linux/lineinfo.h> and <linux/leb128.h>.
 */

#include <linux/leb128.h>
#include <linux/lineinfo.h>

/* lineinfo_find_block() result when no block starts at or before an offset */
#define LINEINFO_NO_BLOCK	(~0U)

/* The parts of a table, located and checked by lineinfo_parse(). */
struct lineinfo_parts {
	const struct lineinfo_header *hdr;
	const struct lineinfo_block *index;
	const u8 *blocks;
	const u32 *files;
	const char *strings;
	u32 nr_blocks;
	u32 blocks_size;
	u32 nr_files;
	u32 strings_size;
	u32 text_end;
	u32 addr_bits;
	s32 line_base;
	u32 med_bits;
	s32 med_base;
	u32 large_bits;
	s32 large_base;
};

/* Decoder state after the entries of one block up to an offset. */
struct lineinfo_state {
	const u8 *pal;
	const u8 *pal_end;
	const u8 *pos;
	const u8 *end;
	u64 addr;
	u32 slot;
	u32 max_slot;
	bool gap;
	u32 line[LINEINFO_MAX_PALETTE];
};

/**
 * lineinfo_part_ok() - check the type and bounds of a section descriptor
 * @sect: section descriptor
 * @type: expected type
 * @size: table size
 *
 * Context: Any context.
 * Return: true if @sect has type @type and lies inside the table.
 */
static __always_inline bool lineinfo_part_ok(const struct lineinfo_section *sect,
					     u32 type, u32 size)
{
	return sect->type == type && (u64)sect->offset + sect->size <= size;
}

/**
 * lineinfo_parse() - locate and check the parts of a table
 * @table: start of the table
 * @table_size: number of readable bytes at @table
 * @p: where to store the parts
 *
 * Checks the header and that every part lies inside the table; the parts'
 * contents are checked by their users.  Work is bounded by
 * %LINEINFO_MAX_SECTIONS.
 *
 * Context: Any context.
 * Return: 0, -EINVAL for a misaligned or truncated table, -EBADMSG for a
 * corrupt header or -EPROTO for a table this code does not understand.
 */
static int lineinfo_parse(const void *table, size_t table_size,
			  struct lineinfo_parts *p)
{
	const struct lineinfo_header *hdr = table;
	const struct lineinfo_section *sect;
	const u8 *base = table;
	u32 size, hs, ns, i;

	if (unlikely(!table || ((unsigned long)table & (LINEINFO_ALIGN - 1)) ||
		     table_size < sizeof(*hdr)))
		return -EINVAL;
	if (unlikely(hdr->magic != LINEINFO_MAGIC))
		return -EBADMSG;
	if (unlikely(hdr->version != LINEINFO_VERSION || hdr->incompat_flags))
		return -EPROTO;
	size = hdr->table_size;
	hs = hdr->hdr_size;
	ns = hdr->nr_sections;
	if (unlikely(size > table_size))
		return -EINVAL;
	/* ns - LINEINFO_NR_REQUIRED wraps when ns < LINEINFO_NR_REQUIRED */
	if (unlikely(hs < sizeof(*hdr) || hs & (LINEINFO_ALIGN - 1) ||
		     ns - LINEINFO_NR_REQUIRED >
		     LINEINFO_MAX_SECTIONS - LINEINFO_NR_REQUIRED ||
		     (u64)hs + ns * sizeof(*sect) > size ||
		     hdr->op_addr_bits > LINEINFO_MAX_ADDR_BITS ||
		     hdr->op_med_addr_bits > LINEINFO_MAX_MED_ADDR_BITS ||
		     hdr->op_large_addr_bits > LINEINFO_MAX_LARGE_ADDR_BITS))
		return -EBADMSG;

	/* Unknown parts may be ignored unless marked as required. */
	sect = (const void *)(base + hs);
	for (i = LINEINFO_NR_REQUIRED; i < ns; i++)
		if (sect[i].type & LINEINFO_SECT_REQUIRED)
			return -EPROTO;

	/* The required parts come first, in a fixed order, inside the table. */
	if (unlikely(!lineinfo_part_ok(&sect[0], LINEINFO_SECT_INDEX, size) ||
		     !lineinfo_part_ok(&sect[1], LINEINFO_SECT_FILES, size) ||
		     !lineinfo_part_ok(&sect[2], LINEINFO_SECT_BLOCKS, size) ||
		     !lineinfo_part_ok(&sect[3], LINEINFO_SECT_STRINGS, size) ||
		     (sect[0].offset | sect[1].offset) & 3))
		return -EBADMSG;
	/* A final NUL bounds every string of the part. */
	if (unlikely(!sect[3].size || base[sect[3].offset + sect[3].size - 1]))
		return -EBADMSG;

	p->hdr = hdr;
	p->index = (const void *)(base + sect[0].offset);
	p->files = (const void *)(base + sect[1].offset);
	p->blocks = base + sect[2].offset;
	p->blocks_size = sect[2].size;
	p->strings = (const char *)base + sect[3].offset;
	p->strings_size = sect[3].size;
	p->nr_blocks = sect[0].size / sizeof(*p->index);
	p->nr_files = sect[1].size / sizeof(u32);
	p->text_end = hdr->text_end;
	p->addr_bits = hdr->op_addr_bits;
	p->line_base = hdr->op_line_base;
	p->med_bits = hdr->op_med_addr_bits;
	p->med_base = hdr->op_med_line_base;
	p->large_bits = hdr->op_large_addr_bits;
	p->large_base = hdr->op_large_line_base;
	return 0;
}

/**
 * lineinfo_entry() - decode an entry that is not a lone special opcode
 * @p: parts of the table
 * @q: first byte of the entry
 * @lim: end of the block
 * @next: where to store the start of the following entry
 * @slot: in: current palette slot; out: palette slot of the entry
 * @adv: where to store the address advance (> 0)
 * @ladv: where to store the line advance
 * @gap: where to store whether the entry starts a gap
 *
 * Handles file switches (a prefix to a special, medium, large or long
 * entry), medium, large, long and gap entries.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG.
 */
static __always_inline int lineinfo_entry(const struct lineinfo_parts *p,
					  const u8 *q, const u8 *lim,
					  const u8 **next, u32 *slot, u32 *adv,
					  s32 *ladv, bool *gap)
{
	u8 op = *q++;
	u32 x, bits;
	int ret;

	if (op >= LINEINFO_OP_FILE) {
		*slot = op - LINEINFO_OP_FILE;
		if (q >= lim)
			return -EBADMSG;
		op = *q++;
		if (op >= LINEINFO_OP_SPECIAL) {
			x = op - LINEINFO_OP_SPECIAL;
			*adv = (x & ((1U << p->addr_bits) - 1)) + 1;
			*ladv = (s32)(x >> p->addr_bits) + p->line_base;
			*next = q;
			return 0;
		}
		if (op == LINEINFO_OP_GAP || op >= LINEINFO_OP_FILE)
			return -EBADMSG;
	}
	if (op >= LINEINFO_OP_LARGE) {
		if (lim - q < 2)
			return -EBADMSG;
		x = (u32)(op - LINEINFO_OP_LARGE) << 16 | q[1] << 8 | q[0];
		bits = p->large_bits;
		*adv = (x & ((1U << bits) - 1)) + 1;
		*ladv = (s32)((x >> bits) + (u32)p->large_base);
		*next = q + 2;
		return 0;
	}
	if (op >= LINEINFO_OP_MEDIUM) {
		if (q >= lim)
			return -EBADMSG;
		x = (u32)(op - LINEINFO_OP_MEDIUM) << 8 | q[0];
		bits = p->med_bits;
		*adv = (x & ((1U << bits) - 1)) + 1;
		*ladv = (s32)((x >> bits) + (u32)p->med_base);
		*next = q + 1;
		return 0;
	}
	/* LINEINFO_OP_LONG or LINEINFO_OP_GAP */
	ret = __leb128_decode_u32(q, lim, adv);
	if (ret < 0 || !*adv)
		return -EBADMSG;
	q += ret;
	*ladv = 0;
	if (op == LINEINFO_OP_LONG) {
		ret = __leb128_decode_s32(q, lim, ladv);
		if (ret < 0)
			return -EBADMSG;
		q += ret;
	} else {
		*gap = true;
	}
	*next = q;
	return 0;
}

/**
 * lineinfo_scan() - decode block @i up to a text offset
 * @p: parts of the table
 * @i: block number, below @p->nr_blocks
 * @offset: stop before the first entry above this offset
 * @st: where to store the state of the last entry at or below @offset
 *
 * A block is a ULEB128 palette size in bytes, the palette and the coded
 * entries; its first entry has the index address and palette slot 0.
 * Line numbers are tracked per slot as advances from the slot's palette
 * line, so the palette is only decoded by lineinfo_resolve().  Every
 * iteration consumes at least one byte of the block.  Addresses are
 * computed in 64 bits, so they cannot wrap.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG if the block is corrupt.
 */
static __always_inline int lineinfo_scan(const struct lineinfo_parts *p,
					 u32 i, u64 offset,
					 struct lineinfo_state *st)
{
	u32 start = p->index[i].data, end, pal_size, bits = p->addr_bits;
	u32 mask = (1U << bits) - 1, cur = 0, slot = 0, max_slot = 0, nslot, adv, x;
	s32 base = p->line_base, ladv;
	const u8 *q, *n, *lim;
	bool gap = false, ngap;
	u64 addr;
	int ret;

	end = i + 1 < p->nr_blocks ? p->index[i + 1].data : p->blocks_size;
	if (start > end || end > p->blocks_size)
		return -EBADMSG;
	q = p->blocks + start;
	lim = p->blocks + end;
	ret = __leb128_decode_u32(q, lim, &pal_size);
	if (ret < 0 || pal_size > lim - q - ret)
		return -EBADMSG;
	q += ret;
	st->pal = q;
	st->pal_end = q + pal_size;
	q += pal_size;
	addr = p->index[i].addr;
	__builtin_memset(st->line, 0, sizeof(st->line));

	/* @cur is the line advance of @slot since its palette line */
	while (q < lim) {
		u8 op = *q;

		if (likely(op >= LINEINFO_OP_SPECIAL)) {
			x = op - LINEINFO_OP_SPECIAL;
			if (addr + (x & mask) + 1 > offset)
				break;
			addr += (x & mask) + 1;
			cur += (s32)(x >> bits) + base;
			gap = false;
			q++;
			continue;
		}
		nslot = slot;
		ngap = false;
		if (op >= LINEINFO_OP_FILE && q + 1 < lim &&
		    q[1] >= LINEINFO_OP_SPECIAL) {
			/* the common file switch: a prefix to a special opcode */
			nslot = op - LINEINFO_OP_FILE;
			x = q[1] - LINEINFO_OP_SPECIAL;
			adv = (x & mask) + 1;
			ladv = (s32)(x >> bits) + base;
			n = q + 2;
		} else if (lineinfo_entry(p, q, lim, &n, &nslot, &adv, &ladv, &ngap)) {
			return -EBADMSG;
		}
		if (addr + adv > offset)
			break;
		addr += adv;
		if (nslot != slot) {
			st->line[slot] = cur;
			slot = nslot;
			cur = st->line[slot];
			if (slot > max_slot)
				max_slot = slot;
		}
		cur += ladv;
		gap = ngap;
		q = n;
	}
	st->line[slot] = cur;
	st->pos = q;
	st->end = lim;
	st->addr = addr;
	st->slot = slot;
	st->max_slot = max_slot;
	st->gap = gap;
	return 0;
}

/**
 * lineinfo_resolve() - file and line of a palette slot
 * @p: parts of the table
 * @st: state from lineinfo_scan()
 * @slot: palette slot
 * @file: where to store the file index, checked against the file table
 * @line: where to store the line: the slot's palette line plus its advance
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG if the palette is shorter than @slot or corrupt.
 */
static int lineinfo_resolve(const struct lineinfo_parts *p,
			    const struct lineinfo_state *st, u32 slot,
			    u32 *file, u32 *line)
{
	const u8 *q = st->pal;
	u32 k;
	int ret;

	/* skip the pairs of the slots before @slot */
	for (k = 0; k < 2 * slot; k++) {
		ret = leb128_skip(q, st->pal_end);
		if (ret < 0)
			return -EBADMSG;
		q += ret;
	}
	ret = __leb128_decode_u32(q, st->pal_end, file);
	if (ret < 0)
		return -EBADMSG;
	q += ret;
	ret = __leb128_decode_u32(q, st->pal_end, line);
	if (ret < 0 || *file >= p->nr_files)
		return -EBADMSG;
	*line += st->line[slot];
	return 0;
}

/**
 * lineinfo_find_block() - binary search of the block index
 * @p: parts of the table
 * @offset: text offset to look up
 *
 * Context: Any context.
 * Return: the last block whose first address is <= @offset, or
 * %LINEINFO_NO_BLOCK if there is none.
 */
static u32 lineinfo_find_block(const struct lineinfo_parts *p, u32 offset)
{
	const struct lineinfo_block *index = p->index;
	u32 lo = 0, n = p->nr_blocks;

	if (!n || index[0].addr > offset)
		return LINEINFO_NO_BLOCK;
	/* Invariant: index[lo].addr <= offset; the answer is in [lo, lo + n). */
	while (n > 1) {
		u32 half = n / 2;

		if (index[lo + half].addr <= offset)
			lo += half;
		n -= half;
	}
	return lo;
}

/**
 * lineinfo_lookup() - find the source line of a text offset
 * @table: lineinfo table, 4-byte aligned
 * @table_size: number of readable bytes at @table
 * @offset: offset of the address from the start of the described text
 * @file: where to store the file name, relative to the source tree; the
 *	string lives in @table
 * @line: where to store the line number
 *
 * The table need not have been validated: whatever its contents, the
 * lookup reads only inside [@table, @table + @table_size), decodes at most
 * one block and returns.  A corrupt table gives an error, or for a table
 * corrupted in a consistent way possibly a wrong answer, but never a
 * crash.  @file and @line are written only on success.
 *
 * Context: Any context, including NMI: no locks, no allocation, no state.
 * Return: 0 on success, -ENOENT if @offset has no line information,
 * -EINVAL, -EBADMSG or -EPROTO if the table is unusable.
 */
int lineinfo_lookup(const void *table, size_t table_size, unsigned long offset,
		    const char **file, unsigned int *line)
{
	struct lineinfo_parts p;
	struct lineinfo_state st;
	u32 i, f, l, s;
	int ret;

	ret = lineinfo_parse(table, table_size, &p);
	if (ret)
		return ret;
	if (offset >= p.text_end)
		return -ENOENT;
	i = lineinfo_find_block(&p, offset);
	if (i == LINEINFO_NO_BLOCK)
		return -ENOENT;
	ret = lineinfo_scan(&p, i, offset, &st);
	if (ret)
		return ret;
	if (st.gap)
		return -ENOENT;
	ret = lineinfo_resolve(&p, &st, st.slot, &f, &l);
	if (ret)
		return ret;
	s = p.files[f];
	if (s >= p.strings_size)
		return -EBADMSG;
	*file = p.strings + s;
	*line = l;
	return 0;
}

/**
 * lineinfo_validate() - check a whole table once
 * @table: lineinfo table, 4-byte aligned
 * @table_size: number of readable bytes at @table
 *
 * Decodes every block and checks that the index is sorted, that each block
 * ends before the next one starts, that every palette slot in use exists
 * and that every file index and name offset is valid.  Meant to be called
 * once, e.g. when a module is loaded; lineinfo_lookup() stays safe on
 * tables that were never validated.  The work is linear in the table size.
 *
 * Context: Any context.
 * Return: 0 if the table is valid, -EINVAL, -EBADMSG or -EPROTO if not.
 */
int lineinfo_validate(const void *table, size_t table_size)
{
	struct lineinfo_parts p;
	struct lineinfo_state st;
	u32 i, k, f, l;
	int ret;

	ret = lineinfo_parse(table, table_size, &p);
	if (ret)
		return ret;
	if (p.hdr->nr_blocks != p.nr_blocks || p.hdr->nr_files != p.nr_files)
		return -EBADMSG;
	for (i = 0; i < p.nr_files; i++)
		if (p.files[i] >= p.strings_size)
			return -EBADMSG;
	for (i = 0; i < p.nr_blocks; i++) {
		if (p.index[i].addr >= p.text_end)
			return -EBADMSG;
		/* an entry at or above text_end stops the scan early */
		ret = lineinfo_scan(&p, i, (u64)p.text_end - 1, &st);
		if (ret)
			return ret;
		if (st.pos != st.end ||
		    (i + 1 < p.nr_blocks && p.index[i + 1].addr <= st.addr))
			return -EBADMSG;
		/* every slot up to the highest one used must be in the palette */
		for (k = 0; k <= st.max_slot; k++) {
			ret = lineinfo_resolve(&p, &st, k, &f, &l);
			if (ret)
				return ret;
		}
	}
	return 0;
}
