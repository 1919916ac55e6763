// Small C shims over ncursesw for what Swift cannot call directly: macros (COLOR_PAIR,
// getmaxyx, KEY_*), variadic functions, and wide-character input and output.
#ifndef CNCURSES_H
#define CNCURSES_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <poll.h>

// Starts curses on the terminal; returns 0 when TERM is unknown instead of exiting.
static inline int sm_start(void) {
    // Wide characters need a UTF-8 locale; fall back to C.UTF-8 when the environment has none.
    const char *loc = setlocale(LC_ALL, "");
    if (loc == NULL || (strstr(loc, "UTF-8") == NULL && strstr(loc, "utf8") == NULL && strstr(loc, "UTF8") == NULL)) {
        setlocale(LC_ALL, "C.UTF-8");
    }
    SCREEN *s = newterm(NULL, stdout, stdin);
    if (s == NULL) return 0;
    set_term(s);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    timeout(50);
    return 1;
}

static inline void sm_stop(void) { endwin(); }

static inline int sm_rows(void) { int r, c; getmaxyx(stdscr, r, c); (void)c; return r; }
static inline int sm_cols(void) { int r, c; getmaxyx(stdscr, r, c); (void)r; return c; }

// Colours: 0 = none, 8 = basic, 256 = extended.
static inline int sm_color_depth(void) {
    if (!has_colors()) return 0;
    start_color();
    use_default_colors();
    return COLORS >= 256 ? 256 : 8;
}

static inline int sm_max_pairs(void) { return COLOR_PAIRS; }
static inline void sm_init_pair(int pair, int fg, int bg) { init_pair((short)pair, (short)fg, (short)bg); }

// Draws one grapheme (as wide characters) at y, x with a colour pair and flags
// (1 = bold, 2 = reverse, 4 = underline, 8 = dim).
static inline void sm_put(int y, int x, const wchar_t *text, int length, int pair, int flags) {
    attr_t a = A_NORMAL;
    if (flags & 1) a |= A_BOLD;
    if (flags & 2) a |= A_REVERSE;
    if (flags & 4) a |= A_UNDERLINE;
    if (flags & 8) a |= A_DIM;
    attrset(a | COLOR_PAIR(pair));
    mvaddnwstr(y, x, text, length);
}

static inline void sm_refresh(void) { refresh(); }
static inline void sm_clear(void) { clear(); }

// Reads one input event. Returns 0 for nothing, 1 for a character (in *value), 2 for a
// key code (in *value), 3 for a mouse event (*value = kind: 1 click, 4 wheel up, 5 wheel
// down; *y, *x), 4 for a resize.
static inline int sm_read(int *value, int *y, int *x) {
    wint_t ch;
    int r = get_wch(&ch);
    if (r == ERR) return 0;
    if (r == KEY_CODE_YES) {
        if (ch == KEY_RESIZE) return 4;
        if (ch == KEY_MOUSE) {
            MEVENT e;
            if (getmouse(&e) != OK) return 0;
            *y = e.y; *x = e.x;
            if (e.bstate & BUTTON4_PRESSED) { *value = 4; return 3; }
            if (e.bstate & BUTTON5_PRESSED) { *value = 5; return 3; }
            *value = 1;
            return 3;
        }
        *value = (int)ch;
        return 2;
    }
    *value = (int)ch;
    return 1;
}

/* 1 when the terminal has gone away (its window closed, the session killed): reads then
   fail at once, and the app should quit instead of spinning. */
static inline int sm_hangup(void) {
    struct pollfd p = { .fd = 0, .events = POLLIN, .revents = 0 };
    if (poll(&p, 1, 0) < 0) return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) ? 1 : 0;
}

static inline int sm_key_up(void) { return KEY_UP; }
static inline int sm_key_down(void) { return KEY_DOWN; }
static inline int sm_key_left(void) { return KEY_LEFT; }
static inline int sm_key_right(void) { return KEY_RIGHT; }
static inline int sm_key_ppage(void) { return KEY_PPAGE; }
static inline int sm_key_npage(void) { return KEY_NPAGE; }
static inline int sm_key_home(void) { return KEY_HOME; }
static inline int sm_key_end(void) { return KEY_END; }
static inline int sm_key_btab(void) { return KEY_BTAB; }
static inline int sm_key_backspace(void) { return KEY_BACKSPACE; }
static inline int sm_key_enter(void) { return KEY_ENTER; }
static inline int sm_key_dc(void) { return KEY_DC; }

#endif
