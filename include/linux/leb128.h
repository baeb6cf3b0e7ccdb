/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bounded LEB128 (Little Endian Base 128) decoding and encoding.
 *
 * This header is also used by host tools through tools/include; it must
 * only depend on <linux/types.h>, <linux/compiler.h> and <linux/errno.h>.
 */
#ifndef _LINUX_LEB128_H
#define _LINUX_LEB128_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>

/**
 * DOC: LEB128 overview
 *
 * LEB128 stores an integer in 7-bit groups, least significant group first.
 * Each byte carries one group in bits 0-6; bit 7 is set on every byte
 * except the last one.  Unsigned values (ULEB128) are zero-extended,
 * signed values (SLEB128) are two's complement and sign-extended from
 * bit 6 of the last byte.  DWARF (line tables, call frame information),
 * WebAssembly and several object-file relocations use this encoding.
 *
 * All decoders take the input as a half-open range [@p, @end) and never
 * read at or beyond @end.  They accept padded (non-canonical) encodings as
 * long as the value fits: bytes beyond bit 63 must be zero (unsigned) or
 * repeat the sign (signed), and the byte holding bit 63 may only carry
 * 0 or 1 (unsigned) or 0x00 or 0x7f (signed).  The 32-bit variants decode
 * a 64-bit value and then check its range.  Encoders always produce the
 * canonical (shortest) form, except leb128_encode_u64_padded().
 *
 * Errors are negative errno values:
 *
 * * ``-ENODATA``: the input ended inside a value (including an empty input
 *   or @p >= @end).
 * * ``-EOVERFLOW``: the value does not fit the requested type, or the
 *   encoding is longer than INT_MAX bytes.
 * * ``-ENOSPC``: the output buffer is too small; nothing was written.
 *
 * A decoder checks each byte for the end of input before reading it and
 * then for overflow, so the error reported is the one the first offending
 * byte proves.  For the 32-bit decoders a truncated input is reported as
 * ``-ENODATA`` even when the bytes already read exceed 32 bits.
 *
 * There are two decoder styles:
 *
 * * buffer style, leb128_decode_u64() etc.: returns the number of bytes
 *   consumed;
 * * cursor style, leb128_read_u64() etc.: returns 0 and advances a cursor.
 *
 * On error neither style writes the value or moves the cursor.  The
 * ``__leb128_decode_*()`` variants are the always-inline bodies of the
 * buffer-style decoders, for hot loops.
 *
 * Nothing here takes locks, allocates memory or keeps state, so every
 * function can be used in any context, including NMI.
 */

/**
 * LEB128_MAX_LEN_U32 - canonical encoded length of the largest u32
 */
#define LEB128_MAX_LEN_U32	5

/**
 * LEB128_MAX_LEN_S32 - canonical encoded length of the widest s32
 */
#define LEB128_MAX_LEN_S32	5

/**
 * LEB128_MAX_LEN_U64 - canonical encoded length of the largest u64
 */
#define LEB128_MAX_LEN_U64	10

/**
 * LEB128_MAX_LEN_S64 - canonical encoded length of the widest s64
 */
#define LEB128_MAX_LEN_S64	10

/**
 * LEB128_MAX_LEN - buffer size that holds any canonical encoding
 */
#define LEB128_MAX_LEN		LEB128_MAX_LEN_U64

/**
 * __LEB128_LEN_LIMIT - longest encoding the decoders accept (INT_MAX)
 *
 * The decoders return a length as int; an encoding padded beyond this
 * length is rejected with -EOVERFLOW.
 */
#define __LEB128_LEN_LIMIT	0x7fffffff

/**
 * __leb128_limit() - clamp the end of the input to __LEB128_LEN_LIMIT bytes
 * @p: start of the encoded value, below @end
 * @end: end of the input
 *
 * Context: Any context.
 * Return: the address at which the decoders stop scanning.
 */
static __always_inline const u8 *__leb128_limit(const u8 *p, const u8 *end)
{
	return end - p > __LEB128_LEN_LIMIT ? p + __LEB128_LEN_LIMIT : end;
}

/**
 * __leb128_exhausted() - error for a value still unterminated at @lim
 * @lim: address returned by __leb128_limit()
 * @end: end of the input
 *
 * Context: Any context.
 * Return: -ENODATA if the input ended, -EOVERFLOW if the length limit hit.
 */
static __always_inline int __leb128_exhausted(const u8 *lim, const u8 *end)
{
	return lim < end ? -EOVERFLOW : -ENODATA;
}

