// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for lineinfo_lookup(), lineinfo_lookup_chain() (the
 * inline call site section) and lineinfo_validate().
 *
 * Input: 8 bytes of lookup offset, then the table.  The table is copied to
 * a buffer of exactly its size (ASan catches any read past it), aligned as
 * the kernel aligns tables.  Besides "no crash, no out-of-bounds read", it
 * checks that a table lineinfo_validate() accepts never makes
 * lineinfo_lookup() or lineinfo_lookup_chain() report corruption, that
 * both refuse a table lineinfo_check() refuses with its error, that every
 * file name found is a string inside the table, and that the chain starts
 * with the line lineinfo_lookup() finds.
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/lineinfo.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lineinfo_loc locs[LINEINFO_MAX_CHAIN], locs2[LINEINFO_MAX_CHAIN];
	uint64_t off, probes[6];
	const char *file, *why;
	unsigned int line;
	uint8_t *t;
	size_t n;
	int valid, check, ret, i, k, nc;

	if (size < 8)
		return 0;
	memcpy(&off, data, 8);
	data += 8;
	n = size - 8;
	t = malloc(n ? n : 1);	/* malloc is 16-byte aligned, ASan-bounded */
	if (!t)
		return 0;
	memcpy(t, data, n);

	valid = lineinfo_validate(t, n) == 0;
	check = lineinfo_check(t, n);
	/* every table lineinfo_validate() accepts has a valid header */
	if (valid && check)
		abort();
	/* the same verdict with a reason, and a reason only for a refusal */
	why = NULL;
	if ((lineinfo_validate_why(t, n, &why) == 0) != valid ||
	    (valid ? why != NULL : !why || !why[0]))
		abort();
	probes[0] = off;
	probes[1] = off & 0xffff;
	probes[2] = off >> 48;
	probes[3] = (off & 0xff) * 3;
	probes[4] = 0;
	probes[5] = ~0ULL;
	for (i = 0; i < 6; i++) {
		ret = lineinfo_lookup(t, n, probes[i], &file, &line);
		if (ret == 0) {
			size_t len = strnlen(file, (const char *)t + n - file);

			if ((const uint8_t *)file < t || (const uint8_t *)file >= t + n ||
			    file + len >= (const char *)t + n)
				abort();
		} else if (valid && ret != -ENOENT) {
			abort();
		}
		/* the chain: the same line first, every name in the table */
		nc = lineinfo_lookup_chain(t, n, probes[i], locs, LINEINFO_MAX_CHAIN);
		if (!nc || nc > LINEINFO_MAX_CHAIN)
			abort();
		if (ret) {
			/* the line lookup comes first and fails the same way */
			if (nc != ret)
				abort();
		} else if (nc < 0) {
			/* only a corrupt inline section fails after a line */
			if (valid || nc == -ENOENT)
				abort();
		} else if (locs[0].file != file || locs[0].line != line) {
			abort();
		}
		for (k = 0; k < nc; k++) {
			const char *f = locs[k].file;

			if ((const uint8_t *)f < t || (const uint8_t *)f >= t + n ||
			    f + strnlen(f, (const char *)t + n - f) >= (const char *)t + n)
				abort();
		}
		/* a short array gets the innermost locations, and the count */
		if (nc > 1 && (lineinfo_lookup_chain(t, n, probes[i], locs2, 1) != nc ||
			       locs2[0].file != locs[0].file))
			abort();
		/* a table lineinfo_check() refuses, every lookup refuses */
		if (check && (ret != check || nc != check))
			abort();
	}
	/* a misaligned copy is refused, never read */
	if (n > 1 && lineinfo_lookup(t + 1, n - 1, off, &file, &line) != -EINVAL)
		abort();
	free(t);
	return 0;
}
