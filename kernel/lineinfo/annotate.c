// SPDX-License-Identifier: GPL-2.0
/*
 * Source line annotations for stack traces.
 *
 * vmlinux carries two tables generated at link time by scripts/gen_lineinfo
 * (see scripts/link-vmlinux.sh): one for _text.._etext and one for the init
 * text, which lives in init memory and is unpublished before that memory
 * is freed. Modules carry theirs in .mod_lineinfo and
 * .init.mod_lineinfo (kernel/module/lineinfo.c).
 *
 * This file is always built, whatever the configuration, so that callers
 * such as the x86 stack dumper do not depend on CONFIG_KALLSYMS_LINEINFO
 * and toggling it does not rebuild them.
 */

#include <kunit/visibility.h>
#include <linux/cache.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/lineinfo.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sprintf.h>
#include <asm/sections.h>

/*
 * The init text table is in init memory. It is published here, and
 * unpublished before that memory is freed (lineinfo_free_initmem()):
 * readers use it inside an RCU read-side critical section only.
 * Referencing init data from here is safe for that reason.
 */
#ifdef CONFIG_KALLSYMS_LINEINFO
static const u8 __rcu *lineinfo_init_table __ro_after_init =
	RCU_INITIALIZER(lineinfo_vmlinux_init);
#else
static const u8 __rcu *lineinfo_init_table;
#endif

/* Warn once, at boot, about a vmlinux table that cannot be used. */
static int __init lineinfo_vmlinux_check(void)
{
	int ret;

	if (!IS_ENABLED(CONFIG_KALLSYMS_LINEINFO))
		return 0;
	ret = lineinfo_check(lineinfo_vmlinux,
			     lineinfo_vmlinux_end - lineinfo_vmlinux);
	if (ret)
		pr_warn("lineinfo: unusable line table in vmlinux (%d)\n", ret);
	return 0;
}
core_initcall(lineinfo_vmlinux_check);

/**
 * lineinfo_free_initmem() - stop using the init text table of vmlinux
 *
 * Called by kernel_init() before the init memory, which holds the table,
 * is freed. Lookups that may still be reading it end within the grace
 * period waited for here.
 *
 * Context: Process context, may sleep.
 */
void __init lineinfo_free_initmem(void)
{
	if (!IS_ENABLED(CONFIG_KALLSYMS_LINEINFO))
		return;
	RCU_INIT_POINTER(lineinfo_init_table, NULL);
	synchronize_rcu();
}

/*
 * Both tables are looked up through lineinfo_lookup_chain(), which checks
 * the header and section descriptors on every call, in constant time: an
 * oops early in boot comes before lineinfo_vmlinux_check(). The caller
 * holds rcu_read_lock().
 */
static int lineinfo_vmlinux_find(unsigned long addr, struct lineinfo_loc *locs,
				 unsigned int max)
{
	unsigned long text = (unsigned long)_text;
	unsigned long init = (unsigned long)_sinittext;
	const u8 *table;

	if (addr >= text && addr < (unsigned long)_etext)
		return lineinfo_lookup_chain(lineinfo_vmlinux,
					     lineinfo_vmlinux_end - lineinfo_vmlinux,
					     addr - text, locs, max);
	if (addr < init || addr >= (unsigned long)_einittext)
		return -ENOENT;
	table = rcu_dereference(lineinfo_init_table);
	if (!table)
		return -ENOENT;
	return lineinfo_lookup_chain(table,
				     lineinfo_vmlinux_init_end - lineinfo_vmlinux_init,
				     addr - init, locs, max);
}

/**
 * lineinfo_format_chain() - format " (file:line ...)" for a lookup result
 * @buf: output buffer
 * @size: size of @buf
 * @locs: the locations, innermost first, as lineinfo_lookup_chain()
 *	stores them
 * @n: number of locations in @locs, at least 1
 *
 * The locations are separated by single spaces, as
 * scripts/decode_stacktrace.sh prints addr2line -i's answer.  If the whole
 * chain does not fit, only the line is written: a chain is never cut.
 *
 * Context: Any context.
 * Return: the length written, or -ENAMETOOLONG if not even the line fits
 * (then @buf holds an empty string, never a truncated name).
 */
