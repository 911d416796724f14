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

// Starts curses on stdout/stdin without exiting the process on failure (initscr would); NULL when TERM is unknown.
static inline SCREEN *sb_newterm(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen != NULL) set_term(screen);
    return screen;
}

// Attributes are macros Swift cannot import: set a cell style through this one function.
static inline int sb_set_style(WINDOW *w, short pair, int bold, int underline, int reverse, int dim) {
    attr_t attributes = A_NORMAL;
    if (bold) attributes |= A_BOLD;
    if (underline) attributes |= A_UNDERLINE;
    if (reverse) attributes |= A_REVERSE;
    if (dim) attributes |= A_DIM;
    return wattr_set(w, attributes, pair, NULL);
}

// Bracketed paste: the terminal wraps pasted text in ESC [200~ ... ESC [201~ once asked to; ncurses reports the
// two markers as these key codes (above every KEY_ code).
enum { SB_KEY_PASTE_BEGIN = KEY_MAX + 1, SB_KEY_PASTE_END = KEY_MAX + 2 };
static inline void sb_define_paste_keys(void) {
    define_key("\033[200~", SB_KEY_PASTE_BEGIN);
    define_key("\033[201~", SB_KEY_PASTE_END);
}
static inline int sb_key_paste_begin(void) { return SB_KEY_PASTE_BEGIN; }
static inline int sb_key_paste_end(void) { return SB_KEY_PASTE_END; }

// Key codes, as functions (some are macros of macros).
static inline int sb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sb_key_resize(void) { return KEY_RESIZE; }
static inline int sb_key_up(void) { return KEY_UP; }
static inline int sb_key_down(void) { return KEY_DOWN; }
static inline int sb_key_left(void) { return KEY_LEFT; }
static inline int sb_key_right(void) { return KEY_RIGHT; }
static inline int sb_key_home(void) { return KEY_HOME; }
static inline int sb_key_end(void) { return KEY_END; }
static inline int sb_key_ppage(void) { return KEY_PPAGE; }
static inline int sb_key_npage(void) { return KEY_NPAGE; }
static inline int sb_key_backspace(void) { return KEY_BACKSPACE; }
static inline int sb_key_dc(void) { return KEY_DC; }
static inline int sb_key_enter(void) { return KEY_ENTER; }
static inline int sb_err(void) { return ERR; }

#endif
