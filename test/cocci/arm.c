// SPDX-License-Identifier: GPL-2.0
/*
 * arm unwind_decode_uleb128() before and after the Coccinelle conversion,
 * on the same packed unwind instruction words.
 *
 * The operand of the 0xb2 instruction (vsp = vsp + 0x204 + (uleb128 << 2))
 * is read one byte at a time through unwind_get_byte(), most significant
 * byte of each word first. Every operand is tried at each of the four
 * byte positions of a word, so that it crosses word boundaries.
 *
 * Valid input: a ULEB128 of 1 to 4 bytes, canonical or padded; the
 * original reads at most 4 bytes (28 bits). Both sides must give the
 * value of the DWARF 7.6 definition and take the same bytes.
 * Documented results on other input:
 *  - a fourth byte with bit 7 set: the original returns the 28 bits
 *    read and leaves the rest to be run as instructions; the converted
 *    helper takes the same 4 bytes and returns an error (< 0);
 *  - the table ends inside the operand: unwind_get_byte() warns and
 *    returns 0 on both sides, which ends the value: same value, same
 *    warnings, and the converted helper succeeds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

int orig_arm_decode(const uint32_t *words, int nwords, int byte,
		    uint32_t *val, int *taken);
int new_arm_decode(const uint32_t *words, int nwords, int byte,
		   uint32_t *val, int *taken);
extern int orig_arm_warnings, new_arm_warnings;

static int failures;
static unsigned long checked, malformed, truncated;

#define CHECK(cond, ...) do {						\
	if (!(cond) && failures++ < 10) {				\
		printf("FAIL cocci: arm: " __VA_ARGS__);		\
		putchar('\n');						\
	}								\
} while (0)

/* Pack @n operand bytes at byte @byte of word 0, after filler. */
static int pack(const uint8_t *b, int n, int byte, uint32_t *w, int maxw)
{
	int pos = 3 - byte, i, nw;

	for (i = 0; i < maxw; i++)
		w[i] = 0xb0b0b0b0;	/* "finish" opcodes around the operand */
	for (i = 0; i < n; i++, pos++) {
		int word = pos / 4, shift = (3 - pos % 4) * 8;

		w[word] = (w[word] & ~(0xffu << shift)) | ((uint32_t)b[i] << shift);
	}
	nw = (pos + 3) / 4;
	return nw > 0 ? nw : 1;
}

/* DWARF 7.6 over at most @n bytes: bytes used, 0 if none ends it */
static int ref(const uint8_t *b, int n, uint64_t *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		*v |= (uint64_t)(b[i] & 0x7f) << (7 * i);
		if (!(b[i] & 0x80))
			return i + 1;
	}
	return 0;
}

static void one(const uint8_t *b, int n, int cut)
{
	uint32_t w[4], ov, nv;
	int byte, nw, ot, nt, oret, nret, ow, nwarn;
	uint64_t rv;
	int used = ref(b, n < 4 ? n : 4, &rv);	/* valid: ends within 4 bytes */

	for (byte = 3; byte >= 0; byte--) {
		nw = pack(b, n, byte, w, 4);
		if (cut)	/* the table ends one word early */
			nw--;
		orig_arm_warnings = new_arm_warnings = 0;
		oret = orig_arm_decode(w, nw, byte, &ov, &ot);
		nret = new_arm_decode(w, nw, byte, &nv, &nt);
		ow = orig_arm_warnings;
		nwarn = new_arm_warnings;
		checked++;
		CHECK(oret == 0, "original helper returned %d", oret);
		CHECK(ot == nt, "n=%d byte=%d: original took %d bytes, converted %d",
		      n, byte, ot, nt);
		CHECK(ow == nwarn, "n=%d byte=%d: warnings %d vs %d", n, byte, ow, nwarn);
		if (ow) {
			truncated++;
			CHECK(nret >= 0 && ov == nv,
			      "truncated table: original %#x, converted %d/%#x", ov, nret, nv);
		} else if (used) {
			CHECK(nret == used && nv == rv && ov == rv,
			      "valid %d-byte operand %#llx at byte %d: original %#x, converted %d/%#x",
			      n, (unsigned long long)rv, byte, ov, nret, nv);
		} else {
			malformed++;
			CHECK(nret < 0 && ot == 4,
			      "over-long operand at byte %d: converted returned %d after %d bytes",
			      byte, nret, nt);
		}
	}
}

/* Encode @v in exactly @n bytes (padded); 0 if it does not fit. */
static int enc(uint32_t v, int n, uint8_t *b)
{
	int i;

	if (n < 4 && v >> (7 * n))
		return 0;
	if (n == 4 && v >> 28)
		return 0;
	for (i = 0; i < n; i++, v >>= 7)
		b[i] = (v & 0x7f) | (i < n - 1 ? 0x80 : 0);
	return 1;
}

int main(void)
{
	static const uint32_t edge[] = {
		0, 1, 0x3f, 0x40, 0x7f, 0x80, 0x3fff, 0x4000, 0x1fffff,
		0x200000, 0xfffffff, 0x7ffffff, 0x1234567,
	};
	uint8_t b[8];
	unsigned int i, n, k;

	srand(128);
	for (i = 0; i < sizeof(edge) / sizeof(edge[0]); i++)
		for (n = 1; n <= 4; n++)
			if (enc(edge[i], n, b)) {
				one(b, n, 0);
				one(b, n, 1);
			}
	for (k = 0; k < 200000; k++) {
		uint32_t v = ((uint32_t)rand() << 4 ^ (uint32_t)rand()) >> (rand() % 29);

		n = 1 + rand() % 4;
		if (enc(v & 0xfffffff, n, b))
			one(b, n, k & 1);
	}
	/* four continuation bytes, then anything */
	for (k = 0; k < 2000; k++) {
		for (n = 0; n < 4; n++)
			b[n] = 0x80 | rand();
		b[4] = rand() & 0x7f;
		one(b, 5, 0);
	}
	/* every 1- and 2-byte sequence, whatever it means */
	for (k = 0; k < 65536; k++) {
		b[0] = k;
		b[1] = k >> 8;
		one(b, 2, 0);
	}
	if (!malformed || !truncated)
		CHECK(0, "the malformed (%lu) or truncated (%lu) inputs were not reached",
		      malformed, truncated);
	if (failures) {
		printf("FAIL cocci: arm: %d mismatches in %lu decodes\n", failures, checked);
		return 1;
	}
	printf("PASS cocci: arm: unwind_decode_uleb128() as before on %lu decodes "
	       "at every byte position; %lu over-long operands now fail, %lu cut "
	       "by the table's end decode as before\n", checked, malformed, truncated);
	return 0;
}
