// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 SCS patching (arch/arm64/kernel/pi/patch-scs.c) before and after
 * the Coccinelle conversion of skip_xleb128(): the instructions each
 * side patches, on the same CFI.
 *
 *   scs                  generated CFI
 *   scs IMAGE OFF SIZE   real CFI: IMAGE is a flat copy of a kernel's
 *                        allocated sections (test/cocci/scs-image.py),
 *                        its .eh_frame at OFF, SIZE bytes
 *
 * Each side patches its own copy of the same buffer, which holds the CFI
 * and the text it describes at the same distance, as in the kernel, so
 * the patcher's own PC-relative arithmetic finds the instructions. The
 * two copies must end byte-identical, every location logged in the same
 * order, with the same return code.
 *
 * Generated CFI: a CIE (sdata4 or sdata8 pointers, code alignment 1 or
 * 4) and FDEs whose programs use every opcode the patcher handles, with
 * ULEB128/SLEB128 operands of 1 to 10 bytes, canonical and padded, and
 * PACIASP/AUTIASP where DW_CFA_negate_ra_state points. Documented
 * result for an FDE whose last operand runs past its end: the original
 * reads on past the FDE and returns 0; the converted code returns
 * EDYNSCS_INVALID_CFA_OPCODE (4) and, as at boot, has patched exactly
 * what the original patches in the FDEs before it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int orig_scs_patch(const uint8_t eh_frame[], int size, bool skip_dry_run);
int new_scs_patch(const uint8_t eh_frame[], int size, bool skip_dry_run);
extern uint64_t *orig_scs_log, *new_scs_log;
extern size_t orig_scs_nlog, new_scs_nlog, orig_scs_maxlog, new_scs_maxlog;

#define PACIASP 0xd503233fu
#define AUTIASP 0xd50323bfu
#define SCS_PUSH 0xf800865eu
#define SCS_POP 0xf85f8e5eu

static int failures;

#define CHECK(cond, ...) do {						\
	if (!(cond) && failures++ < 10) {				\
		printf("FAIL cocci: arm64: " __VA_ARGS__);		\
		putchar('\n');						\
	}								\
} while (0)

struct run {
	uint8_t *buf;
	int ret;
	size_t nlog;
	uint64_t *log;		/* offsets into buf */
};

static size_t maxlog = 1 << 14;

static void run(int orig, const uint8_t *buf, size_t len, size_t eh, int ehsize,
		bool skip_dry_run, struct run *r)
{
	size_t i;

	r->buf = malloc(len);
	memcpy(r->buf, buf, len);
	r->log = calloc(maxlog, sizeof(*r->log));
	if (orig) {
		orig_scs_log = r->log;
		orig_scs_maxlog = maxlog;
		orig_scs_nlog = 0;
		r->ret = orig_scs_patch(r->buf + eh, ehsize, skip_dry_run);
		r->nlog = orig_scs_nlog;
	} else {
		new_scs_log = r->log;
		new_scs_maxlog = maxlog;
		new_scs_nlog = 0;
		r->ret = new_scs_patch(r->buf + eh, ehsize, skip_dry_run);
		r->nlog = new_scs_nlog;
	}
	for (i = 0; i < r->nlog && i < maxlog; i++)
		r->log[i] -= (uintptr_t)r->buf;
}

static void done(struct run *r)
{
	free(r->buf);
	free(r->log);
}

static int same(const struct run *a, const struct run *b, size_t len)
{
	return a->ret == b->ret && a->nlog == b->nlog && a->nlog <= maxlog &&
	       !memcmp(a->log, b->log, a->nlog * sizeof(*a->log)) &&
	       !memcmp(a->buf, b->buf, len);
}

static size_t count(const uint8_t *buf, size_t len, uint32_t insn)
{
	size_t i, n = 0;

	for (i = 0; i + 4 <= len; i += 4)
		n += *(const uint32_t *)(buf + i) == insn;
	return n;
}

/* ---- real CFI ---- */

