// SPDX-License-Identifier: GPL-2.0
/*
 * lineinfo benchmark: the same entries encoded three ways, side by side.
 *
 * usage: bench_lineinfo TABLE.bin ENTRIES [--callgrind ours|chain|flat|v1]
 *
 * TABLE.bin is gen_lineinfo --raw output, ENTRIES its --entries output
 * for the same input.  Prints sizes (bytes per entry, all-in) of:
 *
 * - ours: the lineinfo table (include/linux/lineinfo.h), looked up as the
 *   kernel does, with lineinfo_lookup(), which checks the header and the
 *   section descriptors on every call (chain: lineinfo_lookup_chain());
 * - flat: sorted arrays u32 offset, u16 file, u32 line (10 B/entry) plus
 *   the same file table and names;
 * - v1:   the format of the original posting: blocks of 64 entries, per
 *   block u32 first offset + u32 data offset; entry 0 ULEB file and line,
 *   then ULEB offset delta, SLEB file delta, SLEB line delta.
 *
 * then the time of random lookups with each, checking that all three give
 * the same answer.  With --callgrind, only runs CG_LOOKUPS lookups of one
 * kind inside run_lookups(), for callgrind --toggle-collect=run_lookups.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <x86intrin.h>

#include <linux/leb128.h>
#include <linux/lineinfo.h>

#define V1_BLOCK	64
#define CG_LOOKUPS	20000
#define WINDOW		16384
#define NO_FILE		0xffffffffu

static uint32_t n, nr_files;
static uint32_t *e_addr, *e_file, *e_line;
static const char **names;
static size_t names_size;
static void *table;
static size_t table_size;
static uint32_t text_end;

/* flat */
static uint32_t *f_addr, *f_line;
static uint16_t *f_file;

/* v1 */
static uint32_t v1_nblocks;
static uint32_t (*v1_index)[2];
static uint8_t *v1_data;
static size_t v1_size;

