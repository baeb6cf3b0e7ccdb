// SPDX-License-Identifier: GPL-2.0
// LEB128 decode throughput: this API vs LLVM vs the original arc/sh
// decoders.  Prints ns/value; timings are informational, never asserted.
// The sh decoders are 32-bit, so streams hold values that fit in 32 bits.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>
#include <llvm/Support/LEB128.h>

typedef unsigned long (*loop_fn)(const uint8_t *, const uint8_t *, long);
extern "C" {
#define L(x) unsigned long x(const uint8_t *, const uint8_t *, long);
L(loop_api_inline_u) L(loop_api_inline_s) L(loop_api_read_u) L(loop_api_read_s)
L(loop_arc_u) L(loop_arc_s) L(loop_sh_u) L(loop_sh_s)
}

#define NOINL extern "C" __attribute__((__noinline__))
NOINL unsigned long loop_llvm_u_end(const uint8_t *p, const uint8_t *end, long n)
{
	unsigned long sum = 0;
	unsigned len;
	const char *err;

	while (n--) {
		sum += llvm::decodeULEB128(p, &len, end, &err);
		if (err)
			return 0;
		p += len;
	}
	return sum;
}
NOINL unsigned long loop_llvm_u(const uint8_t *p, const uint8_t *end, long n)
{
	unsigned long sum = 0;
	unsigned len;

	(void)end;
	while (n--) {
		sum += llvm::decodeULEB128(p, &len);
		p += len;
	}
	return sum;
}
NOINL unsigned long loop_llvm_s_end(const uint8_t *p, const uint8_t *end, long n)
{
	unsigned long sum = 0;
	unsigned len;
	const char *err;

	while (n--) {
		sum += llvm::decodeSLEB128(p, &len, end, &err);
		if (err)
			return 0;
		p += len;
	}
	return sum;
}
NOINL unsigned long loop_llvm_s(const uint8_t *p, const uint8_t *end, long n)
{
	unsigned long sum = 0;
	unsigned len;

	(void)end;
	while (n--) {
		sum += llvm::decodeSLEB128(p, &len);
		p += len;
	}
	return sum;
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

// Build a stream of n values with the given length mix (lengths 1..5).
static std::vector<uint8_t> stream(long n, bool is_signed, bool uniform)
{
	std::vector<uint8_t> out;
	uint8_t b[16];

	for (long i = 0; i < n; i++) {
		unsigned r = next() % 100, len;

		if (uniform)
			len = 1 + next() % 5;
		else
			len = r < 85 ? 1 : r < 97 ? 2 : 3 + next() % 3;
		// a value whose canonical encoding has exactly len bytes, fits 32 bits
		uint64_t bits = len == 5 ? 31 : 7 * len - (is_signed ? 1 : 0);
		uint64_t lo = len == 1 ? 0 : 1ULL << (bits - 7);
		uint64_t v = lo + next() % ((1ULL << bits) - lo);
		unsigned k;

		if (is_signed) {
			int64_t s = next() & 1 ? (int64_t)v : -(int64_t)v - 1;
			k = llvm::encodeSLEB128(s, b);
		} else {
			k = llvm::encodeULEB128(v, b);
		}
		out.insert(out.end(), b, b + k);
	}
	return out;
}

static double time_ns(loop_fn f, const std::vector<uint8_t> &s, long n, unsigned long *sum)
{
	double best = 1e30;

	for (int rep = 0; rep < 5; rep++) {
		auto t0 = std::chrono::steady_clock::now();
		*sum = f(s.data(), s.data() + s.size(), n);
		auto t1 = std::chrono::steady_clock::now();
		double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / n;
		if (ns < best)
			best = ns;
	}
	return best;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2000000;
	struct { const char *name; loop_fn u, s; } dec[] = {
		{ "leb128 __decode (inline)", loop_api_inline_u, loop_api_inline_s },
		{ "leb128_read (cursor)", loop_api_read_u, loop_api_read_s },
		{ "llvm decode, with end", loop_llvm_u_end, loop_llvm_s_end },
		{ "llvm decode, no end", loop_llvm_u, loop_llvm_s },
		{ "orig arc get_*leb128", loop_arc_u, loop_arc_s },
		{ "orig sh dwarf_read_*leb128", loop_sh_u, loop_sh_s },
	};
	const char *mix[] = { "realistic 85/12/3", "uniform 1..5 bytes" };
	int fails = 0;

	printf("%-28s %-20s %9s %9s %10s %10s\n", "decoder", "mix", "u ns/val",
	       "s ns/val", "u vs llvm", "s vs llvm");
	for (int m = 0; m < 2; m++) {
		auto su = stream(n, false, m), ss = stream(n, true, m);
		double ref_u = 0, ref_s = 0;
		unsigned long want_u = 0, want_s = 0;

		for (auto &d : dec) {
			unsigned long gu, gs;
			double tu = time_ns(d.u, su, n, &gu), ts = time_ns(d.s, ss, n, &gs);

			if (d.u == loop_llvm_u_end) {
				ref_u = tu;
				ref_s = ts;
			}
			if (d.u == loop_api_inline_u) {
				want_u = gu;
				want_s = gs;
			}
			// all decoders must agree on the checksum (sh is 32-bit)
			// The originals are measured as they are: arc's get_sleb128()
			// does not advance past non-final bytes, so its result differs.
			if ((unsigned)gu != (unsigned)want_u || (unsigned)gs != (unsigned)want_s) {
				bool orig = d.u == loop_arc_u || d.u == loop_sh_u;

				printf("%s bench-%s: checksum differs (%s)\n",
				       orig ? "NOTE" : "FAIL", d.name, mix[m]);
				fails += !orig;
			}
			printf("%-28s %-20s %9.2f %9.2f", d.name, mix[m], tu, ts);
			if (ref_u)
				printf(" %9.2fx %9.2fx", tu / ref_u, ts / ref_s);
			printf("\n");
		}
	}
	if (!fails)
		printf("PASS bench-checksums-agree\n");
	return fails != 0;
}
