// SPDX-License-Identifier: GPL-2.0
/*
 * Source line tables of modules.
 *
 * scripts/Makefile.modfinal adds the table of a module's .text as section
 * .mod_lineinfo and that of its .init.text as .init.mod_lineinfo. Offsets
 * in a table are relative to the start of the section it describes.
 *
 * A module is a file on disk, so its tables are untrusted:
 *
 * - Every lookup is bounded by the size of the text section the table
 *   describes, and goes through lineinfo_lookup_chain(), which checks the
 *   header and section descriptors again (in constant time) and
 *   everything it reads inside the table. Safety rests on that alone.
 * - As defence in depth, a table is checked once the loader is done with
 *   it, after relocation and module_enable_rodata_ro(), and refused if
 *   its section is writable or executable, or if a relocation section
 *   targets it: such a table could change after the check, and a lookup
 *   would then give no annotation (or a wrong one) instead of the line.
 * - A table is published with rcu_assign_pointer() and read under
 *   rcu_read_lock(). The init table is unpublished before the module's
 *   init memory is freed after a grace period (do_free_init()); the whole
 *   module is freed after one as well (free_module()).
 */

#include <linux/elf.h>
#include <linux/limits.h>
#include <linux/lineinfo.h>
#include <linux/lockdep.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/string.h>
#include <asm/barrier.h>

#include "internal.h"

/* The index of an allocated section of the module, by name, or 0. */
static unsigned int module_lineinfo_sec(const struct load_info *info,
					const char *name)
{
	unsigned int i;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		if ((info->sechdrs[i].sh_flags & SHF_ALLOC) &&
		    !strcmp(info->secstrings + info->sechdrs[i].sh_name, name))
			return i;
	}
	return 0;
}

/*
 * Why the table in section @idx, describing section @text, cannot be
 * used; NULL if it can. The table has been relocated and made read-only.
 */
static const char *module_lineinfo_refuse(const struct load_info *info,
					  unsigned int idx, unsigned int text,
					  int *err)
{
	const struct lineinfo_header *hdr;
	unsigned long flags = info->sechdrs[idx].sh_flags;
	const char *why = NULL;
	unsigned int i, type;

	*err = -ENOEXEC;
	if (info->sechdrs[idx].sh_size > UINT_MAX)
		return "section too large";
	if (flags & (SHF_WRITE | SHF_EXECINSTR))
		return flags & SHF_WRITE ? "writable section" :
					   "executable section";
	for (i = 1; i < info->hdr->e_shnum; i++) {
		type = info->sechdrs[i].sh_type;
		if ((type == SHT_REL || type == SHT_RELA) &&
		    info->sechdrs[i].sh_info == idx)
			return "relocated section";
	}
	hdr = (const void *)info->sechdrs[idx].sh_addr;
	*err = lineinfo_validate_why(hdr, info->sechdrs[idx].sh_size, &why);
	if (*err)
		return why;
	if (hdr->text_end > info->sechdrs[text].sh_size) {
		*err = -ENOEXEC;
		return "describes more text than the section has";
	}
	return NULL;
}

static void module_lineinfo_bind(struct module *mod,
				 const struct load_info *info,
				 struct mod_lineinfo __rcu **slot,
				 struct mod_lineinfo *li, const char *name,
				 const char *text_name)
{
	unsigned int idx, text;
	const char *why;
	int err;

	idx = module_lineinfo_sec(info, name);
	text = module_lineinfo_sec(info, text_name);
	/* No table, an empty one, or one for text the module does not have */
	if (!idx || !text || !info->sechdrs[idx].sh_size)
		return;
	why = module_lineinfo_refuse(info, idx, text, &err);
	if (why) {
		pr_warn("%s: ignoring line table %s: %s (%d)\n",
			mod->name, name, why, err);
		return;
	}
	li->table = (const void *)info->sechdrs[idx].sh_addr;
	li->size = info->sechdrs[idx].sh_size;
	li->base = info->sechdrs[text].sh_addr;
	li->text_size = info->sechdrs[text].sh_size;
	rcu_assign_pointer(*slot, li);
}

/**
 * module_lineinfo_setup() - check and publish the line tables of a module
 * @mod: the module, relocated, its read-only data protected, not yet
 *	visible to address lookups (%MODULE_STATE_UNFORMED)
 * @info: the module's load info
 *
 * The pointers are cleared first: &struct module comes from the module
 * file. A table that cannot be used is dropped with one warning that
 * names the module, the section and the reason; the module loads anyway.
 * The caller then moves @mod out of %MODULE_STATE_UNFORMED: lookups skip
 * a module in that state, whose pointers may still be the file's.
 *
 * Context: Process context, during module load, module_mutex held.
 */
void module_lineinfo_setup(struct module *mod, const struct load_info *info)
{
	lockdep_assert_held(&module_mutex);
	RCU_INIT_POINTER(mod->lineinfo, NULL);
	RCU_INIT_POINTER(mod->lineinfo_init, NULL);
	memset(&mod->core_lineinfo, 0, sizeof(mod->core_lineinfo));
	memset(&mod->init_lineinfo, 0, sizeof(mod->init_lineinfo));
	module_lineinfo_bind(mod, info, &mod->lineinfo, &mod->core_lineinfo,
			     ".mod_lineinfo", ".text");
	module_lineinfo_bind(mod, info, &mod->lineinfo_init,
			     &mod->init_lineinfo, ".init.mod_lineinfo",
			     ".init.text");
	/* the pointers before the state; pairs with module_lineinfo_lookup() */
	smp_wmb();
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
	RCU_INIT_POINTER(mod->lineinfo_init, NULL);
}

static int module_lineinfo_find(const struct mod_lineinfo *li,
				unsigned long addr, struct lineinfo_loc *locs,
				unsigned int max)
{
	if (!li || addr < li->base || addr - li->base >= li->text_size)
		return -ENOENT;
	return lineinfo_lookup_chain(li->table, li->size, addr - li->base,
				     locs, max);
}

/**
 * module_lineinfo_lookup() - source line and call sites of a module address
 * @addr: text address (for a return address, minus one)
 * @locs: where to store them, innermost first
 * @max: number of entries of @locs
 *
 * The names in @locs point into the module's table: the caller holds
 * rcu_read_lock() from before the call until it is done with them, and
 * free_module() and do_free_init() wait for it.
 *
 * The module list is walked rather than asking __module_address(): the
 * published tables carry their own bounds, and __module_address() BUG()s
 * on an init text address when it races with the end of do_init_module(),
 * which clears the module's init ranges while the address tree may
 * still lead a reader to them.
 *
 * Context: Any context where RCU is watching, including NMI, inside an
 * RCU read-side critical section.
 * Return: as lineinfo_lookup_chain(); -ENOENT if @addr is in no module's
 * text that has a table.
 */
int module_lineinfo_lookup(unsigned long addr, struct lineinfo_loc *locs,
			   unsigned int max)
{
	struct module *mod;
	int n;

	list_for_each_entry_rcu(mod, &modules, list) {
		/* listed before its pointers are set up: not looked at yet */
		if (READ_ONCE(mod->state) == MODULE_STATE_UNFORMED)
			continue;
		/* pairs with the smp_wmb() of module_lineinfo_setup() */
		smp_rmb();
		n = module_lineinfo_find(rcu_dereference(mod->lineinfo), addr,
					 locs, max);
		if (n == -ENOENT)
			n = module_lineinfo_find(rcu_dereference(mod->lineinfo_init),
						 addr, locs, max);
		if (n != -ENOENT)
			return n;
	}
	return -ENOENT;
}
