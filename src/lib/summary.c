/* summary.c: the readable overview of a package: who, which year, what forms, how much money, what was noted. */
#include "jx/summary.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

/* Pads s with spaces to `width` display columns (Chinese characters count two). */
static int put_padded(jx_buf *b, const char *s, size_t width)
{
	if (!s)
		s = "";
	size_t w = jx_utf8_width(s, strlen(s));
	int rc = jx_buf_puts(b, s);
	for (; !rc && w < width; w++)
		rc = jx_buf_putc(b, ' ');
	return rc;
}

static const char *amount_str(const jx_amount *a, char buf[64])
{
	if (!a->present)
		return "—";
	char tmp[40];
	jx_amount_format(a, tmp);
	const char *u = jx_money_unit_name(a->unit);
	snprintf(buf, 64, "%s%s", tmp, u ? u : "");
	return buf;
}

static size_t count_indicators(const jx_indicator_vec *v, jx_scope scope)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		n += v->v[i].scope == scope;
	return n;
}

int jx_pkg_summary(const jx_pkg *pkg, char **out, size_t *len)
{
	jx_buf b = JX_BUF_INIT;
	char a1[64];
	int rc = 0;
#define P(...) do { if (!rc) rc = jx_buf_printf(&b, __VA_ARGS__); } while (0)
	P("部门：%s", pkg->dept.name ? pkg->dept.name : "（未识别）");
	if (pkg->dept.code)
		P("（代码 %s）", pkg->dept.code);
	P("\n年度：");
	if (pkg->year)
		P("%d\n", pkg->year);
	else
		P("（未识别）\n");
	for (size_t i = 0; i < pkg->sources.n; i++) {
		const jx_source *s = &pkg->sources.v[i];
		P("来源：%s", s->file ? s->file : "");
		if (s->format)
			P("（%s", s->format);
		if (s->encoding)
			P("，%s", s->encoding);
		if (s->format)
			P("）");
		P("\n");
	}
	const jx_overall *o = &pkg->overall;
	if (o->present || o->tasks.n || o->indicators.n) {
		P("\n整体绩效目标：");
		if (o->total.present)
			P("资金总额 %s，", amount_str(&o->total, a1));
		P("工作任务 %zu 项，年度目标 %zu 项，绩效指标 %zu 个\n", o->tasks.n, o->goals.n, o->indicators.n);
		for (size_t i = 0; i < o->tasks.n; i++) {
			const jx_task *t = &o->tasks.v[i];
			P("  %zu. %s", i + 1, t->name ? t->name : (t->function ? t->function : ""));
			if (t->total.present)
				P("  %s", amount_str(&t->total, a1));
			P("\n");
		}
	}
	if (pkg->projects.n) {
		P("\n项目（%zu 个）：\n", pkg->projects.n);
		if (!rc) rc = put_padded(&b, "  #", 5);
		if (!rc) rc = put_padded(&b, "项目名称", 44);
		if (!rc) rc = put_padded(&b, "金额", 18);
		P("指标（年度/实施期） 明细\n");
		for (size_t i = 0; i < pkg->projects.n; i++) {
			const jx_project *p = &pkg->projects.v[i];
			char num[32];
			snprintf(num, sizeof num, "  %zu", i + 1);
			if (!rc) rc = put_padded(&b, num, 5);
			if (!rc) rc = put_padded(&b, p->name ? p->name : "（无名称）", 44);
			if (!rc) rc = put_padded(&b, amount_str(&p->amount, a1), 18);
			P("%zu/%zu", count_indicators(&p->indicators, JX_SCOPE_YEAR),
			  count_indicators(&p->indicators, JX_SCOPE_PERIOD));
			P("%*s%zu\n", 14, "", p->lines.n);
		}
	}
	for (size_t i = 0; i < pkg->funds.n; i++) {
		const jx_fund_summary *f = &pkg->funds.v[i];
		P("\n专项资金汇总：%s，%zu 项，合计 %s\n", f->title ? f->title : "", f->items.n, amount_str(&f->total, a1));
	}
	if (pkg->tables.n) {
		P("\n公开表（%zu 张）：\n", pkg->tables.n);
		for (size_t i = 0; i < pkg->tables.n; i++) {
			const jx_table *t = &pkg->tables.v[i];
			P("  ");
			if (t->number)
				P("表%d ", t->number);
			P("%s（%zu 行，%zu 列", t->title ? t->title : "", t->rows.n, t->columns.n);
			if (t->unit_text)
				P("，单位：%s", t->unit_text);
			P("）%s%s\n", t->note ? " " : "", t->note ? t->note : "");
		}
	}
	if (pkg->statements.n) {
		size_t facts = 0;
		for (size_t i = 0; i < pkg->statements.n; i++)
			facts += pkg->statements.v[i].facts.n;
		P("\n说明文字：%zu 段，含数字 %zu 处\n", pkg->statements.n, facts);
	}
	if (pkg->notes.n) {
		P("\n提示（%zu 条）：\n", pkg->notes.n);
		for (size_t i = 0; i < pkg->notes.n; i++) {
			const jx_note *n = &pkg->notes.v[i];
			static const char *const lv[] = {"提示", "警告", "错误"};
			P("  %s:%u: %s: %s\n", n->src.file ? n->src.file : "", n->src.line, lv[n->level], n->message);
		}
	}
#undef P
	if (rc) {
		jx_buf_release(&b);
		return rc;
	}
	*out = jx_buf_detach(&b, len);
	return 0;
}
