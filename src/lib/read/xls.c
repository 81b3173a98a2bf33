/* xls.c: reads a legacy Excel workbook (BIFF in an OLE2 container) through libfreexl into a JX_LAYOUT_CELLS grid.
 * FreeXL gives cell values only: merged ranges and number formats are lost (see docs/read.md). FreeXL runs in a
 * child process, so that its crashes on crafted files stay there. */
#include "grid.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <freexl.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#define XLS_MAX_BYTES ((size_t)128 << 20)
#define XLS_MAX_SHEETS 1024u
#define XLS_MAX_PROBES ((uint64_t)1 << 24)   /* cells asked of FreeXL, whole workbook (sheets are dense arrays) */
#define XLS_MAX_GRID_CELLS ((size_t)1 << 20) /* cells put in the grid, blanks included */

static const char *freexl_why(int rc)
{
	switch (rc) {
	case FREEXL_INSUFFICIENT_MEMORY:
		return "内存不足";
	case FREEXL_INVALID_CFBF_HEADER:
	case FREEXL_CFBF_INVALID_SIGNATURE:
	case FREEXL_CFBF_INVALID_SECTOR_SIZE:
		return "OLE2 文件头无效";
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		return "其中没有 Excel 工作簿（可能是 Word .doc 或其他 OLE2 文件）";
	case FREEXL_BIFF_INVALID_BOF:
	case FREEXL_BIFF_INVALID_SST:
	case FREEXL_BIFF_ILLEGAL_SST_INDEX:
		return "BIFF 记录已损坏";
	case FREEXL_CRAFTED_FILE:
		return "文件严重损坏（可能是特意构造的恶意文件）";
	case FREEXL_INVALID_CHARACTER:
	case FREEXL_UNSUPPORTED_CHARSET:
		return "文字编码无法识别";
	default:
		return "文件已损坏或格式不受支持";
	}
}

/* Excel's General for a double: 15 significant digits (no binary noise such as 0.30000000000000004), plain
 * notation for ordinary magnitudes. */
static void general_text(double v, char *out, size_t cap)
{
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%.15g", v);
	char *e = strchr(tmp, 'e');
	if (!e) {
		snprintf(out, cap, "%s", strcmp(tmp, "-0") == 0 ? "0" : tmp);
		return;
	}
	/* %g chose an exponent: write it the way Excel does ("1E+20", "1.5E-07") */
	int ex = atoi(e + 1);
	*e = '\0';
	snprintf(out, cap, "%sE%c%02d", tmp, ex < 0 ? '-' : '+', ex < 0 ? -ex : ex);
}

/* Does the cell show anything? (The first pass over a sheet: nothing is allocated.) *rc gets FreeXL's error. */
static bool cell_shows(const void *h, unsigned int r, unsigned short c, int *rc)
{
	FreeXL_CellValue v;
	*rc = freexl_get_cell_value(h, r, c, &v);
	if (*rc != FREEXL_OK)
		return false;
	switch (v.type) {
	case FREEXL_CELL_INT:
	case FREEXL_CELL_DOUBLE:
		return true;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME: {
		if (!v.value.text_value)
			return false;
		size_t len = strlen(v.value.text_value);
		jx_utf8_trim(v.value.text_value, &len);
		return len > 0;
	}
	default:
		return false;
	}
}

/* The text of one cell in the arena ("" for an empty one); NULL on out-of-memory. *rc gets FreeXL's error. */
static const char *cell_text(jx_arena *a, const void *h, unsigned int r, unsigned short c, int *rc)
{
	FreeXL_CellValue v;
	*rc = freexl_get_cell_value(h, r, c, &v);
	if (*rc != FREEXL_OK)
		return "";
	char num[64];
	const char *s = "";
	switch (v.type) {
	case FREEXL_CELL_INT:
		snprintf(num, sizeof num, "%d", v.value.int_value);
		s = num;
		break;
	case FREEXL_CELL_DOUBLE:
		general_text(v.value.double_value, num, sizeof num);
		s = num;
		break;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		s = v.value.text_value ? v.value.text_value : "";
		break;
	default:
		return "";
	}
	return jx_grid_cell_text(a, s, strlen(s));
}

typedef struct xls_ctx {
	jx_grid *g;
	jx_pkg *pkg;
	const void *h;
	const char *file;
	uint64_t probes;
	size_t grid_cells;
	const char **lines;
	size_t nlines, lines_cap;
} xls_ctx;

static int oom(const xls_ctx *x)
{
	return jx_error_set(JX_ENOMEM, "%s: 内存不足", x->file);
}

