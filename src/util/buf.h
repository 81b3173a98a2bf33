/* buf.h: a growable byte buffer (after git's strbuf).
 *
 * Invariants: `ptr` is always NUL-terminated when len > 0 or after jx_buf_cstr; `len` excludes the NUL;
 * `cap` (if non-zero) bounds `len`, so input cannot grow a buffer without limit: an append that would pass
 * the cap fails with JX_ELIMIT and leaves the buffer unchanged. jx_buf_release frees `ptr` (owned by the buffer).
 */
#ifndef JX_UTIL_BUF_H
#define JX_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct jx_buf {
	char *ptr;
	size_t len, alloc, cap;
} jx_buf;

#define JX_BUF_INIT {NULL, 0, 0, 0}

void jx_buf_init(jx_buf *b, size_t cap);
void jx_buf_release(jx_buf *b);
void jx_buf_clear(jx_buf *b);
int jx_buf_grow(jx_buf *b, size_t extra);
int jx_buf_put(jx_buf *b, const void *data, size_t len);
int jx_buf_puts(jx_buf *b, const char *s);
int jx_buf_putc(jx_buf *b, char c);

/* How jx_buf_put_html writes a line break: as U+FFFD like other control characters (0), kept, as <br>, or as a
 * space. */
enum { JX_HTML_NL_KEEP = 1, JX_HTML_NL_BR = 2, JX_HTML_NL_SPACE = 3 };
/* Appends s[0..len) escaped for HTML text and attribute values (& < > " '); invalid UTF-8 bytes and control
 * characters other than tab become U+FFFD, so a page stays well-formed whatever a document contained. */
int jx_buf_put_html(jx_buf *b, const char *s, size_t len, int newline);
int jx_buf_printf(jx_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int jx_buf_vprintf(jx_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;
/* Always returns a NUL-terminated string ("" for an empty buffer). */
const char *jx_buf_cstr(jx_buf *b);
/* Hands the allocation to the caller (free() it); the buffer is left empty. */
char *jx_buf_detach(jx_buf *b, size_t *len);

#endif
