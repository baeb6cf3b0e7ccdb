// SPDX-License-Identifier: GPL-2.0
/*
 * riscv apply_uleb128_accumulation() before and after the Coccinelle
 * conversion: the bytes each writes for the value accumulated from an
 * R_RISCV_SET_ULEB128/R_RISCV_SUB_ULEB128 pair.
 *
 * The field is a ULEB128 placeholder of width w (1 to 10 bytes, the
 * value 0 padded to w bytes, as an assembler emits it), followed by
 * guard bytes. For every width, values at every length boundary and
 * random ones:
 *  - a value whose own length is w, and the value 0: both sides must
 *    write the same bytes (the cases where the original is right);
 *  - the converted side must always leave a field that decodes (DWARF
 *    7.6) to the value in exactly w bytes, or refuse and change nothing:
 *    it refuses exactly the values longer than w and negative values,
 *    and a field that is not terminated within 10 bytes;
 *  - what the original does instead is counted and printed: a shorter
 *    value leaves padding bytes behind it, a longer one overwrites the
 *    guard. A negative value is not given to the original, which never
 *    ends its loop for one.
 * The test module's own fields (arch/riscv/kernel/tests/module_test:
 * 127 in ".word 0", 1000 in a two-byte field) are among the cases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

int orig_riscv_store(void *location, long value);
int new_riscv_store(void *location, long value);
extern int orig_riscv_errors, new_riscv_errors;

#define FIELD 32
#define GUARD 0xa5

static int failures;
static unsigned long checked, identical, shorter, overwrote, refused;

#define CHECK(cond, ...) do {						\
	if (!(cond) && failures++ < 10) {				\
		printf("FAIL cocci: riscv: " __VA_ARGS__);		\
		putchar('\n');						\
	}								\
} while (0)

static int uleb_len(uint64_t v)
{
	int n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

/* DWARF 7.6: bytes used, 0 if no byte within @n ends the value */
static int ref(const uint8_t *b, int n, uint64_t *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (i < 10)
			*v |= (uint64_t)(b[i] & 0x7f) << (7 * i);
		if (!(b[i] & 0x80))
			return i + 1;
	}
	return 0;
}

static void field(uint8_t *f, int w, int word)
{
	memset(f, GUARD, FIELD);
	memset(f, 0x80, w - 1);
	f[w - 1] = 0;
	if (word)	/* ".word 0x80"-style: the rest of a word is zero */
		memset(f + w, 0, 4 > w ? 4 - w : 0);
}

static void one(int w, long v, int word)
{
	uint8_t o[FIELD], n[FIELD], before[FIELD];
	uint64_t got;
	int len = v < 0 ? 11 : uleb_len((uint64_t)v), i, ret;

	field(n, w, word);
	memcpy(before, n, FIELD);
	new_riscv_errors = 0;
	ret = new_riscv_store(n, v);
	checked++;
	if (v < 0 || len > w) {
		refused++;
		CHECK(ret < 0 && new_riscv_errors == 1 && !memcmp(n, before, FIELD),
		      "w=%d v=%ld: converted returned %d, %d errors, field %s",
		      w, v, ret, new_riscv_errors,
		      memcmp(n, before, FIELD) ? "changed" : "kept");
	} else {
		CHECK(ret == 0 && ref(n, FIELD, &got) == w && got == (uint64_t)v &&
		      !memcmp(n + w, before + w, FIELD - w),
		      "w=%d v=%ld: converted returned %d, field does not hold it in %d bytes",
		      w, v, ret, w);
	}
	if (v < 0)
		return;
	field(o, w, word);
	orig_riscv_store(o, v);
	if (len == w || v == 0) {
		identical++;
		CHECK(!memcmp(o, n, FIELD), "w=%d v=%ld: original and converted bytes differ", w, v);
	} else if (len < w) {
		shorter++;
	} else {
		for (i = w; i < FIELD; i++)
			if (o[i] != before[i])
				break;
		overwrote += i < FIELD;
	}
}

/* A field with no terminating byte within 10 bytes is refused as is. */
static void unterminated(void)
{
	uint8_t n[FIELD], before[FIELD];
	int ret;

	memset(n, 0x80, FIELD);
	memcpy(before, n, FIELD);
	new_riscv_errors = 0;
	ret = new_riscv_store(n, 1);
	checked++;
	refused++;
	CHECK(ret < 0 && new_riscv_errors == 1 && !memcmp(n, before, FIELD),
	      "unterminated field: converted returned %d, %d errors", ret, new_riscv_errors);
}

int main(void)
{
	int w, k, b;

	srand(128);
	unterminated();
	/* the module test's fields */
	one(1, 127, 1);
	one(2, 1000, 1);
	for (w = 1; w <= 10; w++) {
		one(w, 0, 0);
		one(w, -1, 0);
		one(w, INT64_MIN, 0);
		one(w, INT64_MAX, 0);
		for (b = 1; b <= 63; b++) {
			one(w, (long)((1ULL << b) - 1), b & 1);
			one(w, (long)(1ULL << b), b & 1);
			one(w, (long)(1ULL << b) + 1, 0);
			one(w, (long)(0 - (1ULL << b)), 0);
		}
		for (k = 0; k < 20000; k++) {
			uint64_t v = ((uint64_t)rand() << 33 ^ (uint64_t)rand() << 11 ^
				      (uint64_t)rand()) >> (rand() % 64);

			one(w, (long)(v >> 1), k & 1);
		}
	}
	if (!identical || !shorter || !overwrote || !refused)
		CHECK(0, "a class of cases was not reached");
	if (failures) {
		printf("FAIL cocci: riscv: %d mismatches in %lu stores\n", failures, checked);
		return 1;
	}
	printf("PASS cocci: riscv: %lu ULEB128 stores at widths 1-10: %lu byte-identical "
	       "to the original (value fills the field, or 0); the converted code keeps "
	       "the width (%lu where the original left padding behind a shorter value) "
	       "and refuses %lu stores of negative or too wide values or into an "
	       "unterminated field (%lu too wide ones the original wrote past the field)\n",
	       checked, identical, shorter, refused, overwrote);
	return 0;
}