/* Appends a grid row of `n` texts (already in the arena) on sheet `page`, and its line. */
static int emit_row(xls_ctx *x, uint32_t page, const char *const *texts, size_t n)
{
	if (x->grid_cells + n > XLS_MAX_GRID_CELLS)
		return jx_error_set(JX_ELIMIT, "%s: 工作簿的单元格（含空白）超过 %zu 个的上限", x->file,
				    XLS_MAX_GRID_CELLS);
	/* One value alone on its row, in the first column: free text (titles, notes, prose), as in the XLSX reader. */
	size_t shown = 0;
	for (size_t k = 0; k < n; k++)
		shown += *texts[k] != '\0';
	bool para = n > 0 && shown == 1 && *texts[0];
	if (para)
		n = 1;
	x->grid_cells += n;
	jx_grid_row *gr = jx_vec_push(x->pkg->arena, &x->g->rows);
	jx_cell *cells = n ? jx_arena_calloc(x->pkg->arena, n, sizeof *cells) : NULL;
	if (!gr || (n && !cells))
		return oom(x);
	uint32_t lineno = (uint32_t)x->nlines + 1;
	gr->cells = cells;
	gr->n = n;
	gr->paragraph = para;
	gr->src = (jx_src){x->g->file, page, lineno, 1, 0};
	jx_buf line = JX_BUF_INIT;
	int rc = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		if (k && jx_buf_putc(&line, '\t'))
			rc = oom(x);
		cells[k].text = texts[k];
		cells[k].src = (jx_src){x->g->file, page, lineno, (uint32_t)line.len + 1, (uint32_t)strlen(texts[k])};
		for (const char *p = texts[k]; *p && !rc; p++)
			if (jx_buf_putc(&line, *p == '\n' ? ' ' : *p))
				rc = oom(x);
	}
	char *ls = rc ? NULL : jx_arena_strndup(x->pkg->arena, line.ptr ? line.ptr : "", line.len);
	jx_buf_release(&line);
	if (rc)
		return rc;
	if (!ls)
		return oom(x);
	if (x->nlines == x->lines_cap) {
		size_t ncap = x->lines_cap ? x->lines_cap * 2 : 64;
		const char **nv = jx_arena_grow(x->pkg->arena, (void *)x->lines, x->lines_cap, ncap, sizeof *nv);
		if (!nv)
			return oom(x);
		x->lines = nv;
		x->lines_cap = ncap;
	}
	x->lines[x->nlines++] = ls;
	return 0;
}

static int read_sheet(xls_ctx *x, unsigned short idx, const char *name)
{
	unsigned int rows = 0;
	unsigned short cols = 0;
	int frc = freexl_select_active_worksheet(x->h, idx);
	if (frc == FREEXL_OK)
		frc = freexl_worksheet_dimensions(x->h, &rows, &cols);
	if (frc != FREEXL_OK)
		return jx_error_set(JX_EFORMAT, "%s: 无法读取工作表“%s”：%s", x->file, name, freexl_why(frc));
	if (rows == 0 || cols == 0)
		return 0;
	uint64_t ncells = (uint64_t)rows * cols;
	if (x->probes + ncells > XLS_MAX_PROBES)
		return jx_error_set(JX_ELIMIT, "%s: 工作表“%s”声明了 %u 行 × %u 列，超过单元格总数的上限", x->file, name,
				    rows, (unsigned)cols);
	x->probes += ncells;
	/* first pass: the columns in use */
	unsigned short minc = cols, maxc = 0;
	for (unsigned int r = 0; r < rows; r++)
		for (unsigned short c = 0; c < cols; c++) {
			int rc;
			bool shows = cell_shows(x->h, r, c, &rc);
			if (rc != FREEXL_OK)
				return jx_error_set(JX_EFORMAT, "%s: 工作表“%s”第 %u 行第 %u 列无法读取：%s", x->file, name,
						    r + 1, (unsigned)c + 1, freexl_why(rc));
			if (shows) {
				if (c < minc)
					minc = c;
				if (c > maxc)
					maxc = c;
			}
		}
	if (minc > maxc)
		return 0;
	size_t width = (size_t)(maxc - minc) + 1;
	const char **texts = malloc(width * sizeof *texts);
	if (!texts)
		return oom(x);
	int rc = 0;
	for (unsigned int r = 0; r < rows && !rc; r++) {
		bool any = false;
		for (size_t k = 0; k < width && !rc; k++) {
			int frc2; /* cannot fail now: the first pass read every cell */
			texts[k] = cell_text(x->pkg->arena, x->h, r, (unsigned short)(minc + k), &frc2);
			if (!texts[k])
				rc = oom(x);
			else
				any |= *texts[k] != '\0';
		}
		if (!rc && any)
			rc = emit_row(x, (uint32_t)idx + 1, texts, width);
	}
	free(texts);
	return rc;
}

