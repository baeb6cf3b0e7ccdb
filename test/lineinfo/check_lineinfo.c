// SPDX-License-Identifier: GPL-2.0
/*
 * Check lineinfo tables against libdw, independently of the generator.
 *
 * usage: check_lineinfo [--relative] [--swap] [--inline] [--srcroot DIR]
 *                       [--input-dir DIR] [--symbolizer PROG] [--random N] [--seed S] NAME INPUT
 *                       TEXT.bin [INIT.bin]
 *
 * For every address of a DWARF line row inside the text (and init text)
 * of INPUT, the byte before and after it, the range ends and N random
 * addresses, the answer of lineinfo_lookup(), the kernel's lookup, on the
 * table is compared with
 * libdwfl's dwfl_module_getsrc(): both must say "no line" (libdw's line
 * 0 is no line), or both give
 * the same line and exactly the file name the generator must write for
 * libdw's path: relative to the source root (--srcroot) or the CU's
 * compilation directory, else to the input's directory (--input-dir,
 * when INPUT is a copy).  With
 * --relative, file names must also be relative and free of "..".  With
 * --swap, the tables are in the other byte order (a big-endian target):
 * this host must refuse them as they are and answer right once swapped.
 * With --inline, the tables have the inline call site section, and at
 * the first 10,000 random addresses with a line of each table the call
 * sites of lineinfo_lookup_chain() must be those of libdw's
 * dwarf_getscopes(), innermost first: each
 * DW_TAG_inlined_subroutine's DW_AT_call_file and DW_AT_call_line, the
 * scopes around an inlined instance found with dwarf_getscopes_die(), as
 * eu-addr2line -i does.
 *
 * With --symbolizer, up to 2,000 row and 2,000 random addresses of each
 * range are also given to PROG (llvm-symbolizer-19) with --inlining, a
 * second oracle: its disagreements are counted by cause (see classify()
 * and README.md, "Oracles"); one of no known cause fails.
 *
 * Prints "PASS <check>" or "FAIL <check>: <why>" lines; exits 1 on failure.
 */

#define _GNU_SOURCE
#include <byteswap.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <dwarf.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>

#include <linux/lineinfo.h>

struct rng {
	bool present;
	uint64_t base, end;
	void *table;
	size_t size;
	const char *path;
	bool checked;		/* lineinfo_check() accepted it: sample it */
};

static const char *name;
static int failed;
static bool relative;
static bool swap;
static bool with_inline;

static int no_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname,
			Dwarf_Addr base, const char *file_name,
			const char *debuglink_file, GElf_Word debuglink_crc,
			char **debuginfo_file_name)
{
	return -1;
}

static const Dwfl_Callbacks cb = {
	.find_debuginfo = no_debuginfo,
	.section_address = dwfl_offline_section_address,
};

static void *load(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	void *p;
	long n;

	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc(n ? n : 1);	/* 16-byte aligned, exactly n bytes for ASan */
	if (!p || fread(p, 1, n, f) != (size_t)n) {
		fprintf(stderr, "%s: read error\n", path);
		exit(2);
	}
	fclose(f);
	*size = n;
	return p;
}

/* Simple path folding, written separately from the generator's. */
static void fold(const char *in, char *out)
{
	char *parts[1024];
	char *copy = strdup(in), *save = NULL, *tok;
	int n = 0, i;

	for (tok = strtok_r(copy, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..") && n && strcmp(parts[n - 1], "..")) {
			n--;
			continue;
		}
		if (!strcmp(tok, "..") && in[0] == '/')
			continue;
		if (n < 1024)
			parts[n++] = tok;
	}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i || in[0] == '/')
			strcat(out, "/");
		strcat(out, parts[i]);
	}
	free(copy);
}

/* the source root given with --srcroot and the input's directory, folded */
static char *root_dir, *input_dir;

/* Length of @root plus its slash if @path is under the directory @root. */
static size_t under(const char *path, const char *root)
{
	size_t l = root ? strlen(root) : 0;

	if (!l || !strcmp(root, "/") || strncmp(path, root, l) || path[l] != '/')
		return 0;
	return l + 1;
}

/*
 * The name a table must give for the path @dw of a DWARF file of a CU
 * compiled in @cdir: the path, completed with @cdir if relative (libdw's
 * are relative to it; llvm-symbolizer's, @joined, already start with it,
 * itself relative where DW_AT_comp_dir is) and folded, without the longer
 * of the source root (--srcroot) and @cdir; a path under neither without
 * the input's directory, else whole (Documentation/core-api/lineinfo.rst).
 */
