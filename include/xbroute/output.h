/*
 * xbroute/output.h - building outputs: a growing text buffer, a streaming JSON writer with
 * deterministic number formatting, and whole-or-nothing file writes.
 *
 * Every command renders its whole output into a buffer first and writes it at the end, so a
 * failure midway never leaves half a file: xbr_write_file_atomic() writes a temporary file in
 * the target's directory and renames it over the target.
 */
#ifndef XBROUTE_OUTPUT_H
#define XBROUTE_OUTPUT_H

#include "xbroute/export.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A growing NUL-terminated byte buffer. `failed` is set once an allocation fails; later
 * appends are then ignored, so callers check it once at the end. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
    int failed;
} xbr_buf_t;

XBR_API void xbr_buf_init(xbr_buf_t *b);
XBR_API void xbr_buf_free(xbr_buf_t *b);
XBR_API void xbr_buf_append(xbr_buf_t *b, const char *s, size_t n);
XBR_API void xbr_buf_puts(xbr_buf_t *b, const char *s);
XBR_API void xbr_buf_printf(xbr_buf_t *b, const char *fmt, ...) XBR_PRINTF(2, 3);
XBR_API void xbr_buf_vprintf(xbr_buf_t *b, const char *fmt, va_list ap);

/* X-macro: the output formats of every result writer: enum suffix and the --format name. */
#define XBR_FORMAT_LIST(X)                                                                         \
    X(TEXT, "text")                                                                                \
    X(JSON, "json")                                                                                \
    X(CSV, "csv")

typedef enum {
#define XBR_FORMAT_ENUM_(id, name) XBR_FORMAT_##id,
    XBR_FORMAT_LIST(XBR_FORMAT_ENUM_)
#undef XBR_FORMAT_ENUM_
        XBR_FORMAT_COUNT
} xbr_format_t;

/* The name of a format ("json"); "unknown" out of range. */
XBR_API const char *xbr_format_name(xbr_format_t format);
/* The format named `name`, or -1. */
XBR_API int xbr_format_parse(const char *name);

/*
 * A JSON writer into a buffer: pretty-printed with 2-space indent, keys in the order written.
 * Numbers are written with at most 10 significant digits (so outputs are byte-identical across
 * runs and machines for the same computation); NaN and infinities are written as null.
 */
#define XBR_JSON_MAX_DEPTH 64
typedef struct {
    xbr_buf_t *buf;
    int depth;
    bool first[XBR_JSON_MAX_DEPTH];
    bool after_key;
} xbr_json_t;

XBR_API void xbr_json_init(xbr_json_t *j, xbr_buf_t *buf);
/* Each value function takes the key when inside an object (NULL inside an array). */
XBR_API void xbr_json_object_begin(xbr_json_t *j, const char *key);
XBR_API void xbr_json_object_end(xbr_json_t *j);
XBR_API void xbr_json_array_begin(xbr_json_t *j, const char *key);
XBR_API void xbr_json_array_end(xbr_json_t *j);
XBR_API void xbr_json_string(xbr_json_t *j, const char *key, const char *value); /* NULL -> null */
XBR_API void xbr_json_number(xbr_json_t *j, const char *key, double value);
XBR_API void xbr_json_int(xbr_json_t *j, const char *key, long long value);
XBR_API void xbr_json_bool(xbr_json_t *j, const char *key, bool value);
XBR_API void xbr_json_null(xbr_json_t *j, const char *key);
/* Appends a JSON string literal of `s` (quoted and escaped) to `b`. */
XBR_API void xbr_json_quote(xbr_buf_t *b, const char *s);

/*
 * Writes `len` bytes to `path` whole or not at all: a temporary file beside it, fsync, rename.
 * "-" writes to standard output. On failure returns XBR_EIO and, when diags is not NULL, a
 * diagnostic naming the file and the system error.
 */
XBR_API xbr_status_t xbr_write_file_atomic(const char *path, const char *data, size_t len,
                                           xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_OUTPUT_H */
