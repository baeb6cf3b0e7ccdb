// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo: reading the input's ELF and DWARF, but for the line
 * programs: checks of the file, the text ranges to describe, the address
 * ranges of the CUs and the guess of the source root.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>

#include <xalloc.h>

#include "gen_lineinfo.h"

const char *range_name[NR_RANGES] = { "text", "init" };
struct range ranges[NR_RANGES];

/* libelf reads past the end of a truncated file as missing data: check. */
void check_truncated(Elf *elf, int fd)
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

#ifndef ELFCOMPRESS_ZSTD
#define ELFCOMPRESS_ZSTD	2
#endif

/*
 * The first debug section of @elf compressed with zstd (SHF_COMPRESSED,
 * ELFCOMPRESS_ZSTD), or NULL: libdw before elfutils 0.189 cannot read
 * them, and only says "unknown compression type".
 */
const char *zstd_debug_section(Elf *elf)
{
	static char name[64];
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_getshdrstrndx(elf, &shstrndx))
		return NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr shdr;
		GElf_Chdr chdr;
		const char *s;

		if (!gelf_getshdr(scn, &shdr) || !(shdr.sh_flags & SHF_COMPRESSED))
			continue;
		s = elf_strptr(elf, shstrndx, shdr.sh_name);
		if (!s || strncmp(s, ".debug_", 7) || !gelf_getchdr(scn, &chdr) ||
		    chdr.ch_type != ELFCOMPRESS_ZSTD)
			continue;
		snprintf(name, sizeof(name), "%s", s);
		return name;
	}
	return NULL;
}

static int find_debuginfo_none(Dwfl_Module *mod, void **userdata,
			       const char *modname, Dwarf_Addr base,
			       const char *file_name,
			       const char *debuglink_file, GElf_Word debuglink_crc,
			       char **debuginfo_file_name)
{
	return -1;
}

const Dwfl_Callbacks offline_callbacks = {
	.find_debuginfo = find_debuginfo_none,
	.section_address = dwfl_offline_section_address,
};

void find_ranges_exec(Dwfl_Module *mod)
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

void find_ranges_rel(Dwfl_Module *mod)
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

/*
 * The address ranges of the CUs (.debug_aranges), sorted by address.
 * libdwfl answers an address from the lines of the CU of the last range
 * starting at or below it (text between two ranges goes to the range
 * before it), and libdw then takes that CU's last row at or below the
 * address.  So a row only covers text up to the start of the next range
 * of any CU: where a sequence runs on past it (e.g. from a function's hot
 * part to its cold part), the text in between belongs to another CU.
 */
static struct cu_range *cu_ranges;
size_t nr_cu_ranges;

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

void read_cu_ranges(Dwfl_Module *mod)
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
const struct cu_range *cu_range_at(Dwarf_Off cu, u64 addr)
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

/*
 * The first part of [*@lo, *@hi) that libdwfl gives to the CU whose DIE is
 * at @cu, stored back in *@lo and *@hi; false if there is none.
 */
bool cu_clip(Dwarf_Off cu, u64 *lo, u64 *hi)
{
	size_t a = 0, b = nr_cu_ranges, k;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (cu_ranges[mid].lo <= *lo)
			a = mid + 1;
		else
			b = mid;
	}
	for (k = a ? a - 1 : 0; k < nr_cu_ranges && cu_ranges[k].lo < *hi; k++) {
		u64 s = cu_ranges[k].lo > *lo ? cu_ranges[k].lo : *lo;
		u64 e = cu_ranges[k].hi < *hi ? cu_ranges[k].hi : *hi;

		if (cu_ranges[k].cu == cu && s < e) {
			*lo = s;
			*hi = e;
			return true;
		}
	}
	return false;
}

/* The name of a CU for messages: its DW_AT_name, else its offset. */
const char *cu_name(Dwarf_Die *cu)
{
	static char buf[64];
	Dwarf_Attribute attr;
	const char *name = dwarf_formstring(dwarf_attr(cu, DW_AT_name, &attr));

	if (name)
		return name;
	snprintf(buf, sizeof(buf), "at .debug_info+%#llx",
		 (unsigned long long)dwarf_dieoffset(cu));
	return buf;
}

/*
 * The kernel source root is the directory holding include/linux/; every
 * kernel object includes headers from there.  Take the prefix that most
 * file names share before "/include/linux/".
 */
char *guess_srcroot(Dwfl_Module *mod)
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
						best = xstrdup(norm);
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
