// SPDX-License-Identifier: GPL-2.0
// LLVM's header-only LEB128 routines, the independent reference.
// Built with -fno-sanitize=shift: LLVM 14's decoders shift by >= 64 on
// padding beyond bit 63 (see fuzz_decode.cc for how that is handled).
#include <cerrno>
#include <cstring>
#include <llvm/Support/LEB128.h>
#include "api.h"

static int map_err(const char *e)
{
	if (!e)
		return 0;
	if (strstr(e, "extends past end"))
		return -ENODATA;
	if (strstr(e, "too big"))
		return -EOVERFLOW;
	abort();
}

uint64_t llvm_dec_u(const uint8_t *p, const uint8_t *end, unsigned *n, int *err)
{
	const char *e;
	uint64_t v = llvm::decodeULEB128(p, n, end, &e);
	*err = map_err(e);
	return v;
}

int64_t llvm_dec_s(const uint8_t *p, const uint8_t *end, unsigned *n, int *err)
{
	const char *e;
	int64_t v = llvm::decodeSLEB128(p, n, end, &e);
	*err = map_err(e);
	return v;
}

unsigned llvm_enc_u(uint64_t v, uint8_t *buf, unsigned pad)
{
	return llvm::encodeULEB128(v, buf, pad);
}

unsigned llvm_enc_s(int64_t v, uint8_t *buf, unsigned pad)
{
	return llvm::encodeSLEB128(v, buf, pad);
}
