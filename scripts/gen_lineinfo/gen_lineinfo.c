// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo - build lineinfo tables (source file and line of every text
 * address) from the DWARF line programs of a vmlinux or a module.
 *
 * Usage: gen_lineinfo [options] INPUT
 *
 *   -o FILE        write an assembly file for the kernel build
 *   --raw FILE     write the raw table of the main text to FILE
 *   --raw-init FILE  write the raw table of the init text to FILE
 *   --incbin       make the assembly .incbin the raw files (needs --raw and,
 *                  if there is init text, --raw-init) instead of .byte lines
 *   --srcroot DIR  source tree root stripped from file names (default:
 *                  guessed from the files under DIR/include/linux/, else the
 *                  compilation directory)
 *   --block N      entries per block (default 160; for measurements)
 *   --segment N    entries per segment on average, 1..21 (default 18; for
 *                  measurements); no segment but a block's last has more
 *                  than 21
 *   --stats        print a size breakdown on stderr
 *   --entries FILE write the text table's entries for tools and benchmarks:
 *                  host-endian u32 triples (offset, file id or ~0 for a
 *                  gap, line), after a u32 count of file names and the
 *                  NUL-terminated names in id order
 *
 * INPUT is a vmlinux (ET_EXEC, or ET_DYN where it is linked as a PIE, as
 * on arm64: text is _text.._etext, init text is _sinittext.._einittext; an
 * executable without these symbols is described by its .text section) or
 * a module (ET_REL: text is .text, init text is .init.text; relocations of
 * the debug sections are applied by libdwfl).
 *
 * Interface of the assembly output (for the kernel build):
 *
 * - vmlinux: section .rodata.lineinfo holds the text table between the
 *   global symbols lineinfo_vmlinux and lineinfo_vmlinux_end; section
 *   .init.rodata holds the init text table between lineinfo_vmlinux_init
 *   and lineinfo_vmlinux_init_end.  Offsets are relative to _text and
 *   _sinittext.
 * - module: section .mod_lineinfo holds the text table (offsets relative to
 *   the module's .text), section .init.mod_lineinfo the init text table
 *   (offsets relative to .init.text); the section sizes are the table
 *   sizes.
 *
 * Every table is 4-byte aligned and has the byte order of INPUT.  The
 * format is described in Documentation/core-api/lineinfo.rst and
 * include/linux/lineinfo.h; the same input always gives the same output.
 */

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <endian.h>

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>

#include <linux/leb128.h>
#include <linux/lineinfo.h>

#define DEFAULT_BLOCK	160
#define DEFAULT_SEGMENT	18
/* line entries per entry of the page index */
#define PAGE_ENTRIES	640
/* longest coded entry: file switch + long (opcode, two 5-byte varints) */
#define MAX_ENTRY_BYTES	12
#define MAX_SEGMENT	(255 / MAX_ENTRY_BYTES)
#define U32_MAX		0xffffffffU
#define U64_MAX		(~0ULL)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

enum { TEXT, INIT, NR_RANGES };

static const char *range_name[NR_RANGES] = { "text", "init" };

struct row {
	u64 addr;		/* offset from the range base */
	u32 seq;		/* global sequence number, for a total order */
	u32 idx;		/* row number, for a total order */
	u32 file;		/* file id; unused for gaps */
	u32 line;
	bool gap;
};

struct range {
	u64 base, end;
	u64 text_end;		/* end of the last line sequence, offset */
	bool present;
	struct row *rows;
	size_t nr, alloc;
};

struct buf {
	u8 *p;
	size_t len, alloc;
};

struct file {
	char *name;
};

static const char *prog = "gen_lineinfo";
static const char *input;
static struct range ranges[NR_RANGES];
static struct file *files;
static size_t nr_files, alloc_files;
static bool big_endian;
static unsigned int block_entries = DEFAULT_BLOCK;
static unsigned int segment_rows = DEFAULT_SEGMENT;
static bool want_stats;
static const char *srcroot;
static char *input_dir;		/* for files of external modules */

/* name -> file id */
static u32 *name_hash;
static size_t name_hash_size;

/* libdw file name pointer -> file id, per CU */
struct ptr_slot {
	const char *ptr;
	u32 id;
};

static struct ptr_slot *ptr_hash;
static size_t ptr_hash_size, ptr_hash_used;

static void __noreturn __printf(1, 2) die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", prog, input ? input : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static void buf_put(struct buf *b, const void *data, size_t n)
{
	if (b->len + n > b->alloc) {
		b->alloc = (b->len + n) * 2 + 64;
		b->p = xrealloc(b->p, b->alloc);
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
}

static void buf_u8(struct buf *b, u8 v)
{
	buf_put(b, &v, 1);
}

static void buf_uleb(struct buf *b, u32 v)
{
	u8 tmp[LEB128_MAX_LEN];

	buf_put(b, tmp, leb128_encode_u32(tmp, sizeof(tmp), v));
}

static void buf_sleb(struct buf *b, s32 v)
{
	u8 tmp[LEB128_MAX_LEN];

	buf_put(b, tmp, leb128_encode_s32(tmp, sizeof(tmp), v));
}

static u32 tgt32(u32 v)
{
	return big_endian ? htobe32(v) : htole32(v);
}

static u16 tgt16(u16 v)
{
	return big_endian ? htobe16(v) : htole16(v);
}

static void buf_u32(struct buf *b, u32 v)
{
	v = tgt32(v);
	buf_put(b, &v, 4);
}

static void buf_align(struct buf *b)
{
	while (b->len % LINEINFO_ALIGN)
		buf_u8(b, 0);
}

static u64 hash_str(const char *s)
{
	u64 h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/*
 * Fold "." and ".." components and duplicate slashes of @path into @out.
 * ".." above the root of an absolute path is dropped; leading ".." of a
 * relative path is kept.
 */
static void normalize(const char *path, char *out)
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
	char *joined, *norm;
	const char *rel;
	size_t i, a, b, len;
	u64 h;

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

	if (nr_files * 2 >= name_hash_size) {
		size_t old = name_hash_size;
		u32 *oh = name_hash;

		name_hash_size = old ? old * 2 : 4096;
		name_hash = xrealloc(NULL, name_hash_size * sizeof(*name_hash));
		memset(name_hash, 0xff, name_hash_size * sizeof(*name_hash));
		for (i = 0; i < old; i++) {
			size_t k;

			if (oh[i] == U32_MAX)
				continue;
			k = hash_str(files[oh[i]].name) & (name_hash_size - 1);
			while (name_hash[k] != U32_MAX)
				k = (k + 1) & (name_hash_size - 1);
			name_hash[k] = oh[i];
		}
		free(oh);
	}
	h = hash_str(rel);
	for (i = h & (name_hash_size - 1); name_hash[i] != U32_MAX;
	     i = (i + 1) & (name_hash_size - 1)) {
		if (!strcmp(files[name_hash[i]].name, rel)) {
			free(norm);
			return name_hash[i];
		}
	}
	if (nr_files == alloc_files) {
		alloc_files = alloc_files ? alloc_files * 2 : 256;
		files = xrealloc(files, alloc_files * sizeof(*files));
	}
	files[nr_files].name = strdup(rel);
	if (!files[nr_files].name)
		die("out of memory");
	name_hash[i] = nr_files;
	free(norm);
	return nr_files++;
}

static u64 hash_ptr(const void *p)
{
	return ((uintptr_t)p * 0x9e3779b97f4a7c15ULL) >> 20;
}

static u32 file_id_cached(const char *name, const char *comp_dir)
{
	size_t i;

	if (ptr_hash_used * 2 >= ptr_hash_size) {
		size_t old = ptr_hash_size, k;
		struct ptr_slot *oh = ptr_hash;

		ptr_hash_size = old ? old * 2 : 4096;
		ptr_hash = xrealloc(NULL, ptr_hash_size * sizeof(*ptr_hash));
		memset(ptr_hash, 0, ptr_hash_size * sizeof(*ptr_hash));
		for (k = 0; k < old; k++) {
			if (!oh[k].ptr)
				continue;
			i = hash_ptr(oh[k].ptr) & (ptr_hash_size - 1);
			while (ptr_hash[i].ptr)
				i = (i + 1) & (ptr_hash_size - 1);
			ptr_hash[i] = oh[k];
		}
		free(oh);
	}
	for (i = hash_ptr(name) & (ptr_hash_size - 1); ptr_hash[i].ptr;
	     i = (i + 1) & (ptr_hash_size - 1))
		if (ptr_hash[i].ptr == name)
			return ptr_hash[i].id;
	ptr_hash[i].ptr = name;
	ptr_hash[i].id = file_id(name, comp_dir);
	ptr_hash_used++;
	return ptr_hash[i].id;
}

static void add_row(struct range *r, u64 off, u32 seq, u32 idx,
		    u32 file, u32 line, bool gap)
{
	struct row *w;

	if (r->nr == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 4096;
		r->rows = xrealloc(r->rows, r->alloc * sizeof(*r->rows));
	}
	w = &r->rows[r->nr++];
	w->addr = off;
	w->seq = seq;
	w->idx = idx;
	w->file = file;
	w->line = line;
	w->gap = gap;
}

/* ---- finding the text ranges ---------------------------------------- */

static int find_debuginfo_none(Dwfl_Module *mod, void **userdata,
			       const char *modname, Dwarf_Addr base,
			       const char *file_name,
			       const char *debuglink_file, GElf_Word debuglink_crc,
			       char **debuginfo_file_name)
{
	return -1;
}

static const Dwfl_Callbacks offline_callbacks = {
	.find_debuginfo = find_debuginfo_none,
	.section_address = dwfl_offline_section_address,
};

static void find_ranges_exec(Dwfl_Module *mod)
{
	u64 text = 0, etext = 0, sinit = 0, einit = 0;
	int i, n = dwfl_module_getsymtab(mod);

	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		const char *name = dwfl_module_getsym_info(mod, i, &sym, &addr,
							   NULL, NULL, NULL);

		if (!name)
			continue;
		if (!strcmp(name, "_text"))
			text = addr;
		else if (!strcmp(name, "_etext"))
			etext = addr;
		else if (!strcmp(name, "_sinittext"))
			sinit = addr;
		else if (!strcmp(name, "_einittext"))
			einit = addr;
	}
	if (!text || etext <= text) {
		/* not a vmlinux: describe the .text section */
		GElf_Addr bias;
		Elf *elf = dwfl_module_getelf(mod, &bias);
		Elf_Scn *scn = NULL;
		size_t shstrndx;

		if (!elf || elf_getshdrstrndx(elf, &shstrndx))
			die("cannot read section headers");
		while ((scn = elf_nextscn(elf, scn))) {
			GElf_Shdr shdr;
			const char *name;

			if (!gelf_getshdr(scn, &shdr))
				continue;
			name = elf_strptr(elf, shstrndx, shdr.sh_name);
			if (name && !strcmp(name, ".text")) {
				text = shdr.sh_addr + bias;
				etext = text + shdr.sh_size;
			}
		}
		if (etext <= text)
			die("no _text/_etext symbols and no .text section");
		sinit = 0;
		einit = 0;
	}
	ranges[TEXT] = (struct range){ .base = text, .end = etext, .present = true };
	if (sinit && einit > sinit)
		ranges[INIT] = (struct range){ .base = sinit, .end = einit,
					       .present = true };
}

static void find_ranges_rel(Dwfl_Module *mod)
{
	int i, n = dwfl_module_relocations(mod);
	GElf_Addr bias;
	Elf *elf = dwfl_module_getelf(mod, &bias);
	size_t shstrndx;

	if (!elf || elf_getshdrstrndx(elf, &shstrndx))
		die("cannot read section headers");
	for (i = 0; i < n; i++) {
		GElf_Word shndx;
		const char *name = dwfl_module_relocation_info(mod, i, &shndx);
		Elf_Scn *scn;
		GElf_Shdr shdr;
		int r;

		if (!name)
			continue;
		if (!strcmp(name, ".text"))
			r = TEXT;
		else if (!strcmp(name, ".init.text"))
			r = INIT;
		else
			continue;
		scn = elf_getscn(elf, shndx);
		if (!scn || !gelf_getshdr(scn, &shdr))
			die("cannot read section %s", name);
		/* libdwfl lays out the sections and records it in sh_addr */
		ranges[r].base = shdr.sh_addr + bias;
		ranges[r].end = ranges[r].base + shdr.sh_size;
		ranges[r].present = true;
	}
}

/* ---- reading the line programs -------------------------------------- */

static int range_of(u64 addr, bool end_ok)
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

/*
 * The address ranges of the CUs (.debug_aranges), sorted by address.
 * libdwfl answers an address from the lines of the CU of the last range
 * starting at or below it (text between two ranges goes to the range
 * before it), and libdw then takes that CU's last row at or below the
 * address.  So a row only covers text up to the start of the next range
 * of any CU: where a sequence runs on past it (e.g. from a function's hot
 * part to its cold part), the text in between belongs to another CU.
 */
struct cu_range {
	u64 lo, hi;		/* hi: start of the next range */
	Dwarf_Off cu;
};

static struct cu_range *cu_ranges;
static size_t nr_cu_ranges;

static int cmp_cu_range(const void *a, const void *b)
{
	const struct cu_range *x = a, *y = b;

	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return x->cu < y->cu ? -1 : x->cu > y->cu;
}

static void add_cu_range(Dwarf_Off cu, u64 lo, u64 len)
{
	static size_t alloc;

	if (nr_cu_ranges == alloc) {
		alloc = alloc ? 2 * alloc : 1024;
		cu_ranges = xrealloc(cu_ranges, alloc * sizeof(*cu_ranges));
	}
	cu_ranges[nr_cu_ranges].cu = cu;
	cu_ranges[nr_cu_ranges].lo = lo;
	/* the last range also holds its end address */
	cu_ranges[nr_cu_ranges++].hi = lo + len + 1;
}

/*
 * The address ranges of the CUs from their DIEs (DW_AT_low_pc/high_pc or
 * DW_AT_ranges), as .debug_aranges would list them. Empty ranges are left
 * out: in a riscv vmlinux, code the linker discarded has both ends
 * relocated to 0.
 */
static void read_cu_die_ranges(Dwfl_Module *mod)
{
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;

	while ((cu = dwfl_module_nextcu(mod, cu, &bias))) {
		Dwarf_Addr base, start, end;
		ptrdiff_t off = 0;

		while ((off = dwarf_ranges(cu, off, &base, &start, &end)) > 0)
			if (end > start)
				add_cu_range(dwarf_dieoffset(cu), start + bias,
					     end - start);
	}
}

static void read_cu_ranges(Dwfl_Module *mod)
{
	Dwarf_Addr bias;
	Dwarf *dw = dwfl_module_getdwarf(mod, &bias);
	Dwarf_Aranges *ar;
	size_t i, n;

	if (!dw)
		return;
	if (dwarf_getaranges(dw, &ar, &n)) {
		/*
		 * libdw 0.188 (Debian 12) refuses a table with a (0, 0)
		 * pair before its end, which riscv vmlinux files have for
		 * code the linker discarded (address and length are
		 * relocated to 0). Fall back to the CUs' own ranges: the
		 * same ranges without the discarded code.
		 */
		if (want_stats)
			fprintf(stderr,
				"lineinfo: no .debug_aranges (%s): CU ranges from the DIEs\n",
				dwarf_errmsg(-1));
		read_cu_die_ranges(mod);
		n = 0;
	}
	for (i = 0; i < n; i++) {
		Dwarf_Addr addr;
		Dwarf_Word len;
		Dwarf_Off off;

		if (dwarf_getarangeinfo(dwarf_onearange(ar, i), &addr, &len, &off))
			die("bad .debug_aranges: %s", dwarf_errmsg(-1));
		add_cu_range(off, addr + bias, len);
	}
	if (!nr_cu_ranges)
		return;
	qsort(cu_ranges, nr_cu_ranges, sizeof(*cu_ranges), cmp_cu_range);
	for (i = 0; i + 1 < nr_cu_ranges; i++)
		cu_ranges[i].hi = cu_ranges[i + 1].lo;
}

/*
 * The range libdwfl would use for @addr, if it belongs to the CU whose DIE
 * is at @cu; NULL if libdwfl would ask another CU or none.
 */
static const struct cu_range *cu_range_at(Dwarf_Off cu, u64 addr)
{
	size_t lo = 0, hi = nr_cu_ranges;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cu_ranges[mid].lo <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || addr >= cu_ranges[lo - 1].hi || cu_ranges[lo - 1].cu != cu)
		return NULL;
	return &cu_ranges[lo - 1];
}

