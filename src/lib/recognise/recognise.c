/* recognise.c: runs the recognisers over a grid and reports what none of them recognised. */
#include "recognise/recognise.h"

#include "util/arena.h"

typedef int (*recogniser_fn)(jx_rec_ctx *ctx);

/* Order matters only where two recognisers could claim the same rows: the specific forms go first, the
 * narrative (which takes any free paragraph) last. */
static const recogniser_fn recognisers[] = {
	jx_rec_selfeval,
	jx_rec_template,
	jx_rec_word_forms,
	jx_rec_pdf_tables,
	jx_rec_pdf_targets,
	jx_rec_tsv_overall,
	jx_rec_narrative,
};

/* Reports stretches of unclaimed table rows (three or more non-empty rows in a row) as skipped. */
static int note_unclaimed(jx_rec_ctx *ctx)
{
	const jx_grid *g = ctx->g;
	size_t i = 0;
	while (i < g->rows.n) {
		if (ctx->claimed[i] || g->rows.v[i].paragraph || g->rows.v[i].n == 0) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < g->rows.n && !ctx->claimed[j] && !g->rows.v[j].paragraph)
			j++;
		if (j - i >= 3) {
			const jx_grid_row *first = &g->rows.v[i], *last = &g->rows.v[j - 1];
			int rc = jx_pkg_note(ctx->pkg, JX_NOTE_WARNING, "import.skipped", NULL, first->src,
					     "第%u–%u行的表格未能识别，已跳过", first->src.line, last->src.line);
			if (rc)
				return rc;
		}
		i = j;
	}
	return 0;
}

int jx_recognise_all(jx_pkg *pkg, const jx_grid *g)
{
	jx_rec_ctx ctx = {pkg, g, NULL};
	ctx.claimed = jx_arena_calloc(pkg->arena, g->rows.n ? g->rows.n : 1, 1);
	if (!ctx.claimed)
		return JX_ENOMEM;
	for (size_t i = 0; i < sizeof recognisers / sizeof *recognisers; i++) {
		int rc = recognisers[i](&ctx);
		if (rc)
			return rc;
	}
	return note_unclaimed(&ctx);
}
