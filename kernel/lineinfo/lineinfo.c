// SPDX-License-Identifier: GPL-2.0
/*
 * Source line lookup in lineinfo tables.
 *
 * One routine serves vmlinux and modules.  The table is untrusted: every
 * offset, size, index, varint and string is checked before use, a corrupt
 * table yields an error and never an out-of-bounds read.  Nothing here
 * locks, allocates or keeps state, so it can run in NMI and panic context.
 *
 * This file is also compiled for the host (tests, fuzzers, tools); outside
 * __KERNEL__ it must only include <linux/lineinfo.h>, <linux/leb128.h> and
 * <linux/build_bug.h>, which tools/include provides.
 */

#include <linux/leb128.h>
#include <linux/lineinfo.h>
/* exports only for lib/tests/lineinfo_kunit.c built as a module */
#ifdef __KERNEL__
#include <kunit/visibility.h>
#include <linux/export.h>
#else
#include <linux/build_bug.h>
/* on the host: nothing, in a form that takes the semicolon */
#define EXPORT_SYMBOL_IF_KUNIT(symbol) static_assert(1, #symbol)
#endif

/* lineinfo_find_block() result when no block starts at or before an offset */
#define LINEINFO_NO_BLOCK	(~0U)

/*
 * lineinfo_bad() - return @err, and tell lineinfo_validate_why()'s caller
 * why: @why is NULL on the lookup paths, where this folds away.
 */
static __always_inline int lineinfo_bad(const char **why, const char *reason,
					int err)
{
	if (why)
		*why = reason;
	return err;
}

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
	u32 addr_shift;
	const u32 *pages;	/* page index, or NULL */
	u32 nr_pages;
	u32 page_shift;
	const struct lineinfo_inline *inl;	/* inline section, or NULL */
	u32 inl_sect_size;
	/* the inline section's parts, set by lineinfo_inline_parts() */
	const struct lineinfo_inl_page *inl_pages;
	const struct lineinfo_inl_block *inl_index;
	const u32 *inl_sites;	/* call site dictionary */
	const u8 *inl_data;
	u32 inl_nr_pages;
	u32 inl_nr;
	u32 inl_nr_sites;
	u32 inl_size;		/* bytes at @inl_data */
	u32 inl_depth;
	u32 inl_shift;
	u32 inl_line_bits;
	u32 inl_addr_shift;
};

/*
 * The chain of inlined call sites at an address, outermost first, and for
 * every depth the last call site seen there in the block (@known: bit d
 * set once depth d has one).
 */
struct lineinfo_chain {
	u32 depth;
	u32 known;
	u32 file[LINEINFO_MAX_INLINE];
	u32 line[LINEINFO_MAX_INLINE];
};

/* One block, located by lineinfo_block(). */
struct lineinfo_blk {
	const u8 *pal;		/* palette */
	const u8 *pal_end;
	const u8 *rec;		/* segment records */
	const u8 *data;		/* entries of segment 0 */
	const u8 *end;		/* end of the block */
	u64 addr;		/* text offset of the first entry */
	u32 nr_seg;		/* number of segment records */
	u32 unit;		/* bytes per unit of address advance */
};

/* Decoder state after the entries of one segment up to an offset. */
struct lineinfo_state {
	const u8 *pal;
	const u8 *pal_end;
	const u8 *pos;
	const u8 *end;
	u64 addr;
	u32 slot;
	u32 max_slot;
	u32 cur;
	bool gap;
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
 * lineinfo_inline_ok() - check the descriptor and start of an inline section
 * @base: start of the table
 * @sect: section descriptor of type %LINEINFO_SECT_INLINE
 * @size: table size
 *
 * Context: Any context.
 * Return: true if the section is aligned, inside the table, holds its page
 * table, block index and call site dictionary, and describes chains no
 * deeper than %LINEINFO_MAX_INLINE.
 */
static __always_inline bool lineinfo_inline_ok(const u8 *base,
					       const struct lineinfo_section *sect,
					       u32 size)
{
	const struct lineinfo_inline *inl;

	if (!lineinfo_part_ok(sect, LINEINFO_SECT_INLINE, size) ||
	    sect->offset & 3 || sect->size < sizeof(*inl))
		return false;
	inl = (const void *)(base + sect->offset);
	/* each count is below 2^32: the u64 sum cannot wrap */
	return inl->depth <= LINEINFO_MAX_INLINE &&
	       inl->page_shift <= LINEINFO_INL_MAX_PAGE_SHIFT &&
	       inl->line_bits && inl->line_bits < 32 &&
	       inl->addr_shift <= LINEINFO_MAX_ADDR_SHIFT &&
	       inl->nr_sites <= LINEINFO_SITE_NR_DICT &&
	       sizeof(*inl) + ((u64)inl->nr_pages + 1) *
	       sizeof(struct lineinfo_inl_page) +
	       (u64)inl->nr_blocks * sizeof(struct lineinfo_inl_block) +
	       (u64)inl->nr_sites * sizeof(u32) <= sect->size;
}

/**
 * lineinfo_parts() - locate the parts once lineinfo_parse() checked them
 * @table: start of the table
 * @p: where to store the parts
 *
 * Context: Any context.
 */
static __always_inline void lineinfo_parts(const void *table,
					   struct lineinfo_parts *p)
{
	const struct lineinfo_header *hdr = table;
	const struct lineinfo_section *sect;
	const u8 *base = table;
	u32 i;

