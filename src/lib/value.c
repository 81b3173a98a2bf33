/* value.c: the value grammar: reads "≥95%", "≤30.41万元", "16000元/人", "2024年12月31日前", "有效提高", "无" into a jx_value.
 *
 * How it works (linear in the input, no allocation besides the optional arena):
 *  1. trim; fold full-width forms to ASCII, drop all white space (tabs and line breaks inside cells too), map ≧ ≦ to
 *     ≥ ≤, and strip trailing 。 ， ； . , ; into a bounded stack buffer (NORM_MAX bytes);
 *  2. try the structured grammar on it: [comparator | verb] ( recurrence | 每人… money | date / period | number unit )
 *     [以上 | 以下 | 以内 | 左右 | 前 | 完成];
 *  3. if that does not consume the whole cell, classify it as free text:
 *     - placeholder: the whole cell is one of "无", "/", "-", "—", "——", "不适用", "暂无", "XX", "××", "待定", "略" …,
 *       or "无…效益" / "无…影响" ("无直接经济效益": the row does not apply);
 *     - text: any digit (ASCII or full-width) or a title in 《》;
 *     - qualitative: a whole-cell grade ("好", "合规", "规范", "无违规" …), or a predicate: starts with a modifier or
 *       verb ("有效…", "进一步…", "增强…") or ends with a direction word ("…进一步提升", "…得到充分维护"); but a
 *       cell ending like an indicator name ("…满意度", "…率", "…指标", "…资金") and not starting like a predicate
 *       is text;
 *     - text otherwise.
 *  Decisions: "‰" is a PERCENT with unit "‰"; "平米" and "㎡" are normalised to "平方米"; "99年" (not a four-digit
 *  year) is a COUNT in 年; a comparator before a grade ("≥良好") is dropped (QUALITATIVE, op NONE); a money amount
 *  that is not a whole number of fen ("0.001元") is TEXT; "4次/年" is a COUNT with unit "次/年" (per is for money).
 *
 * Storage of the strings set in jx_value:
 *  - with an arena: text, unit and per are all copies in the arena (per points inside the unit copy: "元/人/年"
 *    holds "人/年" as its tail), so the value lives as long as the arena and may be copied freely;
 *  - without an arena: `text` points into the caller's text, at the first non-space byte; it is NOT terminated at the
 *    trimmed end (the caller's bytes continue, trailing spaces included, and there may be no NUL at `len` at all),
 *    so callers that need the trimmed text as a string must pass an arena; `unit` and `per` point into
 *    out->inline_buf, so such a value must not be copied by assignment (the copy's unit would point into the
 *    original) and lives as long as both the caller's text and the jx_value itself.
 */
#include <string.h>

#include "jx/value.h"
#include "util/arena.h"
#include "util/utf8.h"

/* Longest normalised cell the structured grammar looks at. Real values are a few dozen bytes; longer cells are
 * sentences, classified as free text without copying. */
#define NORM_MAX 256

/* What the structured grammar found. */
typedef struct vparse {
	jx_op op;
	jx_value_kind kind;
	bool has_number;
	jx_decimal number;
	int64_t fen;
	char unit[sizeof(((jx_value *)0)->inline_buf)]; /* NUL-terminated; a unit that does not fit makes the cell TEXT,
							 * so both storage modes read the same */
	int per_off;     /* offset of `per` inside unit, or -1 */
	jx_date from, to;
	bool recurring;
} vparse;

/* ---------- small scanning helpers over the normalised buffer ---------- */

static bool starts(const char *s, size_t n, size_t i, const char *lit)
{
	/* The first byte rejects almost every candidate without measuring it. */
	if (i >= n || s[i] != lit[0])
		return false;
	size_t k = strlen(lit);
	return i <= n && n - i >= k && memcmp(s + i, lit, k) == 0;
}

/* Advances *i past `lit` if it is there. */
static bool eat(const char *s, size_t n, size_t *i, const char *lit)
{
	if (!starts(s, n, *i, lit))
		return false;
	*i += strlen(lit);
	return true;
}

/* Eats the first entry of `list` (NULL-terminated, longest spellings first) found at *i; returns its index or -1. */
static int eat_any(const char *s, size_t n, size_t *i, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (eat(s, n, i, list[k]))
			return k;
	return -1;
}

static bool is_digit_at(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

static bool contains(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	if (k == 0 || k > n)
		return false;
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == lit[0] && memcmp(s + i, lit, k) == 0)
			return true;
	return false;
}

static bool in_list(const char *s, size_t n, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (n > 0 && s[0] == list[k][0] && strlen(list[k]) == n && memcmp(s, list[k], n) == 0)
			return true;
	return false;
}

/* ---------- vocabulary ---------- */

typedef struct opword {
	const char *w;
	jx_op op;
} opword;

