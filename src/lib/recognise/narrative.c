/* narrative.c: recognises report prose: the 概况 overview and the 情况说明 paragraphs with the numbers they state.
 *
 * Prose is found by its headings, not by what others left: a 第N部分 heading names the part (概况, …情况说明), numbered
 * headings (一、 （一） 1、) open sections, a table title or a row claimed by a table recogniser suspends the prose until
 * the next top-level section (十一、 after 十、; in true cells, where table rows are not paragraphs, any numbered
 * heading). Paragraphs end at a line ending in 。 and are joined without spaces
 * (PDF lines wrap mid-sentence). */
#include "recognise/recognise.h"

#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#define PARA_CAP (64 * 1024) /* a paragraph longer than this is cut: prose never is */
#define MAX_SEGS 512

enum { PART_NONE = 0, PART_OVERVIEW, PART_EXPLAIN };
enum { SEC_OTHER = 0, SEC_DUTIES, SEC_STRUCTURE };

/* A physical line inside a paragraph: where its bytes start in the joined text and where it came from. */
typedef struct seg {
	size_t off;
	jx_src src;
} seg;

typedef struct para {
	jx_buf text;
	seg segs[MAX_SEGS];
	size_t nsegs;
} para;

typedef struct nar_state {
	jx_rec_ctx *ctx;
	int part;
	bool suspended;  /* inside a table between prose sections */
	int last_top;    /* numeral of the last top-level heading (一、 = 1) */
	int sec_kind;
	bool glossary;   /* 名词解释: every numbered entry is a paragraph, the part is the section */
	const char *section;
	const char *dept; /* department name, stripped from labels */
	para p;
	jx_buf duties, structure;
	jx_src duties_src, structure_src;
} nar_state;

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static size_t cp_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Chinese numeral 一..九十九 at s; returns its value and sets *used, or 0. */
static int cn_numeral(const char *s, size_t len, size_t *used)
{
	static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int value = 0, cur = 0;
	size_t i = 0;
	bool any = false;
	while (i + 3 <= len && i < 12) {
		int d = 0;
		for (int k = 0; k < 9; k++)
			if (memcmp(s + i, digits[k], 3) == 0)
				d = k + 1;
		if (d) {
			cur = d;
		} else if (memcmp(s + i, "十", 3) == 0) {
			value += (cur ? cur : 1) * 10;
			cur = 0;
		} else {
			break;
		}
		any = true;
		i += 3;
	}
	*used = i;
	return any ? value + cur : 0;
}

