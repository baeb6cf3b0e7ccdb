// SPDX-License-Identifier: GPL-2.0
/*
 * Stress test of the vmlinux init line table against free_initmem().
 *
 * The init text table lives in init memory. kernel_init() unpublishes it
 * (lineinfo_free_initmem()) and waits for a grace period before it frees
 * that memory. This test looks up init text addresses, and prints
 * backtraces of itself and of every CPU, from a late initcall through the
 * freeing of init memory, until it is stopped by writing to its "stop"
 * parameter (/sys/module/lineinfo_init_race/parameters/stop). It runs on
 * another CPU than the initcall's: kernel_init() is not pinned, but the
 * thread keeps its CPU busy, so the two mostly run side by side. With
 * CONFIG_DEBUG_PAGEALLOC the freed pages are unmapped, so a lookup that
 * read the table after it was freed would fault.
 *
 * Every answer must be the one given when the test started or, once the
 * table is gone, no annotation. The summary counts both kinds and the
 * wrong answers.
 */

#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/minmax.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/nmi.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>

#define INIT_RACE_IPS		4
/* a backtrace every 10 ms at most: the init window is short */
#define INIT_RACE_DUMP_JIFFIES	max(HZ / 100, 1)

static unsigned long init_race_ips[INIT_RACE_IPS];
static char init_race_refs[INIT_RACE_IPS][LINEINFO_SPRINT_LEN];
static unsigned long nr_rounds, nr_lookups, nr_annotated, nr_empty;
static unsigned long nr_wrong, nr_dumps;
static struct task_struct *init_race_task;
static DEFINE_MUTEX(init_race_lock);
static DECLARE_COMPLETION(init_race_started);
static int init_race_sink;

static noinline void __init init_race_a(void)
{
	init_race_ips[0] = _THIS_IP_;
	WRITE_ONCE(init_race_sink, init_race_sink + 1);
}

static noinline void __init init_race_b(int n)
{
	int i;

	for (i = 0; i < n; i++)
		WRITE_ONCE(init_race_sink, init_race_sink ^ i);
	init_race_ips[1] = _THIS_IP_;
}

static void init_race_dump(void)
{
	/* every CPU where the architecture can, else this one */
	if (nr_dumps++ % 2 || !trigger_all_cpu_backtrace())
		dump_stack();
}

static int init_race_thread(void *unused)
{
	unsigned long next_dump = jiffies;
	char buf[LINEINFO_SPRINT_LEN];
	int i;

	while (!kthread_should_stop()) {
		for (i = 0; i < INIT_RACE_IPS; i++) {
			lineinfo_sprint(buf, sizeof(buf), init_race_ips[i]);
			nr_lookups++;
			if (!buf[0]) {
				nr_empty++;
			} else if (!strcmp(buf, init_race_refs[i])) {
				nr_annotated++;
			} else if (!nr_wrong++) {
				pr_err("lineinfo_init_race: wrong answer for %pS: '%s', not '%s'\n",
				       (void *)init_race_ips[i], buf,
				       init_race_refs[i]);
			}
		}
		if (!nr_rounds++)
			complete(&init_race_started);
		if (time_after_eq(jiffies, next_dump)) {
			init_race_dump();
			next_dump = jiffies + INIT_RACE_DUMP_JIFFIES;
		}
		cond_resched();
	}
	return 0;
}

static int init_race_stop(const char *val, const struct kernel_param *kp)
{
	bool stop;
	int ret = kstrtobool(val, &stop);

	if (ret || !stop)
		return ret;
	mutex_lock(&init_race_lock);
	if (init_race_task) {
		kthread_stop(init_race_task);
		init_race_task = NULL;
		pr_info("lineinfo_init_race: %lu rounds, %lu lookups of init text: %lu annotated as at the start, %lu without annotation, %lu wrong; %lu backtraces\n",
			nr_rounds, nr_lookups, nr_annotated, nr_empty, nr_wrong,
			nr_dumps);
	}
	mutex_unlock(&init_race_lock);
	return 0;
}

static const struct kernel_param_ops init_race_stop_ops = {
	.set = init_race_stop,
};
module_param_cb(stop, &init_race_stop_ops, NULL, 0200);
MODULE_PARM_DESC(stop, "stop the test and print its summary");

static int __init lineinfo_init_race_start(void)
{
	unsigned int cpu = cpumask_any_but(cpu_online_mask,
					   raw_smp_processor_id());
	int i;

	init_race_a();
	init_race_b(3);
	init_race_ips[2] = (unsigned long)init_race_a;
	init_race_ips[3] = _THIS_IP_;
	/* the references, while the init table is there */
	for (i = 0; i < INIT_RACE_IPS; i++) {
		lineinfo_sprint(init_race_refs[i], sizeof(init_race_refs[i]),
				init_race_ips[i]);
		/* as a frame line, for the boot test to check */
		pr_info(" %pB%s\n", (void *)(init_race_ips[i] + 1),
			init_race_refs[i]);
	}
	if (cpu >= nr_cpu_ids) {
		pr_warn("lineinfo_init_race: only one CPU, the race is not concurrent\n");
		cpu = raw_smp_processor_id();
	}
	init_race_task = kthread_create(init_race_thread, NULL,
					"lineinfo_init_race");
	if (IS_ERR(init_race_task)) {
		pr_err("lineinfo_init_race: no thread (%ld)\n",
		       PTR_ERR(init_race_task));
		init_race_task = NULL;
		return 0;
	}
	kthread_bind(init_race_task, cpu);
	wake_up_process(init_race_task);
	/* lookups run before the table goes, not only after */
	wait_for_completion(&init_race_started);
	pr_info("lineinfo_init_race: looking up on CPU %u\n", cpu);
	return 0;
}
late_initcall(lineinfo_init_race_start);
