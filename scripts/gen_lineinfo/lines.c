// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo: the line rows of the text ranges, from the DWARF line
 * programs: file names made relative to the source tree and numbered in
 * the order they are first seen, rows cut to the CU ranges, then sorted
 * and thinned.
 */

#include <stdlib.h>
#include <string.h>

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

#include "gen_lineinfo.h"

/*
 * <linux/types.h> of tools/include already defines struct list_head,
 * hlist_head and hlist_node, as scripts/include/list_types.h would.
 */
#define LIST_TYPES_H
#include <array_size.h>
#include <hash.h>
#include <hashtable.h>
#include <list.h>
#include <xalloc.h>

/* Messages too long for a line, kept whole so that they can be grepped */
#define MSG_NO_ARANGE \
	"CU %s dropped: %zu line rows in the text, no address range of it in .debug_aranges"

struct file *files;
size_t nr_files;
static size_t alloc_files;

/* name -> file id */
struct name_entry {
	struct hlist_node node;
	u32 id;
};

static HASHTABLE_DEFINE(name_hash, 1U << 12);

/* libdw file name pointer -> file id, per CU */
struct ptr_entry {
	struct hlist_node node;
	struct list_head list;		/* in ptr_list */
	const char *ptr;
	u32 id;
};

static HASHTABLE_DEFINE(ptr_hash, 1U << 10);
/* the entries of ptr_hash, for forgetting them at the next CU */
static LIST_HEAD(ptr_list);

/*
 * Fold "." and ".." components and duplicate slashes of @path into @out.
 * ".." above the root of an absolute path is dropped; leading ".." of a
 * relative path is kept.
 */
void normalize(const char *path, char *out)
{
	size_t comp_start[4096];
	size_t n = 0, len = 0;
	bool abs = path[0] == '/';
	const char *p = path;

	if (abs)
		out[len++] = '/';
	while (*p) {
		const char *s;
		size_t l;

		while (*p == '/')
			p++;
		s = p;
		while (*p && *p != '/')
			p++;
		l = p - s;
		if (!l || (l == 1 && s[0] == '.'))
			continue;
		if (l == 2 && s[0] == '.' && s[1] == '.') {
			if (n && !(comp_start[n - 1] + 2 == len &&
				   !memcmp(out + comp_start[n - 1], "..", 2))) {
				len = comp_start[--n];
				if (len > (size_t)abs)
					len--;	/* the slash before */
				continue;
			}
			if (abs)
				continue;
		}
		if (len > (size_t)abs)
			out[len++] = '/';
		if (n < ARRAY_SIZE(comp_start))
			comp_start[n++] = len;
		memcpy(out + len, s, l);
		len += l;
	}
	out[len] = '\0';
	if (!len)
		memcpy(out, ".", 2);
}

/* Strip @root (a normalized absolute directory) from @path if under it. */
static size_t under(const char *path, const char *root)
{
	size_t l;

	if (!root)
		return 0;
	l = strlen(root);
	if (l == 1 && root[0] == '/')
		return 0;
	if (!strncmp(path, root, l) && path[l] == '/')
		return l + 1;
	return 0;
}

static u32 file_id(const char *name, const char *comp_dir)
{
	struct name_entry *e;
	char *joined, *norm;
	const char *rel;
	size_t a, b, len;
	unsigned int h;

	len = strlen(name) + (comp_dir ? strlen(comp_dir) : 0) + 2;
	joined = xrealloc(NULL, len);
	snprintf(joined, len, "%s%s%s", name[0] != '/' && comp_dir ? comp_dir : "",
		 name[0] != '/' && comp_dir ? "/" : "", name);
	norm = xrealloc(NULL, strlen(joined) + 2);
	normalize(joined, norm);
	free(joined);

	/*
	 * Strip the longer of the source root and the build directory; a file
	 * under neither (an external module's) is named relative to the
	 * directory of the input file.
	 */
	a = under(norm, srcroot);
	b = under(norm, comp_dir);
	if (!a && !b)
		a = under(norm, input_dir);
	rel = norm + (a > b ? a : b);

	h = hash_str(rel);
	hash_for_each_possible(name_hash, e, node, h) {
		if (!strcmp(files[e->id].name, rel)) {
			free(norm);
			return e->id;
		}
	}
	if (nr_files == alloc_files) {
		alloc_files = alloc_files ? alloc_files * 2 : 256;
		files = xrealloc(files, alloc_files * sizeof(*files));
	}
	files[nr_files].name = xstrdup(rel);
	e = xmalloc(sizeof(*e));
	e->id = nr_files;
	hash_add(name_hash, &e->node, h);
	free(norm);
	return nr_files++;
}

