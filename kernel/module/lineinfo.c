// SPDX-License-Identifier: GPL-2.0
/*
 * Source line tables of modules.
 *
 * scripts/Makefile.modfinal adds the table of a module's .text as section
 * .mod_lineinfo and that of its .init.text as .init.mod_lineinfo. Offsets
 * in a table are relative to the start of the section it describes; the
 * loader binds them to the addresses where it placed .text and .init.text.
 * A module is a file on disk: its tables are validated once here, and the
 * lookup still checks everything it reads inside them.
 */

#include <linux/array_size.h>
#include <linux/kallsyms.h>
#include <linux/lineinfo.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>

#include "internal.h"

static void module_lineinfo_check(struct module *mod, struct mod_lineinfo *li,
				  const char *what)
{
	const char *why = "unknown";
	int ret;

	if (!li->table)
		return;
	/* A table for text the module does not have (no init code) */
	if (!li->base) {
		li->table = NULL;
		return;
	}
	ret = lineinfo_validate_why(li->table, li->size, &why);
	if (ret) {
		pr_warn("%s: ignoring malformed line table %s: %s (%d)\n",
			mod->name, what, why, ret);
		li->table = NULL;
		li->size = 0;
	}
}

/**
 * module_lineinfo_setup() - check the line tables of a module being loaded
 * @mod: the module, its sections laid out and copied
 *
 * Tables that fail lineinfo_validate() are dropped with a warning; the
 * module loads anyway.
 *
 * Context: Process context, during module load.
 */
void module_lineinfo_setup(struct module *mod)
{
	module_lineinfo_check(mod, &mod->lineinfo, ".mod_lineinfo");
	module_lineinfo_check(mod, &mod->lineinfo_init, ".init.mod_lineinfo");
}

/**
 * module_lineinfo_free_init() - stop using the init text table of a module
 * @mod: the module whose init memory is about to be freed
 *
 * Readers run inside an RCU read-side critical section; the init memory is
 * freed only after an RCU grace period (do_free_init()), so no reader still
 * holds it then.
 *
 * Context: Process context, module_mutex held.
 */
void module_lineinfo_free_init(struct module *mod)
{
	WRITE_ONCE(mod->lineinfo_init.table, NULL);
}

static int module_lineinfo_find(const struct mod_lineinfo *li,
				unsigned long addr, struct lineinfo_loc *locs,
				unsigned int max)
{
	const void *table = READ_ONCE(li->table);

	if (!table || addr < li->base)
		return -ENOENT;
	/* module_lineinfo_check() validated the table; it is read-only */
	return __lineinfo_lookup_chain(table, addr - li->base, locs, max);
}

/**
 * module_lineinfo_sprint() - source line annotation of a module address
 * @buf: output buffer
 * @size: size of @buf
 * @addr: text address (for a return address, minus one)
 *
 * The module cannot go away while its table is read and the result is
 * formatted: both happen inside an RCU read-side critical section, which
 * free_module() waits for.
 *
 * Context: Any context, including NMI.
 * Return: as lineinfo_sprint().
 */
int module_lineinfo_sprint(char *buf, size_t size, unsigned long addr)
{
	struct lineinfo_loc locs[LINEINFO_SPRINT_LOCS];
	struct module *mod;
	int n = -ENOENT;

	rcu_read_lock();
	mod = __module_address(addr);
	if (mod) {
		n = module_lineinfo_find(&mod->lineinfo, addr, locs,
					 ARRAY_SIZE(locs));
		if (n == -ENOENT)
			n = module_lineinfo_find(&mod->lineinfo_init, addr,
						 locs, ARRAY_SIZE(locs));
		if (n > 0)
			n = lineinfo_format_chain(buf, size, locs,
						  min_t(int, n, ARRAY_SIZE(locs)));
	}
	rcu_read_unlock();
	return n;
}
