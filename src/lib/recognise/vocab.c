/* vocab.c: closed vocabularies and approximate matching for the forms' labels. */
#include "recognise/vocab.h"

#include <string.h>
#include <threads.h>

#include "util/utf8.h"

struct l1_name {
	const char *s;
	jx_level1 l1;
};
struct l2_name {
	const char *s;
	jx_level2 l2;
};

/* Longest first within each meaning, so prefix matching prefers the full name. */
static const struct l1_name l1_names[] = {
	{"产出指标", JX_L1_OUTPUT}, {"产出", JX_L1_OUTPUT},
	{"效益指标", JX_L1_EFFECT}, {"效益", JX_L1_EFFECT},
	{"满意度指标", JX_L1_SATISFACTION}, {"满意度", JX_L1_SATISFACTION},
	{"成本指标", JX_L1_COST},
};

static const struct l2_name l2_names[] = {
	{"社会公众及服务对象满意度指标", JX_L2_SATISFACTION},
	{"社会公众或服务对象满意度指标", JX_L2_SATISFACTION},
	{"社会公众及服务对象满意度", JX_L2_SATISFACTION},
	{"服务对象满意度指标", JX_L2_SATISFACTION},
	{"服务对象满意度", JX_L2_SATISFACTION},
	{"社会公众满意度指标", JX_L2_SATISFACTION},
	{"可持续影响指标", JX_L2_SUSTAINABLE},
	{"可持续发展指标", JX_L2_SUSTAINABLE},
	{"可持续影响", JX_L2_SUSTAINABLE},
	{"生态环境成本指标", JX_L2_ECO_COST},
	{"生态环境效益指标", JX_L2_ECOLOGICAL},
	{"经济效益指标", JX_L2_ECONOMIC},
	{"社会效益指标", JX_L2_SOCIAL},
	{"生态效益指标", JX_L2_ECOLOGICAL},
	{"经济成本指标", JX_L2_ECON_COST},
	{"社会成本指标", JX_L2_SOCIAL_COST},
	{"生态环境成本", JX_L2_ECO_COST},
	{"经济效益", JX_L2_ECONOMIC},
	{"社会效益", JX_L2_SOCIAL},
	{"生态效益", JX_L2_ECOLOGICAL},
	{"经济成本", JX_L2_ECON_COST},
	{"社会成本", JX_L2_SOCIAL_COST},
	{"数量指标", JX_L2_QUANTITY},
	{"质量指标", JX_L2_QUALITY},
	{"时效指标", JX_L2_TIMELINESS},
	{"成本指标", JX_L2_COST},
};

#define NCP 64

/* Decodes up to NCP code points of s, skipping white space; returns the count. */
static size_t to_cps(const char *s, size_t len, uint32_t *cp, size_t *byte_end)
{
	size_t n = 0, i = 0;
	while (i < len && n < NCP) {
		uint32_t c;
		size_t k = jx_utf8_decode(s + i, len - i, &c);
		i += k;
		if (jx_utf8_is_space(c))
			continue;
		if (byte_end)
			byte_end[n] = i;
		cp[n++] = c;
	}
	return n;
}

static int cp_distance(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
	if (an > NCP || bn > NCP)
		return 8;
	int prev[NCP + 1], cur[NCP + 1];
	for (size_t j = 0; j <= bn; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= an; i++) {
		cur[0] = (int)i;
		int rowmin = cur[0];
		for (size_t j = 1; j <= bn; j++) {
			int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			cur[j] = c;
			if (c < rowmin)
				rowmin = c;
		}
		if (rowmin >= 8)
			return 8;
		memcpy(prev, cur, sizeof(int) * (bn + 1));
	}
	return prev[bn] > 8 ? 8 : prev[bn];
}

