/*
 * load/document.c - one JSON document of the loader (load/internal.h): its text (read whole
 * with the base reader, xbr_read_file), the strict scan, the cJSON tree in an arena, the
 * position of every value, and the diagnostics placed at those positions.
 *
 * Positions: every cJSON item is mapped to the scanner's record of its key and value offsets
 * by a pre-order walk, which visits items in the same order as the scanner met values.
 * Columns count code points (see load/internal.h). Line starts are indexed on the first
 * diagnostic only, so a clean load never pays for them.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

/* ---- reading files ---- */

/* Reports why `path` could not be read, at the place that named it (item `at` of document
 * `ref`) or, when nothing named it, at the file itself. */
static void read_error(xbr_diags_t *diags, const char *path, xbr_status_t st, int err,
                       xbr__ldoc_t *ref, const cJSON *at)
{
    char why[256], what[512];
    const char *expected = "a readable JSON file";
    if (st == XBR_EINPUT) {
        snprintf(what, sizeof what, "file \"%s\" is larger than 256 MiB", path);
        expected = "a file of at most 256 MiB";
    } else {
        if (err == EISDIR)
            snprintf(why, sizeof why, "it is a directory");
        else if (err == ENODEV)
            snprintf(why, sizeof why,
                     "it is not a regular file (a FIFO, a socket or a device); "
                     "give - on the command line to read standard input");
        else if (strerror_r(err, why, sizeof why) != 0)
            snprintf(why, sizeof why, "error %d", err);
        snprintf(what, sizeof what, "cannot read file \"%s\": %s", path, why);
        if (ref != NULL)
            expected = "a readable JSON file (paths are relative to the file that names them)";
    }
    if (ref != NULL)
        xbr__ldoc_diag(ref, XBR_SEV_ERROR, at, 0, NULL, NULL, expected, "%s", what);
    else
        xbr_diags_add(diags, XBR_SEV_ERROR, path, 0, 0, NULL, NULL, what, expected);
}

/*
 * Reads the whole file `path` (xbr_read_file) into a new NUL-terminated buffer (*buf, caller
 * frees). With no `ref` (the command line's file) "-" is standard input; a name written in a
 * file never is ("-" there is the file "./-"). Errors (missing file, a directory, not a regular
 * file, unreadable, over 256 MiB) go to diags: when `ref` is given the diagnostic is placed at
 * its item `at` (the place that named the file, counted as an error of `ref`), else at `path`.
 * Returns XBR_OK, XBR_EIO, XBR_EINPUT (too large) or XBR_ENOMEM.
 */
static xbr_status_t read_text(const char *path, char **buf, size_t *len, xbr_diags_t *diags,
                              xbr__ldoc_t *ref, const cJSON *at)
{
    int err = 0;
    /* "-" is standard input only on the command line: a file that names "-" means a file. */
    const char *name = ref != NULL && strcmp(path, "-") == 0 ? "./-" : path;
    xbr_status_t st = xbr_read_file(name, XBR_LOAD_MAX_BYTES, buf, len, &err);
    if (st == XBR_EIO || st == XBR_EINPUT)
        read_error(diags, path, st, err, ref, at);
    return st;
}

/* ---- positions ---- */

/*
 * Numbers each item of the tree in pre-order, the order in which the scanner recorded the
 * values' offsets, so item k's position is locs.items[k]. The number is kept in the item's
 * `valueint`: the loader reads numbers only through `valuedouble` (cJSON sets valueint as a
 * truncated copy of it) and containers and strings leave it unused. This costs no memory and
 * one walk, where a pointer -> index hash map cost several times the tree's size on large
 * files. Returns the count of items numbered.
 */
static size_t number_items(cJSON *item, size_t next)
{
    for (; item != NULL; item = item->next) {
        item->valueint = next <= (size_t)INT_MAX ? (int)next : -1;
        next++;
        if (item->child != NULL && (cJSON_IsObject(item) || cJSON_IsArray(item)))
            next = number_items(item->child, next);
    }
    return next;
}

static size_t loc_index(const xbr__ldoc_t *doc, const cJSON *item)
{
    if (item == NULL || !doc->positions_built || item->valueint < 0)
        return SIZE_MAX;
    return (size_t)item->valueint;
}

/* Records where every line starts (doc->line_starts); on failure sets doc->nomem and leaves
 * them NULL. */
static void index_lines(xbr__ldoc_t *doc)
{
    size_t n = 1;
    for (size_t i = 0; i < doc->len; i++)
        n += doc->text[i] == '\n';
    doc->line_starts = malloc(n * sizeof *doc->line_starts);
    if (doc->line_starts == NULL) {
        doc->nomem = 1;
        return;
    }
    size_t k = 0;
    doc->line_starts[k++] = 0;
    for (size_t i = 0; i < doc->len; i++)
        if (doc->text[i] == '\n')
            doc->line_starts[k++] = i + 1;
    doc->n_lines = n;
}

