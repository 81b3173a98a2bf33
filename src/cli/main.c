/* main.c: placeholder CLI. */
#include <stdio.h>
#include "jx/common.h"
int main(void) { puts("jx " JX_VERSION); return 0; }
