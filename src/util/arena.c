/* arena.c: the bump allocator behind every package. */
#include "util/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_CHUNK (64 * 1024)

struct chunk {
	struct chunk *next;
	size_t size, used;
	/* data follows, aligned */
	max_align_t data[];
};

struct jx_arena {
	struct chunk *head;
	size_t used, cap;
};

jx_arena *jx_arena_new(void)
{
	return calloc(1, sizeof(jx_arena));
}

void jx_arena_free(jx_arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

void jx_arena_set_cap(jx_arena *a, size_t cap)
{
	a->cap = cap;
}

size_t jx_arena_used(const jx_arena *a)
{
	return a->used;
}

void *jx_arena_alloc(jx_arena *a, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX / 2)
		return NULL;
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (a->cap && (a->used + rounded > a->cap || a->used + rounded < a->used))
		return NULL;
#ifdef JX_DEBUG_ARENA
	/* One malloc per allocation so ASan can see each block on its own. */
	struct chunk *c = malloc(sizeof(struct chunk) + size);
	if (!c)
		return NULL;
	c->size = c->used = size;
	c->next = a->head;
	a->head = c;
	a->used += rounded;
	return c->data;
#else
	struct chunk *c = a->head;
	if (!c || c->size - c->used < rounded) {
		size_t csize = rounded > ARENA_CHUNK / 4 ? rounded : ARENA_CHUNK;
		struct chunk *nc = malloc(sizeof(struct chunk) + csize);
		if (!nc)
			return NULL;
		nc->size = csize;
		nc->used = 0;
		if (c && rounded > ARENA_CHUNK / 4) {
			/* A big block goes behind the current chunk so the current one keeps filling. */
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
			c = nc;
		}
		if (c != nc) {
			nc->used = rounded;
			a->used += rounded;
			return nc->data;
		}
	}
	void *p = (char *)c->data + c->used;
	c->used += rounded;
	a->used += rounded;
	return p;
#endif
}

void *jx_arena_zalloc(jx_arena *a, size_t size)
{
	void *p = jx_arena_alloc(a, size);
	if (p)
		memset(p, 0, size);
	return p;
}

void *jx_arena_calloc(jx_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return jx_arena_zalloc(a, n * size);
}

void *jx_arena_grow(jx_arena *a, void *old, size_t old_n, size_t new_n, size_t size)
{
	if (size && new_n > SIZE_MAX / size)
		return NULL;
	void *p = jx_arena_alloc(a, new_n * size);
	if (p && old && old_n)
		memcpy(p, old, (old_n < new_n ? old_n : new_n) * size);
	return p;
}

char *jx_arena_strndup(jx_arena *a, const char *s, size_t n)
{
	char *p = jx_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *jx_arena_strdup(jx_arena *a, const char *s)
{
	return s ? jx_arena_strndup(a, s, strlen(s)) : NULL;
}

char *jx_arena_printf(jx_arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = NULL;
	if (n >= 0 && (p = jx_arena_alloc(a, (size_t)n + 1)) != NULL)
		vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

int jx_vec_grow_(jx_arena *a, void **v, size_t *cap, size_t n, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	void *p = jx_arena_grow(a, *v, n, ncap, size);
	if (!p)
		return -1;
	*v = p;
	*cap = ncap;
	return 0;
}

void *jx_vec_zero_(void *p, size_t size)
{
	memset(p, 0, size);
	return p;
}
