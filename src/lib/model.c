/* model.c: package lifecycle, names of the framework's categories, amounts. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jx/model.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

__extension__ typedef __int128 i128;

jx_pkg *jx_pkg_new(void)
{
	jx_arena *a = jx_arena_new();
	if (!a)
		return NULL;
	jx_pkg *pkg = jx_arena_zalloc(a, sizeof *pkg);
	if (!pkg) {
		jx_arena_free(a);
		return NULL;
	}
	pkg->arena = a;
	jx_department *d = &pkg->dept;
	d->internal_units = d->budget_units = d->staff_authorized = d->staff_actual = -1;
	d->staff_on_books = d->staff_other = d->retired = -1;
	return pkg;
}

void jx_pkg_free(jx_pkg *pkg)
{
	if (pkg)
		jx_arena_free(pkg->arena);
}

const char *jx_pkg_strdup(jx_pkg *pkg, const char *s)
{
	return s ? jx_arena_strdup(pkg->arena, s) : NULL;
}

const char *jx_pkg_strndup(jx_pkg *pkg, const char *s, size_t n)
{
	return s ? jx_arena_strndup(pkg->arena, s, n) : NULL;
}

int jx_pkg_note(jx_pkg *pkg, jx_note_level level, const char *code, const char *subject, jx_src src,
		const char *fmt, ...)
{
	jx_buf b = JX_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	int rc = jx_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (rc) {
		jx_buf_release(&b);
		return rc;
	}
	jx_note *n = jx_vec_push(pkg->arena, &pkg->notes);
	if (!n) {
		jx_buf_release(&b);
		return JX_ENOMEM;
	}
	n->level = level;
	n->code = jx_pkg_strdup(pkg, code);
	n->subject = jx_pkg_strdup(pkg, subject);
	n->message = jx_pkg_strdup(pkg, jx_buf_cstr(&b));
	n->src = src;
	jx_buf_release(&b);
	return (n->message && n->code) ? 0 : JX_ENOMEM;
}

static const char *const level1_names[] = {NULL, "产出指标", "效益指标", "满意度指标", "成本指标"};
static const char *const level2_names[] = {NULL, "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标",
	"社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标", "社会成本指标",
	"生态环境成本指标"};

const char *jx_level1_name(jx_level1 l1)
{
	return (unsigned)l1 < sizeof level1_names / sizeof *level1_names ? level1_names[l1] : NULL;
}

const char *jx_level2_name(jx_level2 l2)
{
	return (unsigned)l2 < sizeof level2_names / sizeof *level2_names ? level2_names[l2] : NULL;
}

jx_level1 jx_level2_parent(jx_level2 l2)
{
	switch (l2) {
	case JX_L2_QUANTITY:
	case JX_L2_QUALITY:
	case JX_L2_TIMELINESS:
	case JX_L2_COST:
		return JX_L1_OUTPUT;
	case JX_L2_ECONOMIC:
	case JX_L2_SOCIAL:
	case JX_L2_ECOLOGICAL:
	case JX_L2_SUSTAINABLE:
		return JX_L1_EFFECT;
	case JX_L2_SATISFACTION:
		return JX_L1_SATISFACTION;
	case JX_L2_ECON_COST:
	case JX_L2_SOCIAL_COST:
	case JX_L2_ECO_COST:
		return JX_L1_COST;
	case JX_L2_UNKNOWN:
		break;
	}
	return JX_L1_UNKNOWN;
}

const char *jx_money_unit_name(jx_money_unit u)
{
	switch (u) {
	case JX_MU_YUAN: return "元";
	case JX_MU_WANYUAN: return "万元";
	case JX_MU_QIANYUAN: return "千元";
	case JX_MU_YIYUAN: return "亿元";
	case JX_MU_NONE: break;
	}
	return NULL;
}

int64_t jx_money_unit_fen_per(jx_money_unit u)
{
	switch (u) {
	case JX_MU_YUAN: return 100;
	case JX_MU_WANYUAN: return 1000000;
	case JX_MU_QIANYUAN: return 100000;
	case JX_MU_YIYUAN: return 10000000000LL;
	case JX_MU_NONE: break;
	}
	return 0;
}

jx_money_unit jx_money_unit_parse(const char *s)
{
	if (!s)
		return JX_MU_NONE;
	/* Look for the unit word anywhere ("单位：万元", "（元）", "金额单位:万元"); the longest names first. */
	if (strstr(s, "万元"))
		return JX_MU_WANYUAN;
	if (strstr(s, "亿元"))
		return JX_MU_YIYUAN;
	if (strstr(s, "千元"))
		return JX_MU_QIANYUAN;
	if (strstr(s, "元"))
		return JX_MU_YUAN;
	return JX_MU_NONE;
}

