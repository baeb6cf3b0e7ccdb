// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for source line tables (CONFIG_KALLSYMS_LINEINFO).
 *
 * The expected answers do not come from the table under test.  The probes
 * below know their own file and line at compile time (__FILE__, __LINE__),
 * and the corruption cases damage a copy of the running kernel's table,
 * which must first answer such a probe correctly.  Every corrupted table
 * must be refused by lineinfo_validate() and/or lineinfo_lookup(), and no
 * lookup on it may read outside of it: the copy is allocated with its exact
 * size, so KASAN reports any stray read.
 */

#include <kunit/test.h>
#include <linux/array_size.h>
#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/irq_work.h>
#include <linux/kallsyms.h>
#include <linux/kstrtox.h>
#include <linux/leb128.h>
#include <linux/lineinfo.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

/*
 * The name of this file as the kernel prints it, relative to the source
 * tree (lineinfo_test_self() checks that __FILE__ ends with it).
 */
#define LINEINFO_TEST_FILE	"lib/tests/" KBUILD_MODNAME ".c"

/* The vmlinux text table and its text, from lineinfo_vmlinux_text() */
static const u8 *li_vmlinux;
static size_t li_vmlinux_size;
static unsigned long li_text, li_etext;

/*
 * The table of the suite's own text: vmlinux's when built in, the module's
 * when built as a module, and the address its offsets start from.
 */
static const u8 *li_table;
static size_t li_table_size;
static unsigned long li_base;

/**
 * struct lineinfo_probe - an address and the lines it must map to
 * @addr: text address to look up
 * @lo: smallest acceptable line
 * @hi: largest acceptable line
 * @call: in a function inlined into this file, the line of its call, which
 *	follows the line with CONFIG_KALLSYMS_LINEINFO_INLINE; 0 outside
 *	inlined code, %LINEINFO_TEST_ANY_CHAIN where it is not known
 */
struct lineinfo_probe {
	unsigned long addr;
	unsigned int lo;
	unsigned int hi;
	unsigned int call;
};

#define LINEINFO_TEST_ANY_CHAIN	UINT_MAX

/*
 * The address of the call instruction that called this function: its
 * return address minus one, as stack traces look it up.
 */
static noinline unsigned long lineinfo_test_caller_ip(void)
{
	return (unsigned long)__builtin_return_address(0) - 1;
}

/*
 * A call site in a noinline function.  The call instruction belongs to the
 * statement that makes the call, so the line is exact.  The result is
 * stored after the call, so it cannot become a tail call.
 */
static noinline void lineinfo_test_call_probe(struct lineinfo_probe *p)
{
	p->lo = __LINE__ + 1;
	p->addr = lineinfo_test_caller_ip();
	p->hi = p->lo;
}

/*
 * The same in a function inlined into its caller: the table records the
 * innermost line, the one in the inlined function, which is exact as well.
 */
static __always_inline void lineinfo_test_inlined(struct lineinfo_probe *p)
{
	p->lo = __LINE__ + 1;
	p->addr = lineinfo_test_caller_ip();
	p->hi = p->lo;
}

enum { LINEINFO_TEST_INLINE_CALL = __LINE__ + 3 };
static noinline void lineinfo_test_inline_probe(struct lineinfo_probe *p)
{
	lineinfo_test_inlined(p);
	p->call = LINEINFO_TEST_INLINE_CALL;
}

/*
 * The entry address of a function: the compiler attributes the prologue to
 * the line that opens the function, the one with its name or the one with
 * the brace depending on the compiler, so the range covers the function.
 */
enum { LINEINFO_TEST_ENTRY_FIRST = __LINE__ };
static noinline int lineinfo_test_entry(int x)
{
	return x * 3 + 1;
}

enum { LINEINFO_TEST_ENTRY_LAST = __LINE__ };

static void lineinfo_test_entry_probe(struct lineinfo_probe *p)
{
	p->addr = (unsigned long)lineinfo_test_entry;
	p->lo = LINEINFO_TEST_ENTRY_FIRST + 1;
	p->hi = LINEINFO_TEST_ENTRY_LAST - 1;
}

/*
 * _THIS_IP_, the address of a label: the optimiser may place the label
 * next to any instruction of the function, whose lines are all inside it.
 */
enum { LINEINFO_TEST_THIS_IP_FIRST = __LINE__ };
static noinline void lineinfo_test_this_ip(struct lineinfo_probe *p)
{
	p->addr = _THIS_IP_;
}

enum { LINEINFO_TEST_THIS_IP_LAST = __LINE__ };

static void lineinfo_test_this_ip_probe(struct lineinfo_probe *p)
{
	lineinfo_test_this_ip(p);
	p->lo = LINEINFO_TEST_THIS_IP_FIRST + 1;
	p->hi = LINEINFO_TEST_THIS_IP_LAST - 1;
}

/*
 * Functions of other files: only their file is known here, and the first
 * instruction may belong to a function inlined into them.
 */
static void lineinfo_test_lookup_probe(struct lineinfo_probe *p)
{
	p->addr = (unsigned long)lineinfo_lookup;
	p->lo = 1;
	p->hi = UINT_MAX;
	p->call = LINEINFO_TEST_ANY_CHAIN;
}

static void lineinfo_test_sprint_probe(struct lineinfo_probe *p)
{
	p->addr = (unsigned long)lineinfo_sprint;
	p->lo = 1;
	p->hi = UINT_MAX;
	p->call = LINEINFO_TEST_ANY_CHAIN;
}

struct lineinfo_self_case {
	const char *name;
	void (*probe)(struct lineinfo_probe *p);
	const char *file;
};

static const struct lineinfo_self_case lineinfo_self_cases[] = {
	{ "call site", lineinfo_test_call_probe, LINEINFO_TEST_FILE },
	{ "inlined call site", lineinfo_test_inline_probe, LINEINFO_TEST_FILE },
	{ "function entry", lineinfo_test_entry_probe, LINEINFO_TEST_FILE },
	{ "_THIS_IP_", lineinfo_test_this_ip_probe, LINEINFO_TEST_FILE },
	{ "lineinfo_lookup", lineinfo_test_lookup_probe,
	  "kernel/lineinfo/lineinfo.c" },
	{ "lineinfo_sprint", lineinfo_test_sprint_probe,
	  "kernel/lineinfo/annotate.c" },
};

static void lineinfo_self_desc(const struct lineinfo_self_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lineinfo_self, lineinfo_self_cases, lineinfo_self_desc);

/*
 * Split the location "file:line" at the start of @s, which ends at a space
 * or at ")".
 * Return: what follows the location, or NULL if @s has another form.
 */
static const char *lineinfo_test_loc(const char *s, char *file, size_t size,
				     unsigned int *line)
{
	size_t len = strcspn(s, " )"), n;
	const char *colon = NULL, *q;
	char num[16];

	for (q = s; q < s + len; q++)
		if (*q == ':')
			colon = q;
	if (!colon || colon == s || s[len] == '\0')
		return NULL;
	n = colon - s;
	if (n >= size)
		return NULL;
	memcpy(file, s, n);
	file[n] = '\0';
	n = s + len - (colon + 1);
	if (!n || n >= sizeof(num))
		return NULL;
	memcpy(num, colon + 1, n);
	num[n] = '\0';
	if (kstrtouint(num, 10, line))
		return NULL;
	return s + len;
}

/*
 * Check an annotation " (file:line)", or " (file:line file:line ...)" in
 * inlined code, against an expected file and line range for the first
 * location and the expected call site (&struct lineinfo_probe.call).
 * Return: 0 if it matches, -EINVAL if it cannot be parsed, -ENOENT for
 * another file, -ERANGE for a line outside [@lo, @hi], -EMLINK for another
 * chain of call sites.
 */
static int lineinfo_test_match(const char *buf, const char *file,
			       unsigned int lo, unsigned int hi,
			       unsigned int call)
{
	char name[LINEINFO_SPRINT_LEN];
	unsigned int line, n = 1, first = 0;
	const char *q;
	size_t len = strlen(buf);

	if (len < 6 || strncmp(buf, " (", 2) || buf[len - 1] != ')' ||
	    strchr(buf, ')') != buf + len - 1)
		return -EINVAL;
	q = lineinfo_test_loc(buf + 2, name, sizeof(name), &line);
	if (!q)
		return -EINVAL;
	if (strcmp(name, file))
		return -ENOENT;
	if (line < lo || line > hi)
		return -ERANGE;
	for (; *q == ' '; n++) {
		unsigned int l;

		q = lineinfo_test_loc(q + 1, name, sizeof(name), &l);
		if (!q)
			return -EINVAL;
		if (n == 1)
			first = strcmp(name, LINEINFO_TEST_FILE) ? UINT_MAX : l;
	}
	if (call == LINEINFO_TEST_ANY_CHAIN)
		return 0;
	if (!IS_ENABLED(CONFIG_KALLSYMS_LINEINFO_INLINE))
		call = 0;
	if (!call)
		return n == 1 ? 0 : -EMLINK;
	return n == 2 && first == call ? 0 : -EMLINK;
}