/**
 * __leb128_decode_u64() - decode a ULEB128 value into a u64, always inline
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 64 bits.
 */
static __always_inline int __leb128_decode_u64(const u8 *p, const u8 *end,
					       u64 *val)
{
	unsigned int shift = 7;
	const u8 *q, *lim;
	u64 res, slice;
	u8 byte;

	if (unlikely(p >= end))
		return -ENODATA;
	if (likely(*p < 0x80)) {
		*val = *p;
		return 1;
	}
	/* two bytes: the next most common length, without the loop */
	if (likely(end - p >= 2 && p[1] < 0x80)) {
		*val = (*p & 0x7f) | (u64)p[1] << 7;
		return 2;
	}

	lim = __leb128_limit(p, end);
	res = *p & 0x7f;
	q = p + 1;
	do {
		if (unlikely(q >= lim))
			return __leb128_exhausted(lim, end);
		byte = *q++;
		slice = byte & 0x7f;
		if (shift < 63)
			res |= slice << shift;
		else if (shift == 63 && slice <= 1)
			res |= slice << 63;
		else if (slice)
			return -EOVERFLOW;
		/* Saturate: only < 63, == 63 and > 63 matter from here on. */
		if (shift < 64)
			shift += 7;
	} while (byte & 0x80);

	*val = res;
	return q - p;
}

/**
 * __leb128_decode_s64() - decode an SLEB128 value into an s64, always inline
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 64 bits.
 */
static __always_inline int __leb128_decode_s64(const u8 *p, const u8 *end,
					       s64 *val)
{
	unsigned int shift = 7;
	const u8 *q, *lim;
	u64 res, slice;
	u8 byte;

	if (unlikely(p >= end))
		return -ENODATA;
	if (likely(*p < 0x80)) {
		/* Sign-extend from bit 6. */
		*val = (s64)(*p ^ 0x40) - 0x40;
		return 1;
	}

	lim = __leb128_limit(p, end);
	res = *p & 0x7f;
	q = p + 1;
	do {
		if (unlikely(q >= lim))
			return __leb128_exhausted(lim, end);
		byte = *q++;
		slice = byte & 0x7f;
		if (shift < 63)
			res |= slice << shift;
		else if (shift == 63 && (slice == 0 || slice == 0x7f))
			res |= (slice & 1) << 63;
		else if (shift == 63 || slice != (res >> 63 ? 0x7f : 0))
			return -EOVERFLOW;
		if (shift < 64)
			shift += 7;
	} while (byte & 0x80);

	if (shift < 64 && (byte & 0x40))
		res |= ~(u64)0 << shift;
	*val = (s64)res;
	return q - p;
}

/**
 * __leb128_decode_u32() - decode a ULEB128 value into a u32, always inline
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 32 bits.
 */
static __always_inline int __leb128_decode_u32(const u8 *p, const u8 *end,
					       u32 *val)
{
	u64 v;
	int ret;

	ret = __leb128_decode_u64(p, end, &v);
	if (unlikely(ret < 0))
		return ret;
	if (unlikely(v > 0xffffffffU))
		return -EOVERFLOW;
	*val = v;
	return ret;
}

/**
 * __leb128_decode_s32() - decode an SLEB128 value into an s32, always inline
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 32 bits.
 */
static __always_inline int __leb128_decode_s32(const u8 *p, const u8 *end,
					       s32 *val)
{
	s64 v;
	int ret;

	ret = __leb128_decode_s64(p, end, &v);
	if (unlikely(ret < 0))
		return ret;
	if (unlikely(v < -0x80000000LL || v > 0x7fffffffLL))
		return -EOVERFLOW;
	*val = v;
	return ret;
}

int leb128_decode_u32(const u8 *p, const u8 *end, u32 *val);
int leb128_decode_u64(const u8 *p, const u8 *end, u64 *val);
int leb128_decode_s32(const u8 *p, const u8 *end, s32 *val);
int leb128_decode_s64(const u8 *p, const u8 *end, s64 *val);

/**
 * leb128_read_u32() - decode a ULEB128 u32 at a cursor and advance it
 * @pos: cursor; advanced past the value on success, untouched on error
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * One-byte values are decoded inline, longer ones by leb128_decode_u32().
 *
 * Context: Any context.
 * Return: 0, -ENODATA if the input is truncated or -EOVERFLOW if the
 * value does not fit in 32 bits.
 */
static inline int leb128_read_u32(const u8 **pos, const u8 *end, u32 *val)
{
	const u8 *p = *pos;
	int ret;

	if (likely(p < end && *p < 0x80)) {
		*val = *p;
		*pos = p + 1;
		return 0;
	}
	ret = leb128_decode_u32(p, end, val);
	if (ret < 0)
		return ret;
	*pos = p + ret;
	return 0;
}

