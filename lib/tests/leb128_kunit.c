// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for <linux/leb128.h>.
 *
 * The expected encodings are written out by hand from the DWARF 5
 * specification (section 7.6, figures 22 and 23) and from the bit layout
 * of each boundary value; they are not produced by the encoder under test.
 */

#include <kunit/test.h>
#include <linux/array_size.h>
#include <linux/leb128.h>
#include <linux/limits.h>
#include <linux/module.h>
#include <linux/string.h>

#define LEB128_TEST_MAX_IN	16

/* Sentinel written to outputs before a call that must not touch them. */
#define LEB128_TEST_POISON	0xa5

struct leb128_uvec {
	const char *name;
	u8 in[LEB128_TEST_MAX_IN];
	unsigned int len;
	int ret64;	/* expected return of the u64 decoder */
	int ret32;	/* expected return of the u32 decoder */
	u64 val;
	bool canonical;	/* the encoder must produce exactly @in */
};

struct leb128_svec {
	const char *name;
	u8 in[LEB128_TEST_MAX_IN];
	unsigned int len;
	int ret64;
	int ret32;
	s64 val;
	bool canonical;
};

#define LEB128_BYTES(...)						\
	.in = { __VA_ARGS__ },						\
	.len = sizeof((const u8[]){ __VA_ARGS__ })

/* A valid canonical encoding; r32 is its length or -EOVERFLOW. */
#define CANON(_name, _val, _r64, _r32, ...)				\
	{ .name = _name, .val = _val, .ret64 = _r64, .ret32 = _r32,	\
	  .canonical = true, LEB128_BYTES(__VA_ARGS__) }

/* A valid padded encoding, or an invalid one (_r64 < 0). */
#define OTHER(_name, _val, _r64, _r32, ...)				\
	{ .name = _name, .val = _val, .ret64 = _r64, .ret32 = _r32,	\
	  .canonical = false, LEB128_BYTES(__VA_ARGS__) }