	sect = (const void *)(base + hdr->hdr_size);
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
	p->addr_shift = hdr->addr_shift;
	p->pages = NULL;
	p->nr_pages = 0;
	p->page_shift = 0;
	p->inl = NULL;
	for (i = LINEINFO_NR_REQUIRED; i < hdr->nr_sections; i++) {
		if (sect[i].type == LINEINFO_SECT_PAGES && !p->pages) {
			p->page_shift = *(const u32 *)(base + sect[i].offset);
			p->pages = (const u32 *)(base + sect[i].offset) + 1;
			p->nr_pages = sect[i].size / sizeof(u32) - 1;
		} else if (sect[i].type == LINEINFO_SECT_INLINE && !p->inl) {
			/* its parts are located only when a chain is wanted */
			p->inl = (const void *)(base + sect[i].offset);
			p->inl_sect_size = sect[i].size;
		}
	}
}

/**
 * lineinfo_parse() - locate and check the parts of a table
 * @table: start of the table
 * @table_size: number of readable bytes at @table
 * @p: where to store the parts
 * @why: if not NULL, where to store the reason when the table is refused
 *
 * Checks the header and that every part lies inside the table; the parts'
 * contents are checked by their users.  Work is bounded by
 * %LINEINFO_MAX_SECTIONS.
 *
 * Context: Any context.
 * Return: 0, -EINVAL for a misaligned or truncated table, -EBADMSG for a
 * corrupt header or -EPROTO for a table this code does not understand.
 */
static __always_inline int lineinfo_parse(const void *table,
					  size_t table_size,
					  struct lineinfo_parts *p,
					  const char **why)
{
	const struct lineinfo_header *hdr = table;
	const struct lineinfo_section *sect;
	const u8 *base = table;
	u32 size, hs, ns, i;

	if (unlikely(!table))
		return lineinfo_bad(why, "no table", -EINVAL);
	if (unlikely((unsigned long)table & (LINEINFO_ALIGN - 1)))
		return lineinfo_bad(why, "misaligned", -EINVAL);
	if (unlikely(table_size < sizeof(*hdr)))
		return lineinfo_bad(why, "truncated header", -EINVAL);
	if (unlikely(hdr->magic != LINEINFO_MAGIC))
		return lineinfo_bad(why, "bad magic", -EBADMSG);
	if (unlikely(hdr->version != LINEINFO_VERSION))
		return lineinfo_bad(why, "unknown version", -EPROTO);
	if (unlikely(hdr->incompat_flags))
		return lineinfo_bad(why, "unknown incompatible flags", -EPROTO);
	size = hdr->table_size;
	hs = hdr->hdr_size;
	ns = hdr->nr_sections;
	if (unlikely(size > table_size))
		return lineinfo_bad(why, "truncated", -EINVAL);
	/* ns - LINEINFO_NR_REQUIRED wraps when ns < LINEINFO_NR_REQUIRED */
	if (unlikely(hs < sizeof(*hdr) || hs & (LINEINFO_ALIGN - 1) ||
		     ns - LINEINFO_NR_REQUIRED >
		     LINEINFO_MAX_SECTIONS - LINEINFO_NR_REQUIRED ||
		     (u64)hs + ns * sizeof(*sect) > size))
		return lineinfo_bad(why, "section descriptors out of range",
				    -EBADMSG);
	if (unlikely(hdr->op_addr_bits > LINEINFO_MAX_ADDR_BITS ||
		     hdr->op_med_addr_bits > LINEINFO_MAX_MED_ADDR_BITS ||
		     hdr->op_large_addr_bits > LINEINFO_MAX_LARGE_ADDR_BITS ||
		     hdr->addr_shift > LINEINFO_MAX_ADDR_SHIFT))
		return lineinfo_bad(why, "entry code sizes out of range",
				    -EBADMSG);

	/*
	 * Unknown parts may be ignored unless marked as required; the page
	 * index is aligned, inside the table and has a shift and a page.
	 */
	sect = (const void *)(base + hs);
	for (i = LINEINFO_NR_REQUIRED; i < ns; i++) {
		if (sect[i].type & LINEINFO_SECT_REQUIRED)
			return lineinfo_bad(why, "unknown required section type",
					    -EPROTO);
		if (sect[i].type == LINEINFO_SECT_PAGES &&
		    (!lineinfo_part_ok(&sect[i], LINEINFO_SECT_PAGES, size) ||
		     (sect[i].offset | sect[i].size) & 3 || sect[i].size < 8 ||
		     *(const u32 *)(base + sect[i].offset) > 31))
			return lineinfo_bad(why, "page index out of range",
					    -EBADMSG);
		if (sect[i].type == LINEINFO_SECT_INLINE &&
		    !lineinfo_inline_ok(base, &sect[i], size))
			return lineinfo_bad(why, "inline section out of range",
					    -EBADMSG);
	}

	/* The required parts come first, in a fixed order, inside the table. */
	if (unlikely(!lineinfo_part_ok(&sect[0], LINEINFO_SECT_INDEX, size) ||
		     !lineinfo_part_ok(&sect[1], LINEINFO_SECT_FILES, size) ||
		     !lineinfo_part_ok(&sect[2], LINEINFO_SECT_BLOCKS, size) ||
		     !lineinfo_part_ok(&sect[3], LINEINFO_SECT_STRINGS, size) ||
		     (sect[0].offset | sect[1].offset) & 3))
		return lineinfo_bad(why, "section offset or size out of range",
				    -EBADMSG);
	/* A final NUL bounds every string of the part. */
	if (unlikely(!sect[3].size || base[sect[3].offset + sect[3].size - 1]))
		return lineinfo_bad(why, "unterminated file name", -EBADMSG);

	lineinfo_parts(table, p);
	return 0;
}

/**
 * lineinfo_long() - decode the operands of a long or gap entry
 * @q: first byte after the opcode
 * @lim: end of the block
 * @op: %LINEINFO_OP_LONG or %LINEINFO_OP_GAP
 * @adv: where to store the address advance (> 0)
 * @ladv: where to store the line advance (0 for a gap)
 *
 * Rare entries, kept out of the decoding loop.
 *
 * Context: Any context.
 * Return: the start of the following entry, or NULL if the entry is
 * corrupt.
 */
static noinline const u8 *lineinfo_long(const u8 *q, const u8 *lim, u8 op,
					u32 *adv, s32 *ladv)
{
	int ret;

	ret = __leb128_decode_u32(q, lim, adv);
	if (ret < 0 || !*adv)
		return NULL;
	q += ret;
	*ladv = 0;
	if (op == LINEINFO_OP_LONG) {
		ret = __leb128_decode_s32(q, lim, ladv);
		if (ret < 0)
			return NULL;
		q += ret;
	}
	return q;
}

/**
 * lineinfo_block() - locate the parts of block @i
 * @p: parts of the table
 * @i: block number, below @p->nr_blocks
 * @b: where to store the parts
 * @why: if not NULL, where to store the reason of a failure
 *
 * A block is a ULEB128 palette size in bytes, the palette, a segment
 * count, that many segment records of %LINEINFO_SEG_REC bytes and the
 * coded entries of its segments, one after the other.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG if the parts do not fit in the block.
 */
static __always_inline int lineinfo_block(const struct lineinfo_parts *p,
					  u32 i, struct lineinfo_blk *b,
					  const char **why)
{
	u32 start = p->index[i].data, end, pal_size, n;
	const u8 *q, *lim;
	int ret;

	end = i + 1 < p->nr_blocks ? p->index[i + 1].data : p->blocks_size;
	if (start > end || end > p->blocks_size)
		return lineinfo_bad(why, "block out of range", -EBADMSG);
	q = p->blocks + start;
	lim = p->blocks + end;
	ret = __leb128_decode_u32(q, lim, &pal_size);
	if (ret == -EOVERFLOW)
		return lineinfo_bad(why, "overlong varint (palette size)",
				    -EBADMSG);
	if (ret < 0 || pal_size >= lim - q - ret)
		return lineinfo_bad(why, "palette beyond its block", -EBADMSG);
	q += ret;
	b->pal = q;
	b->pal_end = q + pal_size;
	q += pal_size;
	/* q < lim: the palette size check above leaves room for the count */
	n = *q++;
	if (n * LINEINFO_SEG_REC > lim - q)
		return lineinfo_bad(why, "segment records beyond their block",
				    -EBADMSG);
	b->nr_seg = n;
	b->rec = q;
	b->data = q + n * LINEINFO_SEG_REC;
	b->end = lim;
	b->addr = p->index[i].addr;
	b->unit = 1U << p->addr_shift;
	return 0;
}

/**
 * lineinfo_seek() - find the segment of a block offset
 * @b: the block
 * @rel: offset from the block's first entry
 * @q: where to store the first byte of the segment
 * @lim: where to store the end of the segment
 * @addr: where to store the start address of the segment's decoding
 * @gap: where to store whether that start state has no line information
 *
 * Record k holds the length in bytes of segment k and the offset, from
 * the block's first entry, of the first entry of segment k + 1, low byte
 * first.  Segment 0 starts with the block's first entry, which is not
 * coded; a later segment starts one address unit below its first entry,
 * whose coded address advance is then one, without line information.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG if a record is corrupt.
 */
static __always_inline int lineinfo_seek(const struct lineinfo_blk *b, u64 rel,
					 const u8 **q, const u8 **lim,
					 u64 *addr, bool *gap)
{
	const u8 *r = b->rec;
	u32 k, a, last = 0, pos = 0, end, size = b->end - b->data;

	for (k = 0; k < b->nr_seg; k++, r += LINEINFO_SEG_REC) {
		a = r[1] | (u32)r[2] << 8;
		if (a > rel)
			break;
		pos += r[0];
		last = a;
	}
	/* at most 255 lengths of at most 255: no overflow */
	end = k < b->nr_seg ? pos + r[0] : size;
	if (end > size || (k && last < b->unit))
		return -EBADMSG;
	*q = b->data + pos;
	*lim = b->data + end;
	*addr = k ? b->addr + last - b->unit : b->addr;
	*gap = k;
	return 0;
}

/**
 * lineinfo_scan() - decode one segment up to a text offset
 * @p: parts of the table
 * @b: the segment's block
 * @q: first byte of the segment
 * @lim: end of the segment
 * @addr: text offset of the start state, from lineinfo_seek()
 * @gap: whether the start state has no line information
 * @offset: stop before the first entry above this offset
 * @st: where to store the state of the last entry at or below @offset
 *
 * Every segment starts in palette slot 0, each slot at its palette line.
 * Line numbers are tracked per slot as advances from the slot's palette
 * line, so the palette is only decoded by lineinfo_resolve().  Every
 * iteration consumes at least one byte of the segment.  Address advances
 * are in units of 1 << @p->addr_shift bytes; addresses are computed in 64
 * bits, so they cannot wrap.  The code parameters are
 * copied to locals: stores to @line[] could otherwise alias them.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG if the segment is corrupt.
 */
static __always_inline int lineinfo_scan(const struct lineinfo_parts *p,
					 const struct lineinfo_blk *b,
					 const u8 *q, const u8 *lim, u64 addr,
					 bool gap, u64 offset,
					 struct lineinfo_state *st)
{
	const u32 bits = p->addr_bits, mask = (1U << bits) - 1;
	const u32 mbits = p->med_bits, mmask = (1U << mbits) - 1;
	const u32 lbits = p->large_bits, lmask = (1U << lbits) - 1;
	const s32 base = p->line_base, mbase = p->med_base, lbase = p->large_base;
	const u32 sh = p->addr_shift;
	u32 line[LINEINFO_MAX_PALETTE];
	u32 cur = 0, slot = 0, seen = 1, nslot, adv, x;
	const u8 *n;
	s32 ladv;
	u8 op;