/* Line and code-point column of byte `off`: a binary search over the line starts, indexed on
 * the first call (or a scan from the start when they cannot be). */
static void offset_linecol(xbr__ldoc_t *doc, size_t off, int *line, int *col)
{
    if (doc->line_starts == NULL && !doc->nomem)
        index_lines(doc);
    if (doc->line_starts == NULL) {
        xbr__json_linecol(doc->text, doc->len, off, line, col);
        return;
    }
    size_t lo = 0, hi = doc->n_lines; /* last line start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    int c = 1;
    for (size_t i = doc->line_starts[lo]; i < off && i < doc->len; i++)
        if (((unsigned char)doc->text[i] & 0xC0) != 0x80)
            c++;
    *line = lo + 1 > INT32_MAX ? INT32_MAX : (int)(lo + 1);
    *col = c;
}

void xbr__ldoc_pos(xbr__ldoc_t *doc, const cJSON *item, int at_key, int *line, int *col)
{
    *line = *col = 0;
    size_t k = loc_index(doc, item);
    if (k == SIZE_MAX || k >= doc->locs.count)
        return;
    offset_linecol(doc, at_key ? doc->locs.items[k].key : doc->locs.items[k].val, line, col);
}

void xbr__ldoc_number_text(const xbr__ldoc_t *doc, const cJSON *item, char *buf, size_t size)
{
    size_t k = loc_index(doc, item);
    if (k != SIZE_MAX && k < doc->locs.count) {
        size_t off = doc->locs.items[k].val, n = 0;
        while (off + n < doc->len && n + 1 < size && n < 40 &&
               strchr("+-.0123456789eE", doc->text[off + n]) != NULL && doc->text[off + n] != 0)
            n++;
        memcpy(buf, doc->text + off, n);
        buf[n] = '\0';
        return;
    }
    snprintf(buf, size, "%g", item->valuedouble);
}

/* ---- diagnostics ---- */

/* Whether the text opens as JSON input does ('{' or '[' after blanks and a byte order mark):
 * only such a file's lines are quoted in diagnostics, so a file that is not JSON (named as a
 * network by mistake, or to have it printed) never is. */
static int opens_as_json(const char *text, size_t len)
{
    size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && strchr(" \t\r\n", text[i]) != NULL && text[i] != '\0')
        i++;
    return i < len && (text[i] == '{' /* an object, closed by '}' */ || text[i] == '[');
}

/* Adds a diagnostic at line:col of `doc` (0:0: the whole file), quoting the line when the
 * document opens as JSON; sets doc->nomem when the list cannot take it. */
static void add_at(xbr__ldoc_t *doc, xbr_severity_t sev, int line, int col, const char *object_id,
                   const char *field, const char *what, const char *expected)
{
    xbr__diag_place_t at = {doc->file, line, col, NULL, 0};
    if (line > 0 && doc->json_input && doc->line_starts == NULL && !doc->nomem)
        index_lines(doc);
    if (line > 0 && doc->json_input && doc->line_starts != NULL && (size_t)line <= doc->n_lines) {
        /* At most what the diagnostic keeps: a one-line file of 256 MiB costs no long scan. */
        size_t a = doc->line_starts[line - 1], b = a;
        while (b < doc->len && b - a <= XBR_DIAG_SOURCE_MAX && doc->text[b] != '\n')
            b++;
        if (b < doc->len && doc->text[b] == '\n' && b > a && doc->text[b - 1] == '\r')
            b--;
        at.source = doc->text + a;
        at.source_len = b - a;
    }
    if (xbr__diags_add_at(doc->diags, sev, &at, object_id, field, what, expected) != XBR_OK)
        doc->nomem = 1;
}

void xbr__ldoc_diag(xbr__ldoc_t *doc, xbr_severity_t sev, const cJSON *item, int at_key,
                    const char *object_id, const char *field, const char *expected,
                    const char *what, ...)
{
    char msg[512];
    int line = 0, col = 0;
    va_list ap;
    const xbr_diags_t *ds = doc->diags;
    size_t seen = sev == XBR_SEV_ERROR ? ds->n_errors : ds->n_warnings;
    if (sev == XBR_SEV_ERROR)
        doc->n_errors++;
    if (sev != XBR_SEV_NOTE && ds->max_errors > 0 && seen >= ds->max_errors) {
        /* Over the cap the diagnostic is only counted: skip the formatting and the
         * line:col search, which costs O(line length) on a one-line file of millions of
         * values. */
        add_at(doc, sev, 0, 0, NULL, NULL, "(over the cap)", NULL);
        return;
    }
    va_start(ap, what);
    vsnprintf(msg, sizeof msg, what, ap);
    va_end(ap);
    if (item != NULL)
        xbr__ldoc_pos(doc, item, at_key, &line, &col);
    add_at(doc, sev, line, col, object_id, field, msg, expected);
}