static char *expected_name(const char *dw, const char *cdir, bool joined_dir)
{
	bool join = dw[0] != '/' && cdir && !joined_dir;
	char *joined, *f, *c = NULL, *out;
	size_t a, b;

	if (asprintf(&joined, "%s%s%s", join ? cdir : "", join ? "/" : "", dw) < 0)
		abort();
	f = malloc(strlen(joined) + 2);
	fold(joined, f);
	if (cdir) {
		c = malloc(strlen(cdir) + 2);
		fold(cdir, c);
	}
	a = under(f, root_dir);
	b = under(f, c);
	if (!a && !b)
		a = under(f, input_dir);
	out = strdup(f + (a > b ? a : b));
	free(joined);
	free(f);
	free(c);
	return out;
}

/* The compilation directory of the CU libdw finds for @addr, or NULL. */
static const char *cu_dir(Dwfl_Module *mod, uint64_t addr)
{
	Dwarf_Addr bias;
	Dwarf_Die *cu = dwfl_module_addrdie(mod, addr, &bias);
	Dwarf_Attribute at;

	return cu ? dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &at)) : NULL;
}

/* The table's name @tab is exactly the one expected for @dw. */
static bool name_matches(const char *tab, const char *dw, const char *cdir)
{
	char *want = expected_name(dw, cdir, false);
	bool ok = !strcmp(tab, want);

	free(want);
	return ok;
}

static unsigned long nr_checked, nr_lines, nr_none, nr_bad;
/* chains compared with libdw per table: each costs a walk of a CU's DIEs */
#define MAX_CHAINS	10000

static unsigned long chain_budget;
static unsigned long nr_chains, nr_inlined, nr_sites, depth_hist[LINEINFO_MAX_CHAIN];

/*
 * Whether the function around @pc (an address of the CU @die) is a
 * DW_TAG_subprogram inside a DW_TAG_namespace, as clang puts C++
 * functions: libdw 0.188's dwarf_getscopes() does not look there (nor do
 * eu-addr2line -i and binutils' addr2line -i: they print no call sites).
 */
static bool in_namespace_fn(Dwarf_Die *die, Dwarf_Addr pc, bool in_ns)
{
	Dwarf_Die child;

	if (dwarf_child(die, &child))
		return false;
	do {
		int tag = dwarf_tag(&child);

		if (tag == DW_TAG_namespace && in_namespace_fn(&child, pc, true))
			return true;
		if (tag == DW_TAG_subprogram && in_ns && dwarf_haspc(&child, pc) > 0)
			return true;
	} while (!dwarf_siblingof(&child, &child));
	return false;
}

static unsigned long nr_ns_chains, nr_cut;

/*
 * The call sites of @addr by libdw, innermost first, against @locs[1..n).
 * Returns true if they agree. Where libdw cannot see the function (inside
 * a namespace), the chain is left to llvm-symbolizer and counted.
 */
static bool check_chain(Dwfl_Module *mod, uint64_t addr,
			const struct lineinfo_loc *locs, int n, const char **why)
{
	Dwarf_Addr bias;
	Dwarf_Die *cudie = dwfl_module_addrdie(mod, addr, &bias), *scopes = NULL;
	Dwarf_Files *files = NULL;
	Dwarf_Attribute cat;
	const char *cdir = cudie ?
		dwarf_formstring(dwarf_attr(cudie, DW_AT_comp_dir, &cat)) : NULL;
	size_t nfiles = 0;
	int nall, j, k = 1;
	bool ok = true;

	if (cudie && dwarf_getsrcfiles(cudie, &files, &nfiles))
		files = NULL;
	nall = cudie ? dwarf_getscopes(cudie, addr - bias, &scopes) : 0;
	for (j = 0; j < nall; j++)
		if (dwarf_tag(&scopes[j]) == DW_TAG_subprogram)
			break;
	if (cudie && j >= nall && in_namespace_fn(cudie, addr - bias, false)) {
		free(scopes);
		nr_ns_chains++;
		return true;
	}
	for (j = 0; j < nall; j++) {
		Dwarf_Attribute at;
		Dwarf_Word f = 0, l = 0;
		const char *fn = NULL;
		Dwarf_Die *outer = NULL;
		int tag = dwarf_tag(&scopes[j]);

		if (tag == DW_TAG_subprogram)
			break;
		if (tag != DW_TAG_inlined_subroutine)
			continue;
		if (!dwarf_formudata(dwarf_attr(&scopes[j], DW_AT_call_file, &at), &f) &&
		    files && f < nfiles)
			fn = dwarf_filesrc(files, f, NULL, NULL);
		if (dwarf_formudata(dwarf_attr(&scopes[j], DW_AT_call_line, &at), &l))
			l = 0;
		/* beyond the innermost LINEINFO_MAX_INLINE: cut, see below */
		if (k >= n ? n < LINEINFO_MAX_CHAIN :
		    locs[k].line != l ||
		    !name_matches(locs[k].file, fn ? fn : "??", cdir)) {
			*why = "call site";
			ok = false;
		}
		k++;
		/* the concrete scopes around this instance, itself first */
		nall = dwarf_getscopes_die(&scopes[j], &outer);
		free(scopes);
		scopes = outer;
		j = 0;
		if (nall <= 0)
			break;
	}
	free(scopes);
	/* a chain deeper than the table's keeps its innermost call sites */
	if (k > n && n == LINEINFO_MAX_CHAIN) {
		nr_cut++;
	} else if (k != n) {
		*why = "chain length";
		ok = false;
	}
	nr_chains++;
	nr_inlined += n > 1;
	nr_sites += n - 1;
	depth_hist[n - 1]++;
	return ok;
}