/**
 * leb128_read_u64() - decode a ULEB128 u64 at a cursor and advance it
 * @pos: cursor; advanced past the value on success, untouched on error
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * One-byte values are decoded inline, longer ones by leb128_decode_u64().
 *
 * Context: Any context.
 * Return: 0, -ENODATA if the input is truncated or -EOVERFLOW if the
 * value does not fit in 64 bits.
 */
static inline int leb128_read_u64(const u8 **pos, const u8 *end, u64 *val)
{
	const u8 *p = *pos;
	int ret;

	if (likely(p < end && *p < 0x80)) {
		*val = *p;
		*pos = p + 1;
		return 0;
	}
	ret = leb128_decode_u64(p, end, val);
	if (ret < 0)
		return ret;
	*pos = p + ret;
	return 0;
}

/**
 * leb128_read_s32() - decode an SLEB128 s32 at a cursor and advance it
 * @pos: cursor; advanced past the value on success, untouched on error
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * One-byte values are decoded inline, longer ones by leb128_decode_s32().
 *
 * Context: Any context.
 * Return: 0, -ENODATA if the input is truncated or -EOVERFLOW if the
 * value does not fit in 32 bits.
 */
static inline int leb128_read_s32(const u8 **pos, const u8 *end, s32 *val)
{
	const u8 *p = *pos;
	int ret;

	if (likely(p < end && *p < 0x80)) {
		*val = (s32)(*p ^ 0x40) - 0x40;
		*pos = p + 1;
		return 0;
	}
	ret = leb128_decode_s32(p, end, val);
	if (ret < 0)
		return ret;
	*pos = p + ret;
	return 0;
}

/**
 * leb128_read_s64() - decode an SLEB128 s64 at a cursor and advance it
 * @pos: cursor; advanced past the value on success, untouched on error
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * One-byte values are decoded inline, longer ones by leb128_decode_s64().
 *
 * Context: Any context.
 * Return: 0, -ENODATA if the input is truncated or -EOVERFLOW if the
 * value does not fit in 64 bits.
 */
static inline int leb128_read_s64(const u8 **pos, const u8 *end, s64 *val)
{
	const u8 *p = *pos;
	int ret;

	if (likely(p < end && *p < 0x80)) {
		*val = (s64)(*p ^ 0x40) - 0x40;
		*pos = p + 1;
		return 0;
	}
	ret = leb128_decode_s64(p, end, val);
	if (ret < 0)
		return ret;
	*pos = p + ret;
	return 0;
}

/**
 * leb128_skip() - measure the LEB128 value at @p without decoding it
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 *
 * The encoding delimits itself, so skipping a u32, u64, s32 or s64 is the
 * same operation.  The value is not checked against any width.  Always
 * inline and self-contained, so that code which may not call out of its
 * object (arm64's position-independent early boot code) can use it.
 *
 * Context: Any context.
 * Return: length of the value in bytes (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value is longer than INT_MAX bytes.
 */
static __always_inline int leb128_skip(const u8 *p, const u8 *end)
{
	const u8 *q, *lim;

	if (unlikely(p >= end))
		return -ENODATA;
	if (likely(*p < 0x80))
		return 1;

	lim = __leb128_limit(p, end);
	for (q = p + 1; q < lim; q++) {
		if (!(*q & 0x80))
			return q + 1 - p;
	}
	return __leb128_exhausted(lim, end);
}

/**
 * leb128_skip_read() - advance a cursor past one LEB128 value
 * @pos: cursor; advanced past the value on success, untouched on error
 * @end: end of the input; no byte at or after @end is read
 *
 * Cursor form of leb128_skip(); works for values of any width.
 *
 * Context: Any context.
 * Return: 0, -ENODATA if the input is truncated or -EOVERFLOW if the
 * value is longer than INT_MAX bytes.
 */
static __always_inline int leb128_skip_read(const u8 **pos, const u8 *end)
{
	int ret = leb128_skip(*pos, end);

	if (ret < 0)
		return ret;
	*pos += ret;
	return 0;
}

/**
 * leb128_size_u64() - canonical ULEB128 length of a u64
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes leb128_encode_u64() writes for @v (1 to 10).
 */
