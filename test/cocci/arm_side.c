// SPDX-License-Identifier: GPL-2.0
/*
 * One side of the arm test: unwind_get_byte() and unwind_decode_uleb128()
 * of arch/arm/kernel/unwind.c, run on packed unwind instruction words.
 */
#include "side.h"

int SIDE_FN(arm_warnings);
#define pr_warn(...) (SIDE_FN(arm_warnings)++)

#include ARM_GEN

/*
 * Decode the operand that starts at byte @byte (3 is the first one read)
 * of words[0], with @nwords words left in the table. Stores the value
 * and the number of bytes the decoder took from the table; returns
 * what the helper returns: 0 for the original, which cannot fail, the
 * decoder's result for the converted one.
 */
int SIDE_FN(arm_decode)(const uint32_t *words, int nwords, int byte,
			uint32_t *val, int *taken)
{
	struct unwind_ctrl_block ctrl = {
		.insn = words, .entries = nwords, .byte = byte,
	};
	int ret = 0;

#ifdef ORIG
	*val = unwind_decode_uleb128(&ctrl);
#else
	ret = unwind_decode_uleb128(&ctrl, val);
#endif
	*taken = (int)(ctrl.insn - words) * 4 + (byte - ctrl.byte);
	return ret;
}