/*
 * The second oracle: llvm-symbolizer (--symbolizer PROG), independent of
 * libdw. The answers of the table at up to MAX_SAMPLES row and random
 * addresses of each range are kept and compared, line and call sites,
 * with one run of PROG --inlining over them all.
 */
#define MAX_SAMPLES	4000

struct sample {
	uint64_t addr;		/* as libdwfl lays out INPUT */
	uint64_t sym_addr;	/* as llvm-symbolizer takes it */
	int n;			/* locations in the table (0: no line) */
	struct lineinfo_loc locs[LINEINFO_MAX_CHAIN];
};

static const char *symbolizer;
static bool is_rel;
static uint64_t sym_bias;	/* where libdwfl placed an executable */

static void report(const char *check, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static struct sample *samples;
static size_t nr_samples, alloc_samples;
static unsigned long nr_row_samples[2], nr_rand_samples[2];

static void add_sample(struct rng *r, int k, const char *what, uint64_t addr)
{
	struct sample *sm;
	int n;

	if (!symbolizer || !r->checked || (is_rel && k))
		return;
	/* llvm-symbolizer takes an ET_REL's addresses in its first .text */
	if (!strcmp(what, "row") && nr_row_samples[k] < MAX_SAMPLES / 2)
		nr_row_samples[k]++;
	else if (!strcmp(what, "random") && nr_rand_samples[k] < MAX_SAMPLES / 2)
		nr_rand_samples[k]++;
	else
		return;
	if (nr_samples == alloc_samples) {
		alloc_samples = alloc_samples * 2 + 1024;
		samples = realloc(samples, alloc_samples * sizeof(*samples));
		if (!samples)
			abort();
	}
	sm = &samples[nr_samples];
	n = lineinfo_lookup_chain(r->table, r->size, addr - r->base, sm->locs,
				  with_inline ? LINEINFO_MAX_CHAIN : 1);
	sm->n = n > 0 ? n : 0;
	sm->addr = addr;
	sm->sym_addr = is_rel ? addr - r->base : addr - sym_bias;
	nr_samples++;
}

/* Whether libdw finds a function (DW_TAG_subprogram) around @addr. */
static bool in_function(Dwfl_Module *mod, uint64_t addr)
{
	Dwarf_Addr bias;
	Dwarf_Die *cu = dwfl_module_addrdie(mod, addr, &bias), *scopes = NULL;
	int n = cu ? dwarf_getscopes(cu, addr - bias, &scopes) : 0, j;
	bool found = false;

	for (j = 0; j < n; j++)
		if (dwarf_tag(&scopes[j]) == DW_TAG_subprogram)
			found = true;
	free(scopes);
	return found;
}

/* A path under include/trace/: the trace event headers, included many times. */
static bool trace_header(const char *path)
{
	return path && (!strncmp(path, "include/trace/", 14) ||
			strstr(path, "/include/trace/"));
}

/*
 * The kinds of disagreement between the table (which agrees with libdw,
 * checked before) and llvm-symbolizer, by cause (README.md, "Oracles").
 */
enum { AGREE, PADDING, TRACE_EVENT, REL_OVERLAP, UNKNOWN, NR_CLASSES };
static const char * const class_name[NR_CLASSES] = {
	"agree", "padding", "trace-event", "rel-overlap", "unknown" };

/*
 * ET_REL: the end of the largest code section other than .text. Every
 * section of an object starts at 0, and llvm-symbolizer takes an address
 * without its section: below this end, it may answer with the DIEs of the
 * other section's code.
 */
static uint64_t rel_overlap_end;

static void find_rel_overlap(Elf *elf)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_getshdrstrndx(elf, &shstrndx))
		return;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr shdr;
		const char *s;

		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_PROGBITS ||
		    !(shdr.sh_flags & SHF_EXECINSTR))
			continue;
		s = elf_strptr(elf, shstrndx, shdr.sh_name);
		if (s && strcmp(s, ".text") && shdr.sh_size > rel_overlap_end)
			rel_overlap_end = shdr.sh_size;
	}
}

