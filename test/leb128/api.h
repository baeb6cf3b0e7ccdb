/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LEB128_TEST_API_H
#define LEB128_TEST_API_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Abort with the failed condition: libFuzzer and the driver report it. */
#define REQUIRE(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c);	\
		abort();						\
	}								\
} while (0)
#ifdef __cplusplus
extern "C" {
#endif
struct api_dec {
	int r_u32, r_u64, r_s32, r_s64, r_skip;
	uint32_t u32;
	uint64_t u64;
	int32_t s32;
	int64_t s64;
};
void api_decode(const uint8_t *p, const uint8_t *end, struct api_dec *r);
int api_encode_u64(uint8_t *buf, size_t size, uint64_t v);
int api_encode_s64(uint8_t *buf, size_t size, int64_t v);
int api_encode_u32(uint8_t *buf, size_t size, uint32_t v);
int api_encode_s32(uint8_t *buf, size_t size, int32_t v);
int api_encode_padded(uint8_t *buf, size_t size, uint64_t v, unsigned int w);
unsigned int api_size_u64(uint64_t v);
unsigned int api_size_s64(int64_t v);
unsigned int api_size_u32(uint32_t v);
unsigned int api_size_s32(int32_t v);
/* LLVM reference (llvm_ref.cc); *err: 0, or the errno LLVM's message maps to */
uint64_t llvm_dec_u(const uint8_t *p, const uint8_t *end, unsigned *n, int *err);
int64_t llvm_dec_s(const uint8_t *p, const uint8_t *end, unsigned *n, int *err);
unsigned llvm_enc_u(uint64_t v, uint8_t *buf, unsigned pad);
unsigned llvm_enc_s(int64_t v, uint8_t *buf, unsigned pad);
#ifdef __cplusplus
}
#endif
#endif