/* True when a and b are at most one substitution, insertion or deletion apart: linear, for the hot paths. */
static bool within_one(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
	if (an > bn + 1 || bn > an + 1)
		return false;
	size_t i = 0, j = 0;
	bool edited = false;
	while (i < an && j < bn) {
		if (a[i] == b[j]) {
			i++;
			j++;
			continue;
		}
		if (edited)
			return false;
		edited = true;
		if (an > bn)
			i++;
		else if (bn > an)
			j++;
		else {
			i++;
			j++;
		}
	}
	return !edited || (i == an && j == bn);
}

/* The names decoded once, so matching does not decode them again for every cell. */
typedef struct dec_name {
	uint32_t cp[NCP];
	size_t n;
} dec_name;
#define NL1 (sizeof l1_names / sizeof *l1_names)
#define NL2 (sizeof l2_names / sizeof *l2_names)
static dec_name l1_dec[NL1], l2_dec[NL2];
static once_flag names_once = ONCE_FLAG_INIT;

static void decode_names(void)
{
	for (size_t i = 0; i < NL1; i++)
		l1_dec[i].n = to_cps(l1_names[i].s, strlen(l1_names[i].s), l1_dec[i].cp, NULL);
	for (size_t i = 0; i < NL2; i++)
		l2_dec[i].n = to_cps(l2_names[i].s, strlen(l2_names[i].s), l2_dec[i].cp, NULL);
}

int jx_vocab_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	uint32_t ca[NCP], cb[NCP];
	size_t an = to_cps(a, alen, ca, NULL), bn = to_cps(b, blen, cb, NULL);
	return cp_distance(ca, an, cb, bn);
}