/*
 * Split a "FILE:LINE:COLUMN" line of llvm-symbolizer into its file and
 * line; false if it is not one.
 */
static bool parse_frame(char *s, char **file, unsigned long *line)
{
	char *col = strrchr(s, ':'), *ln;

	if (!col)
		return false;
	*col = '\0';
	ln = strrchr(s, ':');
	if (!ln)
		return false;
	*ln = '\0';
	*file = s;
	*line = strtoul(ln + 1, NULL, 10);
	return true;
}

static int classify_one(Dwfl_Module *mod, const struct sample *sm, char **file,
			unsigned long *line, int nf, char *why, size_t len);

static int classify(Dwfl_Module *mod, const struct sample *sm, char **file,
		    unsigned long *line, int nf, char *why, size_t len)
{
	int c = classify_one(mod, sm, file, line, nf, why, len);

	if (c != AGREE && is_rel && sm->sym_addr < rel_overlap_end)
		return REL_OVERLAP;
	return c;
}

static int classify_one(Dwfl_Module *mod, const struct sample *sm, char **file,
			unsigned long *line, int nf, char *why, size_t len)
{
	const char *cdir = cu_dir(mod, sm->addr);
	bool sym_line = nf > 0 && strcmp(file[0], "??") && line[0];
	char *want = NULL;
	int k, ret = AGREE;

	if (!sm->n && !sym_line)
		return AGREE;
	if (sm->n && !sym_line) {
		snprintf(why, len, "table %s:%u, llvm-symbolizer none",
			 sm->locs[0].file, sm->locs[0].line);
		return in_function(mod, sm->addr) ? UNKNOWN : PADDING;
	}
	if (!sm->n) {
		snprintf(why, len, "table none, llvm-symbolizer %s:%lu",
			 file[0], line[0]);
		return trace_header(file[0]) ? TRACE_EVENT : UNKNOWN;
	}
	/* the line, then the call sites, innermost first */
	for (k = 0; k < (with_inline ? nf : 1) || k < sm->n; k++) {
		/* a chain cut to its innermost call sites */
		if (k >= sm->n && sm->n == LINEINFO_MAX_CHAIN)
			break;
		if (k >= nf || k >= sm->n) {
			snprintf(why, len, "chain of %d sites, llvm-symbolizer %d",
				 sm->n - 1, with_inline ? nf - 1 : 0);
			ret = UNKNOWN;
			break;
		}
		want = expected_name(file[k], cdir, true);
		/*
		 * With a relative DW_AT_comp_dir (prefix-mapped builds),
		 * llvm-symbolizer's relative path starts with it for some
		 * files and not for others: take it either way.
		 */
		if (strcmp(want, sm->locs[k].file) && cdir && cdir[0] != '/' &&
		    file[k][0] != '/') {
			free(want);
			want = expected_name(file[k], cdir, false);
		}
		if (strcmp(want, sm->locs[k].file) || line[k] != sm->locs[k].line) {
			snprintf(why, len, "location %d: table %s:%u, llvm-symbolizer %s:%lu",
				 k, sm->locs[k].file, sm->locs[k].line, want, line[k]);
			ret = trace_header(want) || trace_header(sm->locs[k].file) ?
			      TRACE_EVENT : UNKNOWN;
			free(want);
			break;
		}
		free(want);
	}
	return ret;
}

