/*
 * xbroute/output.h - building outputs and handling whole files: a growing text buffer, a
 * streaming JSON writer with deterministic number formatting, whole-or-nothing file writes, the
 * one whole-file reader, and file names relative to other files.
 *
 * Every command renders its whole output into a buffer first and writes it at the end, so a
 * failure midway never leaves half a file: xbr_write_file_atomic() replaces a regular file
 * through a temporary file in its directory and a rename, and writes through to a device or a
 * FIFO without replacing it.
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
/* Releases the buffer's memory and leaves it empty (initialised) again. */
XBR_API void xbr_buf_destroy(xbr_buf_t *b);
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
 * The JSON writer: the one way the library writes JSON. Keys come out in the order written.
 * Numbers: by default 10 significant digits (so outputs are byte-identical across runs and
 * machines for the same computation); with `decimals` >= 0, at most that many decimals with
 * trailing zeros dropped. NaN and infinities are written as null, and -0 as 0.
 *
 * Each container has a layout, fixed when it is opened (the writer's current layout, see
 * xbr_json_set_layout): how its members are separated, not how it is placed in its parent.
 */
typedef enum {
    XBR_JSON_PRETTY = 0, /* each member on its own line, indented 2 spaces a level; "k": v */
    XBR_JSON_ROWS,       /* each member on its own line, not indented; "k": v */
    XBR_JSON_LINE,       /* one line: {"k": v, "k2": v2} */
    XBR_JSON_COMPACT     /* no white space: {"k":v,"k2":v2} */
} xbr_json_layout_t;

#define XBR_JSON_MAX_DEPTH 64
typedef struct {
    xbr_buf_t *buf;
    int depth;
    int decimals;                           /* -1: 10 significant digits; else fixed */
    xbr_json_layout_t layout;               /* for containers opened from now on */
    bool first[XBR_JSON_MAX_DEPTH];         /* no member yet in the container at depth */
    unsigned char kind[XBR_JSON_MAX_DEPTH]; /* layout of the container at each depth */
} xbr_json_t;

/* A pretty writer appending to `buf`, numbers with 10 significant digits. */
XBR_API void xbr_json_init(xbr_json_t *j, xbr_buf_t *buf);
/* A writer with the given layout and number format (decimals -1: significant digits). */
XBR_API void xbr_json_init_layout(xbr_json_t *j, xbr_buf_t *buf, xbr_json_layout_t layout,
                                  int decimals);
/* The layout of the containers opened from now on (those open keep theirs). */
XBR_API void xbr_json_set_layout(xbr_json_t *j, xbr_json_layout_t layout);
/* Each value function takes the key when inside an object (NULL inside an array). A root value
 * (depth 0) is followed by a newline when it is a container. */
XBR_API void xbr_json_object_begin(xbr_json_t *j, const char *key);
XBR_API void xbr_json_object_end(xbr_json_t *j);
XBR_API void xbr_json_array_begin(xbr_json_t *j, const char *key);
XBR_API void xbr_json_array_end(xbr_json_t *j);
XBR_API void xbr_json_string(xbr_json_t *j, const char *key, const char *value); /* NULL -> null */
/* A number in the writer's format. */
XBR_API void xbr_json_number(xbr_json_t *j, const char *key, double value);
/* A number with at most `decimals` (0..9) decimals, trailing zeros dropped. */
XBR_API void xbr_json_fixed(xbr_json_t *j, const char *key, double value, int decimals);
XBR_API void xbr_json_int(xbr_json_t *j, const char *key, long long value);
XBR_API void xbr_json_bool(xbr_json_t *j, const char *key, bool value);
XBR_API void xbr_json_null(xbr_json_t *j, const char *key);
/*
 * Appends the number v as the writer would, with no key or separator: `decimals` -1 for 10
 * significant digits, else fixed. For writers of other formats (CSV, SVG) that want the same
 * spelling of numbers.
 */
XBR_API void xbr_buf_number(xbr_buf_t *b, double v, int decimals);
/* Appends a JSON string literal of `s` (quoted and escaped) to `b`. */
XBR_API void xbr_json_quote(xbr_buf_t *b, const char *s);

/*
 * Writes `len` bytes to the output `path`. Symbolic links are followed to the file they name
 * (the links stay), and that file decides how:
 *  - a regular file, or none yet: replaced whole or not at all: a temporary file beside it
 *    (mode: the old file's, or 0666 less the umask for a new one), fsync, rename over it, fsync
 *    of the folder. A reader sees the old bytes or the new, never a part.
 *  - a device, a FIFO or a socket: written through, in place (no temporary file, no rename):
 *    /dev/null discards, a FIFO's reader gets the bytes (opening a FIFO waits for a reader);
 *    a FIFO whose reader has gone is the write error EPIPE, not SIGPIPE.
 *  - a folder: refused (EISDIR).
 * "-" writes to standard output (a closed pipe there is the usual SIGPIPE). On failure returns
 * XBR_EIO and, when diags is not NULL, a diagnostic naming `path` and the system error; no
 * temporary file is left.
 */
XBR_API xbr_status_t xbr_write_file_atomic(const char *path, const char *data, size_t len,
                                           xbr_diags_t *diags);

/*
 * Reads the whole file `path` into a new NUL-terminated buffer: *data (the caller frees it with
 * free(); an empty file gives "" and 0) of *len bytes. "-" reads standard input to its end,
 * whatever it is. Any other name must be a regular file: it is checked with stat() before it is
 * opened and opened so that it cannot block, so a FIFO, a socket or a device is refused without
 * being read (ENODEV). `max_bytes` caps the size (0: no cap); a larger file is refused without
 * being read when its size is known in advance. Makes no diagnostic: on failure *data is NULL,
 * *len 0, *sys_err (when not NULL) the system error code and the status XBR_EIO (missing,
 * unreadable, a directory: EISDIR, not a regular file: ENODEV), XBR_EINPUT (larger than
 * max_bytes: EFBIG) or XBR_ENOMEM (ENOMEM); on success *sys_err is 0.
 */
XBR_API xbr_status_t xbr_read_file(const char *path, size_t max_bytes, char **data, size_t *len,
                                   int *sys_err);

/*
 * The name of file `target` relative to the folder of file `from`, as a new string (*out, the
 * caller frees it): target "out/nets/n.json" from "out/scs/s.json" gives "../nets/n.json".
 * Both names are as given (absolute, or relative to the working directory); both folders must
 * exist, as they are resolved with realpath(). XBR_EIO, with a diagnostic whose file is the
 * folder and whose message is the system's, when one cannot be resolved; XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_path_relative(const char *target, const char *from, char **out,
                                       xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_OUTPUT_H */
