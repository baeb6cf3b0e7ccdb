// SPDX-License-Identifier: GPL-2.0
/* lineinfo test program: inlining across files, loops, several functions. */
#include <stdio.h>
#include <stdlib.h>
#include "util.h"

static unsigned int table[256];

static inline unsigned int step(unsigned int x, int i)
{
	if (x & 1)
		return mix(x, i);
	return x / 2 + i;
}

static __attribute__((noinline)) unsigned int churn(int rounds)
{
	unsigned int x = 1;
	int i;

	for (i = 0; i < rounds; i++) {
		x = step(x, i);
		table[i & 255] = x;
	}
	return x;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 100;
	unsigned int r;

	r = churn(n);
	r += walk(table, 256, r);
	r += sorter(table, 256);
	r += sum_array(table, 256);
	printf("%u\n", r);
	return 0;
}