/* Comparators written before the number. Longest first where one is a prefix of another. */
static const opword op_prefixes[] = {
	{">=", JX_OP_GE}, {"=>", JX_OP_GE}, {"<=", JX_OP_LE}, {"=<", JX_OP_LE},
	{"\xE2\x89\xA5", JX_OP_GE}, /* ≥ */
	{"\xE2\x89\xA4", JX_OP_LE}, /* ≤ */
	{">", JX_OP_GT}, {"<", JX_OP_LT}, {"=", JX_OP_EQ},
	{"大于或等于", JX_OP_GE}, {"大于等于", JX_OP_GE}, {"不低于", JX_OP_GE}, {"不少于", JX_OP_GE},
	{"不小于", JX_OP_GE}, {"至少", JX_OP_GE}, {"达到", JX_OP_GE},
	{"小于或等于", JX_OP_LE}, {"小于等于", JX_OP_LE}, {"不超过", JX_OP_LE}, {"不高于", JX_OP_LE},
	{"不多于", JX_OP_LE}, {"不大于", JX_OP_LE}, {"控制在", JX_OP_LE}, {"最多", JX_OP_LE},
	{"截至", JX_OP_LE}, {"截止", JX_OP_LE}, {"至", JX_OP_LE}, /* "至2024年12月": until; after 至少 */
	{"大于", JX_OP_GT}, {"高于", JX_OP_GT}, {"超过", JX_OP_GT}, {"多于", JX_OP_GT},
	{"小于", JX_OP_LT}, {"低于", JX_OP_LT}, {"少于", JX_OP_LT},
	{"等于", JX_OP_EQ},
	{"大约", JX_OP_APPROX}, {"约", JX_OP_APPROX},
	{NULL, JX_OP_NONE},
};

/* Comparators written after the value. */
static const opword op_suffixes[] = {
	{"及以上", JX_OP_GE}, {"或以上", JX_OP_GE}, {"以上", JX_OP_GE},
	{"及以下", JX_OP_LE}, {"或以下", JX_OP_LE}, {"以下", JX_OP_LE}, {"以内", JX_OP_LE}, {"之内", JX_OP_LE},
	{"内", JX_OP_LE},
	{"左右", JX_OP_APPROX}, {"上下", JX_OP_APPROX},
	{NULL, JX_OP_NONE},
};

/* Verbs that people put before a number ("惠及500人"); skipped only when a number or comparator follows. */
static const char *const lead_verbs[] = {
	"惠及", "完成", "开展", "提供", "服务", "培训", "救助", "资助", "补助", "覆盖", "受益", "新增", "累计",
	"共计", "合计", "总计", "实现", "举办", "组织", "发放", "购买", "帮扶", "扶持", "安置", "慰问", "走访",
	"投入", "安排", "支出", "预计", "计划", "补贴", "拨付", "共", "计", "达", "为", "于", "在", NULL,
};

/* Counting and physical units, longest spelling first where one is a prefix of another. */
static const char *const count_units[] = {
	"人次", "人", "名", "户次", "户", "次", "个月", "个", "项", "件", "例", "版", "场次", "场", "所", "家", "辆",
	"台套", "台", "套", "种", "批", "期", "篇", "条", "天", "日", "周", "小时", "课时", "学时", "学期", "平方米",
	"平米", "\xE3\x8E\xA1" /* ㎡ */, "亩", "公里", "千米", "米", "吨", "册", "本", "张", "间", "座", "处", "所",
	"家次", "份", "部", "组", "支", "队", "类", "期次", "年", "万人次", "万人", "人天", "床", "只",
	"头", "棵", "株", "盏", "块", "间次", "节", "堂", "门", "位", "起", "宗", "单", "页", "套次", "片", "点", "分",
	NULL,
};

/* Money units and their fen per unit, longest first. */
static const struct {
	const char *w;
	int64_t fen;
} money_units[] = {
	{"百万元", 100000000LL}, {"千万元", 1000000000LL}, {"亿元", 10000000000LL}, {"万元", 1000000LL},
	{"千元", 100000LL}, {"元", 100LL}, {NULL, 0},
};

/* What money can be "per": counting units and time units. */
static const char *const per_units[] = {
	"人次", "人", "户次", "户", "名", "年", "季度", "月", "周", "天", "日", "次", "件", "个", "项", "例", "台",
	"套", "辆", "场", "期", "学期", "课时", "小时", "平方米", "平米", "\xE3\x8E\xA1", "亩", "所", "家", "班",
	"批", "床", "张", "册", "份", "篇", NULL,
};

/* Prefixes giving the money's per-unit: "平均每户1800元", "每人每月20元". Longest first. */
static const struct {
	const char *w;
	const char *per;
} per_prefixes[] = {
	{"平均每人每月", "人/月"}, {"平均每人每年", "人/年"}, {"平均每户每月", "户/月"}, {"平均每户每年", "户/年"},
	{"平均每户", "户"}, {"平均每人", "人"}, {"平均每名", "人"},
	{"每人每月", "人/月"}, {"每人每年", "人/年"}, {"每户每月", "户/月"}, {"每户每年", "户/年"},
	{"每人次", "人次"}, {"每人", "人"}, {"每户", "户"}, {"每名", "人"}, {"每次", "次"}, {"每年", "年"},
	{"每月", "月"}, {"人均", "人"}, {"户均", "户"}, {NULL, NULL},
};

