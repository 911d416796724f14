#ifndef SWITCHBOARD_CNCURSES_SHIM_H
#define SWITCHBOARD_CNCURSES_SHIM_H

// Wide-character ncurses: without this, wget_wch and mvwaddwstr are not declared.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 rejects the ncurses globals (stdscr, LINES, COLS) as not concurrency-safe:
// read them through these accessors, only from the thread that owns ncurses.
static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline int sb_lines(void) { return LINES; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pairs(void) { return COLOR_PAIRS; }

// Display width of one Unicode scalar in terminal columns (-1 when not printable).
static inline int sb_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

#endif
