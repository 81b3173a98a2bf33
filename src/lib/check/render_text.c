/* render_text.c: compiler-style diagnostics, `file:line: error[rule]: message`, the source line quoted beneath
 * and the numbers spelled out. */
#include <string.h>

#include "check/check_int.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"

static const char *sev_colour(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR: return "\033[1;31m";
	case JX_SEV_WARNING: return "\033[1;35m";
	default: return "\033[1;36m";
	}
}

static int put_location(jx_buf *b, const jx_report *r, const jx_finding *f)
{
	const char *file = f->src.file;
	if (!file)
		file = jx_report_package_name(r, (size_t)f->pkg_index);
	if (!file || !*file)
		file = "-";
	if (f->src.line && f->src.page)
		return jx_buf_printf(b, "%s:%u: (第%u页) ", file, f->src.line, f->src.page);
	if (f->src.line)
		return jx_buf_printf(b, "%s:%u: ", file, f->src.line);
	return jx_buf_printf(b, "%s: ", file);
}

int jx_render_text(const jx_report *r, unsigned flags, jx_buf *out)
{
	bool colour = flags & JX_REPORT_COLOR;
	int rc = 0;
	for (size_t i = 0; i < jx_report_count(r) && !rc; i++) {
		const jx_finding *f = jx_report_at(r, i);
		if (colour)
			jx_buf_puts(out, C_BOLD);
		put_location(out, r, f);
		if (colour)
			jx_buf_printf(out, "%s%s[%s]" C_RESET C_BOLD ": %s" C_RESET "\n", sev_colour(f->severity),
				      jx_severity_name(f->severity), f->rule->id, f->message);
		else
			jx_buf_printf(out, "%s[%s]: %s\n", jx_severity_name(f->severity), f->rule->id, f->message);
		size_t len;
		const char *line = (flags & JX_REPORT_NO_QUOTE) ? NULL
								: jx_report_source_line(r, f->src.file, f->src.line, &len);
		if (line) {
			/* Tabs and leading blanks in the source are layout noise; quote the content. */
			while (len && (*line == '\t' || *line == ' ')) {
				line++;
				len--;
			}
			if (len > 300)
				len = 300;
			jx_buf_printf(out, "%s%6u |%s %.*s\n", colour ? C_DIM : "", f->src.line, colour ? C_RESET : "",
				      (int)len, line);
		}
		if (f->numeric) {
			char e[64], a[64], d[64];
			jx_buf_printf(out, "       = 应为 %s，实为 %s，相差 %s\n", jx_finding_expected_str(f, e),
				      jx_finding_actual_str(f, a), jx_finding_diff_str(f, d));
		}
		rc = out->len && out->ptr ? 0 : JX_ENOMEM;
	}
	size_t ne = jx_report_count_severity(r, JX_SEV_ERROR), nw = jx_report_count_severity(r, JX_SEV_WARNING),
	       ni = jx_report_count_severity(r, JX_SEV_INFO);
	if (ne + nw + ni == 0)
		rc = jx_buf_printf(out, "审核完成（%zu 份材料）：未发现问题。\n", jx_report_packages(r));
	else
		rc = jx_buf_printf(out, "审核完成（%zu 份材料）：错误 %zu，警告 %zu，提示 %zu。\n", jx_report_packages(r), ne,
				   nw, ni);
	return rc;
}