/* Recurring periods ("每月"): a schedule, no dates. */
static const char *const recurring_words[] = {
	"每月", "每季度", "每季", "每年", "每周", "每天", "每日", "每半年", "每学期", "按月", "按季度", "按季", "按年",
	"按周", "每年度", "逐月", "按月度", NULL,
};

/* Periods named without dates. */
static const char *const period_words[] = {
	"全年度", "本年度内", "本年度", "年度内", "年度", "当年内", "当年", "年内", "中长期", "长期", "中期", "短期",
	"全年", "常年", "项目期内", "项目期", NULL,
};

/* Whole-cell placeholders (after white space is removed and full-width forms folded). */
static const char *const placeholders[] = {
	"无", "/", "//", "\\", "-", "--", "---", "\xE2\x80\x94" /* — */, "\xE2\x80\x94\xE2\x80\x94",
	"\xE2\x80\x93" /* – */, "\xE2\x80\x95" /* ― */, "\xE2\x80\x95\xE2\x80\x95", "~", "不适用", "暂无", "无此项",
	"XX", "xx", "Xx", "xX", "\xC3\x97\xC3\x97" /* ×× */, "\xC3\x97", "X", "x", "待定", "略", "N/A", "n/a", "NA",
	"空", "无数据", "不涉及", "#", "*", "...", "\xE2\x80\xA6" /* … */, "\xE2\x80\xA6\xE2\x80\xA6", "无。", NULL,
};

/* Whole-cell grades. */
static const char *const grades[] = {
	"好", "较好", "很好", "良好", "优", "优秀", "优良", "良", "合格", "达标", "完美", "满意", "合规", "规范",
	"无违规", "高", "较高", "显著", "明显", "有效", "稳定", "及时", "准确", "安全", "到位", "达到预期", "按时",
	"是", "已完成", "完成", "正常", "保障", "发展", NULL,
};

/* Qualitative values are a predicate: they start with a modifier or a verb ("有效提高", "增强残疾人家庭…能力",
 * "充分掌握…") or end with one ("…进一步提升", "…得到充分维护"). */
static const char *const qual_heads[] = {
	"有效", "稳步", "不断", "持续", "进一步", "有所", "逐步", "明显", "显著", "充分", "大力", "全面", "切实", "日渐",
	"日益", "逐年", "得到", "有序", "提高", "提升", "推进", "推动", "促进", "增强", "加强", "改善", "缓解", "减轻",
	"巩固", "保障", "维护", "满足", "掌握", "弘扬", "加大", "增加", "扩大", "改进", "优化", "落实", "完善", "健全",
	"完成", "降低", "减少", "确保", "实现", NULL,
};
static const char *const qual_tails[] = {
	"提高", "提升", "推进", "推动", "促进", "增强", "加强", "改善", "缓解", "减轻", "巩固", "保障", "维护", "满足",
	"掌握", "弘扬", "加大", "浓厚", "增加", "扩大", "改进", "优化", "落实", "完善", "健全", "回应", "完成", "降低",
	"减少", "增长", "普及", "到位", "达标", "合规", "规范", "良好", "显著", "明显", "有效", "稳定", "及时", "提速",
	"满意", "全覆盖", "无违规", "好", "较高", NULL,
};
/* Endings of indicator names and nouns, which are never a qualitative value ("服务对象满意度", "及时率",
 * "残疾人就业保障金", "残疾人保障体系"). */
static const char *const noun_tails[] = {
	"度", "率", "指标", "资金", "金", "体系", "情况", "人数", "数量", "时间", "时限", "标准", "费", "经费", "项目",
	"机制", "制度", "工作", "能力", "水平", "(%)", NULL,
};

/* ---------- normalisation ---------- */

static uint32_t norm_cp(uint32_t cp)
{
	cp = jx_utf8_fold(cp);
	switch (cp) {
	case 0x2267: /* ≧ */
	case 0x2A7E: /* ⩾ */
		return 0x2265;
	case 0x2266: /* ≦ */
	case 0x2A7D: /* ⩽ */
		return 0x2264;
	case 0x2215: /* ∕ */
		return '/';
	case 0x2030: /* ‰ stays */
	default:
		return cp;
	}
}

