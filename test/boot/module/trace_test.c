// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-test module: dumps the stack and warns from a known call chain
 * (noinline and inlined functions) so the boot test can check every
 * frame of the resulting traces.
 */
#include <linux/bug.h>
#include <linux/module.h>
#include <linux/printk.h>

static int trace_test_depth;

static __always_inline void trace_test_inlined(void)
{
	pr_info("trace_test: dump_stack from an inlined function\n");
	dump_stack();
	/* a statement after the call keeps it from becoming a tail call */
	trace_test_depth++;
}

static noinline void trace_test_level3(void)
{
	trace_test_inlined();
	WARN(1, "trace_test: warning from %s\n", __func__);
	trace_test_depth++;
}

static noinline void trace_test_level2(void)
{
	trace_test_level3();
	trace_test_depth++;
}

static noinline void trace_test_level1(void)
{
	trace_test_level2();
	trace_test_depth++;
}

static int __init trace_test_init(void)
{
	trace_test_level1();
	pr_info("trace_test: loaded, depth %d\n", trace_test_depth);
	return 0;
}

static void __exit trace_test_exit(void)
{
}

module_init(trace_test_init);
module_exit(trace_test_exit);
MODULE_DESCRIPTION("Stack traces from a known call chain for the boot test");
MODULE_LICENSE("GPL");