	st->pal = b->pal;
	st->pal_end = b->pal_end;
	line[0] = 0;

	/* @cur is the line advance of @slot since its palette line */
	while (q < lim) {
		op = *q;
		if (likely(op >= LINEINFO_OP_SPECIAL)) {
			x = op - LINEINFO_OP_SPECIAL;
			if (addr + (((x & mask) + 1) << sh) > offset)
				break;
			addr += ((x & mask) + 1) << sh;
			cur += (s32)(x >> bits) + base;
			gap = false;
			q++;
			continue;
		}
		nslot = slot;
		n = q + 1;
		if (op >= LINEINFO_OP_FILE) {
			/* a file switch: a prefix to the entry that follows */
			nslot = op - LINEINFO_OP_FILE;
			if (unlikely(n >= lim))
				return -EBADMSG;
			op = *n++;
			if (op < LINEINFO_OP_LONG || op >= LINEINFO_OP_FILE)
				goto special;
		}
		if (op >= LINEINFO_OP_LARGE) {
			if (unlikely(lim - n < 2))
				return -EBADMSG;
			x = (u32)(op - LINEINFO_OP_LARGE) << 16 | n[1] << 8 | n[0];
			adv = (x & lmask) + 1;
			ladv = (s32)((x >> lbits) + (u32)lbase);
			n += 2;
		} else if (op >= LINEINFO_OP_MEDIUM) {
			if (unlikely(n >= lim))
				return -EBADMSG;
			x = (u32)(op - LINEINFO_OP_MEDIUM) << 8 | n[0];
			adv = (x & mmask) + 1;
			ladv = (s32)((x >> mbits) + (u32)mbase);
			n++;
		} else {
			n = lineinfo_long(n, lim, op, &adv, &ladv);
			if (unlikely(!n))
				return -EBADMSG;
		}
		goto have;
special:
		/* after a file switch: a special entry, or a corrupt one */
		if (unlikely(op < LINEINFO_OP_SPECIAL))
			return -EBADMSG;
		x = op - LINEINFO_OP_SPECIAL;
		adv = (x & mask) + 1;
		ladv = (s32)(x >> bits) + base;
have:
		if (addr + ((u64)adv << sh) > offset)
			break;
		addr += (u64)adv << sh;
		if (nslot != slot) {
			line[slot] = cur;
			/* a slot's first use starts at its palette line */
			if (!(seen & (1U << nslot)))
				line[nslot] = 0;
			seen |= 1U << nslot;
			slot = nslot;
			cur = line[slot];
		}
		cur += ladv;
		/* only a gap entry has opcode 0 here (a switch cannot prefix one) */
		gap = *q == LINEINFO_OP_GAP;
		q = n;
	}
	st->pos = q;
	st->end = lim;
	st->addr = addr;
	st->slot = slot;
	st->max_slot = 31 - __builtin_clz(seen);	/* seen has bit 0 */
	st->cur = cur;
	st->gap = gap;
	return 0;
}

/**
 * lineinfo_resolve() - file and line of a palette slot
 * @p: parts of the table
 * @st: state from lineinfo_scan()
 * @slot: palette slot
 * @file: where to store the file index, checked against the file table
 * @line: where to store the line: the slot's palette line, plus the
 *	current line advance if @slot is the current slot
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

	/* skip the pairs of the slots before @slot: a varint ends below 0x80 */
	for (k = 2 * slot; k; q++) {
		if (q >= st->pal_end)
			return -EBADMSG;
		k -= *q < 0x80;
	}
	ret = __leb128_decode_u32(q, st->pal_end, file);
	if (ret < 0)
		return -EBADMSG;
	q += ret;
	ret = __leb128_decode_u32(q, st->pal_end, line);
	if (ret < 0 || *file >= p->nr_files)
		return -EBADMSG;
	if (slot == st->slot)
		*line += st->cur;
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
	if (p->pages) {
		/* the blocks of the page; a corrupt entry falls back to all */
		u32 pg = offset >> p->page_shift, a, b;

		if (pg < p->nr_pages) {
			a = p->pages[pg];
			b = pg + 1 < p->nr_pages ? p->pages[pg + 1] : n - 1;
			if (a <= b && b < n && index[a].addr <= offset) {
				lo = a;
				n = b - a + 1;
			}
		}
	}
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
 * lineinfo_find() - find the source line of a text offset in a parsed table
 * @p: parts of the table
 * @offset: offset of the address from the start of the described text
 * @file: where to store the file name
 * @line: where to store the line number
 *
 * Context: Any context.
 * Return: as lineinfo_lookup().
 */
static __always_inline int lineinfo_find(const struct lineinfo_parts *p,
					 unsigned long offset,
					 const char **file, unsigned int *line)
{
	struct lineinfo_state st;
	struct lineinfo_blk b;
	const u8 *q, *lim;
	u32 i, f, l, s;
	bool gap;
	u64 addr;
	int ret;

	if (offset >= p->text_end)
		return -ENOENT;
	i = lineinfo_find_block(p, offset);
	if (i == LINEINFO_NO_BLOCK)
		return -ENOENT;
	ret = lineinfo_block(p, i, &b, NULL);
	if (!ret)
		ret = lineinfo_seek(&b, offset - b.addr, &q, &lim, &addr, &gap);
	if (!ret)
		ret = lineinfo_scan(p, &b, q, lim, addr, gap, offset, &st);
	if (ret)
		return ret;
	if (st.gap)
		return -ENOENT;
	ret = lineinfo_resolve(p, &st, st.slot, &f, &l);
	if (ret)
		return ret;
	s = p->files[f];
	if (s >= p->strings_size)
		return -EBADMSG;
	*file = p->strings + s;
	*line = l;
	return 0;
}

/**
 * lineinfo_inline_site() - decode the call site entered at depth @d
 * @p: parts of the table
 * @q: first byte of the site
 * @lim: end of the block
 * @c: the chain; the site is stored at depth @d
 * @d: depth, below %LINEINFO_MAX_INLINE
 * @known: the depths that have a site in the block so far (bit @d)
 *
 * A site is a line advance from the last site at depth @d in the block,
 * in the same file, an entry of the call site dictionary, or a file id (in
 * one byte, two, or a ULEB128 after a byte) and a line.
 *
 * Context: Any context.
 * Return: the first byte after the site, or NULL if it is corrupt.
 */
static __always_inline const u8 *
lineinfo_inline_site(const struct lineinfo_parts *p, const u8 *q,
		     const u8 *lim, struct lineinfo_chain *c, u32 d, u32 *known)
{
	u32 file, e;
	int ret;
	u8 b;

	if (unlikely(q >= lim))
		return NULL;
	b = *q++;
	if (likely(b < LINEINFO_SITE_DICT)) {
		if (unlikely(!(*known & (1U << d))))
			return NULL;
		c->line[d] += (s32)b + LINEINFO_SITE_BASE;
		return q;
	}
	if (b < LINEINFO_SITE_FILE) {
		e = b - LINEINFO_SITE_DICT;
		if (b >= LINEINFO_SITE_DICT2) {
			if (unlikely(q >= lim))
				return NULL;
			e = LINEINFO_SITE_NR_DICT1 +
			    ((u32)(b - LINEINFO_SITE_DICT2) << 8 | *q++);
		}
		if (unlikely(e >= p->inl_nr_sites))
			return NULL;
		e = p->inl_sites[e];
		file = e >> p->inl_line_bits;
		c->line[d] = e & ((1U << p->inl_line_bits) - 1);
	} else {
		file = b - LINEINFO_SITE_FILE;
		if (b == LINEINFO_SITE_ULEB) {
			ret = __leb128_decode_u32(q, lim, &file);
			if (ret < 0)
				return NULL;
			q += ret;
		} else if (b >= LINEINFO_SITE_FILE2) {
			if (unlikely(q >= lim))
				return NULL;
			file = LINEINFO_SITE_NR_FILE1 +
			       ((u32)(b - LINEINFO_SITE_FILE2) << 8 | *q++);
		}
		ret = __leb128_decode_u32(q, lim, &c->line[d]);
		if (ret < 0)
			return NULL;
		q += ret;
	}
	if (unlikely(file >= p->nr_files))
		return NULL;
	c->file[d] = file;
	*known |= 1U << d;
	return q;
}

/* Functions left and entered by each inline opcode but the last (ANY). */
#define LINEINFO_POP_ALL	0xff
static const u8 lineinfo_inl_pop[8] = {
	[LINEINFO_INL_POP1] = 1, [LINEINFO_INL_POP2] = 2,
	[LINEINFO_INL_POP_ALL] = LINEINFO_POP_ALL, [LINEINFO_INL_SWAP1] = 1,
	[LINEINFO_INL_SWAP2] = 2,
};

static const u8 lineinfo_inl_push[8] = {
	[LINEINFO_INL_PUSH1] = 1, [LINEINFO_INL_SWAP1] = 1,
	[LINEINFO_INL_SWAP2] = 1, [LINEINFO_INL_PUSH2] = 2,
};

/**
 * lineinfo_inline_scan() - decode an inline block up to a text offset
 * @p: parts of the table, with an inline section
 * @start: offset of the block's entries from @p->inl_data
 * @end: offset of the block's end from @p->inl_data
 * @addr: text offset of the block's first entry
 * @offset: stop before the first entry above this offset
 * @c: where to store the chain after the last entry at or below @offset
 * @stop: if not NULL, where to store the first byte not decoded
 *
 * A block starts with no chain at its first offset.  Each entry is an
 * opcode byte with the address advance, in units of 1 <<
 * @p->inl_addr_shift bytes, in its low bits (or a ULEB128 advance after
 * it), which says how many inlined functions are left and
 * how many entered; the call sites of those entered follow, outermost
 * first.  Every entry consumes at least one byte, every depth is checked
 * against the section's, which lineinfo_parse() bounded.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG if the block is corrupt.
 */
static int lineinfo_inline_scan(const struct lineinfo_parts *p, u32 start,
				u32 end, u64 addr, u64 offset,
				struct lineinfo_chain *c, const u8 **stop)
{
	u32 adv, pop, push, depth = 0, known = 0, max = p->inl_depth;
	const u32 sh = p->inl_addr_shift;
	const u8 *q, *n, *lim;
	int ret;
	u8 b, op;

