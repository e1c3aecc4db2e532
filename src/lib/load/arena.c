/*
 * load/arena.c - the memory of parse trees (load/internal.h).
 *
 * The parse tree lives in an arena. cJSON allocates every item and every key string with
 * malloc; on a 200,000-link network that is millions of small blocks, and malloc and the page
 * faults behind it were most of the load time. cJSON only lets a program replace malloc and
 * free process-wide (cJSON_InitHooks), so the hooks are installed once and are constant; they
 * allocate from the arena that the calling thread has made current for the duration of one
 * parse (a thread-local pointer, so parallel loads in threads stay independent) and fall back
 * to malloc/free otherwise, leaving every other use of cJSON in the process unchanged. The
 * tree is released by dropping the arena; cJSON_Delete is never called on it.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

/* The last chunk allocated first; chunks double from 64 KiB up to 16 MiB each. */

struct xbr__arena {
    struct arena_chunk *chunks;
    size_t used;  /* bytes used in the first chunk */
    size_t avail; /* bytes in the first chunk */
    int failed;
};

struct arena_chunk {
    struct arena_chunk *next;
    max_align_t data[];
};

/* The arena of the parse running on this thread, or NULL (then the hooks are malloc/free). */
static _Thread_local xbr__arena_t *current_arena;
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

/* n bytes (rounded up to max_align_t) from the arena's first chunk, or from a new chunk when it
 * is full; NULL (and a->failed) when out of memory. */
void *xbr__arena_alloc(xbr__arena_t *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (a->chunks == NULL || a->used + n > a->avail) {
        size_t size = a->avail ? a->avail * 2 : 64 * 1024;
        if (size > 16u * 1024 * 1024)
            size = 16u * 1024 * 1024;
        if (size < n)
            size = n;
        struct arena_chunk *c = malloc(sizeof *c + size);
        if (c == NULL) {
            a->failed = 1;
            return NULL;
        }
        c->next = a->chunks;
        a->chunks = c;
        a->used = 0;
        a->avail = size;
    }
    void *p = (char *)a->chunks->data + a->used;
    a->used += n;
    return p;
}

xbr__arena_t *xbr__arena_new(void)
{
    return calloc(1, sizeof(xbr__arena_t));
}

void xbr__arena_free(xbr__arena_t *a)
{
    if (a == NULL)
        return;
    while (a->chunks != NULL) {
        struct arena_chunk *next = a->chunks->next;
        free(a->chunks);
        a->chunks = next;
    }
    free(a);
}

void xbr__arena_reset(xbr__arena_t *a)
{
    /* the first chunk is the newest and largest: kept, so the next element of a streamed array
     * of elements of one size costs no malloc at all */
    if (a == NULL || a->chunks == NULL)
        return;
    while (a->chunks->next != NULL) {
        struct arena_chunk *next = a->chunks->next->next;
        free(a->chunks->next);
        a->chunks->next = next;
    }
    a->used = 0;
}

cJSON *xbr__arena_item(xbr__arena_t *a, int type)
{
    cJSON *item = xbr__arena_alloc(a, sizeof *item);
    if (item != NULL) {
        memset(item, 0, sizeof *item);
        item->type = type;
    }
    return item;
}

char *xbr__arena_strdup(xbr__arena_t *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xbr__arena_alloc(a, n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

bool xbr__arena_failed(const xbr__arena_t *a)
{
    return a != NULL && a->failed;
}

static void *hook_malloc(size_t n)
{
    return current_arena != NULL ? xbr__arena_alloc(current_arena, n) : malloc(n);
}

static void hook_free(void *p)
{
    if (current_arena == NULL)
        free(p);
    /* else: the block belongs to the arena and goes when the arena goes */
}

static void install_hooks(void)
{
    cJSON_Hooks hooks = {hook_malloc, hook_free};
    cJSON_InitHooks(&hooks);
}

cJSON *xbr__arena_parse(xbr__arena_t *a, const char *text, size_t len, const char **end)
{
    pthread_once(&hooks_once, install_hooks);
    current_arena = a;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, end, 0);
    current_arena = NULL;
    return root;
}