u32 file_id_cached(const char *name, const char *comp_dir)
{
	struct ptr_entry *e;
	unsigned int h = hash_ptr(name);

	hash_for_each_possible(ptr_hash, e, node, h)
		if (e->ptr == name)
			return e->id;
	e = xmalloc(sizeof(*e));
	e->ptr = name;
	e->id = file_id(name, comp_dir);
	hash_add(ptr_hash, &e->node, h);
	list_add_tail(&e->list, &ptr_list);
	return e->id;
}

/* Forget the file name pointers of the previous CU. */
void ptr_hash_clear(void)
{
	struct ptr_entry *e, *tmp;

	list_for_each_entry_safe(e, tmp, &ptr_list, list) {
		hash_del(&e->node);
		free(e);
	}
	INIT_LIST_HEAD(&ptr_list);
}

static void add_row(struct range *r, u64 off, u32 seq, u32 idx,
		    u32 file, u32 line, bool gap)
{
	struct row *w;

	r->rows = grow(r->rows, &r->alloc, r->nr, sizeof(*r->rows));
	w = &r->rows[r->nr++];
	w->addr = off;
	w->seq = seq;
	w->idx = idx;
	w->file = file;
	w->line = line;
	w->gap = gap;
}

int range_of(u64 addr, bool end_ok)
{
	int r;

	for (r = 0; r < NR_RANGES; r++) {
		if (!ranges[r].present)
			continue;
		if (addr >= ranges[r].base &&
		    (addr < ranges[r].end || (end_ok && addr == ranges[r].end)))
			return r;
	}
	return -1;
}

/* A gap (no line information from there on) at absolute address @addr. */
static void add_gap(u64 addr, u32 seq, u32 idx)
{
	int r = range_of(addr, true);

	if (r >= 0)
		add_row(&ranges[r], addr - ranges[r].base, seq, idx, 0, 0, true);
}

