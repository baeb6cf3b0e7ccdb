// SPDX-License-Identifier: GPL-2.0
/*
 * lineinfo test program: calls inlined 20 deep, beyond the 16 call sites
 * a chain keeps (LINEINFO_MAX_INLINE): gen_lineinfo keeps the innermost
 * 16 and warns.
 */
#include <stdio.h>
#include <stdlib.h>

/* __always_inline: from glibc's <sys/cdefs.h>, as the kernel has it */
unsigned int sink;

static __always_inline void d20(unsigned int x)
{
	sink = x * 2654435761u;
	sink ^= x >> 3;
}

static __always_inline void d19(unsigned int x)
{
	sink += 19;
	d20(x + sink);
	sink ^= x;
}

static __always_inline void d18(unsigned int x)
{
	sink += 18;
	d19(x + sink);
	sink ^= x;
}

static __always_inline void d17(unsigned int x)
{
	sink += 17;
	d18(x + sink);
	sink ^= x;
}

static __always_inline void d16(unsigned int x)
{
	sink += 16;
	d17(x + sink);
	sink ^= x;
}

static __always_inline void d15(unsigned int x)
{
	sink += 15;
	d16(x + sink);
	sink ^= x;
}

static __always_inline void d14(unsigned int x)
{
	sink += 14;
	d15(x + sink);
	sink ^= x;
}

static __always_inline void d13(unsigned int x)
{
	sink += 13;
	d14(x + sink);
	sink ^= x;
}

static __always_inline void d12(unsigned int x)
{
	sink += 12;
	d13(x + sink);
	sink ^= x;
}

static __always_inline void d11(unsigned int x)
{
	sink += 11;
	d12(x + sink);
	sink ^= x;
}

static __always_inline void d10(unsigned int x)
{
	sink += 10;
	d11(x + sink);
	sink ^= x;
}

static __always_inline void d9(unsigned int x)
{
	sink += 9;
	d10(x + sink);
	sink ^= x;
}

static __always_inline void d8(unsigned int x)
{
	sink += 8;
	d9(x + sink);
	sink ^= x;
}

static __always_inline void d7(unsigned int x)
{
	sink += 7;
	d8(x + sink);
	sink ^= x;
}

static __always_inline void d6(unsigned int x)
{
	sink += 6;
	d7(x + sink);
	sink ^= x;
}

static __always_inline void d5(unsigned int x)
{
	sink += 5;
	d6(x + sink);
	sink ^= x;
}

static __always_inline void d4(unsigned int x)
{
	sink += 4;
	d5(x + sink);
	sink ^= x;
}

static __always_inline void d3(unsigned int x)
{
	sink += 3;
	d4(x + sink);
	sink ^= x;
}

static __always_inline void d2(unsigned int x)
{
	sink += 2;
	d3(x + sink);
	sink ^= x;
}

static __always_inline void d1(unsigned int x)
{
	sink += 1;
	d2(x + sink);
	sink ^= x;
}

static __attribute__((noinline)) void deep(unsigned int x)
{
	d1(x);
}

int main(int argc, char **argv)
{
	deep(argc > 1 ? atoi(argv[1]) : 7);
	printf("%u\n", sink);
	return 0;
}
