// SPDX-License-Identifier: GPL-2.0
/*
 * Print what lineinfo_validate_why() says about raw tables.
 *
 * usage: why TABLE.bin...
 *
 * For each file, one line "FILE: ok" or "FILE: REASON (ERRNO)", the same
 * words the module loader puts in its warning. Exits 2 if a file cannot
 * be read, else 0. Each table is copied to a malloc() buffer (aligned
 * for any type) of exactly its size, so ASan sees any read past it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/lineinfo.h>

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		const char *why = NULL;
		long size = -1;
		void *buf;
		int ret;

		if (f && !fseek(f, 0, SEEK_END))
			size = ftell(f);
		if (size < 0) {
			fprintf(stderr, "why: %s: %s\n", argv[i], strerror(errno));
			return 2;
		}
		rewind(f);
		buf = malloc(size ? size : 1);
		if (!buf || fread(buf, 1, size, f) != (size_t)size) {
			fprintf(stderr, "why: %s: cannot read\n", argv[i]);
			return 2;
		}
		fclose(f);
		ret = lineinfo_validate_why(buf, size, &why);
		if (ret)
			printf("%s: %s (%d)\n", argv[i], why ? why : "?", ret);
		else
			printf("%s: ok\n", argv[i]);
		free(buf);
	}
	return 0;
}
