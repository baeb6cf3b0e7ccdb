// SPDX-License-Identifier: GPL-2.0
/*
 * Check lineinfo tables against libdw, independently of the generator.
 *
 * usage: check_lineinfo [--relative] [--swap] [--inline] [--random N] [--seed S] NAME INPUT
 *                       TEXT.bin [INIT.bin]
 *
 * For every address of a DWARF line row inside the text (and init text)
 * of INPUT, the byte before and after it, the range ends and N random
 * addresses, the answer of lineinfo_lookup() (and of __lineinfo_lookup(),
 * which must agree) on the table is compared with
 * libdwfl's dwfl_module_getsrc(): both must say "no line", or both give
 * the same line and a file name that is the tail of libdw's path.  With
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
 * Prints "PASS <check>" or "FAIL <check>: <why>" lines; exits 1 on failure.
 */

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
	bool checked;		/* lineinfo_check() accepted the table */
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

static bool name_matches(const char *tab, const char *dw)
{
	size_t lt = strlen(tab), ld;
	char *f = malloc(strlen(dw) + 2);
	bool ok;

	fold(dw, f);
	ld = strlen(f);
	if (tab[0] == '/')
		ok = !strcmp(tab, f);
	else
		ok = !strcmp(f, tab) ||
		     (ld > lt && f[ld - lt - 1] == '/' && !strcmp(f + ld - lt, tab));
	free(f);
	return ok;
}

static unsigned long nr_checked, nr_lines, nr_none, nr_bad;
/* chains compared with libdw per table: each costs a walk of a CU's DIEs */
#define MAX_CHAINS	10000

static unsigned long chain_budget;
static unsigned long nr_chains, nr_inlined, nr_sites, depth_hist[LINEINFO_MAX_CHAIN];

/*
 * The call sites of @addr by libdw, innermost first, against @locs[1..n).
 * Returns true if they agree.
 */
static bool check_chain(Dwfl_Module *mod, uint64_t addr,
			const struct lineinfo_loc *locs, int n, const char **why)
{
	Dwarf_Addr bias;
	Dwarf_Die *cudie = dwfl_module_addrdie(mod, addr, &bias), *scopes = NULL;
	Dwarf_Files *files = NULL;
	size_t nfiles = 0;
	int nall, j, k = 1;
	bool ok = true;

	if (cudie && dwarf_getsrcfiles(cudie, &files, &nfiles))
		files = NULL;
	nall = cudie ? dwarf_getscopes(cudie, addr - bias, &scopes) : 0;
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
		if (k >= n || locs[k].line != l ||
		    !name_matches(locs[k].file, fn ? fn : "??")) {
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
	if (k != n) {
		*why = "chain length";
		ok = false;
	}
	nr_chains++;
	nr_inlined += n > 1;
	nr_sites += n - 1;
	depth_hist[n - 1]++;
	return ok;
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
		if (!dfile)
			dl = NULL;
	}
	ret = lineinfo_lookup(r->table, r->size, addr - r->base, &tfile, &tline);
	nr_checked++;
	/* the kernel's path, on a table whose header was checked once */
	if (r->checked) {
		const char *f2 = NULL;
		unsigned int l2 = 0;
		int r2 = __lineinfo_lookup(r->table, addr - r->base, &f2, &l2);

		if (r2 != ret || (!ret && (f2 != tfile || l2 != tline))) {
			if (nr_bad++ < 10)
				printf("  %s %s+%#lx: __lineinfo_lookup %d, lineinfo_lookup %d\n",
				       name, what, (unsigned long)(addr - r->base), r2, ret);
			return;
		}
	}
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
	    name_matches(tfile, dfile) &&
	    (!relative || (tfile[0] != '/' && strncmp(tfile, "../", 3) &&
			   !strstr(tfile, "/../")))) {
		struct lineinfo_loc locs[LINEINFO_MAX_CHAIN], l2[LINEINFO_MAX_CHAIN];
		const char *why = NULL;
		int n, n2, k;

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
		    locs[0].line != tline) {
			why = "lookup_chain's line";
		} else if (r->checked) {
			n2 = __lineinfo_lookup_chain(r->table, addr - r->base, l2,
						     LINEINFO_MAX_CHAIN);
			if (n2 != n)
				why = "__lineinfo_lookup_chain";
			for (k = 0; !why && k < n; k++)
				if (l2[k].file != locs[k].file || l2[k].line != locs[k].line)
					why = "__lineinfo_lookup_chain";
		}
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
	__attribute__((format(printf, 3, 4)));

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
		else
			break;
		a++;
	}
	if (argc - a < 3) {
		fprintf(stderr, "usage: %s [--relative] [--swap] [--inline] [--random N] [--seed S] NAME INPUT TEXT.bin [INIT.bin]\n",
			argv[0]);
		return 2;
	}
	name = argv[a];
	input = argv[a + 1];
	tabs[0] = argv[a + 2];
	if (argc - a > 3)
		tabs[1] = argv[a + 3];

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
	find_ranges(mod, elf, ehdr.e_type == ET_REL, r);

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
		for (i = 0; i < nrand; i++)
			check_addr(mod, &r[k], "random",
				   r[k].base + (uint64_t)(drand48() * span));
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
		       "%lu random addresses with a line, %lu in inlined code, %lu call sites, as dwarf_getscopes(); depth:%s",
		       nr_chains, nr_inlined, nr_sites, hist);
	}
	dwfl_end(dwfl);
	close(fd);
	free(r[0].table);
	free(r[1].table);
	return failed;
}