static unsigned long lineinfo_text_offset(unsigned long addr)
{
	return addr - li_text;
}

static size_t lineinfo_vmlinux_size(void)
{
	return li_vmlinux_size;
}

#ifdef MODULE
/*
 * This module's text table.  The loader publishes it through the RCU
 * pointer mod->lineinfo once it has checked it; while the module runs,
 * the struct it points to, mod->core_lineinfo, does not change (its table
 * is NULL if the loader refused the table).
 */
static const struct mod_lineinfo *lineinfo_test_module(void)
{
	return &THIS_MODULE->core_lineinfo;
}

/* Look @addr up in this module's text table, as the stack dumper does. */
static int lineinfo_test_module_lookup(struct kunit *test, unsigned long addr,
				       const char **file, unsigned int *line)
{
	const struct mod_lineinfo *li = lineinfo_test_module();

	KUNIT_ASSERT_TRUE(test, within_module_core(addr, THIS_MODULE));
	KUNIT_ASSERT_NOT_NULL(test, li->table);
	KUNIT_ASSERT_GE(test, addr, li->base);
	KUNIT_ASSERT_LT(test, addr - li->base, li->text_size);
	return lineinfo_lookup(li->table, li->size, addr - li->base, file, line);
}

static int lineinfo_test_module_chain(struct kunit *test, unsigned long addr,
				      struct lineinfo_loc *locs, unsigned int max)
{
	const struct mod_lineinfo *li = lineinfo_test_module();

	return lineinfo_lookup_chain(li->table, li->size, addr - li->base,
				     locs, max);
}
#else
/* Built in, the suite's functions are in vmlinux: nothing to look up here. */
static int lineinfo_test_module_lookup(struct kunit *test, unsigned long addr,
				       const char **file, unsigned int *line)
{
	KUNIT_FAIL(test, "%pS is outside vmlinux text", (void *)addr);
	return -ENOENT;
}

static int lineinfo_test_module_chain(struct kunit *test, unsigned long addr,
				      struct lineinfo_loc *locs, unsigned int max)
{
	KUNIT_FAIL(test, "%pS is outside vmlinux text", (void *)addr);
	return -ENOENT;
}
#endif

/* The suite's own functions, found in the running kernel's table. */
static void lineinfo_test_self(struct kunit *test)
{
	const struct lineinfo_self_case *c = test->param_value;
	struct lineinfo_loc locs[LINEINFO_MAX_CHAIN];
	char buf[LINEINFO_SPRINT_LEN];
	struct lineinfo_probe p = { };
	const char *file;
	unsigned int line;
	int ret;

	/* The kernel prints names relative to the tree, as __FILE__ ends. */
	KUNIT_ASSERT_GE(test, strlen(__FILE__), strlen(LINEINFO_TEST_FILE));
	KUNIT_ASSERT_STREQ(test, __FILE__ + strlen(__FILE__) -
			   strlen(LINEINFO_TEST_FILE), LINEINFO_TEST_FILE);

	if (IS_MODULE(CONFIG_LINEINFO_KUNIT_TEST) &&
	    !IS_ENABLED(CONFIG_KALLSYMS_LINEINFO_MODULES))
		kunit_skip(test, "module without CONFIG_KALLSYMS_LINEINFO_MODULES");
	c->probe(&p);
	KUNIT_ASSERT_NE(test, p.addr, 0);
	KUNIT_ASSERT_LE(test, p.lo, p.hi);

	ret = lineinfo_sprint(buf, sizeof(buf), p.addr);
	KUNIT_ASSERT_GT_MSG(test, ret, 0, "no line for %pS", (void *)p.addr);
	KUNIT_EXPECT_EQ(test, ret, (int)strlen(buf));
	KUNIT_EXPECT_EQ_MSG(test, lineinfo_test_match(buf, c->file, p.lo, p.hi,
						      p.call), 0,
			    "%pS:%s, expected (%s:%u..%u), call at %u", (void *)p.addr,
			    buf, c->file, p.lo, p.hi, p.call);

	/* The same answer straight from the table that holds the address. */
	if (p.addr >= li_text && p.addr < li_etext) {
		ret = lineinfo_lookup(li_vmlinux, lineinfo_vmlinux_size(),
				      lineinfo_text_offset(p.addr), &file, &line);
	} else {
		ret = lineinfo_test_module_lookup(test, p.addr, &file, &line);
	}
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_STREQ(test, file, c->file);
	KUNIT_EXPECT_GE(test, line, p.lo);
	KUNIT_EXPECT_LE(test, line, p.hi);

	/*
	 * And the chain: the same line first; with the inline section the
	 * call site of an inlined probe follows, nothing follows elsewhere.
	 */
	if (p.addr >= li_text && p.addr < li_etext)
		ret = lineinfo_lookup_chain(li_vmlinux, lineinfo_vmlinux_size(),
					    lineinfo_text_offset(p.addr), locs,
					    ARRAY_SIZE(locs));
	else
		ret = lineinfo_test_module_chain(test, p.addr, locs,
						 ARRAY_SIZE(locs));
	KUNIT_ASSERT_GE(test, ret, 1);
	KUNIT_EXPECT_PTR_EQ(test, locs[0].file, file);
	KUNIT_EXPECT_EQ(test, locs[0].line, line);
	if (p.call == LINEINFO_TEST_ANY_CHAIN)
		return;
	if (IS_ENABLED(CONFIG_KALLSYMS_LINEINFO_INLINE) && p.call) {
		KUNIT_ASSERT_EQ(test, ret, 2);
		KUNIT_EXPECT_STREQ(test, locs[1].file, LINEINFO_TEST_FILE);
		KUNIT_EXPECT_EQ(test, locs[1].line, p.call);
	} else {
		KUNIT_EXPECT_EQ(test, ret, 1);
	}
}

/* The checker used above rejects what it must reject. */
static void lineinfo_test_match_rejects(struct kunit *test)
{
	const char *good = " (" LINEINFO_TEST_FILE ":42)";
	const char *chain = " (a.h:7 " LINEINFO_TEST_FILE ":42)";
	const char *chain2 = " (a.h:7 b.h:9 " LINEINFO_TEST_FILE ":42)";
	int inl = IS_ENABLED(CONFIG_KALLSYMS_LINEINFO_INLINE) ? 0 : -EMLINK;

	KUNIT_EXPECT_EQ(test, lineinfo_test_match(good, LINEINFO_TEST_FILE, 42, 42, 0), 0);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(good, LINEINFO_TEST_FILE, 43, 50, 0), -ERANGE);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(good, LINEINFO_TEST_FILE, 1, 41, 0), -ERANGE);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(good, "lib/tests/leb128_kunit.c", 1, 100, 0),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match("", LINEINFO_TEST_FILE, 1, 100, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(" (a.c:)", "a.c", 1, 100, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(" (a.c:1x)", "a.c", 1, 100, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match("(a.c:1)", "a.c", 1, 100, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(" (a.c:1 )", "a.c", 1, 100, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(" (a.c:1) (b.c:2)", "a.c", 1, 100, 0),
			-EINVAL);
	/* the chains: the call site must be the one expected, and alone */
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(chain, "a.h", 7, 7, 42), inl);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(chain, "a.h", 7, 7, 41), -EMLINK);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(chain, "a.h", 7, 7, 0), -EMLINK);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(good, LINEINFO_TEST_FILE, 42, 42, 7),
			IS_ENABLED(CONFIG_KALLSYMS_LINEINFO_INLINE) ? -EMLINK : 0);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(chain2, "a.h", 7, 7, 42), -EMLINK);
	KUNIT_EXPECT_EQ(test, lineinfo_test_match(chain2, "a.h", 7, 7,
						  LINEINFO_TEST_ANY_CHAIN), 0);
}

/* Addresses outside of any text have no line. */
static unsigned long lineinfo_addr_zero(void)
{
	return 0;
}

static unsigned long lineinfo_addr_max(void)
{
	return ULONG_MAX;
}

static unsigned long lineinfo_addr_rodata(void)
{
	return (unsigned long)lineinfo_self_cases;
}

static unsigned long lineinfo_addr_table(void)
{
	return (unsigned long)li_vmlinux;
}

static int lineinfo_test_data_var = 1;

static unsigned long lineinfo_addr_data(void)
{
	return (unsigned long)&lineinfo_test_data_var;
}

static unsigned long lineinfo_addr_stack(void)
{
	return (unsigned long)task_stack_page(current);
}

static unsigned long lineinfo_addr_before_text(void)
{
	return li_text - 1;
}

static unsigned long lineinfo_addr_etext(void)
{
	return li_etext;
}

struct lineinfo_noinfo_case {
	const char *name;
	unsigned long (*addr)(void);
};

static const struct lineinfo_noinfo_case lineinfo_noinfo_cases[] = {
	{ "0", lineinfo_addr_zero },
	{ "ULONG_MAX", lineinfo_addr_max },
	{ "rodata", lineinfo_addr_rodata },
	{ "lineinfo table", lineinfo_addr_table },
	{ "data", lineinfo_addr_data },
	{ "stack", lineinfo_addr_stack },
	{ "_text - 1", lineinfo_addr_before_text },
	{ "_etext", lineinfo_addr_etext },
};