int jx_amount_parse(jx_pkg *pkg, jx_amount *out, const char *text, size_t len, jx_money_unit unit, jx_src src)
{
	memset(out, 0, sizeof *out);
	out->src = src;
	out->unit = unit;
	const char *s = jx_utf8_trim(text, &len);
	if (len == 0)
		return 0;
	jx_decimal d;
	int n = jx_decimal_parse(&d, s, len);
	if (n < 0)
		return jx_error_set(JX_ERANGE, "金额“%.*s”超出范围", (int)len, s);
	if (n == 0)
		return jx_error_set(JX_EPARSE, "“%.*s”不是金额", (int)len, s);
	/* A unit written after the number overrides the table's ("17万元" in a 元 table). */
	if ((size_t)n < len) {
		jx_money_unit u = jx_money_unit_parse(jx_arena_strndup(pkg->arena, s + n, len - (size_t)n));
		if (u != JX_MU_NONE)
			unit = u;
	}
	if (unit == JX_MU_NONE)
		unit = JX_MU_YUAN;
	int64_t fen;
	int rc = jx_decimal_to_fen(&d, jx_money_unit_fen_per(unit), &fen);
	if (rc == JX_ERANGE)
		return jx_error_set(JX_ERANGE, "金额“%.*s”超出范围", (int)len, s);
	if (rc)
		return jx_error_set(JX_EPARSE, "金额“%.*s”不是整分", (int)len, s);
	out->present = true;
	out->fen = fen;
	out->unit = unit;
	out->scale = (int8_t)d.scale;
	out->text = jx_pkg_strndup(pkg, s, len);
	return out->text ? 0 : JX_ENOMEM;
}

const char *jx_amount_format(const jx_amount *a, char buf[40])
{
	int64_t per = jx_money_unit_fen_per(a->unit ? a->unit : JX_MU_YUAN);
	/* fen / per with `scale` decimals, exact when representable, else rounded half away from zero. */
	jx_decimal d = {a->fen, 0};
	int scale = a->scale;
	int64_t p10 = 1;
	for (int i = 0; i < scale; i++)
		p10 *= 10;
	/* value*10^scale = fen*10^scale/per */
	i128 num = (i128)a->fen * p10;
	i128 q = num / per, r = num % per;
	if (r != 0 && (r < 0 ? -r : r) * 2 >= per)
		q += num < 0 ? -1 : 1;
	d.digits = (int64_t)q;
	d.scale = scale;
	char tmp[32];
	jx_decimal_format(&d, tmp);
	snprintf(buf, 40, "%s", tmp);
	return buf;
}

const char *jx_fen_format_yuan(int64_t fen, char buf[40])
{
	jx_decimal d = {fen, 2};
	char tmp[32];
	jx_decimal_format(&d, tmp);
	/* Drop trailing zeros of the fraction: "304100.00" -> "304100", "12.50" -> "12.5". */
	size_t n = strlen(tmp);
	if (strchr(tmp, '.')) {
		while (n > 0 && tmp[n - 1] == '0')
			n--;
		if (n > 0 && tmp[n - 1] == '.')
			n--;
	}
	tmp[n] = '\0';
	snprintf(buf, 40, "%s", tmp);
	return buf;
}
