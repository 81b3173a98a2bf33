/* common.h: basic types shared by every jixiao module (errors, sources, exact decimals).
 *
 * Ownership: nothing here allocates except jx_error_*, whose message is thread-local and owned by the library;
 * copy it if you need it after the next failing call.
 */
#ifndef JX_COMMON_H
#define JX_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JX_VERSION "0.1.0"

/* Error codes of operational failures. Findings about a document are never errors. */
enum {
	JX_OK = 0,
	JX_ENOMEM = -1,   /* out of memory */
	JX_EIO = -2,      /* cannot read or write a file */
	JX_EINVAL = -3,   /* invalid argument */
	JX_EPARSE = -4,   /* input is malformed (JSON, encoding, layout) */
	JX_ERANGE = -5,   /* a number does not fit (e.g. int64 fen overflow) */
	JX_ELIMIT = -6,   /* a named size limit was exceeded */
	JX_ENOTFOUND = -7,
	JX_EFORMAT = -8,  /* input is not a format we read (binary, unknown layout) */
};

/* Records the message of the last failure of this thread; returns `code` for convenient `return jx_error_set(...)`. */
int jx_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* The message of the last failure of this thread, or "" if none. */
const char *jx_error_last(void);
void jx_error_clear(void);

/* Where a value came from. `file` points into the package's arena (or a static string). Lines, pages and columns
 * are 1-based; 0 means unknown. `col` is a byte offset + 1 in the line, `len` the byte length of the span. */
typedef struct jx_src {
	const char *file;
	uint32_t page;
	uint32_t line;
	uint32_t col;
	uint32_t len;
} jx_src;

/* An exact decimal: value = digits / 10^scale. Never floating point. */
typedef struct jx_decimal {
	int64_t digits;
	int32_t scale; /* 0..18 */
} jx_decimal;

/* Parses "1,806.23", "１８０６．２３", "-3.5", "95" (no sign other than '-', no exponent). Thousands separators are
 * accepted only in well-formed groups of three. Returns the number of bytes consumed, 0 if there is no number, or
 * JX_ERANGE (negative) if it does not fit. */
int jx_decimal_parse(jx_decimal *out, const char *s, size_t len);
/* Formats without exponent, keeping the scale ("30.41", "17.00", "95"). buf must hold 32 bytes. */
const char *jx_decimal_format(const jx_decimal *d, char buf[32]);
/* Compares exactly: <0, 0, >0. */
int jx_decimal_cmp(const jx_decimal *a, const jx_decimal *b);
/* Rescales to `scale` decimals exactly; JX_ERANGE on overflow, JX_EINVAL if precision would be lost. */
int jx_decimal_rescale(jx_decimal *d, int32_t scale);
/* Nearest double, for display and ratios only (never for money arithmetic). */
double jx_decimal_to_double(const jx_decimal *d);
static inline bool jx_decimal_is_zero(const jx_decimal *d) { return d->digits == 0; }

/* Checked int64 arithmetic for fen. Return false on overflow. */
static inline bool jx_add_i64(int64_t a, int64_t b, int64_t *out) { return !__builtin_add_overflow(a, b, out); }
static inline bool jx_sub_i64(int64_t a, int64_t b, int64_t *out) { return !__builtin_sub_overflow(a, b, out); }
static inline bool jx_mul_i64(int64_t a, int64_t b, int64_t *out) { return !__builtin_mul_overflow(a, b, out); }

/* Converts `d` expressed in a money unit worth `fen_per_unit` fen (元 = 100, 万元 = 1000000, 亿元 = 10^10) to exact
 * fen. JX_ERANGE if it overflows int64; JX_EINVAL if the result is not a whole number of fen. */
int jx_decimal_to_fen(const jx_decimal *d, int64_t fen_per_unit, int64_t *fen);

#ifdef __cplusplus
}
#endif
#endif