static void lineinfo_noinfo_desc(const struct lineinfo_noinfo_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lineinfo_noinfo, lineinfo_noinfo_cases, lineinfo_noinfo_desc);

static void lineinfo_test_noinfo(struct kunit *test)
{
	const struct lineinfo_noinfo_case *c = test->param_value;
	char buf[LINEINFO_SPRINT_LEN];

	memset(buf, 'x', sizeof(buf));
	KUNIT_EXPECT_EQ(test, lineinfo_sprint(buf, sizeof(buf), c->addr()), -ENOENT);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

/* Offsets at or beyond the end of the table's text have no line. */
static void lineinfo_test_text_end(struct kunit *test)
{
	const struct lineinfo_header *hdr = (const void *)li_table;
	size_t size = li_table_size;
	unsigned int line;
	const char *file;

	if (!li_table)
		kunit_skip(test, "no line table for this module");
	KUNIT_ASSERT_GE(test, size, sizeof(*hdr));
	KUNIT_EXPECT_EQ(test, lineinfo_lookup(li_table, size, hdr->text_end,
					      &file, &line), -ENOENT);
	KUNIT_EXPECT_EQ(test, lineinfo_lookup(li_table, size, ULONG_MAX,
					      &file, &line), -ENOENT);
}

/* A result that does not fit is not truncated: the buffer is emptied. */
static void lineinfo_test_small_buffer(struct kunit *test)
{
	char buf[LINEINFO_SPRINT_LEN], small[LINEINFO_SPRINT_LEN];
	struct lineinfo_probe p;
	int len;

	lineinfo_test_call_probe(&p);
	len = lineinfo_sprint(buf, sizeof(buf), p.addr);
	KUNIT_ASSERT_GT(test, len, 0);

	memset(small, 'x', sizeof(small));
	KUNIT_EXPECT_EQ(test, lineinfo_sprint(small, len + 1, p.addr), len);
	KUNIT_EXPECT_STREQ(test, small, buf);

	memset(small, 'x', sizeof(small));
	KUNIT_EXPECT_EQ(test, lineinfo_sprint(small, len, p.addr), -ENAMETOOLONG);
	KUNIT_EXPECT_STREQ(test, small, "");

	memset(small, 'x', sizeof(small));
	KUNIT_EXPECT_EQ(test, lineinfo_sprint(small, 1, p.addr), -ENAMETOOLONG);
	KUNIT_EXPECT_STREQ(test, small, "");

	memset(small, 'x', sizeof(small));
	KUNIT_EXPECT_EQ(test, lineinfo_sprint(small, 0, p.addr), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, small[0], 'x');
}

/*
 * Lookups from interrupt context and on every CPU, compared with the
 * answers in process context.
 */
#define LINEINFO_TEST_NR_ADDRS	4

struct lineinfo_ctx_test {
	unsigned long addr[LINEINFO_TEST_NR_ADDRS];
	char expect[LINEINFO_TEST_NR_ADDRS][LINEINFO_SPRINT_LEN];
	char got[LINEINFO_TEST_NR_ADDRS][LINEINFO_SPRINT_LEN];
	int ret[LINEINFO_TEST_NR_ADDRS];
	struct irq_work work;
	struct completion done;
	bool hardirq;
	atomic_t calls;
	atomic_t mismatches;
	atomic_t irqs_on;
};

static void lineinfo_ctx_init(struct kunit *test, struct lineinfo_ctx_test *c)
{
	struct lineinfo_probe p;
	int i;

	lineinfo_test_call_probe(&p);
	c->addr[0] = p.addr;
	lineinfo_test_inline_probe(&p);
	c->addr[1] = p.addr;
	lineinfo_test_entry_probe(&p);
	c->addr[2] = p.addr;
	c->addr[3] = (unsigned long)lineinfo_lookup;
	for (i = 0; i < LINEINFO_TEST_NR_ADDRS; i++)
		KUNIT_ASSERT_GT(test, lineinfo_sprint(c->expect[i], LINEINFO_SPRINT_LEN,
						      c->addr[i]), 0);
}

static void lineinfo_test_irq_work_fn(struct irq_work *work)
{
	struct lineinfo_ctx_test *c = container_of(work, struct lineinfo_ctx_test, work);
	int i;

	c->hardirq = in_hardirq();
	for (i = 0; i < LINEINFO_TEST_NR_ADDRS; i++)
		c->ret[i] = lineinfo_sprint(c->got[i], LINEINFO_SPRINT_LEN, c->addr[i]);
	complete(&c->done);
}

static void lineinfo_test_hardirq(struct kunit *test)
{
	struct lineinfo_ctx_test *c;
	unsigned long left;
	int i;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	lineinfo_ctx_init(test, c);
	init_completion(&c->done);
	/*
	 * A hard irq_work runs in hard interrupt context: from the irq_work
	 * interrupt where the architecture raises one, else from the next
	 * timer tick.
	 */
	c->work = IRQ_WORK_INIT_HARD(lineinfo_test_irq_work_fn);
	KUNIT_ASSERT_TRUE(test, irq_work_queue(&c->work));
	left = wait_for_completion_timeout(&c->done, 10 * HZ);
	/* waits for the callback to return if it is running */
	irq_work_sync(&c->work);
	KUNIT_ASSERT_NE_MSG(test, left, 0, "the irq_work did not run");

	KUNIT_EXPECT_TRUE(test, c->hardirq);
	for (i = 0; i < LINEINFO_TEST_NR_ADDRS; i++) {
		KUNIT_EXPECT_EQ(test, c->ret[i], (int)strlen(c->expect[i]));
		KUNIT_EXPECT_STREQ(test, c->got[i], c->expect[i]);
	}
}

static void lineinfo_test_on_cpu(void *info)
{
	struct lineinfo_ctx_test *c = info;
	char buf[LINEINFO_SPRINT_LEN];
	int i;

	if (!irqs_disabled())
		atomic_inc(&c->irqs_on);
	for (i = 0; i < LINEINFO_TEST_NR_ADDRS; i++)
		if (lineinfo_sprint(buf, sizeof(buf), c->addr[i]) < 0 ||
		    strcmp(buf, c->expect[i]))
			atomic_inc(&c->mismatches);
	atomic_inc(&c->calls);
}

/*
 * on_each_cpu() runs the lookups with interrupts disabled on every online
 * CPU at once, from the IPI handler on the other CPUs.  On a uniprocessor
 * kernel such as UML it only runs them locally with interrupts disabled.
 */
#define LINEINFO_TEST_ROUNDS	100

static void lineinfo_test_all_cpus(struct kunit *test)
{
	struct lineinfo_ctx_test *c;
	unsigned int cpus;
	int i;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	lineinfo_ctx_init(test, c);

	cpus_read_lock();
	cpus = num_online_cpus();
	for (i = 0; i < LINEINFO_TEST_ROUNDS; i++)
		on_each_cpu(lineinfo_test_on_cpu, c, 1);
	cpus_read_unlock();

	kunit_info(test, "%u CPU(s), %d rounds\n", cpus, LINEINFO_TEST_ROUNDS);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->calls), cpus * LINEINFO_TEST_ROUNDS);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->mismatches), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->irqs_on), 0);
}

/*
 * Corrupted tables.  Each case damages a copy of the suite's own table
 * (vmlinux's, or the module's), struct lineinfo_tbl; offsets into it are
 * computed from its header.
 */
struct lineinfo_tbl {
	struct kunit *test;
	u8 *data;		/* the table under test */
	size_t size;		/* readable bytes at @data */
	unsigned long probe;	/* text offset of a probe with an exact line */
	unsigned long other;	/* text offset in another block */
	unsigned long target;	/* the offset the case looks up */
	bool control;		/* @other must keep its answer */
	u32 block;		/* block of @probe, never the last one */
	u32 probe_file;		/* file number of @probe */
	unsigned long inl;	/* text offset of a probe in inlined code */
};

static struct lineinfo_header *lt_hdr(const struct lineinfo_tbl *t)
{
	return (struct lineinfo_header *)t->data;
}

static struct lineinfo_section *lt_sect(const struct lineinfo_tbl *t, u32 i)
{
	return (struct lineinfo_section *)(t->data + lt_hdr(t)->hdr_size) + i;
}

static void *lt_part(const struct lineinfo_tbl *t, u32 i)
{
	return t->data + lt_sect(t, i)->offset;
}

static struct lineinfo_block *lt_index(const struct lineinfo_tbl *t)
{
	return lt_part(t, 0);
}

static u32 lt_nr_blocks(const struct lineinfo_tbl *t)
{
	return lt_sect(t, 0)->size / sizeof(struct lineinfo_block);
}

/* Table offsets of the first byte of block @i and of its end. */
static void lt_block(const struct lineinfo_tbl *t, u32 i, u32 *start, u32 *end)
{
	const struct lineinfo_block *index = lt_index(t);
	u32 base = lt_sect(t, 2)->offset;

	*start = base + index[i].data;
	*end = base + (i + 1 < lt_nr_blocks(t) ? index[i + 1].data :
		       lt_sect(t, 2)->size);
}

