/* cmd_import.c: `jx import FILE...`: reads budget documents and prints each package as canonical JSON or as a
 * readable summary. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/import.h"
#include "jx/json.h"
#include "jx/summary.h"

const char cmd_import_usage[] =
	"用法：jx import [--format json|text] [--no-source] [-o 输出] 文件…\n\n"
	"读取预算文件（PDF、DOCX、XLSX、XLS 原件，Word/Excel/PDF 导出的文本（UTF-8 或 GB18030），规范 JSON），\n"
	"识别其中的表格，"
	"输出每个预算包的规范 JSON（默认），或供人阅读的摘要（--format text）。\n"
	"按内容识别格式，与文件名无关。无法识别的部分作为提示列出，其余照常读取。\n"
	"  --format json|text  输出格式\n"
	"  --no-source         JSON 中不含来源位置\n"
	"  -o 输出              写入文件（完整写出，或不写）\n"
	"退出状态：0 成功；2 用法错误；3 有文件无法读取；4 无法写出。\n";

int cmd_import(int argc, char **argv)
{
	const char *out = NULL, *format = "json";
	unsigned flags = 0;
	int first_file = 0, nfiles = 0;
	char **files = calloc((size_t)argc, sizeof *files);
	if (!files)
		return JX_EXIT_OUTPUT;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-o") == 0 || strcmp(a, "--format") == 0) {
			if (i + 1 >= argc) {
				free(files);
				return cli_usage_error("import", "%s 需要一个参数", a);
			}
			if (a[1] == 'o')
				out = argv[++i];
			else
				format = argv[++i];
		} else if (strncmp(a, "--format=", 9) == 0) {
			format = a + 9;
		} else if (strcmp(a, "--no-source") == 0) {
			flags |= JX_JSON_NO_SOURCE;
		} else if (a[0] == '-' && a[1] != '\0') {
			free(files);
			return cli_usage_error("import", "未知选项“%s”", a);
		} else {
			files[nfiles++] = argv[i];
		}
	}
	(void)first_file;
	if (strcmp(format, "json") != 0 && strcmp(format, "text") != 0) {
		free(files);
		return cli_usage_error("import", "不支持的格式“%s”（可用 json、text）", format);
	}
	if (nfiles == 0) {
		free(files);
		return cli_usage_error("import", "需要至少一个文件");
	}
	jx_buf b = JX_BUF_INIT;
	int status = JX_EXIT_OK;
	for (int i = 0; i < nfiles; i++) {
		jx_pkg *pkg = NULL;
		int rc = jx_import_file(&pkg, files[i], NULL);
		if (rc) {
			cli_error("%s", jx_error_last());
			if (cli_exit_for(rc) > status)
				status = cli_exit_for(rc);
			continue;
		}
		char *text = NULL;
		size_t len = 0;
		rc = strcmp(format, "json") == 0 ? jx_pkg_to_json(pkg, flags, &text, &len) : jx_pkg_summary(pkg, &text, &len);
		jx_pkg_free(pkg);
		if (rc || jx_buf_put(&b, text, len)) {
			cli_error("%s", jx_error_last());
			free(text);
			status = JX_EXIT_OUTPUT;
			break;
		}
		free(text);
	}
	free(files);
	/* Write what was read, unless nothing was: an output file is never left half-written. */
	if (status != JX_EXIT_OUTPUT && b.len > 0) {
		int w = cli_write_output(out, &b);
		if (w)
			status = w;
	}
	jx_buf_release(&b);
	return status;
}
