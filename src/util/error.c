/* error.c: the thread-local message of the last operational failure. */
#include <stdarg.h>
#include <stdio.h>

#include "jx/common.h"

static _Thread_local char error_msg[1024];

int jx_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error_msg, sizeof error_msg, fmt, ap);
	va_end(ap);
	return code;
}

const char *jx_error_last(void)
{
	return error_msg;
}

void jx_error_clear(void)
{
	error_msg[0] = '\0';
}
