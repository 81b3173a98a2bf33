/* vocab.h: the closed vocabularies of the forms (level-1 and level-2 indicator names, field labels), matched
 * exactly, in their short forms, with spaces inside ("可持续影响  指标"), and approximately (OCR noise such as
 * 数量指程, 或本指标, 生杏效益指标, 清意度指标: one wrong, missing or extra character in a name of four or more).
 * `*approx` (may be NULL) is set when the match was not exact, so the caller can note the correction.
 */
#ifndef JX_LIB_VOCAB_H
#define JX_LIB_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "jx/model.h"

/* The whole of s[0..len) (trimmed, spaces inside ignored) names a level 1 / level 2; UNKNOWN otherwise. */
jx_level1 jx_vocab_level1(const char *s, size_t len, bool *approx);
jx_level2 jx_vocab_level2(const char *s, size_t len, bool *approx);

/* The longest level-1 / level-2 name at the start of s (PDF text where cells run together: "时效指标项目完成时间").
 * Returns the bytes it covers (0 if none) and sets *out. Approximate matches are tried only for names of four or
 * more characters and only when no exact one is found. */
size_t jx_vocab_prefix_level1(const char *s, size_t len, jx_level1 *out, bool *approx);
size_t jx_vocab_prefix_level2(const char *s, size_t len, jx_level2 *out, bool *approx);

/* Index of the label in `labels` (NULL-terminated) that s[0..len) matches (spaces, colons and brackets
 * ignored; approximately for labels of four or more characters), or -1. */
int jx_vocab_label(const char *s, size_t len, const char *const *labels, bool *approx);

/* Edit distance between two UTF-8 strings in code points (capped at 8). */
int jx_vocab_distance(const char *a, size_t alen, const char *b, size_t blen);

/* Copies s[0..len) without white space of any kind (ASCII, U+3000, NBSP) into out (NUL-terminated, at most
 * cap-1 bytes, cut at a code point boundary). Returns the length written. */
size_t jx_vocab_squeeze(const char *s, size_t len, char *out, size_t cap);

#endif
