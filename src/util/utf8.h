/* utf8.h: UTF-8 decoding, validation, display width and the normalisations documents need
 * (full-width ASCII to ASCII, ideographic and no-break spaces to ASCII space).
 */
#ifndef JX_UTIL_UTF8_H
#define JX_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s[0..len). Returns its byte length (1..4) and sets *cp; on an invalid or truncated
 * sequence returns 1 and sets *cp to 0xFFFD. len must be > 0. */
size_t jx_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes at most); returns the byte length. */
size_t jx_utf8_encode(uint32_t cp, char out[4]);
/* Returns true if s[0..len) is valid UTF-8; otherwise sets *bad_offset to the first bad byte. */
bool jx_utf8_valid(const char *s, size_t len, size_t *bad_offset);
/* Display columns of a code point (0, 1 or 2: East Asian wide and full-width are 2) and of a string. */
int jx_utf8_cp_width(uint32_t cp);
size_t jx_utf8_width(const char *s, size_t len);
/* Maps full-width forms U+FF01..U+FF5E to ASCII and U+3000/U+00A0 to ' '; other code points unchanged. */
uint32_t jx_utf8_fold(uint32_t cp);
bool jx_utf8_is_space(uint32_t cp); /* ASCII white space, U+3000, U+00A0, U+2002..U+200B, U+FEFF */

/* Trims white space (jx_utf8_is_space) at both ends of s[0..*len); returns the new start. */
const char *jx_utf8_trim(const char *s, size_t *len);
/* Like jx_utf8_trim, but a leading indent of ideographic spaces (U+3000) is kept: Chinese tables indent the
 * names of 款 and 项 rows with them, and the recognisers read the level from that indent. */
const char *jx_utf8_trim_keep_indent(const char *s, size_t *len);

#endif
