/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_STRING_H
#define _HOST_STRING_H
#include <string.h>
static inline long strscpy(char *d, const char *s, size_t n)
{
	snprintf(d, n, "%s", s);
	return strlen(d);
}
#endif