/* A gap (no line information from there on) at absolute address @addr. */
static void add_gap(u64 addr, u32 seq, u32 idx)
{
	int r = range_of(addr, true);

	if (r >= 0)
		add_row(&ranges[r], addr - ranges[r].base, seq, idx, 0, 0, true);
}

static size_t read_lines(Dwfl_Module *mod)
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

		nr_cus++;
		if (dwarf_getsrclines(cu, &lines, &n))
			continue;
		comp_dir = dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &attr));
		if (comp_dir) {
			cdir = xrealloc(NULL, strlen(comp_dir) + 2);
			normalize(comp_dir, cdir);
		}
		ptr_hash_used = 0;
		if (ptr_hash)
			memset(ptr_hash, 0, ptr_hash_size * sizeof(*ptr_hash));

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
			file = file_id_cached(src ? src : "??", cdir);
			r = range_of(addr, false);
			in = nr_cu_ranges ? cu_range_at(cu_off, addr) : NULL;
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
	}
	if (!nr_cus)
		die("no DWARF debug information");
	if (!nr_rows)
		die("no DWARF line information");
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

/* Sort, keep the last row per address, drop repeats and useless gaps. */
static void finish_rows(struct range *r)
{
	size_t i, n = 0;

	qsort(r->rows, r->nr, sizeof(*r->rows), cmp_row);
	for (i = 0; i < r->nr; i++) {
		struct row *w = &r->rows[i];

		if (i + 1 < r->nr && r->rows[i + 1].addr == w->addr)
			continue;
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

/* ---- encoding ------------------------------------------------------- */

struct block {
	size_t first, end;		/* rows [first, end) */
	u32 pal[LINEINFO_MAX_PALETTE];
	u32 pal_line[LINEINFO_MAX_PALETTE];
	unsigned int nr_pal;
};

struct table {
	struct block *blocks;
	size_t nr_blocks;
	struct buf out;
	size_t sz_index, sz_blocks, sz_palette, sz_files, sz_strings, sz_hdr;
	size_t nr_entries;
	size_t nr_special, nr_medium, nr_large, nr_long, nr_switch, nr_gap, nr_pal;
	size_t sz_segments, nr_segments, sz_pages;
	u32 *refs;		/* per global file: palette references */
	u32 *id;		/* per global file: id in this table */
	u32 *by_id;	/* global file of each id */
	u32 nr_files;
};

static struct table tables[NR_RANGES];

static int pal_find(const struct block *b, u32 file)
{
	unsigned int k;

	for (k = 0; k < b->nr_pal; k++)
		if (b->pal[k] == file)
			return k;
	return -1;
}

/* Split the rows into blocks and find each block's palette. */
static void partition(struct range *r, struct table *t)
{
	size_t i = 0, alloc = 0;

	t->refs = xrealloc(NULL, nr_files * sizeof(*t->refs));
	memset(t->refs, 0, nr_files * sizeof(*t->refs));
	while (i < r->nr) {
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

			if (w->gap) {
				if (i == b->first)
					die("internal error: block starts with a gap");
				continue;
			}
			if (real == block_entries)
				break;
			if (pal_find(b, w->file) < 0) {
				if (b->nr_pal == LINEINFO_MAX_PALETTE)
					break;
				b->pal_line[b->nr_pal] = w->line;
				b->pal[b->nr_pal++] = w->file;
				t->refs[w->file]++;
			}
			real++;
		}
		b->end = i;
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
static void number_files(struct table *t)
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
static unsigned int op_addr_bits, med_addr_bits, large_addr_bits;
static int op_line_base, med_line_base, large_line_base;

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
			if (j < m && j >= lim)
				j = m;	/* only the block's end is left */
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
static void encode_block(struct range *r, struct block *b, struct buf *out,
			 struct table *t)
{
	u32 line[LINEINFO_MAX_PALETTE];
	unsigned int k, slot = 0, nr_seg = 0;
	u64 base_addr = r->rows[b->first].addr, addr = base_addr;
	size_t i, start = out ? out->len : 0, seg_start = 0;
	struct buf pal = {}, rec = {}, ent = {}, *o = out ? &ent : NULL;
	bool *seg = xrealloc(NULL, (b->end - b->first) * sizeof(*seg));

	plan_segments(r, b, seg);

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
			addr = w->addr - 1;
			slot = 0;
			for (k = 0; k < b->nr_pal; k++)
				line[k] = b->pal_line[k];
		}
		adv = w->addr - addr;
		if (!adv || adv > U32_MAX)
			die("internal error: address advance %llu",
			    (unsigned long long)adv);
		addr = w->addr;
		if (w->gap) {
			if (!o)
				continue;
			t->nr_gap++;
			buf_u8(o, LINEINFO_OP_GAP);
			buf_uleb(o, adv);
			continue;
		}
		s = pal_find(b, w->file);
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
	free(seg);
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
static void choose_codes(void)
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

static void build_table(int ri)
{
	struct range *r = &ranges[ri];
	struct table *t = &tables[ri];
	struct buf blocks = {}, index = {}, fidx = {}, strs = {}, pages = {};
	struct buf *out = &t->out;
	struct lineinfo_header hdr;
	struct lineinfo_section sect[5];
	size_t i, k, nsect = 5, off;
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

	off = sizeof(hdr) + sizeof(sect);
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

	t->sz_hdr = sizeof(hdr) + sizeof(sect);
	t->sz_index = index.len;
	t->sz_files = fidx.len;
	t->sz_blocks = blocks.len;
	t->sz_strings = strs.len;
	t->sz_pages = pages.len;
	free(pages.p);
	free(blocks.p);
	free(index.p);
	free(fidx.p);
	free(strs.p);
}

/* ---- output --------------------------------------------------------- */

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		die("cannot write %s: %s", path, strerror(errno));
	if (len && fwrite(data, 1, len, f) != len)
		die("cannot write %s: %s", path, strerror(errno));
	if (fclose(f))
		die("cannot write %s: %s", path, strerror(errno));
}

static void emit_bytes(FILE *f, const struct buf *b)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		fprintf(f, "%s%u%s", i % 32 ? "," : "\t.byte ", b->p[i],
			i % 32 == 31 || i + 1 == b->len ? "\n" : "");
}

static void write_entries(const char *path)
{
	struct range *r = &ranges[TEXT];
	struct table *t = &tables[TEXT];
	struct buf b = {};
	size_t i;

	buf_put(&b, &t->nr_files, 4);
	for (i = 0; i < t->nr_files; i++)
		buf_put(&b, files[t->by_id[i]].name,
			strlen(files[t->by_id[i]].name) + 1);
	for (i = 0; i < r->nr; i++) {
		u32 e[3] = {
			r->rows[i].addr,
			r->rows[i].gap ? U32_MAX : t->id[r->rows[i].file],
			r->rows[i].line,
		};

		buf_put(&b, e, sizeof(e));
	}
	write_file(path, b.p, b.len);
	free(b.p);
}

static void write_asm(const char *path, bool module, bool incbin,
		      const char *raw[NR_RANGES])
{
	static const char * const sec_vmlinux[NR_RANGES] = {
		".rodata.lineinfo", ".init.rodata" };
	static const char * const sym_vmlinux[NR_RANGES] = {
		"lineinfo_vmlinux", "lineinfo_vmlinux_init" };
	static const char * const sec_module[NR_RANGES] = {
		".mod_lineinfo", ".init.mod_lineinfo" };
	FILE *f = fopen(path, "w");
	int r;

	if (!f)
		die("cannot write %s: %s", path, strerror(errno));
	fprintf(f, "/* Generated by scripts/gen_lineinfo; do not edit. */\n");
	for (r = 0; r < NR_RANGES; r++) {
		const struct buf *b = &tables[r].out;

		/* vmlinux always defines both tables' symbols */
		if (!ranges[r].present && r != TEXT && module)
			continue;
		fprintf(f, "\n\t.section %s, \"a\"\n\t.balign %d\n",
			module ? sec_module[r] : sec_vmlinux[r], LINEINFO_ALIGN);
		if (!module)
			fprintf(f, "\t.globl %s\n%s:\n", sym_vmlinux[r], sym_vmlinux[r]);
		if (incbin && raw[r])
			fprintf(f, "\t.incbin \"%s\"\n", raw[r]);
		else
			emit_bytes(f, b);
		if (!module)
			fprintf(f, "\t.globl %s_end\n%s_end:\n", sym_vmlinux[r],
				sym_vmlinux[r]);
	}
	if (fclose(f))
		die("cannot write %s: %s", path, strerror(errno));
}

/* ---- source root guess ---------------------------------------------- */

/*
 * The kernel source root is the directory holding include/linux/; every
 * kernel object includes headers from there.  Take the prefix that most
 * file names share before "/include/linux/".
 */
static char *guess_srcroot(Dwfl_Module *mod)
{
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;
	char *best = NULL, *first_cdir = NULL;
	size_t best_n = 0, nr_cus = 0;

	while ((cu = dwfl_module_nextcu(mod, cu, &bias)) && nr_cus++ < 64) {
		Dwarf_Files *df;
		size_t n, i;
		Dwarf_Attribute attr;
		const char *cdir = dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &attr));

		if (cdir && !first_cdir) {
			first_cdir = xrealloc(NULL, strlen(cdir) + 2);
			normalize(cdir, first_cdir);
		}
		if (dwarf_getsrcfiles(cu, &df, &n))
			continue;
		for (i = 0; i < n; i++) {
			const char *name = dwarf_filesrc(df, i, NULL, NULL);
			char *norm, *p;

			if (!name || name[0] != '/')
				continue;
			norm = xrealloc(NULL, strlen(name) + 2);
			normalize(name, norm);
			p = strstr(norm, "/include/linux/");
			if (p && p > norm) {
				*p = '\0';
				if (!best || strcmp(best, norm)) {
					if (!best || best_n <= 1) {
						free(best);
						best = strdup(norm);
						best_n = 1;
					} else {
						best_n--;
					}
				} else {
					best_n++;
				}
			}
			free(norm);
		}
	}
	if (best) {
		free(first_cdir);
		return best;
	}
	return first_cdir;
}