/* Folds s[0..len) into out (at most cap bytes). Returns the length, or (size_t)-1 if it does not fit. */
static size_t normalise(const char *s, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0;
	while (i < len) {
		uint32_t cp;
		i += jx_utf8_decode(s + i, len - i, &cp);
		if (jx_utf8_is_space(cp))
			continue;
		cp = norm_cp(cp);
		char enc[4];
		size_t k = jx_utf8_encode(cp, enc);
		if (o + k > cap)
			return (size_t)-1;
		memcpy(out + o, enc, k);
		o += k;
	}
	/* Trailing sentence punctuation is not part of the value. */
	for (;;) {
		if (o >= 3 && (memcmp(out + o - 3, "。", 3) == 0 || memcmp(out + o - 3, "、", 3) == 0)) {
			o -= 3;
			continue;
		}
		if (o >= 1 && (out[o - 1] == '.' || out[o - 1] == ',' || out[o - 1] == ';' || out[o - 1] == ':')) {
			o--;
			continue;
		}
		break;
	}
	return o;
}

/* ---------- dates and periods ---------- */

typedef struct dpoint {
	int y, m, d;
	int first, last; /* finest and coarsest component written: 0 none, 1 year, 2 month, 3 day */
	int bare;        /* a number with no 年/月/日 after it ("3至11月"): its value, or -1 */
} dpoint;

/* Reads 1..4 ASCII digits. */
static bool read_small(const char *s, size_t n, size_t *i, int *v)
{
	size_t j = *i;
	int val = 0, k = 0;
	while (j < n && s[j] >= '0' && s[j] <= '9') {
		if (++k > 4)
			return false;
		val = val * 10 + (s[j] - '0');
		j++;
	}
	if (k == 0)
		return false;
	*i = j;
	*v = val;
	return true;
}

static void dpoint_set(dpoint *p, int unit, int v)
{
	if (unit == 1)
		p->y = v;
	else if (unit == 2)
		p->m = v;
	else
		p->d = v;
	if (p->first == 0)
		p->first = unit;
	p->last = unit;
}

/* Reads "2024-12-31", "2024/12/31", "2024.12.31", "2024-12", "2024/12" (a four-digit year first; with '.' the day
 * is required, since "2024.12" is a decimal). */
static bool parse_numeric_date(const char *s, size_t n, size_t *i, dpoint *p)
{
	size_t j = *i, start = j;
	int y, m, d = 0;
	if (!read_small(s, n, &j, &y) || j - start != 4 || y < 1900 || y > 2199 || j >= n)
		return false;
	char sep = s[j];
	if (sep != '-' && sep != '/' && sep != '.')
		return false;
	j++;
	size_t ms = j;
	if (!read_small(s, n, &j, &m) || j - ms > 2 || m < 1 || m > 12)
		return false;
	if (j < n && s[j] == sep) {
		size_t k = j + 1, ds = k;
		if (read_small(s, n, &k, &d) && k - ds <= 2 && d >= 1 && d <= 31)
			j = k;
		else
			return false;
	} else if (sep == '.') {
		return false;
	}
	/* Not followed by what would make it a number or a unit. */
	if (j < n && (is_digit_at(s, n, j) || s[j] == '%' || s[j] == '.'))
		return false;
	p->y = y;
	p->m = m;
	p->d = d;
	p->first = 1;
	p->last = d ? 3 : 2;
	*i = j;
	return true;
}

/* Reads [Y年][M月[底|末|份|初|…]][D日|号] or a bare number. Components must get finer. Returns false on nothing. */
static bool parse_point(const char *s, size_t n, size_t *i, dpoint *p)
{
	memset(p, 0, sizeof *p);
	p->bare = -1;
	size_t j = *i;
	if (parse_numeric_date(s, n, &j, p)) {
		*i = j;
		return true;
	}
	for (int guard = 0; guard < 3; guard++) {
		size_t k = j;
		int v;
		if (!read_small(s, n, &k, &v))
			break;
		int unit;
		if (eat(s, n, &k, "年"))
			unit = 1;
		else if (eat(s, n, &k, "月"))
			unit = 2;
		else if (eat(s, n, &k, "日") || eat(s, n, &k, "号"))
			unit = 3;
		else {
			p->bare = v;
			j = k;
			break;
		}
		if (unit <= p->last)
			return false;
		/* "99年" is a duration, not a year: years are written with four digits. */
		if (unit == 1 && (v < 1900 || v > 2199))
			return false;
		dpoint_set(p, unit, v);
		j = k;
		if (unit == 2) {
			static const char *const month_tails[] = {"份", "底", "末", "初", "上旬", "中旬", "下旬", NULL};
			eat_any(s, n, &j, month_tails);
		}
		if (unit == 3)
			break;
	}
	if (p->last == 0 && p->bare < 0)
		return false;
	*i = j;
	return true;
}

/* Checked on the ints, before they are narrowed into jx_date ("268月" must not wrap to month 12). */
static bool dpoint_valid(const dpoint *p)
{
	return (p->y == 0 || (p->y >= 1900 && p->y <= 2199)) && p->m >= 0 && p->m <= 12 && p->d >= 0 && p->d <= 31 &&
	       !(p->d && !p->m);
}

