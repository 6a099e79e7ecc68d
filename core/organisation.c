#include "organisation.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* name with every run of white space as one space, none at the ends: a
 * new heap string (never longer than name), or NULL. */
static uint8_t *collapse_space(const uint8_t *name, size_t size, size_t *out_size)
{
	uint8_t *out = malloc(size + 1);
	if (!out)
		return NULL;
	size_t n = 0;
	bool space = false;
	for (size_t i = 0; i < size;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, name + i, size - i);
		if (len <= 0)
			len = 1;
		if (uc_is_property_white_space(c)) {
			space = n > 0;
		} else {
			if (space)
				out[n++] = ' ';
			space = false;
			memcpy(out + n, name + i, (size_t)len);
			n += (size_t)len;
		}
		i += (size_t)len;
	}
	out[n] = '\0';
	*out_size = n;
	return out;
}

char *organisation_key(const char *name)
{
	size_t size = strlen(name);
	if (u8_check((const uint8_t *)name, size))
		return NULL;
	size_t collapsed_size;
	uint8_t *collapsed = collapse_space((const uint8_t *)name, size, &collapsed_size);
	if (!collapsed)
		return NULL;
	/* case folding of an NFC string, its result normalised to NFC again */
	size_t nfc_size;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, collapsed, collapsed_size, NULL, &nfc_size);
	free(collapsed);
	if (!nfc && collapsed_size)
		return NULL;
	size_t key_size = 0;
	uint8_t *folded = u8_casefold(nfc ? nfc : (const uint8_t *)"", nfc_size, NULL,
				      UNINORM_NFC, NULL, &key_size);
	free(nfc);
	if (!folded) {
		if (nfc_size)
			return NULL;
		key_size = 0; /* an empty name: an empty key */
	}
	char *key = malloc(key_size + 1);
	if (key) {
		if (folded)
			memcpy(key, folded, key_size);
		key[key_size] = '\0';
	}
	free(folded);
	return key;
}

bool organisation_same(const char *a, const char *b)
{
	char *ka = organisation_key(a), *kb = organisation_key(b);
	bool same = ka && kb && strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}
