/* tsv_overall.c: placeholder until this recogniser is written; recognises nothing. */
#include "recognise/recognise.h"

int jx_rec_tsv_overall(jx_rec_ctx *ctx)
{
	(void)ctx;
	return 0;
}
