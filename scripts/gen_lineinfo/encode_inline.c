// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo: the encoding of the inline call site section. The chain
 * changes of a text range (inline.c) are cut into blocks of about
 * inline_block entries, preferably where no chain is left, and always at
 * the start of a page of the block index where a chain runs across it;
 * each change is coded as the number of inlined functions left and
 * entered, with the call sites entered. A call site is predicted by the
 * last one at the same depth in the block (sibling calls in one function
 * share a file and lie a few lines apart); failing that, the sites used
 * most often in the whole text (the calls inside small helpers inlined
 * everywhere) are entries of a dictionary, one or two bytes each.
 */
#include <string.h>

#include <xalloc.h>

#include "gen_lineinfo.h"

unsigned int inline_block = INLINE_BLOCK_ARCH;

/* the address unit of the entries of the range being encoded, as a shift */
static unsigned int addr_shift;

static struct {
	size_t blocks, entries, bytes, index, pages, dict, nr_dict;
	size_t op[8], adv_uleb, site_near, site_dict1, site_dict2;
	size_t site_file, site_file2, site_uleb;
	size_t bytes_ops, bytes_sites;
} st;

/* A far site (not coded as near) of the dry run, or a dictionary entry. */
struct dsite {
	u32 file, line, count, id;
};

static struct {
	struct dsite *far;	/* dry run: every far site, in use order */
	size_t nr_far, alloc_far;
	struct dsite *dict;	/* sorted by (file, line), with its id */
	size_t nr;
	bool dry;
} dict;

/* Count the call-site files of a range, so that they get table ids. */
void inline_refs(int ri, struct table *t)
{
	const struct chains *c = &chains[ri];
	size_t i;

	for (i = 0; i < c->nr_sites; i++)
		t->refs[c->sites[i].file]++;
}

