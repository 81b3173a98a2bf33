/* fuzz_xlsx.c: the XLSX reader on arbitrary bytes, then every recogniser on the grid it makes. Must never crash,
 * hang or leak; a refusal must come with a message naming the file, and never leave a half-built grid behind.
 *
 * Inputs starting with "PK" are read as they are (the zip layer). Anything else is the XML inside: the bytes up
 * to the first NUL are the sheet, then the shared strings, then the styles, wrapped into a small workbook, so
 * that mutations reach the XML and number-format code instead of dying in the zip's checksums. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "grid.h"
#include "recognise/recognise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char workbook[] =
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"a\" r:id=\"rId1\"/><sheet name=\"b\" r:id=\"rId1\"/></sheets>"
	"</workbook>";
static const char rels[] =
	"<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";

static int add(zip_t *z, const char *name, const void *p, size_t n)
{
	zip_source_t *s = zip_source_buffer(z, p, n, 0);
	if (!s)
		return -1;
	zip_int64_t i = zip_file_add(z, name, s, 0);
	if (i < 0) {
		zip_source_free(s);
		return -1;
	}
	return zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* The parts in a stored (uncompressed) zip made in memory; NULL on failure. */
static char *wrap(const uint8_t *data, size_t size, size_t *out_len)
{
	const void *part[3] = {"", "", ""};
	size_t len[3] = {0, 0, 0};
	size_t k = 0, start = 0;
	for (size_t i = 0; i <= size && k < 3; i++)
		if (i == size || data[i] == 0) {
			part[k] = data + start;
			len[k++] = i - start;
			start = i + 1;
		}
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!src)
		return NULL;
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	char *buf = NULL;
	if (z) {
		int bad = add(z, "xl/workbook.xml", workbook, sizeof workbook - 1) |
			  add(z, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1) |
			  add(z, "xl/worksheets/sheet1.xml", part[0], len[0]);
		if (k > 1)
			bad |= add(z, "xl/sharedStrings.xml", part[1], len[1]);
		if (k > 2)
			bad |= add(z, "xl/styles.xml", part[2], len[2]);
		if (bad || zip_close(z) != 0)
			zip_discard(z);
		else if (zip_source_open(src) == 0) {
			zip_stat_t st;
			if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && (buf = malloc(st.size + 1))) {
				zip_int64_t got = zip_source_read(src, buf, st.size);
				if (got < 0) {
					free(buf);
					buf = NULL;
				} else {
					*out_len = (size_t)got;
				}
			}
			zip_source_close(src);
		}
	}
	zip_source_free(src);
	zip_error_fini(&err);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *wrapped = NULL;
	const char *in = (const char *)data;
	size_t n = size;
	if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
		wrapped = wrap(data, size, &n);
		if (!wrapped)
			return 0;
		in = wrapped;
	}
	jx_pkg *pkg = jx_pkg_new();
	if (!pkg) {
		free(wrapped);
		return 0;
	}
	jx_grid g;
	jx_error_clear();
	int rc = jx_grid_read_xlsx(&g, pkg, in, n, "fuzz.xlsx");
	if (rc == 0) {
		if (g.layout != JX_LAYOUT_CELLS || g.rows.n == 0 || g.nlines != g.rows.n)
			abort();
		for (size_t i = 0; i < g.rows.n; i++)
			for (size_t c = 0; c < g.rows.v[i].n; c++)
				if (!g.rows.v[i].cells[c].text || g.rows.v[i].cells[c].src.line != i + 1)
					abort();
		if (jx_recognise_all(pkg, &g) != 0)
			abort();
	} else if (!strstr(jx_error_last(), "fuzz.xlsx")) {
		abort();
	}
	jx_pkg_free(pkg);
	free(wrapped);
	return 0;
}
