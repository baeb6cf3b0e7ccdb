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
 * - A table is checked once the loader is done with it: after relocation,
 *   and after module_enable_rodata_ro(), so that what was checked is what
 *   later lookups read. A table in a writable or executable section, or
 *   one that a relocation section targets, is refused.
 * - Every lookup is bounded by the size of the text section the table
 *   describes, and goes through lineinfo_lookup_chain(), which checks the
 *   header and section descriptors again (in constant time) and
 *   everything it reads inside the table.
 * - A table is published with rcu_assign_pointer() and read under
 *   rcu_read_lock(). The init table is unpublished before the module's
 *   init memory is freed after a grace period (do_free_init()); the whole
 *   module is freed after one as well (free_module()).
 */

#include <linux/array_size.h>
#include <linux/elf.h>
#include <linux/kallsyms.h>
#include <linux/lineinfo.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/string.h>

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

	*err = -EPERM;
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
		*err = -ERANGE;
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
		pr_warn("%s: ignoring malformed line table %s: %s (%d)\n",
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
 *
 * Context: Process context, during module load.
 */
void module_lineinfo_setup(struct module *mod, const struct load_info *info)
{
	RCU_INIT_POINTER(mod->lineinfo, NULL);
	RCU_INIT_POINTER(mod->lineinfo_init, NULL);
	memset(&mod->core_lineinfo, 0, sizeof(mod->core_lineinfo));
	memset(&mod->init_lineinfo, 0, sizeof(mod->init_lineinfo));
	module_lineinfo_bind(mod, info, &mod->lineinfo, &mod->core_lineinfo,
			     ".mod_lineinfo", ".text");
	module_lineinfo_bind(mod, info, &mod->lineinfo_init,
			     &mod->init_lineinfo, ".init.mod_lineinfo",
			     ".init.text");
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
 * module_lineinfo_sprint() - source line annotation of a module address
 * @buf: output buffer
 * @size: size of @buf
 * @addr: text address (for a return address, minus one)
 *
 * The module cannot go away while its table is read and the result is
 * formatted: both happen inside an RCU read-side critical section, which
 * free_module() and do_free_init() wait for.
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
		n = module_lineinfo_find(rcu_dereference(mod->lineinfo), addr,
					 locs, ARRAY_SIZE(locs));
		if (n == -ENOENT)
			n = module_lineinfo_find(rcu_dereference(mod->lineinfo_init),
						 addr, locs, ARRAY_SIZE(locs));
		if (n > 0)
			n = lineinfo_format_chain(buf, size, locs,
						  min_t(int, n, ARRAY_SIZE(locs)));
	}
	rcu_read_unlock();
	return n;
}
