/* corpus.h: the generated corpus the benchmarks share. Package k is input k % nfiles with its digits varied by a
 * simple LCG, so amounts, counts and codes differ while the layout stays the same. */
#ifndef JX_BENCH_CORPUS_H
#define JX_BENCH_CORPUS_H

#include <stddef.h>
#include <string.h>

/* Copies len bytes of src into buf (len + 1 bytes), replacing each digit 1–9 by another from the generator. */
static inline void corpus_vary(char *buf, const char *src, size_t len, unsigned long long *seed)
{
	memcpy(buf, src, len);
	for (size_t b = 0; b < len; b++)
		if (buf[b] >= '1' && buf[b] <= '9') {
			*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
			buf[b] = (char)('1' + (int)((*seed >> 33) % 9));
		}
	buf[len] = '\0';
}

#endif
