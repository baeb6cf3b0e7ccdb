/* SPDX-License-Identifier: GPL-2.0 */
/* Unload race test: the driver's entry point for the target module. */
#ifndef LINEINFO_RACE_H
#define LINEINFO_RACE_H

struct module;

void lineinfo_race_register(struct module *mod, const unsigned long *ips,
			    int n);

#endif
