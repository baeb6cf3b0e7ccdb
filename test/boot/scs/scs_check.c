// SPDX-License-Identifier: GPL-2.0
/*
 * Did the dynamic shadow call stack patching happen? On an arm64 CPU
 * without pointer authentication, a kernel built with
 * UNWIND_PATCH_PAC_INTO_SCS rewrites the PACIASP that opens a function
 * and the AUTIASP before its return into a shadow call stack push and
 * pop: at boot for vmlinux, at load for a module (both through
 * arch/arm64/kernel/pi/patch-scs.c, driven by .eh_frame). This module
 * reads the first instructions of an exported kernel function and of
 * one of its own, and says what it found; test/boot/check-llvm.py reads
 * the verdicts from the boot log.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

#define PACIASP		0xd503233f
#define SCS_PUSH	0xf800865e	/* str x30, [x18], #8 */

static const char *prologue(const void *fn)
{
	const u32 *insn = fn;
	int i;

	for (i = 0; i < 8; i++) {
		if (insn[i] == SCS_PUSH)
			return "patched";
		if (insn[i] == PACIASP)
			return "unpatched";
	}
	return "unknown";
}

/* not a leaf, so it saves x30: PACIASP (or the SCS push) comes first */
static noinline int scs_check_nonleaf(int n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	kfree(p);
	return p ? 0 : -ENOMEM;
}

static int __init scs_check_init(void)
{
	pr_info("scs_check: _printk %s, kfree %s, module %s\n",
		prologue(_printk), prologue(kfree), prologue(scs_check_nonleaf));
	return scs_check_nonleaf(16);
}

static void __exit scs_check_exit(void)
{
}

module_init(scs_check_init);
module_exit(scs_check_exit);
MODULE_DESCRIPTION("Check the arm64 dynamic shadow call stack patching");
MODULE_LICENSE("GPL");
