// SPDX-License-Identifier: GPL-2.0
/*
 * Unload race test, target side: loaded and unloaded in a loop by the
 * boot test's /init. Its init hands addresses inside its own text, and
 * one inside its init text, to lineinfo_race.ko, which looks them up
 * from another CPU all the time: the init one also while the module's
 * init memory is freed (do_free_init()).
 */
#include <linux/compiler.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include "lineinfo_race.h"

/* three in .text, the last in .init.text */
static unsigned long race_target_ips[5];
static int race_target_sink;

static noinline void race_target_a(void)
{
	race_target_ips[0] = _THIS_IP_;
	WRITE_ONCE(race_target_sink, race_target_sink + 1);
}

static noinline void race_target_b(void)
{
	WRITE_ONCE(race_target_sink, race_target_sink * 3);
	race_target_ips[1] = _THIS_IP_;
}

static noinline void race_target_c(int n)
{
	int i;

	for (i = 0; i < n; i++)
		WRITE_ONCE(race_target_sink, race_target_sink ^ i);
	race_target_ips[2] = _THIS_IP_;
}

static int __init race_target_init(void)
{
	race_target_a();
	race_target_b();
	race_target_c(3);
	race_target_ips[3] = (unsigned long)race_target_a;
	race_target_ips[4] = _THIS_IP_;
	lineinfo_race_register(THIS_MODULE, race_target_ips,
			       ARRAY_SIZE(race_target_ips));
	/* give the other CPU time to find the init text still there */
	usleep_range(2000, 3000);
	return 0;
}

static void __exit race_target_exit(void)
{
}

module_init(race_target_init);
module_exit(race_target_exit);
MODULE_DESCRIPTION("Target of the lineinfo unload race test");
MODULE_LICENSE("GPL");