/* ---- main ----------------------------------------------------------- */

/* libelf reads past the end of a truncated file as missing data: check. */
static void check_truncated(Elf *elf, int fd)
{
	off_t size = lseek(fd, 0, SEEK_END);
	Elf_Scn *scn = NULL;
	size_t shnum, shstrndx;
	GElf_Ehdr ehdr;

	if (size < 0 || !gelf_getehdr(elf, &ehdr))
		die("cannot read: %s", strerror(errno));
	if (elf_getshdrnum(elf, &shnum) || elf_getshdrstrndx(elf, &shstrndx) ||
	    ehdr.e_shoff + (u64)shnum * ehdr.e_shentsize > (u64)size)
		die("truncated file (section headers missing)");
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr shdr;

		if (!gelf_getshdr(scn, &shdr))
			die("bad section header: %s", elf_errmsg(-1));
		if (shdr.sh_type != SHT_NOBITS &&
		    shdr.sh_offset + shdr.sh_size > (u64)size)
			die("truncated file (section %zu ends past the end)",
			    elf_ndxscn(scn));
	}
}

static void __noreturn help_exit(void)
{
	fprintf(stderr,
		"usage: %s [-o FILE.S] [--raw FILE] [--raw-init FILE] [--incbin]\n"
		"       [--srcroot DIR] [--block N] [--segment N] [--stats]\n"
		"       [--entries FILE] INPUT\n", prog);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *out_asm = NULL, *raw[NR_RANGES] = { NULL, NULL };
	const char *entries = NULL;
	bool incbin = false, module;
	char *root = NULL;
	Dwfl *dwfl;
	Dwfl_Module *mod;
	Elf *elf;
	GElf_Ehdr ehdr;
	size_t nr_rows, total = 0, total_entries = 0;
	int i, fd, r;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out_asm = argv[++i];
		else if (!strcmp(argv[i], "--raw") && i + 1 < argc)
			raw[TEXT] = argv[++i];
		else if (!strcmp(argv[i], "--raw-init") && i + 1 < argc)
			raw[INIT] = argv[++i];
		else if (!strcmp(argv[i], "--incbin"))
			incbin = true;
		else if (!strcmp(argv[i], "--srcroot") && i + 1 < argc)
			srcroot = argv[++i];
		else if (!strcmp(argv[i], "--block") && i + 1 < argc)
			block_entries = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--segment") && i + 1 < argc)
			segment_rows = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--entries") && i + 1 < argc)
			entries = argv[++i];
		else if (!strcmp(argv[i], "--stats"))
			want_stats = true;
		else if (argv[i][0] == '-' || input)
			help_exit();
		else
			input = argv[i];
	}
	if (!input || !block_entries || !segment_rows ||
	    segment_rows > MAX_SEGMENT)
		help_exit();

	fd = open(input, O_RDONLY);
	if (fd < 0)
		die("cannot open: %s", strerror(errno));
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF)
		die("not an ELF file");
	if (!gelf_getehdr(elf, &ehdr))
		die("bad ELF header: %s", elf_errmsg(-1));
	if (ehdr.e_type != ET_EXEC && ehdr.e_type != ET_DYN &&
	    ehdr.e_type != ET_REL)
		die("neither a vmlinux (ET_EXEC or ET_DYN) nor a module (ET_REL)");
	module = ehdr.e_type == ET_REL;
	big_endian = ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
	check_truncated(elf, fd);
	elf_end(elf);

	dwfl = dwfl_begin(&offline_callbacks);
	if (!dwfl)
		die("libdwfl: %s", dwfl_errmsg(-1));
	/*
	 * A module is laid out by libdwfl, which also relocates its debug
	 * sections. An executable is taken at its link addresses: libdwfl
	 * would move an ET_DYN offline, and not its absolute symbols (such
	 * as a linker script's _etext), so report it at bias 0.
	 */
	if (module)
		mod = dwfl_report_offline(dwfl, "input", input, fd);
	else
		mod = dwfl_report_elf(dwfl, "input", input, fd, 0, true);
	if (!mod)
		die("cannot load: %s", dwfl_errmsg(-1));
	dwfl_report_end(dwfl, NULL, NULL);
	{
		Dwarf_Addr bias;

		if (!dwfl_module_getdwarf(mod, &bias))
			die("no DWARF debug information (%s)", dwfl_errmsg(-1));
		if (!module && bias)
			die("libdwfl placed the executable at a bias of %#llx",
			    (unsigned long long)bias);
	}

	if (module)
		find_ranges_rel(mod);
	else
		find_ranges_exec(mod);
	if (!ranges[TEXT].present)
		die("no .text section");

	if (srcroot) {
		root = xrealloc(NULL, strlen(srcroot) + 2);
		normalize(srcroot, root);
	} else {
		root = guess_srcroot(mod);
	}
	srcroot = root;
	{
		char *real = realpath(input, NULL), *slash;

		if (real) {
			slash = strrchr(real, '/');
			if (slash)
				*slash = '\0';
			input_dir = real;
		}
	}

	read_cu_ranges(mod);
	nr_rows = read_lines(mod);
	for (r = 0; r < NR_RANGES; r++) {
		finish_rows(&ranges[r]);
		partition(&ranges[r], &tables[r]);
	}
	for (r = 0; r < NR_RANGES; r++) {
		struct table *t = &tables[r];
		size_t k;

		number_files(t);
		for (k = 0; k < t->nr_blocks; k++)
			encode_block(&ranges[r], &t->blocks[k], NULL, t);
	}
	choose_codes();
	for (r = 0; r < NR_RANGES; r++) {
		build_table(r);
		total += tables[r].out.len;
		total_entries += tables[r].nr_entries;
		if (raw[r])
			write_file(raw[r], tables[r].out.p, tables[r].out.len);
	}
	if (incbin && (!raw[TEXT] || (ranges[INIT].present && !raw[INIT])))
		die("--incbin needs --raw (and --raw-init)");
	if (out_asm)
		write_asm(out_asm, module, incbin, raw);
	if (entries)
		write_entries(entries);

	if (want_stats) {
		for (r = 0; r < NR_RANGES; r++) {
			struct table *t = &tables[r];
			double n = t->nr_entries ? t->nr_entries : 1;

			fprintf(stderr,
				"lineinfo: %s: %zu entries, %zu blocks, header %zu, index %zu (%.3f B/e), blocks %zu (%.3f B/e, palettes %.3f, segment records %.3f), page index %zu (%.3f), file table %zu (%.3f), names %zu (%.3f)\n",
				range_name[r], t->nr_entries, t->nr_blocks, t->sz_hdr,
				t->sz_index, t->sz_index / n, t->sz_blocks,
				t->sz_blocks / n, t->sz_palette / n,
				t->sz_segments / n, t->sz_pages, t->sz_pages / n,
				t->sz_files,
				t->sz_files / n, t->sz_strings, t->sz_strings / n);
			fprintf(stderr,
				"lineinfo: %s: coded entries: %zu special, %zu medium, %zu large, %zu long, %zu gaps, %zu file switches; %.1f files/block, %.1f segments/block\n",
				range_name[r], t->nr_special, t->nr_medium, t->nr_large,
				t->nr_long, t->nr_gap, t->nr_switch,
				t->nr_blocks ? (double)t->nr_pal / t->nr_blocks : 0.0,
				t->nr_blocks ? (double)t->nr_segments / t->nr_blocks : 0.0);
		}
		fprintf(stderr,
			"lineinfo: %zu DWARF rows, srcroot %s, codes (address bits, line base): special %u %d, medium %u %d, large %u %d\n",
			nr_rows, srcroot ? srcroot : "(none)", op_addr_bits, op_line_base,
			med_addr_bits, med_line_base, large_addr_bits, large_line_base);
		fprintf(stderr,
			"lineinfo: %zu entries, %u files, %zu blocks, %zu bytes = %.2f B/entry\n",
			total_entries, tables[TEXT].nr_files + tables[INIT].nr_files,
			tables[TEXT].nr_blocks + tables[INIT].nr_blocks,
			total, total_entries ? (double)total / total_entries : 0.0);
	}

	dwfl_end(dwfl);
	close(fd);
	return 0;
}
