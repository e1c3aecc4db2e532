/*
 * xbroute/status.h - status codes and the diagnostics a load or a command reports.
 *
 * Every fallible library function returns an xbr_status_t. Problems found in a user's input
 * are not printed: they are appended to a caller-owned xbr_diags_t, each with the file, line,
 * column, object id and field it concerns, so a CLI, a batch worker or a test can show or
 * inspect them.
 */
#ifndef XBROUTE_STATUS_H
#define XBROUTE_STATUS_H

#include "xbroute/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* X-macro: name, value, process exit code (README, "Commands"), description. */
#define XBR_STATUS_LIST(X)                                                                         \
    X(XBR_OK, 0, 0, "ok")                                                                          \
    X(XBR_EUSAGE, 1, 1, "usage error")                                                             \
    X(XBR_EINPUT, 2, 2, "invalid input")                                                           \
    X(XBR_EIO, 3, 2, "file could not be read or written")                                          \
    X(XBR_EINFEASIBLE, 4, 3, "infeasible")                                                         \
    X(XBR_ENOROUTE, 5, 3, "nothing reachable")                                                     \
    X(XBR_ENOMEM, 6, 4, "out of memory")                                                           \
    X(XBR_EINTERNAL, 7, 4, "internal error")

typedef enum {
#define XBR_STATUS_ENUM_(name, value, exit_code, text) name = value,
    XBR_STATUS_LIST(XBR_STATUS_ENUM_)
#undef XBR_STATUS_ENUM_
} xbr_status_t;

/* The symbolic name of a status ("XBR_EINPUT"); never NULL. */
XBR_API const char *xbr_status_name(xbr_status_t status);
/* A short description of a status ("invalid input"); never NULL. */
XBR_API const char *xbr_status_text(xbr_status_t status);
/* The process exit code for a status: 0 ok, 1 usage, 2 bad input, 3 infeasible or nothing
 * reachable, 4 internal (README, "Commands"). */
XBR_API int xbr_status_exit_code(xbr_status_t status);

typedef enum { XBR_SEV_ERROR = 0, XBR_SEV_WARNING = 1, XBR_SEV_NOTE = 2 } xbr_severity_t;

/*
 * One diagnostic. Strings are owned by the xbr_diags_t that holds it. `line` and `col` are
 * 1-based; 0 means unknown (then the message concerns the whole file). `object_id` and
 * `field` may be NULL. Rendered as
 *   FILE:LINE:COL: error: WHAT (OBJECT, field FIELD): EXPECTED
 * `source`, when not NULL, is line `line` of FILE as the loader read it (at most
 * XBR_DIAG_SOURCE_MAX bytes, without its end of line), for showing under the message with a
 * caret at `col`. The loader sets it only for files it read as JSON input (their text opens
 * with '{' or '['), so a file that is not JSON, named by mistake or malice, is never shown.
 */
#define XBR_DIAG_SOURCE_MAX 255
typedef struct {
    xbr_severity_t severity;
    char *file;
    int line;
    int col;
    char *object_id;
    char *field;
    char *what;
    char *expected;
    char *source;
} xbr_diag_t;

/*
 * A growing list of diagnostics. Initialise with xbr_diags_init(), release with
 * xbr_diags_destroy(). `max_errors` (default 50) caps how many errors are kept: once reached,
 * `truncated` is set and later errors are only counted in `n_errors`.
 */
typedef struct {
    xbr_diag_t *items;
    size_t count;
    size_t capacity;
    size_t max_errors;
    size_t n_errors;
    size_t n_warnings;
    int truncated;
} xbr_diags_t;

XBR_API void xbr_diags_init(xbr_diags_t *diags);
XBR_API void xbr_diags_destroy(xbr_diags_t *diags);
/* Removes all diagnostics but keeps max_errors. */
XBR_API void xbr_diags_clear(xbr_diags_t *diags);

/*
 * Appends a diagnostic; strings are copied (any may be NULL but `what`). Returns XBR_ENOMEM
 * if the copy fails (the list is left as it was), else XBR_OK, also when the error cap
 * dropped it.
 */
XBR_API xbr_status_t xbr_diags_add(xbr_diags_t *diags, xbr_severity_t severity, const char *file,
                                   int line, int col, const char *object_id, const char *field,
                                   const char *what, const char *expected);

/*
 * Formats diagnostic `d` as one line (no newline) into `buf` of `size` bytes, truncating if
 * needed. Returns the length the full line would have, as snprintf does.
 */
XBR_API int xbr_diag_format(const xbr_diag_t *d, char *buf, size_t size);

/*
 * "Did you mean": the candidate closest to `word`, or NULL. A candidate qualifies when its
 * optimal string alignment distance to `word` is at most 2 (words under 6 characters) or a
 * third of the word's length plus one, or when they share a prefix of 3 or more characters;
 * the smallest distance wins, ties go to the longer shared prefix, then the earlier candidate.
 * `candidates` is a NULL-terminated array (NULL: none). Words over 64 characters match by prefix
 * only.
 */
XBR_API const char *xbr_suggest(const char *word, const char *const *candidates);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_STATUS_H */
