// SPDX-License-Identifier: GPL-2.0
/*
 * One side of the riscv test: apply_uleb128_accumulation() of
 * arch/riscv/kernel/module.c, which stores the value accumulated from an
 * R_RISCV_SET_ULEB128/R_RISCV_SUB_ULEB128 pair.
 */
#include "side.h"

struct module {
	const char *name;
};

int SIDE_FN(riscv_errors);
#define pr_err(...) (SIDE_FN(riscv_errors)++)

#include RISCV_GEN

int SIDE_FN(riscv_store)(void *location, long value)
{
	struct module me = { .name = "test" };

	return apply_uleb128_accumulation(&me, location, value);
}