/* FreeXL reads from a path only: the bytes go to a private temporary file, unlinked as soon as it is open. */
static int open_temp(const char *data, size_t len, const char *file, const void **h)
{
	*h = NULL;
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/jx-xls-XXXXXX", dir && *dir && strlen(dir) < 4000 ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return jx_error_set(JX_EIO, "%s: 无法创建临时文件：%s", file, strerror(errno));
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;
			close(fd);
			unlink(path);
			return jx_error_set(JX_EIO, "%s: 无法写入临时文件：%s", file, strerror(e));
		}
		off += (size_t)w;
	}
	close(fd);
	int frc = freexl_open(path, h);
	unlink(path);
	if (frc != FREEXL_OK) {
		if (*h)
			freexl_close(*h);
		*h = NULL;
		if (frc == FREEXL_INSUFFICIENT_MEMORY)
			return jx_error_set(JX_ENOMEM, "%s: 内存不足", file);
		return jx_error_set(JX_EFORMAT, "%s: 不是可读取的 XLS 工作簿：%s", file, freexl_why(frc));
	}
	return 0;
}

/* The whole reading with FreeXL, into x->g. */
static int read_book(xls_ctx *x, const char *data, size_t len)
{
	int rc = open_temp(data, len, x->file, &x->h);
	if (rc)
		return rc;
	unsigned int nsheets = 0;
	int frc = freexl_get_info(x->h, FREEXL_BIFF_SHEET_COUNT, &nsheets);
	if (frc != FREEXL_OK)
		rc = jx_error_set(JX_EFORMAT, "%s: 无法读取工作表目录：%s", x->file, freexl_why(frc));
	else if (nsheets == 0)
		rc = jx_error_set(JX_EFORMAT, "%s: 工作簿中没有工作表", x->file);
	else if (nsheets > XLS_MAX_SHEETS)
		rc = jx_error_set(JX_ELIMIT, "%s: 工作表超过 %u 个的上限", x->file, XLS_MAX_SHEETS);
	for (unsigned int i = 0; i < nsheets && !rc; i++) {
		const char *name = NULL;
		if (freexl_get_worksheet_name(x->h, (unsigned short)i, &name) != FREEXL_OK || !name)
			name = "?";
		rc = read_sheet(x, (unsigned short)i, name);
	}
	freexl_close(x->h);
	x->h = NULL;
	return rc;
}

/* ---- FreeXL runs in a child process ----
 * Fuzzing found FreeXL 1.0.6 reading past its own buffers on crafted files (inside freexl_open, where no check
 * of ours can come first). So the parsing happens in a forked child that sends the finished rows back through a
 * pipe; if FreeXL crashes or hangs, only the child dies and the file is refused with a clear message. */

#define XLS_CHILD_SECONDS 60u
#define XLS_MAX_STREAM ((size_t)256 << 20)

static int put_u32(jx_buf *b, uint32_t v)
{
	unsigned char q[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
			      (unsigned char)v};
	return jx_buf_put(b, q, 4);
}

static bool get_u32(const char *p, size_t len, size_t *off, uint32_t *v)
{
	if (len - *off < 4)
		return false;
	const unsigned char *q = (const unsigned char *)p + *off;
	*v = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3];
	*off += 4;
	return true;
}

