/*
 * writer_check.c - the checks the result writers' tests share (writer_check.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "writer_check.h"

static const char *text_of(const xbr_buf_t *b)
{
    return b->data != NULL ? b->data : "";
}

void wc_assert_starts(const xbr_buf_t *b, const char *text)
{
    if (strncmp(text_of(b), text, strlen(text)) != 0) {
        print_error("does not begin with: [%s]\nbut:\n%s\n", text, text_of(b));
        fail();
    }
}

void wc_assert_ends(const xbr_buf_t *b, const char *text)
{
    size_t n = strlen(text);
    if (b->len < n || strcmp(text_of(b) + b->len - n, text) != 0) {
        print_error("does not end with: [%s]\nbut:\n%s\n", text, text_of(b));
        fail();
    }
}

void wc_assert_line(const xbr_buf_t *b, const char *head, const char *tail)
{
    size_t nh = strlen(head), nt = strlen(tail);
    for (const char *line = text_of(b); *line != '\0';) {
        size_t n = strcspn(line, "\n");
        if (n >= nh + nt && strncmp(line, head, nh) == 0 && strncmp(line + n - nt, tail, nt) == 0)
            return;
        line += n + (line[n] == '\n');
    }
    print_error("no line [%s ... %s] in:\n%s\n", head, tail, text_of(b));
    fail();
}

void wc_assert_has(const xbr_buf_t *b, const char *text)
{
    if (strstr(text_of(b), text) == NULL) {
        print_error("missing: [%s]\nin:\n%s\n", text, text_of(b));
        fail();
    }
}

void wc_assert_lacks(const xbr_buf_t *b, const char *text)
{
    if (strstr(text_of(b), text) != NULL) {
        print_error("unexpected: [%s]\nin:\n%s\n", text, text_of(b));
        fail();
    }
}

cJSON *wc_json(const xbr_buf_t *b)
{
    cJSON *root = cJSON_ParseWithLength(text_of(b), b->len);
    if (root == NULL) {
        const char *at = cJSON_GetErrorPtr();
        print_error("not valid JSON near [%.40s]:\n%s\n", at ? at : "?", text_of(b));
        fail();
    }
    return root;
}

/* The item at `path` under `root`, or NULL. */
static const cJSON *walk(const cJSON *root, const char *path)
{
    const cJSON *at = root;
    const char *p = path;
    while (at != NULL && *p != '\0') {
        size_t n = strcspn(p, "/");
        char key[128];
        if (n >= sizeof key)
            return NULL;
        memcpy(key, p, n);
        key[n] = '\0';
        if (cJSON_IsArray(at)) {
            char *end = NULL;
            long i = strtol(key, &end, 10);
            at = (n > 0 && *end == '\0' && i >= 0) ? cJSON_GetArrayItem(at, (int)i) : NULL;
        } else {
            at = cJSON_GetObjectItemCaseSensitive(at, key);
        }
        p += n;
        if (*p == '/')
            p++;
    }
    return at;
}

const cJSON *wc_at(const cJSON *root, const char *path)
{
    const cJSON *at = walk(root, path);
    if (at == NULL) {
        print_error("no JSON item at [%s]\n", path);
        fail();
    }
    return at;
}

bool wc_has(const cJSON *root, const char *path)
{
    return walk(root, path) != NULL;
}

double wc_num(const cJSON *root, const char *path)
{
    const cJSON *at = wc_at(root, path);
    if (!cJSON_IsNumber(at)) {
        print_error("JSON item [%s] is not a number\n", path);
        fail();
    }
    return at->valuedouble;
}

const char *wc_str(const cJSON *root, const char *path)
{
    const cJSON *at = wc_at(root, path);
    if (!cJSON_IsString(at)) {
        print_error("JSON item [%s] is not a string\n", path);
        fail();
    }
    return at->valuestring;
}

bool wc_bool(const cJSON *root, const char *path)
{
    const cJSON *at = wc_at(root, path);
    if (!cJSON_IsBool(at)) {
        print_error("JSON item [%s] is not true or false\n", path);
        fail();
    }
    return cJSON_IsTrue(at);
}

void wc_assert_null(const cJSON *root, const char *path)
{
    if (!cJSON_IsNull(wc_at(root, path))) {
        print_error("JSON item [%s] is not null\n", path);
        fail();
    }
}

