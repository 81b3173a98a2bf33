/* cmd_rules.c: `jx rules` lists the review rules; `jx explain ID` prints one rule's page. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "jx/check.h"

const char cmd_rules_usage[] =
	"用法：jx rules [--format text|tsv] [规则族]\n\n"
	"列出全部审核规则：编号、默认级别、标题。给出规则族（complete、frame、measure、calc、table、pkg）时只列该族。\n";

const char cmd_explain_usage[] = "用法：jx explain 规则编号\n\n显示一条规则的说明：检查什么、为什么、示例、如何修改。\n";

int cmd_rules(int argc, char **argv)
{
	const char *family = NULL, *format = "text";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (argv[i][0] == '-')
			return cli_usage_error("rules", "未知选项“%s”", argv[i]);
		else
			family = argv[i];
	}
	if (strcmp(format, "text") && strcmp(format, "tsv"))
		return cli_usage_error("rules", "不支持的格式“%s”（可用 text、tsv）", format);
	if (family && !jx_family_title(family))
		return cli_usage_error("rules", "没有规则族“%s”", family);
	const char *last = NULL;
	size_t n = 0;
	for (size_t i = 0; i < jx_rule_count(); i++) {
		const jx_rule *r = jx_rule_at(i);
		if (family && strcmp(r->family, family))
			continue;
		n++;
		if (!strcmp(format, "tsv")) {
			printf("%s\t%s\t%s\n", r->id, jx_severity_name(r->severity), r->title);
			continue;
		}
		if (!last || strcmp(last, r->family))
			printf("%s%s\n", last ? "\n" : "", jx_family_title(r->family));
		last = r->family;
		printf("  %-32s %-8s %s\n", r->id, jx_severity_name(r->severity), r->title);
	}
	if (!strcmp(format, "text"))
		printf("\n共 %zu 条规则。说明：jx explain 规则编号\n", n);
	return JX_EXIT_OK;
}

int cmd_explain(int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error("explain", "需要一个规则编号");
	const jx_rule *r = jx_rule_find(argv[1]);
	if (!r) {
		cli_error("没有规则“%s”（jx rules 列出全部规则）", argv[1]);
		return JX_EXIT_USAGE;
	}
	printf("%s  [%s，默认级别 %s]\n%s\n消息：%s\n\n", r->id, r->family, jx_severity_name(r->severity), r->title,
	       r->message);
	const char *doc = jx_rule_doc(r);
	if (doc)
		fputs(doc, stdout);
	else
		printf("（这条规则还没有说明页。）\n");
	return JX_EXIT_OK;
}