static void check_symbolizer(Dwfl_Module *mod, const char *input)
{
	unsigned long count[NR_CLASSES] = {}, shown = 0;
	char tmp[] = "/tmp/check_lineinfo.XXXXXX", *cmd, *buf = NULL;
	char *file[LINEINFO_MAX_CHAIN + 8];
	unsigned long line[LINEINFO_MAX_CHAIN + 8];
	size_t i = 0, alloc = 0;
	int fd = mkstemp(tmp), nf = 0, c;
	bool ok;
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w"), *out;

	if (!f) {
		report("vs-llvm-symbolizer", false, "temporary file: %s", strerror(errno));
		return;
	}
	for (i = 0; i < nr_samples; i++)
		fprintf(f, "%#llx\n", (unsigned long long)samples[i].sym_addr);
	fclose(f);
	if (strchr(input, '\'') || strchr(symbolizer, '\'') ||
	    asprintf(&cmd, "exec '%s' --inlining --functions=none --obj='%s' < '%s'",
		     symbolizer, input, tmp) < 0) {
		report("vs-llvm-symbolizer", false, "cannot quote %s", input);
		return;
	}
	out = popen(cmd, "r");
	free(cmd);
	if (!out) {
		report("vs-llvm-symbolizer", false, "%s: %s", symbolizer, strerror(errno));
		unlink(tmp);
		return;
	}
	i = 0;
	while (getline(&buf, &alloc, out) > 0) {
		char why[512] = "";

		buf[strcspn(buf, "\n")] = '\0';
		if (buf[0]) {
			if (nf < LINEINFO_MAX_CHAIN + 8 &&
			    parse_frame(buf, &file[nf], &line[nf])) {
				file[nf] = strdup(file[nf]);
				nf++;
			}
			continue;
		}
		/* an empty line ends the answer for one address */
		if (i < nr_samples) {
			c = classify(mod, &samples[i], file, line, nf, why, sizeof(why));
			count[c]++;
			if (c != AGREE && (c == UNKNOWN || shown < 3) && shown++ < 10)
				printf("  %s %#llx: %s: %s\n", name,
				       (unsigned long long)samples[i].sym_addr,
				       class_name[c], why);
		}
		i++;
		while (nf)
			free(file[--nf]);
	}
	free(buf);
	c = pclose(out);
	unlink(tmp);
	ok = !c && i == nr_samples && !count[UNKNOWN] && count[AGREE];
	report("vs-llvm-symbolizer", ok,
	       "%zu of %zu addresses answered%s: %lu agree, %lu padding after a function, %lu trace-event headers, %lu ET_REL section overlap, %lu unknown",
	       i, nr_samples, c ? ", llvm-symbolizer failed" : "",
	       count[AGREE], count[PADDING], count[TRACE_EVENT],
	       count[REL_OVERLAP], count[UNKNOWN]);
}

static void check_addr(Dwfl_Module *mod, struct rng *r, const char *what,
		       uint64_t addr)
{
	Dwfl_Line *dl = dwfl_module_getsrc(mod, addr);
	const char *dfile = NULL, *tfile = NULL;
	int dline = 0, ret;
	unsigned int tline = 0;

	if (dl) {
		dfile = dwfl_lineinfo(dl, NULL, &dline, NULL, NULL, NULL);
		/*
		 * Line 0 (clang's rows for code of no source line) is no
		 * line: addr2line prints "file:?" there.
		 */
		if (!dfile || dline <= 0)
			dl = NULL;
	}
	ret = lineinfo_lookup(r->table, r->size, addr - r->base, &tfile, &tline);
	nr_checked++;
	if (ret && ret != -ENOENT) {
		if (nr_bad++ < 10)
			printf("  %s %s+%#lx: lookup error %d\n", name, what,
			       (unsigned long)(addr - r->base), ret);
		return;
	}
	if (!dl && ret == -ENOENT) {
		nr_none++;
		return;
	}
	if (dl && !ret && (unsigned int)dline == tline &&
	    name_matches(tfile, dfile, cu_dir(mod, addr)) &&
	    (!relative || (tfile[0] != '/' && strncmp(tfile, "../", 3) &&
			   !strstr(tfile, "/../")))) {
		struct lineinfo_loc locs[LINEINFO_MAX_CHAIN];
		const char *why = NULL;
		int n, k;

		nr_lines++;
		/*
		 * dwarf_getscopes() walks the CU: the first MAX_CHAINS
		 * random addresses of each table only
		 */
		if (!with_inline || strcmp(what, "random") || !chain_budget)
			return;
		chain_budget--;
		n = lineinfo_lookup_chain(r->table, r->size, addr - r->base, locs,
					  LINEINFO_MAX_CHAIN);
		if (n < 1 || n > LINEINFO_MAX_CHAIN || locs[0].file != tfile ||
		    locs[0].line != tline)
			why = "lookup_chain's line";
		if (!why && check_chain(mod, addr, locs, n, &why))
			return;
		if (nr_bad++ < 10) {
			printf("  %s %s+%#lx: %s differs (%d):", name, what,
			       (unsigned long)(addr - r->base), why, n);
			for (k = 1; k < n && k < LINEINFO_MAX_CHAIN; k++)
				printf(" %s:%u", locs[k].file, locs[k].line);
			printf("\n");
		}
		return;
	}
	if (nr_bad++ < 10)
		printf("  %s %s+%#lx: libdw %s:%d, table %s:%u\n", name, what,
		       (unsigned long)(addr - r->base), dl ? dfile : "(none)",
		       dline, ret ? "(none)" : tfile, ret ? 0 : tline);
}