static jx_date to_date(const dpoint *p)
{
	jx_date d = {(int16_t)p->y, (int8_t)p->m, (int8_t)p->d};
	return d;
}

static const char *const range_seps[] = {
	"至", "到", "-", "~", "\xE2\x80\x94\xE2\x80\x94", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95", NULL,
};

/* Date or period starting at *i; on success fills r, advances *i and returns true. */
static bool parse_when(const char *s, size_t n, size_t *i, vparse *r)
{
	size_t j = *i;
	dpoint a, b;
	if (eat(s, n, &j, "年底") || eat(s, n, &j, "年末")) {
		/* "年底前": the end of the current year. */
		memset(&a, 0, sizeof a);
		a.m = 12;
		a.first = a.last = 2;
		a.bare = -1;
	} else if (!parse_point(s, n, &j, &a))
		return false;
	if (a.last == 1 && a.bare < 0) {
		/* Year forms: 2023年全年 / 2023年度 / 2023年底 / 上半年 / 下半年. */
		if (eat(s, n, &j, "全年度") || eat(s, n, &j, "全年") || eat(s, n, &j, "年度") || eat(s, n, &j, "度")) {
			r->kind = JX_KIND_PERIOD;
			r->from = (jx_date){(int16_t)a.y, 1, 0};
			r->to = (jx_date){(int16_t)a.y, 12, 0};
			*i = j;
			return true;
		}
		if (eat(s, n, &j, "上半年")) {
			r->kind = JX_KIND_PERIOD;
			r->from = (jx_date){(int16_t)a.y, 1, 0};
			r->to = (jx_date){(int16_t)a.y, 6, 0};
			*i = j;
			return true;
		}
		if (eat(s, n, &j, "下半年")) {
			r->kind = JX_KIND_PERIOD;
			r->from = (jx_date){(int16_t)a.y, 7, 0};
			r->to = (jx_date){(int16_t)a.y, 12, 0};
			*i = j;
			return true;
		}
		if (eat(s, n, &j, "底") || eat(s, n, &j, "末")) {
			a.m = 12;
			a.last = 2;
		}
	}
	size_t save = j;
	if (eat_any(s, n, &j, range_seps) >= 0 && parse_point(s, n, &j, &b) && b.last > 0) {
		if (b.bare >= 0)
			return false; /* "3至5" with no unit on the right: not a date */
		if (a.bare >= 0) {
			/* The bare number takes the next finer unit after the left's last, or the right's first unit. */
			int unit = a.last > 0 ? a.last + 1 : b.first;
			if (unit < 2 || unit > 3)
				return false;
			dpoint_set(&a, unit, a.bare);
			a.bare = -1;
		}
		/* The right side inherits what it does not repeat: "2024年7月1日-11月30日". */
		if (b.first > 1 && b.y == 0)
			b.y = a.y;
		if (b.first > 2 && b.m == 0)
			b.m = a.m;
		if (!dpoint_valid(&a) || !dpoint_valid(&b))
			return false;
		r->kind = JX_KIND_PERIOD;
		r->from = to_date(&a);
		r->to = to_date(&b);
		*i = j;
		return true;
	}
	j = save;
	if (a.bare >= 0)
		return false;
	if (!dpoint_valid(&a))
		return false;
	r->kind = JX_KIND_DATE;
	r->from = r->to = to_date(&a);
	*i = j;
	return true;
}

/* Words after a date: 前 (LE), 完成, 以内 … */
static void parse_when_tail(const char *s, size_t n, size_t *i, vparse *r)
{
	static const char *const tails[] = {"以前", "之前", "前", "为止", "止", "以内", "之内", "内", "以后", "之后",
		"后", "全部完成", "完成", "期间", "间", NULL};
	for (int guard = 0; guard < 4 && *i < n; guard++) {
		int k = eat_any(s, n, i, tails);
		if (k < 0)
			break;
		if (k <= 7 && r->op == JX_OP_NONE)
			r->op = JX_OP_LE;
		else if (k >= 8 && k <= 10 && r->op == JX_OP_NONE)
			r->op = JX_OP_GE;
	}
}

/* ---------- units ---------- */

static bool unit_append(vparse *r, const char *w)
{
	size_t have = strlen(r->unit), k = strlen(w);
	if (have + k + 1 > sizeof r->unit)
		return false;
	memcpy(r->unit + have, w, k + 1);
	return true;
}

/* Reads "/人/年" after a unit into r->unit; for money (set_per) `per` starts after the first '/'. Returns the
 * number of segments read, or -1 if the unit does not fit. */