	if (start > end || end > p->inl_size)
		return -EBADMSG;
	q = p->inl_data + start;
	lim = p->inl_data + end;
	while (q < lim) {
		b = *q;
		n = q + 1;
		adv = b & ((1U << LINEINFO_INL_ADV_BITS) - 1);
		if (unlikely(adv == LINEINFO_INL_ADV_ULEB)) {
			ret = __leb128_decode_u32(n, lim, &adv);
			if (ret < 0)
				return -EBADMSG;
			n += ret;
		}
		if (addr + ((u64)adv << sh) > offset)
			break;
		addr += (u64)adv << sh;
		op = b >> LINEINFO_INL_ADV_BITS;
		pop = lineinfo_inl_pop[op];
		push = lineinfo_inl_push[op];
		if (pop == LINEINFO_POP_ALL) {
			pop = depth;
		} else if (unlikely(op == LINEINFO_INL_ANY)) {
			if (unlikely(n >= lim))
				return -EBADMSG;
			pop = *n >> 4;
			push = *n++ & 15;
		}
		if (unlikely(pop > depth || push > max - (depth - pop)))
			return -EBADMSG;
		depth -= pop;
		for (; push; push--, depth++) {
			n = lineinfo_inline_site(p, n, lim, c, depth, &known);
			if (unlikely(!n))
				return -EBADMSG;
		}
		q = n;
	}
	c->depth = depth;
	c->known = known;
	if (stop)
		*stop = q;
	return 0;
}

/**
 * lineinfo_inline_parts() - locate the parts of the inline section
 * @p: parts of the table, with an inline section that lineinfo_parse()
 *	checked
 *
 * Context: Any context.
 */
static __always_inline void lineinfo_inline_parts(struct lineinfo_parts *p)
{
	const struct lineinfo_inline *inl = p->inl;

	p->inl_pages = (const void *)(inl + 1);
	p->inl_nr_pages = inl->nr_pages;
	p->inl_index = (const void *)(p->inl_pages + inl->nr_pages + 1);
	p->inl_nr = inl->nr_blocks;
	p->inl_sites = (const void *)(p->inl_index + p->inl_nr);
	p->inl_nr_sites = inl->nr_sites;
	p->inl_data = (const u8 *)(p->inl_sites + p->inl_nr_sites);
	p->inl_size = (const u8 *)inl + p->inl_sect_size - p->inl_data;
	p->inl_depth = inl->depth;
	p->inl_shift = inl->page_shift;
	p->inl_line_bits = inl->line_bits;
	p->inl_addr_shift = inl->addr_shift;
}

/**
 * lineinfo_inline_locate() - where inline block @i of page @pg lies
 * @p: parts of the table, with an inline section
 * @pg: page, below @p->inl_nr_pages
 * @i: block of the page, from the page's first block below the next
 *	page's, which must be at most @p->inl_nr
 * @start: where to store the offset of the block's entries
 * @end: where to store the offset of the block's end
 *
 * Context: Any context.
 */
static __always_inline void lineinfo_inline_locate(const struct lineinfo_parts *p,
						   u32 pg, u32 i, u32 *start,
						   u32 *end)
{
	const struct lineinfo_inl_page *pp = &p->inl_pages[pg];

	/* u32 sums of u32 and u16 offsets: lineinfo_inline_scan() checks */
	*start = pp[0].data + p->inl_index[i].data;
	*end = i + 1 < pp[1].block ? pp[0].data + p->inl_index[i + 1].data :
	       pp[1].data;
	if (*start < pp[0].data || *end < pp[0].data)
		*start = ~0U;	/* wrapped: refused by the scan */
}

/**
 * lineinfo_find_inline() - the inline chain of a text offset
 * @p: parts of the table
 * @offset: text offset
 * @c: where to store the chain (empty without an inline section)
 *
 * The offset's page names the blocks that start in it; a page whose text
 * starts inside an inlined function has a block at its start, so the
 * block of an offset is always in its own page, or there is no chain.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG if the inline section is corrupt.
 */
static int lineinfo_find_inline(struct lineinfo_parts *p, u64 offset,
				struct lineinfo_chain *c)
{
	const struct lineinfo_inl_block *index;
	u32 pg, lo, n, rel, start, end;