static void *load(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	void *p;
	long len;

	if (!f) {
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc(len + 64);
	if (!p || fread(p, 1, len, f) != (size_t)len) {
		fprintf(stderr, "%s: read error\n", path);
		exit(2);
	}
	fclose(f);
	*size = len;
	return p;
}

static void load_entries(const char *path)
{
	size_t size, i;
	uint8_t *p = load(path, &size), *end = p + size;
	uint32_t k;

	memcpy(&nr_files, p, 4);
	p += 4;
	names = calloc(nr_files + 1, sizeof(*names));
	for (k = 0; k < nr_files; k++) {
		names[k] = (const char *)p;
		names_size += strlen((const char *)p) + 1;
		p += strlen((const char *)p) + 1;
	}
	n = (end - p) / 12;
	e_addr = malloc(n * 4);
	e_file = malloc(n * 4);
	e_line = malloc(n * 4);
	for (i = 0; i < n; i++) {
		memcpy(&e_addr[i], p + 12 * i, 4);
		memcpy(&e_file[i], p + 12 * i + 4, 4);
		memcpy(&e_line[i], p + 12 * i + 8, 4);
	}
}

static void put(uint8_t **buf, size_t *len, size_t *alloc, const uint8_t *d, int k)
{
	if (*len + k > *alloc) {
		*alloc = (*len + k) * 2;
		*buf = realloc(*buf, *alloc);
	}
	memcpy(*buf + *len, d, k);
	*len += k;
}

static void build_v1(void)
{
	size_t alloc = 0, len = 0;
	uint32_t i, b;
	uint8_t tmp[LEB128_MAX_LEN];

	v1_nblocks = (n + V1_BLOCK - 1) / V1_BLOCK;
	v1_index = malloc((v1_nblocks + 1) * sizeof(*v1_index));
	v1_data = NULL;
	for (b = 0; b < v1_nblocks; b++) {
		uint32_t first = b * V1_BLOCK, last = first + V1_BLOCK;
		uint32_t f0, pf, pl, pa;

		if (last > n)
			last = n;
		v1_index[b][0] = e_addr[first];
		v1_index[b][1] = len;
		/* a gap is file nr_files, line 0 */
		f0 = e_file[first] == NO_FILE ? nr_files : e_file[first];
		put(&v1_data, &len, &alloc, tmp, leb128_encode_u32(tmp, sizeof(tmp), f0));
		put(&v1_data, &len, &alloc, tmp,
		    leb128_encode_u32(tmp, sizeof(tmp), e_line[first]));
		pf = f0;
		pl = e_line[first];
		pa = e_addr[first];
		for (i = first + 1; i < last; i++) {
			uint32_t f = e_file[i] == NO_FILE ? nr_files : e_file[i];

			put(&v1_data, &len, &alloc, tmp,
			    leb128_encode_u32(tmp, sizeof(tmp), e_addr[i] - pa));
			put(&v1_data, &len, &alloc, tmp,
			    leb128_encode_s32(tmp, sizeof(tmp), (int32_t)(f - pf)));
			put(&v1_data, &len, &alloc, tmp,
			    leb128_encode_s32(tmp, sizeof(tmp), (int32_t)(e_line[i] - pl)));
			pa = e_addr[i];
			pf = f;
			pl = e_line[i];
		}
	}
	v1_index[v1_nblocks][1] = len;
	v1_size = len;
}

static void build_flat(void)
{
	uint32_t i;

	f_addr = malloc(n * 4);
	f_line = malloc(n * 4);
	f_file = malloc(n * 2);
	for (i = 0; i < n; i++) {
		f_addr[i] = e_addr[i];
		f_line[i] = e_line[i];
		f_file[i] = e_file[i] == NO_FILE ? 0xffff : e_file[i];
	}
}

/* Answers are folded to (file id or -1, line). */
static noinline int64_t lookup_flat(uint32_t off)
{
	uint32_t lo = 0, cnt = n;

	if (!n || f_addr[0] > off)
		return -1;
	while (cnt > 1) {
		uint32_t half = cnt / 2;

		if (f_addr[lo + half] <= off)
			lo += half;
		cnt -= half;
	}
	if (f_file[lo] == 0xffff)
		return -1;
	return (int64_t)f_file[lo] << 32 | f_line[lo];
}

static noinline int64_t lookup_v1(uint32_t off)
{
	uint32_t lo = 0, cnt = v1_nblocks, file, line, addr, i;
	const uint8_t *p, *end;

	if (!cnt || v1_index[0][0] > off)
		return -1;
	while (cnt > 1) {
		uint32_t half = cnt / 2;

		if (v1_index[lo + half][0] <= off)
			lo += half;
		cnt -= half;
	}
	p = v1_data + v1_index[lo][1];
	end = v1_data + v1_index[lo + 1][1];
	addr = v1_index[lo][0];
	if (leb128_read_u32(&p, end, &file) || leb128_read_u32(&p, end, &line))
		return -2;
	for (i = 1; i < V1_BLOCK && p < end; i++) {
		uint32_t da;
		int32_t df, dl;
		const uint8_t *q = p;
		int r;

		r = __leb128_decode_u32(q, end, &da);
		if (r < 0)
			return -2;
		q += r;
		if (addr + da > off)
			break;
		r = __leb128_decode_s32(q, end, &df);
		if (r < 0)
			return -2;
		q += r;
		r = __leb128_decode_s32(q, end, &dl);
		if (r < 0)
			return -2;
		p = q + r;
		addr += da;
		file += df;
		line += dl;
	}
	if (file == nr_files)
		return -1;
	return (int64_t)file << 32 | line;
}

static noinline int64_t lookup_ours(uint32_t off)
{
	const char *f;
	unsigned int line;
	int ret = lineinfo_lookup(table, table_size, off, &f, &line);

	if (ret == -ENOENT)
		return -1;
	if (ret)
		return -2;
	/* fold the name back to an id for comparison */
	return (int64_t)(intptr_t)f << 32 ^ line;
}

/* the line and the inline call-site chain (CONFIG_KALLSYMS_LINEINFO_INLINE) */
static noinline int64_t lookup_chain(uint32_t off)
{
	struct lineinfo_loc locs[LINEINFO_MAX_CHAIN];
	int n = lineinfo_lookup_chain(table, table_size, off, locs,
				      LINEINFO_MAX_CHAIN);

	if (n == -ENOENT)
		return -1;
	if (n < 0)
		return -2;
	return (int64_t)(intptr_t)locs[0].file << 32 ^ locs[0].line ^
	       (int64_t)n << 24 ^ (n > 1 ? locs[n - 1].line : 0);
}

static int64_t ours_key(uint32_t off)
{
	const char *f;
	unsigned int line;
	uint32_t k;

	if (lineinfo_lookup(table, table_size, off, &f, &line))
		return -1;
	for (k = 0; k < nr_files; k++)
		if (!strcmp(names[k], f))
			return (int64_t)k << 32 | line;
	return -3;
}

static uint32_t *addrs;
static size_t nr_addrs;
static volatile int64_t sink;

static noinline void run_lookups(int64_t (*fn)(uint32_t),
						  size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		sink = fn(addrs[i % nr_addrs]);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double time_it(int64_t (*fn)(uint32_t))
{
	double best = 1e9;
	int rep;

	for (rep = 0; rep < 5; rep++) {
		double t = now();

		run_lookups(fn, nr_addrs);
		t = now() - t;
		if (t < best)
			best = t;
	}
	return best * 1e9 / nr_addrs;
}

/* Flush [p, p + len) from all cache levels. */
static void flush(const void *p, size_t len)
{
	const char *c = p;
	size_t i;

	for (i = 0; i < len; i += 64)
		_mm_clflush(c + i);
	_mm_mfence();
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

#define COLD_RUNS	3001
#define NR_METHODS	4

/*
 * Cold lookups, as when printing an oops: before each lookup, the data the
 * method reads is flushed from the caches.  The methods take turns on the
 * same addresses so that they see the same conditions; the result is the
 * median time per lookup in ns, minus the median of timing an empty call.
 */
static void time_cold(int64_t (*const fn[NR_METHODS])(uint32_t),
		      const void *const areas[NR_METHODS][4],
		      const size_t sizes[NR_METHODS][4], double med[NR_METHODS])
{
	static double t[NR_METHODS][COLD_RUNS];
	size_t i;
	int m, k;

	for (i = 0; i < COLD_RUNS; i++) {
		for (m = 0; m < NR_METHODS; m++) {
			double t0;

			for (k = 0; k < 4; k++)
				if (sizes[m][k])
					flush(areas[m][k], sizes[m][k]);
			t0 = now();
			sink = fn[m](addrs[i]);
			t[m][i] = now() - t0;
		}
	}
	for (m = 0; m < NR_METHODS; m++) {
		qsort(t[m], COLD_RUNS, sizeof(double), cmp_double);
		med[m] = t[m][COLD_RUNS / 2] * 1e9;
	}
	for (m = 1; m < NR_METHODS; m++)
		med[m] -= med[0];
}

static int64_t lookup_none(uint32_t off)
{
	return off;
}

int main(int argc, char **argv)
{
	const struct lineinfo_header *hdr;
	size_t i, bad = 0, files_bytes;
	double t_ours, t_flat, t_v1, t_chain;
	const char *cg = NULL;

	if (argc < 3) {
		fprintf(stderr, "usage: %s TABLE.bin ENTRIES [--callgrind ours|chain|flat|v1]\n",
			argv[0]);
		return 2;
	}
	if (argc > 4 && !strcmp(argv[3], "--callgrind"))
		cg = argv[4];
	table = load(argv[1], &table_size);
	load_entries(argv[2]);
	hdr = table;
	if (lineinfo_validate(table, table_size)) {
		fprintf(stderr, "%s: invalid table\n", argv[1]);
		return 1;
	}
	text_end = hdr->text_end;
	build_flat();
	build_v1();

	nr_addrs = 1 << 20;
	addrs = malloc(nr_addrs * 4);
	srand48(42);
	for (i = 0; i < nr_addrs; i++)
		addrs[i] = e_addr[0] + drand48() * (text_end - e_addr[0]);

	if (cg) {
		run_lookups(!strcmp(cg, "flat") ? lookup_flat :
			    !strcmp(cg, "v1") ? lookup_v1 :
			    !strcmp(cg, "chain") ? lookup_chain :
			    lookup_ours, CG_LOOKUPS);
		return 0;
	}

	for (i = 0; i < 200000 && i < nr_addrs; i++) {
		int64_t a = lookup_flat(addrs[i]), b = lookup_v1(addrs[i]);
		int64_t c = ours_key(addrs[i]);

		if (a != b || a != c)
			bad++;
	}

	files_bytes = nr_files * 4 + names_size;
	printf("entries %u, files %u, line info for offsets %#x..%#x\n", n, nr_files,
	       e_addr[0], text_end);
	printf("ours:  %8zu bytes = %.3f B/entry (header+sections %zu, index %u, "
	       "file table %u, names %zu, blocks %zu)\n",
	       table_size, (double)table_size / n,
	       sizeof(*hdr) + hdr->nr_sections * sizeof(struct lineinfo_section),
	       hdr->nr_blocks * 8, hdr->nr_files * 4, names_size,
	       table_size - sizeof(*hdr) -
	       hdr->nr_sections * sizeof(struct lineinfo_section) -
	       hdr->nr_blocks * 8 - hdr->nr_files * 4 - names_size);
	printf("flat:  %8zu bytes = %.3f B/entry (arrays %u, file table + names %zu)\n",
	       (size_t)n * 10 + files_bytes, (n * 10.0 + files_bytes) / n, n * 10,
	       files_bytes);
	printf("v1:    %8zu bytes = %.3f B/entry (index %u, data %zu, file table + names %zu)\n",
	       v1_nblocks * 8 + v1_size + files_bytes,
	       (v1_nblocks * 8.0 + v1_size + files_bytes) / n, v1_nblocks * 8,
	       v1_size, files_bytes);
	printf("agreement ours/flat/v1 on 200000 random offsets: %zu differ\n", bad);

	t_flat = time_it(lookup_flat);
	t_ours = time_it(lookup_ours);
	t_v1 = time_it(lookup_v1);
	t_chain = time_it(lookup_chain);
	t_flat = time_it(lookup_flat);
	printf("lookup time (random offsets, best of 5): ours %.1f ns, flat %.1f ns, "
	       "v1 %.1f ns; ours/flat = %.2f\n",
	       t_ours, t_flat, t_v1, t_ours / t_flat);
	printf("line + inline chain: %.1f ns (the line alone: %.1f)\n", t_chain,
	       t_ours);
	/*
	 * Where the time goes: with random offsets in one 16 KiB window of
	 * text every method's data stays in L1/L2 and only instructions and
	 * mispredicted branches count; with one offset repeated, branches are
	 * predicted too.
	 */
	{
		uint32_t lo = e_addr[0] + (text_end - e_addr[0]) / 2, span = WINDOW;

		if (span > text_end - lo)
			span = text_end - lo;
		for (i = 0; i < nr_addrs; i++)
			addrs[i] = lo + drand48() * span;
		t_flat = time_it(lookup_flat);
		t_ours = time_it(lookup_ours);
		printf("lookup time, random offsets in a %u-byte window (tables cached): "
		       "ours %.1f ns, flat %.1f ns; ours/flat = %.2f\n", span,
		       t_ours, t_flat, t_ours / t_flat);
		for (i = 1; i < nr_addrs; i++)
			addrs[i] = addrs[0];
		t_flat = time_it(lookup_flat);
		t_ours = time_it(lookup_ours);
		printf("lookup time, one offset repeated (branches predicted): "
		       "ours %.1f ns, flat %.1f ns; ours/flat = %.2f\n",
		       t_ours, t_flat, t_ours / t_flat);
		for (i = 0; i < nr_addrs; i++)
			addrs[i] = e_addr[0] + drand48() * (text_end - e_addr[0]);
	}
	{
		int64_t (*const fn[NR_METHODS])(uint32_t) = {
			lookup_none, lookup_ours, lookup_flat, lookup_v1 };
		const void *const areas[NR_METHODS][4] = {
			{ NULL }, { table }, { f_addr, f_file, f_line },
			{ v1_index, v1_data } };
		const size_t sizes[NR_METHODS][4] = {
			{ 0 }, { table_size }, { n * 4, n * 2, n * 4 },
			{ (v1_nblocks + 1) * 8, v1_size } };
		double med[NR_METHODS];

		time_cold(fn, areas, sizes, med);
		printf("cold lookup time (tables flushed from the caches before each lookup, "
		       "median): ours %.1f ns, flat %.1f ns, v1 %.1f ns; ours/flat = %.2f\n",
		       med[1], med[2], med[3], med[1] / med[2]);
	}
	return bad ? 1 : 0;
}
