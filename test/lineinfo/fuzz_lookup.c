// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for lineinfo_lookup() and lineinfo_validate().
 *
 * Input: 8 bytes of lookup offset, then the table.  The table is copied to
 * a buffer of exactly its size (ASan catches any read past it), aligned as
 * the kernel aligns tables.  Besides "no crash, no out-of-bounds read", it
 * checks that a table lineinfo_validate() accepts never makes
 * lineinfo_lookup() report corruption, and that a found file name is a
 * string inside the table.
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/lineinfo.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t off, probes[6];
	const char *file, *why;
	unsigned int line;
	uint8_t *t;
	size_t n;
	int valid, checked, ret, i;

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
	checked = lineinfo_check(t, n) == 0;
	/* every table lineinfo_validate() accepts has a valid header */
	if (valid && !checked)
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
		/* with a checked header, the short path answers the same */
		if (checked) {
			const char *file2 = NULL;
			unsigned int line2 = 0;
			int ret2 = __lineinfo_lookup(t, probes[i], &file2, &line2);

			if (ret2 != ret || (!ret && (file2 != file || line2 != line)))
				abort();
		}
	}
	/* a misaligned copy is refused, never read */
	if (n > 1 && lineinfo_lookup(t + 1, n - 1, off, &file, &line) != -EINVAL)
		abort();
	free(t);
	return 0;
}