/* Heading levels: 1 for "一、…", 2 for "（一）…" and "1、…"; 0 if not a heading. *num gets the top numeral. */
static int heading_level(const char *s, size_t len, int *num)
{
	*num = 0;
	if (len == 0 || cp_count(s, len) > 32 || memchr(s, '\0', len) || strstr(s, "。"))
		return 0;
	size_t used;
	int n = cn_numeral(s, len, &used);
	if (n && used < len && (starts(s + used, "、") || starts(s + used, "．"))) {
		*num = n;
		return 1;
	}
	if (starts(s, "（") || starts(s, "(")) {
		size_t o = starts(s, "（") ? 3 : 1;
		n = cn_numeral(s + o, len - o, &used);
		if (n && (starts(s + o + used, "）") || starts(s + o + used, ")")))
			return 2;
	}
	size_t i = 0;
	while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0 && i < len && (starts(s + i, "、") || starts(s + i, ".") || starts(s + i, "．")) &&
	    !(i + 1 < len && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9'))
		return 2;
	return 0;
}

/* "第三部分 …" → its title after 部分, else NULL. */
static const char *part_title(const char *s)
{
	if (!starts(s, "第"))
		return NULL;
	const char *p = strstr(s, "部分");
	if (!p || p - s > 12)
		return NULL;
	return p + strlen("部分");
}

/* ---- facts ---- */

struct unit_word {
	const char *w;
	jx_fact_kind kind;
	jx_money_unit mu;
};

static const struct unit_word unit_words[] = {
	{"万元", JX_FACT_AMOUNT, JX_MU_WANYUAN}, {"亿元", JX_FACT_AMOUNT, JX_MU_YIYUAN},
	{"千元", JX_FACT_AMOUNT, JX_MU_QIANYUAN}, {"元", JX_FACT_AMOUNT, JX_MU_YUAN},
	{"%", JX_FACT_PERCENT, JX_MU_NONE}, {"％", JX_FACT_PERCENT, JX_MU_NONE},
	{"平方米", JX_FACT_COUNT, JX_MU_NONE}, {"平米", JX_FACT_COUNT, JX_MU_NONE},
	{"个", JX_FACT_COUNT, JX_MU_NONE}, {"家", JX_FACT_COUNT, JX_MU_NONE}, {"人", JX_FACT_COUNT, JX_MU_NONE},
	{"名", JX_FACT_COUNT, JX_MU_NONE}, {"辆", JX_FACT_COUNT, JX_MU_NONE}, {"台", JX_FACT_COUNT, JX_MU_NONE},
	{"套", JX_FACT_COUNT, JX_MU_NONE}, {"项", JX_FACT_COUNT, JX_MU_NONE}, {"所", JX_FACT_COUNT, JX_MU_NONE},
	{"户", JX_FACT_COUNT, JX_MU_NONE}, {"次", JX_FACT_COUNT, JX_MU_NONE}, {"件", JX_FACT_COUNT, JX_MU_NONE},
	{"间", JX_FACT_COUNT, JX_MU_NONE}, {"处", JX_FACT_COUNT, JX_MU_NONE}, {"座", JX_FACT_COUNT, JX_MU_NONE},
};

static const char *const delims[] = {"，", "。", "；", "：", "、", "！", "？", ",", ";", ":", NULL};
static const char *const sentence_ends[] = {"。", "；", ";", NULL};

static size_t match_any(const char *s, size_t len, const char *const *set)
{
	for (size_t k = 0; set[k]; k++) {
		size_t n = strlen(set[k]);
		if (n <= len && memcmp(s, set[k], n) == 0)
			return n;
	}
	return 0;
}

static void trim_bytes(const char **s, size_t *len)
{
	*s = jx_utf8_trim(*s, len);
}

static bool strip_prefix(const char **s, size_t *len, const char *w)
{
	size_t n = strlen(w);
	if (*len > n && memcmp(*s, w, n) == 0) {
		*s += n;
		*len -= n;
		trim_bytes(s, len);
		return true;
	}
	return false;
}

static bool strip_suffix(const char **s, size_t *len, const char *w)
{
	size_t n = strlen(w);
	if (*len > n && memcmp(*s + *len - n, w, n) == 0) {
		*len -= n;
		trim_bytes(s, len);
		return true;
	}
	return false;
}

/* The words before a number, without the connectives around them ("其中：", "主要包括", a year, the
 * department's own name, "为", "的"). */
static void clean_label(const nar_state *st, const char **s, size_t *len)
{
	static const char *const pre[] = {"其中", "主要包括", "包括", "主要用于", "另有", "共计", "合计", "共有",
					  "现有", "本部门", "本单位", "我单位", "所属", NULL};
	static const char *const post[] = {"共计", "总计为", "为", "是", "达", "达到", "约", "共", "占", "的", NULL};
	trim_bytes(s, len);
	for (int round = 0; round < 8; round++) {
		bool changed = false;
		/* a leading year: "2024年度", "2024 年" */
		size_t i = 0;
		while (i < *len && (*s)[i] >= '0' && (*s)[i] <= '9')
			i++;
		if (i == 4) {
			const char *rest = *s + i;
			size_t rl = *len - i;
			trim_bytes(&rest, &rl);
			if (strip_prefix(&rest, &rl, "年度") || strip_prefix(&rest, &rl, "年")) {
				*s = rest, *len = rl;
				changed = true;
			}
		}
		if (st->dept && strip_prefix(s, len, st->dept))
			changed = true;
		for (size_t k = 0; pre[k]; k++)
			if (strip_prefix(s, len, pre[k]))
				changed = true;
		for (size_t k = 0; post[k]; k++)
			if (strip_suffix(s, len, post[k]))
				changed = true;
		if (!changed)
			break;
	}
	/* "纳入绩效目标管理的二级项目" → "二级项目" */
	const char *de = NULL;
	for (const char *p = *s; p + 3 <= *s + *len; p++)
		if (memcmp(p, "的", 3) == 0)
			de = p;
	if (de && (size_t)(*s + *len - (de + 3)) >= 6) {
		*len = (size_t)(*s + *len - (de + 3));
		*s = de + 3;
	}
}

static jx_src src_at(const para *p, size_t off)
{
	size_t k = 0;
	while (k + 1 < p->nsegs && p->segs[k + 1].off <= off)
		k++;
	jx_src s = p->segs[k].src;
	if (s.col)
		s.col += (uint32_t)(off - p->segs[k].off);
	return s;
}

/* Which of 增加/减少 … the words end with: +1, -1, or 0. */
static int change_sign(const char *s, size_t len)
{
	static const char *const up[] = {"增加", "增长", "上升", "提高", "多", NULL};
	static const char *const down[] = {"减少", "下降", "降低", "减", "少", NULL};
	size_t l = len;
	jx_utf8_trim(s, &l);
	for (size_t k = 0; up[k]; k++)
		if (ends(s, l, up[k]))
			return +1;
	for (size_t k = 0; down[k]; k++)
		if (ends(s, l, down[k]))
			return -1;
	return 0;
}

/* Nothing but white space and punctuation between two numbers. */
static bool only_delims(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t n = match_any(s + i, len - i, delims);
		if (!n && (s[i] == ' ' || s[i] == '\t'))
			n = 1;
		if (!n)
			return false;
		i += n;
	}
	return true;
}

