/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_MODULE_H
#define _HOST_MODULE_H
#define MODULE_DESCRIPTION(s)
#define MODULE_LICENSE(s)
#endif
