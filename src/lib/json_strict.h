/*
 * json_strict.h - a strict RFC 8259 JSON scanner, internal to the loader.
 *
 * cJSON is lenient (raw control characters in strings, leading zeros, duplicate keys) and
 * recursive; this scanner is neither. One pass over the bytes checks the whole grammar,
 * UTF-8, escapes and surrogate pairs, rejects duplicate keys in any object and nesting deeper
 * than a limit, and records the byte offset of every value in document order (pre-order:
 * a container before its children, members in file order), which is exactly the order in
 * which cJSON creates its items. It uses an explicit stack, so any depth of input is safe.
 *
 * Positions: offsets are byte offsets from the start of the text (files are capped at
 * 256 MiB, so they fit in 32 bits). Lines and columns are 1-based; a line ends at '\n'; the
 * column counts Unicode code points (UTF-8 lead bytes), not bytes, so a line with "é" before
 * the spot shows the column a text editor shows. A tab counts as one column.
 */
#ifndef XBROUTE_JSON_STRICT_H
#define XBROUTE_JSON_STRICT_H

#include <stddef.h>
#include <stdint.h>

/* Where one value sits: `val` is its first byte, `key` the opening quote of its member key
 * when it is an object member (else key == val). */
typedef struct {
    uint32_t key;
    uint32_t val;
} xbr_json_loc_t;

typedef struct {
    xbr_json_loc_t *items;
    size_t count;
    size_t capacity;
} xbr_json_locs_t;

typedef struct {
    size_t offset; /* byte offset of the problem */
    int line;      /* 1-based */
    int col;       /* 1-based, in code points */
    char msg[160];
} xbr_json_error_t;

enum { XBR_JSON_OK = 0, XBR_JSON_ESYNTAX = 1, XBR_JSON_ENOMEM = 2 };

/* The largest text the scanner accepts (offsets must fit in 32 bits). */
#define XBR_JSON_MAX_LEN ((size_t)UINT32_MAX)

/*
 * Checks `len` bytes of `text` (NUL bytes are just bytes: one inside the text is an error).
 * Nesting deeper than `max_depth` containers is an error. When `locs` is not NULL it is
 * filled with the location of every value (it must be zero-initialised or previously freed;
 * the caller frees it with xbr_json_locs_free, also after an error). Returns XBR_JSON_OK,
 * XBR_JSON_ESYNTAX with `err` filled (the first problem only), or XBR_JSON_ENOMEM.
 * Cost: O(len) time; memory O(values + key bytes).
 */
int xbr_json_scan(const char *text, size_t len, int max_depth, xbr_json_locs_t *locs,
                  xbr_json_error_t *err);

void xbr_json_locs_free(xbr_json_locs_t *locs);

/* 1-based line and code-point column of byte `offset` (clamped to len). O(offset). */
void xbr_json_linecol(const char *text, size_t len, size_t offset, int *line, int *col);

#endif