/* Finds the facts of a paragraph. */
static int extract_facts(nar_state *st, const para *p, jx_statement *stmt)
{
	jx_pkg *pkg = st->ctx->pkg;
	const char *t = p->text.ptr;
	size_t len = p->text.len;
	size_t clause = 0, prev_end = 0;
	bool have_prev = false;
	ptrdiff_t sent_first_amount = -1; /* index in stmt->facts of the sentence's first amount */
	size_t i = 0;
	while (i < len) {
		size_t dl = match_any(t + i, len - i, delims);
		if (dl) {
			if (match_any(t + i, len - i, sentence_ends))
				sent_first_amount = -1;
			i += dl;
			clause = i;
			continue;
		}
		unsigned char ch = (unsigned char)t[i];
		bool starts_number = ch >= '0' && ch <= '9';
		if (starts_number && i > 0) {
			unsigned char pc = (unsigned char)t[i - 1];
			if ((pc >= '0' && pc <= '9') || (pc >= 'A' && pc <= 'Z') || (pc >= 'a' && pc <= 'z') || pc == '.' ||
			    pc == ',' || pc == '-' || pc == '/')
				starts_number = false;
		}
		if (!starts_number) {
			i++;
			continue;
		}
		jx_decimal d;
		int n = jx_decimal_parse(&d, t + i, len - i);
		if (n <= 0) {
			i++;
			continue;
		}
		size_t j = i + (size_t)n, k = j;
		while (k < len && t[k] == ' ')
			k++;
		const struct unit_word *u = NULL;
		for (size_t q = 0; q < sizeof unit_words / sizeof *unit_words; q++)
			if (strlen(unit_words[q].w) <= len - k && starts(t + k, unit_words[q].w)) {
				u = &unit_words[q];
				break;
			}
		if (!u) {
			i = j;
			continue;
		}
		size_t end = k + strlen(u->w);
		const char *words = t + clause;
		size_t wlen = i - clause;
		int sign = change_sign(words, wlen);
		jx_fact *f = jx_vec_push(pkg->arena, &stmt->facts);
		if (!f)
			return JX_ENOMEM;
		f->kind = u->kind;
		f->number = d;
		f->sign = sign;
		f->src = src_at(p, i);
		f->src.len = (uint32_t)(end - i);
		f->unit = jx_pkg_strdup(pkg, u->w);
		const char *ws = words;
		size_t wl = wlen;
		trim_bytes(&ws, &wl);
		f->text = jx_pkg_strndup(pkg, ws, (size_t)(t + end - ws));
		if (!f->unit || !f->text)
			return JX_ENOMEM;
		if (u->kind == JX_FACT_AMOUNT) {
			int rc = jx_amount_parse(pkg, &f->amount, t + i, (size_t)n, u->mu, f->src);
			if (rc == JX_ENOMEM)
				return rc;
			if (sign)
				f->kind = JX_FACT_CHANGE;
		} else if (sign && u->kind == JX_FACT_COUNT) {
			f->kind = JX_FACT_CHANGE;
		}
		/* The label: a share or rate right after another number belongs to it ("…万元，占90.40%");
		 * a change belongs to what the sentence is about (its first amount). */
		size_t fi = stmt->facts.n - 1;
		const char *label = NULL;
		bool only_connective = wl == 0 || (wl == strlen("占") && starts(ws, "占")) || sign != 0;
		if (u->kind == JX_FACT_PERCENT && fi > 0 && have_prev && only_connective &&
		    only_delims(t + prev_end, clause - prev_end))
			label = stmt->facts.v[fi - 1].label;
		else if (sign && sent_first_amount >= 0)
			label = stmt->facts.v[sent_first_amount].label;
		if (!label) {
			const char *ls = ws;
			size_t ll = wl;
			if (sign) {
				/* "支出比上年增加" → "支出" */
				const char *bi = NULL;
				for (const char *q = ls; q + 3 <= ls + ll; q++)
					if (memcmp(q, "比", 3) == 0) {
						bi = q;
						break;
					}
				ll = bi ? (size_t)(bi - ls) : 0;
			}
			if (u->kind == JX_FACT_PERCENT && ll > 3 && starts(ls, "占"))
				ls += 3, ll -= 3; /* "占部门项目支出总额的100%" */
			clean_label(st, &ls, &ll);
			label = ll ? jx_pkg_strndup(pkg, ls, ll) : NULL;
			if (ll && !label)
				return JX_ENOMEM;
		}
		f->label = label;
		if (u->kind == JX_FACT_AMOUNT && !sign && sent_first_amount < 0)
			sent_first_amount = (ptrdiff_t)fi;
		i = end;
		clause = end;
		prev_end = end;
		have_prev = true;
	}
	return 0;
}

