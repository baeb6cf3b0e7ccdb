// SPDX-License-Identifier: GPL-2.0
/* Decode loops over a stream of n values: this API and the originals. */
#include <linux/leb128.h>
#include "orig_arc.c"
#include "orig_sh.c"

#define NOINL __attribute__((__noinline__))

NOINL unsigned long loop_api_inline_u(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;
	u64 v;
	int r;

	while (n--) {
		r = __leb128_decode_u64(p, end, &v);
		if (r < 0)
			return 0;
		p += r;
		sum += v;
	}
	return sum;
}

NOINL unsigned long loop_api_inline_s(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;
	s64 v;
	int r;

	while (n--) {
		r = __leb128_decode_s64(p, end, &v);
		if (r < 0)
			return 0;
		p += r;
		sum += v;
	}
	return sum;
}

NOINL unsigned long loop_api_read_u(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;
	u64 v;

	while (n--) {
		if (leb128_read_u64(&p, end, &v))
			return 0;
		sum += v;
	}
	return sum;
}

NOINL unsigned long loop_api_read_s(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;
	s64 v;

	while (n--) {
		if (leb128_read_s64(&p, end, &v))
			return 0;
		sum += v;
	}
	return sum;
}

NOINL unsigned long loop_arc_u(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;

	while (n--)
		sum += orig_arc_get_uleb128(&p, end);
	return sum;
}

NOINL unsigned long loop_arc_s(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;

	while (n--)
		sum += orig_arc_get_sleb128(&p, end);
	return sum;
}

NOINL unsigned long loop_sh_u(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;
	unsigned int v;

	(void)end;
	while (n--) {
		p += orig_sh_dwarf_read_uleb128((char *)p, &v);
		sum += v;
	}
	return sum;
}

NOINL unsigned long loop_sh_s(const u8 *p, const u8 *end, long n)
{
	unsigned long sum = 0;
	int v;

	(void)end;
	while (n--) {
		p += orig_sh_dwarf_read_leb128((char *)p, &v);
		sum += v;
	}
	return sum;
}
