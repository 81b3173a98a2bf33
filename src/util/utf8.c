/* utf8.c: UTF-8 helpers. Widths follow the East Asian Width ranges that matter for Chinese documents. */
#include "util/utf8.h"

#include <string.h>

size_t jx_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if ((c & 0xE0) == 0xC0) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len < n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return n;
}

size_t jx_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool jx_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = jx_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && !(n == 3 && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
				      (unsigned char)s[i + 2] == 0xBD)) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += n;
	}
	return true;
}

int jx_utf8_cp_width(uint32_t cp)
{
	if (cp == 0 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || cp == 0xFEFF)
		return 0;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
	    (cp >= 0x2460 && cp <= 0x24FF) || cp == 0x2605 || cp == 0x2606)
		return 2;
	return 1;
}

size_t jx_utf8_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		i += jx_utf8_decode(s + i, len - i, &cp);
		w += (size_t)jx_utf8_cp_width(cp);
	}
	return w;
}

uint32_t jx_utf8_fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000 || cp == 0x00A0)
		return ' ';
	return cp;
}

bool jx_utf8_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x3000 ||
	       cp == 0xA0 || (cp >= 0x2002 && cp <= 0x200B) || cp == 0xFEFF;
}

const char *jx_utf8_trim(const char *s, size_t *len)
{
	size_t n = *len;
	while (n > 0) {
		uint32_t cp;
		size_t k = jx_utf8_decode(s, n, &cp);
		if (!jx_utf8_is_space(cp))
			break;
		s += k;
		n -= k;
	}
	while (n > 0) {
		/* step back to the start of the last code point */
		size_t k = 1;
		while (k < n && k < 4 && ((unsigned char)s[n - k] & 0xC0) == 0x80)
			k++;
		uint32_t cp;
		jx_utf8_decode(s + n - k, k, &cp);
		if (!jx_utf8_is_space(cp))
			break;
		n -= k;
	}
	*len = n;
	return s;
}

const char *jx_utf8_trim_keep_indent(const char *s, size_t *len)
{
	size_t n = *len, i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	size_t k = i;
	while (k + 3 <= n && memcmp(s + k, "\xE3\x80\x80", 3) == 0)
		k += 3;
	const char *t = jx_utf8_trim(s, len);
	if (k == i || *len == 0)
		return t;
	*len += (size_t)(t - (s + i));
	return s + i;
}
