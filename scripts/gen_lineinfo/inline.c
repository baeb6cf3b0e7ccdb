// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo: inline scopes. Every DW_TAG_inlined_subroutine with code
 * in a covered text range, with its address ranges, its depth (1 when it
 * is inlined into the function itself, 2 when into a depth 1 scope, ...)
 * and its call site (DW_AT_call_file, DW_AT_call_line), the file named
 * like the line rows' files. The scopes of an address, innermost first,
 * give the call-site chain that addr2line -i prints after the line.
 *
 * Read through libdw's DIE tree walk (dwarf_child(), dwarf_siblingof(),
 * dwarf_ranges()), as the line rows are; nothing is parsed by hand.
 */
#include <dwarf.h>
#include <string.h>

#include <xalloc.h>

#include "gen_lineinfo.h"

/* Messages too long for a line, kept whole so that they can be grepped */
#define MSG_SPLIT_DWARF \
	"split DWARF: the inlined functions of CU %s are in %s, which --inline does not read; build without -gsplit-dwarf"
#define MSG_NO_FILE \
	"CU %s: the file of %zu inlined call sites not found (%s): printed as ??"
#define MSG_TOO_DEEP \
	"%zu address ranges in calls inlined deeper than %u (up to %u): their chains cut to the innermost %u call sites"

/*
 * An address range of one inlined scope, as offsets into its text range.
 * @die numbers the DW_TAG_inlined_subroutine DIEs in tree order, @parent
 * is the enclosing one's number (NO_DIE at depth 1).
 */
struct scope {
	u64 lo, hi;
	u32 depth, file, line;
	u32 die, parent;
};

#define NO_DIE	U32_MAX

static struct {
	struct scope *s;
	size_t nr, alloc;
} scopes[NR_RANGES];

static size_t nr_dies, max_depth;
/* call sites whose file was not found, in the current CU */
static size_t nr_no_file;
static size_t depth_dies[32];

static void add_scope(int r, u64 lo, u64 hi, u32 depth, u32 file, u32 line,
		      u32 die, u32 parent)
{
	struct scope *s;

	scopes[r].s = grow(scopes[r].s, &scopes[r].alloc, scopes[r].nr,
			   sizeof(*scopes[r].s));
	s = &scopes[r].s[scopes[r].nr++];
	s->lo = lo;
	s->hi = hi;
	s->depth = depth;
	s->file = file;
	s->line = line;
	s->die = die;
	s->parent = parent;
}

struct cu_ctx {
	Dwarf_Off off;		/* of the CU's DIE */
	Dwarf_Files *files;
	size_t nr_files;
	const char *cdir;
	Dwarf_Addr bias;
};

/* One DW_TAG_inlined_subroutine at @depth: its ranges inside the text. */
static void inline_die(Dwarf_Die *sub, const struct cu_ctx *cu, u32 depth,
		       u32 id, u32 parent)
{
	Dwarf_Attribute attr;
	Dwarf_Word fidx = 0, line = 0;
	Dwarf_Addr base, start, end;
	const char *name = NULL;
	ptrdiff_t off = 0;
	bool counted = false;
	u32 file;

	if (dwarf_formudata(dwarf_attr(sub, DW_AT_call_file, &attr), &fidx) == 0 &&
	    cu->files && fidx < cu->nr_files)
		name = dwarf_filesrc(cu->files, fidx, NULL, NULL);
	if (dwarf_formudata(dwarf_attr(sub, DW_AT_call_line, &attr), &line))
		line = 0;
	if (!name)
		nr_no_file++;
	file = file_id_cached(name ? name : "??", cu->cdir);

	while ((off = dwarf_ranges(sub, off, &base, &start, &end)) > 0) {
		int r;

		start += cu->bias;
		end += cu->bias;
		if (end <= start)
			continue;
		r = range_of(start, false);
		if (r < 0)
			continue;
		if (end > ranges[r].end)
			end = ranges[r].end;
		/*
		 * Only where libdwfl would ask this CU, as for the line rows:
		 * addr2line never sees a scope of another CU's addresses.
		 */
		while (start < end) {
			u64 lo = start, hi = end;

			if (nr_cu_ranges && !cu_clip(cu->off, &lo, &hi))
				break;
			add_scope(r, lo - ranges[r].base, hi - ranges[r].base,
				  depth, file, line > U32_MAX ? U32_MAX : line,
				  id, parent);
			start = hi;
		}
		if (!counted) {
			counted = true;
			nr_dies++;
			if (depth > max_depth)
				max_depth = depth;
			depth_dies[depth < 31 ? depth : 31]++;
		}
	}
	if (off < 0)
		die("bad ranges of an inlined subroutine: %s", dwarf_errmsg(-1));
}