/* The last block starting at or before @offset (the table is valid). */
static u32 lt_find_block(const struct lineinfo_tbl *t, unsigned long offset)
{
	const struct lineinfo_block *index = lt_index(t);
	u32 i, n = lt_nr_blocks(t);

	for (i = 0; i + 1 < n && index[i + 1].addr <= offset; i++)
		;
	return i;
}

KUNIT_DEFINE_ACTION_WRAPPER(lineinfo_kvfree, kvfree, const void *);

/* A fresh copy of @size bytes, @misalign bytes into its allocation. */
static u8 *lt_alloc(struct lineinfo_tbl *t, size_t size, unsigned int misalign)
{
	u8 *buf = kvmalloc(size + misalign, GFP_KERNEL);

	if (!buf || kunit_add_action_or_reset(t->test, lineinfo_kvfree, buf))
		return NULL;
	t->size = size;
	t->data = buf + misalign;
	return t->data;
}

static int lt_inl(const struct lineinfo_tbl *t);

/*
 * Insert @len bytes at table offset @at.  Parts starting at or after @at
 * move; part @grow, which contains @at, grows (none if -1).  If @grow is
 * the blocks part, blocks after @block move too.
 */
static int lt_insert(struct lineinfo_tbl *t, u32 at, const void *bytes,
		     u32 len, int grow, u32 block)
{
	const u8 *old = t->data;
	size_t size = t->size;
	u32 i;
	int k;

	if (!lt_alloc(t, size + len, 0))
		return -ENOMEM;
	memcpy(t->data, old, at);
	memcpy(t->data + at, bytes, len);
	memcpy(t->data + at + len, old + at, size - at);
	lt_hdr(t)->table_size += len;
	for (i = 0; i < lt_hdr(t)->nr_sections; i++) {
		struct lineinfo_section *s = lt_sect(t, i);

		if (i == grow) {
			s->size += len;
		} else if (s->offset >= at) {
			/* the index and file table must stay aligned */
			if (i < 2 && len % LINEINFO_ALIGN)
				return -EOPNOTSUPP;
			s->offset += len;
		}
	}
	if (grow == 2)
		for (i = block + 1; i < lt_nr_blocks(t); i++)
			lt_index(t)[i].data += len;
	/* the inline section, after the strings, must stay aligned: pad */
	k = lt_inl(t);
	if (k >= 0 && lt_sect(t, k)->offset % LINEINFO_ALIGN) {
		static const u8 pad[LINEINFO_ALIGN];
		u32 off = lt_sect(t, k)->offset;

		return lt_insert(t, off, pad,
				 LINEINFO_ALIGN - off % LINEINFO_ALIGN, -1, 0);
	}
	return 0;
}

/* Append @len bytes to block t->block, and look up its last offset. */
static int lt_append_to_block(struct lineinfo_tbl *t, const u8 *bytes, u32 len)
{
	u32 start, end;

	lt_block(t, t->block, &start, &end);
	t->target = lt_index(t)[t->block + 1].addr - 1;
	t->control = true;
	return lt_insert(t, end, bytes, len, 2, t->block);
}

/* Expected results beside 0 and errnos */
#define LT_SAME	1	/* the answer of the intact table */
#define LT_ANY	2	/* anything but a crash */
#define LT_ERR	3	/* an error, which one depends on the table's contents */
#define LT_AS_VALIDATE	4	/* the error expected from lineinfo_validate() */

struct lineinfo_corrupt_case {
	const char *name;
	int (*corrupt)(struct lineinfo_tbl *t, int arg);
	int arg;
	int validate;	/* lineinfo_validate() result */
	int lookup;	/* lineinfo_lookup() result at t->target */
	int chain;	/* lineinfo_lookup_chain() result there; 0: as @lookup */
};

static int lt_none(struct lineinfo_tbl *t, int arg)
{
	return 0;
}

static int lt_size(struct lineinfo_tbl *t, int arg)
{
	t->size = arg;
	return 0;
}

static int lt_size_minus(struct lineinfo_tbl *t, int arg)
{
	t->size -= arg;
	return 0;
}

static int lt_null(struct lineinfo_tbl *t, int arg)
{
	t->data = NULL;
	t->size = 0;
	return 0;
}

static int lt_misalign(struct lineinfo_tbl *t, int arg)
{
	const u8 *old = t->data;

	if (!lt_alloc(t, t->size, arg))
		return -ENOMEM;
	memcpy(t->data, old, t->size);
	return 0;
}

static int lt_table_size_plus(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->table_size += arg;
	return 0;
}

static int lt_magic(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->magic ^= arg;
	return 0;
}

static int lt_version(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->version = arg;
	return 0;
}

static int lt_incompat(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->incompat_flags |= arg;
	return 0;
}

static int lt_compat(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->compat_flags |= arg;
	return 0;
}

static int lt_hdr_size(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->hdr_size = arg;
	return 0;
}

static int lt_hdr_size_plus(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->hdr_size += arg;
	return 0;
}

/* The section descriptors end past table_size. */
static int lt_descs_beyond(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_header *hdr = lt_hdr(t);

	hdr->table_size = hdr->hdr_size +
		hdr->nr_sections * sizeof(struct lineinfo_section) - 4;
	return 0;
}

static int lt_nr_sections(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->nr_sections = arg;
	return 0;
}

static int lt_op_bits(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_header *hdr = lt_hdr(t);

	if (arg == 0)
		hdr->op_addr_bits = LINEINFO_MAX_ADDR_BITS + 1;
	else if (arg == 1)
		hdr->op_med_addr_bits = LINEINFO_MAX_MED_ADDR_BITS + 1;
	else if (arg == 2)
		hdr->op_large_addr_bits = LINEINFO_MAX_LARGE_ADDR_BITS + 1;
	else
		hdr->addr_shift = LINEINFO_MAX_ADDR_SHIFT + 1;
	return 0;
}

/* arg: section number * 16 + kind */
enum { LT_OFF_END, LT_SIZE_END, LT_WRAP, LT_TYPE, LT_OPTIONAL };

static int lt_section(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_section *s = lt_sect(t, arg / 16);

	switch (arg % 16) {
	case LT_OFF_END:	/* starts at the end of the table */
		s->offset = lt_hdr(t)->table_size;
		break;
	case LT_SIZE_END:	/* ends one byte past the table */
		s->size = lt_hdr(t)->table_size - s->offset + 1;
		break;
	case LT_WRAP:		/* offset + size wraps to a small u32 */
		s->size = U32_MAX - 3;
		s->offset = 8;
		break;
	case LT_TYPE:		/* an unknown required type */
		s->type = LINEINFO_SECT_REQUIRED | 0x7f;
		break;
	case LT_OPTIONAL:	/* a required part replaced by an optional one */
		s->type = 0x7f;
		break;
	}
	return 0;
}

static int lt_swap_sections(struct lineinfo_tbl *t, int arg)
{
	swap(*lt_sect(t, 1), *lt_sect(t, 2));
	return 0;
}

static int lt_misaligned_part(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_section *s = lt_sect(t, arg);

	s->offset += 2;
	s->size -= 2;
	return 0;
}

/* A fifth section descriptor of type @arg, for an empty part. */
static int lt_extra_section(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_header *hdr = lt_hdr(t);
	struct lineinfo_section s = { .type = arg, .offset = 0, .size = 0 };
	u32 at = hdr->hdr_size + hdr->nr_sections * sizeof(s);
	int ret;

	ret = lt_insert(t, at, &s, sizeof(s), -1, 0);
	if (ret)
		return ret;
	lt_hdr(t)->nr_sections++;
	return 0;
}

static int lt_nr_blocks_plus(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->nr_blocks++;
	return 0;
}

static int lt_nr_files_plus(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->nr_files++;
	return 0;
}

static int lt_text_end(struct lineinfo_tbl *t, int arg)
{
	lt_hdr(t)->text_end = arg;
	return 0;
}

static int lt_unsorted_index(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_block *index = lt_index(t);

	swap(index[t->block].addr, index[t->block + 1].addr);
	return 0;
}

static int lt_block_beyond_text(struct lineinfo_tbl *t, int arg)
{
	lt_index(t)[lt_nr_blocks(t) - 1].addr = lt_hdr(t)->text_end;
	return 0;
}

static int lt_block_data_beyond(struct lineinfo_tbl *t, int arg)
{
	lt_index(t)[t->block].data = lt_sect(t, 2)->size + 1;
	t->control = true;
	return 0;
}

/* Block t->block ends before it starts. */
static int lt_block_data_backwards(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_block *index = lt_index(t);

	index[t->block + 1].data = index[t->block].data - 1;
	return 0;
}

/* The block's palette size never ends: every byte continues the varint. */
static int lt_block_unterminated(struct lineinfo_tbl *t, int arg)
{
	u32 start, end;

	lt_block(t, t->block, &start, &end);
	memset(t->data + start, 0x80, end - start);
	t->control = true;
	return 0;
}

