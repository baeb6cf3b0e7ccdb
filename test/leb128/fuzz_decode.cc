// SPDX-License-Identifier: GPL-2.0
// libFuzzer target: every decoder and leb128_skip() on arbitrary bytes,
// compared with LLVM's decodeULEB128/decodeSLEB128.  The input ends
// exactly at the end of libFuzzer's heap copy, so ASan catches over-reads.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "api.h"

// LLVM 14 shifts by >= 64 for padding bytes beyond bit 63 (undefined
// behaviour; on x86 it corrupts negative values).  When LLVM accepted a
// value longer than 10 bytes, take its value from the equivalent 10-byte
// encoding: same bits 0..63, terminated at the byte holding bit 63.
template <typename T, typename F>
static T llvm_value(const uint8_t *p, unsigned n, T v, F dec)
{
	uint8_t b[10];
	unsigned n2;
	int err;

	if (n <= 10)
		return v;
	memcpy(b, p, 10);
	b[9] &= 0x7f;
	v = dec(b, b + 10, &n2, &err);
	REQUIRE(!err && n2 == 10);
	return v;
}

static void check_one(const uint8_t *p, const uint8_t *end)
{
	struct api_dec r;
	unsigned un, sn;
	int uerr, serr, skip = -ENODATA;
	uint64_t u;
	int64_t s;

	api_decode(p, end, &r);
	u = llvm_dec_u(p, end, &un, &uerr);
	s = llvm_dec_s(p, end, &sn, &serr);

	if (uerr) {
		REQUIRE(r.r_u64 == uerr && r.r_u32 == uerr);
	} else {
		u = llvm_value(p, un, u, llvm_dec_u);
		REQUIRE(r.r_u64 == (int)un && r.u64 == u);
		if (u > UINT32_MAX)
			REQUIRE(r.r_u32 == -EOVERFLOW);
		else
			REQUIRE(r.r_u32 == (int)un && r.u32 == u);
	}
	if (serr) {
		REQUIRE(r.r_s64 == serr && r.r_s32 == serr);
	} else {
		s = llvm_value(p, sn, s, llvm_dec_s);
		REQUIRE(r.r_s64 == (int)sn && r.s64 == s);
		if (s < INT32_MIN || s > INT32_MAX)
			REQUIRE(r.r_s32 == -EOVERFLOW);
		else
			REQUIRE(r.r_s32 == (int)sn && r.s32 == s);
	}
	for (const uint8_t *q = p; q < end; q++) {
		if (!(*q & 0x80)) {
			skip = q + 1 - p;
			break;
		}
	}
	REQUIRE(r.r_skip == skip);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (size_t off = 0; off <= size && off < 4; off++)
		check_one(data + off, data + size);
	return 0;
}