static const struct leb128_uvec leb128_uvecs[] = {
	/* DWARF 5, figure 22 */
	CANON("dwarf 2", 2, 1, 1, 0x02),
	CANON("dwarf 127", 127, 1, 1, 0x7f),
	CANON("dwarf 128", 128, 2, 2, 0x80, 0x01),
	CANON("dwarf 129", 129, 2, 2, 0x81, 0x01),
	CANON("dwarf 130", 130, 2, 2, 0x82, 0x01),
	CANON("dwarf 12857", 12857, 2, 2, 0xb9, 0x64),
	/* boundaries */
	CANON("0", 0, 1, 1, 0x00),
	CANON("63", 63, 1, 1, 0x3f),
	CANON("64", 64, 1, 1, 0x40),
	CANON("2^14-1", 0x3fff, 2, 2, 0xff, 0x7f),
	CANON("2^14", 0x4000, 3, 3, 0x80, 0x80, 0x01),
	CANON("2^21-1", 0x1fffff, 3, 3, 0xff, 0xff, 0x7f),
	CANON("2^21", 0x200000, 4, 4, 0x80, 0x80, 0x80, 0x01),
	CANON("2^28-1", 0xfffffff, 4, 4, 0xff, 0xff, 0xff, 0x7f),
	CANON("2^28", 0x10000000, 5, 5, 0x80, 0x80, 0x80, 0x80, 0x01),
	CANON("U32_MAX", U32_MAX, 5, 5, 0xff, 0xff, 0xff, 0xff, 0x0f),
	CANON("2^32", 0x100000000ULL, 5, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x10),
	CANON("2^35-1", 0x7ffffffffULL, 5, -EOVERFLOW,
	      0xff, 0xff, 0xff, 0xff, 0x7f),
	CANON("2^56", 1ULL << 56, 9, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01),
	CANON("2^63-1", 0x7fffffffffffffffULL, 9, -EOVERFLOW,
	      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
	CANON("2^63", 1ULL << 63, 10, -EOVERFLOW, 0x80, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x01),
	CANON("U64_MAX", U64_MAX, 10, -EOVERFLOW, 0xff, 0xff, 0xff, 0xff, 0xff,
	      0xff, 0xff, 0xff, 0xff, 0x01),
	/* padded, still valid */
	OTHER("0 in 2", 0, 2, 2, 0x80, 0x00),
	OTHER("0 in 3", 0, 3, 3, 0x80, 0x80, 0x00),
	OTHER("0 in 10", 0, 10, 10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x00),
	OTHER("0 in 12", 0, 12, 12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x00),
	OTHER("1 in 4", 1, 4, 4, 0x81, 0x80, 0x80, 0x00),
	OTHER("127 in 2", 127, 2, 2, 0xff, 0x00),
	OTHER("U32_MAX in 7", U32_MAX, 7, 7,
	      0xff, 0xff, 0xff, 0xff, 0x8f, 0x80, 0x00),
	OTHER("2^32 in 6", 0x100000000ULL, 6, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x90, 0x00),
	OTHER("U64_MAX in 11", U64_MAX, 11, -EOVERFLOW, 0xff, 0xff, 0xff, 0xff,
	      0xff, 0xff, 0xff, 0xff, 0xff, 0x81, 0x00),
	OTHER("2^63 in 12", 1ULL << 63, 12, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81, 0x80,
	      0x00),
	/* overflow: the byte holding bit 63 may only carry 0 or 1 */
	OTHER("bit 64 set", 0, -EOVERFLOW, -EOVERFLOW, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x02),
	OTHER("10th byte 0x7f", 0, -EOVERFLOW, -EOVERFLOW, 0xff, 0xff, 0xff,
	      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
	/* overflow: padding beyond bit 63 must be zero */
	OTHER("11th byte 1", 0, -EOVERFLOW, -EOVERFLOW, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01),
	OTHER("12th byte 0x40", 0, -EOVERFLOW, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81, 0x80,
	      0x40),
	/* the first offending byte decides, even if the input ends later */
	OTHER("overflow then end", 0, -EOVERFLOW, -EOVERFLOW, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x82),
	OTHER("end before overflow", 0, -ENODATA, -ENODATA, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81),
	OTHER("u32 overflow then end", 0, -ENODATA, -ENODATA,
	      0x80, 0x80, 0x80, 0x80, 0xf0),
};

static const struct leb128_svec leb128_svecs[] = {
	/* DWARF 5, figure 23 */
	CANON("dwarf 2", 2, 1, 1, 0x02),
	CANON("dwarf -2", -2, 1, 1, 0x7e),
	CANON("dwarf 127", 127, 2, 2, 0xff, 0x00),
	CANON("dwarf -127", -127, 2, 2, 0x81, 0x7f),
	CANON("dwarf 128", 128, 2, 2, 0x80, 0x01),
	CANON("dwarf -128", -128, 2, 2, 0x80, 0x7f),
	CANON("dwarf 129", 129, 2, 2, 0x81, 0x01),
	CANON("dwarf -129", -129, 2, 2, 0xff, 0x7e),
	/* boundaries */
	CANON("0", 0, 1, 1, 0x00),
	CANON("-1", -1, 1, 1, 0x7f),
	CANON("63", 63, 1, 1, 0x3f),
	CANON("-64", -64, 1, 1, 0x40),
	CANON("64", 64, 2, 2, 0xc0, 0x00),
	CANON("-65", -65, 2, 2, 0xbf, 0x7f),
	CANON("2^13", 0x2000, 3, 3, 0x80, 0xc0, 0x00),
	CANON("-2^13-1", -0x2001, 3, 3, 0xff, 0xbf, 0x7f),
	CANON("S32_MAX", S32_MAX, 5, 5, 0xff, 0xff, 0xff, 0xff, 0x07),
	CANON("S32_MIN", S32_MIN, 5, 5, 0x80, 0x80, 0x80, 0x80, 0x78),
	CANON("S32_MAX+1", 0x80000000LL, 5, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x08),
	CANON("S32_MIN-1", -0x80000001LL, 5, -EOVERFLOW,
	      0xff, 0xff, 0xff, 0xff, 0x77),
	CANON("-2^62", -0x4000000000000000LL, 9, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40),
	CANON("2^62", 0x4000000000000000LL, 10, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0xc0, 0x00),
	CANON("S64_MAX", S64_MAX, 10, -EOVERFLOW, 0xff, 0xff, 0xff, 0xff, 0xff,
	      0xff, 0xff, 0xff, 0xff, 0x00),
	CANON("S64_MIN", S64_MIN, 10, -EOVERFLOW, 0x80, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x7f),
	/* padded, still valid */
	OTHER("0 in 2", 0, 2, 2, 0x80, 0x00),
	OTHER("2 in 3", 2, 3, 3, 0x82, 0x80, 0x00),
	OTHER("-1 in 2", -1, 2, 2, 0xff, 0x7f),
	OTHER("-1 in 3", -1, 3, 3, 0xff, 0xff, 0x7f),
	OTHER("-1 in 5", -1, 5, 5, 0xff, 0xff, 0xff, 0xff, 0x7f),
	OTHER("-2 in 10", -2, 10, 10, 0xfe, 0xff, 0xff, 0xff, 0xff,
	      0xff, 0xff, 0xff, 0xff, 0x7f),
	OTHER("-1 in 11", -1, 11, 11, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	      0xff, 0xff, 0xff, 0x7f),
	OTHER("0 in 11", 0, 11, 11, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x00),
	OTHER("S64_MIN in 11", S64_MIN, 11, -EOVERFLOW, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0xff, 0x7f),
	OTHER("S64_MAX in 12", S64_MAX, 12, -EOVERFLOW,
	      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80, 0x80,
	      0x00),
	/* overflow: the byte holding bit 63 may only carry 0x00 or 0x7f */
	OTHER("10th byte 1", 0, -EOVERFLOW, -EOVERFLOW, 0x80, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x01),
	OTHER("10th byte 0x40", 0, -EOVERFLOW, -EOVERFLOW, 0xff, 0xff, 0xff,
	      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x40),
	OTHER("10th byte 0x3f", 0, -EOVERFLOW, -EOVERFLOW, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x3f),
	/* overflow: padding beyond bit 63 must repeat the sign */
	OTHER("positive, 0x7f pad", 0, -EOVERFLOW, -EOVERFLOW,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f),
	OTHER("negative, 0x00 pad", 0, -EOVERFLOW, -EOVERFLOW,
	      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00),
	OTHER("negative, 0x7e pad", 0, -EOVERFLOW, -EOVERFLOW,
	      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	      0x7e),
	/* the first offending byte decides */
	OTHER("overflow then end", 0, -EOVERFLOW, -EOVERFLOW, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81),
	OTHER("end before overflow", 0, -ENODATA, -ENODATA, 0x80, 0x80, 0x80,
	      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0xff),
};

static void leb128_uvec_desc(const struct leb128_uvec *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

static void leb128_svec_desc(const struct leb128_svec *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(leb128_uvec, leb128_uvecs, leb128_uvec_desc);
KUNIT_ARRAY_PARAM(leb128_svec, leb128_svecs, leb128_svec_desc);

/*
 * Copy @len bytes to an allocation of exactly @len bytes (at least one),
 * so that KASAN reports any read at or beyond the end passed to a decoder.
 */
static u8 *leb128_exact_copy(struct kunit *test, const u8 *in,
			     unsigned int len)
{
	u8 *buf = kunit_kmalloc(test, len ? len : 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	memcpy(buf, in, len);
	return buf;
}

/* Decode @in[0..@len) with every unsigned decoder; expect @r64 / @r32. */
static void leb128_check_udecode(struct kunit *test, const u8 *in,
				 unsigned int len, int r64, int r32, u64 val)
{
	u8 *p = leb128_exact_copy(test, in, len);
	const u8 *end = p + len, *pos;
	u64 v64;
	u32 v32;

	v64 = U64_MAX - 1;
	KUNIT_EXPECT_EQ(test, leb128_decode_u64(p, end, &v64), r64);
	KUNIT_EXPECT_EQ(test, v64, r64 > 0 ? val : U64_MAX - 1);

	v64 = U64_MAX - 1;
	KUNIT_EXPECT_EQ(test, __leb128_decode_u64(p, end, &v64), r64);
	KUNIT_EXPECT_EQ(test, v64, r64 > 0 ? val : U64_MAX - 1);

	v32 = U32_MAX - 1;
	KUNIT_EXPECT_EQ(test, leb128_decode_u32(p, end, &v32), r32);
	KUNIT_EXPECT_EQ(test, v32, r32 > 0 ? (u32)val : U32_MAX - 1);

	v32 = U32_MAX - 1;
	KUNIT_EXPECT_EQ(test, __leb128_decode_u32(p, end, &v32), r32);
	KUNIT_EXPECT_EQ(test, v32, r32 > 0 ? (u32)val : U32_MAX - 1);

	pos = p;
	v64 = U64_MAX - 1;
	KUNIT_EXPECT_EQ(test, leb128_read_u64(&pos, end, &v64),
			r64 > 0 ? 0 : r64);
	KUNIT_EXPECT_PTR_EQ(test, pos, r64 > 0 ? p + r64 : p);
	KUNIT_EXPECT_EQ(test, v64, r64 > 0 ? val : U64_MAX - 1);

	pos = p;
	v32 = U32_MAX - 1;
	KUNIT_EXPECT_EQ(test, leb128_read_u32(&pos, end, &v32),
			r32 > 0 ? 0 : r32);
	KUNIT_EXPECT_PTR_EQ(test, pos, r32 > 0 ? p + r32 : p);
	KUNIT_EXPECT_EQ(test, v32, r32 > 0 ? (u32)val : U32_MAX - 1);
}

/* Signed counterpart of leb128_check_udecode(). */
static void leb128_check_sdecode(struct kunit *test, const u8 *in,
				 unsigned int len, int r64, int r32, s64 val)
{
	u8 *p = leb128_exact_copy(test, in, len);
	const u8 *end = p + len, *pos;
	s64 v64;
	s32 v32;

	v64 = S64_MIN + 1;
	KUNIT_EXPECT_EQ(test, leb128_decode_s64(p, end, &v64), r64);
	KUNIT_EXPECT_EQ(test, v64, r64 > 0 ? val : S64_MIN + 1);

	v64 = S64_MIN + 1;
	KUNIT_EXPECT_EQ(test, __leb128_decode_s64(p, end, &v64), r64);
	KUNIT_EXPECT_EQ(test, v64, r64 > 0 ? val : S64_MIN + 1);

	v32 = S32_MIN + 1;
	KUNIT_EXPECT_EQ(test, leb128_decode_s32(p, end, &v32), r32);
	KUNIT_EXPECT_EQ(test, v32, r32 > 0 ? (s32)val : S32_MIN + 1);

	v32 = S32_MIN + 1;
	KUNIT_EXPECT_EQ(test, __leb128_decode_s32(p, end, &v32), r32);
	KUNIT_EXPECT_EQ(test, v32, r32 > 0 ? (s32)val : S32_MIN + 1);

	pos = p;
	v64 = S64_MIN + 1;
	KUNIT_EXPECT_EQ(test, leb128_read_s64(&pos, end, &v64),
			r64 > 0 ? 0 : r64);
	KUNIT_EXPECT_PTR_EQ(test, pos, r64 > 0 ? p + r64 : p);
	KUNIT_EXPECT_EQ(test, v64, r64 > 0 ? val : S64_MIN + 1);

	pos = p;
	v32 = S32_MIN + 1;
	KUNIT_EXPECT_EQ(test, leb128_read_s32(&pos, end, &v32),
			r32 > 0 ? 0 : r32);
	KUNIT_EXPECT_PTR_EQ(test, pos, r32 > 0 ? p + r32 : p);
	KUNIT_EXPECT_EQ(test, v32, r32 > 0 ? (s32)val : S32_MIN + 1);
}

/* leb128_skip() and leb128_skip_read() on @in[0..@len); expect @ret. */
static void leb128_check_skip(struct kunit *test, const u8 *in,
			      unsigned int len, int ret)
{
	u8 *p = leb128_exact_copy(test, in, len);
	const u8 *pos = p;

	KUNIT_EXPECT_EQ(test, leb128_skip(p, p + len), ret);
	KUNIT_EXPECT_EQ(test, leb128_skip_read(&pos, p + len),
			ret > 0 ? 0 : ret);
	KUNIT_EXPECT_PTR_EQ(test, pos, ret > 0 ? p + ret : p);
}

/*
 * Every proper prefix of a valid encoding is truncated.  (Only for the
 * decoders of the same signedness: a valid ULEB128 prefix can already be
 * an SLEB128 overflow and vice versa.)
 */
static void leb128_check_prefixes(struct kunit *test, const u8 *in,
				  unsigned int len, bool is_signed)
{
	unsigned int i;

	for (i = 0; i < len; i++) {
		if (is_signed)
			leb128_check_sdecode(test, in, i, -ENODATA, -ENODATA, 0);
		else
			leb128_check_udecode(test, in, i, -ENODATA, -ENODATA, 0);
		leb128_check_skip(test, in, i, -ENODATA);
	}
}

/* Encoding into any buffer shorter than @len fails and writes nothing. */
static void leb128_check_nospc(struct kunit *test, unsigned int len,
			       int (*enc)(u8 *buf, size_t size, u64 v), u64 v)
{
	u8 buf[LEB128_TEST_MAX_IN], poison[LEB128_TEST_MAX_IN];
	unsigned int size;

	memset(poison, LEB128_TEST_POISON, sizeof(poison));
	for (size = 0; size < len; size++) {
		memset(buf, LEB128_TEST_POISON, sizeof(buf));
		KUNIT_EXPECT_EQ(test, enc(buf, size, v), -ENOSPC);
		KUNIT_EXPECT_MEMEQ(test, buf, poison, sizeof(buf));
	}
}

static int leb128_enc_u64(u8 *buf, size_t size, u64 v)
{
	return leb128_encode_u64(buf, size, v);
}

static int leb128_enc_u32(u8 *buf, size_t size, u64 v)
{
	return leb128_encode_u32(buf, size, (u32)v);
}

static int leb128_enc_s64(u8 *buf, size_t size, u64 v)
{
	return leb128_encode_s64(buf, size, (s64)v);
}

static int leb128_enc_s32(u8 *buf, size_t size, u64 v)
{
	return leb128_encode_s32(buf, size, (s32)v);
}

static void leb128_test_uvec(struct kunit *test)
{
	const struct leb128_uvec *v = test->param_value;
	u8 buf[LEB128_TEST_MAX_IN];

	leb128_check_udecode(test, v->in, v->len, v->ret64, v->ret32, v->val);
	if (v->ret64 > 0) {
		leb128_check_skip(test, v->in, v->len, v->len);
		leb128_check_prefixes(test, v->in, v->len, false);
	}
	if (!v->canonical)
		return;

	KUNIT_EXPECT_EQ(test, leb128_size_u64(v->val), v->len);
	memset(buf, LEB128_TEST_POISON, sizeof(buf));
	KUNIT_EXPECT_EQ(test, leb128_encode_u64(buf, v->len, v->val), v->len);
	KUNIT_EXPECT_MEMEQ(test, buf, v->in, v->len);
	KUNIT_EXPECT_EQ(test, buf[v->len], LEB128_TEST_POISON);
	leb128_check_nospc(test, v->len, leb128_enc_u64, v->val);

	if (v->ret32 < 0)
		return;
	KUNIT_EXPECT_EQ(test, leb128_size_u32(v->val), v->len);
	memset(buf, LEB128_TEST_POISON, sizeof(buf));
	KUNIT_EXPECT_EQ(test, leb128_encode_u32(buf, v->len, v->val), v->len);
	KUNIT_EXPECT_MEMEQ(test, buf, v->in, v->len);
	leb128_check_nospc(test, v->len, leb128_enc_u32, v->val);
}

static void leb128_test_svec(struct kunit *test)
{
	const struct leb128_svec *v = test->param_value;
	u8 buf[LEB128_TEST_MAX_IN];

	leb128_check_sdecode(test, v->in, v->len, v->ret64, v->ret32, v->val);
	if (v->ret64 > 0) {
		leb128_check_skip(test, v->in, v->len, v->len);
		leb128_check_prefixes(test, v->in, v->len, true);
	}
	if (!v->canonical)
		return;

	KUNIT_EXPECT_EQ(test, leb128_size_s64(v->val), v->len);
	memset(buf, LEB128_TEST_POISON, sizeof(buf));
	KUNIT_EXPECT_EQ(test, leb128_encode_s64(buf, v->len, v->val), v->len);
	KUNIT_EXPECT_MEMEQ(test, buf, v->in, v->len);
	KUNIT_EXPECT_EQ(test, buf[v->len], LEB128_TEST_POISON);
	leb128_check_nospc(test, v->len, leb128_enc_s64, v->val);

	if (v->ret32 < 0)
		return;
	KUNIT_EXPECT_EQ(test, leb128_size_s32(v->val), v->len);
	memset(buf, LEB128_TEST_POISON, sizeof(buf));
	KUNIT_EXPECT_EQ(test, leb128_encode_s32(buf, v->len, v->val), v->len);
	KUNIT_EXPECT_MEMEQ(test, buf, v->in, v->len);
	leb128_check_nospc(test, v->len, leb128_enc_s32, v->val);
}

/* Empty input, and a start beyond the end, are truncated inputs. */
static void leb128_test_empty(struct kunit *test)
{
	static const u8 zero[2];
	const u8 *pos = zero + 1;
	u64 v64 = 7;
	s64 s = 7;

	leb128_check_udecode(test, zero, 0, -ENODATA, -ENODATA, 0);
	leb128_check_sdecode(test, zero, 0, -ENODATA, -ENODATA, 0);
	leb128_check_skip(test, zero, 0, -ENODATA);

	KUNIT_EXPECT_EQ(test, leb128_decode_u64(zero + 1, zero, &v64),
			-ENODATA);
	KUNIT_EXPECT_EQ(test, leb128_decode_s64(zero + 1, zero, &s), -ENODATA);
	KUNIT_EXPECT_EQ(test, leb128_skip(zero + 1, zero), -ENODATA);
	KUNIT_EXPECT_EQ(test, leb128_read_u64(&pos, zero, &v64), -ENODATA);
	KUNIT_EXPECT_PTR_EQ(test, pos, zero + 1);
	KUNIT_EXPECT_EQ(test, v64, 7);
	KUNIT_EXPECT_EQ(test, s, 7);
}

struct leb128_skip_vec {
	const char *name;
	u8 in[LEB128_TEST_MAX_IN];
	unsigned int len;
	int ret;
};

static const struct leb128_skip_vec leb128_skip_vecs[] = {
	{ "one byte", LEB128_BYTES(0x7f, 0x80), .ret = 1 },
	{ "two bytes", LEB128_BYTES(0x80, 0x7f, 0x80), .ret = 2 },
	/* skip does not check the width: 12 bytes are fine */
	{ "twelve bytes", LEB128_BYTES(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0x7f), .ret = 12 },
	{ "unterminated", LEB128_BYTES(0x80), .ret = -ENODATA },
	{ "unterminated long", LEB128_BYTES(0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff), .ret = -ENODATA },
};

static void leb128_skip_desc(const struct leb128_skip_vec *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(leb128_skip, leb128_skip_vecs, leb128_skip_desc);

static void leb128_test_skip(struct kunit *test)
{
	const struct leb128_skip_vec *v = test->param_value;

	leb128_check_skip(test, v->in, v->len, v->ret);
}

struct leb128_pad_vec {
	const char *name;
	u64 val;
	unsigned int width;
	size_t size;
	int ret;
	u8 out[LEB128_TEST_MAX_IN];
};

static const struct leb128_pad_vec leb128_pad_vecs[] = {
	{ "0 in 1", 0, 1, 1, 1, { 0x00 } },
	{ "0 in 3", 0, 3, 3, 3, { 0x80, 0x80, 0x00 } },
	{ "127 in 2", 127, 2, 2, 2, { 0xff, 0x00 } },
	{ "128 in 2", 128, 2, 2, 2, { 0x80, 0x01 } },
	{ "128 in 3, big buffer", 128, 3, 8, 3, { 0x80, 0x81, 0x00 } },
	{ "U32_MAX in 5", U32_MAX, 5, 5, 5, { 0xff, 0xff, 0xff, 0xff, 0x0f } },
	{ "5 in 10", 5, 10, 10, 10, { 0x85, 0x80, 0x80, 0x80, 0x80,
				       0x80, 0x80, 0x80, 0x80, 0x00 } },
	{ "2^63 in 10", 1ULL << 63, 10, 10, 10, { 0x80, 0x80, 0x80, 0x80, 0x80,
				       0x80, 0x80, 0x80, 0x80, 0x01 } },
	{ "U64_MAX in 10", U64_MAX, 10, 10, 10, { 0xff, 0xff, 0xff, 0xff, 0xff,
				       0xff, 0xff, 0xff, 0xff, 0x01 } },
	{ "128 in 1", 128, 1, 1, -EOVERFLOW },
	{ "2^63 in 9", 1ULL << 63, 9, 9, -EOVERFLOW },
	{ "width 0", 0, 0, 4, -EOVERFLOW },
	{ "width 11", 0, 11, 16, -EOVERFLOW },
	{ "overflow before size", 128, 1, 0, -EOVERFLOW },
	{ "size < width", 1, 3, 2, -ENOSPC },
	{ "size 0", 0, 1, 0, -ENOSPC },
};

static void leb128_pad_desc(const struct leb128_pad_vec *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(leb128_pad, leb128_pad_vecs, leb128_pad_desc);

static void leb128_test_padded(struct kunit *test)
{
	const struct leb128_pad_vec *v = test->param_value;
	u8 buf[LEB128_TEST_MAX_IN], poison[LEB128_TEST_MAX_IN];
	u64 val;
	int ret;

	memset(buf, LEB128_TEST_POISON, sizeof(buf));
	memset(poison, LEB128_TEST_POISON, sizeof(poison));
	ret = leb128_encode_u64_padded(buf, v->size, v->val, v->width);
	KUNIT_EXPECT_EQ(test, ret, v->ret);
	if (v->ret < 0) {
		KUNIT_EXPECT_MEMEQ(test, buf, poison, sizeof(buf));
		return;
	}
	KUNIT_EXPECT_MEMEQ(test, buf, v->out, v->width);
	KUNIT_EXPECT_EQ(test, buf[v->width], LEB128_TEST_POISON);
	KUNIT_EXPECT_EQ(test, leb128_decode_u64(buf, buf + v->width, &val),
			v->width);
	KUNIT_EXPECT_EQ(test, val, v->val);
}

/* Values of different widths back to back, read with a cursor. */
static void leb128_test_cursor_stream(struct kunit *test)
{
	static const u8 stream[] = {
		0x05,				/* u32 5 */
		0xb9, 0x64,			/* u64 12857 */
		0x7e,				/* s32 -2 */
		0x80, 0x7f,			/* s64 -128 */
		0x80, 0x80, 0x00,		/* skipped */
		0xff, 0xff, 0xff, 0xff, 0x10,	/* u32 overflow */
	};
	u8 *p = leb128_exact_copy(test, stream, sizeof(stream));
	const u8 *end = p + sizeof(stream), *pos = p;
	u32 u32v = 0;
	u64 u64v = 0;
	s32 s32v = 0;
	s64 s64v = 0;

	KUNIT_EXPECT_EQ(test, leb128_read_u32(&pos, end, &u32v), 0);
	KUNIT_EXPECT_EQ(test, u32v, 5);
	KUNIT_EXPECT_EQ(test, leb128_read_u64(&pos, end, &u64v), 0);
	KUNIT_EXPECT_EQ(test, u64v, 12857);
	KUNIT_EXPECT_EQ(test, leb128_read_s32(&pos, end, &s32v), 0);
	KUNIT_EXPECT_EQ(test, s32v, -2);
	KUNIT_EXPECT_EQ(test, leb128_read_s64(&pos, end, &s64v), 0);
	KUNIT_EXPECT_EQ(test, s64v, -128);
	KUNIT_EXPECT_EQ(test, leb128_skip_read(&pos, end), 0);
	KUNIT_EXPECT_PTR_EQ(test, pos, p + 9);

	KUNIT_EXPECT_EQ(test, leb128_read_u32(&pos, end, &u32v), -EOVERFLOW);
	KUNIT_EXPECT_PTR_EQ(test, pos, p + 9);
	KUNIT_EXPECT_EQ(test, u32v, 5);
	KUNIT_EXPECT_EQ(test, leb128_read_u64(&pos, end, &u64v), 0);
	KUNIT_EXPECT_EQ(test, u64v, 0x10fffffffULL);
	KUNIT_EXPECT_PTR_EQ(test, pos, end);
	KUNIT_EXPECT_EQ(test, leb128_read_u64(&pos, end, &u64v), -ENODATA);
	KUNIT_EXPECT_PTR_EQ(test, pos, end);
}

/* Encode, measure and decode @v as u64 and as s64. */
static void leb128_check_roundtrip(struct kunit *test, u64 v)
{
	u8 buf[LEB128_MAX_LEN];
	int len;
	u64 u;
	s64 s;
	u32 u32v;
	s32 s32v;

	len = leb128_encode_u64(buf, sizeof(buf), v);
	KUNIT_EXPECT_EQ(test, len, leb128_size_u64(v));
	KUNIT_EXPECT_EQ(test, leb128_decode_u64(buf, buf + len, &u), len);
	KUNIT_EXPECT_EQ(test, u, v);
	KUNIT_EXPECT_EQ(test, leb128_skip(buf, buf + len), len);
	KUNIT_EXPECT_EQ(test, leb128_decode_u32(buf, buf + len, &u32v),
			v <= U32_MAX ? len : -EOVERFLOW);

	len = leb128_encode_s64(buf, sizeof(buf), (s64)v);
	KUNIT_EXPECT_EQ(test, len, leb128_size_s64((s64)v));
	KUNIT_EXPECT_EQ(test, leb128_decode_s64(buf, buf + len, &s), len);
	KUNIT_EXPECT_EQ(test, s, (s64)v);
	KUNIT_EXPECT_EQ(test, leb128_decode_s32(buf, buf + len, &s32v),
			(s64)v >= S32_MIN && (s64)v <= S32_MAX ? len :
			-EOVERFLOW);

	len = leb128_encode_u32(buf, sizeof(buf), (u32)v);
	KUNIT_EXPECT_EQ(test, len, leb128_size_u32((u32)v));
	KUNIT_EXPECT_EQ(test, leb128_decode_u32(buf, buf + len, &u32v), len);
	KUNIT_EXPECT_EQ(test, u32v, (u32)v);

	len = leb128_encode_s32(buf, sizeof(buf), (s32)v);
	KUNIT_EXPECT_EQ(test, len, leb128_size_s32((s32)v));
	KUNIT_EXPECT_EQ(test, leb128_decode_s32(buf, buf + len, &s32v), len);
	KUNIT_EXPECT_EQ(test, s32v, (s32)v);
}

static void leb128_test_roundtrip_powers(struct kunit *test)
{
	unsigned int bit;

	for (bit = 0; bit < 64; bit++) {
		u64 v = 1ULL << bit;

		leb128_check_roundtrip(test, v - 1);
		leb128_check_roundtrip(test, v);
		leb128_check_roundtrip(test, v + 1);
		leb128_check_roundtrip(test, -v);
		leb128_check_roundtrip(test, -v - 1);
	}
}

static void leb128_test_roundtrip_lcg(struct kunit *test)
{
	u64 x = 0x2545f4914f6cdd1dULL;
	unsigned int i;

	for (i = 0; i < 20000; i++) {
		/* Knuth's MMIX LCG; shift to spread over all lengths */
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		leb128_check_roundtrip(test, x >> (x >> 58));
	}
}

static struct kunit_case leb128_test_cases[] = {
	KUNIT_CASE_PARAM(leb128_test_uvec, leb128_uvec_gen_params),
	KUNIT_CASE_PARAM(leb128_test_svec, leb128_svec_gen_params),
	KUNIT_CASE(leb128_test_empty),
	KUNIT_CASE_PARAM(leb128_test_skip, leb128_skip_gen_params),
	KUNIT_CASE_PARAM(leb128_test_padded, leb128_pad_gen_params),
	KUNIT_CASE(leb128_test_cursor_stream),
	KUNIT_CASE(leb128_test_roundtrip_powers),
	KUNIT_CASE(leb128_test_roundtrip_lcg),
	{}
};

static struct kunit_suite leb128_test_suite = {
	.name = "leb128",
	.test_cases = leb128_test_cases,
};

kunit_test_suite(leb128_test_suite);

MODULE_DESCRIPTION("KUnit tests for LEB128 encoding and decoding");
MODULE_LICENSE("GPL");
