// SPDX-License-Identifier: GPL-2.0
/*
 * The arc and sh LEB128 readers before and after the Coccinelle
 * conversion, on the same inputs.
 *
 * The originals are cut out of the base tree at build time
 * (test/orig/extract.sh); the converted side is the statement form the
 * semantic patch emits, on the converted tree's <linux/leb128.h>:
 *   arc: v = leb128_get_u32(&ptr, end, &err);   (and _s32)
 *   sh:  count = leb128_decode_u32(p, end, &v); if (count < 0) return count;
 * The reference for what is valid is a plain DWARF (7.6) decoder of
 * arbitrary width: a value is valid if it terminates before the end of
 * the input and fits the 32-bit type.
 *
 * Build with -DARC -DORIG_LEB128_LONG=int (ARC is a 32-bit
 * architecture: its uleb128_t, unsigned long, has 32 bits) or -DSH.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/leb128.h>

#ifdef ARC
#include "orig_arc.c"
#define NAME "arc"
#else
#include "orig_sh.c"
#define NAME "sh"
#endif

static int failures;
static unsigned long checked;

#define CHECK(cond, ...) do {					\
	if (!(cond) && failures++ < 10) {			\
		printf("FAIL cocci: " NAME ": " __VA_ARGS__);	\
		putchar('\n');					\
	}							\
} while (0)

/* DWARF 7.6: returns the byte count, 0 if no byte ends the value. */
static int ref_decode(const u8 *p, int len, int sign, __int128 *val)
{
	unsigned __int128 v = 0;
	int shift = 0, i;

	for (i = 0; i < len; i++) {
		if (shift < 128)
			v |= (unsigned __int128)(p[i] & 0x7f) << shift;
		shift += 7;
		if (!(p[i] & 0x80)) {
			if (sign && shift < 128 && (p[i] & 0x40))
				v |= ~(unsigned __int128)0 << shift;
			*val = (__int128)v;
			return i + 1;
		}
	}
	return 0;
}

static int ref_fits(__int128 v, int sign)
{
	return sign ? v >= INT32_MIN && v <= INT32_MAX : v >= 0 && v <= UINT32_MAX;
}

static void check_one(const u8 *buf, int len, int sign)
{
	/* Copy to an exactly sized heap block: ASan sees any overread. */
	u8 *p = malloc(len ? len : 1);
	const u8 *end = p + len, *cur = p;
	__int128 ref;
	int n, err = 0;
	s64 got;

	memcpy(p, buf, len);
	n = ref_decode(p, len, sign, &ref);
	got = sign ? (s64)leb128_get_s32(&cur, end, &err) :
		     (s64)leb128_get_u32(&cur, end, &err);
	checked++;
	if (!n) {
		CHECK(err == -ENODATA && cur == p, "truncated %d-byte input: err %d, moved %td",
		      len, err, cur - p);
	} else if (!ref_fits(ref, sign)) {
		CHECK(err == -EOVERFLOW && cur == p, "over-wide %d-byte input: err %d, moved %td",
		      n, err, cur - p);
	} else {
		CHECK(!err && got == (s64)ref && cur == p + n,
		      "%s %d bytes: err %d value %lld (spec %lld) length %td",
		      sign ? "sleb" : "uleb", n, err, (long long)got,
		      (long long)ref, cur - p);
	}
#ifdef ARC
	/*
	 * The original: over-wide leaves the cursor at end + 1, truncated
	 * stops at end.  Its SLEB128 reader never advances past a
	 * continuation byte, so for signed values it is compared on
	 * single-byte input only, and its overflow test shifts by a
	 * negative amount past 5 bytes, so it is not run on longer input.
	 */
	if (n && n <= 5 && ref_fits(ref, sign) && (!sign || n == 1)) {
		const u8 *ocur = p;
		s64 ov = sign ? (s64)orig_arc_get_sleb128(&ocur, end) :
				(s64)orig_arc_get_uleb128(&ocur, end);

		if (ocur <= end)
			CHECK(ov == got && ocur == cur,
			      "original %s differs on %d bytes: %lld vs %lld",
			      sign ? "sleb" : "uleb", n, (long long)ov, (long long)got);
	}
#else
	/*
	 * The original has no bound: only run it on complete input, and
	 * not past 5 bytes, where its shifts are undefined.
	 */
	if (n && n <= 5 && ref_fits(ref, sign)) {
		int ocount, count;

		if (sign) {
			int ov, v;

			ocount = orig_sh_dwarf_read_leb128((char *)p, &ov);
			count = leb128_decode_s32(p, end, &v);
			CHECK(count == ocount && v == ov,
			      "sleb %d bytes: count %d/%d value %d/%d", n, count, ocount, v, ov);
		} else {
			unsigned int ov, v;

			ocount = orig_sh_dwarf_read_uleb128((char *)p, &ov);
			count = leb128_decode_u32(p, end, &v);
			CHECK(count == ocount && v == ov,
			      "uleb %d bytes: count %d/%d value %u/%u", n, count, ocount, v, ov);
		}
	} else if (!n || !ref_fits(ref, sign)) {
		int count, sv;
		unsigned int uv;

		count = sign ? leb128_decode_s32(p, end, &sv) :
			       leb128_decode_u32(p, end, &uv);
		CHECK(count == (n ? -EOVERFLOW : -ENODATA),
		      "malformed %d-byte input: count %d", len, count);
	}
#endif
	free(p);
}

/* Every value is encoded by the spec's algorithm, then padded. */
static int encode(u8 *p, s64 v, int sign, int pad)
{
	int n = 0, more;

	do {
		u8 b = v & 0x7f;

		v = sign ? v >> 7 : (s64)((u64)v >> 7);
		more = sign ? !((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) : v != 0;
		p[n++] = b | (more || pad ? 0x80 : 0);
	} while (more);
	while (pad-- > 0)
		p[n++] = sign && v < 0 ? (pad ? 0xff : 0x7f) : (pad ? 0x80 : 0x00);
	return n;
}

static void check_value(s64 v, int sign)
{
	u8 b[16];
	int pad, n, cut;

	for (pad = 0; pad < 4; pad++) {
		n = encode(b, v, sign, pad);
		check_one(b, n, sign);
		for (cut = 0; cut < n; cut++)
			check_one(b, cut, sign);		/* truncated */
	}
}

int main(void)
{
	static const u8 wide[][8] = {
		{ 0x80, 0x80, 0x80, 0x80, 0x10 },	/* 2^32 */
		{ 0xff, 0xff, 0xff, 0xff, 0x7f },
		{ 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 },
	};
	u64 x = 0x9e3779b97f4a7c15ULL;
	int sign, s, i;

	for (sign = 0; sign < 2; sign++) {
		for (s = 0; s < 64; s++) {
			check_value((s64)(1ULL << s), sign);
			check_value((s64)((1ULL << s) - 1), sign);
			check_value((s64)((1ULL << s) + 1), sign);
			check_value((s64)(0 - (1ULL << s)), sign);
			check_value((s64)(0 - (1ULL << s) - 1), sign);
		}
		for (i = 0; i < 100000; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			check_value((s64)(x >> (x & 63)), sign);
		}
		for (i = 0; i < (int)(sizeof(wide) / sizeof(wide[0])); i++)
			check_one(wide[i], 8, sign);
	}
	if (failures)
		printf("FAIL cocci: " NAME ": %d of %lu inputs differ\n", failures, checked);
	else
		printf("PASS cocci: " NAME ": %lu inputs (spec vectors, boundaries, random, truncated, padded, over-wide): converted readers agree with the original and the spec\n",
		       checked);
	return failures != 0;
}