static int real(const char *path, size_t off, int size)
{
	struct run o, n;
	FILE *f = fopen(path, "rb");
	size_t pushes = 0, pops = 0, nlog = 0;
	uint8_t *buf;
	long len;
	int k;

	if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) <= 0) {
		printf("FAIL cocci: arm64: cannot read %s\n", path);
		return 1;
	}
	buf = malloc(len);
	maxlog = len / 4;	/* at most one location per instruction */
	rewind(f);
	if (fread(buf, 1, len, f) != (size_t)len || off + size > (size_t)len) {
		printf("FAIL cocci: arm64: %s is short\n", path);
		return 1;
	}
	fclose(f);
	for (k = 0; k < 2; k++) {
		bool skip = k;	/* false: boot (dry run per FDE), true: modules */

		run(1, buf, len, off, size, skip, &o);
		run(0, buf, len, off, size, skip, &n);
		CHECK(o.ret == 0, "%s: the original patcher refused it (%d)", path, o.ret);
		CHECK(same(&o, &n, len), "%s (skip_dry_run=%d): original: %d, %zu locations; "
		      "converted: %d, %zu locations, or different bytes",
		      path, skip, o.ret, o.nlog, n.ret, n.nlog);
		pushes = count(n.buf, len, SCS_PUSH) - count(buf, len, SCS_PUSH);
		pops = count(n.buf, len, SCS_POP) - count(buf, len, SCS_POP);
		nlog = n.nlog;
		CHECK(pushes && pops, "%s: nothing was patched", path);
		done(&o);
		done(&n);
	}
	if (!failures)
		printf("PASS cocci: arm64: real CFI (%d bytes of .eh_frame): %zu locations, "
		       "%zu PACIASP and %zu AUTIASP patched, byte-identical to the original, "
		       "as at boot and as for modules\n", size, nlog, pushes, pops);
	free(buf);
	return failures != 0;
}

/* ---- generated CFI ---- */

#define TEXT_PER_FDE 4096
#define MAXFDE 64

struct gen {
	uint8_t *buf;
	size_t pos, text, len;
	int sdata8, caf;
	size_t fde_start[MAXFDE];
	int nfde;
};

static void put(struct gen *g, const void *p, size_t n)
{
	memcpy(g->buf + g->pos, p, n);
	g->pos += n;
}

static void put8(struct gen *g, uint8_t b)
{
	g->buf[g->pos++] = b;
}

/* a ULEB128 (or SLEB128 when @sign) of @v, padded to at least @w bytes */
static void leb(struct gen *g, int64_t v, int sign, int w)
{
	int n = 0;

	for (;;) {
		uint8_t b = v & 0x7f;
		int last;

		v = sign ? v >> 7 : (int64_t)((uint64_t)v >> 7);
		last = sign ? ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40)))
			    : v == 0;
		n++;
		if (last && n >= w) {
			put8(g, b);
			return;
		}
		put8(g, b | 0x80);
		if (last && n == 9) {	/* padded to 10 bytes: sign or zero */
			put8(g, sign && (b & 0x40) ? 0x7f : 0);
			return;
		}
	}
}

static void operand(struct gen *g, int sign)
{
	int64_t v = (int64_t)((uint64_t)rand() << 33 ^ (uint64_t)rand()) >> (rand() % 64);

	leb(g, sign ? v : (int64_t)((uint64_t)v >> 1), sign, 1 + rand() % 10);
}

static void cie(struct gen *g)
{
	size_t start = g->pos;
	uint32_t z = 0;

	put(g, &z, 4);			/* size, below */
	put(g, &z, 4);			/* CIE id */
	put8(g, 1);			/* version */
	put(g, "zR", 3);
	put8(g, g->caf);
	put8(g, 0x78);			/* data alignment -8 */
	put8(g, 30);			/* return address: x30 */
	put8(g, 1);			/* augmentation data size */
	put8(g, g->sdata8 ? 0x1c : 0x1b);	/* pcrel | sdata8/sdata4 */
	put8(g, 0x0c);			/* def_cfa sp, 0 */
	put8(g, 31);
	put8(g, 0);
	while ((g->pos - start) % 4)
		put8(g, 0);
	*(uint32_t *)(g->buf + start) = g->pos - start - 4;
}

/*
 * One FDE for text at @toff. With @bad, its last operand runs past its
 * end. Returns the FDE's offset.
 */
