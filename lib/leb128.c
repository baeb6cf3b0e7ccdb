// SPDX-License-Identifier: GPL-2.0
/*
 * Bounded LEB128 decoding, out-of-line entry points.
 *
 * The implementation lives in <linux/leb128.h>.  This file is also built
 * unchanged into host tools through a byte-identical copy under tools/.
 */

#include <linux/export.h>
#include <linux/leb128.h>

/**
 * leb128_decode_u32() - decode a ULEB128 value into a u32
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Padded encodings are accepted as long as the value fits in 32 bits.
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 32 bits.
 */
int leb128_decode_u32(const u8 *p, const u8 *end, u32 *val)
{
	return __leb128_decode_u32(p, end, val);
}
EXPORT_SYMBOL_GPL(leb128_decode_u32);

/**
 * leb128_decode_u64() - decode a ULEB128 value into a u64
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Padded encodings are accepted as long as the value fits in 64 bits.
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 64 bits.
 */
int leb128_decode_u64(const u8 *p, const u8 *end, u64 *val)
{
	return __leb128_decode_u64(p, end, val);
}
EXPORT_SYMBOL_GPL(leb128_decode_u64);

/**
 * leb128_decode_s32() - decode an SLEB128 value into an s32
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Padded encodings are accepted as long as the value fits in 32 bits; a
 * five-byte encoding is sign-extended from bit 34.
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 32 bits.
 */
int leb128_decode_s32(const u8 *p, const u8 *end, s32 *val)
{
	return __leb128_decode_s32(p, end, val);
}
EXPORT_SYMBOL_GPL(leb128_decode_s32);

/**
 * leb128_decode_s64() - decode an SLEB128 value into an s64
 * @p: start of the encoded value
 * @end: end of the input; no byte at or after @end is read
 * @val: where to store the value; written only on success
 *
 * Padded encodings are accepted as long as the value fits in 64 bits.
 *
 * Context: Any context.
 * Return: number of bytes consumed (> 0), -ENODATA if the input is
 * truncated or -EOVERFLOW if the value does not fit in 64 bits.
 */
int leb128_decode_s64(const u8 *p, const u8 *end, s64 *val)
{
	return __leb128_decode_s64(p, end, val);
}
EXPORT_SYMBOL_GPL(leb128_decode_s64);
