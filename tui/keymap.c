/* keymap: terminfo and common key sequences; key names. */
#include "keymap.h"

#include <stdint.h>
#include <stdio.h>

#include "ui.h" /* curses, with the wide-character API */
#include <term.h>

/* terminfo key capabilities and the codes curses gives them (kmous is
 * left out: the wizard asks for no mouse reports). */
static const struct { const char *cap; int code; } capabilities[] = {
	{ "kcuu1", KEY_UP }, { "kcud1", KEY_DOWN }, { "kcub1", KEY_LEFT },
	{ "kcuf1", KEY_RIGHT }, { "khome", KEY_HOME }, { "kend", KEY_END },
	{ "kich1", KEY_IC }, { "kdch1", KEY_DC }, { "knp", KEY_NPAGE }, { "kpp", KEY_PPAGE },
	{ "kcbt", KEY_BTAB }, { "kent", KEY_ENTER }, { "kbs", KEY_BACKSPACE },
	{ "kri", KEY_SR }, { "kind", KEY_SF }, { "kLFT", KEY_SLEFT }, { "kRIT", KEY_SRIGHT },
	{ "kHOM", KEY_SHOME }, { "kEND", KEY_SEND }, { "kDC", KEY_SDC }, { "kIC", KEY_SIC },
	{ "kNXT", KEY_SNEXT }, { "kPRV", KEY_SPREVIOUS }, { "ka1", KEY_A1 }, { "ka3", KEY_A3 },
	{ "kb2", KEY_B2 }, { "kc1", KEY_C1 }, { "kc3", KEY_C3 }, { "kbeg", KEY_BEG },
	{ "kfnd", KEY_FIND }, { "kslt", KEY_SELECT }, { "khlp", KEY_HELP },
};

/* What terminals send whatever their terminfo says: cursor keys in both
 * cursor modes, the VT220 editing keypad and function keys, the Linux
 * console's F1-F5, rxvt's Home/End and shifted keys, PuTTY's F1-F4. */
static const struct { const char *seq; int code; } common[] = {
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT },
	{ "\033[D", KEY_LEFT }, { "\033[H", KEY_HOME }, { "\033[F", KEY_END },
	{ "\033[E", KEY_B2 }, { "\033[G", KEY_B2 }, { "\033[Z", KEY_BTAB },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN }, { "\033OC", KEY_RIGHT },
	{ "\033OD", KEY_LEFT }, { "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	{ "\033OE", KEY_B2 }, { "\033OM", KEY_ENTER },
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) },
	{ "\033OS", KEY_F(4) },
	{ "\033[1~", KEY_HOME }, { "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
	{ "\033[4~", KEY_END }, { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) },
	{ "\033[14~", KEY_F(4) }, { "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
	{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) }, { "\033[20~", KEY_F(9) },
	{ "\033[21~", KEY_F(10) }, { "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	{ "\033[25~", KEY_F(13) }, { "\033[26~", KEY_F(14) }, { "\033[28~", KEY_F(15) },
	{ "\033[29~", KEY_F(16) }, { "\033[31~", KEY_F(17) }, { "\033[32~", KEY_F(18) },
	{ "\033[33~", KEY_F(19) }, { "\033[34~", KEY_F(20) },
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) }, { "\033[[C", KEY_F(3) },
	{ "\033[[D", KEY_F(4) }, { "\033[[E", KEY_F(5) },
	{ "\033[2$", KEY_SIC }, { "\033[3$", KEY_SDC }, { "\033[5$", KEY_SPREVIOUS },
	{ "\033[6$", KEY_SNEXT }, { "\033[7$", KEY_SHOME }, { "\033[8$", KEY_SEND },
	{ "\033[a", KEY_SR }, { "\033[b", KEY_SF }, { "\033[c", KEY_SRIGHT },
	{ "\033[d", KEY_SLEFT },
};

/* The terminal's string for capability cap, or NULL (absent, cancelled,
 * or not a string: tigetstr's (char *)-1). */
static const char *key_string(const char *cap)
{
	const char *seq = tigetstr(cap);
	return seq && (intptr_t)seq != -1 ? seq : NULL;
}

int keymap_load(struct input_decoder *d)
{
	char name[8];
	for (size_t i = 0; i < sizeof capabilities / sizeof capabilities[0]; i++) {
		const char *seq = key_string(capabilities[i].cap);
		if (seq && input_add_key(d, seq, capabilities[i].code) != 0)
			return -1;
	}
	for (int n = 0; n <= 63; n++) {
		snprintf(name, sizeof name, "kf%d", n);
		const char *seq = key_string(name);
		if (seq && input_add_key(d, seq, KEY_F(n)) != 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
		if (input_add_key(d, common[i].seq, common[i].code) != 0)
			return -1;
	return 0;
}

static const struct { int code; const char *name; } code_names[] = {
	{ KEY_UP, "Up" }, { KEY_DOWN, "Down" }, { KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" },
	{ KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_IC, "Insert" }, { KEY_DC, "Delete" },
	{ KEY_NPAGE, "PgDn" }, { KEY_PPAGE, "PgUp" }, { KEY_BTAB, "Shift-Tab" },
	{ KEY_ENTER, "Enter" }, { KEY_BACKSPACE, "Backspace" }, { KEY_SR, "Shift-Up" },
	{ KEY_SF, "Shift-Down" }, { KEY_SLEFT, "Shift-Left" }, { KEY_SRIGHT, "Shift-Right" },
	{ KEY_SHOME, "Shift-Home" }, { KEY_SEND, "Shift-End" }, { KEY_SDC, "Shift-Delete" },
	{ KEY_SIC, "Shift-Insert" }, { KEY_SNEXT, "Shift-PgDn" },
	{ KEY_SPREVIOUS, "Shift-PgUp" }, { KEY_B2, "the keypad's centre key" },
};

const char *keymap_name(wint_t key, bool is_code, char *buffer, size_t size)
{
	if (is_code) {
		if (key >= (wint_t)KEY_F0 && key <= (wint_t)KEY_F(63)) {
			snprintf(buffer, size, "F%d", (int)(key - KEY_F0));
			return buffer;
		}
		for (size_t i = 0; i < sizeof code_names / sizeof code_names[0]; i++)
			if ((wint_t)code_names[i].code == key) {
				snprintf(buffer, size, "%s", code_names[i].name);
				return buffer;
			}
		snprintf(buffer, size, "that key");
	} else if (key == L' ') {
		snprintf(buffer, size, "Space");
	} else if (key == 27) {
		snprintf(buffer, size, "Esc");
	} else if (key == L'\t') {
		snprintf(buffer, size, "Tab");
	} else if (key == L'\r' || key == L'\n') {
		snprintf(buffer, size, "Enter");
	} else if (key == 127 || key == 8) {
		snprintf(buffer, size, "Backspace");
	} else if (key >= 1 && key <= 26) {
		snprintf(buffer, size, "Ctrl-%c", (char)('A' + key - 1));
	} else if (key > 32 && key < 127) {
		snprintf(buffer, size, "%c", (char)key);
	} else {
		snprintf(buffer, size, "that key");
	}
	return buffer;
}
