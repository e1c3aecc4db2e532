/*
 * writer_check.h - what the tests of the result writers (tests/unit/present/test_write_*.c)
 * share: looking for lines in an output, reading a JSON output back by path, checking the shape
 * of a CSV output, and the contract every xbr_<result>_write() keeps for formats it refuses and
 * for a buffer that already failed. Every function fails the running cmocka test (printing what
 * it looked for and the output) when its check does not hold.
 */
#ifndef XBR_TEST_WRITER_CHECK_H
#define XBR_TEST_WRITER_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "xbroute/output.h"
#include "xbroute/status.h"

/* b's output begins with `text`; wc_assert_ends: ends with it. */
void wc_assert_starts(const xbr_buf_t *b, const char *text);
void wc_assert_ends(const xbr_buf_t *b, const char *text);
/* Some whole line of b's output begins with `head` and ends with `tail` (without its '\n'):
 * for a line whose middle (a column's padding) is not the point. */
void wc_assert_line(const xbr_buf_t *b, const char *head, const char *tail);
/* `text` occurs in b's output; wc_assert_lacks: it does not. */
void wc_assert_has(const xbr_buf_t *b, const char *text);
void wc_assert_lacks(const xbr_buf_t *b, const char *text);

/* b's output parsed as one JSON document (the test fails when it is not valid JSON); the caller
 * frees it with cJSON_Delete(). */
cJSON *wc_json(const xbr_buf_t *b);

/*
 * The item at `path` under `root`: object keys and array indices separated by '/', as
 * "rows/0/classes/1/route/cost/total" (the empty path is root itself). wc_at fails when there
 * is none; wc_has says whether there is one; the others fail unless it is of their type.
 */
const cJSON *wc_at(const cJSON *root, const char *path);
bool wc_has(const cJSON *root, const char *path);
double wc_num(const cJSON *root, const char *path);
const char *wc_str(const cJSON *root, const char *path);
bool wc_bool(const cJSON *root, const char *path);
void wc_assert_null(const cJSON *root, const char *path);
/* The number of members of the array or object at path. */
int wc_size(const cJSON *root, const char *path);

/* b's first line is `header`, it has `n_rows` more lines (each ended by '\n'), and every line
 * has as many fields as the header: commas outside double quotes separate fields. */
void wc_csv_shape(const xbr_buf_t *b, const char *header, size_t n_rows);

/* A writer under test bound to its inputs: appends them to `b` in `format`. */
typedef xbr_status_t (*wc_write_fn)(xbr_buf_t *b, const void *inputs, xbr_format_t format);

/* Initialises *b and appends `inputs` to it in `format`: the test fails unless the writer
 * returns XBR_OK with the buffer intact. The caller destroys b. */
void wc_render(xbr_buf_t *b, wc_write_fn write, const void *inputs, xbr_format_t format);

/* The writer's JSON output read back (wc_render, then wc_json); free with cJSON_Delete(). */
cJSON *wc_render_json(wc_write_fn write, const void *inputs);

/* The bit of a format in an `accepted` mask. */
#define WC_FORMAT(f) (1u << (unsigned)(f))

/* Every format not in `accepted`, and the out-of-range XBR_FORMAT_COUNT and 99, makes the
 * writer return `refused` and leaves a buffer that already holds text exactly as it was. */
void wc_check_refused(wc_write_fn write, const void *inputs, unsigned accepted,
                      xbr_status_t refused);

/* Every format in `accepted` gives XBR_ENOMEM into a buffer that has already failed, and adds
 * nothing to it; into a good buffer it gives XBR_OK and some output. */
void wc_check_failed_buffer(wc_write_fn write, const void *inputs, unsigned accepted);

#endif
