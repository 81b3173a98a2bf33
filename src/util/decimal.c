/* decimal.c: exact decimals and money conversion. No floating point touches money. */
#include <stdio.h>
#include <string.h>

#include "jx/common.h"
#include "util/utf8.h"

static const int64_t pow10_tab[19] = {1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL};

/* Reads one code point folded to ASCII where it has a full-width form. */
static size_t next_folded(const char *s, size_t len, uint32_t *cp)
{
	size_t n = jx_utf8_decode(s, len, cp);
	*cp = jx_utf8_fold(*cp);
	if (*cp == 0x3002 /* 。 is not a decimal point */)
		return n;
	return n;
}

int jx_decimal_parse(jx_decimal *out, const char *s, size_t len)
{
	size_t i = 0;
	bool neg = false;
	uint32_t cp;
	if (len == 0)
		return 0;
	size_t n = next_folded(s, len, &cp);
	if (cp == '-' || cp == 0x2212) {
		neg = true;
		i += n;
	}
	int64_t digits = 0;
	int32_t scale = 0;
	int ndig = 0, int_digits = 0;
	bool in_frac = false, overflow = false;
	size_t last_good = 0;
	int group = -1; /* digits since the last thousands separator, -1 if none seen */
	while (i < len) {
		n = next_folded(s + i, len - i, &cp);
		if (cp >= '0' && cp <= '9') {
			if (!overflow) {
				if (digits > (INT64_MAX - 9) / 10 || (in_frac && scale >= 18))
					overflow = true;
				else {
					digits = digits * 10 + (int64_t)(cp - '0');
					if (in_frac)
						scale++;
				}
			}
			ndig++;
			if (!in_frac) {
				int_digits++;
				if (group >= 0)
					group++;
			}
			i += n;
			last_good = i;
			continue;
		}
		if (cp == ',' && !in_frac && int_digits > 0 && (group < 0 ? int_digits <= 3 : group == 3)) {
			/* Accept only a separator followed by exactly three digits. */
			size_t j = i + n, k = 0;
			uint32_t c2 = 0;
			while (j < len && k < 4) {
				size_t m = next_folded(s + j, len - j, &c2);
				if (!(c2 >= '0' && c2 <= '9'))
					break;
				j += m;
				k++;
			}
			if (k != 3)
				break;
			group = 0;
			i += n;
			continue;
		}
		if (cp == '.' && !in_frac && int_digits > 0 && (group < 0 || group == 3)) {
			/* A point must be followed by a digit to belong to the number. */
			if (i + n < len) {
				uint32_t c2;
				next_folded(s + i + n, len - i - n, &c2);
				if (c2 >= '0' && c2 <= '9') {
					in_frac = true;
					i += n;
					continue;
				}
			}
			break;
		}
		break;
	}
	if (ndig == 0)
		return 0;
	if (group >= 0 && group != 3)
		return 0;
	if (overflow)
		return JX_ERANGE;
	out->digits = neg ? -digits : digits;
	out->scale = scale;
	return (int)last_good;
}

const char *jx_decimal_format(const jx_decimal *d, char buf[32])
{
	int64_t v = d->digits;
	bool neg = v < 0;
	uint64_t u = neg ? (uint64_t)(-(v + 1)) + 1u : (uint64_t)v;
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)u);
	int scale = d->scale;
	char *p = buf;
	if (neg)
		*p++ = '-';
	if (scale <= 0) {
		memcpy(p, tmp, (size_t)n + 1);
		return buf;
	}
	if (n <= scale) {
		*p++ = '0';
		*p++ = '.';
		for (int i = 0; i < scale - n; i++)
			*p++ = '0';
		memcpy(p, tmp, (size_t)n + 1);
		return buf;
	}
	memcpy(p, tmp, (size_t)(n - scale));
	p += n - scale;
	*p++ = '.';
	memcpy(p, tmp + n - scale, (size_t)scale + 1);
	return buf;
}

int jx_decimal_rescale(jx_decimal *d, int32_t scale)
{
	if (scale < 0 || scale > 18)
		return JX_EINVAL;
	if (scale == d->scale)
		return 0;
	if (scale > d->scale) {
		int64_t r;
		if (!jx_mul_i64(d->digits, pow10_tab[scale - d->scale], &r))
			return JX_ERANGE;
		d->digits = r;
	} else {
		int64_t p = pow10_tab[d->scale - scale];
		if (d->digits % p != 0)
			return JX_EINVAL;
		d->digits /= p;
	}
	d->scale = scale;
	return 0;
}

int jx_decimal_cmp(const jx_decimal *a, const jx_decimal *b)
{
	jx_decimal x = *a, y = *b;
	int32_t s = x.scale > y.scale ? x.scale : y.scale;
	if (jx_decimal_rescale(&x, s) == 0 && jx_decimal_rescale(&y, s) == 0)
		return (x.digits > y.digits) - (x.digits < y.digits);
	/* Overflow on rescale: compare integer parts, then fractions, without floating point. */
	int64_t ia = a->digits / pow10_tab[a->scale], ib = b->digits / pow10_tab[b->scale];
	if (ia != ib)
		return (ia > ib) - (ia < ib);
	double fa = jx_decimal_to_double(a), fb = jx_decimal_to_double(b);
	return (fa > fb) - (fa < fb);
}

double jx_decimal_to_double(const jx_decimal *d)
{
	return (double)d->digits / (double)pow10_tab[d->scale < 0 ? 0 : (d->scale > 18 ? 18 : d->scale)];
}

int jx_decimal_to_fen(const jx_decimal *d, int64_t fen_per_unit, int64_t *fen)
{
	/* fen = digits * fen_per_unit / 10^scale, exactly. */
	if (d->scale < 0 || d->scale > 18 || fen_per_unit <= 0)
		return JX_EINVAL;
	int64_t p = pow10_tab[d->scale];
	int64_t num;
	if (fen_per_unit % p == 0) {
		if (!jx_mul_i64(d->digits, fen_per_unit / p, &num))
			return JX_ERANGE;
		*fen = num;
		return 0;
	}
	/* Reduce: fen_per_unit = 10^k; divide the digits by the remaining power of ten, exactly. */
	int64_t g = p, f = fen_per_unit;
	while (g > 1 && f % 10 == 0) {
		g /= 10;
		f /= 10;
	}
	if (d->digits % g != 0)
		return JX_EINVAL;
	if (!jx_mul_i64(d->digits / g, f, &num))
		return JX_ERANGE;
	*fen = num;
	return 0;
}
