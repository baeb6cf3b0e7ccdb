// SPDX-License-Identifier: GPL-2.0
/*
 * Unload race test, driver side: a kthread on another CPU than /init's
 * calls lineinfo_sprint() over and over on addresses inside
 * lineinfo_race_target, which /init loads and unloads in a loop. The
 * addresses are kept after the target goes away, so lookups also hit
 * the window right after the unload and the time after it.
 *
 * Every answer must be the one given while the target was loaded (each
 * reference is printed as a frame line, for the boot test to check
 * against addr2line), or no annotation at all, or, when the next load
 * of the target got the same addresses, a line that the target's own
 * table gives somewhere in its text (the set of those is taken once,
 * byte by byte). Anything else is wrong. The summary is printed when
 * this module is unloaded. An empty answer is always accepted: the
 * thread cannot tell whether the target was loaded at that moment, so a
 * lookup that wrongly found nothing would go unnoticed here (the boot
 * test's annotated traces cover that).
 */
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "lineinfo_race.h"

#define RACE_MAX_IPS	8
#define RACE_MAX_LINES	64

static DEFINE_SPINLOCK(race_lock);
static unsigned long race_ips[RACE_MAX_IPS];
static char race_refs[RACE_MAX_IPS][LINEINFO_SPRINT_LEN];
static bool race_in_init[RACE_MAX_IPS];
static int race_nr_ips;
static unsigned long race_loads;
/* every annotation the target's tables give, taken at its first load */
static char race_lines[RACE_MAX_LINES][LINEINFO_SPRINT_LEN];
static int race_nr_lines;

static unsigned long nr_lookups, nr_annotated, nr_reused, nr_empty, nr_wrong;
/* of those, lookups of the target's init text */
static unsigned long nr_init_lookups, nr_init_annotated, nr_init_empty;
static struct task_struct *race_task;

static bool race_known_line(const char *s)
{
	int i;

	for (i = 0; i < race_nr_lines; i++)
		if (!strcmp(s, race_lines[i]))
			return true;
	return false;
}

/* Every distinct annotation of the text of @mod, core and init. */
static void race_collect_lines(struct module *mod)
{
	static const enum mod_mem_type types[] = { MOD_TEXT, MOD_INIT_TEXT };
	char buf[LINEINFO_SPRINT_LEN];
	unsigned long a, end;
	int t;

	for (t = 0; t < ARRAY_SIZE(types); t++) {
		a = (unsigned long)mod->mem[types[t]].base;
		end = a + mod->mem[types[t]].size;
		for (; a < end; a++) {
			lineinfo_sprint(buf, sizeof(buf), a);
			if (!buf[0] || race_known_line(buf))
				continue;
			if (race_nr_lines == RACE_MAX_LINES)
				return;
			strscpy(race_lines[race_nr_lines++], buf);
		}
	}
}

/**
 * lineinfo_race_register() - addresses of the target to look up
 * @mod: the target
 * @ips: text addresses inside the target
 * @n: number of @ips
 *
 * Called by the target's init: it is loaded, so the answers now are the
 * references. The first registration prints them and collects the lines
 * of the whole target.
 */
void lineinfo_race_register(struct module *mod, const unsigned long *ips,
			    int n)
{
	char refs[RACE_MAX_IPS][LINEINFO_SPRINT_LEN];
	bool in_init[RACE_MAX_IPS];
	bool first;
	int i;

	n = min(n, RACE_MAX_IPS);
	if (!race_loads)
		race_collect_lines(mod);
	for (i = 0; i < n; i++) {
		lineinfo_sprint(refs[i], sizeof(refs[i]), ips[i]);
		in_init[i] = within_module_init(ips[i], mod);
	}
	spin_lock(&race_lock);
	first = !race_loads++;
	memcpy(race_ips, ips, n * sizeof(*ips));
	memcpy(race_refs, refs, n * sizeof(refs[0]));
	memcpy(race_in_init, in_init, n * sizeof(in_init[0]));
	race_nr_ips = n;
	spin_unlock(&race_lock);
	/* as frame lines, " sym+off/size [mod] (file:line)", for check-lines.py */
	for (i = 0; first && i < n; i++)
		pr_info(" %pB%s\n", (void *)(ips[i] + 1), refs[i]);
}
EXPORT_SYMBOL_GPL(lineinfo_race_register);

static int race_thread(void *unused)
{
	unsigned long ips[RACE_MAX_IPS];
	char refs[RACE_MAX_IPS][LINEINFO_SPRINT_LEN];
	bool in_init[RACE_MAX_IPS];
	char buf[LINEINFO_SPRINT_LEN];
	int i, n;

	while (!kthread_should_stop()) {
		spin_lock(&race_lock);
		n = race_nr_ips;
		memcpy(ips, race_ips, sizeof(ips));
		memcpy(refs, race_refs, sizeof(refs));
		memcpy(in_init, race_in_init, sizeof(in_init));
		spin_unlock(&race_lock);
		for (i = 0; i < n; i++) {
			lineinfo_sprint(buf, sizeof(buf), ips[i]);
			nr_lookups++;
			nr_init_lookups += in_init[i];
			if (!buf[0]) {
				nr_empty++;
				nr_init_empty += in_init[i];
			} else if (refs[i][0] && !strcmp(buf, refs[i])) {
				nr_annotated++;
				nr_init_annotated += in_init[i];
			} else if (race_known_line(buf)) {
				nr_reused++;
			} else if (!nr_wrong++) {
				pr_err("lineinfo_race: wrong answer for %pS: '%s', not '%s'\n",
				       (void *)ips[i], buf, refs[i]);
			}
		}
		cond_resched();
	}
	return 0;
}

static int __init lineinfo_race_init(void)
{
	unsigned int cpu = cpumask_last(cpu_online_mask);

	if (cpu == raw_smp_processor_id() || num_online_cpus() < 2)
		pr_warn("lineinfo_race: only one CPU, the race is not concurrent\n");
	race_task = kthread_create(race_thread, NULL, "lineinfo_race");
	if (IS_ERR(race_task))
		return PTR_ERR(race_task);
	kthread_bind(race_task, cpu);
	wake_up_process(race_task);
	pr_info("lineinfo_race: looking up on CPU %u\n", cpu);
	return 0;
}

static void __exit lineinfo_race_exit(void)
{
	kthread_stop(race_task);
	pr_info("lineinfo_race: %lu loads of the target (%d lines), %lu lookups: %lu annotated as when loaded, %lu with another line of a reloaded target, %lu without annotation, %lu wrong\n",
		race_loads, race_nr_lines, nr_lookups, nr_annotated, nr_reused,
		nr_empty, nr_wrong);
	pr_info("lineinfo_race: init text: %lu lookups: %lu annotated as when loaded, %lu without annotation\n",
		nr_init_lookups, nr_init_annotated, nr_init_empty);
}

module_init(lineinfo_race_init);
module_exit(lineinfo_race_exit);
/* lineinfo_sprint() is exported for tests only (EXPORT_SYMBOL_IF_KUNIT) */
MODULE_INFO(import_ns, "EXPORTED_FOR_KUNIT_TESTING");
MODULE_DESCRIPTION("lineinfo lookups on a module that is loaded and unloaded");
MODULE_LICENSE("GPL");
