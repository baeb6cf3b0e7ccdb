// SPDX-License-Identifier: GPL-2.0
/*
 * One side of the arm64 test: all of arch/arm64/kernel/pi/patch-scs.c
 * but scs_patch_loc(), replaced by the host one below, which patches the
 * same way (PACIASP -> SCS push, AUTIASP -> SCS pop, anything else is
 * left) without cache maintenance, and logs every location it is given.
 */
#include "side.h"

#define dynamic_scs_is_enabled SIDE_FN(dynamic_scs_is_enabled)
#define scs_patch SIDE_FN(scs_patch)

uint64_t *SIDE_FN(scs_log);
size_t SIDE_FN(scs_nlog), SIDE_FN(scs_maxlog);

static void scs_patch_loc(u64 loc)
{
	u32 *insn = (u32 *)(uintptr_t)loc;

	if (SIDE_FN(scs_nlog) < SIDE_FN(scs_maxlog))
		SIDE_FN(scs_log)[SIDE_FN(scs_nlog)] = loc;
	SIDE_FN(scs_nlog)++;
	if (*insn == 0xd503233f)		/* PACIASP */
		*insn = 0xf800865e;		/* str x30, [x18], #8 */
	else if (*insn == 0xd50323bf)		/* AUTIASP */
		*insn = 0xf85f8e5e;		/* ldr x30, [x18, #-8]! */
}

#include SCS_GEN