static size_t fde(struct gen *g, size_t toff, int bad)
{
	size_t start = g->pos, field;
	uint32_t z = 0, cieptr = start + 4;
	uint64_t loc = toff;
	int ops = 1 + rand() % 40, i;

	put(g, &z, 4);
	put(g, &cieptr, 4);
	field = g->pos;
	if (g->sdata8) {
		int64_t rel = (int64_t)(g->text + toff) - (int64_t)field, range = 2048;

		put(g, &rel, 8);
		put(g, &range, 8);
	} else {
		int32_t rel = (int32_t)((int64_t)(g->text + toff) - (int64_t)field), range = 2048;

		put(g, &rel, 4);
		put(g, &range, 4);
	}
	put8(g, 0);			/* augmentation data: none */
	for (i = 0; i < ops; i++) {
		/* advances keep loc on an instruction */
		int op = rand() % 16, d = (rand() % 16) * (g->caf == 1 ? 4 : 1);

		switch (op) {
		case 0: put8(g, 0x00); break;			/* nop */
		case 1: put8(g, 0x0a + rand() % 2); break;	/* remember/restore */
		case 2: put8(g, 0x02); put8(g, d); loc += d * g->caf; break;
		case 3: put8(g, 0x03); put8(g, d); put8(g, 0);
			loc += d * g->caf; break;
		case 4: put8(g, 0x04); put8(g, d); put8(g, 0); put8(g, 0);
			put8(g, 0); loc += d * g->caf; break;
		case 5: put8(g, rand() % 2 ? 0x0c : 0x05); operand(g, 0); operand(g, 0); break;
		case 6: put8(g, 0x0e); operand(g, 0); break;
		case 7: put8(g, 0x13); operand(g, 1); break;
		case 8: put8(g, 0x0d + (rand() % 3 ? 0 : -5)); operand(g, 0); break;
		case 9: put8(g, rand() % 2 ? 0x08 : 0x06); operand(g, 0); break;
		case 10: put8(g, 0x80 | (rand() % 32)); operand(g, 0); break;
		case 11: put8(g, 0x40 | d); loc += d * g->caf; break;
		case 12: put8(g, 0xc0 | (rand() % 32)); break;
		default:					/* negate_ra_state */
			put8(g, 0x2d);
			if (loc >= 4 && loc + 4 <= TEXT_PER_FDE * (size_t)MAXFDE) {
				uint32_t insn = rand() % 3 ? (rand() % 2 ? PACIASP : AUTIASP) : 0xd503201f;

				memcpy(g->buf + g->text + loc - 4, &insn, 4);
			}
			break;
		}
		if (loc > TEXT_PER_FDE - 512 + toff - toff % TEXT_PER_FDE)
			break;
	}
	if (bad) {
		/*
		 * The last operand is cut by the FDE's end: def_cfa_offset's
		 * only one, def_cfa's first or its second. FDEs stay 4-byte
		 * aligned.
		 */
		static const uint8_t cut[3][4] = {
			{ 0x0e, 0x81, 0x82 }, { 0x0c, 0x81, 0x82 }, { 0x0c, 0x05, 0x81, 0x82 },
		};
		int k = rand() % 3, len = k == 2 ? 4 : 3;

		while ((g->pos - start + len) % 4)
			put8(g, 0);
		put(g, cut[k], len);
	} else {
		while ((g->pos - start) % 4)
			put8(g, 0);
	}
	*(uint32_t *)(g->buf + start) = g->pos - start - 4;
	return start;
}

/*
 * The converted run @n stopped at a cut operand: it must return
 * EDYNSCS_INVALID_CFA_OPCODE having patched exactly what the original
 * patches when the CFI ends at @end (a zero size written there).
 */
static void stopped(const struct gen *g, const struct run *n, size_t ehlen,
		    size_t end, bool skip_dry_run, int r, int badidx, const char *pass)
{
	uint8_t *copy = malloc(g->len);
	struct run cut;

	memcpy(copy, g->buf, g->len);
	memset(copy + end, 0, 4);
	run(1, copy, g->len, 0, ehlen, skip_dry_run, &cut);
	CHECK(n->ret == 4 && cut.ret == 0 && n->nlog == cut.nlog &&
	      !memcmp(n->log, cut.log, n->nlog * sizeof(*n->log)) &&
	      !memcmp(n->buf + g->text, cut.buf + g->text, g->len - g->text),
	      "round %d (%s): cut operand in FDE %d: converted returned %d after %zu "
	      "locations, the original %zu", r, pass, badidx, n->ret, n->nlog, cut.nlog);
	done(&cut);
	free(copy);
}

static void generated(int rounds)
{
	unsigned long valid = 0, bad = 0, locations = 0;
	int r;

	for (r = 0; r < rounds; r++) {
		struct gen g = { .sdata8 = r & 1, .caf = r & 2 ? 4 : 1 };
		size_t ehlen, badfde = 0;
		int nfde = 1 + rand() % MAXFDE, i, isbad = (r >> 2) % 4 == 3, badidx;
		struct run o, n;

		g.len = 1 << 16;
		g.text = g.len;
		g.len += TEXT_PER_FDE * MAXFDE;
		g.buf = calloc(1, g.len);
		for (i = 0; i < TEXT_PER_FDE * MAXFDE; i += 4)
			*(uint32_t *)(g.buf + g.text + i) = 0xd503201f;	/* nop */
		cie(&g);
		badidx = isbad ? rand() % nfde : -1;
		for (i = 0; i < nfde; i++) {
			size_t at = fde(&g, (size_t)i * TEXT_PER_FDE, i == badidx);

			if (i == badidx)
				badfde = at;
		}
		ehlen = g.pos;
		put8(&g, 0);		/* terminator */
		put8(&g, 0);
		put8(&g, 0);
		put8(&g, 0);
		if (g.pos > g.text) {
			CHECK(0, "generated CFI too large");
			free(g.buf);
			return;
		}
		run(1, g.buf, g.len, 0, ehlen, false, &o);
		run(0, g.buf, g.len, 0, ehlen, false, &n);
		if (!isbad) {
			valid++;
			locations += n.nlog;
			CHECK(same(&o, &n, g.len), "round %d: %d FDEs: original %d/%zu, converted "
			      "%d/%zu, or different bytes", r, nfde, o.ret, o.nlog, n.ret, n.nlog);
			done(&o);
			done(&n);
			run(1, g.buf, g.len, 0, ehlen, true, &o);
			run(0, g.buf, g.len, 0, ehlen, true, &n);
			CHECK(same(&o, &n, g.len), "round %d (modules): original %d/%zu, converted "
			      "%d/%zu, or different bytes", r, o.ret, o.nlog, n.ret, n.nlog);
		} else {
			size_t after = badfde + 4 + *(uint32_t *)(g.buf + badfde);

			bad++;
			CHECK(o.ret == 0, "round %d: the original refused a cut operand (%d)", r, o.ret);
			/*
			 * At boot (a dry run of each FDE first), the converted
			 * code patches what the original patches in the FDEs
			 * before the bad one.
			 */
			stopped(&g, &n, ehlen, badfde, false, r, badidx, "boot");
			done(&n);
			/*
			 * For a module (one pass, which refuses the module on an
			 * error) it stops at the cut operand: what the original
			 * patches up to the end of the bad FDE.
			 */
			run(0, g.buf, g.len, 0, ehlen, true, &n);
			stopped(&g, &n, ehlen, after, true, r, badidx, "modules");
		}
		done(&o);
		done(&n);
		free(g.buf);
	}
	if (!failures)
		printf("PASS cocci: arm64: generated CFI: %lu eh_frames patched byte-identically "
		       "(%lu locations, sdata4/sdata8, code alignment 1/4, boot and module "
		       "passes); %lu with an operand cut at its FDE's end (first or only "
		       "operand, or second) stop there with EDYNSCS_INVALID_CFA_OPCODE, at "
		       "boot and for modules\n", valid, locations, bad);
}

int main(int argc, char **argv)
{
	if (argc == 4)
		return real(argv[1], strtoul(argv[2], NULL, 0), strtol(argv[3], NULL, 0));
	if (argc != 1) {
		fprintf(stderr, "usage: %s [IMAGE EH_FRAME_OFFSET EH_FRAME_SIZE]\n", argv[0]);
		return 2;
	}
	srand(128);
	generated(4000);
	return failures != 0;
}
