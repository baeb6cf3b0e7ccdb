// SPDX-License-Identifier: GPL-2.0
/*
 * tools/perf/util/genelf_debug.c included whole (GENELF_DEBUG_C, from the
 * base or the converted tree): its LEB128 emitters and the .debug_line,
 * .debug_abbrev and .debug_info it builds for a set of line tables,
 * dumped as hex.  The Makefile requires identical dumps from both trees.
 */
#include GENELF_DEBUG_C

#include <stdint.h>

static void dump(const char *what, struct buffer_ext *be)
{
	const unsigned char *p = buffer_ext_addr(be);
	size_t i, n = buffer_ext_size(be);

	printf("%s %zu:", what, n);
	for (i = 0; i < n; i++)
		printf("%s%02x", i % 32 ? "" : "\n", p[i]);
	putchar('\n');
}

/* Entries are variable-sized: append one to a byte array. */
static size_t add_entry(char *tab, size_t off, uint64_t addr, int line,
			const char *name)
{
	struct debug_entry *e = (struct debug_entry *)(tab + off);

	e->addr = addr;
	e->lineno = line;
	e->discrim = 0;
	strcpy((char *)e->name, name);
	return off + sizeof(*e) + strlen(name) + 1;
}

static uint64_t rnd(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static void table(int shape, int n, uint64_t code_addr)
{
	static char tab[1 << 22];
	static char longname[3000];
	struct buffer_ext dl, da, di;
	uint64_t x = 0x243f6a8885a308d3ULL + shape, addr = code_addr;
	size_t off = 0;
	int i, line = 1;

	memset(longname, 'f', sizeof(longname) - 1);
	for (i = 0; i < n; i++) {
		const char *name = "\xff";

		switch (shape) {
		case 0:	/* small steps: special opcodes */
			addr += rnd(&x) % 16;
			line += rnd(&x) % 4;
			break;
		case 1:	/* large address and line jumps, both signs of line */
			addr += rnd(&x) % 40;
			addr += rnd(&x) % (1ULL << (addr % 40));
			line += (int)(rnd(&x) % 200001) - 100000;
			break;
		default: /* file switches, long names, negative deltas */
			addr += rnd(&x) % 300;
			line -= (int)(rnd(&x) % 5000) - 2000;
			if (rnd(&x) % 3 == 0)
				name = i % 2 ? longname : "dir/file.c";
			break;
		}
		if (i == 0 && name[0] == '\xff')
			name = "first.c";
		off = add_entry(tab, off, addr, line, name);
	}
	buffer_ext_init(&dl);
	buffer_ext_init(&da);
	buffer_ext_init(&di);
	jit_process_debug_info(code_addr, tab, n, &dl, &da, &di);
	printf("table shape %d, %d entries, code at %#llx\n", shape, n,
	       (unsigned long long)code_addr);
	dump(".debug_line", &dl);
	dump(".debug_abbrev", &da);
	dump(".debug_info", &di);
	buffer_ext_exit(&dl);
	buffer_ext_exit(&da);
	buffer_ext_exit(&di);
}

int main(void)
{
	struct buffer_ext be;
	uint64_t x = 0x13198a2e03707344ULL;
	int s, i;

	buffer_ext_init(&be);
	for (s = 0; s < 64; s++) {
		unsigned long v = 1UL << s;

		emit_unsigned_LEB128(&be, v - 1);
		emit_unsigned_LEB128(&be, v);
		emit_unsigned_LEB128(&be, v + 1);
		emit_signed_LEB128(&be, (long)v);
		emit_signed_LEB128(&be, (long)(v - 1));
		emit_signed_LEB128(&be, (long)(0 - v));
		emit_signed_LEB128(&be, (long)(0 - v - 1));
	}
	for (i = 0; i < 10000; i++) {
		unsigned long v = rnd(&x);

		v >>= rnd(&x) % 64;

		emit_unsigned_LEB128(&be, v);
		emit_signed_LEB128(&be, (long)v);
		emit_signed_LEB128(&be, (long)(0 - v));
	}
	dump("emitters", &be);
	buffer_ext_exit(&be);

	table(0, 1, 0x400000);
	table(0, 5000, 0x7f0000001000ULL);
	table(1, 5000, 0xffff800000000000ULL);
	table(2, 2000, 0x1000);
	return 0;
}