/* The block's palette size does not fit in 32 bits. */
static int lt_block_overlong(struct lineinfo_tbl *t, int arg)
{
	static const u8 big[] = { 0xff, 0xff, 0xff, 0xff, 0x7f };
	static const u8 wide[] = { 0x81, 0x80, 0x80, 0x80, 0x80, 0x00 };
	const u8 *bytes = arg ? wide : big;
	size_t len = arg ? sizeof(wide) : sizeof(big);
	u32 start, end;

	lt_block(t, t->block, &start, &end);
	if (end - start < len)
		return -EOPNOTSUPP;
	memcpy(t->data + start, bytes, len);
	t->control = true;
	return 0;
}

/*
 * The segment records of block t->block: the table offset of its segment
 * count (the records follow it), or 0 if the block has fewer than two.
 */
static u32 lt_segments(const struct lineinfo_tbl *t)
{
	u32 start, end, pal_size;
	int ret;

	lt_block(t, t->block, &start, &end);
	ret = __leb128_decode_u32(t->data + start, t->data + end, &pal_size);
	if (ret < 0 || start + ret + pal_size >= end)
		return 0;
	start += ret + pal_size;
	return t->data[start] >= 2 ? start : 0;
}

/*
 * Damage the segment records of block t->block: arg 0 claims 255 of
 * them, 1 makes segment 0 longer than the block, 2 swaps the offsets of
 * the first two records and 3 sets the first offset to 0.  (Moving one
 * offset shifts the addresses of a segment consistently: that gives
 * wrong lines, not an invalid table.)
 */
static int lt_segment(struct lineinfo_tbl *t, int arg)
{
	u32 at = lt_segments(t);
	u8 *r = t->data + at + 1;

	if (!at)
		return -EOPNOTSUPP;
	t->target = lt_index(t)[t->block + 1].addr - 1;
	t->control = true;
	switch (arg) {
	case 0:
		t->data[at] = 255;
		break;
	case 1:
		r[0] = 255;
		break;
	case 2:
		swap(r[1], r[LINEINFO_SEG_REC + 1]);
		swap(r[2], r[LINEINFO_SEG_REC + 2]);
		break;
	default:
		r[1] = 0;
		r[2] = 0;
		break;
	}
	return 0;
}

/*
 * Damage the page index: arg 0 sets its shift beyond 31, 1 names the
 * wrong block for the probe's page, 2 a block beyond the index (which the
 * lookup must ignore).
 */
static int lt_pages(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_section *s;
	u32 *pages, shift, pg;

	if (lt_hdr(t)->nr_sections <= LINEINFO_NR_REQUIRED)
		return -EOPNOTSUPP;
	s = lt_sect(t, LINEINFO_NR_REQUIRED);
	if (s->type != LINEINFO_SECT_PAGES)
		return -EOPNOTSUPP;
	pages = lt_part(t, LINEINFO_NR_REQUIRED);
	shift = pages[0];
	pg = t->probe >> shift;
	if (s->size / sizeof(u32) < pg + 2)
		return -EOPNOTSUPP;
	switch (arg) {
	case 0:
		pages[0] = 32;
		break;
	case 1:
		/* a block after the probe's: the search misses it */
		pages[1 + pg] = t->block + 1;
		if (pg + 2 < s->size / sizeof(u32) && pages[2 + pg] < t->block + 1)
			pages[2 + pg] = t->block + 1;
		break;
	default:
		pages[1 + pg] = U32_MAX;
		break;
	}
	return 0;
}

/* Entries appended to a block: arg selects one of these. */
static const struct {
	u8 bytes[8];
	u32 len;
} lt_bad_entries[] = {
	{ { LINEINFO_OP_LONG }, 1 },				/* no advance */
	{ { LINEINFO_OP_LONG, 0x01 }, 2 },			/* no line advance */
	{ { LINEINFO_OP_LONG, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00 }, 7 },
	{ { LINEINFO_OP_GAP, 0x00 }, 2 },			/* zero advance */
	{ { LINEINFO_OP_GAP, 0x80 }, 2 },			/* truncated */
	{ { LINEINFO_OP_FILE }, 1 },				/* switch, no entry */
	{ { LINEINFO_OP_FILE, LINEINFO_OP_GAP, 0x01 }, 3 },	/* switch to a gap */
	{ { LINEINFO_OP_MEDIUM }, 1 },				/* truncated */
	{ { LINEINFO_OP_LARGE, 0x00 }, 2 },			/* truncated */
};

static int lt_block_append(struct lineinfo_tbl *t, int arg)
{
	return lt_append_to_block(t, lt_bad_entries[arg].bytes,
				  lt_bad_entries[arg].len);
}

/* The file table ends just before the probe's file. */
static int lt_files_cut(struct lineinfo_tbl *t, int arg)
{
	lt_sect(t, 1)->size = t->probe_file * sizeof(u32);
	lt_hdr(t)->nr_files = t->probe_file;
	return 0;
}

static int lt_file_name_beyond(struct lineinfo_tbl *t, int arg)
{
	u32 *files = lt_part(t, 1);

	files[t->probe_file] = lt_sect(t, 3)->size + arg;
	return 0;
}

static int lt_unterminated_name(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_section *s = lt_sect(t, 3);

	t->data[s->offset + s->size - 1] = 'x';
	return 0;
}

static int lt_empty_strings(struct lineinfo_tbl *t, int arg)
{
	lt_sect(t, 3)->size = 0;
	return 0;
}

/*
 * The inline call site section (CONFIG_KALLSYMS_LINEINFO_INLINE).  The
 * cases aim at the inline block of t->inl, an offset in inlined code, and
 * return -EOPNOTSUPP for a table without the section.
 */
static int lt_inl(const struct lineinfo_tbl *t)
{
	u32 i;

	for (i = LINEINFO_NR_REQUIRED; i < lt_hdr(t)->nr_sections; i++)
		if (lt_sect(t, i)->type == LINEINFO_SECT_INLINE)
			return i;
	return -1;
}

static struct lineinfo_inline *lt_inl_hdr(const struct lineinfo_tbl *t)
{
	return lt_part(t, lt_inl(t));
}

static struct lineinfo_inl_page *lt_inl_pages(const struct lineinfo_tbl *t)
{
	return (struct lineinfo_inl_page *)(lt_inl_hdr(t) + 1);
}

static struct lineinfo_inl_block *lt_inl_index(const struct lineinfo_tbl *t)
{
	return (struct lineinfo_inl_block *)(lt_inl_pages(t) +
					     lt_inl_hdr(t)->nr_pages + 1);
}

static u32 *lt_inl_sites(const struct lineinfo_tbl *t)
{
	return (u32 *)(lt_inl_index(t) + lt_inl_hdr(t)->nr_blocks);
}

/* Table offsets of the first byte of inline block @i of page @pg and of its end. */
static void lt_inl_block(const struct lineinfo_tbl *t, u32 pg, u32 i,
			 u32 *start, u32 *end)
{
	const struct lineinfo_inl_page *pages = lt_inl_pages(t);
	u32 base = (u8 *)(lt_inl_sites(t) + lt_inl_hdr(t)->nr_sites) - t->data;

	*start = base + pages[pg].data + lt_inl_index(t)[i].data;
	*end = base + (i + 1 < pages[pg + 1].block ?
		       pages[pg].data + lt_inl_index(t)[i + 1].data :
		       pages[pg + 1].data);
}

/* The inline block of t->inl and its page (the table is valid). */
static u32 lt_inl_find(const struct lineinfo_tbl *t, u32 *pg)
{
	const struct lineinfo_inl_block *index = lt_inl_index(t);
	const struct lineinfo_inl_page *pages = lt_inl_pages(t);
	u32 shift = lt_inl_hdr(t)->page_shift, i;
	u32 rel = t->inl & ((1U << shift) - 1);

	*pg = t->inl >> shift;
	for (i = pages[*pg].block;
	     i + 1 < pages[*pg + 1].block && index[i + 1].addr <= rel; i++)
		;
	return i;
}

enum {
	LT_INL_OFF_END,		/* section beyond the table */
	LT_INL_MISALIGNED,	/* section not 4-byte aligned */
	LT_INL_SMALL,		/* section smaller than its header */
	LT_INL_DEPTH,		/* depth beyond LINEINFO_MAX_INLINE */
	LT_INL_NR_BLOCKS,	/* index beyond the section */
	LT_INL_UNSORTED,	/* two blocks at one offset */
	LT_INL_BEYOND_TEXT,	/* last block at text_end */
	LT_INL_DATA_BEYOND,	/* block data beyond the section */
	LT_INL_DEPTH_ZERO,	/* depth 0: no call site may be entered */
	LT_INL_NEAR_FIRST,	/* a block's first call site coded as "near" */
	LT_INL_PAGES,		/* page table beyond the block index */
	LT_INL_SHIFT,		/* pages larger than 16-bit offsets reach */
	LT_INL_DICT_FILE,	/* a dictionary entry beyond the file table */
	LT_INL_ADDR_SHIFT,	/* address unit over 8 bytes */
};

