/*
 * oom_shim.c - an LD_PRELOAD library that makes one allocation of a process fail, for
 * tests/oom/test_oom.sh (README, "Reliability": out of memory).
 *
 * It wraps malloc, calloc, realloc, reallocarray, strdup and strndup (glibc's own
 * __libc_malloc, __libc_calloc and __libc_realloc do the work, so no dlsym and no recursion)
 * and counts every call made from the start of main() on (the trigger: __libc_start_main is
 * wrapped), in every library: the program's, cJSON's, igraph's, GLPK's and the C library's
 * own (stdio buffers, ...). What the libraries' constructors allocate before main (libgfortran,
 * pulled in by igraph's BLAS, does) is not counted: no program can report that failure.
 *
 *   XBR_OOM_FAIL=N      the Nth call (1-based) returns NULL with errno ENOMEM; 0 or unset:
 *                       none fails. With XBR_OOM_STICKY=1, every call from the Nth on fails.
 *   XBR_OOM_COUNT=FILE  at exit, FILE receives the number of calls made ("%lu\n"), and a
 *                       second line "failed" when the failure was injected.
 *   XBR_OOM_TRACE=1     print a backtrace to standard error where the failure is injected.
 *
 * free() is not wrapped: every block still comes from glibc's allocator. Not usable under
 * AddressSanitizer, which owns malloc itself.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static atomic_ulong calls;
static atomic_int failed;
static unsigned long fail_at;
static int sticky;
static int trace;
static int ready;
static atomic_int in_main;
static _Thread_local int in_trace;

static void read_env(void)
{
    const char *s = getenv("XBR_OOM_FAIL");
    fail_at = s != NULL ? strtoul(s, NULL, 10) : 0;
    s = getenv("XBR_OOM_STICKY");
    sticky = s != NULL && *s == '1';
    s = getenv("XBR_OOM_TRACE");
    trace = s != NULL && *s == '1';
    ready = 1;
}

/* Counts one call; nonzero when it must fail. */
static int should_fail(void)
{
    if (in_trace || !atomic_load(&in_main))
        return 0;
    if (!ready)
        read_env(); /* getenv allocates nothing */
    unsigned long n = atomic_fetch_add(&calls, 1) + 1;
    if (fail_at == 0 || (sticky ? n < fail_at : n != fail_at))
        return 0;
    atomic_store(&failed, 1);
    if (trace) {
        in_trace = 1;
        void *frames[32];
        int k = backtrace(frames, 32);
        fprintf(stderr, "oom_shim: allocation %lu fails here:\n", n);
        backtrace_symbols_fd(frames, k, 2);
        in_trace = 0;
    }
    errno = ENOMEM;
    return 1;
}

void *malloc(size_t n)
{
    return should_fail() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    if (p != NULL && n == 0)
        return __libc_realloc(p, n); /* a free, not an allocation */
    return should_fail() ? NULL : __libc_realloc(p, n);
}

void *reallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > (size_t)-1 / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, n * size);
}

char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d != NULL ? memcpy(d, s, n) : NULL;
}

char *strndup(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    char *d = malloc(n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

typedef int (*main_fn)(int, char **, char **);
typedef int (*start_fn)(main_fn, int, char **, void (*)(void), void (*)(void), void (*)(void),
                        void *);
static main_fn real_main;

static int counted_main(int argc, char **argv, char **envp)
{
    atomic_store(&in_main, 1);
    return real_main(argc, argv, envp);
}

/* glibc calls main through this; the shim's version starts the count when main starts. */
int __libc_start_main(main_fn main, int argc, char **argv, void (*init)(void), void (*fini)(void),
                      void (*rtld_fini)(void), void *stack_end)
{
    start_fn real = (start_fn)dlsym(RTLD_NEXT, "__libc_start_main");
    real_main = main;
    return real(counted_main, argc, argv, init, fini, rtld_fini, stack_end);
}

__attribute__((destructor)) static void report_count(void)
{
    const char *path = getenv("XBR_OOM_COUNT");
    if (path == NULL || *path == '\0')
        return;
    in_trace = 1; /* what follows must not count, nor fail */
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return;
    fprintf(f, "%lu\n%s", (unsigned long)atomic_load(&calls),
            atomic_load(&failed) ? "failed\n" : "");
    fclose(f);
}
