/* keymap: the escape sequences of the terminal's keys, for the input
 * decoder, and the names of keys, for messages.  The one place that knows
 * both terminfo and curses' key codes. */
#ifndef KEYMAP_H
#define KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "input.h"

/* Register with the decoder every key sequence of the current terminal's
 * terminfo entry (set up by newterm or setupterm), then the common
 * xterm, VT220, Linux console, rxvt and PuTTY forms it lacks (a terminal
 * sends some of those whatever TERM says).  Returns 0, or -1 when out of
 * memory. */
int keymap_load(struct input_decoder *decoder);

/* A key's name for a message ("F5", "Ctrl-X", "x", "Space"), written into
 * buffer (size bytes) and returned.  A character that is not printable is
 * "that key": nothing typed reaches the screen raw. */
const char *keymap_name(wint_t key, bool is_code, char *buffer, size_t size);

#endif