/* ---- paragraphs ---- */

static int para_add(para *p, const char *s, size_t len, jx_src src)
{
	if (p->text.len + len > PARA_CAP)
		return 0; /* cut: the rest of an endless paragraph is dropped */
	if (p->nsegs < MAX_SEGS) {
		p->segs[p->nsegs].off = p->text.len;
		p->segs[p->nsegs].src = src;
		p->nsegs++;
	}
	return jx_buf_put(&p->text, s, len) ? JX_ENOMEM : 0;
}

static void para_reset(para *p)
{
	jx_buf_clear(&p->text);
	p->nsegs = 0;
}

static int add_to_text(jx_buf *b, jx_src *first, const para *p)
{
	if (b->len == 0)
		*first = p->segs[0].src;
	else if (jx_buf_putc(b, '\n'))
		return JX_ENOMEM;
	return jx_buf_put(b, p->text.ptr, p->text.len) ? JX_ENOMEM : 0;
}

/* Ends the paragraph being collected: a statement in 情况说明, the department's text in 概况. */
static int flush(nar_state *st)
{
	para *p = &st->p;
	if (p->text.len == 0 || p->nsegs == 0) {
		para_reset(p);
		return 0;
	}
	jx_pkg *pkg = st->ctx->pkg;
	int rc = 0;
	if (st->part == PART_OVERVIEW) {
		if (st->sec_kind == SEC_DUTIES)
			rc = add_to_text(&st->duties, &st->duties_src, p);
		else if (st->sec_kind == SEC_STRUCTURE)
			rc = add_to_text(&st->structure, &st->structure_src, p);
	} else if (st->part == PART_EXPLAIN) {
		jx_statement *stmt = jx_vec_push(pkg->arena, &pkg->statements);
		if (!stmt)
			return JX_ENOMEM;
		stmt->section = st->section;
		stmt->src = p->segs[0].src;
		stmt->text = jx_pkg_strndup(pkg, p->text.ptr, p->text.len);
		if (!stmt->text)
			return JX_ENOMEM;
		rc = extract_facts(st, p, stmt);
	}
	para_reset(p);
	return rc;
}