static int parse_per_suffix(const char *s, size_t n, size_t *i, vparse *r, bool set_per)
{
	int segs = 0;
	for (int guard = 0; guard < 3; guard++) {
		size_t j = *i;
		/* "元/人/年", "元/人·年", "元每人" */
		if (!eat(s, n, &j, "/") && !eat(s, n, &j, "\xC2\xB7") && !eat(s, n, &j, "每"))
			break;
		int k = eat_any(s, n, &j, per_units);
		if (k < 0)
			break;
		if (set_per && segs == 0 && r->per_off < 0) {
			if (!unit_append(r, "/"))
				return -1;
			r->per_off = (int)strlen(r->unit);
		} else if (!unit_append(r, "/"))
			return -1;
		if (!unit_append(r, per_units[k]))
			return -1;
		segs++;
		*i = j;
	}
	return segs;
}

/* Number and unit at *i (after any comparator). Returns 1 when read, 0 when not a number, JX_ERANGE. */
static int parse_amount(const char *s, size_t n, size_t *i, vparse *r, const char *per_prefix)
{
	jx_decimal d;
	int got = jx_decimal_parse(&d, s + *i, n - *i);
	if (got < 0)
		return JX_ERANGE;
	if (got == 0)
		return 0;
	size_t j = *i + (size_t)got;
	r->has_number = true;
	r->number = d;
	/* "300余名", "300多人" */
	if (eat(s, n, &j, "余") || eat(s, n, &j, "多")) {
		if (r->op == JX_OP_NONE)
			r->op = JX_OP_APPROX;
	}
	if (per_prefix) {
		/* "平均每户1800元": only money can follow. */
		int mk = -1;
		for (int k = 0; money_units[k].w; k++)
			if (eat(s, n, &j, money_units[k].w)) {
				mk = k;
				break;
			}
		if (mk < 0)
			return 0;
		r->kind = JX_KIND_MONEY_PER_UNIT;
		if (!unit_append(r, money_units[mk].w) || !unit_append(r, "/"))
			return 0;
		r->per_off = (int)strlen(r->unit);
		if (!unit_append(r, per_prefix))
			return 0;
		/* "每人5400元/年" */
		if (parse_per_suffix(s, n, &j, r, true) < 0)
			return 0;
		int rc = jx_decimal_to_fen(&d, money_units[mk].fen, &r->fen);
		if (rc == JX_ERANGE)
			return JX_ERANGE;
		if (rc != 0)
			return 0;
		*i = j;
		return 1;
	}
	if (eat(s, n, &j, "%")) {
		r->kind = JX_KIND_PERCENT;
		unit_append(r, "%");
	} else if (eat(s, n, &j, "\xE2\x80\xB0")) {
		r->kind = JX_KIND_PERCENT;
		unit_append(r, "\xE2\x80\xB0");
	} else {
		int mk = -1;
		for (int k = 0; money_units[k].w; k++)
			if (eat(s, n, &j, money_units[k].w)) {
				mk = k;
				break;
			}
		if (mk >= 0) {
			unit_append(r, money_units[mk].w);
			int segs = parse_per_suffix(s, n, &j, r, true);
			if (segs < 0)
				return 0;
			r->kind = segs > 0 ? JX_KIND_MONEY_PER_UNIT : JX_KIND_MONEY;
			int rc = jx_decimal_to_fen(&d, money_units[mk].fen, &r->fen);
			if (rc == JX_ERANGE)
				return JX_ERANGE;
			if (rc != 0)
				return 0; /* a fraction of a fen: not an amount we can hold exactly */
		} else {
			int k = eat_any(s, n, &j, count_units);
			if (k >= 0) {
				r->kind = JX_KIND_COUNT;
				const char *u = count_units[k];
				/* One spelling per physical unit. */
				if (strcmp(u, "平米") == 0 || strcmp(u, "\xE3\x8E\xA1") == 0)
					u = "平方米";
				unit_append(r, u);
				eat(s, n, &j, "数"); /* "≥5人数" */
				/* A frequency: "4次/年" (unit "次/年"; `per` is only for money). */
				if (parse_per_suffix(s, n, &j, r, false) < 0)
					return 0;
			} else {
				r->kind = JX_KIND_NUMBER;
			}
		}
	}
	*i = j;
	return 1;
}

/* ---------- the structured grammar ---------- */

