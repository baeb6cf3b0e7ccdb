// SPDX-License-Identifier: GPL-2.0
// libFuzzer target: input read as 9-byte records (u64 value + padding
// width).  Encode, size, decode and padded encode, compared with LLVM's
// encodeULEB128/encodeSLEB128.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "api.h"

static void check_value(uint64_t v, unsigned int width)
{
	uint8_t buf[16], ref[16];
	struct api_dec r;
	int len;

	len = api_encode_u64(buf, sizeof(buf), v);
	REQUIRE(len == (int)llvm_enc_u(v, ref, 0));
	REQUIRE(!memcmp(buf, ref, len) && len == (int)api_size_u64(v));
	REQUIRE(api_encode_u64(buf, len - 1, v) == -ENOSPC);
	api_decode(buf, buf + len, &r);
	REQUIRE(r.r_u64 == len && r.u64 == v && r.r_skip == len);

	len = api_encode_s64(buf, sizeof(buf), (int64_t)v);
	REQUIRE(len == (int)llvm_enc_s((int64_t)v, ref, 0));
	REQUIRE(!memcmp(buf, ref, len) && len == (int)api_size_s64((int64_t)v));
	api_decode(buf, buf + len, &r);
	REQUIRE(r.r_s64 == len && r.s64 == (int64_t)v);

	len = api_encode_u32(buf, sizeof(buf), (uint32_t)v);
	REQUIRE(len == (int)llvm_enc_u((uint32_t)v, ref, 0));
	REQUIRE(!memcmp(buf, ref, len) && len == (int)api_size_u32((uint32_t)v));
	api_decode(buf, buf + len, &r);
	REQUIRE(r.r_u32 == len && r.u32 == (uint32_t)v);

	len = api_encode_s32(buf, sizeof(buf), (int32_t)v);
	REQUIRE(len == (int)llvm_enc_s((int32_t)v, ref, 0));
	REQUIRE(!memcmp(buf, ref, len) && len == (int)api_size_s32((int32_t)v));
	api_decode(buf, buf + len, &r);
	REQUIRE(r.r_s32 == len && r.s32 == (int32_t)v);

	/* padded encode: LLVM's PadTo gives the same bytes when it fits */
	width %= 12;
	len = api_encode_padded(buf, sizeof(buf), v, width);
	if (width == 0 || width > 10 || width < api_size_u64(v)) {
		REQUIRE(len == -EOVERFLOW);
		return;
	}
	REQUIRE(len == (int)width);
	REQUIRE(llvm_enc_u(v, ref, width) == width && !memcmp(buf, ref, width));
	REQUIRE(api_encode_padded(buf, width - 1, v, width) == -ENOSPC);
	api_decode(buf, buf + width, &r);
	REQUIRE(r.r_u64 == (int)width && r.u64 == v);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (; size >= 9; data += 9, size -= 9) {
		uint64_t v;

		memcpy(&v, data, 8);
		check_value(v, data[8]);
		/* also the short values the shift makes likely */
		check_value(v >> (data[8] & 63), data[8] >> 4);
	}
	return 0;
}