int wc_size(const cJSON *root, const char *path)
{
    const cJSON *at = wc_at(root, path);
    if (!cJSON_IsArray(at) && !cJSON_IsObject(at)) {
        print_error("JSON item [%s] is neither an array nor an object\n", path);
        fail();
    }
    return cJSON_GetArraySize(at);
}

/* The fields of the line starting at s (up to '\n' or the end): commas outside quotes + 1. */
static size_t csv_fields(const char *s)
{
    size_t fields = 1;
    bool quoted = false;
    for (; *s != '\0' && *s != '\n'; s++) {
        if (*s == '"')
            quoted = !quoted;
        else if (*s == ',' && !quoted)
            fields++;
    }
    return fields;
}

void wc_csv_shape(const xbr_buf_t *b, const char *header, size_t n_rows)
{
    const char *s = text_of(b);
    size_t hlen = strlen(header);
    if (strncmp(s, header, hlen) != 0 || s[hlen] != '\n') {
        print_error("the CSV does not start with the header [%s]:\n%s\n", header, s);
        fail();
    }
    size_t want = csv_fields(header), lines = 0;
    for (const char *line = s; *line != '\0'; lines++) {
        const char *nl = strchr(line, '\n');
        if (nl == NULL || csv_fields(line) != want) {
            print_error("CSV line %zu is not %zu fields ended by a newline: [%.*s]\n", lines + 1,
                        want, (int)strcspn(line, "\n"), line);
            fail();
        }
        line = nl + 1;
    }
    if (lines != 1 + n_rows) {
        print_error("%zu CSV lines, expected the header and %zu rows:\n%s\n", lines, n_rows, s);
        fail();
    }
}

void wc_render(xbr_buf_t *b, wc_write_fn write, const void *inputs, xbr_format_t format)
{
    xbr_buf_init(b);
    assert_int_equal(write(b, inputs, format), XBR_OK);
    assert_false(b->failed);
}

cJSON *wc_render_json(wc_write_fn write, const void *inputs)
{
    xbr_buf_t b;
    wc_render(&b, write, inputs, XBR_FORMAT_JSON);
    cJSON *root = wc_json(&b);
    xbr_buf_destroy(&b);
    return root;
}

/* The formats a writer is asked for: the three it may know and two out of range. */
static const xbr_format_t every_format[] = {XBR_FORMAT_TEXT, XBR_FORMAT_JSON, XBR_FORMAT_CSV,
                                            XBR_FORMAT_COUNT, (xbr_format_t)99};

static bool accepts(unsigned accepted, xbr_format_t f)
{
    return (unsigned)f < XBR_FORMAT_COUNT && (accepted & WC_FORMAT(f)) != 0;
}

void wc_check_refused(wc_write_fn write, const void *inputs, unsigned accepted,
                      xbr_status_t refused)
{
    static const char kept[] = "kept from before\n";
    for (size_t i = 0; i < sizeof every_format / sizeof every_format[0]; i++) {
        xbr_format_t f = every_format[i];
        if (accepts(accepted, f))
            continue;
        xbr_buf_t b;
        xbr_buf_init(&b);
        xbr_buf_puts(&b, kept);
        xbr_status_t st = write(&b, inputs, f);
        if (st != refused || b.len != strlen(kept) || strcmp(text_of(&b), kept) != 0 || b.failed) {
            print_error("format %d: status %d (expected %d), buffer now:\n%s\n", (int)f, (int)st,
                        (int)refused, text_of(&b));
            fail();
        }
        xbr_buf_destroy(&b);
    }
}

void wc_check_failed_buffer(wc_write_fn write, const void *inputs, unsigned accepted)
{
    for (size_t i = 0; i < sizeof every_format / sizeof every_format[0]; i++) {
        xbr_format_t f = every_format[i];
        if (!accepts(accepted, f))
            continue;
        xbr_buf_t b;
        wc_render(&b, write, inputs, f);
        assert_true(b.len > 0);
        xbr_buf_destroy(&b);
        b.failed = 1;
        if (write(&b, inputs, f) != XBR_ENOMEM || b.len != 0) {
            print_error("format %d into a failed buffer: not XBR_ENOMEM, or %zu bytes added\n",
                        (int)f, b.len);
            fail();
        }
        xbr_buf_destroy(&b);
    }
}
