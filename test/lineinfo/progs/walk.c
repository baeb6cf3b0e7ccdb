// SPDX-License-Identifier: GPL-2.0
/* lineinfo test program, second file: a switch, recursion, inlined helpers. */
#include "util.h"

static unsigned int rec(unsigned int x, int depth)
{
	if (depth <= 0)
		return x;
	switch (x % 5) {
	case 0:
		return rec(mix(x, depth), depth - 1) + 1;
	case 1:
		return rec(x * 3 + 1, depth - 2);
	case 2:
		x = mix(x, x >> 3);
		/* fall through */
	case 3:
		return rec(x ^ 0x5555, depth - 1) * 7;
	default:
		return x + depth;
	}
}

unsigned int walk(unsigned int *a, int n, unsigned int seed)
{
	unsigned int s = seed;
	int i;

	for (i = 0; i < n; i++) {
		a[i] = rec(a[i] + s, 6);
		s = mix(s, a[i]);
	}
	return s + sum_array(a, n);
}

static inline void swap(unsigned int *x, unsigned int *y)
{
	unsigned int t = *x;

	*x = *y;
	*y = t;
}

unsigned int sorter(unsigned int *a, int n)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && a[j - 1] > a[j]; j--)
			swap(&a[j - 1], &a[j]);
	return a[0] + a[n - 1];
}

__attribute__((section(".init.text"), noinline)) unsigned int init_fn(unsigned int x)
{
	return mix(x, 3) + sorter(&x, 1);
}