static int cmp_dsite(const void *a, const void *b)
{
	const struct dsite *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int dict_id(const struct site *s)
{
	struct dsite key = { .file = s->file, .line = s->line }, *d;

	if (!dict.nr)
		return -1;
	d = bsearch(&key, dict.dict, dict.nr, sizeof(key), cmp_dsite);
	return d ? (int)d->id : -1;
}

static size_t uleb_len(u32 v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

/* Bytes of a far site coded with its file id and line. */
static size_t far_len(const struct table *t, u32 file, u32 line)
{
	u32 id = t->id[file];

	if (id < LINEINFO_SITE_NR_FILE1)
		return 1 + uleb_len(line);
	if (id < LINEINFO_SITE_NR_FILE)
		return 2 + uleb_len(line);
	return 1 + uleb_len(id) + uleb_len(line);
}

static void put_site(struct buf *b, struct site *mem, const struct site *s,
		     const struct table *t)
{
	u32 id = t->id[s->file];
	s64 d = (s64)s->line - mem->line - LINEINFO_SITE_BASE;
	size_t len = b->len;
	int k = dict.dry ? -1 : dict_id(s);

	if (mem->file == s->file && d >= 0 && d < LINEINFO_SITE_DICT) {
		buf_u8(b, d);
		st.site_near++;
	} else if (dict.dry) {
		dict.far = grow(dict.far, &dict.alloc_far, dict.nr_far,
				sizeof(*dict.far));
		dict.far[dict.nr_far++] = (struct dsite){ s->file, s->line, 1, 0 };
		buf_u8(b, 0);	/* only the dry run's block sizes use this */
	} else if (k >= 0) {
		if (k < LINEINFO_SITE_NR_DICT1) {
			buf_u8(b, LINEINFO_SITE_DICT + k);
			st.site_dict1++;
		} else {
			k -= LINEINFO_SITE_NR_DICT1;
			buf_u8(b, LINEINFO_SITE_DICT2 + (k >> 8));
			buf_u8(b, k & 0xff);
			st.site_dict2++;
		}
	} else {
		if (id < LINEINFO_SITE_NR_FILE1) {
			buf_u8(b, LINEINFO_SITE_FILE + id);
			st.site_file++;
		} else if (id < LINEINFO_SITE_NR_FILE) {
			id -= LINEINFO_SITE_NR_FILE1;
			buf_u8(b, LINEINFO_SITE_FILE2 + (id >> 8));
			buf_u8(b, id & 0xff);
			st.site_file2++;
		} else {
			buf_u8(b, LINEINFO_SITE_ULEB);
			buf_uleb(b, id);
			st.site_uleb++;
		}
		buf_uleb(b, s->line);
	}
	*mem = *s;
	st.bytes_sites += b->len - len;
}

/* One entry: from the chain @p (depth @pd) to depth @depth, sites @n. */
static void put_entry(struct buf *b, u32 pd, const struct site *p, u32 depth,
		      const struct site *n, u64 adv, struct site *mem,
		      const struct table *t)
{
	u32 k = 0, pop, push, op, i;
	size_t len = b->len;

	while (k < pd && k < depth && !memcmp(&p[k], &n[k], sizeof(*n)))
		k++;
	pop = pd - k;
	push = depth - k;
	/* ANY codes at most 15 of each: split the rare longer changes */
	if ((pop > 15 && depth) || push > 15) {
		u32 d = pop > 15 ? 0 : depth - 1;

		put_entry(b, pd, p, d, n, adv, mem, t);
		put_entry(b, d, n, depth, n, 0, mem, t);
		return;
	}
	if (!pop && push == 1)
		op = LINEINFO_INL_PUSH1;
	else if (!pop && push == 2)
		op = LINEINFO_INL_PUSH2;
	else if (pop == 1 && !push)
		op = LINEINFO_INL_POP1;
	else if (pop == 2 && !push)
		op = LINEINFO_INL_POP2;
	else if (!push && !depth)
		op = LINEINFO_INL_POP_ALL;
	else if (pop == 1 && push == 1)
		op = LINEINFO_INL_SWAP1;
	else if (pop == 2 && push == 1)
		op = LINEINFO_INL_SWAP2;
	else
		op = LINEINFO_INL_ANY;
	st.op[op]++;
	if (adv < LINEINFO_INL_ADV_ULEB) {
		buf_u8(b, op << LINEINFO_INL_ADV_BITS | adv);
	} else {
		if (adv > U32_MAX)
			die("inline: address advance too large");
		buf_u8(b, op << LINEINFO_INL_ADV_BITS | LINEINFO_INL_ADV_ULEB);
		buf_uleb(b, adv);
		st.adv_uleb++;
	}
	if (op == LINEINFO_INL_ANY)
		buf_u8(b, pop << 4 | push);
	st.bytes_ops += b->len - len;
	for (i = k; i < depth; i++)
		put_site(b, &mem[i], &n[i], t);
	st.entries++;
}

/* A u16 in the target's byte order. */
static void buf_u16(struct buf *b, u16 v)
{
	u8 x[2] = { v & 0xff, v >> 8 };

	if (big_endian) {
		x[0] = v >> 8;
		x[1] = v & 0xff;
	}
	buf_put(b, x, 2);
}

/*
 * The page table, the block index and the blocks of the chain steps
 * [0, @nr) with pages of 1 << @shift bytes: false if a page's blocks do
 * not fit its 16-bit data offsets (the dry run never fails).
 */
static bool encode_blocks(const struct chains *c, size_t nr, u64 text_end,
			  unsigned int shift, const struct table *t,
			  struct buf *pages, struct buf *index,
			  struct buf *data, u32 *nr_pages, u32 *nr_blocks)
{
	struct site mem[LINEINFO_MAX_INLINE];
	const struct site *p = NULL, *n;
	u64 addr = 0, page_end = 0, pstart = 0, pdata = 0, at;
	size_t i = 0, cnt = 0, j;
	u32 pd = 0, depth, blocks = 0, pg = 0;
	bool open = false;

	pages->len = 0;
	index->len = 0;
	data->len = 0;
	/* one pass over the steps and the page starts, in address order */
	for (;;) {
		if (i < nr && c->step[i].addr < page_end) {
			at = c->step[i].addr;
			depth = c->step[i].depth;
			n = c->sites + c->step[i].sites;
			i++;
		} else {
			if (page_end >= text_end)
				break;
			pstart = page_end;
			page_end += 1ULL << shift;
			buf_u32(pages, blocks);
			buf_u32(pages, data->len);
			pdata = data->len;
			pg++;
			open = false;
			if (!pd)
				continue;
			/* a chain runs into the page: a block enters it there */
			at = pstart;
			depth = pd;
			n = p;
		}
		/* cut where no chain is left, or at twice the size */
		if (!open || (cnt >= inline_block &&
			      (!depth || cnt >= 2 * inline_block))) {
			if (!open && !depth) {
				pd = 0;
				p = n;
				addr = at;
				continue;
			}
			if (!dict.dry && data->len - pdata > 0xffff)
				return false;
			buf_u16(index, at - pstart);
			buf_u16(index, data->len - pdata);
			blocks++;
			open = true;
			cnt = 0;
			pd = 0;
			p = n;
			addr = at;
			for (j = 0; j < LINEINFO_MAX_INLINE; j++)
				mem[j].file = U32_MAX;
			/* the block starts with no chain */
			if (!depth)
				continue;
		}
		if ((at - addr) & ((1ULL << addr_shift) - 1))
			die("internal error: inline advance off the address unit");
		put_entry(data, pd, p, depth, n, (at - addr) >> addr_shift, mem, t);
		cnt++;
		addr = at;
		pd = depth;
		p = n;
	}
	buf_u32(pages, blocks);
	buf_u32(pages, data->len);
	*nr_pages = pg;
	*nr_blocks = blocks;
	return true;
}

static int cmp_benefit(const void *a, const void *b)
{
	const struct dsite *x = a, *y = b;

	/* ->id holds the bytes saved by a one-byte code */
	if (x->id != y->id)
		return x->id > y->id ? -1 : 1;
	return cmp_dsite(a, b);
}

/*
 * The dictionary: the far sites of the dry run that save the most bytes,
 * the first LINEINFO_SITE_NR_DICT1 of them in one byte, the others in two;
 * a site is worth its 4-byte entry if it saves more than that. Returns
 * the bits of the line in an entry.
 */
static unsigned int choose_dict(const struct table *t)
{
	size_t i, k, nr = 0;
	unsigned int line_bits = 1, file_bits;

	free(dict.dict);
	dict.dict = NULL;
	dict.nr = 0;
	if (dict.nr_far)
		qsort(dict.far, dict.nr_far, sizeof(*dict.far), cmp_dsite);
	for (i = 0; i < dict.nr_far; i = k) {
		struct dsite d = dict.far[i];
		size_t len = far_len(t, d.file, d.line);

		for (k = i + 1; k < dict.nr_far && !cmp_dsite(&dict.far[k], &d); k++)
			;
		d.count = k - i;
		d.id = d.count * (len - 1);
		if (d.id > 4)
			dict.far[nr++] = d;
	}
	if (nr)
		qsort(dict.far, nr, sizeof(*dict.far), cmp_benefit);
	for (i = 0; i < nr; i++) {
		struct dsite *d = &dict.far[i];
		size_t len = far_len(t, d->file, d->line);

		if (dict.nr >= LINEINFO_SITE_NR_DICT)
			break;
		if (dict.nr >= LINEINFO_SITE_NR_DICT1 && d->count * (len - 2) <= 4)
			continue;
		dict.far[dict.nr++] = *d;
	}
	for (i = 0; i < dict.nr; i++) {
		while (line_bits < 31 && dict.far[i].line >= (1U << line_bits))
			line_bits++;
	}
	/* a site whose file id or line does not fit the entry: leave it out */
	file_bits = 32 - line_bits;
	for (i = k = 0; i < dict.nr; i++) {
		u32 id = t->id[dict.far[i].file];

		if (id >> file_bits || dict.far[i].line >> line_bits)
			continue;
		dict.far[k] = dict.far[i];
		dict.far[k].id = k;
		k++;
	}
	dict.nr = k;
	dict.dict = xrealloc(NULL, (dict.nr + 1) * sizeof(*dict.dict));
	if (dict.nr) {
		memcpy(dict.dict, dict.far, dict.nr * sizeof(*dict.dict));
		qsort(dict.dict, dict.nr, sizeof(*dict.dict), cmp_dsite);
	}
	free(dict.far);
	dict.far = NULL;
	dict.nr_far = 0;
	dict.alloc_far = 0;
	return line_bits;
}

/*
 * The section: struct lineinfo_inline, the page table, the block index,
 * the call site dictionary, the blocks. A block starts with no chain at
 * its first offset; its first entry, if the chain there is not empty, has
 * advance 0.
 */
void build_inline(int ri, const struct table *t, struct buf *out)
{
	const struct chains *c = &chains[ri];
	struct buf pages = {}, index = {}, data = {}, sites = {};
	struct lineinfo_inline h = {};
	u64 text_end = ranges[ri].text_end;
	unsigned int shift = LINEINFO_INL_MAX_PAGE_SHIFT, line_bits;
	size_t j, nr = c->nr;
	u32 depth = 0, nr_pages, nr_blocks;
	typeof(st) saved;
	u64 all;

	/* lookups at or past text_end find no line: no chain is needed there */
	while (nr && c->step[nr - 1].addr >= text_end)
		nr--;
	for (j = 0; j < nr; j++)
		if (c->step[j].depth > depth)
			depth = c->step[j].depth;
	/*
	 * Blocks as large as the lookup's budget of 2,000 instructions for a
	 * line and chain allows, measured on distribution kernels: x86's
	 * chains are shallower than arm64's (amd64: blocks of 24, 1,762
	 * instructions; arm64 needs 16 for 1,857). Other architectures are
	 * not measured: 16.
	 */
	if (inline_block == INLINE_BLOCK_ARCH)
		inline_block = elf_machine == EM_X86_64 || elf_machine == EM_386 ?
			       24 : 16;
	/* advances in units of the alignment of every step */
	for (j = 0, all = 0; j < nr; j++)
		all |= c->step[j].addr;
	for (addr_shift = 0; addr_shift < LINEINFO_MAX_ADDR_SHIFT &&
	     !(all & (1ULL << addr_shift)); addr_shift++)
		;
	/* a dry run finds the far sites, then the real one uses the dictionary */
	saved = st;
	dict.dry = true;
	encode_blocks(c, nr, text_end, shift, t, &pages, &index, &data,
		      &nr_pages, &nr_blocks);
	dict.dry = false;
	st = saved;
	line_bits = choose_dict(t);
	while (!encode_blocks(c, nr, text_end, shift, t, &pages, &index, &data,
			      &nr_pages, &nr_blocks)) {
		if (!shift--)
			die("inline: blocks too large for the page index");
		st = saved;
	}
	h.depth = tgt32(depth);
	h.nr_pages = tgt32(nr_pages);
	h.nr_blocks = tgt32(nr_blocks);
	h.nr_sites = tgt32(dict.nr);
	h.page_shift = shift;
	h.line_bits = line_bits;
	h.addr_shift = addr_shift;
	buf_put(out, &h, sizeof(h));
	buf_put(out, pages.p, pages.len);
	buf_put(out, index.p, index.len);
	/* the dictionary in id order */
	for (j = 0; j < dict.nr; j++)
		buf_u32(&sites, 0);
	for (j = 0; j < dict.nr; j++) {
		const struct dsite *d = &dict.dict[j];
		u32 e = tgt32(t->id[d->file] << line_bits | d->line);

		memcpy(sites.p + 4 * d->id, &e, 4);
	}
	st.index += sizeof(h) + pages.len + index.len;
	st.pages += pages.len;
	buf_put(out, sites.p, sites.len);
	buf_put(out, data.p, data.len);
	st.blocks += nr_blocks;
	st.dict += sites.len;
	st.nr_dict += dict.nr;
	st.bytes += data.len;
	free(pages.p);
	free(index.p);
	free(data.p);
	free(sites.p);
}

void inline_encode_stats(void)
{
	size_t e = st.entries ? st.entries : 1;

	fprintf(stderr,
		"lineinfo: inline section: %zu blocks of %u entries or more, %zu entries, index %zu (page table %zu), dictionary %zu (%zu sites), blocks %zu (%.2f B/entry: opcodes %.2f, sites %.2f); %zu chains deeper than %u cut to their innermost sites\n",
		st.blocks, inline_block, st.entries, st.index, st.pages, st.dict,
		st.nr_dict,
		st.bytes, (double)st.bytes / e, (double)st.bytes_ops / e,
		(double)st.bytes_sites / e, nr_too_deep, LINEINFO_MAX_INLINE);
	fprintf(stderr,
		"lineinfo: inline entries: pop1 %zu, pop2 %zu, pop all %zu, push1 %zu, swap1 %zu, swap2 %zu, push2 %zu, any %zu, long advances %zu; sites: near %zu, dictionary byte %zu, dictionary 2 bytes %zu, file byte %zu, file 2 bytes %zu, file uleb %zu\n",
		st.op[0], st.op[1], st.op[2], st.op[3], st.op[4], st.op[5],
		st.op[6], st.op[7], st.adv_uleb, st.site_near, st.site_dict1,
		st.site_dict2, st.site_file, st.site_file2, st.site_uleb);
}