size_t read_lines(Dwfl_Module *mod)
{
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;
	u32 seq = 0;
	size_t nr_cus = 0, nr_rows = 0;

	while ((cu = dwfl_module_nextcu(mod, cu, &bias))) {
		Dwarf_Attribute attr;
		Dwarf_Lines *lines;
		size_t n, i;
		const char *comp_dir;
		char *cdir = NULL;
		/* the last row of the current sequence */
		bool have_prev = false, in_seq = false;
		u64 prev_addr = 0;
		u32 prev_file = 0, prev_line = 0;
		/* the CU's range of the last row, and where it ends */
		const struct cu_range *in;
		Dwarf_Off cu_off = dwarf_dieoffset(cu);
		bool open = false;
		u64 open_hi = 0;

		/* rows of this CU in the text, and those left out there */
		size_t nr_in = 0, nr_out = 0, nr_no_file = 0;

		nr_cus++;
		if (dwarf_getsrclines(cu, &lines, &n)) {
			warn("CU %s: line program unreadable (%s): its code has no lines",
			     cu_name(cu), dwarf_errmsg(-1));
			continue;
		}
		comp_dir = dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &attr));
		if (comp_dir) {
			cdir = xrealloc(NULL, strlen(comp_dir) + 2);
			normalize(comp_dir, cdir);
		}
		ptr_hash_clear();

		for (i = 0; i < n; i++) {
			Dwarf_Line *l = dwarf_onesrcline(lines, i);
			Dwarf_Addr addr;
			bool end = false;
			int lineno = 0, r;
			u64 start;
			const char *src;
			u32 file;

			if (!l || dwarf_lineaddr(l, &addr) ||
			    dwarf_lineendsequence(l, &end))
				die("bad line row: %s", dwarf_errmsg(-1));
			addr += bias;
			nr_rows++;
			if (!in_seq) {
				in_seq = true;
				seq++;
			}
			/* the open row's CU range ends before this row */
			if (open && addr > open_hi)
				add_gap(open_hi, seq, i);
			open = false;
			if (end) {
				r = range_of(addr, true);
				if (r >= 0) {
					struct range *g = &ranges[r];

					/*
					 * Rows at the end address of their own
					 * sequence cover no code (e.g. an empty
					 * cold part): drop them, they must not
					 * hide a row of another sequence there.
					 */
					while (g->nr && g->rows[g->nr - 1].seq == seq &&
					       !g->rows[g->nr - 1].gap &&
					       g->rows[g->nr - 1].addr == addr - g->base)
						g->nr--;
					add_row(g, addr - g->base, seq, i, 0, 0, true);
				}
				in_seq = false;
				have_prev = false;
				continue;
			}
			dwarf_lineno(l, &lineno);
			src = dwarf_linesrc(l, NULL, NULL);
			if (!src)
				nr_no_file++;
			file = file_id_cached(src ? src : "??", cdir);
			r = range_of(addr, false);
			in = nr_cu_ranges ? cu_range_at(cu_off, addr) : NULL;
			if (r >= 0) {
				if (in || !nr_cu_ranges)
					nr_in++;
				else
					nr_out++;
			}
			if (r < 0 || (nr_cu_ranges && !in)) {
				have_prev = true;
				prev_addr = addr;
				prev_file = file;
				prev_line = lineno;
				continue;
			}
			/*
			 * A sequence that starts before the text range or the
			 * CU range covers its start.
			 */
			start = ranges[r].base;
			if (in && in->lo > start)
				start = in->lo;
			if (have_prev && prev_addr < start && addr > start)
				add_row(&ranges[r], start - ranges[r].base, seq, i,
					prev_file, prev_line, false);
			add_row(&ranges[r], addr - ranges[r].base, seq, i, file,
				lineno, false);
			/* and one that runs into another range of its CU too */
			have_prev = true;
			prev_addr = addr;
			prev_file = file;
			prev_line = lineno;
			if (in) {
				open = true;
				open_hi = in->hi;
			}
		}
		free(cdir);
		if (nr_out && !nr_in)
			warn(MSG_NO_ARANGE,
			     cu_name(cu), nr_out);
		if (nr_no_file)
			warn("CU %s: the file of %zu line rows not found: printed as ??",
			     cu_name(cu), nr_no_file);
	}
	if (!nr_cus)
		die("no DWARF debug information");
	if (!nr_rows)
		die("no DWARF line rows in its %zu CUs (code compiled without -g?)",
		    nr_cus);
	return nr_rows;
}

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	/* an end of sequence yields to a row starting at the same address */
	if (x->gap != y->gap)
		return x->gap ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * Sort, keep the last row per address, make rows of line 0 gaps, drop
 * repeats and useless gaps.
 */
void finish_rows(struct range *r)
{
	size_t i, n = 0;

	if (r->nr)
		qsort(r->rows, r->nr, sizeof(*r->rows), cmp_row);
	for (i = 0; i < r->nr; i++) {
		struct row *w = &r->rows[i];

		if (i + 1 < r->nr && r->rows[i + 1].addr == w->addr)
			continue;
		/*
		 * Line 0 is code of no source line (clang emits such rows):
		 * no annotation there, as addr2line prints "file:?".
		 */
		if (!w->gap && !w->line)
			w->gap = true;
		if (w->addr >= r->end - r->base && w->gap)
			continue;
		if (!n && w->gap)
			continue;
		if (n) {
			struct row *p = &r->rows[n - 1];

			if (p->gap && w->gap)
				continue;
			if (!p->gap && !w->gap && p->file == w->file &&
			    p->line == w->line)
				continue;
		}
		r->rows[n++] = *w;
	}
	/* a final gap becomes the end of the table */
	r->text_end = r->end - r->base;
	if (n && r->rows[n - 1].gap)
		r->text_end = r->rows[--n].addr;
	r->nr = n;
}