static int lt_inline(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_section *s;
	struct lineinfo_inline *h;
	struct lineinfo_inl_block *index;
	struct lineinfo_inl_page *pages;
	u32 b, pg, start, end, op, last, base;
	u8 *q;

	if (lt_inl(t) < 0)
		return -EOPNOTSUPP;
	s = lt_sect(t, lt_inl(t));
	h = lt_inl_hdr(t);
	pages = lt_inl_pages(t);
	index = lt_inl_index(t);
	b = lt_inl_find(t, &pg);
	t->target = t->inl;
	switch (arg) {
	case LT_INL_OFF_END:
		s->offset = lt_hdr(t)->table_size;
		break;
	case LT_INL_MISALIGNED:
		s->offset += 2;
		s->size -= 2;
		break;
	case LT_INL_SMALL:
		s->size = sizeof(*h) - 1;
		break;
	case LT_INL_DEPTH:
		h->depth = LINEINFO_MAX_INLINE + 1;
		break;
	case LT_INL_NR_BLOCKS:
		h->nr_blocks = (s->size - sizeof(*h)) / sizeof(*index) + 1;
		break;
	case LT_INL_UNSORTED:
		if (b + 1 < pages[pg + 1].block)
			index[b + 1].addr = index[b].addr;
		else if (b > pages[pg].block)
			index[b].addr = index[b - 1].addr;
		else
			return -EOPNOTSUPP;
		break;
	case LT_INL_BEYOND_TEXT:
		/* the last block, in the last page that has one */
		last = h->nr_blocks - 1;
		for (pg = h->nr_pages; pg && pages[pg - 1].block > last; pg--)
			;
		base = (pg - 1) << h->page_shift;
		if (!pg || lt_hdr(t)->text_end - base > 0xffff)
			return -EOPNOTSUPP;
		index[last].addr = lt_hdr(t)->text_end - base;
		break;
	case LT_INL_DATA_BEYOND:
		index[b].data = 0xffff;
		break;
	case LT_INL_DEPTH_ZERO:
		h->depth = 0;
		break;
	case LT_INL_NEAR_FIRST:
		/* the first entry of a block enters a function: find its site */
		lt_inl_block(t, pg, b, &start, &end);
		q = t->data + start;
		op = *q >> LINEINFO_INL_ADV_BITS;
		if ((*q++ & LINEINFO_INL_ADV_ULEB) == LINEINFO_INL_ADV_ULEB)
			while (*q++ & 0x80)
				;
		if (op == LINEINFO_INL_ANY)
			return -EOPNOTSUPP;
		if (q >= t->data + end || *q < LINEINFO_SITE_DICT)
			return -EINVAL;
		*q = 0x10;
		break;
	case LT_INL_PAGES:
		pages[h->nr_pages].block = h->nr_blocks + 1;
		break;
	case LT_INL_SHIFT:
		h->page_shift = LINEINFO_INL_MAX_PAGE_SHIFT + 1;
		break;
	case LT_INL_DICT_FILE:
		if (!h->nr_sites)
			return -EOPNOTSUPP;
		lt_inl_sites(t)[0] = lt_hdr(t)->nr_files << h->line_bits;
		break;
	case LT_INL_ADDR_SHIFT:
		h->addr_shift = LINEINFO_MAX_ADDR_SHIFT + 1;
		break;
	}
	return 0;
}

/* Entries appended to the inline block of t->inl, whose end is looked up. */
static const struct {
	u8 len;
	u8 bytes[8];
} lt_bad_inline[] = {
	/* PUSH1 with a ULEB128 advance that is not there */
	{ 1, { 0x7f } },
	/* an advance over 32 bits */
	{ 6, { 0x7f, 0xff, 0xff, 0xff, 0xff, 0x7f } },
	/* ANY without its counts */
	{ 1, { 0xe0 } },
	/* leave 15 functions */
	{ 2, { 0xe0, 0xf0 } },
	/* enter 15 functions */
	{ 2, { 0xe0, 0x0f } },
	/* PUSH1 without its call site */
	{ 1, { 0x60 } },
	/* a call site with a file id beyond the file table (the ULEB below) */
	{ 8, { 0x60, LINEINFO_SITE_ULEB, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01 } },
	/* leave all, 2^31 - 1 bytes on: beyond the next block */
	{ 6, { 0x5f, 0xff, 0xff, 0xff, 0xff, 0x07 } },
	/* PUSH1 with the last two-byte dictionary entry: beyond the dictionary */
	{ 3, { 0x60, LINEINFO_SITE_FILE - 1, 0xff } },
	/* PUSH1 with a two-byte dictionary entry cut short */
	{ 2, { 0x60, LINEINFO_SITE_DICT2 } },
};

static int lt_inline_append(struct lineinfo_tbl *t, int arg)
{
	struct lineinfo_inl_block *index;
	struct lineinfo_inl_page *pages;
	u32 b, pg, start, end, n, i, len = lt_bad_inline[arg].len;
	int k = lt_inl(t), ret;

	if (k < 0)
		return -EOPNOTSUPP;
	b = lt_inl_find(t, &pg);
	n = lt_inl_pages(t)[pg + 1].block;
	/* the next block must be in the same page */
	if (b + 1 >= n)
		return -EOPNOTSUPP;
	/* the table's last section: only the blocks after @b move */
	if (k + 1 != lt_hdr(t)->nr_sections)
		return -EOPNOTSUPP;
	lt_inl_block(t, pg, b, &start, &end);
	t->target = ((unsigned long)pg << lt_inl_hdr(t)->page_shift) +
		    lt_inl_index(t)[b + 1].addr - 1;
	ret = lt_insert(t, end, lt_bad_inline[arg].bytes, len, k, 0);
	if (ret)
		return ret;
	index = lt_inl_index(t);
	pages = lt_inl_pages(t);
	for (i = b + 1; i < n; i++)
		index[i].data += len;
	for (i = pg + 1; i <= lt_inl_hdr(t)->nr_pages; i++)
		pages[i].data += len;
	return 0;
}

#define LT_CASE(_name, _fn, _arg, _v, _l)				\
	{ .name = _name, .corrupt = _fn, .arg = _arg, .validate = _v,	\
	  .lookup = _l }
#define LT_BAD(_name, _fn, _arg, _err)				\
	LT_CASE(_name, _fn, _arg, _err, LT_AS_VALIDATE)
#define LT_SECT(_name, _sect, _kind, _err)				\
	LT_BAD(_name, lt_section, (_sect) * 16 + (_kind), _err)
/* a damaged inline section: the line stays, the chain gives _c */
#define LT_INL(_name, _fn, _arg, _c)					\
	{ .name = _name, .corrupt = _fn, .arg = _arg, .validate = -EBADMSG, \
	  .lookup = LT_SAME, .chain = _c }

