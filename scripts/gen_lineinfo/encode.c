// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo: the table encoding. The rows of a text range are split
 * into blocks with a palette of files, the files numbered by use, the
 * segments of each block planned and the opcodes chosen from a histogram
 * of all entries; then each table is laid out with its header and
 * sections, in the byte order of the input.
 */

#include <endian.h>
#include <stdlib.h>
#include <string.h>

#include <linux/leb128.h>

#include <xalloc.h>

#include "gen_lineinfo.h"

/* line entries per entry of the page index */
#define PAGE_ENTRIES	640

struct table tables[NR_RANGES];

/* OR of every row's offset: the address unit is its lowest set bit */
static u64 addr_or;

/*
 * The address unit of the line entries, as a shift: advances are coded in
 * units of 1 << shift bytes, the alignment of every row (4 bytes on
 * arm64 and riscv without compressed instructions, 1 on x86), at most
 * LINEINFO_MAX_ADDR_SHIFT.
 */
unsigned int line_addr_shift(void)
{
	unsigned int s = 0;

	while (s < LINEINFO_MAX_ADDR_SHIFT && !(addr_or & (1ULL << s)))
		s++;
	return s;
}

void buf_put(struct buf *b, const void *data, size_t n)
{
	/* an empty part may have no buffer at all */
	if (!n)
		return;
	if (b->len + n > b->alloc) {
		b->alloc = (b->len + n) * 2 + 64;
		b->p = xrealloc(b->p, b->alloc);
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
}

void buf_u8(struct buf *b, u8 v)
{
	buf_put(b, &v, 1);
}

void buf_uleb(struct buf *b, u32 v)
{
	u8 tmp[LEB128_MAX_LEN];

	buf_put(b, tmp, leb128_encode_u32(tmp, sizeof(tmp), v));
}

static void buf_sleb(struct buf *b, s32 v)
{
	u8 tmp[LEB128_MAX_LEN];

	buf_put(b, tmp, leb128_encode_s32(tmp, sizeof(tmp), v));
}

u32 tgt32(u32 v)
{
	return big_endian ? htobe32(v) : htole32(v);
}

static u16 tgt16(u16 v)
{
	return big_endian ? htobe16(v) : htole16(v);
}

void buf_u32(struct buf *b, u32 v)
{
	v = tgt32(v);
	buf_put(b, &v, 4);
}

void buf_align(struct buf *b)
{
	while (b->len % LINEINFO_ALIGN)
		buf_u8(b, 0);
}

/*
 * A line advance at least this large from every slot of its file gives a
 * row a slot of its own in the file, if the palette has room: code inlined
 * from far away in the same file (a static inline helper) then costs a
 * file switch and a short entry instead of a large one each way.
 */
#define NEW_SLOT_LINES	2048

static u64 row_span(const struct range *r, size_t i)
{
	const struct row *w = &r->rows[i];

	if (i + 1 < r->nr)
		return w[1].addr - w->addr;
	return r->text_end > w->addr ? r->text_end - w->addr : 0;
}

/*
 * Number the slots of block @b by the text their rows cover, the most
 * first (a lookup skips the palette pairs of the slots before its own),
 * but for the slot of the block's first row, which is not coded: it stays
 * slot 0, where decoding starts.
 */
static void order_slots(struct range *r, struct block *b)
{
	u64 span[LINEINFO_MAX_PALETTE] = {};
	unsigned int order[LINEINFO_MAX_PALETTE], map[LINEINFO_MAX_PALETTE];
	u32 pal[LINEINFO_MAX_PALETTE], pal_line[LINEINFO_MAX_PALETTE];
	unsigned int k, j;
	size_t i;

	for (i = b->first; i < b->end; i++)
		if (!r->rows[i].gap)
			span[r->rows[i].slot] += row_span(r, i);
	/* the first row made slot 0 */
	order[0] = 0;
	for (k = 1; k < b->nr_pal; k++) {
		/* insertion sort, stable: ties keep the order of first use */
		for (j = k; j > 1 && span[order[j - 1]] < span[k]; j--)
			order[j] = order[j - 1];
		order[j] = k;
	}
	for (k = 0; k < b->nr_pal; k++) {
		map[order[k]] = k;
		pal[k] = b->pal[order[k]];
		pal_line[k] = b->pal_line[order[k]];
	}
	memcpy(b->pal, pal, sizeof(pal));
	memcpy(b->pal_line, pal_line, sizeof(pal_line));
	for (i = b->first; i < b->end; i++)
		if (!r->rows[i].gap)
			r->rows[i].slot = map[r->rows[i].slot];
}

/* Split the rows into blocks and find each block's palette. */
void partition(struct range *r, struct table *t)
{
	size_t i = 0, alloc = 0;

	t->refs = xrealloc(NULL, nr_files * sizeof(*t->refs));
	memset(t->refs, 0, nr_files * sizeof(*t->refs));
	while (i < r->nr) {
		u32 last[LINEINFO_MAX_PALETTE];
		struct block *b;
		size_t real = 0;

		if (t->nr_blocks == alloc) {
			alloc = alloc ? alloc * 2 : 256;
			t->blocks = xrealloc(t->blocks, alloc * sizeof(*t->blocks));
		}
		b = &t->blocks[t->nr_blocks++];
		memset(b, 0, sizeof(*b));
		b->first = i;
		for (; i < r->nr; i++) {
			struct row *w = &r->rows[i];
			unsigned int k, best = LINEINFO_MAX_PALETTE;
			u32 d, best_d = U32_MAX;

			addr_or |= w->addr;
			if (w->gap) {
				if (i == b->first)
					die("internal error: block starts with a gap");
				continue;
			}
			if (real == block_entries)
				break;
			/* the slot of the file whose line is nearest */
			for (k = 0; k < b->nr_pal; k++) {
				if (b->pal[k] != w->file)
					continue;
				d = w->line > last[k] ? w->line - last[k] :
				    last[k] - w->line;
				if (d < best_d) {
					best_d = d;
					best = k;
				}
			}
			if (best == LINEINFO_MAX_PALETTE ||
			    (best_d >= NEW_SLOT_LINES &&
			     b->nr_pal < LINEINFO_MAX_PALETTE)) {
				if (b->nr_pal == LINEINFO_MAX_PALETTE)
					break;
				best = b->nr_pal++;
				b->pal_line[best] = w->line;
				b->pal[best] = w->file;
				t->refs[w->file]++;
			}
			w->slot = best;
			last[best] = w->line;
			real++;
		}
		b->end = i;
		order_slots(r, b);
	}
}

static const u32 *sort_refs;

static int cmp_file_refs(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	if (sort_refs[x] != sort_refs[y])
		return sort_refs[x] > sort_refs[y] ? -1 : 1;
	return strcmp(files[x].name, files[y].name);
}

/* The table's files by decreasing use: frequent ones get one-byte ids. */
void number_files(struct table *t)
{
	size_t k;

	t->id = xrealloc(NULL, nr_files * sizeof(*t->id));
	t->by_id = xrealloc(NULL, nr_files * sizeof(*t->by_id));
	t->nr_files = 0;
	for (k = 0; k < nr_files; k++) {
		t->id[k] = U32_MAX;
		if (t->refs[k])
			t->by_id[t->nr_files++] = k;
	}
	sort_refs = t->refs;
	qsort(t->by_id, t->nr_files, sizeof(*t->by_id), cmp_file_refs);
	for (k = 0; k < t->nr_files; k++)
		t->id[t->by_id[k]] = k;
}

/* (address advance, line advance) histogram for choosing special opcodes */
#define HIST_ADDR	128
#define HIST_LINE	256
static u64 hist[HIST_ADDR + 1][HIST_LINE];
#define NR_SPECIAL	(0x100 - LINEINFO_OP_SPECIAL)
#define NR_MEDIUM	(LINEINFO_NR_MEDIUM << 8)
#define NR_LARGE	(LINEINFO_NR_LARGE << 16)
unsigned int op_addr_bits, med_addr_bits, large_addr_bits;
int op_line_base, med_line_base, large_line_base;

/* (address advance, line advance) of the entries coded neither special nor medium */
static struct { u64 adv; s64 ladv; } *rest;
static size_t nr_rest, alloc_rest;

/* Does (adv, ladv) fit a code of @n values, @bits of them for adv - 1? */
static bool code_fits(u64 adv, s64 ladv, unsigned int n, unsigned int bits,
		      int base)
{
	return adv >= 1 && adv <= (1U << bits) && ladv >= base &&
	       ladv < base + (s64)(n >> bits);
}

/* Sum of span(t) * (t - i + 1) over rows [i, j), from prefix sums. */
static u64 seg_cost(const u64 *p1, const u64 *p2, size_t i, size_t j)
{
	return p2[j] - p2[i] - (u64)i * (p1[j] - p1[i]) + p1[j] - p1[i];
}

/*
 * Choose where the segments of block @b start: @start[i] is set for the
 * block's row first + i that starts a segment (row 0 always does).
 *
 * A lookup decodes its segment from the start up to the row that covers
 * the address, so for an address uniformly random in the text it decodes
 * on average sum(span(row) * (position of the row in its segment + 1)) /
 * sum(span) rows, span being the bytes of text a row covers.  Rows that
 * cover long ranges (large address advances, gaps) draw lookups and
 * belong near the start of a segment.  Use at most as many segments as
 * one per segment_rows rows, so the table size stays the same, and place
 * them to minimise that sum by dynamic programming.
 * Every segment but the last has at most MAX_SEGMENT rows, so that its
 * length fits the byte of its record, and starts at most
 * LINEINFO_MAX_SEG_SPAN bytes after the block.  Deterministic: on ties
 * the last segment starts as early as possible.
 */
static void plan_segments(const struct range *r, const struct block *b,
			  bool *start)
{
	size_t m = b->end - b->first, lim, i, j, k, nk;
	u64 *p1, *p2, *f, c, best;
	u32 *from;

	memset(start, 0, m * sizeof(*start));
	start[0] = true;
	nk = (m + segment_rows - 1) / segment_rows;
	if (nk < 2)
		return;
	/* prefix sums of span(t) and span(t) * t */
	p1 = xrealloc(NULL, (m + 1) * sizeof(*p1));
	p2 = xrealloc(NULL, (m + 1) * sizeof(*p2));
	p1[0] = 0;
	p2[0] = 0;
	lim = m;
	for (i = 0; i < m; i++) {
		const struct row *w = &r->rows[b->first + i];
		u64 next = b->first + i + 1 < r->nr ? w[1].addr :
			   r->text_end > w->addr ? r->text_end : w->addr;

		p1[i + 1] = p1[i] + (next - w->addr);
		p2[i + 1] = p2[i] + (next - w->addr) * i;
		if (lim == m && w->addr - r->rows[b->first].addr > LINEINFO_MAX_SEG_SPAN)
			lim = i;	/* no segment may start here or later */
	}
	/*
	 * f[k * (m + 1) + j]: least cost of rows [0, j) in k + 1 segments,
	 * where row j starts the next segment (or j == m); from[]: the start
	 * of the last of these segments.
	 */
	f = xrealloc(NULL, nk * (m + 1) * sizeof(*f));
	from = xrealloc(NULL, nk * (m + 1) * sizeof(*from));
	for (i = 0; i < nk * (m + 1); i++)
		f[i] = U64_MAX;
	for (j = 1; j <= m; j++)
		if (j == m || (j <= MAX_SEGMENT && j < lim))
			f[j] = seg_cost(p1, p2, 0, j);
	for (k = 1; k < nk; k++) {
		const u64 *prev = f + (k - 1) * (m + 1);
		u64 *cur = f + k * (m + 1);

		for (j = k + 1; j <= m; j++) {
			/*
			 * only the block's end is left: no segment may start
			 * at or past lim, and k + 1 segments of at most
			 * MAX_SEGMENT rows end at (k + 1) * MAX_SEGMENT at most
			 */
			if (j < m && (j >= lim || j > (k + 1) * MAX_SEGMENT))
				j = m;
			/* only the last segment may exceed MAX_SEGMENT rows */
			for (i = j - 1 < lim - 1 ? j - 1 : lim - 1; i >= k; i--) {
				if (j < m && j - i > MAX_SEGMENT)
					break;
				if (prev[i] == U64_MAX)
					continue;
				c = prev[i] + seg_cost(p1, p2, i, j);
				if (c <= cur[j]) {
					cur[j] = c;
					from[k * (m + 1) + j] = i;
				}
			}
		}
	}
	best = U64_MAX;
	for (k = 0; k < nk; k++) {
		if (f[k * (m + 1) + m] < best) {
			best = f[k * (m + 1) + m];
			j = k;
		}
	}
	if (best == U64_MAX)
		die("internal error: no segment plan for a block of %zu rows", m);
	for (k = j, i = m; k > 0; k--) {
		i = from[k * (m + 1) + i];
		start[i] = true;
	}
	free(p1);
	free(p2);
	free(f);
	free(from);
}

/*
 * Encode block @b into @out, or with @out NULL only count its (address
 * advance, line advance) pairs into hist.
 */
void encode_block(struct range *r, struct block *b, struct buf *out,
		  struct table *t)
{
	u32 line[LINEINFO_MAX_PALETTE];
	unsigned int k, slot = 0, nr_seg = 0, shift = line_addr_shift();
	u64 base_addr = r->rows[b->first].addr, addr = base_addr;
	size_t i, start = out ? out->len : 0, seg_start = 0;
	struct buf pal = {}, rec = {}, ent = {}, *o = out ? &ent : NULL;
	bool *seg = b->seg;

	/* planned once, by the counting pass, for both passes */
	if (!seg) {
		seg = xrealloc(NULL, (b->end - b->first) * sizeof(*seg));
		plan_segments(r, b, seg);
		b->seg = seg;
	}

	for (k = 0; k < b->nr_pal; k++) {
		buf_uleb(&pal, t->id[b->pal[k]]);
		buf_uleb(&pal, b->pal_line[k]);
		line[k] = b->pal_line[k];
	}
	for (i = b->first + 1; i < b->end; i++) {
		struct row *w = &r->rows[i];
		u64 adv, rel = w->addr - base_addr;
		s64 ladv;
		int s;

		/*
		 * A new segment starts one byte below its first entry, in slot
		 * 0, every slot at its palette line.  Its record needs the
		 * previous segment's length in a byte (plan_segments() keeps
		 * it to MAX_SEGMENT entries of at most MAX_ENTRY_BYTES each)
		 * and the offset in 16 bits; past that, the last segment runs
		 * to the end of the block.
		 */
		if (seg[i - b->first] && rel <= LINEINFO_MAX_SEG_SPAN &&
		    nr_seg < 255) {
			if (o) {
				if (ent.len - seg_start > 255)
					die("internal error: segment of %zu bytes",
					    ent.len - seg_start);
				buf_u8(&rec, ent.len - seg_start);
				buf_u8(&rec, rel & 0xff);
				buf_u8(&rec, rel >> 8);
				seg_start = ent.len;
			}
			nr_seg++;
			addr = w->addr - (1ULL << shift);
			slot = 0;
			for (k = 0; k < b->nr_pal; k++)
				line[k] = b->pal_line[k];
		}
		adv = (w->addr - addr) >> shift;
		if (!adv || adv > U32_MAX || (w->addr - addr) & ((1ULL << shift) - 1))
			die("internal error: address advance %llu",
			    (unsigned long long)(w->addr - addr));
		addr = w->addr;
		if (w->gap) {
			if (!o)
				continue;
			t->nr_gap++;
			buf_u8(o, LINEINFO_OP_GAP);
			buf_uleb(o, adv);
			continue;
		}
		s = w->slot;
		if (s != (int)slot && o) {
			t->nr_switch++;
			buf_u8(o, LINEINFO_OP_FILE + s);
		}
		slot = s;
		ladv = (s64)w->line - line[slot];
		line[slot] = w->line;
		if (!o) {
			if (adv <= HIST_ADDR && ladv >= -HIST_LINE / 2 &&
			    ladv < HIST_LINE / 2)
				hist[adv][ladv + HIST_LINE / 2]++;
			if (nr_rest == alloc_rest) {
				alloc_rest = alloc_rest ? alloc_rest * 2 : 4096;
				rest = xrealloc(rest, alloc_rest * sizeof(*rest));
			}
			rest[nr_rest].adv = adv;
			rest[nr_rest++].ladv = ladv;
			continue;
		}
		if (code_fits(adv, ladv, NR_SPECIAL, op_addr_bits, op_line_base)) {
			t->nr_special++;
			buf_u8(o, LINEINFO_OP_SPECIAL +
			       ((ladv - op_line_base) << op_addr_bits) + (adv - 1));
		} else if (code_fits(adv, ladv, NR_MEDIUM, med_addr_bits,
				     med_line_base)) {
			u32 v = ((ladv - med_line_base) << med_addr_bits) + (adv - 1);

			t->nr_medium++;
			buf_u8(o, LINEINFO_OP_MEDIUM + (v >> 8));
			buf_u8(o, v & 0xff);
		} else if (code_fits(adv, ladv, NR_LARGE, large_addr_bits,
				     large_line_base)) {
			u32 v = ((ladv - large_line_base) << large_addr_bits) + (adv - 1);

			t->nr_large++;
			buf_u8(o, LINEINFO_OP_LARGE + (v >> 16));
			buf_u8(o, v & 0xff);
			buf_u8(o, (v >> 8) & 0xff);
		} else {
			t->nr_long++;
			buf_u8(o, LINEINFO_OP_LONG);
			buf_uleb(o, adv);
			buf_sleb(o, (s32)ladv);
		}
	}
	if (out) {
		buf_uleb(out, pal.len);
		buf_put(out, pal.p, pal.len);
		t->sz_palette += out->len - start;
		t->nr_pal += b->nr_pal;
		buf_u8(out, nr_seg);
		buf_put(out, rec.p, rec.len);
		t->sz_segments += rec.len + 1;
		t->nr_segments += nr_seg + 1;
		buf_put(out, ent.p, ent.len);
	}
	free(pal.p);
	free(rec.p);
	free(ent.p);
	if (out) {
		free(seg);
		b->seg = NULL;
	}
}

/* Entries of hist that a code covers, skipping those @skip covers. */
static u64 code_count(unsigned int n, unsigned int bits, int base, bool skip)
{
	unsigned int a;
	int l, nl = n >> bits;
	u64 c = 0;

	for (a = 1; a <= (1U << bits) && a <= HIST_ADDR; a++) {
		for (l = base; l < base + nl; l++) {
			if (l < -HIST_LINE / 2 || l >= HIST_LINE / 2)
				continue;
			if (skip && code_fits(a, l, NR_SPECIAL, op_addr_bits,
					      op_line_base))
				continue;
			c += hist[a][l + HIST_LINE / 2];
		}
	}
	return c;
}

/*
 * The split of a code of @n values (address bits, line base) that codes
 * the most entries of hist, not counting those a special opcode codes if
 * @skip; line bases below @min_base are not tried.  @bits and @base keep
 * their values if no split codes anything.
 */
static void best_split(unsigned int n, unsigned int max_bits, bool skip,
		       int min_base, unsigned int *bits, int *base)
{
	unsigned int b;
	u64 best = 0, c;
	int l;

	for (b = 0; b <= max_bits; b++) {
		for (l = -(int)(n >> b) + 1; l <= 1; l++) {
			if (l < min_base)
				continue;
			c = code_count(n, b, l, skip);
			if (c > best) {
				best = c;
				*bits = b;
				*base = l;
			}
		}
	}
}

/*
 * Pick the special opcode split that codes the most entries in one byte,
 * then the medium split that codes the most of the others in two.
 */
void choose_codes(void)
{
	unsigned int bits;
	int base;
	u64 best, c;

	op_addr_bits = 4;
	op_line_base = -3;
	best_split(NR_SPECIAL, 6, false, -NR_SPECIAL, &op_addr_bits, &op_line_base);
	med_addr_bits = 5;
	med_line_base = -20;
	best_split(NR_MEDIUM, 7, true, -HIST_LINE / 2 - 1, &med_addr_bits,
		   &med_line_base);
	/* large codes: centred line range, the address split that fits most */
	best = 0;
	large_addr_bits = 6;
	large_line_base = -(NR_LARGE >> 7);
	for (bits = 0; bits <= LINEINFO_MAX_LARGE_ADDR_BITS; bits++) {
		size_t k;

		base = -(int)((NR_LARGE >> bits) / 2);
		c = 0;
		for (k = 0; k < nr_rest; k++) {
			if (code_fits(rest[k].adv, rest[k].ladv, NR_SPECIAL,
				      op_addr_bits, op_line_base) ||
			    code_fits(rest[k].adv, rest[k].ladv, NR_MEDIUM,
				      med_addr_bits, med_line_base))
				continue;
			c += code_fits(rest[k].adv, rest[k].ladv, NR_LARGE, bits, base);
		}
		if (c > best) {
			best = c;
			large_addr_bits = bits;
			large_line_base = base;
		}
	}
}

void build_table(int ri)
{
	struct range *r = &ranges[ri];
	struct table *t = &tables[ri];
	struct buf blocks = {}, index = {}, fidx = {}, strs = {}, pages = {};
	struct buf inl = {};
	struct buf *out = &t->out;
	struct lineinfo_header hdr;
	struct lineinfo_section sect[6];
	size_t i, k, nsect = want_inline ? 6 : 5, off;
	unsigned int shift;

	for (i = 0; i < t->nr_blocks; i++) {
		struct block *b = &t->blocks[i];

		buf_u32(&index, r->rows[b->first].addr);
		buf_u32(&index, blocks.len);
		encode_block(r, b, &blocks, t);
		t->nr_entries += b->end - b->first;
	}
	/* The file table lists the table's files by id, names in id order. */
	for (i = 0; i < t->nr_files; i++) {
		const char *name = files[t->by_id[i]].name;

		buf_u32(&fidx, strs.len);
		buf_put(&strs, name, strlen(name) + 1);
	}
	if (!t->nr_files)
		buf_u8(&strs, 0);
	if (r->end - r->base > U32_MAX)
		die("%s range too large", range_name[ri]);

	/*
	 * The page index: the smallest pages (at least 256 bytes) that cost
	 * one u32 per PAGE_ENTRIES line entries or less.
	 */
	for (shift = 8; shift < 31; shift++)
		if (((u64)r->text_end >> shift) + 1 <=
		    (t->nr_entries + PAGE_ENTRIES - 1) / PAGE_ENTRIES)
			break;
	buf_u32(&pages, shift);
	for (i = 0, k = 0; i <= (u64)r->text_end >> shift; i++) {
		u64 start = (u64)i << shift;

		while (k + 1 < t->nr_blocks &&
		       r->rows[t->blocks[k + 1].first].addr <= start)
			k++;
		buf_u32(&pages, k);
	}

	off = sizeof(hdr) + nsect * sizeof(sect[0]);
	sect[0] = (struct lineinfo_section){ LINEINFO_SECT_INDEX, off, index.len };
	off += index.len;
	sect[1] = (struct lineinfo_section){ LINEINFO_SECT_FILES, off, fidx.len };
	off += fidx.len;
	/* before the blocks, so that it stays aligned */
	sect[4] = (struct lineinfo_section){ LINEINFO_SECT_PAGES, off, pages.len };
	off += pages.len;
	sect[2] = (struct lineinfo_section){ LINEINFO_SECT_BLOCKS, off, blocks.len };
	off += blocks.len;
	sect[3] = (struct lineinfo_section){ LINEINFO_SECT_STRINGS, off, strs.len };
	off += strs.len;
	off = (off + LINEINFO_ALIGN - 1) & ~(size_t)(LINEINFO_ALIGN - 1);
	if (want_inline) {
		build_inline(ri, t, &inl);
		sect[5] = (struct lineinfo_section){ LINEINFO_SECT_INLINE, off,
						     inl.len };
		off += inl.len;
		off = (off + LINEINFO_ALIGN - 1) & ~(size_t)(LINEINFO_ALIGN - 1);
	}
	if (off > U32_MAX)
		die("table too large");

	memset(&hdr, 0, sizeof(hdr));
	hdr.magic = tgt32(LINEINFO_MAGIC);
	hdr.version = tgt16(LINEINFO_VERSION);
	hdr.hdr_size = tgt16(sizeof(hdr));
	hdr.table_size = tgt32(off);
	hdr.text_end = tgt32(r->text_end);
	hdr.nr_sections = tgt32(nsect);
	hdr.nr_blocks = tgt32(t->nr_blocks);
	hdr.nr_files = tgt32(t->nr_files);
	hdr.nr_entries = tgt32(t->nr_entries);
	hdr.op_addr_bits = op_addr_bits;
	hdr.op_line_base = op_line_base;
	hdr.op_med_addr_bits = med_addr_bits;
	hdr.op_med_line_base = tgt16(med_line_base);
	hdr.op_large_addr_bits = large_addr_bits;
	hdr.op_large_line_base = tgt32(large_line_base);
	hdr.addr_shift = line_addr_shift();
	buf_put(out, &hdr, sizeof(hdr));
	for (i = 0; i < nsect; i++) {
		buf_u32(out, sect[i].type);
		buf_u32(out, sect[i].offset);
		buf_u32(out, sect[i].size);
	}
	buf_put(out, index.p, index.len);
	buf_put(out, fidx.p, fidx.len);
	buf_put(out, pages.p, pages.len);
	buf_put(out, blocks.p, blocks.len);
	buf_put(out, strs.p, strs.len);
	buf_align(out);
	if (want_inline) {
		buf_put(out, inl.p, inl.len);
		buf_align(out);
	}

	t->sz_hdr = sizeof(hdr) + nsect * sizeof(sect[0]);
	t->sz_index = index.len;
	t->sz_files = fidx.len;
	t->sz_blocks = blocks.len;
	t->sz_strings = strs.len;
	t->sz_pages = pages.len;
	t->sz_inline = inl.len;
	free(inl.p);
	free(pages.p);
	free(blocks.p);
	free(index.p);
	free(fidx.p);
	free(strs.p);
}