/* Staffing and internal units from the 机构设置 text, only where the wording is unambiguous. */
static int read_structure(nar_state *st)
{
	jx_pkg *pkg = st->ctx->pkg;
	if (st->structure.len == 0)
		return 0;
	para p;
	memset(&p, 0, sizeof p);
	jx_buf_init(&p.text, PARA_CAP);
	int rc = para_add(&p, st->structure.ptr, st->structure.len, st->structure_src);
	jx_statement tmp;
	memset(&tmp, 0, sizeof tmp);
	if (!rc)
		rc = extract_facts(st, &p, &tmp);
	jx_buf_release(&p.text);
	if (rc)
		return rc;
	bool inside = strstr(st->structure.ptr, "内设") != NULL;
	int units = -1, actual = -1, retired = -1;
	for (size_t i = 0; i < tmp.facts.n; i++) {
		const jx_fact *f = &tmp.facts.v[i];
		if (f->kind != JX_FACT_COUNT || f->number.scale != 0 || f->number.digits > 1000000)
			continue;
		int v = (int)f->number.digits;
		const char *l = f->label ? f->label : "";
		/* "…5个股室": the count of internal units is stated with 个 and a unit noun right after. */
		if (inside && strcmp(f->unit, "个") == 0 && units < 0) {
			const char *after = strstr(st->structure.ptr, f->text);
			if (after) {
				after += strlen(f->text);
				static const char *const nouns[] = {"股室", "科室", "处室", "内设机构", "职能部门", "机构", "部门", NULL};
				if (match_any(after, strlen(after), nouns))
					units = v;
			}
		}
		if (strcmp(f->unit, "人") != 0)
			continue;
		if (strstr(l, "退休") && retired < 0)
			retired = v;
		else if (strstr(l, "在职") && !strstr(l, "其中") && actual < 0)
			actual = v;
	}
	/* A form read earlier (申报表) may have stated these already: keep its value, note a disagreement. */
	struct {
		int *field, v;
		const char *what;
	} set[] = {{&pkg->dept.internal_units, units, "内设机构数"},
		   {&pkg->dept.staff_actual, actual, "在职人员数"},
		   {&pkg->dept.retired, retired, "退休人员数"}};
	for (size_t i = 0; i < sizeof set / sizeof *set; i++) {
		if (set[i].v < 0)
			continue;
		if (*set[i].field < 0) {
			*set[i].field = set[i].v;
		} else if (*set[i].field != set[i].v) {
			rc = jx_pkg_note(pkg, JX_NOTE_WARNING, "import.conflict", NULL, st->structure_src,
					 "机构设置情况中的%s为%d，与表中的%d不一致", set[i].what, set[i].v, *set[i].field);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* The department's name from a "部门名称：X" line, to drop it from labels. */
static const char *find_dept(nar_state *st)
{
	jx_pkg *pkg = st->ctx->pkg;
	if (pkg->dept.name)
		return pkg->dept.name;
	const jx_grid *g = st->ctx->g;
	for (size_t i = 0; i < g->nlines; i++) {
		const char *s = strstr(g->lines[i], "部门名称");
		if (!s)
			continue;
		s += strlen("部门名称");
		while (*s == ' ' || *s == ':' || starts(s, "：") || *s == '\t')
			s += (*s == ' ' || *s == ':' || *s == '\t') ? 1 : 3;
		while (*s >= '0' && *s <= '9')
			s++; /* a leading "NNN-" code */
		if (*s == '-')
			s++;
		size_t n = 0;
		while (s[n] && s[n] != ' ' && s[n] != '\t' && n < 120)
			n++;
		if (n >= 6)
			return jx_pkg_strndup(pkg, s, n);
	}
	return NULL;
}

static bool table_title(const char *s, size_t len)
{
	if (strstr(s, "预算公开表"))
		return true;
	return cp_count(s, len) <= 40 && ends(s, len, "表") && !strstr(s, "。");
}

static int run(nar_state *st)
{
	jx_rec_ctx *ctx = st->ctx;
	const jx_grid *g = ctx->g;
	bool pdf = g->layout == JX_LAYOUT_PDF_TEXT;
	int rc = 0;
	for (size_t i = 0; i < g->rows.n; i++) {
		const jx_grid_row *r = &g->rows.v[i];
		if (ctx->claimed[i]) {
			/* someone else's table: the paragraph ends, prose resumes at the next section */
			if ((rc = flush(st)))
				return rc;
			if (st->part == PART_EXPLAIN)
				st->suspended = true;
			continue;
		}
		if (r->n == 0 || (!pdf && !r->paragraph))
			continue;
		const char *s = pdf ? jx_grid_line(g, r->src.line) : NULL;
		if (!s && r->n == 1) {
			s = r->cells[0].text;
		} else if (!s) {
			/* no raw line: put the cells back together as the line had them */
			jx_buf b = JX_BUF_INIT;
			for (size_t k = 0; k < r->n && !rc; k++)
				rc = (k && jx_buf_putc(&b, ' ')) || jx_buf_puts(&b, r->cells[k].text) ? JX_ENOMEM : 0;
			s = rc ? NULL : jx_pkg_strdup(ctx->pkg, jx_buf_cstr(&b));
			jx_buf_release(&b);
			if (!s)
				return JX_ENOMEM;
		}
		size_t len = strlen(s);
		s = jx_utf8_trim(s, &len);
		if (len == 0)
			continue;
		jx_src src = r->src;
		if (pdf && src.line) {
			const char *raw = jx_grid_line(g, src.line);
			if (raw)
				src.col = (uint32_t)(s - raw) + 1;
		}
		char line[512];
		size_t ll = len < sizeof line - 1 ? len : sizeof line - 1;
		memcpy(line, s, ll);
		line[ll] = '\0';

		const char *pt = part_title(line);
		if (pt) {
			if ((rc = flush(st)))
				return rc;
			/* the glossary (名词解释) is prose too: its paragraphs become statements (without numbers, mostly) */
			st->part = strstr(pt, "情况说明") || strstr(pt, "名词解释") ? PART_EXPLAIN
				   : strstr(pt, "概况")                         ? PART_OVERVIEW
										: PART_NONE;
			st->suspended = false;
			st->last_top = 0;
			st->sec_kind = SEC_OTHER;
			st->glossary = strstr(pt, "名词解释") != NULL;
			st->section = st->glossary ? jx_pkg_strndup(ctx->pkg, s, len) : NULL;
			if (st->glossary && !st->section)
				return JX_ENOMEM;
			if (st->part != PART_NONE)
				ctx->claimed[i] = 1;
			continue;
		}
		int num;
		int lvl = heading_level(line, ll, &num);
		if (st->glossary) {
			/* each entry ("六、财政专户管理资金：" too) starts a paragraph under the part */
			if (lvl && (rc = flush(st)))
				return rc;
			lvl = 0;
		}
		if (st->part == PART_NONE && lvl == 1 && strstr(line, "情况说明")) {
			st->part = PART_EXPLAIN; /* a report without part headings */
			st->last_top = 0;
		}
		if (st->part == PART_NONE)
			continue;
		if (st->suspended) {
			/* True cells keep table rows out of the paragraphs, so any numbered heading after a table
			 * resumes the prose (a report may go on at "1、车辆情况：" without its "十一、" heading); in PDF
			 * text only the next top-level heading does. */
			bool resume = lvl == 1 ? num > st->last_top : (lvl > 1 && g->layout == JX_LAYOUT_CELLS);
			if (!resume)
				continue;
			st->suspended = false;
		}
		if (lvl == 0 && table_title(line, ll)) {
			if ((rc = flush(st)))
				return rc;
			if (st->part == PART_OVERVIEW)
				st->part = PART_NONE;
			else
				st->suspended = true;
			continue;
		}
		if (lvl) {
			if ((rc = flush(st)))
				return rc;
			if (lvl == 1)
				st->last_top = num;
			st->section = jx_pkg_strndup(ctx->pkg, s, len);
			if (!st->section)
				return JX_ENOMEM;
			if (lvl == 1 || st->part == PART_OVERVIEW)
				st->sec_kind = strstr(line, "职责")       ? SEC_DUTIES
					       : strstr(line, "机构设置") ? SEC_STRUCTURE
									  : SEC_OTHER;
			ctx->claimed[i] = 1;
			continue;
		}
		if ((rc = para_add(&st->p, s, len, src)))
			return rc;
		ctx->claimed[i] = 1;
		if (ends(s, len, "。") && (rc = flush(st)))
			return rc;
	}
	return flush(st);
}

int jx_rec_narrative(jx_rec_ctx *ctx)
{
	nar_state st;
	memset(&st, 0, sizeof st);
	st.ctx = ctx;
	jx_buf_init(&st.p.text, PARA_CAP);
	jx_buf_init(&st.duties, PARA_CAP);
	jx_buf_init(&st.structure, PARA_CAP);
	st.dept = find_dept(&st);
	int rc = run(&st);
	jx_pkg *pkg = ctx->pkg;
	if (!rc && st.duties.len && !pkg->dept.duties.s) {
		pkg->dept.duties.s = jx_pkg_strndup(pkg, st.duties.ptr, st.duties.len);
		pkg->dept.duties.src = st.duties_src;
		if (!pkg->dept.duties.s)
			rc = JX_ENOMEM;
	}
	if (!rc && st.structure.len && !pkg->dept.structure.s) {
		pkg->dept.structure.s = jx_pkg_strndup(pkg, st.structure.ptr, st.structure.len);
		pkg->dept.structure.src = st.structure_src;
		if (!pkg->dept.structure.s)
			rc = JX_ENOMEM;
		else
			rc = read_structure(&st);
	}
	jx_buf_release(&st.p.text);
	jx_buf_release(&st.duties);
	jx_buf_release(&st.structure);
	return rc;
}
