/* ooxml.c: zip archives from memory with decompression caps (libzip), and XML parts through libxml2 with every
 * door to the outside shut: no network, no DTD loading, no entity substitution, and no DOCTYPE at all. */
#include "read/ooxml.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <zip.h>

#include "jx/common.h"

struct jx_zip {
	zip_t *za;
	const char *file;
	size_t total; /* bytes decompressed so far */
};

int jx_zip_open(jx_zip **out, const char *data, size_t len, const char *file)
{
	*out = NULL;
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
	if (!src) {
		zip_error_fini(&err);
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
	}
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!za) {
		const char *why = zip_error_strerror(&err);
		zip_source_free(src);
		int rc = jx_error_set(JX_EFORMAT, "%s: 不是有效的 ZIP 压缩包（DOCX/XLSX）：%s", file, why);
		zip_error_fini(&err);
		return rc;
	}
	zip_error_fini(&err);
	zip_int64_t n = zip_get_num_entries(za, 0);
	if (n < 0 || n > JX_ZIP_MAX_ENTRIES) {
		zip_close(za);
		return jx_error_set(JX_EFORMAT, "%s: 压缩包条目过多（%lld 个）", file, (long long)n);
	}
	jx_zip *z = calloc(1, sizeof *z);
	if (!z) {
		zip_close(za);
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
	}
	z->za = za;
	z->file = file;
	*out = z;
	return 0;
}

void jx_zip_close(jx_zip *z)
{
	if (!z)
		return;
	zip_discard(z->za);
	free(z);
}

bool jx_zip_has(const jx_zip *z, const char *name)
{
	return zip_name_locate(z->za, name, 0) >= 0;
}

int jx_zip_read(jx_zip *z, const char *name, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	zip_file_t *f = zip_fopen(z->za, name, 0);
	if (!f)
		return jx_error_set(JX_EFORMAT, "%s: 压缩包中缺少或无法打开“%s”：%s", z->file, name,
				    zip_strerror(z->za));
	/* The sizes in the headers are the attacker's to choose: read in chunks and count what really comes out. */
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		zip_fclose(f);
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", z->file);
	}
	for (;;) {
		if (n == cap) {
			if (cap >= JX_ZIP_MAX_PART) {
				zip_fclose(f);
				free(buf);
				return jx_error_set(JX_ERANGE, "%s: “%s”解压后超过 %zu MB，拒绝读取（可能是压缩炸弹）",
						    z->file, name, JX_ZIP_MAX_PART >> 20);
			}
			size_t ncap = cap * 2 > JX_ZIP_MAX_PART ? JX_ZIP_MAX_PART : cap * 2;
			char *nb = realloc(buf, ncap + 1);
			if (!nb) {
				zip_fclose(f);
				free(buf);
				return jx_error_set(JX_ENOMEM, "%s: 内存不足", z->file);
			}
			buf = nb;
			cap = ncap;
		}
		zip_int64_t got = zip_fread(f, buf + n, cap - n);
		if (got < 0) {
			int rc = jx_error_set(JX_EFORMAT, "%s: 压缩包中的“%s”已损坏：%s", z->file, name,
					      zip_file_strerror(f));
			zip_fclose(f);
			free(buf);
			return rc;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (z->total + n > JX_ZIP_MAX_TOTAL) {
			zip_fclose(f);
			free(buf);
			return jx_error_set(JX_ERANGE, "%s: 解压总量超过 %zu MB，拒绝读取（可能是压缩炸弹）", z->file,
					    JX_ZIP_MAX_TOTAL >> 20);
		}
	}
	zip_fclose(f);
	z->total += n;
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* Finds "<!DOCTYPE" outside comments closely enough: OOXML parts never declare one, so any occurrence refuses. */
bool jx_xml_has_doctype(const char *data, size_t len)
{
	static const char pat[] = "<!DOCTYPE";
	size_t m = sizeof pat - 1;
	for (size_t i = 0; i + m <= len; i++)
		if (data[i] == '<' && memcmp(data + i, pat, m) == 0)
			return true;
	return false;
}

/* libxml2 prints parse errors to stderr by default; we report them ourselves. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int jx_xml_parse(xmlDocPtr *out, const char *data, size_t len, const char *file, const char *part)
{
	*out = NULL;
	if (len > (size_t)INT32_MAX)
		return jx_error_set(JX_ERANGE, "%s: “%s”过大", file, part);
	if (jx_xml_has_doctype(data, len))
		return jx_error_set(JX_EFORMAT, "%s: “%s”含有 DOCTYPE 声明，按安全规则拒绝读取", file, part);
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlResetLastError();
	xmlDocPtr doc = xmlReadMemory(data, (int)len, part, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		return jx_error_set(JX_EFORMAT, "%s: “%s”第 %d 行不是有效的 XML：%s", file, part, e ? e->line : 0,
				    e && e->message ? e->message : "无法解析");
	}
	if (!xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		return jx_error_set(JX_EFORMAT, "%s: “%s”是空的 XML 文档", file, part);
	}
	*out = doc;
	return 0;
}

int jx_zip_parse(jx_zip *z, const char *part, const char *file, xmlDocPtr *out)
{
	char *data;
	size_t len;
	int rc = jx_zip_read(z, part, &data, &len);
	if (rc)
		return rc;
	rc = jx_xml_parse(out, data, len, file, part);
	free(data);
	return rc;
}

char *jx_xml_attr(xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, name) == 0)
			return (char *)xmlNodeGetContent((xmlNode *)a);
	return NULL;
}

bool jx_xml_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}
