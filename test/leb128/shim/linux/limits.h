/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_LIMITS_H
#define _HOST_LIMITS_H
#include <stdint.h>
#define U32_MAX ((u32)UINT32_MAX)
#define S32_MAX ((s32)INT32_MAX)
#define S32_MIN ((s32)INT32_MIN)
#define U64_MAX ((u64)UINT64_MAX)
#define S64_MAX ((s64)INT64_MAX)
#define S64_MIN ((s64)INT64_MIN)
#endif
