/* html_int.h: what the pieces of the HTML renderer share (writer, escaping, money cells, the sections). */
#ifndef JX_LIB_RENDER_HTML_INT_H
#define JX_LIB_RENDER_HTML_INT_H

#include <stdint.h>

#include "jx/model.h"
#include "render/render_int.h"
#include "util/buf.h"

/* Writer: the first failed append is remembered and everything after it is skipped, so callers check once. */
typedef struct jx_html_w {
	jx_buf b;
	int rc;
} jx_html_w;

void jx_html_raw(jx_html_w *w, const char *s);
void jx_html_printf(jx_html_w *w, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Escapes text for element content and attribute values; bad UTF-8 and control characters become U+FFFD, line
 * breaks become <br>. */
void jx_html_escn(jx_html_w *w, const char *s, size_t len);
void jx_html_esc(jx_html_w *w, const char *s);
/* The same for one-line places (the page title, chart labels): line breaks become spaces. */
void jx_html_esc_label(jx_html_w *w, const char *s, size_t len);

/* Formats fen in `unit` with at least two decimals (more only when needed to stay exact) and thousands separators.
 * A unit of JX_MU_NONE formats in 元. buf must hold 64 bytes. */
const char *jx_html_money(char buf[64], int64_t fen, jx_money_unit unit);
/* The unit a table of amounts is shown in: the table's own, else the first amount's, else 元. */
jx_money_unit jx_html_unit_or(jx_money_unit unit, const jx_amount *a);
/* <td class="num">…</td> for an amount shown in `unit` (blank cell when absent or NULL), bold for totals. */
void jx_html_amount_td(jx_html_w *w, const jx_amount *a, jx_money_unit unit, bool bold, int colspan);

/* The sections. Each writes <section>s whose ids the table of contents links to. */
void jx_html_tables(jx_html_w *w, const jx_pkg *pkg);
void jx_html_overall(jx_html_w *w, const jx_pkg *pkg);
void jx_html_projects(jx_html_w *w, const jx_pkg *pkg);
/* The charts section; writes nothing and returns false when the package holds no data worth a chart. */
bool jx_html_charts(jx_html_w *w, const jx_pkg *pkg, bool write);

/* Title of a disclosure table for the table of contents and headings ("预算公开表3 2024年预算支出总表"). */
void jx_html_table_label(jx_html_w *w, const jx_table *t);
/* A project's display name ("未命名项目" when blank). */
const char *jx_html_project_name(const jx_project *p);

#endif