static const struct lineinfo_corrupt_case lineinfo_corrupt_cases[] = {
	LT_CASE("intact", lt_none, 0, 0, LT_SAME),
	LT_CASE("unknown compat flag", lt_compat, 0x80000000, 0, LT_SAME),
	LT_CASE("optional extra section", lt_extra_section, 0x7f, 0, LT_SAME),
	/* the buffer */
	LT_BAD("NULL table", lt_null, 0, -EINVAL),
	LT_BAD("misaligned table", lt_misalign, 2, -EINVAL),
	LT_BAD("empty buffer", lt_size, 0, -EINVAL),
	LT_BAD("truncated header", lt_size, sizeof(struct lineinfo_header) - 1,
	       -EINVAL),
	LT_BAD("truncated table", lt_size_minus, 1, -EINVAL),
	LT_BAD("table_size beyond buffer", lt_table_size_plus, 4, -EINVAL),
	/* the header */
	LT_BAD("bad magic", lt_magic, 0x20, -EBADMSG),
	LT_BAD("version 0", lt_version, 0, -EPROTO),
	LT_BAD("unknown version", lt_version, LINEINFO_VERSION + 1, -EPROTO),
	LT_BAD("unknown incompat flag", lt_incompat, 1, -EPROTO),
	LT_BAD("hdr_size too small", lt_hdr_size,
	       sizeof(struct lineinfo_header) - LINEINFO_ALIGN, -EBADMSG),
	LT_BAD("hdr_size misaligned", lt_hdr_size_plus, 2, -EBADMSG),
	LT_BAD("hdr_size into the parts", lt_hdr_size, 0xfffc, LT_ERR),
	LT_BAD("descriptors beyond table_size", lt_descs_beyond, 0, -EBADMSG),
	LT_BAD("3 sections", lt_nr_sections, LINEINFO_NR_REQUIRED - 1, -EBADMSG),
	LT_BAD("17 sections", lt_nr_sections, LINEINFO_MAX_SECTIONS + 1, -EBADMSG),
	LT_BAD("U32_MAX sections", lt_nr_sections, -1, -EBADMSG),
	LT_BAD("special address bits", lt_op_bits, 0, -EBADMSG),
	LT_BAD("medium address bits", lt_op_bits, 1, -EBADMSG),
	LT_BAD("large address bits", lt_op_bits, 2, -EBADMSG),
	LT_BAD("address unit over 8 bytes", lt_op_bits, 3, -EBADMSG),
	/* the section descriptors */
	LT_SECT("index offset beyond table", 0, LT_OFF_END, -EBADMSG),
	LT_SECT("files offset beyond table", 1, LT_OFF_END, -EBADMSG),
	LT_SECT("blocks offset beyond table", 2, LT_OFF_END, -EBADMSG),
	LT_SECT("strings offset beyond table", 3, LT_OFF_END, -EBADMSG),
	LT_SECT("index size beyond table", 0, LT_SIZE_END, -EBADMSG),
	LT_SECT("files size beyond table", 1, LT_SIZE_END, -EBADMSG),
	LT_SECT("blocks size beyond table", 2, LT_SIZE_END, -EBADMSG),
	LT_SECT("strings size beyond table", 3, LT_SIZE_END, -EBADMSG),
	LT_SECT("index offset+size wraps", 0, LT_WRAP, -EBADMSG),
	LT_SECT("files offset+size wraps", 1, LT_WRAP, -EBADMSG),
	LT_SECT("blocks offset+size wraps", 2, LT_WRAP, -EBADMSG),
	LT_SECT("strings offset+size wraps", 3, LT_WRAP, -EBADMSG),
	LT_SECT("index of unknown type", 0, LT_TYPE, -EBADMSG),
	LT_SECT("files of unknown type", 1, LT_TYPE, -EBADMSG),
	LT_SECT("blocks of unknown type", 2, LT_TYPE, -EBADMSG),
	LT_SECT("strings of unknown type", 3, LT_TYPE, -EBADMSG),
	LT_SECT("index missing", 0, LT_OPTIONAL, -EBADMSG),
	LT_SECT("strings missing", 3, LT_OPTIONAL, -EBADMSG),
	LT_BAD("files and blocks swapped", lt_swap_sections, 0, -EBADMSG),
	LT_BAD("index misaligned", lt_misaligned_part, 0, -EBADMSG),
	LT_BAD("files misaligned", lt_misaligned_part, 1, -EBADMSG),
	LT_BAD("required extra section", lt_extra_section,
	       LINEINFO_SECT_REQUIRED | 0x7f, -EPROTO),
	LT_CASE("nr_blocks mismatch", lt_nr_blocks_plus, 0, -EBADMSG, LT_SAME),
	LT_CASE("nr_files mismatch", lt_nr_files_plus, 0, -EBADMSG, LT_SAME),
	LT_CASE("text_end 0", lt_text_end, 0, -EBADMSG, -ENOENT),
	/* the block index */
	LT_CASE("unsorted block index", lt_unsorted_index, 0, -EBADMSG, LT_ANY),
	LT_CASE("block beyond text_end", lt_block_beyond_text, 0, -EBADMSG, LT_ANY),
	LT_BAD("block data beyond blocks", lt_block_data_beyond, 0, -EBADMSG),
	LT_BAD("block data backwards", lt_block_data_backwards, 0, -EBADMSG),
	/* inside a block */
	LT_BAD("unterminated palette size", lt_block_unterminated, 0, -EBADMSG),
	LT_BAD("palette size over 32 bits", lt_block_overlong, 0, -EBADMSG),
	LT_BAD("palette size over 5 bytes", lt_block_overlong, 1, -EBADMSG),
	LT_BAD("long entry without advance", lt_block_append, 0, -EBADMSG),
	LT_BAD("long entry without line", lt_block_append, 1, -EBADMSG),
	LT_BAD("long entry advance over 32 bits", lt_block_append, 2, -EBADMSG),
	LT_BAD("gap of 0 bytes", lt_block_append, 3, -EBADMSG),
	LT_BAD("truncated gap", lt_block_append, 4, -EBADMSG),
	LT_BAD("file switch at block end", lt_block_append, 5, -EBADMSG),
	LT_BAD("file switch to a gap", lt_block_append, 6, -EBADMSG),
	LT_BAD("truncated medium entry", lt_block_append, 7, -EBADMSG),
	LT_BAD("truncated large entry", lt_block_append, 8, -EBADMSG),
	LT_BAD("page shift beyond 31", lt_pages, 0, -EBADMSG),
	LT_CASE("page names a wrong block", lt_pages, 1, -EBADMSG, LT_ANY),
	LT_CASE("page names no block", lt_pages, 2, -EBADMSG, LT_SAME),
	LT_BAD("segment count beyond block", lt_segment, 0, -EBADMSG),
	LT_CASE("segment beyond block", lt_segment, 1, -EBADMSG, LT_ANY),
	LT_CASE("unsorted segments", lt_segment, 2, -EBADMSG, LT_ANY),
	LT_CASE("segment at offset 0", lt_segment, 3, -EBADMSG, LT_ANY),
	/* files and names */
	LT_BAD("file number beyond file table", lt_files_cut, 0, -EBADMSG),
	LT_BAD("name offset at strings end", lt_file_name_beyond, 0, -EBADMSG),
	LT_BAD("name offset beyond strings", lt_file_name_beyond, 1000, -EBADMSG),
	LT_BAD("unterminated file name", lt_unterminated_name, 0, -EBADMSG),
	LT_BAD("empty strings", lt_empty_strings, 0, -EBADMSG),
	/* the inline call site section */
	LT_BAD("inline section beyond table", lt_inline, LT_INL_OFF_END, -EBADMSG),
	LT_BAD("inline section misaligned", lt_inline, LT_INL_MISALIGNED, -EBADMSG),
	LT_BAD("inline section too small", lt_inline, LT_INL_SMALL, -EBADMSG),
	LT_BAD("inline depth over 16", lt_inline, LT_INL_DEPTH, -EBADMSG),
	LT_BAD("inline index beyond section", lt_inline, LT_INL_NR_BLOCKS, -EBADMSG),
	LT_INL("inline index unsorted", lt_inline, LT_INL_UNSORTED, LT_ANY),
	LT_INL("inline block beyond text_end", lt_inline, LT_INL_BEYOND_TEXT, LT_ANY),
	LT_INL("inline block data beyond section", lt_inline, LT_INL_DATA_BEYOND,
	       -EBADMSG),
	LT_INL("inline call site deeper than depth", lt_inline, LT_INL_DEPTH_ZERO,
	       -EBADMSG),
	LT_INL("inline near call site without a previous one", lt_inline,
	       LT_INL_NEAR_FIRST, -EBADMSG),
	LT_INL("inline truncated advance", lt_inline_append, 0, -EBADMSG),
	LT_INL("inline advance over 32 bits", lt_inline_append, 1, -EBADMSG),
	LT_INL("inline counts missing", lt_inline_append, 2, -EBADMSG),
	LT_INL("inline leaves more than entered", lt_inline_append, 3, -EBADMSG),
	LT_INL("inline enters more than depth", lt_inline_append, 4, -EBADMSG),
	LT_INL("inline call site missing", lt_inline_append, 5, -EBADMSG),
	LT_INL("inline file id beyond file table", lt_inline_append, 6, -EBADMSG),
	LT_INL("inline entry beyond its block", lt_inline_append, 7, LT_SAME),
	LT_INL("inline dictionary entry beyond the dictionary", lt_inline_append,
	       8, -EBADMSG),
	LT_INL("inline dictionary entry cut short", lt_inline_append, 9,
	       -EBADMSG),
	LT_INL("inline page table beyond the index", lt_inline, LT_INL_PAGES,
	       LT_ANY),
	LT_BAD("inline pages over 64 KiB", lt_inline, LT_INL_SHIFT, -EBADMSG),
	LT_BAD("inline address unit over 8 bytes", lt_inline, LT_INL_ADDR_SHIFT,
	       -EBADMSG),
	LT_INL("inline dictionary file beyond file table", lt_inline,
	       LT_INL_DICT_FILE, LT_ANY),
};

static void lineinfo_corrupt_desc(const struct lineinfo_corrupt_case *c,
				  char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lineinfo_corrupt, lineinfo_corrupt_cases, lineinfo_corrupt_desc);

/*
 * Look up offsets spread over the whole text: any answer but a crash or a
 * stray read is fine, and a name must lie inside the table.
 */
#define LINEINFO_TEST_SWEEP	1024

