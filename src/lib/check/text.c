/* text.c */
#include "check/check_int.h"
void jx_check_text(jx_cx *cx) { (void)cx; }