static void syntax_diag(xbr__ldoc_t *doc, const xbr__json_error_t *e)
{
    doc->n_errors++;
    add_at(doc, XBR_SEV_ERROR, e->line, e->col, NULL, NULL, e->msg, "valid JSON (RFC 8259)");
}

/* ---- opening and closing ---- */

/* Builds the cJSON tree of the (scanned, valid) text in a new arena and numbers its items. */
static xbr_status_t build_tree(xbr__ldoc_t *doc)
{
    const char *end = NULL;
    doc->arena = xbr__arena_new();
    if (doc->arena == NULL)
        return XBR_ENOMEM;
    doc->root = xbr__arena_parse(doc->arena, doc->text, doc->len, &end);
    if (doc->root == NULL && xbr__arena_failed(doc->arena))
        return XBR_ENOMEM; /* cJSON says only NULL: the arena knows it was memory */
    if (doc->root == NULL) {
        /* The text is valid JSON, so cJSON failed on a limit of its own (older cJSON read at
         * most 63 characters of a number; 1.7.15 has none left below our depth limit) or ran
         * out of memory. */
        xbr__json_error_t err;
        memset(&err, 0, sizeof err);
        size_t off = end != NULL && end >= doc->text && end <= doc->text + doc->len
                         ? (size_t)(end - doc->text)
                         : 0;
        xbr__json_linecol(doc->text, doc->len, off, &err.line, &err.col);
        snprintf(err.msg, sizeof err.msg,
                 "the JSON parser could not read this value (a number longer than 63 "
                 "characters)");
        syntax_diag(doc, &err);
        return XBR_EINPUT;
    }
    /* Recursion depth is bounded: the scanner rejected nesting deeper than 512. */
    doc->positions_built = number_items(doc->root, 0) == doc->locs.count;
    return XBR_OK;
}

/* Opens a document over text (owned: the document frees it, or NULL when borrowed). */
static xbr_status_t doc_init(xbr__ldoc_t *doc, const char *name, const char *text, size_t len,
                             xbr_diags_t *diags, char *owned)
{
    xbr__json_error_t err;

    memset(doc, 0, sizeof *doc);
    doc->buf = owned;
    doc->diags = diags;
    doc->text = text;
    doc->len = len;
    doc->file = xbr__strdup(name != NULL ? name : "<input>");
    if (doc->file == NULL)
        return XBR_ENOMEM;
    if (len > XBR_LOAD_MAX_BYTES) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, NULL, 0, NULL, NULL, "a file of at most 256 MiB",
                       "input larger than 256 MiB");
        return XBR_EINPUT;
    }
    doc->json_input = opens_as_json(text, len);
    int rc = xbr__json_scan(text, len, XBR_LOAD_MAX_DEPTH, &doc->locs, &err);
    if (rc == XBR_JSON_ENOMEM)
        return XBR_ENOMEM;
    if (rc != XBR_JSON_OK) {
        syntax_diag(doc, &err);
        return doc->nomem ? XBR_ENOMEM : XBR_EINPUT;
    }
    return build_tree(doc);
}

xbr_status_t xbr__ldoc_init(xbr__ldoc_t *doc, const char *name, const char *text, size_t len,
                            xbr_diags_t *diags)
{
    return doc_init(doc, name, text, len, diags, NULL);
}

xbr_status_t xbr__ldoc_init_file(xbr__ldoc_t *doc, const char *path, xbr_diags_t *diags,
                                 xbr__ldoc_t *ref, const cJSON *at)
{
    char *buf = NULL;
    size_t len = 0;
    memset(doc, 0, sizeof *doc);
    doc->diags = diags;
    xbr_status_t st = read_text(path, &buf, &len, diags, ref, at);
    if (st != XBR_OK) {
        doc->n_errors++;
        return st;
    }
    bool is_stdin = ref == NULL && strcmp(path, "-") == 0;
    st = doc_init(doc, is_stdin ? XBR_LOAD_STDIN_NAME : path, buf, len, diags, buf);
    doc->is_stdin = is_stdin;
    return st;
}

void xbr__ldoc_destroy(xbr__ldoc_t *doc)
{
    if (doc == NULL)
        return;
    xbr__arena_free(doc->arena); /* the whole tree */
    xbr__json_locs_destroy(&doc->locs);
    free(doc->line_starts);
    free(doc->buf);
    free(doc->file);
    memset(doc, 0, sizeof *doc);
}

bool xbr__ldoc_root_is_object(xbr__ldoc_t *doc)
{
    if (cJSON_IsObject(doc->root))
        return true;
    xbr__ldoc_diag(doc, XBR_SEV_ERROR, doc->root, 0, NULL, NULL, "a JSON object at the top level",
                   "the top-level value is %s", xbr__ld_type_name(doc->root));
    return false;
}