static void lineinfo_sweep(struct kunit *test, const struct lineinfo_tbl *t,
			   u32 text_end)
{
	struct lineinfo_loc locs[LINEINFO_MAX_CHAIN];
	const u8 *lo = t->data, *hi = t->data + t->size;
	unsigned int line, bad = 0;
	const char *file;
	u64 off;
	int k, n, ret;

	for (k = 0; k <= LINEINFO_TEST_SWEEP; k++) {
		off = (u64)text_end * k / LINEINFO_TEST_SWEEP;
		ret = lineinfo_lookup(t->data, t->size, off, &file, &line);
		if (!ret) {
			size_t room = hi - (const u8 *)file;

			if ((const u8 *)file < lo || (const u8 *)file >= hi ||
			    strnlen(file, room) == room)
				bad++;
		} else if (ret != -ENOENT && ret != -EINVAL && ret != -EBADMSG &&
			   ret != -EPROTO) {
			bad++;
		}
		ret = lineinfo_lookup_chain(t->data, t->size, off, locs,
					    ARRAY_SIZE(locs));
		for (n = 0; n < ret && n < ARRAY_SIZE(locs); n++) {
			size_t room = hi - (const u8 *)locs[n].file;

			if ((const u8 *)locs[n].file < lo ||
			    (const u8 *)locs[n].file >= hi ||
			    strnlen(locs[n].file, room) == room)
				bad++;
		}
		if (!ret || (ret < 0 && ret != -ENOENT && ret != -EINVAL &&
			     ret != -EBADMSG && ret != -EPROTO))
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
}

struct lineinfo_answer {
	int ret;
	const char *file;
	unsigned int line;
	int n;				/* lineinfo_lookup_chain() */
	struct lineinfo_loc locs[LINEINFO_MAX_CHAIN];
};

static void lineinfo_answer(const void *table, size_t size, unsigned long off,
			    struct lineinfo_answer *a)
{
	a->file = NULL;
	a->line = 0;
	a->ret = lineinfo_lookup(table, size, off, &a->file, &a->line);
	a->n = lineinfo_lookup_chain(table, size, off, a->locs,
				     ARRAY_SIZE(a->locs));
}

/* The line (or with @chain, the chain) at @off is the intact table's. */
static void lineinfo_expect_same(struct kunit *test, const struct lineinfo_tbl *t,
				 unsigned long off, bool chain)
{
	struct lineinfo_answer *want, *got;
	int k;

	want = kunit_kzalloc(test, sizeof(*want), GFP_KERNEL);
	got = kunit_kzalloc(test, sizeof(*got), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);
	KUNIT_ASSERT_NOT_NULL(test, got);
	lineinfo_answer(li_table, li_table_size, off, want);
	lineinfo_answer(t->data, t->size, off, got);
	if (chain) {
		KUNIT_EXPECT_EQ_MSG(test, got->n, want->n, "offset %#lx", off);
		for (k = 0; k < got->n && k < want->n; k++) {
			KUNIT_EXPECT_STREQ(test, got->locs[k].file, want->locs[k].file);
			KUNIT_EXPECT_EQ(test, got->locs[k].line, want->locs[k].line);
		}
		return;
	}
	KUNIT_EXPECT_EQ_MSG(test, got->ret, want->ret, "offset %#lx", off);
	if (got->ret || want->ret)
		return;
	KUNIT_EXPECT_STREQ(test, got->file, want->file);
	KUNIT_EXPECT_EQ(test, got->line, want->line);
}

/* Check a result against an expectation that is not LT_SAME. */
static void lineinfo_expect_ret(struct kunit *test, const char *what, int got,
				int want)
{
	if (want == LT_ANY)
		return;
	if (want == LT_ERR)
		KUNIT_EXPECT_LT_MSG(test, got, 0, "%s", what);
	else
		KUNIT_EXPECT_EQ_MSG(test, got, want, "%s", what);
}

static int lineinfo_suite_init(struct kunit_suite *suite);

static void lineinfo_test_corrupt(struct kunit *test)
{
	const struct lineinfo_corrupt_case *c = test->param_value;
	const struct lineinfo_header *orig = (const void *)li_table;
	struct lineinfo_tbl t = { .test = test };
	struct lineinfo_answer *a;
	struct lineinfo_probe p;
	u32 text_end, name, f, nr_files;
	const char *why;
	int ret, chain;

	/* The suite's table is valid and answers the probe exactly. */
	if (!li_table)
		kunit_skip(test, "no line table for this module");
	KUNIT_ASSERT_GE(test, li_table_size, sizeof(*orig));
	KUNIT_ASSERT_LE(test, orig->table_size, li_table_size);
	KUNIT_ASSERT_EQ(test, lineinfo_validate(li_table, orig->table_size), 0);
	text_end = orig->text_end;

	a = kunit_kzalloc(test, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	lineinfo_test_inline_probe(&p);
	t.inl = p.addr - li_base;
	lineinfo_test_call_probe(&p);
	t.probe = p.addr - li_base;
	lineinfo_answer(li_table, orig->table_size, t.probe, a);
	KUNIT_ASSERT_EQ(test, a->ret, 0);
	KUNIT_ASSERT_STREQ(test, a->file, LINEINFO_TEST_FILE);
	KUNIT_ASSERT_EQ(test, a->line, p.lo);

	/* An exact-size copy, and where the cases aim in it. */
	KUNIT_ASSERT_NOT_NULL(test, lt_alloc(&t, orig->table_size, 0));
	memcpy(t.data, li_table, t.size);
	KUNIT_ASSERT_GE(test, lt_nr_blocks(&t), 3);
	t.block = lt_find_block(&t, t.probe);
	if (t.block + 1 == lt_nr_blocks(&t))
		t.block--;
	t.target = t.probe;
	/* far from the probe: in vmlinux, or at the end of this file */
	t.other = (IS_MODULE(CONFIG_LINEINFO_KUNIT_TEST) ?
		   (unsigned long)lineinfo_suite_init :
		   (unsigned long)lineinfo_lookup) - li_base;
	KUNIT_ASSERT_NE(test, lt_find_block(&t, t.other), t.block);
	/* from the offset of the probe's file name to its file number */
	name = (const u8 *)a->file - (const u8 *)li_table - lt_sect(&t, 3)->offset;
	nr_files = lt_sect(&t, 1)->size / sizeof(u32);
	for (f = 0; f < nr_files; f++)
		if (((u32 *)lt_part(&t, 1))[f] == name)
			break;
	KUNIT_ASSERT_LT(test, f, nr_files);
	t.probe_file = f;

	ret = c->corrupt(&t, c->arg);
	if (ret == -EOPNOTSUPP)
		kunit_skip(test, "not applicable to this table");
	KUNIT_ASSERT_EQ(test, ret, 0);

	lineinfo_expect_ret(test, "validate", lineinfo_validate(t.data, t.size),
			    c->validate);
	/* the same verdict with a reason, and a reason only for a refusal */
	why = NULL;
	ret = lineinfo_validate_why(t.data, t.size, &why);
	KUNIT_EXPECT_EQ(test, ret, lineinfo_validate(t.data, t.size));
	if (ret)
		KUNIT_EXPECT_TRUE_MSG(test, why && why[0], "refused without a reason");
	else
		KUNIT_EXPECT_NULL(test, why);
	if (c->lookup == LT_SAME) {
		lineinfo_expect_same(test, &t, t.target, false);
	} else {
		lineinfo_answer(t.data, t.size, t.target, a);
		lineinfo_expect_ret(test, "lookup", a->ret,
				    c->lookup == LT_AS_VALIDATE ? c->validate : c->lookup);
	}
	/* the chain: as the line unless the case says otherwise */
	chain = c->chain ? c->chain : c->lookup;
	if (chain == LT_SAME) {
		lineinfo_expect_same(test, &t, t.target, true);
	} else {
		lineinfo_answer(t.data, t.size, t.target, a);
		lineinfo_expect_ret(test, "lookup_chain", a->n,
				    chain == LT_AS_VALIDATE ? c->validate : chain);
	}
	if (t.control)
		lineinfo_expect_same(test, &t, t.other, false);
	lineinfo_sweep(test, &t, text_end);
}

static struct kunit_case lineinfo_test_cases[] = {
	KUNIT_CASE(lineinfo_test_match_rejects),
	KUNIT_CASE_PARAM(lineinfo_test_self, lineinfo_self_gen_params),
	KUNIT_CASE_PARAM(lineinfo_test_noinfo, lineinfo_noinfo_gen_params),
	KUNIT_CASE(lineinfo_test_text_end),
	KUNIT_CASE(lineinfo_test_small_buffer),
	KUNIT_CASE(lineinfo_test_hardirq),
	KUNIT_CASE(lineinfo_test_all_cpus),
	KUNIT_CASE_PARAM(lineinfo_test_corrupt, lineinfo_corrupt_gen_params),
	{}
};

static int lineinfo_suite_init(struct kunit_suite *suite)
{
	li_vmlinux = lineinfo_vmlinux_text(&li_vmlinux_size, &li_text, &li_etext);
#ifdef MODULE
	li_table = lineinfo_test_module()->table;
	li_table_size = lineinfo_test_module()->size;
	li_base = lineinfo_test_module()->base;
#else
	li_table = li_vmlinux;
	li_table_size = li_vmlinux_size;
	li_base = li_text;
#endif
	return 0;
}

static struct kunit_suite lineinfo_test_suite = {
	.name = "lineinfo",
	.suite_init = lineinfo_suite_init,
	.test_cases = lineinfo_test_cases,
};

kunit_test_suite(lineinfo_test_suite);

MODULE_DESCRIPTION("KUnit tests for source line tables");
/*
 * MODULE_IMPORT_NS() takes a string since v6.13 and a bare name before;
 * the modinfo tag it expands to is the same on both.
 */
MODULE_INFO(import_ns, "EXPORTED_FOR_KUNIT_TESTING");
MODULE_LICENSE("GPL");