/* Returns 1 if the whole of s[0..n) was read into r, 0 if not, JX_ERANGE if a number does not fit. */
static int parse_structured(const char *s, size_t n, vparse *r)
{
	size_t i = 0;
	r->per_off = -1;
	/* Comparators and lead verbs, in any order, a few at most. */
	for (int guard = 0; guard < 3 && i < n; guard++) {
		size_t j = i;
		bool moved = false;
		for (int k = 0; op_prefixes[k].w; k++) {
			if (eat(s, n, &j, op_prefixes[k].w)) {
				if (r->op == JX_OP_NONE)
					r->op = op_prefixes[k].op;
				moved = true;
				break;
			}
		}
		if (!moved) {
			size_t v = j;
			if (eat_any(s, n, &v, lead_verbs) >= 0) {
				/* A verb is dropped only before a number or a comparator. */
				size_t w = v;
				bool op_next = false;
				for (int k = 0; op_prefixes[k].w; k++)
					if (starts(s, n, w, op_prefixes[k].w))
						op_next = true;
				if (is_digit_at(s, n, v) || op_next) {
					j = v;
					moved = true;
				}
			}
		}
		if (!moved)
			break;
		i = j;
	}
	if (i >= n)
		return 0;

	/* A recurrence or an undated period fills the rest. */
	if (in_list(s + i, n - i, recurring_words)) {
		r->kind = JX_KIND_PERIOD;
		r->recurring = true;
		return 1;
	}
	{
		size_t j = i;
		if (eat_any(s, n, &j, period_words) >= 0) {
			/* "中长期", "年内完成" */
			vparse save = *r;
			parse_when_tail(s, n, &j, r);
			if (j == n) {
				r->kind = JX_KIND_PERIOD;
				return 1;
			}
			*r = save;
		}
	}

	/* "平均每户1800元", "每人每月20元" */
	for (int k = 0; per_prefixes[k].w; k++) {
		size_t j = i;
		if (eat(s, n, &j, per_prefixes[k].w)) {
			/* "每人补助16000元" */
			size_t v = j;
			if (eat_any(s, n, &v, lead_verbs) >= 0 && is_digit_at(s, n, v))
				j = v;
			if (!is_digit_at(s, n, j))
				break;
			int rc = parse_amount(s, n, &j, r, per_prefixes[k].per);
			if (rc <= 0)
				return rc;
			i = j;
			goto tail;
		}
	}

	{
		size_t j = i;
		vparse save = *r;
		if (parse_when(s, n, &j, r)) {
			parse_when_tail(s, n, &j, r);
			if (j == n)
				return 1;
		}
		*r = save;
	}

	{
		int rc = parse_amount(s, n, &i, r, NULL);
		if (rc <= 0)
			return rc;
	}
tail:
	for (int guard = 0; guard < 2 && i < n; guard++) {
		bool moved = false;
		for (int k = 0; op_suffixes[k].w; k++) {
			if (eat(s, n, &i, op_suffixes[k].w)) {
				/* "控制在30万元以内": the prefix already says it; a suffix never overrides one. */
				if (r->op == JX_OP_NONE)
					r->op = op_suffixes[k].op;
				moved = true;
				break;
			}
		}
		if (!moved)
			break;
	}
	return i == n ? 1 : 0;
}

/* ---------- free text ---------- */

static bool starts_with_any(const char *s, size_t n, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (starts(s, n, 0, list[k]))
			return true;
	return false;
}

static bool ends_with_any(const char *s, size_t n, const char *const *list)
{
	for (int k = 0; list[k]; k++) {
		size_t l = strlen(list[k]);
		if (l <= n && s[n - l] == list[k][0] && memcmp(s + n - l, list[k], l) == 0)
			return true;
	}
	return false;
}

static bool has_digit(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		i += jx_utf8_decode(s + i, n - i, &cp);
		cp = jx_utf8_fold(cp);
		if (cp >= '0' && cp <= '9')
			return true;
	}
	return false;
}

static jx_value_kind classify_free(const char *s, size_t n)
{
	if (in_list(s, n, placeholders))
		return JX_KIND_PLACEHOLDER;
	/* Digits, or a document title ("《…保障法》"), make it text whatever words it contains. */
	if (has_digit(s, n) || contains(s, n, "《"))
		return JX_KIND_TEXT;
	if (in_list(s, n, grades))
		return JX_KIND_QUALITATIVE;
	/* "无直接经济效益", "无生态效益": the row does not apply, said in words. */
	if (starts(s, n, 0, "无") && n <= 3 * 12 &&
	    (n >= 6 && (memcmp(s + n - 6, "效益", 6) == 0 || memcmp(s + n - 6, "影响", 6) == 0)))
		return JX_KIND_PLACEHOLDER;
	if (ends_with_any(s, n, noun_tails) && !starts_with_any(s, n, qual_heads))
		return JX_KIND_TEXT;
	if (starts_with_any(s, n, qual_heads) || ends_with_any(s, n, qual_tails))
		return JX_KIND_QUALITATIVE;
	return JX_KIND_TEXT;
}

/* ---------- public ---------- */

