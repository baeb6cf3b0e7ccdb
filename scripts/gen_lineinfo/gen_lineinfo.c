// SPDX-License-Identifier: GPL-2.0
/*
 * gen_lineinfo - build lineinfo tables (source file and line of every text
 * address) from the DWARF line programs of a vmlinux or a module.
 *
 * Usage: gen_lineinfo [options] INPUT
 *
 *   -o FILE.S      write an assembly file for the kernel build
 *   --raw FILE     write the raw table of the main text to FILE
 *   --raw-init FILE  write the raw table of the init text to FILE
 *   --incbin       make the assembly .incbin the raw files (needs --raw and,
 *                  if there is init text, --raw-init) instead of .byte lines
 *   --srcroot DIR  source tree root stripped from file names (default:
 *                  guessed from the files under DIR/include/linux/, else the
 *                  compilation directory)
 *   --block N      entries per block, 1..65535 (default 160; for
 *                  measurements)
 *   --segment N    entries per segment on average, 1..21 (default 18; for
 *                  measurements); no segment but a block's last has more
 *                  than 21
 *   --stats        print a size breakdown on stderr
 *   --entries FILE write the text table's entries for tools and benchmarks:
 *                  host-endian u32 triples (offset, file id or ~0 for a
 *                  gap, line), after a u32 count of file names and the
 *                  NUL-terminated names in id order
 *   --inline       add the inline call site section (CONFIG_KALLSYMS_
 *                  LINEINFO_INLINE): the call sites of the inlined
 *                  functions of every address, from DW_TAG_inlined_subroutine
 *   --inline-block N  inline entries per block, 1..65535, with --inline
 *                  only (default by architecture, measured: 24 on x86, 16
 *                  elsewhere; for measurements)
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
 *
 * This file holds main() and the options; the stages are in dwarf.c (text
 * and CU ranges), lines.c (line rows and file names), inline.c (inlined
 * scopes and their call-site chains), encode.c (tables), encode_inline.c
 * (the inline section) and output.c (files), with what they share in
 * gen_lineinfo.h.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>

#include <xalloc.h>

#include "gen_lineinfo.h"

/* Messages too long for a line, kept whole so that they can be grepped */
#define MSG_ZSTD \
	"no DWARF debug information: %s is compressed with zstd, which this libdw (elfutils %s) cannot read (%s); decompress it with objcopy --decompress-debug-sections"

#define DEFAULT_BLOCK	160
#define DEFAULT_SEGMENT	18

const char *prog = "gen_lineinfo";
const char *input;
bool big_endian;
unsigned int elf_machine;
unsigned int block_entries = DEFAULT_BLOCK;
unsigned int segment_rows = DEFAULT_SEGMENT;
bool want_stats;
bool want_inline;
const char *srcroot;
char *input_dir;		/* for files of external modules */

static void __noreturn help_exit(void)
{
	fprintf(stderr,
		"usage: %s [-o FILE.S] [--raw FILE] [--raw-init FILE] [--incbin]\n"
		"       [--srcroot DIR] [--block N] [--segment N] [--stats]\n"
		"       [--entries FILE] [--inline [--inline-block N]] INPUT\n",
		prog);
	exit(2);
}

/* The value of option @opt: a whole number from 1 to @max. */
static unsigned int count_arg(const char *opt, const char *s, unsigned int max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > (long)max) {
		fprintf(stderr, "%s: %s: '%s' is not a whole number from 1 to %u\n",
			prog, opt, s, max);
		exit(2);
	}
	return v;
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
	struct stat st;
	const char *zstd;
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
			block_entries = count_arg("--block", argv[++i], 0xffff);
		else if (!strcmp(argv[i], "--segment") && i + 1 < argc)
			segment_rows = count_arg("--segment", argv[++i], MAX_SEGMENT);
		else if (!strcmp(argv[i], "--entries") && i + 1 < argc)
			entries = argv[++i];
		else if (!strcmp(argv[i], "--inline"))
			want_inline = true;
		else if (!strcmp(argv[i], "--inline-block") && i + 1 < argc)
			inline_block = count_arg("--inline-block", argv[++i], 0xffff);
		else if (!strcmp(argv[i], "--stats"))
			want_stats = true;
		else if (argv[i][0] == '-' || input)
			help_exit();
		else
			input = argv[i];
	}
	if (!input)
		help_exit();
	/* [--inline [--inline-block N]]: alone it would be silently ignored */
	if (inline_block != INLINE_BLOCK_ARCH && !want_inline) {
		fprintf(stderr, "%s: --inline-block: needs --inline\n", prog);
		exit(2);
	}

	fd = open(input, O_RDONLY);
	if (fd < 0)
		die("cannot open: %s", strerror(errno));
	if (fstat(fd, &st))
		die("cannot stat: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		die("not a regular file");
	if (!st.st_size)
		die("empty file, not an ELF file");
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf)
		die("cannot read as an ELF file: %s", elf_errmsg(-1));
	if (elf_kind(elf) == ELF_K_AR)
		die("an archive, not an ELF file");
	if (elf_kind(elf) != ELF_K_ELF)
		die("not an ELF file (no ELF header)");
	if (!gelf_getehdr(elf, &ehdr))
		die("bad ELF header: %s", elf_errmsg(-1));
	if (ehdr.e_type != ET_EXEC && ehdr.e_type != ET_DYN &&
	    ehdr.e_type != ET_REL)
		die("neither a vmlinux (ET_EXEC or ET_DYN) nor a module (ET_REL)");
	module = ehdr.e_type == ET_REL;
	big_endian = ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
	elf_machine = ehdr.e_machine;
	check_truncated(elf, fd);
	zstd = zstd_debug_section(elf);
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

		if (!dwfl_module_getdwarf(mod, &bias)) {
			if (zstd)
				die(MSG_ZSTD,
				    zstd, dwfl_version(NULL), dwfl_errmsg(-1));
			die("no DWARF debug information (%s)", dwfl_errmsg(-1));
		}
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
	if (want_inline) {
		read_inline_scopes(mod);
		build_chains();
	}
	for (r = 0; r < NR_RANGES; r++) {
		finish_rows(&ranges[r]);
		partition(&ranges[r], &tables[r]);
		if (want_inline)
			inline_refs(r, &tables[r]);
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
	if (want_inline && want_stats) {
		inline_stats();
		inline_encode_stats();
	}

	if (want_stats) {
		for (r = 0; r < NR_RANGES; r++) {
			struct table *t = &tables[r];
			double n = t->nr_entries ? t->nr_entries : 1;

			fprintf(stderr,
				"lineinfo: %s: %zu entries, %zu blocks, header %zu, index %zu (%.3f B/e), blocks %zu (%.3f B/e, palettes %.3f, segment records %.3f), page index %zu (%.3f), file table %zu (%.3f), names %zu (%.3f), inline %zu (%.3f B/e)\n",
				range_name[r], t->nr_entries, t->nr_blocks, t->sz_hdr,
				t->sz_index, t->sz_index / n, t->sz_blocks,
				t->sz_blocks / n, t->sz_palette / n,
				t->sz_segments / n, t->sz_pages, t->sz_pages / n,
				t->sz_files,
				t->sz_files / n, t->sz_strings, t->sz_strings / n,
				t->sz_inline, t->sz_inline / n);
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

	/* libdwfl owns @fd since dwfl_report_*() and closes it */
	dwfl_end(dwfl);
	return 0;
}
