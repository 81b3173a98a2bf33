/* sheet.h: the tables of a package laid out once as grids of cells (with merges, styles and exact money), so that
 * the XLSX and CSV renderers write the same rows and columns. Private to src/lib/render/.
 *
 * Ownership: every sheet, cell and string lives in the arena passed to jx_sheets_build.
 */
#ifndef JX_LIB_RENDER_SHEET_H
#define JX_LIB_RENDER_SHEET_H

#include <stdbool.h>
#include <stdint.h>

#include "jx/render.h"
#include "util/arena.h"

typedef enum jx_cell_kind {
	JX_CK_EMPTY = 0,
	JX_CK_TEXT,
	JX_CK_MONEY,   /* fen shown in a unit worth `per` fen; `text` is the exact decimal in that unit */
	JX_CK_DECIMAL, /* an exact decimal (indicator values); `text` is the decimal as written */
} jx_cell_kind;

typedef enum jx_cell_style {
	JX_CS_BODY = 0,
	JX_CS_TITLE, /* the table's title row */
	JX_CS_UNIT,  /* "单位：万元", right-aligned */
	JX_CS_HEAD,  /* column headers */
	JX_CS_LABEL, /* field labels of the target forms (项目名称 …) */
	JX_CS_TOTAL, /* 合计 rows: bold */
	JX_CS_GROUP, /* grouping rows: bold */
	JX_CS_NOTE,  /* notes under a table */
} jx_cell_style;

typedef struct jx_scell {
	jx_cell_kind kind;
	jx_cell_style style;
	int indent;       /* 类/款/项 depth - 1 */
	int scale;        /* decimals to show for MONEY and DECIMAL */
	const char *text; /* always set for TEXT, MONEY, DECIMAL */
	int64_t fen, per;
} jx_scell;

typedef struct jx_smerge {
	uint32_t r0, c0, r1, c1;
} jx_smerge;

typedef struct jx_sheet {
	const char *file;  /* CSV file name without ".csv": "表01-收支总表", "项目03-残疾儿童康复救助" */
	const char *name;  /* worksheet name: ≤31 characters, unique, none of []:*?/\ */
	uint32_t ncols;
	uint32_t head_rows; /* title, unit and column headers: frozen and repeated on every printed page */
	JX_VEC(jx_scell *) rows; /* each ncols cells */
	JX_VEC(jx_smerge) merges;
	bool wide;          /* print landscape */
	const double *min_width; /* at least these column widths (JX_SHEET_MAX_HINT entries), or NULL */
} jx_sheet;

enum { JX_SHEET_MAX_HINT = 8 };

typedef JX_VEC(jx_sheet) jx_sheet_vec;

/* Lays out what opts->what asks for. Returns 0, JX_ENOMEM, or JX_EINVAL when there is nothing to render. */
int jx_sheets_build(const jx_pkg *pkg, const jx_render_opts *opts, jx_arena *a, jx_sheet_vec *out);

/* fen as an exact decimal in a unit worth `per` fen, with at least `min_scale` decimals and as many more as needed
 * to be exact ("1806.23", "190000", "0.005"). buf must hold 48 bytes. */
const char *jx_sheet_money_text(int64_t fen, int64_t per, int min_scale, char buf[48]);

/* The comparator as shown in the 符号 column: ≥ ≤ = > < ≈, "定性" for a qualitative value without one, else "". */
const char *jx_sheet_op_symbol(const jx_value *v);
/* Reads a 符号 cell back (also ＞ ＜ ＝ >= <= 约; "定性" and "" give JX_OP_NONE). 0 or JX_EINVAL. */
int jx_sheet_op_parse(const char *s, jx_op *op);

/* Display width of UTF-8 text: CJK and other wide characters count 2. */
size_t jx_sheet_text_width(const char *s);

#endif
