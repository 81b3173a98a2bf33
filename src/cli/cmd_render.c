/* cmd_render.c: placeholder until `jx render` lands. */
#include "cli.h"

const char cmd_render_usage[] = "用法：jx render（尚未实现）\n";

int cmd_render(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("jx render 尚未实现");
	return JX_EXIT_USAGE;
}
