/* ooxml.h: what the DOCX and XLSX readers share: a zip archive opened from memory with caps on what it may
 * decompress (zip bombs), and XML parts parsed by libxml2 with no network, no DTD and no entity expansion.
 *
 * Ownership: jx_zip_open returns a handle freed by jx_zip_close; jx_zip_read returns a malloc'd, NUL-terminated
 * buffer the caller frees; jx_xml_parse returns an xmlDoc the caller frees with xmlFreeDoc.
 */
#ifndef JX_LIB_READ_OOXML_H
#define JX_LIB_READ_OOXML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

/* Caps for untrusted archives: one part, the whole archive, the number of entries. */
#define JX_ZIP_MAX_PART ((size_t)64 << 20)
#define JX_ZIP_MAX_TOTAL ((size_t)256 << 20)
#define JX_ZIP_MAX_ENTRIES 10000

typedef struct jx_zip jx_zip;

/* Opens `data` (not copied: it must outlive the handle). Errors: JX_EFORMAT (not a zip, damaged, too many
 * entries) with `file` in the message, JX_ENOMEM. */
int jx_zip_open(jx_zip **out, const char *data, size_t len, const char *file);
void jx_zip_close(jx_zip *z);
bool jx_zip_has(const jx_zip *z, const char *name);
/* Reads entry `name` whole. Errors: JX_EFORMAT (missing or damaged entry), JX_ERANGE (over JX_ZIP_MAX_PART, or
 * the archive's running total over JX_ZIP_MAX_TOTAL), JX_ENOMEM. */
int jx_zip_read(jx_zip *z, const char *name, char **out, size_t *len);

/* Does the XML declare a DOCTYPE? OOXML parts never do, so any "<!DOCTYPE" refuses the part (entity bombs and
 * external entities come in that way). Used for the DOM parts here and the streamed sheets of the XLSX reader. */
bool jx_xml_has_doctype(const char *data, size_t len);

/* Parses one XML part. Refuses a DOCTYPE outright (OOXML never has one; it is how entity bombs and external
 * entities come in). Errors: JX_EFORMAT naming `file`, `part` and the line of the XML error. */
int jx_xml_parse(xmlDocPtr *out, const char *data, size_t len, const char *file, const char *part);

/* Reads entry `part` and parses it (jx_zip_read, then jx_xml_parse): the small parts read as a whole DOM. */
int jx_zip_parse(jx_zip *z, const char *part, const char *file, xmlDocPtr *out);

/* The value of attribute `name` in any namespace (w:val, r:id…), or NULL; an xmlFree'able string. */
char *jx_xml_attr(xmlNode *n, const char *name);
/* Is `n` an element with local name `name`? (Prefixes vary between producers; local names do not.) */
bool jx_xml_is(const xmlNode *n, const char *name);

#endif
