/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gen_lineinfo: what its stages share. dwarf.c finds the text ranges and
 * the CU ranges, lines.c reads the line rows, inline.c the inline scopes,
 * encode.c builds the tables, output.c writes them and gen_lineinfo.c
 * runs the stages in turn.
 */
#ifndef GEN_LINEINFO_H
#define GEN_LINEINFO_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>

#include <linux/lineinfo.h>

#include <xalloc.h>

/* longest coded entry: file switch + long (opcode, two 5-byte varints) */
#define MAX_ENTRY_BYTES	12
#define MAX_SEGMENT	(255 / MAX_ENTRY_BYTES)
#define U32_MAX		0xffffffffU
#define U64_MAX		(~0ULL)

enum { TEXT, INIT, NR_RANGES };

struct row {
	u64 addr;		/* offset from the range base */
	u32 seq;		/* global sequence number, for a total order */
	u32 idx;		/* row number, for a total order */
	u32 file;		/* file id; unused for gaps */
	u32 line;
	bool gap;
	u8 slot;		/* palette slot in its block (encode.c) */
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

/* an address range of a CU: see cu_ranges in dwarf.c */
struct cu_range {
	u64 lo, hi;		/* hi: start of the next range */
	Dwarf_Off cu;
};

/* a block of a table: its rows and its palette of files */
struct block {
	size_t first, end;		/* rows [first, end) */
	u32 pal[LINEINFO_MAX_PALETTE];
	u32 pal_line[LINEINFO_MAX_PALETTE];
	unsigned int nr_pal;
	bool *seg;			/* segment starts, between the two passes */
};

/* the table of a text range, with its size breakdown for --stats */
struct table {
	struct block *blocks;
	size_t nr_blocks;
	struct buf out;
	size_t sz_index, sz_blocks, sz_palette, sz_files, sz_strings, sz_hdr;
	size_t nr_entries;
	size_t nr_special, nr_medium, nr_large, nr_long, nr_switch, nr_gap, nr_pal;
	size_t sz_segments, nr_segments, sz_pages, sz_inline;
	u32 *refs;		/* per global file: palette references */
	u32 *id;		/* per global file: id in this table */
	u32 *by_id;	/* global file of each id */
	u32 nr_files;
};

/* gen_lineinfo.c: the input and the options */
extern const char *prog;
extern const char *input;
extern bool big_endian;
extern unsigned int elf_machine;
extern unsigned int block_entries;
extern unsigned int segment_rows;
extern bool want_stats;
extern bool want_inline;
extern const char *srcroot;
extern char *input_dir;		/* for files of external modules */

/* dwarf.c */
extern const char *range_name[NR_RANGES];
extern struct range ranges[NR_RANGES];
extern size_t nr_cu_ranges;
extern const Dwfl_Callbacks offline_callbacks;

void check_truncated(Elf *elf, int fd);
const char *zstd_debug_section(Elf *elf);
void find_ranges_exec(Dwfl_Module *mod);
void find_ranges_rel(Dwfl_Module *mod);
void read_cu_ranges(Dwfl_Module *mod);
const struct cu_range *cu_range_at(Dwarf_Off cu, u64 addr);
bool cu_clip(Dwarf_Off cu, u64 *lo, u64 *hi);
char *guess_srcroot(Dwfl_Module *mod);
const char *cu_name(Dwarf_Die *cu);

/* lines.c */
extern struct file *files;
extern size_t nr_files;

void normalize(const char *path, char *out);
u32 file_id_cached(const char *name, const char *comp_dir);
void ptr_hash_clear(void);
int range_of(u64 addr, bool end_ok);
size_t read_lines(Dwfl_Module *mod);
void finish_rows(struct range *r);

/* a call site: a global file id and a line */
struct site {
	u32 file, line;
};

/* from @addr on, the chain is @depth sites from chains.sites[@sites] */
struct chain_step {
	u64 addr;
	u32 depth;
	u32 sites;
};

/* the chain of every address of a text range, as its changes */
struct chains {
	struct chain_step *step;
	size_t nr, alloc;
	struct site *sites;
	size_t nr_sites, alloc_sites;
};

/* inline.c */
extern struct chains chains[NR_RANGES];
extern size_t nr_too_deep;

size_t read_inline_scopes(Dwfl_Module *mod);
void build_chains(void);
void inline_stats(void);

/* encode.c */
extern struct table tables[NR_RANGES];
extern unsigned int op_addr_bits, med_addr_bits, large_addr_bits;
extern int op_line_base, med_line_base, large_line_base;

void buf_put(struct buf *b, const void *data, size_t n);
void buf_u8(struct buf *b, u8 v);
void buf_uleb(struct buf *b, u32 v);
void buf_u32(struct buf *b, u32 v);
void buf_align(struct buf *b);
u32 tgt32(u32 v);
void partition(struct range *r, struct table *t);
void number_files(struct table *t);
void encode_block(struct range *r, struct block *b, struct buf *out,
		  struct table *t);
void choose_codes(void);
unsigned int line_addr_shift(void);
void build_table(int ri);

/* encode_inline.c */
#define INLINE_BLOCK_ARCH	(~0U)	/* the architecture's default */
extern unsigned int inline_block;

void inline_refs(int ri, struct table *t);
void build_inline(int ri, const struct table *t, struct buf *out);
void inline_encode_stats(void);

/* output.c */
void write_file(const char *path, const void *data, size_t len);
void write_entries(const char *path);
void write_asm(const char *path, bool module, bool incbin,
	       const char *raw[NR_RANGES]);

/* Room for element @nr of an array that doubles as it grows. */
static inline void *grow(void *p, size_t *alloc, size_t nr, size_t size)
{
	if (nr < *alloc)
		return p;
	*alloc = *alloc ? *alloc * 2 : 4096;
	return xrealloc(p, *alloc * size);
}

/* Print "gen_lineinfo: INPUT: message" and exit with status 1. */
static inline void __noreturn __printf(1, 2) die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", prog, input ? input : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* Print "gen_lineinfo: warning: INPUT: message": what the tables lack. */
static inline void __printf(1, 2) warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: warning: %s: ", prog, input ? input : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

#endif /* GEN_LINEINFO_H */
