/* fuzz_actuals.c: actuals JSON (the outside input of jx eval and jx monitor) on arbitrary bytes, scored and
 * monitored against a small fixed package (one project and an overall table, so that the department as a whole
 * can be scored too) and rendered: a clear error or a result, never a crash, an overflow or a
 * leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jx/eval.h"
#include "jx/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char package[] =
	"{\"year\": 2025, \"projects\": [{\"name\": \"康复\", \"amount\": {\"text\": \"24.00\", \"unit\": \"万元\"},"
	" \"schedule\": [{\"label\": \"6月底\", \"month\": 6, \"percent\": \"40\"}, {\"label\": \"12月底\", \"month\": 12,"
	" \"percent\": \"100\"}],"
	" \"indicators\": ["
	"{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"人数\", \"value\": \"≥20人\"},"
	"{\"level1\": \"产出指标\", \"level2\": \"质量指标\", \"name\": \"达标率\", \"value\": \"≥90%\"},"
	"{\"level1\": \"产出指标\", \"level2\": \"时效指标\", \"name\": \"时间\", \"value\": \"2025年12月31日前\"},"
	"{\"level1\": \"产出指标\", \"level2\": \"成本指标\", \"name\": \"成本\", \"value\": \"≤24.00万元\"},"
	"{\"level1\": \"效益指标\", \"level2\": \"社会效益指标\", \"name\": \"效果\", \"value\": \"有效改善\"},"
	"{\"level1\": \"满意度指标\", \"level2\": \"服务对象满意度指标\", \"name\": \"满意度\", \"value\": \"≥95%\"}]}],"
	" \"overall\": {\"title\": \"部门整体支出绩效目标表\", \"total\": {\"text\": \"100.00\", \"unit\": \"万元\"},"
	" \"indicators\": ["
	"{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"户数\", \"value\": \"≥35户\"},"
	"{\"level1\": \"效益指标\", \"level2\": \"社会效益指标\", \"name\": \"生活质量\", \"value\": \"有效提高\"}]}}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_pkg *pkg = NULL;
	if (jx_pkg_from_json(&pkg, package, strlen(package), "package.json") != 0)
		abort();
	jx_actuals *a = NULL;
	if (jx_actuals_from_json(&a, (const char *)data, size, "fuzz.json") == 0) {
		jx_evaluation *e = NULL;
		int rc = jx_eval(&e, pkg, a, NULL);
		if (rc == 0) {
			for (int f = JX_EVAL_TEXT; f <= JX_EVAL_HTML; f++) {
				char *out = NULL;
				size_t len = 0;
				if (jx_evaluation_render(e, (jx_eval_format)f, &out, &len) != 0)
					abort();
				free(out);
			}
		} else if (e || jx_error_last()[0] == '\0') {
			abort();
		}
		jx_evaluation_free(e);
		/* Mid-year monitoring at two dates: before and after the first checkpoint. */
		static const jx_date dates[] = {{2025, 4, 15}, {2025, 9, 30}};
		for (size_t d = 0; d < sizeof dates / sizeof *dates; d++) {
			jx_monitoring *m = NULL;
			if (jx_monitor(&m, pkg, a, dates[d], NULL) == 0) {
				for (int f = JX_EVAL_TEXT; f <= JX_EVAL_HTML; f++) {
					char *out = NULL;
					size_t len = 0;
					if (jx_monitoring_render(m, (jx_eval_format)f, &out, &len) != 0)
						abort();
					free(out);
				}
			} else if (m || jx_error_last()[0] == '\0') {
				abort();
			}
			jx_monitoring_free(m);
		}
		jx_actuals_free(a);
	} else if (a || jx_error_last()[0] == '\0') {
		abort();
	}
	jx_pkg_free(pkg);
	return 0;
}
