// SPDX-License-Identifier: GPL-2.0
// lineinfo test program in C++: functions inside namespaces (nested and
// anonymous) and classes, with calls inlined into them, as C++ and Rust
// code has it.
#include <cstdio>
#include <cstdlib>

namespace outer {
namespace inner {

static inline unsigned int scramble(unsigned int x, unsigned int y)
{
	x ^= y << 5;
	x *= 0x85ebca6bu;
	return x ^ (x >> 13);
}

static inline unsigned int twice(unsigned int x, unsigned int y)
{
	return scramble(scramble(x, y), y + 1);
}

__attribute__((noinline)) unsigned int fold(const unsigned int *a, int n)
{
	unsigned int s = 0;

	for (int i = 0; i < n; i++)
		s = twice(s, a[i]);
	return s;
}

} // namespace inner

struct counter {
	unsigned int total = 0;

	inline void add(unsigned int v)
	{
		total = inner::scramble(total, v);
	}

	__attribute__((noinline)) void add_all(const unsigned int *a, int n)
	{
		for (int i = 0; i < n; i++)
			add(a[i]);
	}
};

} // namespace outer

namespace {

__attribute__((noinline)) unsigned int mixall(unsigned int *a, int n)
{
	outer::counter c;

	c.add_all(a, n);
	return c.total + outer::inner::fold(a, n);
}

} // namespace

int main(int argc, char **argv)
{
	static unsigned int a[64];
	int n = argc > 1 ? atoi(argv[1]) : 64;

	for (int i = 0; i < 64; i++)
		a[i] = i * 2654435761u;
	printf("%u\n", mixall(a, n > 64 ? 64 : n));
	return 0;
}