static void find_ranges(Dwfl_Module *mod, Elf *elf, bool rel, struct rng *r)
{
	GElf_Addr bias;
	int i, n;

	dwfl_module_getelf(mod, &bias);
	if (rel) {
		n = dwfl_module_relocations(mod);
		for (i = 0; i < n; i++) {
			GElf_Word shndx;
			const char *s = dwfl_module_relocation_info(mod, i, &shndx);
			GElf_Shdr shdr;
			int k = -1;

			if (s && !strcmp(s, ".text"))
				k = 0;
			else if (s && !strcmp(s, ".init.text"))
				k = 1;
			if (k < 0 || !gelf_getshdr(elf_getscn(elf, shndx), &shdr))
				continue;
			r[k].present = true;
			r[k].base = shdr.sh_addr + bias;
			r[k].end = r[k].base + shdr.sh_size;
		}
		return;
	}
	n = dwfl_module_getsymtab(mod);
	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr a;
		const char *s = dwfl_module_getsym_info(mod, i, &sym, &a, NULL,
							NULL, NULL);

		if (!s)
			continue;
		if (!strcmp(s, "_text"))
			r[0].base = a;
		if (!strcmp(s, "_etext"))
			r[0].end = a;
		if (!strcmp(s, "_sinittext"))
			r[1].base = a;
		if (!strcmp(s, "_einittext"))
			r[1].end = a;
	}
	if (r[0].base && r[0].end > r[0].base) {
		r[0].present = true;
		r[1].present = r[1].base && r[1].end > r[1].base;
		return;
	}
	{
		Elf_Scn *scn = NULL;
		size_t shstrndx;

		elf_getshdrstrndx(elf, &shstrndx);
		while ((scn = elf_nextscn(elf, scn))) {
			GElf_Shdr shdr;
			const char *s;

			gelf_getshdr(scn, &shdr);
			s = elf_strptr(elf, shstrndx, shdr.sh_name);
			if (s && !strcmp(s, ".text")) {
				r[0].present = true;
				r[0].base = shdr.sh_addr + bias;
				r[0].end = r[0].base + shdr.sh_size;
			}
		}
		r[1].present = false;
	}
}

