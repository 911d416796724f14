#ifndef SWITCHBOARD_CWIDTH_SHIM_H
#define SWITCHBOARD_CWIDTH_SHIM_H

// The C library's wcwidth, which Swift's Glibc module does not declare (it needs _XOPEN_SOURCE).
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <locale.h>
#include <wchar.h>

// Display width of one Unicode scalar in terminal columns under the current LC_CTYPE (-1 when not printable).
static inline int sb_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

#endif
