/* SPDX-License-Identifier: GPL-2.0 */
/* Inline helpers shared by the lineinfo test programs. */
#ifndef LINEINFO_TEST_UTIL_H
#define LINEINFO_TEST_UTIL_H

static inline unsigned int mix(unsigned int x, unsigned int y)
{
	x ^= y << 7;
	x *= 0x9e3779b1u;
	x ^= x >> 15;
	return x + y;
}

static inline unsigned int sum_array(const unsigned int *a, int n)
{
	unsigned int s = 0;
	int i;

	for (i = 0; i < n; i++)
		s = mix(s, a[i]);
	return s;
}

unsigned int walk(unsigned int *a, int n, unsigned int seed);
unsigned int sorter(unsigned int *a, int n);

#endif
