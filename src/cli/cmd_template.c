/* cmd_template.c: placeholder until `jx template` lands. */
#include "cli.h"

const char cmd_template_usage[] = "用法：jx template（尚未实现）\n";

int cmd_template(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("jx template 尚未实现");
	return JX_EXIT_USAGE;
}