static u32 nr_die_ids;

/*
 * The children of @parent that can hold code: functions, lexical blocks
 * and inlined subroutines, and the namespaces (C++, Rust) and modules
 * around functions. @depth is the number of inlined scopes around them,
 * @outer the number of the innermost one (NO_DIE if none); a nested
 * function starts again at 0.
 */
static void walk(Dwarf_Die *parent, const struct cu_ctx *cu, u32 depth,
		 u32 outer)
{
	Dwarf_Die child;
	u32 id;
	int ret;

	if (dwarf_child(parent, &child))
		return;
	do {
		switch (dwarf_tag(&child)) {
		case DW_TAG_subprogram:
			walk(&child, cu, 0, NO_DIE);
			break;
		case DW_TAG_lexical_block:
		case DW_TAG_namespace:
		case DW_TAG_module:
			walk(&child, cu, depth, outer);
			break;
		case DW_TAG_inlined_subroutine:
			id = nr_die_ids++;
			inline_die(&child, cu, depth + 1, id, outer);
			walk(&child, cu, depth + 1, id);
			break;
		default:
			break;
		}
		ret = dwarf_siblingof(&child, &child);
	} while (ret == 0);
	if (ret < 0)
		die("bad DIE tree: %s", dwarf_errmsg(-1));
}

size_t read_inline_scopes(Dwfl_Module *mod)
{
	Dwarf_Die *cudie = NULL;
	struct cu_ctx cu;
	const char *files_err;

	while ((cudie = dwfl_module_nextcu(mod, cudie, &cu.bias))) {
		Dwarf_Attribute attr;
		const char *comp_dir, *dwo;
		char *cdir = NULL;

		/*
		 * A skeleton CU of split DWARF (-gsplit-dwarf) has its DIEs in
		 * a .dwo file: the inline section would be silently empty.
		 */
		dwo = dwarf_formstring(dwarf_attr(cudie, DW_AT_dwo_name, &attr));
		if (!dwo)
			dwo = dwarf_formstring(dwarf_attr(cudie, DW_AT_GNU_dwo_name,
							  &attr));
		if (dwo)
			die(MSG_SPLIT_DWARF,
			    cu_name(cudie), dwo);
		comp_dir = dwarf_formstring(dwarf_attr(cudie, DW_AT_comp_dir, &attr));
		if (comp_dir) {
			cdir = xmalloc(strlen(comp_dir) + 2);
			normalize(comp_dir, cdir);
		}
		cu.cdir = cdir;
		cu.off = dwarf_dieoffset(cudie);
		files_err = NULL;
		if (dwarf_getsrcfiles(cudie, &cu.files, &cu.nr_files)) {
			files_err = "line program unreadable";
			cu.files = NULL;
			cu.nr_files = 0;
		}
		ptr_hash_clear();
		nr_no_file = 0;
		walk(cudie, &cu, 0, NO_DIE);
		if (nr_no_file)
			warn(MSG_NO_FILE,
			     cu_name(cudie), nr_no_file,
			     files_err ? files_err :
			     "DW_AT_call_file out of range or missing");
		free(cdir);
	}
	ptr_hash_clear();
	return scopes[TEXT].nr + scopes[INIT].nr;
}

void inline_stats(void)
{
	size_t d;

	fprintf(stderr,
		"lineinfo: inline: %zu inlined subroutines, %zu ranges in text, %zu in init text, depth up to %zu:",
		nr_dies, scopes[TEXT].nr, scopes[INIT].nr, max_depth);
	for (d = 1; d <= max_depth && d < 32; d++)
		fprintf(stderr, " %zu", depth_dies[d]);
	fputc('\n', stderr);
}

struct chains chains[NR_RANGES];
size_t nr_too_deep;
static u32 max_chain;	/* the deepest chain cut */

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static int cmp_scope_lo(const void *a, const void *b)
{
	const struct scope *x = a, *y = b;

	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return x->die < y->die ? -1 : x->die > y->die;
}