static void report(const char *check, bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s %s-%s", ok ? "PASS" : "FAIL", check, name);
	if (!ok)
		printf(":");
	printf(" ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok)
		failed = 1;
}

/*
 * --swap: the table was written for a kernel of the other byte order (a
 * big-endian target): turn its multi-byte fields into this host's order.
 * The blocks and the strings are bytes and need nothing.
 */
static void swap_table(void *table, size_t size)
{
	struct lineinfo_header *h = table;
	struct lineinfo_section *s;
	uint32_t i, k, *w;

	if (size < sizeof(*h))
		return;
	h->magic = bswap_32(h->magic);
	h->version = bswap_16(h->version);
	h->hdr_size = bswap_16(h->hdr_size);
	h->table_size = bswap_32(h->table_size);
	h->text_end = bswap_32(h->text_end);
	h->incompat_flags = bswap_32(h->incompat_flags);
	h->compat_flags = bswap_32(h->compat_flags);
	h->nr_sections = bswap_32(h->nr_sections);
	h->nr_blocks = bswap_32(h->nr_blocks);
	h->nr_files = bswap_32(h->nr_files);
	h->nr_entries = bswap_32(h->nr_entries);
	h->op_med_line_base = bswap_16(h->op_med_line_base);
	h->op_large_line_base = bswap_32(h->op_large_line_base);
	s = (void *)((char *)table + h->hdr_size);
	for (i = 0; i < h->nr_sections &&
	     h->hdr_size + (i + 1) * sizeof(*s) <= size; i++) {
		s[i].type = bswap_32(s[i].type);
		s[i].offset = bswap_32(s[i].offset);
		s[i].size = bswap_32(s[i].size);
		/*
		 * the inline section: its header's counts, the page table
		 * (u32 pairs), the block index (u16 pairs), the dictionary
		 * (u32s)
		 */
		if (s[i].type == LINEINFO_SECT_INLINE &&
		    (uint64_t)s[i].offset + s[i].size <= size &&
		    s[i].size >= sizeof(struct lineinfo_inline)) {
			struct lineinfo_inline *inl = (void *)((char *)table + s[i].offset);
			uint64_t np, nb, ns, off = sizeof(*inl);
			uint16_t *x;

			for (k = 0; k < 4; k++)
				((uint32_t *)inl)[k] = bswap_32(((uint32_t *)inl)[k]);
			np = 2 * ((uint64_t)inl->nr_pages + 1);
			nb = 2 * (uint64_t)inl->nr_blocks;
			ns = inl->nr_sites;
			w = (void *)(inl + 1);
			for (k = 0; k < np && off + 4 <= s[i].size; k++, off += 4)
				w[k] = bswap_32(w[k]);
			x = (void *)((char *)inl + off);
			for (k = 0; k < nb && off + 2 <= s[i].size; k++, off += 2)
				x[k] = bswap_16(x[k]);
			w = (void *)((char *)inl + off);
			for (k = 0; k < ns && off + 4 <= s[i].size; k++, off += 4)
				w[k] = bswap_32(w[k]);
			continue;
		}
		/* the index, the file table and the page index are u32s */
		if (s[i].type != LINEINFO_SECT_INDEX &&
		    s[i].type != LINEINFO_SECT_FILES &&
		    s[i].type != LINEINFO_SECT_PAGES)
			continue;
		if ((uint64_t)s[i].offset + s[i].size > size)
			continue;
		w = (void *)((char *)table + s[i].offset);
		for (k = 0; k < s[i].size / 4; k++)
			w[k] = bswap_32(w[k]);
	}
}

int main(int argc, char **argv)
{
	unsigned long nrand = 100000, seed = 1, i;
	const char *input, *tabs[2] = { NULL, NULL };
	struct rng r[2] = {};
	Dwfl *dwfl;
	Dwfl_Module *mod;
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;
	GElf_Addr ebias;
	Elf *elf;
	GElf_Ehdr ehdr;
	int a = 1, fd, k;

	while (a < argc && argv[a][0] == '-') {
		if (!strcmp(argv[a], "--random") && a + 1 < argc)
			nrand = strtoul(argv[++a], NULL, 0);
		else if (!strcmp(argv[a], "--seed") && a + 1 < argc)
			seed = strtoul(argv[++a], NULL, 0);
		else if (!strcmp(argv[a], "--relative"))
			relative = true;
		else if (!strcmp(argv[a], "--swap"))
			swap = true;
		else if (!strcmp(argv[a], "--inline"))
			with_inline = true;
		else if (!strcmp(argv[a], "--srcroot") && a + 1 < argc)
			root_dir = argv[++a];
		else if (!strcmp(argv[a], "--input-dir") && a + 1 < argc)
			input_dir = realpath(argv[++a], NULL);
		else if (!strcmp(argv[a], "--symbolizer") && a + 1 < argc)
			symbolizer = argv[++a];
		else
			break;
		a++;
	}
	if (argc - a < 3) {
		fprintf(stderr, "usage: %s [--relative] [--swap] [--inline] [--srcroot DIR] [--input-dir DIR] [--symbolizer PROG] [--random N] [--seed S] NAME INPUT TEXT.bin [INIT.bin]\n",
			argv[0]);
		return 2;
	}
	name = argv[a];
	input = argv[a + 1];
	tabs[0] = argv[a + 2];
	if (argc - a > 3)
		tabs[1] = argv[a + 3];

	if (root_dir) {
		/* Kbuild names sources under the real path of the tree */
		char *real = realpath(root_dir, NULL);
		char *f = malloc(strlen(real ? real : root_dir) + 2);

		fold(real ? real : root_dir, f);
		free(real);
		root_dir = f;
	}
	/* the tables' input, when INPUT is a copy of it elsewhere */
	if (!input_dir) {
		input_dir = realpath(input, NULL);
		if (input_dir && strrchr(input_dir, '/'))
			*strrchr(input_dir, '/') = '\0';
	}
	fd = open(input, O_RDONLY);
	if (fd < 0) {
		report("open", false, "%s: %s", input, strerror(errno));
		return 1;
	}
	elf_version(EV_CURRENT);
	dwfl = dwfl_begin(&cb);
	mod = dwfl ? dwfl_report_offline(dwfl, "input", input, fd) : NULL;
	if (!mod) {
		report("open", false, "libdwfl: %s", dwfl_errmsg(-1));
		return 1;
	}
	dwfl_report_end(dwfl, NULL, NULL);
	elf = dwfl_module_getelf(mod, &ebias);
	gelf_getehdr(elf, &ehdr);
	is_rel = ehdr.e_type == ET_REL;
	sym_bias = ebias;
	find_ranges(mod, elf, is_rel, r);
	if (is_rel)
		find_rel_overlap(elf);

	for (k = 0; k < 2; k++) {
		int ret;

		if (!tabs[k])
			continue;
		r[k].table = load(tabs[k], &r[k].size);
		if (swap) {
			/* as written, this host must refuse it, not misread it */
			ret = lineinfo_validate(r[k].table, r[k].size);
			report(k ? "foreign-order-init" : "foreign-order", ret == -EBADMSG,
			       "%s in the other byte order: %d", tabs[k], ret);
			swap_table(r[k].table, r[k].size);
		}
		ret = lineinfo_validate(r[k].table, r[k].size);
		report(k ? "validate-init" : "validate", !ret, "%s: %d", tabs[k], ret);
		r[k].checked = !lineinfo_check(r[k].table, r[k].size);
	}
	if (!r[0].present) {
		report("ranges", false, "no text range in %s", input);
		return 1;
	}

	/* every row address, one byte around it, and sequence ends */
	while ((cu = dwfl_module_nextcu(mod, cu, &bias))) {
		Dwarf_Lines *lines;
		size_t n, j;

		if (dwarf_getsrclines(cu, &lines, &n))
			continue;
		for (j = 0; j < n; j++) {
			Dwarf_Addr addr;

			if (dwarf_lineaddr(dwarf_onesrcline(lines, j), &addr))
				continue;
			addr += bias;
			for (k = 0; k < 2; k++) {
				if (!r[k].table || addr < r[k].base || addr >= r[k].end)
					continue;
				check_addr(mod, &r[k], "row", addr);
				add_sample(&r[k], k, "row", addr);
				if (addr > r[k].base)
					check_addr(mod, &r[k], "row-1", addr - 1);
				if (addr + 1 < r[k].end)
					check_addr(mod, &r[k], "row+1", addr + 1);
			}
		}
	}
	srand48(seed);
	for (k = 0; k < 2; k++) {
		uint64_t span = r[k].end - r[k].base;
		const char *f;
		unsigned int l;

		if (!r[k].table || !r[k].present)
			continue;
		check_addr(mod, &r[k], "start", r[k].base);
		check_addr(mod, &r[k], "last", r[k].end - 1);
		chain_budget = MAX_CHAINS;
		for (i = 0; i < nrand; i++) {
			uint64_t addr = r[k].base + (uint64_t)(drand48() * span);

			check_addr(mod, &r[k], "random", addr);
			add_sample(&r[k], k, "random", addr);
		}
		/* beyond the described text there is never a line */
		if (lineinfo_lookup(r[k].table, r[k].size, span, &f, &l) != -ENOENT ||
		    lineinfo_lookup(r[k].table, r[k].size, ~0UL, &f, &l) != -ENOENT)
			report("beyond-end", false, "lookup past text_end answered");
	}
	report("vs-libdw", !nr_bad && nr_lines,
	       "%lu addresses: %lu with a line, %lu without, %lu disagree",
	       nr_checked, nr_lines, nr_none, nr_bad);
	if (with_inline) {
		char hist[512] = "";
		size_t len = 0;

		for (k = 1; k < LINEINFO_MAX_CHAIN; k++)
			if (depth_hist[k])
				len += snprintf(hist + len, sizeof(hist) - len,
						" %d:%lu", k, depth_hist[k]);
		report("inline-vs-libdw", !nr_bad && nr_inlined,
		       "%lu random addresses with a line, %lu in inlined code, %lu call sites, as dwarf_getscopes(); depth:%s; %lu deeper, cut to the innermost %d; %lu in functions inside namespaces, left to llvm-symbolizer",
		       nr_chains, nr_inlined, nr_sites, hist, nr_cut,
		       LINEINFO_MAX_INLINE, nr_ns_chains);
	}
	if (symbolizer)
		check_symbolizer(mod, input);
	dwfl_end(dwfl);
	close(fd);
	free(samples);
	free(r[0].table);
	free(r[1].table);
	return failed;
}
