// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo: the encoding of the inline call site section. The chain
 * changes of a text range (inline.c) are cut into blocks of about
 * inline_block entries, preferably where no chain is left, and each
 * change is coded as the number of inlined functions left and entered,
 * with the call sites entered. A call site is predicted by the last one
 * at the same depth in the block: sibling calls in one function share a
 * file and lie a few lines apart.
 */
#include <string.h>

#include <xalloc.h>

#include "gen_lineinfo.h"

unsigned int inline_block = 16;

static struct {
	size_t blocks, entries, bytes, index;
	size_t op[8], adv_uleb, site_near, site_file, site_uleb;
	size_t bytes_ops, bytes_sites;
} st;

/* Count the call-site files of a range, so that they get table ids. */
void inline_refs(int ri, struct table *t)
{
	const struct chains *c = &chains[ri];
	size_t i;

	for (i = 0; i < c->nr_sites; i++)
		t->refs[c->sites[i].file]++;
}

static void put_site(struct buf *b, struct site *mem, const struct site *s,
		     const struct table *t)
{
	u32 id = t->id[s->file];
	s64 d = (s64)s->line - mem->line - LINEINFO_SITE_BASE;
	size_t len = b->len;

	if (mem->file == s->file && d >= 0 && d < LINEINFO_SITE_FILE) {
		buf_u8(b, d);
		st.site_near++;
	} else {
		if (id < LINEINFO_SITE_ULEB - LINEINFO_SITE_FILE) {
			buf_u8(b, LINEINFO_SITE_FILE + id);
			st.site_file++;
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

/* One entry: from the chain @p (depth @pd) to step @s, @adv bytes on. */
static void put_entry(struct buf *b, const struct chains *c, u32 pd,
		      const struct site *p, const struct chain_step *s,
		      u64 adv, struct site *mem, const struct table *t)
{
	const struct site *n = c->sites + s->sites;
	u32 k = 0, pop, push, op, i;
	size_t len = b->len;

	while (k < pd && k < s->depth && !memcmp(&p[k], &n[k], sizeof(*n)))
		k++;
	pop = pd - k;
	push = s->depth - k;
	if (!pop && push == 1)
		op = LINEINFO_INL_PUSH1;
	else if (!pop && push == 2)
		op = LINEINFO_INL_PUSH2;
	else if (pop == 1 && !push)
		op = LINEINFO_INL_POP1;
	else if (pop == 2 && !push)
		op = LINEINFO_INL_POP2;
	else if (!push && !s->depth)
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
	if (op == LINEINFO_INL_ANY) {
		buf_uleb(b, pop);
		buf_uleb(b, push);
	}
	st.bytes_ops += b->len - len;
	for (i = k; i < s->depth; i++)
		put_site(b, &mem[i], &n[i], t);
	st.entries++;
}

/*
 * The section: struct lineinfo_inline, the block index, the blocks. A
 * block starts with no chain at its first offset; its first entry, if the
 * chain there is not empty, has advance 0.
 */
void build_inline(int ri, const struct table *t, struct buf *out)
{
	const struct chains *c = &chains[ri];
	struct buf index = {}, data = {};
	struct site mem[LINEINFO_MAX_INLINE];
	size_t i = 0, j, nblocks = 0, nr = c->nr;
	u32 depth = 0;

	/* lookups at or past text_end find no line: no chain is needed there */
	while (nr && c->step[nr - 1].addr >= ranges[ri].text_end)
		nr--;
	for (j = 0; j < nr; j++)
		if (c->step[j].depth > depth)
			depth = c->step[j].depth;
	while (i < nr) {
		const struct chain_step *first = &c->step[i];
		const struct site *p = NULL;
		u64 addr = first->addr;
		u32 pd = 0;
		size_t n;

		buf_u32(&index, addr);
		buf_u32(&index, data.len);
		nblocks++;
		for (j = 0; j < LINEINFO_MAX_INLINE; j++)
			mem[j].file = U32_MAX;
		for (n = 0; i < nr; i++, n++) {
			const struct chain_step *s = &c->step[i];

			/* cut where no chain is left, or at twice the size */
			if (n >= inline_block && (!s->depth || n >= 2 * inline_block))
				break;
			if (n || s->depth)
				put_entry(&data, c, pd, p, s, s->addr - addr, mem, t);
			addr = s->addr;
			pd = s->depth;
			p = c->sites + s->sites;
		}
	}
	buf_u32(out, nblocks);
	buf_u32(out, depth);
	buf_put(out, index.p, index.len);
	buf_put(out, data.p, data.len);
	st.blocks += nblocks;
	st.index += index.len + 8;
	st.bytes += data.len;
	free(index.p);
	free(data.p);
}

void inline_encode_stats(void)
{
	size_t e = st.entries ? st.entries : 1;

	fprintf(stderr,
		"lineinfo: inline section: %zu blocks, %zu entries, index %zu, blocks %zu (%.2f B/entry: opcodes %.2f, sites %.2f); %zu chains deeper than %u dropped\n",
		st.blocks, st.entries, st.index, st.bytes,
		(double)st.bytes / e, (double)st.bytes_ops / e,
		(double)st.bytes_sites / e, nr_too_deep, LINEINFO_MAX_INLINE);
	fprintf(stderr,
		"lineinfo: inline entries: pop1 %zu, pop2 %zu, pop all %zu, push1 %zu, swap1 %zu, swap2 %zu, push2 %zu, any %zu, long advances %zu; sites: near %zu, file byte %zu, file uleb %zu\n",
		st.op[0], st.op[1], st.op[2], st.op[3], st.op[4], st.op[5],
		st.op[6], st.op[7], st.adv_uleb, st.site_near, st.site_file,
		st.site_uleb);
}
