/* sha256.h: SHA-256 of a byte string, for the content hash of imported documents. */
#ifndef JX_UTIL_SHA256_H
#define JX_UTIL_SHA256_H

#include <stddef.h>

/* Writes the lowercase hex digest (64 characters and a NUL) of data[0..len) into hex. */
void jx_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
