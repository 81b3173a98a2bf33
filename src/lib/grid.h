/* grid.h: what readers produce and recognisers consume. A document becomes an ordered list of rows; a row is a
 * list of cells, each with its text (UTF-8, trimmed, NUL-terminated) and source. A row with one cell and
 * `paragraph` set is free text outside any table.
 *
 * Ownership: everything lives in the grid's arena (which is the package's arena during an import).
 */
#ifndef JX_LIB_GRID_H
#define JX_LIB_GRID_H

#include <stdbool.h>

#include "jx/model.h"

typedef struct jx_cell {
	const char *text; /* trimmed; "" for a blank cell */
	jx_src src;
} jx_cell;

typedef struct jx_grid_row {
	jx_cell *cells;
	size_t n;
	bool paragraph; /* free text, not a table row */
	jx_src src;     /* where the row starts */
} jx_grid_row;

typedef enum jx_layout {
	JX_LAYOUT_UNKNOWN = 0,
	JX_LAYOUT_WORD_CELLS, /* Word tables dumped one cell per line with a leading tab; blank line ends a row */
	JX_LAYOUT_TSV,        /* tab-separated rows, cells shifted where the original merged cells */
	JX_LAYOUT_PDF_TEXT,   /* PDF text: cells separated by spaces, run together, wrapped, two halves interleaved */
	JX_LAYOUT_CELLS,      /* true cells from a structured reader (DOCX, XLSX, XLS, PDF positions): one grid row per
			       * table row; a cell merged across columns appears once, a cell merged down appears in its
			       * first row and as "" in the rows below */
} jx_layout;

typedef struct jx_grid {
	struct jx_arena *arena;
	const char *file;
	jx_layout layout;
	JX_VEC_OF(jx_grid_row) rows;
	/* The decoded text, split in lines (for quoting source lines in diagnostics). lines[i] is line i+1. */
	const char **lines;
	size_t nlines;
} jx_grid;

#endif

/* Decodes `data` (UTF-8 with or without BOM, or GB18030/GBK; CRLF or LF), chooses the layout from the content
 * and splits it into a grid allocated in pkg->arena. Records the source (format, encoding) in pkg->sources.
 * Errors: JX_EFORMAT for empty or binary input (message with file and offset), JX_ENOMEM. */
int jx_grid_read_text(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file);

/* Structured readers (src/lib/read/): each fills a JX_LAYOUT_CELLS grid in pkg->arena from the file's bytes,
 * records the source in pkg->sources, and sets g->lines to one line per grid row (the cells joined by tabs) so
 * diagnostics can quote them; a cell's src.line is its row's index in g->lines (1-based) and src.page its page
 * (PDF) or sheet (XLSX/XLS) number, 1-based. Errors: JX_EFORMAT with the file and the place of the damage,
 * JX_ENOMEM, JX_ERANGE when a size cap is hit. Untrusted input: bounded sizes, no external entities. */
int jx_grid_read_docx(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file);
int jx_grid_read_xlsx(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file);
int jx_grid_read_xls(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file);
int jx_grid_read_pdf(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file);

/* A cell's text for a grid, copied into arena `a`: CR dropped, tabs as spaces (tabs separate cells in g->lines),
 * trimmed except for a leading indent of ideographic spaces (the level of a name in Chinese tables). */
const char *jx_grid_cell_text(struct jx_arena *a, const char *s, size_t len);

/* Starts reading `file` (NULL: "<input>") into an empty g of the given layout, its strings in pkg's arena; every
 * reader begins so. JX_ENOMEM with a message when the name cannot be copied. */
int jx_grid_start(jx_grid *g, jx_pkg *pkg, const char *file, jx_layout layout);

/* Records the document a reader has read into g as a source of pkg: g's file, the SHA-256 of its bytes, the
 * format ("pdf", "xlsx", "text/tsv" …) and the text encoding it was decoded from. Strings are not copied. */
int jx_grid_add_source(jx_pkg *pkg, const jx_grid *g, const char *data, size_t len, const char *format,
		       const char *encoding);

/* The text of line `line` (1-based) of the grid's source, or NULL. */
const char *jx_grid_line(const jx_grid *g, uint32_t line);
