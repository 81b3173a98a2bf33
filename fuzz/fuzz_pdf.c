/* fuzz_pdf.c: the whole import of a PDF (poppler parsing, page rendering for rules, cells, rows, paragraphs,
 * every recogniser) on arbitrary bytes behind the %PDF- magic. Must never crash, hang or leak; failures must come
 * with a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jx/import.h"

/* fontconfig (loaded by poppler's cairo backend) keeps its configuration for the life of the process and
 * LeakSanitizer reports it at exit; it is not ours and not per document. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig\n";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Inputs over 1 MB only slow the fuzzer down; the reader's own caps are tested by the unit tests. */
	if (size > ((size_t)1 << 20))
		return 0;
	/* Make sure the content goes to the PDF reader: the import chooses the reader by the magic. */
	char *buf = malloc(size + 5);
	if (!buf)
		return 0;
	size_t len = size;
	if (size >= 5 && memcmp(data, "%PDF-", 5) == 0) {
		memcpy(buf, data, size);
	} else {
		memcpy(buf, "%PDF-", 5);
		if (size)
			memcpy(buf + 5, data, size);
		len = size + 5;
	}
	jx_pkg *pkg = NULL;
	int rc = jx_import_buffer(&pkg, buf, len, "fuzz.pdf", NULL);
	if (rc == 0) {
		if (!pkg)
			abort();
		jx_pkg_free(pkg);
	} else if (pkg || jx_error_last()[0] == '\0') {
		abort();
	}
	free(buf);
	return 0;
}
