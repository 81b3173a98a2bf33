/* cmd_value.c: `jx value TEXT...`: shows how the value grammar reads each text, one JSON object per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jx/json.h"
#include "jx/value.h"
#include "util/buf.h"

const char cmd_value_usage[] =
	"用法：jx value 文本…\n"
	"      jx value < 文件      （每行一个值）\n\n"
	"按指标值语法解析每个文本，每个输出一行 JSON：text（原文）、op（比较符 >=、>、<=、<、=、~ 或 null）、\n"
	"number（精确数值）、unit（单位）、kind（count 计数、number 无单位数、percent 百分比、money 金额、\n"
	"money_per_unit 单位金额、date 日期、period 期间、qualitative 定性、placeholder 占位、text 文本、empty 空）；\n"
	"金额另有 fen（分），单位金额另有 per，日期和期间另有 from/to。\n\n"
	"例：jx value '≥95%' '≤30.41万元' '16000元/人' '2024年12月31日前'\n";

static int print_value(jx_buf *out, const char *text, size_t len)
{
	jx_value v;
	int rc = jx_value_parse(&v, text, len, NULL);
	if (rc && rc != JX_ERANGE) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_OUTPUT;
	}
	char *json = NULL;
	if (jx_value_to_json(&v, &json) != 0) {
		cli_error("%s", jx_error_last());
		return JX_EXIT_OUTPUT;
	}
	int w = jx_buf_puts(out, json) || jx_buf_putc(out, '\n');
	free(json);
	return w ? JX_EXIT_OUTPUT : JX_EXIT_OK;
}

int cmd_value(int argc, char **argv)
{
	jx_buf out = JX_BUF_INIT;
	int status = JX_EXIT_OK;
	if (argc > 1) {
		for (int i = 1; i < argc && status == JX_EXIT_OK; i++)
			status = print_value(&out, argv[i], strlen(argv[i]));
	} else {
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		while (status == JX_EXIT_OK && (n = getline(&line, &cap, stdin)) >= 0) {
			size_t len = (size_t)n;
			while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
				len--;
			line[len] = '\0'; /* the value keeps pointing at this text */
			status = print_value(&out, line, len);
		}
		free(line);
	}
	if (status == JX_EXIT_OK)
		status = cli_write_output(NULL, &out);
	jx_buf_release(&out);
	return status;
}
