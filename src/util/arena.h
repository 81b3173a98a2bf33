/* arena.h: a bump allocator. One arena per package; freeing the arena frees every allocation made from it.
 *
 * Invariants: allocations are aligned to 16 bytes and never move; jx_arena_free releases everything at once.
 * With JX_DEBUG_ARENA defined at build time (cmake -DJX_DEBUG_ARENA=ON) every allocation is its own malloc, so
 * AddressSanitizer sees overflows between them.
 * All allocation functions return NULL on out-of-memory (or when the arena's byte cap is reached), never abort.
 */
#ifndef JX_UTIL_ARENA_H
#define JX_UTIL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct jx_arena jx_arena;

jx_arena *jx_arena_new(void);
void jx_arena_free(jx_arena *a);
/* Caps the total bytes this arena may hand out (0 = no cap). Input that grows a package cannot exhaust memory. */
void jx_arena_set_cap(jx_arena *a, size_t cap);
size_t jx_arena_used(const jx_arena *a);

void *jx_arena_alloc(jx_arena *a, size_t size);  /* uninitialised */
void *jx_arena_zalloc(jx_arena *a, size_t size); /* zeroed */
/* Allocates n * size zeroed bytes, NULL on overflow. */
void *jx_arena_calloc(jx_arena *a, size_t n, size_t size);
/* Grows an array allocated from the arena to new_n elements (old contents copied; the old block is left). */
void *jx_arena_grow(jx_arena *a, void *old, size_t old_n, size_t new_n, size_t size);
char *jx_arena_strdup(jx_arena *a, const char *s);
char *jx_arena_strndup(jx_arena *a, const char *s, size_t n);
char *jx_arena_printf(jx_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* A growable array inside an arena: declare with JX_VEC(type) name; push with jx_vec_push. */
#define JX_VEC(type) struct { type *v; size_t n, cap; }
/* Appends a zeroed element and returns a pointer to it, or NULL on out-of-memory. */
#define jx_vec_push(arena, vec) \
	((vec)->n < (vec)->cap || jx_vec_grow_((arena), (void **)&(vec)->v, &(vec)->cap, (vec)->n, sizeof(*(vec)->v)) == 0 \
		 ? jx_vec_zero_(&(vec)->v[(vec)->n++], sizeof(*(vec)->v)) \
		 : NULL)
int jx_vec_grow_(jx_arena *a, void **v, size_t *cap, size_t n, size_t size);
void *jx_vec_zero_(void *p, size_t size);

#endif
