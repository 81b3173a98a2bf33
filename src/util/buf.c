/* buf.c: growable byte buffer. */
#include "util/buf.h"
#include "util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx/common.h"

static char buf_empty[1];

void jx_buf_init(jx_buf *b, size_t cap)
{
	b->ptr = NULL;
	b->len = b->alloc = 0;
	b->cap = cap;
}

void jx_buf_release(jx_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->alloc = 0;
}

void jx_buf_clear(jx_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

int jx_buf_grow(jx_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return jx_error_set(JX_ENOMEM, "缓冲区溢出");
	size_t need = b->len + extra + 1;
	if (b->cap && need - 1 > b->cap)
		return jx_error_set(JX_ELIMIT, "内容超过上限 %zu 字节", b->cap);
	if (need <= b->alloc)
		return 0;
	size_t n = b->alloc ? b->alloc : 64;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	char *p = realloc(b->ptr, n);
	if (!p)
		return jx_error_set(JX_ENOMEM, "内存不足");
	b->ptr = p;
	b->alloc = n;
	return 0;
}

int jx_buf_put(jx_buf *b, const void *data, size_t len)
{
	int rc = jx_buf_grow(b, len);
	if (rc)
		return rc;
	if (len)
		memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
	return 0;
}

int jx_buf_puts(jx_buf *b, const char *s)
{
	return jx_buf_put(b, s, strlen(s));
}

int jx_buf_putc(jx_buf *b, char c)
{
	return jx_buf_put(b, &c, 1);
}

int jx_buf_vprintf(jx_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return jx_error_set(JX_EINVAL, "格式错误");
	int rc = jx_buf_grow(b, (size_t)n);
	if (rc)
		return rc;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int jx_buf_printf(jx_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = jx_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

const char *jx_buf_cstr(jx_buf *b)
{
	return b->ptr ? b->ptr : buf_empty;
}

char *jx_buf_detach(jx_buf *b, size_t *len)
{
	char *p = b->ptr;
	if (len)
		*len = b->len;
	if (!p)
		p = calloc(1, 1);
	b->ptr = NULL;
	b->len = b->alloc = 0;
	return p;
}

int jx_buf_put_html(jx_buf *b, const char *s, size_t len, int newline)
{
	size_t run = 0; /* start of the pending run of bytes copied as they are */
	int rc = 0;
	for (size_t i = 0; i < len && rc == 0;) {
		uint32_t cp = 0;
		size_t n = jx_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			n = 1;
		const char *rep = NULL;
		if (n == 1 && cp == 0xFFFD)
			rep = "\xEF\xBF\xBD";
		else if (cp == '&')
			rep = "&amp;";
		else if (cp == '<')
			rep = "&lt;";
		else if (cp == '>')
			rep = "&gt;";
		else if (cp == '"')
			rep = "&quot;";
		else if (cp == '\'')
			rep = "&#39;";
		else if (cp == '\n' && newline)
			rep = newline == JX_HTML_NL_BR ? "<br>" : newline == JX_HTML_NL_SPACE ? " " : NULL;
		else if ((cp < 0x20 && cp != '\t') || cp == 0x7F)
			rep = "\xEF\xBF\xBD";
		if (rep) {
			if (i > run)
				rc = jx_buf_put(b, s + run, i - run);
			if (rc == 0)
				rc = jx_buf_puts(b, rep);
			run = i + n;
		}
		i += n;
	}
	if (rc == 0 && len > run)
		rc = jx_buf_put(b, s + run, len - run);
	return rc;
}