size_t jx_vocab_squeeze(const char *s, size_t len, char *out, size_t cap)
{
	size_t o = 0, i = 0;
	if (cap == 0)
		return 0;
	while (i < len) {
		uint32_t c;
		size_t k = jx_utf8_decode(s + i, len - i, &c);
		if (!jx_utf8_is_space(c)) {
			if (o + k >= cap)
				break;
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return o;
}

/* Whole-string match against a table; exact (ignoring spaces) first, then distance 1 for names of >= 4 code
 * points when exactly one name is that close. */
#define WHOLE_MATCH(names, dec, field, unknown)                                                                 \
	do {                                                                                               \
		uint32_t cp[NCP];\
		call_once(&names_once, decode_names);                                                                 \
		size_t n = to_cps(s, len, cp, NULL);                                                       \
		if (approx)                                                                                \
			*approx = false;                                                                   \
		if (n == 0 || n >= NCP)                                                                    \
			return unknown;                                                                    \
		int best = -1, nbest = 0;                                                                  \
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {                                \
			size_t m = dec[i].n; const uint32_t *np = dec[i].cp;                       \
			if (m == n && memcmp(np, cp, n * sizeof *cp) == 0)                                 \
				return names[i].field;                                                     \
		}                                                                                          \
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {                                \
			size_t m = dec[i].n; const uint32_t *np = dec[i].cp;                       \
			if (m < 4 || n < 3)                                                                \
				continue;                                                                  \
			if (within_one(cp, n, np, m) && cp_distance(cp, n, np, m) == 1) {                                              \
				if (best < 0 || names[best].field != names[i].field)                       \
					nbest++;                                                           \
				best = (int)i;                                                             \
			}                                                                                  \
		}                                                                                          \
		if (nbest == 1) {                                                                          \
			if (approx)                                                                        \
				*approx = true;                                                            \
			return names[best].field;                                                          \
		}                                                                                          \
		return unknown;                                                                            \
	} while (0)

jx_level1 jx_vocab_level1(const char *s, size_t len, bool *approx)
{
	WHOLE_MATCH(l1_names, l1_dec, l1, JX_L1_UNKNOWN);
}

jx_level2 jx_vocab_level2(const char *s, size_t len, bool *approx)
{
	WHOLE_MATCH(l2_names, l2_dec, l2, JX_L2_UNKNOWN);
}

/* Prefix match: the longest name equal to the first m code points; else a name of >= 4 code points within
 * distance 1 of the first m-1, m or m+1 code points (one substitution, deletion or insertion). */
#define PREFIX_MATCH(names, dec, field, unknown)                                                                \
	do {                                                                                               \
		uint32_t cp[NCP];\
		call_once(&names_once, decode_names);                                                                 \
		size_t ends[NCP];                                                                          \
		size_t n = to_cps(s, len, cp, ends);                                                       \
		if (approx)                                                                                \
			*approx = false;                                                                   \
		*out = unknown;                                                                            \
		size_t best_m = 0;                                                                         \
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {                                \
			size_t m = dec[i].n; const uint32_t *np = dec[i].cp;                       \
			if (m <= n && m > best_m && memcmp(np, cp, m * sizeof *cp) == 0) {                 \
				best_m = m;                                                                \
				*out = names[i].field;                                                     \
			}                                                                                  \
		}                                                                                          \
		if (best_m)                                                                                \
			return ends[best_m - 1];                                                           \
		size_t best_end = 0;                                                                       \
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {                                \
			size_t m = dec[i].n; const uint32_t *np = dec[i].cp;                       \
			if (m < 4)                                                                         \
				continue;                                                                  \
			for (size_t k = m - 1; k <= m + 1; k++) {                                          \
				if (k > n || k == 0)                                                       \
					continue;                                                          \
				/* the last character must agree, so a name is not matched into the next cell */ \
				if (cp[k - 1] != np[m - 1] && np[m - 1] != 0x6807 /* 标 */)                \
					continue;                                                          \
				if (within_one(cp, k, np, m) && ends[k - 1] > best_end) {            \
					best_end = ends[k - 1];                                            \
					*out = names[i].field;                                             \
				}                                                                          \
			}                                                                                  \
		}                                                                                          \
		if (best_end && approx)                                                                    \
			*approx = true;                                                                    \
		return best_end;                                                                           \
	} while (0)

size_t jx_vocab_prefix_level1(const char *s, size_t len, jx_level1 *out, bool *approx)
{
	PREFIX_MATCH(l1_names, l1_dec, l1, JX_L1_UNKNOWN);
}

size_t jx_vocab_prefix_level2(const char *s, size_t len, jx_level2 *out, bool *approx)
{
	PREFIX_MATCH(l2_names, l2_dec, l2, JX_L2_UNKNOWN);
}

static bool label_ignored(uint32_t c)
{
	return jx_utf8_is_space(c) || c == ':' || c == 0xFF1A || c == '(' || c == ')' || c == 0xFF08 ||
	       c == 0xFF09 || c == 0x3010 || c == 0x3011;
}

static size_t to_label_cps(const char *s, size_t len, uint32_t *cp)
{
	size_t n = 0, i = 0;
	while (i < len && n < NCP) {
		uint32_t c;
		i += jx_utf8_decode(s + i, len - i, &c);
		if (!label_ignored(c))
			cp[n++] = c;
	}
	return n;
}

int jx_vocab_label(const char *s, size_t len, const char *const *labels, bool *approx)
{
	uint32_t cp[NCP], lp[NCP];
	size_t n = to_label_cps(s, len, cp);
	if (approx)
		*approx = false;
	if (n == 0 || n >= NCP)
		return -1;
	for (int i = 0; labels[i]; i++) {
		size_t m = to_label_cps(labels[i], strlen(labels[i]), lp);
		if (m == n && memcmp(lp, cp, n * sizeof *cp) == 0)
			return i;
	}
	int best = -1, nbest = 0;
	for (int i = 0; labels[i]; i++) {
		size_t m = to_label_cps(labels[i], strlen(labels[i]), lp);
		if (m >= 4 && n >= 3 && within_one(cp, n, lp, m) && cp_distance(cp, n, lp, m) == 1) {
			best = i;
			nbest++;
		}
	}
	if (nbest == 1) {
		if (approx)
			*approx = true;
		return best;
	}
	return -1;
}
