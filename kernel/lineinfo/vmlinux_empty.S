/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Empty source line tables of vmlinux.
 *
 * scripts/link-vmlinux.sh links this placeholder into .tmp_vmlinux1, from
 * whose debug info scripts/gen_lineinfo then generates the real tables.
 * It defines the same symbols in the same sections as the generated file,
 * so that the kallsyms passes see the same symbol set. An empty table
 * answers "no line information" for every address.
 */

	.section .rodata.lineinfo, "a"
	.balign 4
	.globl lineinfo_vmlinux
lineinfo_vmlinux:
	.globl lineinfo_vmlinux_end
lineinfo_vmlinux_end:

	.section .init.rodata, "a"
	.balign 4
	.globl lineinfo_vmlinux_init
lineinfo_vmlinux_init:
	.globl lineinfo_vmlinux_init_end
lineinfo_vmlinux_init_end:
