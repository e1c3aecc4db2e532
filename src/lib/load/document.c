/*
 * load/document.c - one JSON document of the loader (load/internal.h): its text (read whole
 * with the base reader, xbr_read_file), the strict scan, the cJSON trees in arenas, the
 * positions of their values, and the diagnostics placed at those positions.
 *
 * Memory (issue #13 item 4: the load's peak within 8x the file). A cJSON tree costs some 64
 * bytes a value plus its strings, and the scanner's record 8 bytes a value: the tree of a whole
 * network cost 10x its file, of a file of two-byte values ~50x. So no tree of a whole file is
 * built (see "The tree" below): what is held at once is the text (1x), line starts (4 bytes a
 * line, on the first position asked), the root's members but the streamed arrays ("nodes",
 * "links", "products", "changes"), where the streamed elements start (4 bytes an element, only
 * when every one is an object), one element and its positions, and the model. The root's tree
 * and the element together hold at most the budget (XBR_LOAD_ELEMENT_MIN_VALUES: a few MB, or
 * ~6x the file for a file that is all one member or one element): a member or an element that
 * would take more is refused, exit 2. Measured: tests/cli/test_load_memory.sh and
 * tests/bench/bench_load.sh (README, "Reliability" and the load benchmark).
 *
 * Positions: each tree is built with the key and value offsets of its items, and each item's
 * valueint indexes them (xbr__json_build()). Columns count code points (see load/internal.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
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

static size_t loc_index(const xbr__ldoc_t *doc, const cJSON *item)
{
    if (item == NULL || !doc->positions_built || item->valueint < 0)
        return SIZE_MAX;
    return (size_t)item->valueint;
}

/* Records where every line starts (doc->line_starts, 4 bytes a line: offsets fit in 32 bits);
 * on failure sets doc->nomem and leaves them NULL. memchr finds the newlines many bytes at a
 * time. */
static void index_lines(xbr__ldoc_t *doc)
{
    const char *t = doc->text, *end = t + doc->len, *nl;
    size_t n = 1;
    for (const char *p = t; (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1)
        n++;
    doc->line_starts = malloc(n * sizeof *doc->line_starts);
    if (doc->line_starts == NULL) {
        doc->nomem = 1;
        return;
    }
    size_t k = 0;
    doc->line_starts[k++] = 0;
    for (const char *p = t; (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1)
        doc->line_starts[k++] = (uint32_t)(nl + 1 - t);
    doc->n_lines = n;
}

/*
 * Line and code-point column of byte `off`. The loaders ask for positions in file order (the
 * elements are read in it), so the last spot found is a cursor: a later spot counts on from it,
 * over the newlines between (memchr) and then the code points of its own line, which costs one
 * pass over the text for the whole load and no index. An earlier spot is found by a binary
 * search over the line starts, indexed on the first such call (or by a scan from the start when
 * they cannot be).
 */
static void offset_linecol(xbr__ldoc_t *doc, size_t off, int *line, int *col)
{
    size_t end = off < doc->len ? off : doc->len, ln, i;
    int c;
    if (doc->col == 0) { /* the cursor starts at the top of the text */
        doc->col_line = doc->col_off = 0;
        doc->col = 1;
    }
    if (doc->col_off <= end) {
        const char *nl;
        ln = doc->col_line;
        i = doc->col_off;
        c = doc->col;
        while ((nl = memchr(doc->text + i, '\n', end - i)) != NULL) {
            ln++;
            i = (size_t)(nl - doc->text) + 1;
            c = 1;
        }
    } else {
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
        ln = lo;
        i = doc->line_starts[lo];
        c = 1;
    }
    for (; i < end; i++)
        if (((unsigned char)doc->text[i] & 0xC0) != 0x80)
            c++;
    doc->col_line = ln;
    doc->col_off = i;
    doc->col = c;
    *line = ln + 1 > INT32_MAX ? INT32_MAX : (int)(ln + 1);
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

bool xbr__ldoc_past_the_cap(const xbr__ldoc_t *doc)
{
    const xbr_diags_t *ds = doc->diags;
    return ds != NULL && ds->max_errors > 0 && ds->n_errors > ds->max_errors;
}

void xbr__ldoc_stop_reading(xbr__ldoc_t *doc, const char *name, const cJSON *it, size_t k)
{
    name = name != NULL ? name : "the array";
    xbr__ldoc_diag(doc, XBR_SEV_NOTE, it, 0, NULL, name,
                   "fewer errors (the first ones fixed first), or --max-errors N to show and "
                   "count more",
                   "over %zu errors: \"%s\" is not read from element #%zu on, and its errors "
                   "there are not counted",
                   doc->diags->max_errors, name, k);
}

static void syntax_diag(xbr__ldoc_t *doc, const xbr__json_error_t *e)
{
    doc->n_errors++;
    add_at(doc, XBR_SEV_ERROR, e->line, e->col, NULL, NULL, e->msg, "valid JSON (RFC 8259)");
}

/* ---- opening and closing ---- */

/*
 * The tree. A document is not parsed as one tree: cJSON spends some 64 bytes on every value, so
 * the tree of a network file cost ten times the file. The root's members are parsed one by one
 * into the document's arena, except its "nodes", "links", "products" and "changes" arrays (the
 * bulk of a network and of a scenario), which stay empty arrays in the tree and are streamed:
 * xbr__ldoc_iter_next() parses one element at a time into the element arena, reset before the
 * next, so the load costs the text, the positions of one member or element, and the model.
 * Each tree is built in one pass over its own text (xbr__json_build(): the whole text was
 * checked in doc_init()), with the positions of its values appended after the root's in
 * doc->locs, so diagnostics keep their exact line:col.
 */

/* Reports a value that the scanner accepted and cJSON could not read. */
static xbr_status_t cjson_refused(xbr__ldoc_t *doc, const char *end)
{
    /* The text is valid JSON, so cJSON failed on a limit of its own (older cJSON read at most
     * 63 characters of a number; 1.7.15 has none left below our depth limit). */
    xbr__json_error_t err;
    memset(&err, 0, sizeof err);
    size_t off = end != NULL && end >= doc->text && end <= doc->text + doc->len
                     ? (size_t)(end - doc->text)
                     : 0;
    xbr__json_linecol(doc->text, doc->len, off, &err.line, &err.col);
    snprintf(err.msg, sizeof err.msg,
             "the JSON parser could not read this value (a number longer than 63 characters)");
    syntax_diag(doc, &err);
    return doc->nomem ? XBR_ENOMEM : XBR_EINPUT;
}

static xbr_status_t push_loc(xbr__ldoc_t *doc, size_t key, size_t val)
{
    return xbr__json_locs_push(&doc->locs, key, val) == XBR_JSON_OK ? XBR_OK : XBR_ENOMEM;
}

/* A node standing for a value that is not built (a streamed array, a root array), at the next
 * position: k0 its key, v0 its value. */
static cJSON *placeholder(xbr__ldoc_t *doc, int type, size_t k0, size_t v0)
{
    cJSON *v = xbr__arena_item(doc->arena, type);
    if (v == NULL || push_loc(doc, k0, v0) != XBR_OK)
        return NULL;
    v->valueint = doc->locs.count - 1 <= (size_t)INT_MAX ? (int)(doc->locs.count - 1) : -1;
    return v;
}

/*
 * Builds the tree of the value at text[v0, v1) in `arena` (*out), with the positions of its
 * values appended to doc->locs (the first one's key at k0: k0 == v0 unless it is a member) and
 * its items numbered to match (xbr__json_build()). XBR_OK or XBR_ENOMEM.
 */
static xbr_status_t build_value(xbr__ldoc_t *doc, xbr__arena_t *arena, size_t k0, size_t v0,
                                size_t v1, cJSON **out)
{
    int rc = xbr__json_build(arena, doc->text, v0, v1, k0, &doc->locs, out);
    return rc == XBR_JSON_OK ? XBR_OK : XBR_ENOMEM;
}

/* Whether the key written at text[k0, k1) (quotes included, no escapes read) is one of the n
 * `keys` (each written with its quotes). */
static bool key_among(const char *t, size_t k0, size_t k1, const char *const keys[], size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (k1 - k0 == strlen(keys[k]) && memcmp(t + k0, keys[k], k1 - k0) == 0)
            return true;
    return false;
}

/* Whether the member whose key is text[k0, k1) (quotes included) is streamed when it is an
 * array: a network's "nodes" and "links", a scenario's "products" and "changes" (the arrays
 * that grow with the problem; no format has two of these keys with another meaning). A key
 * spelt with escapes is not recognised: that member is built whole, like any other, within the
 * root's budget (build_object()). */
static bool streamed_key(const char *t, size_t k0, size_t k1)
{
    static const char *const keys[XBR_LOAD_MAX_STREAMS] = {"\"nodes\"", "\"links\"", "\"products\"",
                                                           "\"changes\""};
    return key_among(t, k0, k1, keys, XBR_LOAD_MAX_STREAMS);
}

/* Whether `key` is a top-level key of a format the documents hold (a network, a scenario, a
 * design). In a file of one of the formats, a member of any other key is only ever warned about
 * at its key (xbr__ld_check_keys()), so its value is not built: a stray member of a million
 * values costs nothing. (A text of no format, e.g. a test's, is built whole.) */
static bool known_root_key(const char *key)
{
    static const char *const kinds[] = {"network", "scenario", "design"};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (const char *const *keys = xbr_format_keys(kinds[k]); keys && *keys; keys++)
            if (strcmp(*keys, key) == 0)
                return true;
    return false;
}

/* Links `item` as the next member of `obj`, after *tail, under `key`. */
static void append_member(cJSON *obj, cJSON **tail, cJSON *item, char *key)
{
    item->string = key;
    item->type &= ~cJSON_StringIsConst;
    if (*tail == NULL) {
        obj->child = item;
    } else {
        (*tail)->next = item;
        item->prev = *tail;
    }
    obj->child->prev = item; /* cJSON's convention: the first child's prev is the last */
    *tail = item;
}

/* Where a member of the root is: its key at text[k0, k1), its value at text[v0, v1). */
typedef struct {
    size_t k0, k1, v0, v1;
    size_t values;    /* the values of the value, itself included (not counted when streamed) */
    size_t objects;   /* elements of the value that are objects */
    uint32_t *starts; /* a member to stream: where its elements start (see take_array()) */
    size_t n_starts;
    int indexed;
} member_at_t;

/* Refuses member m of the root, whose key is `name`: with it the root's tree would hold more
 * values than the budget. The document is not opened (XBR_EINPUT), as after a syntax error. */
static xbr_status_t refuse_member(xbr__ldoc_t *doc, const member_at_t *m, const char *name)
{
    char what[320], expected[200];
    int line = 0, col = 0;
    offset_linecol(doc, m->k0, &line, &col);
    snprintf(what, sizeof what,
             "member \"%.64s\" holds %zu JSON values, which with the file's other members come "
             "to %zu, more than the loader builds at once",
             name, m->values, doc->root_values);
    snprintf(expected, sizeof expected,
             "at most %zu values in the members other than nodes, links, products and changes "
             "(README, \"Reliability\")",
             doc->budget);
    doc->n_errors++;
    add_at(doc, XBR_SEV_ERROR, line, col, NULL, name, what, expected);
    return doc->nomem ? XBR_ENOMEM : XBR_EINPUT;
}

/* Adds member m to the root. `formatted`: the root has a key that tells a format (see
 * build_object()), so a member of a key no format knows is left unbuilt. */
static xbr_status_t add_member(xbr__ldoc_t *doc, cJSON **tail, member_at_t *m, bool formatted)
{
    const char *end = NULL;
    cJSON *key = xbr__arena_parse(doc->arena, doc->text + m->k0, m->k1 - m->k0, &end);
    if (key == NULL)
        return xbr__arena_failed(doc->arena) ? XBR_ENOMEM : cjson_refused(doc, end);
    cJSON *v = NULL;
    if (doc->text[m->v0] == '[' && doc->n_streams < XBR_LOAD_MAX_STREAMS &&
        streamed_key(doc->text, m->k0, m->k1)) {
        xbr__ldoc_stream_t *s = &doc->streams[doc->n_streams];
        if ((v = placeholder(doc, cJSON_Array, m->k0, m->v0)) == NULL)
            return XBR_ENOMEM;
        doc->n_streams++;
        s->item = v;
        s->begin = m->v0;
        s->end = m->v1;
        s->empty = doc->text[xbr__json_skip_ws(doc->text, m->v1, m->v0 + 1)] == ']';
        s->objects = m->objects;
        s->starts = m->starts; /* the stream owns them now */
        s->n_starts = m->n_starts;
        s->indexed = m->indexed;
        m->starts = NULL;
    } else if (formatted && !known_root_key(key->valuestring)) {
        if ((v = placeholder(doc, cJSON_NULL, m->k0, m->v0)) == NULL)
            return XBR_ENOMEM;
    } else {
        doc->root_values += m->values;
        if (doc->root_values > doc->budget)
            return refuse_member(doc, m, key->valuestring);
        xbr_status_t st = build_value(doc, doc->arena, m->k0, m->v0, m->v1, &v);
        if (st != XBR_OK)
            return st;
    }
    append_member(doc->root, tail, v, key->valuestring);
    return XBR_OK;
}

/* Whether the key at text[k0, k1) tells the file's format, as xbr__file_kind_root() reads it. */
static bool format_key(const char *t, size_t k0, size_t k1)
{
    static const char *const keys[] = {"\"format\"", "\"nodes\"", "\"network\"", "\"extends\""};
    return key_among(t, k0, k1, keys, sizeof keys / sizeof keys[0]);
}

/* The array of member m, a member to stream, as the scan of the whole text recorded it
 * (doc_init()): its elements that are objects and, when kept, where they start (moved to m).
 * Returns where the array ends. */
static size_t take_array(xbr__ldoc_t *doc, member_at_t *m)
{
    for (size_t k = 0; k < doc->arrays.count; k++) {
        xbr__json_array_t *r = &doc->arrays.items[k];
        if (r->begin == m->v0) {
            m->objects = r->objects;
            m->starts = r->starts;
            m->n_starts = r->n_starts;
            m->indexed = r->indexed;
            r->starts = NULL;
            return r->end;
        }
    }
    /* not recorded (the scan asks the same streamed_key()): skipped over, without starts */
    m->indexed = -1;
    return xbr__json_skip(doc->text, doc->len, m->v0, NULL, &m->objects);
}

/* The members of the root object opening at text[i]: first where each is, then each added. */
static xbr_status_t build_object(xbr__ldoc_t *doc, size_t i)
{
    const char *t = doc->text;
    size_t len = doc->len, n = 0, cap = 0;
    member_at_t *m = NULL;
    cJSON *tail = NULL;
    bool formatted = false;
    xbr_status_t st = XBR_OK;
    for (i = xbr__json_skip_ws(t, len, i + 1); i < len && t[i] == '"';) {
        member_at_t *grown = xbr__grow(m, &cap, n + 1, sizeof *m, 16);
        if (grown == NULL) {
            free(m);
            return XBR_ENOMEM;
        }
        m = grown;
        m[n].k0 = i;
        m[n].k1 = xbr__json_skip_string(t, len, i);
        m[n].v0 = xbr__json_skip_ws(t, len, xbr__json_skip_ws(t, len, m[n].k1) + 1);
        memset(&m[n].values, 0, sizeof m[n] - offsetof(member_at_t, values));
        if (t[m[n].v0] == '[' && streamed_key(t, m[n].k0, m[n].k1))
            m[n].v1 = take_array(doc, &m[n]);
        else
            m[n].v1 = xbr__json_skip(t, len, m[n].v0, &m[n].values, &m[n].objects);
        formatted = formatted || format_key(t, m[n].k0, m[n].k1);
        i = xbr__json_skip_ws(t, len, m[n++].v1);
        if (i < len && t[i] == ',')
            i = xbr__json_skip_ws(t, len, i + 1);
    }
    for (size_t k = 0; k < n && st == XBR_OK; k++)
        st = add_member(doc, &tail, &m[k], formatted);
    for (size_t k = 0; k < n; k++)
        free(m[k].starts); /* those no stream took (after a failure) */
    free(m);
    return st;
}

/* Builds the root of the (checked) text: an object member by member; an array as an empty
 * array, which only its type and place are ever asked of (no loader reads an array root). */
static xbr_status_t build_root_value(xbr__ldoc_t *doc)
{
    const char *t = doc->text;
    size_t len = doc->len, i = xbr__json_skip_ws(t, len, 0);
    if (t[i] != '{' && t[i] != '[')
        return build_value(doc, doc->arena, i, i, xbr__json_skip(t, len, i, NULL, NULL),
                           &doc->root);
    doc->root = placeholder(doc, t[i] == '{' ? cJSON_Object : cJSON_Array, i, i);
    if (doc->root == NULL)
        return XBR_ENOMEM;
    return t[i] == '[' ? XBR_OK : build_object(doc, i);
}

static xbr_status_t build_root(xbr__ldoc_t *doc)
{
    doc->positions_built = 1;
    if ((doc->arena = xbr__arena_new()) == NULL)
        return XBR_ENOMEM;
    xbr_status_t st = build_root_value(doc);
    doc->root_locs = doc->locs.count;
    return st;
}

/* ---- streamed arrays ---- */

static int stream_of(const xbr__ldoc_t *doc, const cJSON *arr)
{
    for (int i = 0; i < doc->n_streams; i++)
        if (arr != NULL && doc->streams[i].item == arr)
            return i;
    return -1;
}

void xbr__ldoc_iter_init(xbr__ldoc_iter_t *it, xbr__ldoc_t *doc, const cJSON *arr)
{
    int s = stream_of(doc, arr);
    memset(it, 0, sizeof *it);
    it->doc = doc;
    if (s >= 0) {
        it->stream = &doc->streams[s];
        it->off = it->stream->begin + 1;
    } else if (cJSON_IsArray(arr)) {
        it->next = arr->child;
    }
}

/* The end of the element starting at text[i] whose next element (or the array's ']') is at
 * text[e]: back over the blanks and the comma between. */
static size_t element_end(const char *t, size_t i, size_t e)
{
    while (e > i && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == ',' || t[e - 1] == '\r' ||
                     t[e - 1] == '\t'))
        e--;
    return e;
}

/* Finds the next element of a streamed array: its first byte *at and its end *to (and, when it
 * was skipped over, its count of values). False at the end of the array. */
static bool next_element(xbr__ldoc_iter_t *it, size_t *at, size_t *to, size_t *values)
{
    const xbr__ldoc_stream_t *s = it->stream;
    const char *t = it->doc->text;
    if (s->indexed == 1) {
        if (it->k >= s->n_starts)
            return false;
        *at = s->starts[it->k];
        *to = element_end(t, *at, it->k + 1 < s->n_starts ? s->starts[it->k + 1] : s->end - 1);
        it->is_object = true;
        return true;
    }
    size_t i = xbr__json_skip_ws(t, s->end, it->off);
    if (i >= s->end || t[i] == ']')
        return false;
    *at = i;
    *to = xbr__json_skip(t, s->end, i, values, NULL);
    it->off = xbr__json_skip_ws(t, s->end, *to);
    it->off += it->off < s->end && t[it->off] == ',';
    it->is_object = t[i] == '{';
    return true;
}

/* The most values one element may hold: what the root's tree left of the budget (the two are
 * held at once). */
static size_t element_budget(const xbr__ldoc_t *doc)
{
    return doc->root_values < doc->budget ? doc->budget - doc->root_values : 0;
}

/* Refuses the element at text offset `at`, of `values` values, over the budget. */
static int refuse(xbr__ldoc_iter_t *it, size_t at, size_t values)
{
    xbr__ldoc_t *doc = it->doc;
    char what[256], expected[160];
    int line = 0, col = 0;
    const char *name = it->stream->item->string;
    doc->refused = 1;
    doc->n_errors++;
    offset_linecol(doc, at, &line, &col);
    snprintf(what, sizeof what,
             "element #%zu of \"%s\" holds %zu JSON values, more than the loader builds at once",
             it->k, name, values);
    snprintf(expected, sizeof expected,
             "at most %zu values in one element (README, \"Reliability\")", element_budget(doc));
    add_at(doc, XBR_SEV_ERROR, line, col, NULL, name, what, expected);
    return -1;
}

int xbr__ldoc_iter_next(xbr__ldoc_iter_t *it, bool build, const cJSON **out)
{
    xbr__ldoc_t *doc = it->doc;
    *out = NULL;
    if (it->stream == NULL) {
        if (it->next == NULL)
            return 0;
        *out = it->cur = it->next;
        it->is_object = cJSON_IsObject(it->next);
        it->next = it->next->next;
        it->k++;
        return 1;
    }
    /* the previous element's tree and positions go */
    xbr__arena_reset(doc->element_arena);
    doc->locs.count = doc->root_locs;
    size_t i = 0, j = 0, values = 0;
    if (doc->refused || !next_element(it, &i, &j, &values))
        return 0;
    it->k++;
    it->at = i;
    if (!build)
        return 1;
    /* found through the starts, it was not counted: n values take at least 2n - 1 bytes, so
     * only an element that long may be over the budget */
    if (it->stream->indexed == 1 && (j - i + 1) / 2 > element_budget(doc))
        xbr__json_skip(doc->text, j, i, &values, NULL);
    if (values > element_budget(doc))
        return refuse(it, i, values);
    if (doc->element_arena == NULL && (doc->element_arena = xbr__arena_new()) == NULL) {
        doc->nomem = 1;
        return -1;
    }
    cJSON *e = NULL;
    xbr_status_t st = build_value(doc, doc->element_arena, i, i, j, &e);
    if (st == XBR_ENOMEM)
        doc->nomem = 1;
    if (st != XBR_OK)
        return -1;
    *out = e;
    return 1;
}

xbr__ldoc_mark_t xbr__ldoc_iter_mark(const xbr__ldoc_iter_t *it)
{
    xbr__ldoc_mark_t m;
    memset(&m, 0, sizeof m);
    if (it->stream != NULL) {
        m.at.off = (uint32_t)it->at; /* offsets fit: files are at most 256 MiB */
        m.at.k = (uint32_t)it->k;
    } else {
        m.item = it->cur;
    }
    return m;
}

size_t xbr__ldoc_mark_index(const xbr__ldoc_t *doc, const cJSON *arr, xbr__ldoc_mark_t m)
{
    if (stream_of(doc, arr) >= 0)
        return m.at.k;
    size_t k = 1;
    for (const cJSON *e = arr != NULL ? arr->child : NULL; e != NULL && e != m.item; e = e->next)
        k++;
    return k;
}

int xbr__ldoc_reread(xbr__ldoc_t *doc, const cJSON *arr, xbr__ldoc_mark_t m, const cJSON **out)
{
    xbr__ldoc_iter_t it;
    xbr__ldoc_iter_init(&it, doc, arr);
    if (it.stream == NULL) {
        *out = m.item;
        return m.item != NULL;
    }
    /* as if the iteration were just before the element: next_element() finds it through the
     * starts by its index, or skips from its offset */
    it.k = m.at.k - 1;
    it.off = m.at.off;
    return xbr__ldoc_iter_next(&it, true, out);
}

bool xbr__ldoc_array_empty(const xbr__ldoc_t *doc, const cJSON *arr)
{
    int s = stream_of(doc, arr);
    return s >= 0 ? doc->streams[s].empty : arr == NULL || arr->child == NULL;
}

size_t xbr__ldoc_array_bytes(const xbr__ldoc_t *doc, const cJSON *arr)
{
    int s = stream_of(doc, arr);
    return s >= 0 ? doc->streams[s].end - doc->streams[s].begin : SIZE_MAX;
}

size_t xbr__ldoc_array_objects(const xbr__ldoc_t *doc, const cJSON *arr)
{
    int s = stream_of(doc, arr);
    size_t n = 0;
    if (s >= 0)
        return doc->streams[s].objects;
    for (const cJSON *e = arr != NULL ? arr->child : NULL; e != NULL; e = e->next)
        n += cJSON_IsObject(e);
    return n;
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
    /* the whole text is checked first, recording only the arrays to stream and where their
     * elements start: the positions are recorded per tree built (build_root(),
     * xbr__ldoc_iter_next()) */
    doc->arrays.wanted = streamed_key;
    int rc = xbr__json_scan_root(text, len, XBR_LOAD_MAX_DEPTH, &doc->arrays, &err);
    if (rc == XBR_JSON_ENOMEM)
        return XBR_ENOMEM;
    if (rc != XBR_JSON_OK) {
        syntax_diag(doc, &err);
        return doc->nomem ? XBR_ENOMEM : XBR_EINPUT;
    }
    doc->budget = len / XBR_LOAD_ELEMENT_BYTES_PER_VALUE;
    if (doc->budget < XBR_LOAD_ELEMENT_MIN_VALUES)
        doc->budget = XBR_LOAD_ELEMENT_MIN_VALUES;
    return build_root(doc);
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
    xbr__arena_free(doc->element_arena);
    for (int i = 0; i < doc->n_streams; i++)
        free(doc->streams[i].starts);
    xbr__json_arrays_destroy(&doc->arrays);
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