	c->depth = 0;
	if (!p->inl)
		return 0;
	lineinfo_inline_parts(p);
	index = p->inl_index;
	pg = offset >> p->inl_shift;
	if (pg >= p->inl_nr_pages)
		return 0;
	lo = p->inl_pages[pg].block;
	n = p->inl_pages[pg + 1].block;
	if (unlikely(lo > n || n > p->inl_nr))
		return -EBADMSG;
	n -= lo;
	rel = offset & ((1U << p->inl_shift) - 1);
	if (!n || index[lo].addr > rel)
		return 0;
	/* Invariant: index[lo].addr <= rel; the answer is in [lo, lo + n). */
	while (n > 1) {
		u32 half = n / 2;

		if (index[lo + half].addr <= rel)
			lo += half;
		n -= half;
	}
	lineinfo_inline_locate(p, pg, lo, &start, &end);
	return lineinfo_inline_scan(p, start, end, offset - rel + index[lo].addr,
				    offset, c, NULL);
}

/**
 * lineinfo_find_chain() - line and inline call sites of a text offset
 * @p: parts of the table
 * @offset: text offset
 * @locs: where to store up to @max locations, innermost first
 * @max: size of @locs, at least 1
 *
 * Context: Any context.
 * Return: as lineinfo_lookup_chain().
 */
static __always_inline int lineinfo_find_chain(struct lineinfo_parts *p,
					       unsigned long offset,
					       struct lineinfo_loc *locs,
					       unsigned int max)
{
	struct lineinfo_chain c;
	u32 k, s;
	int ret;

	ret = lineinfo_find(p, offset, &locs[0].file, &locs[0].line);
	if (ret)
		return ret;
	ret = lineinfo_find_inline(p, offset, &c);
	if (ret)
		return ret;
	for (k = 0; k < c.depth && k + 1 < max; k++) {
		/* innermost first: the call site of the deepest function */
		s = p->files[c.file[c.depth - 1 - k]];
		if (s >= p->strings_size)
			return -EBADMSG;
		locs[k + 1].file = p->strings + s;
		locs[k + 1].line = c.line[c.depth - 1 - k];
	}
	return c.depth + 1;
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
 * one segment of one block and returns.  A corrupt table gives an error,
 * or for a table corrupted in a consistent way possibly a wrong answer,
 * but never a crash.  @file and @line are written only on success.
 *
 * Context: Any context, including NMI: no locks, no allocation, no state.
 * Return: 0 on success, -ENOENT if @offset has no line information,
 * -EINVAL, -EBADMSG or -EPROTO if the table is unusable.
 */
int lineinfo_lookup(const void *table, size_t table_size, unsigned long offset,
		    const char **file, unsigned int *line)
{
	struct lineinfo_parts p;
	int ret;

	ret = lineinfo_parse(table, table_size, &p, NULL);
	if (ret)
		return ret;
	return lineinfo_find(&p, offset, file, line);
}
EXPORT_SYMBOL_IF_KUNIT(lineinfo_lookup);

/**
 * lineinfo_lookup_chain() - source line and inline call sites of an offset
 * @table: lineinfo table, 4-byte aligned
 * @table_size: number of readable bytes at @table
 * @offset: offset of the address from the start of the described text
 * @locs: where to store the locations, innermost first: @locs[0] is the
 *	line, as lineinfo_lookup() finds it; in inlined code the call
 *	sites follow, from the call of the innermost inlined function to
 *	the call in the function that holds the address, as
 *	``addr2line -i`` prints them
 * @max: number of entries of @locs, at least 1; %LINEINFO_MAX_CHAIN
 *	holds every chain a valid table describes
 *
 * A table without the inline section (CONFIG_KALLSYMS_LINEINFO_INLINE=n)
 * gives the line alone.  Like lineinfo_lookup(), reads only inside the
 * table, decodes at most one block of each kind and keeps no state.
 *
 * Context: Any context, including NMI: no locks, no allocation, no state.
 * Return: the number of locations of @offset (at least 1; if more than
 * @max, only the first @max were stored), or as lineinfo_lookup().
 */
int lineinfo_lookup_chain(const void *table, size_t table_size,
			  unsigned long offset, struct lineinfo_loc *locs,
			  unsigned int max)
{
	struct lineinfo_parts p;
	int ret;

	if (!max)
		return -EINVAL;
	ret = lineinfo_parse(table, table_size, &p, NULL);
	if (ret)
		return ret;
	return lineinfo_find_chain(&p, offset, locs, max);
}
EXPORT_SYMBOL_IF_KUNIT(lineinfo_lookup_chain);

/**
 * lineinfo_check() - check the header and the section descriptors once
 * @table: lineinfo table, 4-byte aligned
 * @table_size: number of readable bytes at @table
 *
 * The constant-time checks of lineinfo_validate(), which lineinfo_lookup()
 * and lineinfo_lookup_chain() also make on every call.  Tells once, for
 * example at boot, whether lookups can use the table at all; the contents
 * of the parts are not checked (the lookups check what they read).
 *
 * Context: Any context.
 * Return: 0 if the header is valid, -EINVAL, -EBADMSG or -EPROTO if not.
 */
int lineinfo_check(const void *table, size_t table_size)
{
	struct lineinfo_parts p;

	return lineinfo_parse(table, table_size, &p, NULL);
}

/**
 * lineinfo_validate_segment() - check segment @k of a block
 * @p: parts of the table
 * @b: the block
 * @k: segment number, at most @b->nr_seg
 * @limit: the offset every entry of the segment must stay below
 * @max_slot: in/out: the highest palette slot used so far
 * @why: if not NULL, where to store the reason of a failure
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG.
 */
static int lineinfo_validate_segment(const struct lineinfo_parts *p,
				     const struct lineinfo_blk *b, u32 k,
				     u64 limit, u32 *max_slot, const char **why)
{
	struct lineinfo_state st;
	u64 rel = 0, addr;
	const u8 *q, *lim;
	bool gap;
	int ret;

	if (k) {
		const u8 *r = b->rec + (k - 1) * LINEINFO_SEG_REC;

		rel = r[1] | (u32)r[2] << 8;
	}
	ret = lineinfo_seek(b, rel, &q, &lim, &addr, &gap);
	if (ret)
		return lineinfo_bad(why, "segment record past its block", ret);
	/* a later segment's first entry is one byte above its start */
	if (k) {
		ret = lineinfo_scan(p, b, q, lim, addr, gap, b->addr + rel, &st);
		if (ret)
			return lineinfo_bad(why, "corrupt entry", ret);
		if (st.addr != b->addr + rel)
			return lineinfo_bad(why, "segment does not start at its record",
					    -EBADMSG);
	}
	ret = lineinfo_scan(p, b, q, lim, addr, gap, limit - 1, &st);
	if (ret)
		return lineinfo_bad(why, "corrupt entry", ret);
	if (st.pos != st.end)
		return lineinfo_bad(why, "entries beyond their segment", -EBADMSG);
	if (st.max_slot > *max_slot)
		*max_slot = st.max_slot;
	return 0;
}

/**
 * lineinfo_validate_palette() - check the palette of a block
 * @p: parts of the table
 * @b: the block
 * @nr_slots: where to store the number of slots
 * @why: if not NULL, where to store the reason of a failure
 *
 * The palette must be a whole number of (file, line) pairs of u32
 * varints, each file inside the file table.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG.
 */
static int lineinfo_validate_palette(const struct lineinfo_parts *p,
				     const struct lineinfo_blk *b,
				     u32 *nr_slots, const char **why)
{
	const u8 *q = b->pal;
	u32 n = 0, file, line;
	int ret;

	while (q < b->pal_end) {
		ret = __leb128_decode_u32(q, b->pal_end, &file);
		if (ret < 0)
			goto bad;
		q += ret;
		ret = __leb128_decode_u32(q, b->pal_end, &line);
		if (ret < 0)
			goto bad;
		q += ret;
		if (file >= p->nr_files)
			return lineinfo_bad(why, "file id out of range", -EBADMSG);
		n++;
	}
	*nr_slots = n;
	return 0;
bad:
	if (ret == -EOVERFLOW)
		return lineinfo_bad(why, "overlong varint in a palette", -EBADMSG);
	return lineinfo_bad(why, "truncated palette", -EBADMSG);
}

/**
 * lineinfo_validate_inline() - check the inline section once
 * @p: parts of the table
 * @why: if not NULL, where to store the reason of a failure
 *
 * The page table covers the text and its blocks and data offsets never
 * decrease; in each page the blocks are sorted, inside the page and the
 * text, their data offsets do not decrease, and every block decodes to its
 * end with every entry below the next block's first offset, the page's
 * end and the end of the text.  The dictionary's files are in the file
 * table.
 *
 * Context: Any context.
 * Return: 0 or -EBADMSG.
 */
static int lineinfo_validate_inline(struct lineinfo_parts *p,
				    const char **why)
{
	const struct lineinfo_inl_block *index;
	const struct lineinfo_inl_page *pages;
	u32 pg, i, start, end, page_size;
	struct lineinfo_chain c;
	const u8 *stop;
	u64 base, limit;
	int ret;

	if (!p->inl)
		return 0;
	lineinfo_inline_parts(p);
	index = p->inl_index;
	pages = p->inl_pages;
	page_size = 1U << p->inl_shift;
	for (i = 0; i < p->inl_nr_sites; i++)
		if (p->inl_sites[i] >> p->inl_line_bits >= p->nr_files)
			return lineinfo_bad(why, "inline call site file out of range",
					    -EBADMSG);
	if (((u64)p->inl_nr_pages << p->inl_shift) < p->text_end ||
	    ((u64)p->inl_nr_pages << p->inl_shift) >= (u64)p->text_end + page_size ||
	    pages[0].block || pages[0].data ||
	    pages[p->inl_nr_pages].block != p->inl_nr ||
	    pages[p->inl_nr_pages].data != p->inl_size)
		return lineinfo_bad(why, "inline page table does not cover the text",
				    -EBADMSG);
	for (pg = 0; pg < p->inl_nr_pages; pg++) {
		if (pages[pg + 1].block < pages[pg].block ||
		    pages[pg + 1].data < pages[pg].data)
			return lineinfo_bad(why, "inline page table unsorted",
					    -EBADMSG);
		base = (u64)pg << p->inl_shift;
		for (i = pages[pg].block; i < pages[pg + 1].block; i++)
			if (index[i].addr >= page_size ||
			    base + index[i].addr >= p->text_end ||
			    (i > pages[pg].block &&
			     (index[i].addr <= index[i - 1].addr ||
			      index[i].data < index[i - 1].data)))
				return lineinfo_bad(why, "inline index unsorted or beyond the text",
						    -EBADMSG);
	}
	/* then every block, now that its end is known to lie after it */
	for (pg = 0; pg < p->inl_nr_pages; pg++) {
		base = (u64)pg << p->inl_shift;
		for (i = pages[pg].block; i < pages[pg + 1].block; i++) {
			limit = i + 1 < pages[pg + 1].block ?
				base + index[i + 1].addr : base + page_size;
			if (limit > p->text_end)
				limit = p->text_end;
			lineinfo_inline_locate(p, pg, i, &start, &end);
			ret = lineinfo_inline_scan(p, start, end,
						   base + index[i].addr,
						   limit - 1, &c, &stop);
			if (ret)
				return lineinfo_bad(why, "corrupt inline entry", ret);
			if (stop != p->inl_data + end)
				return lineinfo_bad(why, "inline entries beyond their block",
						    -EBADMSG);
		}
	}
	return 0;
}

/**
 * lineinfo_validate_why() - check a whole table once, and say what is wrong
 * @table: lineinfo table, 4-byte aligned
 * @table_size: number of readable bytes at @table
 * @why: if not NULL, where to store a short reason (a string constant)
 *	when the table is refused, for a warning such as the module loader's
 *
 * Decodes every segment of every block and checks that the index and the
 * segment records are sorted, that each segment ends before the next one
 * starts, that every palette slot in use exists and that every file index
 * and name offset is valid.  Meant to be called once, e.g. when a module
 * is loaded; lineinfo_lookup() stays safe on tables that were never
 * validated.  The work is linear in the table size.
 *
 * Context: Any context.
 * Return: 0 if the table is valid, -EINVAL, -EBADMSG or -EPROTO if not.
 */
int lineinfo_validate_why(const void *table, size_t table_size,
			  const char **why)
{
	struct lineinfo_parts p;
	struct lineinfo_blk b;
	u32 i, k, a, prev, max_slot, nr_slots;
	u64 limit;
	int ret;

	ret = lineinfo_parse(table, table_size, &p, why);
	if (ret)
		return ret;
	if (p.hdr->nr_blocks != p.nr_blocks || p.hdr->nr_files != p.nr_files)
		return lineinfo_bad(why, "header counts disagree with the parts",
				    -EBADMSG);
	for (i = 0; i < p.nr_files; i++)
		if (p.files[i] >= p.strings_size)
			return lineinfo_bad(why, "file name offset out of range",
					    -EBADMSG);
	/*
	 * The index is sorted, and each page names the last block at or
	 * before its start.
	 */
	for (i = 0; i < p.nr_blocks; i++)
		if (p.index[i].addr >= p.text_end ||
		    (i && p.index[i].addr <= p.index[i - 1].addr))
			return lineinfo_bad(why, "block index unsorted or beyond the text",
					    -EBADMSG);
	for (i = 0, k = 0; p.pages && i < p.nr_pages; i++) {
		u64 start = (u64)i << p.page_shift;

		while (k + 1 < p.nr_blocks && p.index[k + 1].addr <= start)
			k++;
		if (p.pages[i] != k)
			return lineinfo_bad(why, "wrong page index entry", -EBADMSG);
	}
	for (i = 0; i < p.nr_blocks; i++) {
		ret = lineinfo_block(&p, i, &b, why);
		if (ret)
			return ret;
		ret = lineinfo_validate_palette(&p, &b, &nr_slots, why);
		if (ret)
			return ret;
		/* no entry may reach the next block or text_end */
		limit = i + 1 < p.nr_blocks ? p.index[i + 1].addr : p.text_end;
		if (limit > p.text_end)
			return lineinfo_bad(why, "block index beyond the text",
					    -EBADMSG);
		/* segments start in order, inside the block's range */
		for (k = 0, prev = 0; k < b.nr_seg; k++, prev = a) {
			a = b.rec[k * LINEINFO_SEG_REC + 1] |
			    (u32)b.rec[k * LINEINFO_SEG_REC + 2] << 8;
			if (a <= prev || b.addr + a >= limit)
				return lineinfo_bad(why, "segment record out of order",
						    -EBADMSG);
		}
		max_slot = 0;
		for (k = 0; k <= b.nr_seg; k++) {
			u64 end = limit;

			if (k < b.nr_seg)
				end = b.addr + (b.rec[k * LINEINFO_SEG_REC + 1] |
					(u32)b.rec[k * LINEINFO_SEG_REC + 2] << 8);
			ret = lineinfo_validate_segment(&p, &b, k, end, &max_slot,
							why);
			if (ret)
				return ret;
		}
		/* every slot up to the highest one used is in the palette */
		if (max_slot >= nr_slots)
			return lineinfo_bad(why, "palette slot out of range",
					    -EBADMSG);
	}
	return lineinfo_validate_inline(&p, why);
}
EXPORT_SYMBOL_IF_KUNIT(lineinfo_validate_why);

/**
 * lineinfo_validate() - check a whole table once
 * @table: lineinfo table, 4-byte aligned
 * @table_size: number of readable bytes at @table
 *
 * lineinfo_validate_why() without the reason.
 *
 * Context: Any context.
 * Return: 0 if the table is valid, -EINVAL, -EBADMSG or -EPROTO if not.
 */
int lineinfo_validate(const void *table, size_t table_size)
{
	return lineinfo_validate_why(table, table_size, NULL);
}
EXPORT_SYMBOL_IF_KUNIT(lineinfo_validate);
