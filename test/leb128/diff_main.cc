// SPDX-License-Identifier: GPL-2.0
// Deterministic driver for the fuzz targets (no libFuzzer): feeds
// exhaustive short inputs and structured pseudo-random ones, printing
// one PASS line per batch.  A failing check aborts (non-zero exit).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" int fuzz_decode(const uint8_t *data, size_t size);
extern "C" int fuzz_roundtrip(const uint8_t *data, size_t size);

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void run(const uint8_t *in, size_t n, int (*f)(const uint8_t *, size_t))
{
	uint8_t *p = (uint8_t *)malloc(n ? n : 1);	/* exact size for ASan */

	memcpy(p, in, n);
	f(p, n);
	free(p);
}

int main(void)
{
	static const uint8_t pick[] = { 0x00, 0x01, 0x02, 0x3f, 0x40, 0x7e, 0x7f,
					0x80, 0x81, 0x82, 0xbf, 0xc0, 0xfe, 0xff };
	uint8_t b[16];
	unsigned long count = 0;

	/* every input of 0, 1 and 2 bytes */
	run(b, 0, fuzz_decode);
	for (unsigned i = 0; i < 256; i++) {
		b[0] = i;
		run(b, 1, fuzz_decode);
		for (unsigned j = 0; j < 256; j++) {
			b[1] = j;
			run(b, 2, fuzz_decode);
			count++;
		}
	}
	printf("PASS decode-exhaustive-2-bytes (%lu inputs)\n", count + 257);

	/* 1..16-byte inputs from interesting bytes: padding, sign, bit 63 */
	for (count = 0; count < 2000000; count++) {
		size_t n = 1 + next() % 16;

		for (size_t i = 0; i < n; i++)
			b[i] = next() % 4 ? pick[next() % sizeof(pick)] : next();
		run(b, n, fuzz_decode);
	}
	printf("PASS decode-structured-random (%lu inputs)\n", count);

	/* round trip: every power of two +-1, negated, then random values */
	for (unsigned bit = 0; bit < 64; bit++) {
		for (int d = -1; d <= 1; d++) {
			for (unsigned w = 0; w < 12; w++) {
				uint64_t v = (1ULL << bit) + d;

				memcpy(b, &v, 8);
				b[8] = w;
				run(b, 9, fuzz_roundtrip);
				v = -v;
				memcpy(b, &v, 8);
				run(b, 9, fuzz_roundtrip);
			}
		}
	}
	printf("PASS roundtrip-powers-of-two\n");
	for (count = 0; count < 500000; count++) {
		uint64_t v = next();

		memcpy(b, &v, 8);
		b[8] = next();
		run(b, 9, fuzz_roundtrip);
	}
	printf("PASS roundtrip-random (%lu values)\n", count);
	return 0;
}