static void add_step(struct chains *c, u64 addr, const struct site *s, u32 n)
{
	struct chain_step *st;

	c->step = grow(c->step, &c->alloc, c->nr, sizeof(*c->step));
	if (c->nr_sites + n > c->alloc_sites) {
		c->alloc_sites = (c->nr_sites + n) * 2 + 4096;
		c->sites = xrealloc(c->sites, c->alloc_sites * sizeof(*c->sites));
	}
	st = &c->step[c->nr++];
	st->addr = addr;
	st->depth = n;
	st->sites = c->nr_sites;
	memcpy(c->sites + c->nr_sites, s, n * sizeof(*s));
	c->nr_sites += n;
}

/* the deepest nesting followed; no compiler nests anywhere near it */
#define MAX_NESTING	1024

/*
 * The chain at an address, outermost call site first, as libdw's
 * dwarf_getscopes() finds it: at each depth the first DIE (in tree order)
 * among the active scopes whose parent is the one chosen a level up.
 * A chain deeper than LINEINFO_MAX_INLINE is cut to its innermost
 * LINEINFO_MAX_INLINE call sites: what addr2line -i prints first.
 */
static u32 chain_at(const struct scope *s, const size_t *active, size_t nr,
		    struct site *out)
{
	static struct site all[MAX_NESTING];
	u32 d, parent = NO_DIE;
	size_t k;

	for (d = 1; d <= MAX_NESTING; d++) {
		const struct scope *best = NULL;

		for (k = 0; k < nr; k++) {
			const struct scope *a = &s[active[k]];

			if (a->depth == d && a->parent == parent &&
			    (!best || a->die < best->die))
				best = a;
		}
		if (!best)
			break;
		all[d - 1].file = best->file;
		all[d - 1].line = best->line;
		parent = best->die;
	}
	d--;
	if (d <= LINEINFO_MAX_INLINE) {
		memcpy(out, all, d * sizeof(*out));
		return d;
	}
	nr_too_deep++;
	if (d > max_chain)
		max_chain = d;
	memcpy(out, all + d - LINEINFO_MAX_INLINE,
	       LINEINFO_MAX_INLINE * sizeof(*out));
	return LINEINFO_MAX_INLINE;
}

/*
 * Turn the scopes of each range into the addresses where the printed
 * chain changes, with the new chain: a sweep over the scope boundaries.
 */
void build_chains(void)
{
	struct site cur[LINEINFO_MAX_INLINE], prev[LINEINFO_MAX_INLINE];
	size_t *active = NULL, nr_active = 0, alloc_active = 0;
	int r;

	for (r = 0; r < NR_RANGES; r++) {
		struct scope *s = scopes[r].s;
		size_t n = scopes[r].nr, nb = 0, i, k, next = 0;
		u32 depth, pdepth = 0;
		u64 *bound;

		if (!n)
			continue;
		qsort(s, n, sizeof(*s), cmp_scope_lo);
		bound = xmalloc(2 * n * sizeof(*bound));
		for (i = 0; i < n; i++) {
			bound[nb++] = s[i].lo;
			bound[nb++] = s[i].hi;
		}
		qsort(bound, nb, sizeof(*bound), cmp_u64);
		nr_active = 0;
		for (i = 0; i < nb; i++) {
			u64 x = bound[i];

			if (i && x == bound[i - 1])
				continue;
			for (k = 0; k < nr_active; )
				if (s[active[k]].hi <= x)
					active[k] = active[--nr_active];
				else
					k++;
			for (; next < n && s[next].lo <= x; next++) {
				if (s[next].hi <= x)
					continue;
				if (nr_active == alloc_active) {
					alloc_active = alloc_active * 2 + 64;
					active = xrealloc(active, alloc_active *
							  sizeof(*active));
				}
				active[nr_active++] = next;
			}
			depth = chain_at(s, active, nr_active, cur);
			if (depth == pdepth &&
			    !memcmp(cur, prev, depth * sizeof(*cur)))
				continue;
			add_step(&chains[r], x, cur, depth);
			memcpy(prev, cur, depth * sizeof(*cur));
			pdepth = depth;
		}
		free(bound);
	}
	free(active);
	if (nr_too_deep)
		warn(MSG_TOO_DEEP,
		     nr_too_deep, LINEINFO_MAX_INLINE, max_chain,
		     LINEINFO_MAX_INLINE);
}