static inline unsigned int leb128_size_u64(u64 v)
{
	unsigned int n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

/**
 * leb128_size_u32() - canonical ULEB128 length of a u32
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes leb128_encode_u32() writes for @v (1 to 5).
 */
static inline unsigned int leb128_size_u32(u32 v)
{
	return leb128_size_u64(v);
}

/**
 * leb128_size_s64() - canonical SLEB128 length of an s64
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes leb128_encode_s64() writes for @v (1 to 10).
 */
static inline unsigned int leb128_size_s64(s64 v)
{
	/* Magnitude bits of v: flip a negative value instead of shifting it. */
	u64 m = v < 0 ? ~(u64)v : (u64)v;
	unsigned int n = 1;

	while (m >= 0x40) {
		m >>= 7;
		n++;
	}
	return n;
}

/**
 * leb128_size_s32() - canonical SLEB128 length of an s32
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes leb128_encode_s32() writes for @v (1 to 5).
 */
static inline unsigned int leb128_size_s32(s32 v)
{
	return leb128_size_s64(v);
}

/**
 * leb128_encode_u64() - encode a u64 as canonical ULEB128
 * @buf: output buffer
 * @size: size of @buf in bytes
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes written (1 to 10), or -ENOSPC if @size is too
 * small, in which case nothing is written.
 */
static inline int leb128_encode_u64(u8 *buf, size_t size, u64 v)
{
	unsigned int i, n = leb128_size_u64(v);

	if (unlikely(size < n))
		return -ENOSPC;
	for (i = 0; i < n - 1; i++) {
		buf[i] = (v & 0x7f) | 0x80;
		v >>= 7;
	}
	buf[i] = v;
	return n;
}

/**
 * leb128_encode_u32() - encode a u32 as canonical ULEB128
 * @buf: output buffer
 * @size: size of @buf in bytes
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes written (1 to 5), or -ENOSPC if @size is too
 * small, in which case nothing is written.
 */
static inline int leb128_encode_u32(u8 *buf, size_t size, u32 v)
{
	return leb128_encode_u64(buf, size, v);
}

/**
 * leb128_encode_s64() - encode an s64 as canonical SLEB128
 * @buf: output buffer
 * @size: size of @buf in bytes
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes written (1 to 10), or -ENOSPC if @size is too
 * small, in which case nothing is written.
 */
static inline int leb128_encode_s64(u8 *buf, size_t size, s64 v)
{
	/* Shift as unsigned and fill in the sign by hand. */
	u64 fill = v < 0 ? ~(u64)0 << 57 : 0;
	unsigned int i, n = leb128_size_s64(v);
	u64 u = (u64)v;

	if (unlikely(size < n))
		return -ENOSPC;
	for (i = 0; i < n - 1; i++) {
		buf[i] = (u & 0x7f) | 0x80;
		u = (u >> 7) | fill;
	}
	buf[i] = u & 0x7f;
	return n;
}

/**
 * leb128_encode_s32() - encode an s32 as canonical SLEB128
 * @buf: output buffer
 * @size: size of @buf in bytes
 * @v: value
 *
 * Context: Any context.
 * Return: number of bytes written (1 to 5), or -ENOSPC if @size is too
 * small, in which case nothing is written.
 */
static inline int leb128_encode_s32(u8 *buf, size_t size, s32 v)
{
	return leb128_encode_s64(buf, size, v);
}

/**
 * leb128_encode_u64_padded() - encode a u64 as ULEB128 of a fixed length
 * @buf: output buffer
 * @size: size of @buf in bytes
 * @v: value
 * @width: number of bytes to write, 1 to %LEB128_MAX_LEN_U64
 *
 * Writes @v padded to exactly @width bytes: every byte but the last has
 * bit 7 set.  This is the form of fields patched in place, such as the
 * RISC-V R_RISCV_SET_ULEB128 relocation or LLVM's PadTo encodings.
 *
 * Context: Any context.
 * Return: @width, -EOVERFLOW if @width is 0, larger than 10 or too small
 * for @v, or -ENOSPC if @size < @width.  Nothing is written on error.
 */
static inline int leb128_encode_u64_padded(u8 *buf, size_t size, u64 v,
					   unsigned int width)
{
	unsigned int i;

	if (unlikely(!width || width > LEB128_MAX_LEN_U64))
		return -EOVERFLOW;
	if (unlikely(width < LEB128_MAX_LEN_U64 && v >> (7 * width)))
		return -EOVERFLOW;
	if (unlikely(size < width))
		return -ENOSPC;
	for (i = 0; i < width - 1; i++) {
		buf[i] = (v & 0x7f) | 0x80;
		v >>= 7;
	}
	buf[i] = v;
	return width;
}

#endif /* _LINUX_LEB128_H */
