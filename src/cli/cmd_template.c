/* cmd_template.c: `jx template`: the fill-in workbooks: an empty 项目支出绩效目标表 (--targets, the default) that
 * jx import reads back, or the year-end actuals workbook of a package (--eval) that jx eval reads back. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/import.h"
#include "jx/render.h"

const char cmd_template_usage[] =
	"用法：jx template [--targets | --eval 预算包] [--year 年度] -o 输出.xlsx\n\n"
	"生成填报用的 Excel 工作簿：\n"
	"  --targets        空白的项目支出绩效目标表（默认）：一级、二级指标和比较符号为下拉列表，金额和指标值校验数字，\n"
	"                   填写区以外的单元格锁定；填好后 jx import 可直接读取\n"
	"  --eval 预算包     按预算包生成年度实际完成情况填报表：每个项目一行资金（年初预算数已填，填写全年预算数、\n"
	"                   全年执行数），每个指标一行（年度指标值已填，填写实际完成值、完成等级和偏差原因）；\n"
	"                   填好后用 jx eval 预算包 填报表.xlsx 计分\n"
	"  --year 年度       --targets 时预先填写的预算年度（四位年份）\n"
	"  -o 输出.xlsx      输出文件（必需；完整写出，或不写）\n"
	"退出状态：0 成功；2 用法错误；3 预算包无法读取；4 无法写出。\n";

int cmd_template(int argc, char **argv)
{
	const char *out = NULL, *pkg_path = NULL;
	bool targets = false;
	long year = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool takes = !strcmp(a, "-o") || !strcmp(a, "--eval") || !strcmp(a, "--year");
		if (takes && i + 1 >= argc)
			return cli_usage_error("template", "%s 需要一个参数", a);
		if (!strcmp(a, "-o")) {
			out = argv[++i];
		} else if (!strcmp(a, "--eval")) {
			pkg_path = argv[++i];
		} else if (!strcmp(a, "--targets") || !strcmp(a, "--xlsx")) {
			targets = true;
		} else if (!strcmp(a, "--year")) {
			char *end;
			year = strtol(argv[++i], &end, 10);
			if (*end || year < 2000 || year > 2100)
				return cli_usage_error("template", "--year 需要 2000 到 2100 之间的年份");
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error("template", "未知选项“%s”", a);
		} else {
			return cli_usage_error("template", "多余的参数“%s”", a);
		}
	}
	if (targets && pkg_path)
		return cli_usage_error("template", "--targets 和 --eval 只能选一个");
	if (pkg_path && year)
		return cli_usage_error("template", "--year 只用于 --targets（--eval 的年度取自预算包）");
	if (!out || !strcmp(out, "-"))
		return cli_usage_error("template", "需要用 -o 指定输出的 .xlsx 文件");
	char *data = NULL;
	size_t len = 0;
	int rc, status = JX_EXIT_OK;
	if (pkg_path) {
		jx_pkg *pkg = NULL;
		if ((rc = jx_import_file(&pkg, pkg_path, NULL))) {
			cli_error("%s", jx_error_last());
			return rc == JX_ENOMEM ? JX_EXIT_OUTPUT : JX_EXIT_INPUT;
		}
		rc = jx_template_eval_xlsx(pkg, &data, &len);
		jx_pkg_free(pkg);
		if (rc == JX_EINVAL) {
			cli_error("%s", jx_error_last());
			return JX_EXIT_INPUT;
		}
	} else {
		rc = jx_template_targets_xlsx((int)year, &data, &len);
	}
	if (rc) {
		cli_error("%s", jx_error_last()[0] ? jx_error_last() : "内存不足");
		free(data);
		return JX_EXIT_OUTPUT;
	}
	jx_buf b = JX_BUF_INIT;
	if (jx_buf_put(&b, data, len)) {
		cli_error("内存不足");
		status = JX_EXIT_OUTPUT;
	} else {
		status = cli_write_output(out, &b);
	}
	free(data);
	jx_buf_release(&b);
	return status;
}