int jx_value_parse(jx_value *out, const char *text, size_t len, jx_arena *arena)
{
	memset(out, 0, sizeof *out);
	if (!text)
		len = 0;
	size_t tlen = len;
	const char *t = text ? jx_utf8_trim(text, &tlen) : "";

	char norm[NORM_MAX];
	size_t n = normalise(t, tlen, norm, sizeof norm);
	bool fits = n != (size_t)-1;

	vparse r;
	memset(&r, 0, sizeof r);
	r.per_off = -1;
	int ret = 0;
	if (fits && n == 0) {
		r.kind = JX_KIND_EMPTY;
	} else if (fits) {
		int rc = parse_structured(norm, n, &r);
		if (rc == JX_ERANGE) {
			memset(&r, 0, sizeof r);
			r.per_off = -1;
			r.kind = JX_KIND_TEXT;
			ret = JX_ERANGE;
		} else if (rc == 0) {
			memset(&r, 0, sizeof r);
			r.per_off = -1;
			r.kind = classify_free(norm, n);
		}
	} else {
		r.kind = classify_free(t, tlen);
	}

	out->op = r.op;
	out->kind = r.kind;
	out->has_number = r.has_number;
	out->number = r.number;
	out->fen = r.fen;
	out->from = r.from;
	out->to = r.to;
	out->recurring = r.recurring;

	size_t ulen = strlen(r.unit);
	if (arena) {
		char *tc = jx_arena_strndup(arena, t, tlen);
		char *uc = jx_arena_strndup(arena, r.unit, ulen);
		if (!tc || !uc) {
			out->text = "";
			out->unit = "";
			out->kind = JX_KIND_TEXT;
			out->has_number = false;
			return jx_error_set(JX_ENOMEM, "内存不足：无法保存指标值");
		}
		out->text = tc;
		out->unit = uc;
		out->per = r.per_off >= 0 ? uc + r.per_off : NULL;
	} else {
		out->text = t;
		/* r.unit has the size of inline_buf, so the unit always fits. */
		memcpy(out->inline_buf, r.unit, ulen + 1);
		out->unit = out->inline_buf;
		out->per = r.per_off >= 0 ? out->inline_buf + r.per_off : NULL;
	}
	if (ret == JX_ERANGE)
		return jx_error_set(JX_ERANGE, "数值超出范围：%.*s", (int)(tlen > 64 ? 64 : tlen), t);
	return 0;
}

const char *jx_op_name(jx_op op)
{
	switch (op) {
	case JX_OP_GE: return ">=";
	case JX_OP_GT: return ">";
	case JX_OP_LE: return "<=";
	case JX_OP_LT: return "<";
	case JX_OP_EQ: return "=";
	case JX_OP_APPROX: return "~";
	case JX_OP_NONE: break;
	}
	return NULL;
}

const char *jx_op_symbol(jx_op op)
{
	switch (op) {
	case JX_OP_GE: return "≥";
	case JX_OP_GT: return "＞";
	case JX_OP_LE: return "≤";
	case JX_OP_LT: return "＜";
	case JX_OP_EQ: return "＝";
	case JX_OP_APPROX: return "约";
	case JX_OP_NONE: break;
	}
	return "";
}

int jx_op_from_name(const char *name, jx_op *out)
{
	static const opword names[] = {
		{">=", JX_OP_GE}, {"≥", JX_OP_GE}, {"≧", JX_OP_GE}, {"ge", JX_OP_GE},
		{">", JX_OP_GT}, {"＞", JX_OP_GT}, {"gt", JX_OP_GT},
		{"<=", JX_OP_LE}, {"≤", JX_OP_LE}, {"≦", JX_OP_LE}, {"le", JX_OP_LE},
		{"<", JX_OP_LT}, {"＜", JX_OP_LT}, {"lt", JX_OP_LT},
		{"=", JX_OP_EQ}, {"＝", JX_OP_EQ}, {"eq", JX_OP_EQ},
		{"~", JX_OP_APPROX}, {"约", JX_OP_APPROX}, {"approx", JX_OP_APPROX},
		{"", JX_OP_NONE}, {"none", JX_OP_NONE},
		{NULL, JX_OP_NONE},
	};
	if (!name || !out)
		return jx_error_set(JX_EINVAL, "比较符为空");
	for (int k = 0; names[k].w; k++)
		if (strcmp(name, names[k].w) == 0) {
			*out = names[k].op;
			return 0;
		}
	return jx_error_set(JX_EINVAL, "未知的比较符：%s", name);
}

static const char *const kind_names[] = {
	"empty", "count", "number", "percent", "money", "money_per_unit", "date", "period", "qualitative",
	"placeholder", "text",
};

const char *jx_value_kind_name(jx_value_kind k)
{
	if ((unsigned)k < sizeof kind_names / sizeof kind_names[0])
		return kind_names[k];
	return "text";
}

int jx_value_kind_from_name(const char *name, jx_value_kind *out)
{
	if (!name || !out)
		return jx_error_set(JX_EINVAL, "指标值类型为空");
	for (size_t k = 0; k < sizeof kind_names / sizeof kind_names[0]; k++)
		if (strcmp(name, kind_names[k]) == 0) {
			*out = (jx_value_kind)k;
			return 0;
		}
	return jx_error_set(JX_EINVAL, "未知的指标值类型：%s", name);
}

int64_t jx_money_unit_fen(const char *unit)
{
	if (!unit)
		return 0;
	for (int k = 0; money_units[k].w; k++)
		if (strcmp(unit, money_units[k].w) == 0)
			return money_units[k].fen;
	return 0;
}