/* Child: 'O' + rows (page, cell count, then length and bytes of each cell), or 'E' + code + message. */
static void child_main(xls_ctx *x, const char *data, size_t len, int fd)
{
	alarm(XLS_CHILD_SECONDS);
	jx_buf out = JX_BUF_INIT;
	int rc = read_book(x, data, len);
	int bad = 0;
	if (rc) {
		bad |= jx_buf_putc(&out, 'E');
		bad |= put_u32(&out, (uint32_t)-rc);
		bad |= jx_buf_puts(&out, jx_error_last());
	} else {
		bad |= jx_buf_putc(&out, 'O');
		for (size_t i = 0; i < x->g->rows.n && !bad; i++) {
			const jx_grid_row *r = &x->g->rows.v[i];
			bad |= put_u32(&out, r->src.page);
			bad |= put_u32(&out, (uint32_t)r->n);
			for (size_t k = 0; k < r->n && !bad; k++) {
				size_t n = strlen(r->cells[k].text);
				bad |= put_u32(&out, (uint32_t)n);
				bad |= jx_buf_put(&out, r->cells[k].text, n);
			}
		}
	}
	if (bad) {
		jx_buf_clear(&out);
		jx_buf_putc(&out, 'E');
		put_u32(&out, (uint32_t)-JX_ENOMEM);
		jx_buf_puts(&out, "内存不足");
	}
	size_t off = 0;
	while (off < out.len) {
		ssize_t w = write(fd, out.ptr + off, out.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(3);
		off += (size_t)w;
	}
	_exit(0);
}

/* Parent: the child's stream into the grid. */
static int take_stream(xls_ctx *x, const char *p, size_t len)
{
	size_t off = 1;
	if (len == 0)
		return jx_error_set(JX_EFORMAT, "%s: XLS 文件已损坏（读取进程没有返回结果）", x->file);
	if (p[0] == 'E') {
		uint32_t code;
		if (!get_u32(p, len, &off, &code) || code == 0 || code > 100)
			return jx_error_set(JX_EFORMAT, "%s: XLS 文件已损坏", x->file);
		return jx_error_set(-(int)code, "%.*s", (int)(len - off), p + off);
	}
	if (p[0] != 'O')
		return jx_error_set(JX_EFORMAT, "%s: XLS 文件已损坏", x->file);
	const char **texts = NULL;
	size_t cap = 0;
	int rc = 0;
	while (off < len && !rc) {
		uint32_t page, n;
		if (!get_u32(p, len, &off, &page) || !get_u32(p, len, &off, &n) || n > XLS_MAX_GRID_CELLS) {
			rc = jx_error_set(JX_EFORMAT, "%s: XLS 文件已损坏（读取结果不完整）", x->file);
			break;
		}
		if (n > cap) {
			const char **nv = realloc(texts, n * sizeof *nv);
			if (!nv) {
				rc = oom(x);
				break;
			}
			texts = nv;
			cap = n;
		}
		for (uint32_t k = 0; k < n && !rc; k++) {
			uint32_t tl;
			if (!get_u32(p, len, &off, &tl) || len - off < tl) {
				rc = jx_error_set(JX_EFORMAT, "%s: XLS 文件已损坏（读取结果不完整）", x->file);
				break;
			}
			if (!(texts[k] = jx_arena_strndup(x->pkg->arena, p + off, tl)))
				rc = oom(x);
			off += tl;
		}
		if (!rc)
			rc = emit_row(x, page, texts, n);
	}
	free(texts);
	return rc;
}

static int read_isolated(xls_ctx *x, const char *data, size_t len)
{
	int fds[2];
	if (pipe(fds) != 0)
		return jx_error_set(JX_EIO, "%s: 无法创建管道：%s", x->file, strerror(errno));
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(fds[0]);
		close(fds[1]);
		return jx_error_set(JX_EIO, "%s: 无法创建读取进程：%s", x->file, strerror(e));
	}
	if (pid == 0) {
		close(fds[0]);
		child_main(x, data, len, fds[1]);
	}
	close(fds[1]);
	jx_buf in = JX_BUF_INIT;
	char chunk[65536];
	int rc = 0;
	for (;;) {
		ssize_t got = read(fds[0], chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (in.len + (size_t)got > XLS_MAX_STREAM) {
			rc = jx_error_set(JX_ELIMIT, "%s: 工作簿内容超过 %zu MB 的上限", x->file, XLS_MAX_STREAM >> 20);
			kill(pid, SIGKILL);
			break;
		}
		if (jx_buf_put(&in, chunk, (size_t)got)) {
			rc = oom(x);
			kill(pid, SIGKILL);
			break;
		}
	}
	close(fds[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!rc && WIFSIGNALED(status))
		rc = jx_error_set(JX_EFORMAT, "%s: XLS 文件已损坏：解析库读取时异常终止（信号 %d）%s", x->file,
				  WTERMSIG(status), WTERMSIG(status) == SIGALRM ? "，超过时间上限" : "");
	else if (!rc && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
		rc = jx_error_set(JX_EFORMAT, "%s: XLS 文件已损坏：解析库读取时异常退出", x->file);
	if (!rc)
		rc = take_stream(x, in.ptr ? in.ptr : "", in.len);
	jx_buf_release(&in);
	return rc;
}

int jx_grid_read_xls(jx_grid *g, jx_pkg *pkg, const char *data, size_t len, const char *file)
{
	int start_rc = jx_grid_start(g, pkg, file, JX_LAYOUT_CELLS);
	if (start_rc)
		return start_rc;
	file = g->file;
	if (len > XLS_MAX_BYTES)
		return jx_error_set(JX_ELIMIT, "%s: 文件超过 %zu MB 的上限", file, XLS_MAX_BYTES >> 20);
	if (len < 8 || memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
		return jx_error_set(JX_EFORMAT, "%s: 不是 XLS 工作簿（缺少 OLE2 文件头）", file);
	xls_ctx x;
	memset(&x, 0, sizeof x);
	x.g = g;
	x.pkg = pkg;
	x.file = g->file;
	int rc = read_isolated(&x, data, len);
	if (!rc && g->rows.n == 0)
		rc = jx_error_set(JX_EFORMAT, "%s: 工作簿中没有任何有内容的单元格", x.file);
	if (rc)
		return rc;
	g->lines = x.lines;
	g->nlines = x.nlines;
	return jx_grid_add_source(pkg, g, data, len, "xls", "UTF-8");
}
