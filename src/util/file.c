/* file.c: whole-file reads and atomic writes. */
#define _POSIX_C_SOURCE 200809L
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx/common.h"

static int read_fd(int fd, char **out, size_t *len, const char *path, size_t max)
{
	size_t alloc = 65536, n = 0;
	char *buf = malloc(alloc + 1);
	if (!buf)
		return jx_error_set(JX_ENOMEM, "%s: 内存不足", path);
	for (;;) {
		if (n == alloc) {
			if (alloc >= max) {
				free(buf);
				return jx_error_set(JX_ELIMIT, "%s: 文件超过 %zu 字节的上限", path, max);
			}
			size_t na = alloc * 2 > max ? max : alloc * 2;
			char *nb = realloc(buf, na + 1);
			if (!nb) {
				free(buf);
				return jx_error_set(JX_ENOMEM, "%s: 内存不足", path);
			}
			buf = nb;
			alloc = na;
		}
		ssize_t r = read(fd, buf + n, alloc - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(buf);
			return jx_error_set(JX_EIO, "%s: 读取失败: %s", path, strerror(e));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int jx_file_read(char **out, size_t *len, const char *path, size_t max)
{
	if (!max)
		max = JX_FILE_MAX_DEFAULT;
	if (strcmp(path, "-") == 0)
		return read_fd(0, out, len, "<stdin>", max);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return jx_error_set(JX_EIO, "%s: 无法打开: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return jx_error_set(JX_EIO, "%s: 是目录，不是文件", path);
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		close(fd);
		return jx_error_set(JX_ELIMIT, "%s: 文件超过 %zu 字节的上限", path, max);
	}
	int rc = read_fd(fd, out, len, path, max);
	close(fd);
	return rc;
}

int jx_file_write_atomic(const char *path, const void *data, size_t len)
{
	if (strcmp(path, "-") == 0) {
		if (len && fwrite(data, 1, len, stdout) != len)
			return jx_error_set(JX_EIO, "写入标准输出失败");
		return fflush(stdout) == 0 ? 0 : jx_error_set(JX_EIO, "写入标准输出失败");
	}
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp)
		return jx_error_set(JX_ENOMEM, "内存不足");
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp.XXXXXX", 12);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return jx_error_set(JX_EIO, "%s: 无法创建临时文件: %s", path, strerror(e));
	}
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			unlink(tmp);
			free(tmp);
			return jx_error_set(JX_EIO, "%s: 写入失败: %s", path, strerror(e));
		}
		p += w;
		left -= (size_t)w;
	}
	fchmod(fd, 0644);
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		free(tmp);
		return jx_error_set(JX_EIO, "%s: 写入失败: %s", path, strerror(e));
	}
	free(tmp);
	return 0;
}

int jx_file_through_temp(const char *tag, int (*write)(const void *ud, const char *path), const void *ud,
			 char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/jx-%s-XXXXXX", dir && *dir ? dir : "/tmp", tag);
	int fd = mkstemp(path);
	if (fd < 0)
		return jx_error_set(JX_EIO, "无法创建临时文件");
	close(fd);
	int rc = write(ud, path);
	if (!rc)
		rc = jx_file_read(out, len, path, 0);
	unlink(path);
	return rc;
}