int lineinfo_format_chain(char *buf, size_t size,
			  const struct lineinfo_loc *locs, int n)
{
	size_t len = 0;
	int k, ret;

	for (k = 0; k < n; k++) {
		ret = snprintf(buf + len, size - len, "%s%s:%u",
			       k ? " " : " (", locs[k].file, locs[k].line);
		if (ret < 0 || ret >= size - len)
			break;
		len += ret;
	}
	/* room for ")" and the NUL */
	if (k == n && len + 1 < size) {
		buf[len++] = ')';
		buf[len] = '\0';
		return len;
	}
	if (n > 1)
		return lineinfo_format_chain(buf, size, locs, 1);
	if (size)
		buf[0] = '\0';
	return -ENAMETOOLONG;
}

/**
 * lineinfo_format() - format " (file:line)" for one lookup result
 * @buf: output buffer
 * @size: size of @buf
 * @file: source file name
 * @line: line number
 *
 * Context: Any context.
 * Return: the length written, or -ENAMETOOLONG if it does not fit (then
 * @buf holds an empty string, never a truncated name).
 */
int lineinfo_format(char *buf, size_t size, const char *file,
		    unsigned int line)
{
	struct lineinfo_loc loc = { .file = file, .line = line };

	return lineinfo_format_chain(buf, size, &loc, 1);
}

/**
 * lineinfo_sprint() - source line annotation of a text address
 * @buf: output buffer, e.g. of LINEINFO_SPRINT_LEN bytes
 * @size: size of @buf
 * @addr: text address; for a return address pass the address of the call,
 *	that is the return address minus one, as %pB does for the symbol
 *
 * Writes " (file:line)" for @addr in vmlinux or in a module that has a
 * line table; with CONFIG_KALLSYMS_LINEINFO_INLINE, for an address in
 * inlined code, " (file:line file:line ...)": the line, then the call
 * sites out to the function that holds @addr (see lineinfo_format_chain()).
 * Nothing is allocated and no lock is taken: the tables that can go away
 * (init text, modules) are read inside an RCU read-side critical section.
 *
 * Context: Any context where RCU is watching, including NMI and panic.
 * Return: the length written, or a negative errno (then @buf holds an empty
 * string): -ENOENT if there is no line information for @addr, the error of
 * lineinfo_lookup_chain() (such as -EINVAL or -EBADMSG) if the table is
 * malformed, -ENAMETOOLONG if the result does not fit @buf.
 */
int lineinfo_sprint(char *buf, size_t size, unsigned long addr)
{
	struct lineinfo_loc locs[LINEINFO_SPRINT_LOCS];
	int n;

	if (size)
		buf[0] = '\0';
	if (!IS_ENABLED(CONFIG_KALLSYMS_LINEINFO))
		return -ENOENT;

	/*
	 * The names are in the table: in init or module memory, they must be
	 * formatted before the critical section ends.
	 */
	rcu_read_lock();
	n = lineinfo_vmlinux_find(addr, locs, ARRAY_SIZE(locs));
	if (n == -ENOENT && IS_ENABLED(CONFIG_KALLSYMS_LINEINFO_MODULES))
		n = module_lineinfo_lookup(addr, locs, ARRAY_SIZE(locs));
	if (n > 0)
		n = lineinfo_format_chain(buf, size, locs,
					  min_t(int, n, ARRAY_SIZE(locs)));
	rcu_read_unlock();
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(lineinfo_sprint);

#if IS_ENABLED(CONFIG_KUNIT) && IS_ENABLED(CONFIG_KALLSYMS_LINEINFO)
/**
 * lineinfo_vmlinux_text() - the vmlinux text table, for its KUnit test
 * @size: where to store the size of the table
 * @start: where to store the start of the text it describes (_text)
 * @end: where to store the end of that text (_etext)
 *
 * Context: Any context.
 * Return: the table.
 */
const u8 *lineinfo_vmlinux_text(size_t *size, unsigned long *start,
				unsigned long *end)
{
	*size = lineinfo_vmlinux_end - lineinfo_vmlinux;
	*start = (unsigned long)_text;
	*end = (unsigned long)_etext;
	return lineinfo_vmlinux;
}
EXPORT_SYMBOL_IF_KUNIT(lineinfo_vmlinux_text);
#endif
