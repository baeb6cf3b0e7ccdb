// SPDX-License-Identifier: GPL-2.0
/*
 * C side of the differential tests: calls every decoder/encoder of
 * <linux/leb128.h> and cross-checks the inline, out-of-line and cursor
 * forms against each other.  The C++ side compares with LLVM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/leb128.h>
#include "api.h"

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c);	\
		abort();						\
	}								\
} while (0)

#define DEC(T, t)							\
static int dec_##T(const u8 *p, const u8 *end, t *val)			\
{									\
	const u8 *pos = p;						\
	t a = 0x5a, b = 0x5a, c = 0x5a;					\
	int r1 = leb128_decode_##T(p, end, &a);				\
	int r2 = __leb128_decode_##T(p, end, &b);			\
	int r3 = leb128_read_##T(&pos, end, &c);			\
	CHECK(r1 == r2 && a == b);					\
	CHECK(r1 > 0 ? (r3 == 0 && pos == p + r1 && c == a) :		\
		       (r3 == r1 && pos == p && c == 0x5a));		\
	CHECK(r1 > 0 || a == 0x5a);					\
	CHECK(r1 == -ENODATA || r1 == -EOVERFLOW || r1 > 0);		\
	*val = a;							\
	return r1;							\
}
DEC(u32, u32)
DEC(u64, u64)
DEC(s32, s32)
DEC(s64, s64)

void api_decode(const uint8_t *p, const uint8_t *end, struct api_dec *r)
{
	const u8 *pos = p;

	r->r_u32 = dec_u32(p, end, &r->u32);
	r->r_u64 = dec_u64(p, end, &r->u64);
	r->r_s32 = dec_s32(p, end, &r->s32);
	r->r_s64 = dec_s64(p, end, &r->s64);
	r->r_skip = leb128_skip(p, end);
	CHECK(leb128_skip_read(&pos, end) == (r->r_skip > 0 ? 0 : r->r_skip));
	CHECK(pos == p + (r->r_skip > 0 ? r->r_skip : 0));
}

int api_encode_u64(uint8_t *buf, size_t size, uint64_t v)
{
	return leb128_encode_u64(buf, size, v);
}

int api_encode_s64(uint8_t *buf, size_t size, int64_t v)
{
	return leb128_encode_s64(buf, size, v);
}

int api_encode_u32(uint8_t *buf, size_t size, uint32_t v)
{
	return leb128_encode_u32(buf, size, v);
}

int api_encode_s32(uint8_t *buf, size_t size, int32_t v)
{
	return leb128_encode_s32(buf, size, v);
}

int api_encode_padded(uint8_t *buf, size_t size, uint64_t v, unsigned int w)
{
	return leb128_encode_u64_padded(buf, size, v, w);
}

unsigned int api_size_u64(uint64_t v) { return leb128_size_u64(v); }
unsigned int api_size_s64(int64_t v) { return leb128_size_s64(v); }
unsigned int api_size_u32(uint32_t v) { return leb128_size_u32(v); }
unsigned int api_size_s32(int32_t v) { return leb128_size_s32(v); }
