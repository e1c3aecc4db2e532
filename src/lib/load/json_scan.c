/*
 * load/json_scan.c - the strict JSON scanner (see load/internal.h).
 *
 * A state machine over the bytes with an explicit container stack (never recursion), so a
 * 100,000-deep input costs nothing but is rejected at depth max_depth + 1. Duplicate keys are
 * found when an object closes, among that object's keys only (pairwise for small objects,
 * after a sort for large ones); the object's keys are then dropped, so memory stays
 * proportional to the open objects and the work stays in cache. Keys are compared after
 * unescaping, so "a" and "\u0061" are the same key. All state lives in a local struct.
 */
#include "load/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t off; /* offset of the decoded key in keys */
    size_t len;
    size_t at; /* offset of the key in the text */
} key_rec_t;

/* The opening brace, named so that brace-counting tools do not take it for a block. */
enum { OBJECT_OPEN = 0x7B };

/* States of the grammar between two tokens. */
enum {
    ST_VALUE,             /* a value must come */
    ST_VALUE_AFTER_COMMA, /* a value must come, after ',' in an array (']' is a trailing comma) */
    ST_ARR_FIRST,         /* just after '[': ']' or a value */
    ST_OBJ_FIRST,         /* just after '{': '}' or a key */
    ST_KEY,               /* a key must come (after ',' in an object) */
    ST_AFTER,             /* after a value: ',' or the close of the container, or the end */
    ST_DONE               /* the top-level value and trailing white space are read */
};

/* An open container. */
typedef struct {
    char type;        /* '{' or '[' */
    size_t rec_base;  /* objects: first key record of this object */
    size_t keys_base; /* objects: keys_len when it opened */
} frame_t;

typedef struct {
    const unsigned char *s;
    size_t len;
    size_t pos;
    xbr__json_error_t *err;
    xbr__json_locs_t *locs;
    /* decoded keys of the open objects, innermost last */
    char *keys;
    size_t keys_len, keys_cap;
    key_rec_t *recs;
    size_t n_recs, recs_cap;
    int nomem;
    /* the grammar */
    frame_t *stack; /* max_depth frames */
    int depth, max_depth;
    int state;
    size_t pending_key; /* offset of the key of the value to come, or SIZE_MAX */
    size_t last_comma;  /* offset of the last ',' (for "trailing comma" errors) */
    size_t key_end;     /* just past the closing quote of the last key */
    /* xbr__json_scan_root(): the arrays to record, and whether the last one is open */
    xbr__json_arrays_t *arrays;
    int recording;
    size_t starts_cap;
    char b[32]; /* describe_byte()'s text */
} scanner_t;

void xbr__json_linecol(const char *text, size_t len, size_t offset, int *line, int *col)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t line_start = 0;
    int ln = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++)
        if (s[i] == '\n') {
            ln++;
            line_start = i + 1;
        }
    int c = 1;
    for (size_t i = line_start; i < offset; i++)
        if ((s[i] & 0xC0) != 0x80)
            c++;
    *line = ln;
    *col = c;
}

static int fail(scanner_t *sc, size_t at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->err->msg, sizeof sc->err->msg, fmt, ap);
    va_end(ap);
    sc->err->offset = at;
    xbr__json_linecol((const char *)sc->s, sc->len, at, &sc->err->line, &sc->err->col);
    return XBR_JSON_ESYNTAX;
}

int xbr__json_locs_push(xbr__json_locs_t *locs, size_t key, size_t val)
{
    if (locs->count == locs->capacity) { /* the test keeps the common case free of a call */
        xbr__json_loc_t *items =
            xbr__grow(locs->items, &locs->capacity, locs->count + 1, sizeof *items, 256);
        if (items == NULL)
            return XBR_JSON_ENOMEM;
        locs->items = items;
    }
    locs->items[locs->count].key = (uint32_t)key;
    locs->items[locs->count].val = (uint32_t)val;
    locs->count++;
    return XBR_JSON_OK;
}

static int add_loc(scanner_t *sc, size_t key, size_t val)
{
    return sc->locs != NULL ? xbr__json_locs_push(sc->locs, key, val) : XBR_JSON_OK;
}

void xbr__json_locs_destroy(xbr__json_locs_t *locs)
{
    if (locs == NULL)
        return;
    free(locs->items);
    locs->items = NULL;
    locs->count = locs->capacity = 0;
}

/* Appends bytes of a decoded key. */
static int key_put(scanner_t *sc, const char *b, size_t n)
{
    if (sc->keys_len + n > sc->keys_cap) {
        size_t cap = sc->keys_cap ? sc->keys_cap : 1024;
        while (cap < sc->keys_len + n)
            cap *= 2;
        char *k = realloc(sc->keys, cap);
        if (k == NULL) {
            sc->nomem = 1;
            return XBR_JSON_ENOMEM;
        }
        sc->keys = k;
        sc->keys_cap = cap;
    }
    memcpy(sc->keys + sc->keys_len, b, n);
    sc->keys_len += n;
    return XBR_JSON_OK;
}

size_t xbr__json_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int put_utf8(scanner_t *sc, uint32_t cp)
{
    char b[4];
    return key_put(sc, b, xbr__json_utf8_encode(cp, b));
}

int xbr__json_hex4(const unsigned char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

/*
 * Length of the valid UTF-8 sequence at p (at most `avail` bytes), or 0 if invalid:
 * overlong forms, surrogates (U+D800..DFFF) and code points above U+10FFFF are invalid
 * (RFC 3629 section 4).
 */
static size_t utf8_len(const unsigned char *p, size_t avail)
{
    unsigned char c = p[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c == 0xE0) {
        n = 3;
        lo = 0xA0;
    } else if (c == 0xED) {
        n = 3;
        hi = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF)
        n = 3;
    else if (c == 0xF0) {
        n = 4;
        lo = 0x90;
    } else if (c == 0xF4) {
        n = 4;
        hi = 0x8F;
    } else if (c >= 0xF1 && c <= 0xF3)
        n = 4;
    else
        return 0;
    if (avail < n)
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

/*
 * Scans the string whose opening quote is at sc->pos; leaves pos after the closing quote.
 * When `decode` is set, the unescaped bytes are appended to sc->keys.
 */
static int scan_string(scanner_t *sc, int decode)
{
    const unsigned char *s = sc->s;
    size_t start = sc->pos;
    size_t i = sc->pos + 1;
    size_t run = i; /* decoding: s[run, i) is plain text not yet appended, one copy for a run */
    for (;;) {
        if (i >= sc->len)
            return fail(sc, start, "unterminated string");
        unsigned char c = s[i];
        if (c == '"') {
            if (decode && i > run && key_put(sc, (const char *)s + run, i - run))
                return XBR_JSON_ENOMEM;
            sc->pos = i + 1;
            return XBR_JSON_OK;
        }
        if (c < 0x20)
            return fail(sc, i,
                        c == 0 ? "NUL byte inside a string"
                               : "raw control character 0x%02X inside a string (write it as an "
                                 "escape such as \\n or \\u00%02X)",
                        c, c);
        if (c == '\\') {
            if (i + 1 >= sc->len)
                return fail(sc, start, "unterminated string");
            if (decode && i > run && key_put(sc, (const char *)s + run, i - run))
                return XBR_JSON_ENOMEM;
            unsigned char e = s[i + 1];
            const char *simple = strchr("\"\\/bfnrt", e);
            if (e != 0 && simple != NULL) {
                static const char repl[] = "\"\\/\b\f\n\r\t";
                if (decode && key_put(sc, &repl[simple - "\"\\/bfnrt"], 1))
                    return XBR_JSON_ENOMEM;
                i += 2;
                run = i;
                continue;
            }
            if (e != 'u')
                return fail(sc, i, "invalid escape '\\%c' in a string",
                            e >= 0x20 && e < 0x7F ? e : '?');
            uint32_t cp;
            if (i + 6 > sc->len || !xbr__json_hex4(s + i + 2, &cp))
                return fail(sc, i, "invalid \\u escape: expected four hex digits");
            size_t esc = i;
            i += 6;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return fail(sc, esc, "lone low surrogate \\u%04X in a string", (unsigned)cp);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t lo;
                if (i + 6 > sc->len || s[i] != '\\' || s[i + 1] != 'u' ||
                    !xbr__json_hex4(s + i + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return fail(sc, esc,
                                "lone high surrogate \\u%04X in a string (a low surrogate "
                                "\\uDC00-\\uDFFF must follow)",
                                (unsigned)cp);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
            /* A key is kept by cJSON as a C string, cut at its first NUL: "a\u0000b" would be
             * key "a", and would dodge the duplicate check, which compares the whole keys. */
            if (decode && cp == 0)
                return fail(sc, esc, "a key holding \\u0000 (NUL), which would cut it short");
            if (decode && put_utf8(sc, cp))
                return XBR_JSON_ENOMEM;
            run = i;
            continue;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_len(s + i, sc->len - i);
        if (n == 0)
            return fail(sc, i, "invalid UTF-8 byte 0x%02X in a string", c);
        i += n;
    }
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Scans a number at sc->pos (RFC 8259 section 6). */
static int scan_number(scanner_t *sc)
{
    const unsigned char *s = sc->s;
    size_t i = sc->pos, n = sc->len;
    if (s[i] == '-')
        i++;
    if (i >= n || !is_digit(s[i]))
        return fail(sc, sc->pos, "invalid number: a digit must follow '-'");
    if (s[i] == '0') {
        i++;
        if (i < n && is_digit(s[i]))
            return fail(sc, sc->pos, "invalid number: leading zero");
    } else {
        while (i < n && is_digit(s[i]))
            i++;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || !is_digit(s[i]))
            return fail(sc, i, "invalid number: a digit must follow '.'");
        while (i < n && is_digit(s[i]))
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || !is_digit(s[i]))
            return fail(sc, i, "invalid number: a digit must follow the exponent");
        while (i < n && is_digit(s[i]))
            i++;
    }
    sc->pos = i;
    return XBR_JSON_OK;
}

/* Records the key keys[off .. keys_len) found at text offset `at` for the innermost object. */
static int key_push(scanner_t *sc, size_t off, size_t at)
{
    key_rec_t *r = xbr__grow(sc->recs, &sc->recs_cap, sc->n_recs + 1, sizeof *r, 64);
    if (r == NULL) {
        sc->nomem = 1;
        return XBR_JSON_ENOMEM;
    }
    sc->recs = r;
    sc->recs[sc->n_recs].off = off;
    sc->recs[sc->n_recs].len = sc->keys_len - off;
    sc->recs[sc->n_recs].at = at;
    sc->n_recs++;
    return XBR_JSON_OK;
}

typedef struct {
    const char *p;
    size_t len;
    size_t at;
} key_view_t;

static int cmp_key_view(const void *a, const void *b)
{
    const key_view_t *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    int c = memcmp(x->p, y->p, x->len);
    if (c != 0)
        return c;
    return x->at < y->at ? -1 : x->at > y->at;
}

static int same_key(const scanner_t *sc, const key_rec_t *x, const key_rec_t *y)
{
    return x->len == y->len && memcmp(sc->keys + x->off, sc->keys + y->off, x->len) == 0;
}

/*
 * Checks the keys recs[base .. n_recs) of an object that just closed. Returns the text offset
 * of the first key (in document order) that repeats an earlier one, or SIZE_MAX when all are
 * distinct. O(k^2) for k <= 16 keys, O(k log k) above.
 */
static size_t find_duplicate(scanner_t *sc, size_t base)
{
    size_t k = sc->n_recs - base, first = SIZE_MAX;
    const key_rec_t *r = sc->recs + base;
    if (k <= 16) {
        for (size_t i = 1; i < k && first == SIZE_MAX; i++)
            for (size_t j = 0; j < i; j++)
                if (same_key(sc, &r[i], &r[j])) {
                    first = r[i].at;
                    break;
                }
        return first;
    }
    key_view_t *v = malloc(k * sizeof *v);
    if (v == NULL) {
        sc->nomem = 1;
        return SIZE_MAX;
    }
    for (size_t i = 0; i < k; i++) {
        v[i].p = sc->keys + r[i].off;
        v[i].len = r[i].len;
        v[i].at = r[i].at;
    }
    qsort(v, k, sizeof *v, cmp_key_view);
    /* Equal keys are adjacent and ordered by position: each later one is a repeat. */
    for (size_t i = 1; i < k; i++)
        if (v[i].len == v[i - 1].len && memcmp(v[i].p, v[i - 1].p, v[i].len) == 0 &&
            v[i].at < first)
            first = v[i].at;
    free(v);
    return first;
}

/* Closes the innermost object: fails on a repeated key, else forgets the object's keys. */
static int close_object(scanner_t *sc, size_t rec_base, size_t keys_base)
{
    size_t dup = find_duplicate(sc, rec_base);
    if (sc->nomem)
        return XBR_JSON_ENOMEM;
    if (dup != SIZE_MAX) {
        size_t end = dup + 1;
        while (end < sc->len && sc->s[end] != '"')
            end += sc->s[end] == '\\' ? 2 : 1;
        int klen = (int)(end + 1 - dup);
        return fail(sc, dup, "duplicate key %.*s%s in an object", klen > 60 ? 60 : klen,
                    (const char *)sc->s + dup, klen > 60 ? "...\"" : "");
    }
    sc->n_recs = rec_base;
    sc->keys_len = keys_base;
    return XBR_JSON_OK;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_ws(scanner_t *sc)
{
    while (sc->pos < sc->len && is_ws(sc->s[sc->pos]))
        sc->pos++;
}

static const char *describe_byte(unsigned char c, char *buf, size_t size)
{
    if (c >= 0x21 && c < 0x7F)
        snprintf(buf, size, "'%c'", c);
    else if (c == 0)
        snprintf(buf, size, "a NUL byte");
    else
        snprintf(buf, size, "byte 0x%02X", c);
    return buf;
}

/* "unexpected end of input: ..." for the current state. */
static int fail_end(scanner_t *sc)
{
    const char *want = "expected a value";
    if (sc->state == ST_KEY || sc->state == ST_OBJ_FIRST)
        want = "expected a key string";
    else if (sc->state == ST_AFTER)
        want = sc->stack[sc->depth - 1].type == '{' ? "expected ',' or '}'" : "expected ',' or ']'";
    return fail(sc, sc->pos, "unexpected end of input: %s", want);
}

/* ---- the root's arrays (xbr__json_scan_root()) ---- */

/* The value at `at` (its key at `key`, its first byte c), for the arrays being recorded: a
 * wanted member of the root opens a record; an element of the recorded array is counted, and
 * where it starts kept while every element is an object. Only a failure to grow the list of
 * arrays is an error: the starts are a shortcut, dropped when there is no memory for them. */
static int note_value(scanner_t *sc, size_t key, size_t at, unsigned char c)
{
    xbr__json_arrays_t *a = sc->arrays;
    if (sc->recording && sc->depth == 2) {
        xbr__json_array_t *r = &a->items[a->count - 1];
        r->objects += c == OBJECT_OPEN;
        if (r->indexed == 1) {
            uint32_t *grown = NULL;
            if (c == OBJECT_OPEN)
                grown = xbr__grow(r->starts, &sc->starts_cap, r->n_starts + 1, sizeof *grown, 1024);
            if (grown == NULL) {
                free(r->starts);
                r->starts = NULL;
                r->n_starts = 0;
                r->indexed = -1;
            } else {
                r->starts = grown;
                r->starts[r->n_starts++] = (uint32_t)at;
            }
        }
        return XBR_JSON_OK;
    }
    if (sc->depth != 1 || c != '[' || sc->stack[0].type != OBJECT_OPEN ||
        !a->wanted((const char *)sc->s, key, sc->key_end))
        return XBR_JSON_OK;
    xbr__json_array_t *items = xbr__grow(a->items, &a->capacity, a->count + 1, sizeof *items, 4);
    if (items == NULL) {
        sc->nomem = 1;
        return XBR_JSON_ENOMEM;
    }
    a->items = items;
    memset(&items[a->count], 0, sizeof *items);
    items[a->count].key = key;
    items[a->count].begin = at;
    items[a->count].indexed = 1;
    a->count++;
    sc->recording = 1;
    sc->starts_cap = 0;
    return XBR_JSON_OK;
}

/* An array just closed (sc->pos is past its ']'): when it was the recorded one, its end. */
static void note_array_end(scanner_t *sc)
{
    if (!sc->recording || sc->depth != 1)
        return;
    xbr__json_array_t *r = &sc->arrays->items[sc->arrays->count - 1];
    r->end = sc->pos;
    if (r->indexed == 1 && r->n_starts > 0 && r->n_starts < sc->starts_cap) {
        uint32_t *fit = realloc(r->starts, r->n_starts * sizeof *fit);
        r->starts = fit != NULL ? fit : r->starts; /* a shrink that fails keeps the block */
    }
    sc->recording = 0;
}

void xbr__json_arrays_destroy(xbr__json_arrays_t *arrays)
{
    for (size_t k = 0; k < arrays->count; k++)
        free(arrays->items[k].starts);
    free(arrays->items);
    arrays->items = NULL;
    arrays->count = arrays->capacity = 0;
}

/* Just after '[': an empty array closes, anything else is its first value. */
static int on_array_first(scanner_t *sc, unsigned char c)
{
    if (c == ']') {
        sc->pos++;
        sc->depth--;
        note_array_end(sc);
        sc->state = ST_AFTER;
        return XBR_JSON_OK;
    }
    sc->state = ST_VALUE;
    return XBR_JSON_OK;
}

/* Just after '{': an empty object closes (it has no keys to forget), else a key comes. */
static int on_object_first(scanner_t *sc, unsigned char c)
{
    if (c == '}') {
        sc->pos++;
        sc->depth--;
        sc->n_recs = sc->stack[sc->depth].rec_base;
        sc->keys_len = sc->stack[sc->depth].keys_base;
        sc->state = ST_AFTER;
        return XBR_JSON_OK;
    }
    sc->state = ST_KEY;
    return XBR_JSON_OK;
}

/* A member's key, decoded and recorded for the duplicate check, and its ':'. */
static int on_key(scanner_t *sc, unsigned char c)
{
    if (c == '}')
        return fail(sc, sc->last_comma, "trailing comma before '}'");
    if (c != '"')
        return fail(sc, sc->pos, "expected a key string, found %s",
                    describe_byte(c, sc->b, sizeof sc->b));
    size_t key_at = sc->pos, off = sc->keys_len;
    int st = scan_string(sc, 1);
    sc->key_end = sc->pos;
    if (st == XBR_JSON_OK)
        st = key_push(sc, off, key_at);
    if (st != XBR_JSON_OK)
        return st;
    skip_ws(sc);
    if (sc->pos >= sc->len)
        return fail(sc, sc->pos, "unexpected end of input: expected ':'");
    if (sc->s[sc->pos] != ':')
        return fail(sc, sc->pos, "expected ':' after the key, found %s",
                    describe_byte(sc->s[sc->pos], sc->b, sizeof sc->b));
    sc->pos++;
    sc->pending_key = key_at;
    sc->state = ST_VALUE;
    return XBR_JSON_OK;
}

/* After a value inside a container: ',' or the container's close. */
static int on_after(scanner_t *sc, unsigned char c)
{
    char close = sc->stack[sc->depth - 1].type == '{' ? '}' : ']';
    if (c == ',') {
        sc->last_comma = sc->pos;
        sc->pos++;
        sc->state = close == '}' ? ST_KEY : ST_VALUE_AFTER_COMMA;
        return XBR_JSON_OK;
    }
    if (c != (unsigned char)close)
        return fail(sc, sc->pos, "expected ',' or '%c', found %s", close,
                    describe_byte(c, sc->b, sizeof sc->b));
    sc->pos++;
    sc->depth--;
    if (close == '}')
        return close_object(sc, sc->stack[sc->depth].rec_base, sc->stack[sc->depth].keys_base);
    note_array_end(sc);
    return XBR_JSON_OK;
}

/* A scalar value at sc->pos (its location is recorded already). */
static int scan_scalar(scanner_t *sc, unsigned char c)
{
    size_t at = sc->pos;
    if (c == '"')
        return scan_string(sc, 0);
    if (c == '-' || is_digit(c))
        return scan_number(sc);
    if (c == 't' || c == 'f' || c == 'n') {
        const char *lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
        size_t n = strlen(lit);
        if (sc->len - sc->pos < n || memcmp(sc->s + sc->pos, lit, n) != 0)
            return fail(sc, at, "invalid literal: expected %s", lit);
        sc->pos += n;
        return XBR_JSON_OK;
    }
    return fail(sc, at, "expected a value, found %s", describe_byte(c, sc->b, sizeof sc->b));
}

/* A value: its location is recorded, then a container opens or a scalar is read. */
static int on_value(scanner_t *sc, unsigned char c)
{
    if (sc->state == ST_VALUE_AFTER_COMMA && c == ']')
        return fail(sc, sc->last_comma, "trailing comma before ']'");
    size_t at = sc->pos;
    size_t key = sc->pending_key == SIZE_MAX ? at : sc->pending_key;
    sc->pending_key = SIZE_MAX;
    int st = add_loc(sc, key, at);
    if (st == XBR_JSON_OK && sc->arrays != NULL)
        st = note_value(sc, key, at, c);
    if (st != XBR_JSON_OK)
        return st;
    if (c == OBJECT_OPEN || c == '[') {
        if (sc->depth >= sc->max_depth)
            return fail(sc, at, "nesting deeper than %d levels", sc->max_depth);
        frame_t *f = &sc->stack[sc->depth++];
        f->type = (char)c;
        f->rec_base = sc->n_recs;
        f->keys_base = sc->keys_len;
        sc->pos++;
        sc->state = c == OBJECT_OPEN ? ST_OBJ_FIRST : ST_ARR_FIRST;
        return XBR_JSON_OK;
    }
    st = scan_scalar(sc, c);
    if (st == XBR_JSON_OK)
        sc->state = ST_AFTER;
    return st;
}

/* Rejects a byte order mark and an empty input. */
static int scan_start(scanner_t *sc)
{
    if (sc->len >= 3 && sc->s[0] == 0xEF && sc->s[1] == 0xBB && sc->s[2] == 0xBF)
        return fail(sc, 0,
                    "byte order mark (U+FEFF) at the start of the file; save it as UTF-8 "
                    "without BOM");
    skip_ws(sc);
    if (sc->pos >= sc->len)
        return fail(sc, sc->pos, "empty input: expected a JSON value");
    return XBR_JSON_OK;
}

/*
 * The state machine: between tokens, white space is skipped and the next byte goes to the
 * handler of the current state. Each handler consumes one token (or none, when it only
 * changes state) and sets the next state; the loop ends at the first error or after the
 * top-level value.
 */
static int scan(scanner_t *sc)
{
    int st = scan_start(sc);
    sc->state = ST_VALUE;
    while (st == XBR_JSON_OK && sc->state != ST_DONE) {
        skip_ws(sc);
        if (sc->state == ST_AFTER && sc->depth == 0) {
            if (sc->pos < sc->len)
                st = fail(sc, sc->pos, "unexpected %s after the top-level value",
                          describe_byte(sc->s[sc->pos], sc->b, sizeof sc->b));
            sc->state = ST_DONE;
            continue;
        }
        if (sc->pos >= sc->len) {
            st = fail_end(sc);
            continue;
        }
        unsigned char c = sc->s[sc->pos];
        switch (sc->state) {
        case ST_ARR_FIRST:
            st = on_array_first(sc, c);
            break;
        case ST_OBJ_FIRST:
            st = on_object_first(sc, c);
            break;
        case ST_KEY:
            st = on_key(sc, c);
            break;
        case ST_AFTER:
            st = on_after(sc, c);
            break;
        default: /* ST_VALUE, ST_VALUE_AFTER_COMMA */
            st = on_value(sc, c);
            break;
        }
    }
    return sc->nomem ? XBR_JSON_ENOMEM : st;
}

/* Scans `len` bytes at `text`, recording locations into `locs` and arrays into `arrays` (either
 * may be NULL). */
static int scan_text(const char *text, size_t len, int max_depth, xbr__json_locs_t *locs,
                     xbr__json_arrays_t *arrays, xbr__json_error_t *err)
{
    scanner_t sc;
    memset(&sc, 0, sizeof sc);
    memset(err, 0, sizeof *err);
    sc.s = (const unsigned char *)text;
    sc.len = len;
    sc.err = err;
    sc.locs = locs;
    sc.arrays = arrays;
    sc.pending_key = SIZE_MAX;
    sc.max_depth = max_depth < 1 ? 1 : max_depth;
    if (len > XBR_JSON_MAX_LEN)
        return fail(&sc, 0, "input larger than %zu bytes", XBR_JSON_MAX_LEN);
    sc.stack = malloc((size_t)sc.max_depth * sizeof *sc.stack);
    int st = sc.stack != NULL ? scan(&sc) : XBR_JSON_ENOMEM;
    free(sc.stack);
    free(sc.keys);
    free(sc.recs);
    if (st == XBR_JSON_ENOMEM)
        snprintf(err->msg, sizeof err->msg, "out of memory");
    return st;
}

int xbr__json_scan(const char *text, size_t len, int max_depth, xbr__json_locs_t *locs,
                   xbr__json_error_t *err)
{
    return scan_text(text, len, max_depth, locs, NULL, err);
}

int xbr__json_scan_root(const char *text, size_t len, int max_depth, xbr__json_arrays_t *arrays,
                        xbr__json_error_t *err)
{
    return scan_text(text, len, max_depth, NULL, arrays, err);
}

/* ---- skipping values of checked text ---- */

size_t xbr__json_skip_ws(const char *t, size_t len, size_t i)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
        i++;
    return i;
}

size_t xbr__json_skip_string(const char *t, size_t len, size_t i)
{
    for (i++; i < len && t[i] != '"'; i++)
        if (t[i] == '\\')
            i++;
    return i + 1 < len ? i + 1 : len;
}

/* Skips the container opening at t[i] (checked text); adds to *values the values inside it
 * (its commas, plus one for each non-empty container) and to *objects its elements that are
 * objects. */
static size_t skip_container(const char *t, size_t len, size_t i, size_t *values, size_t *objects)
{
    size_t depth = 0;
    while (i < len) {
        char c = t[i];
        if (c == '"') {
            i = xbr__json_skip_string(t, len, i);
            continue;
        }
        if (c == '{' || c == '[') {
            *objects += depth == 1 && c == '{';
            depth++;
            size_t j = xbr__json_skip_ws(t, len, i + 1);
            *values += j < len && t[j] != ']' && t[j] != '}';
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                break;
        } else if (c == ',') {
            (*values)++;
        }
        i++;
    }
    return i < len ? i + 1 : len;
}

size_t xbr__json_skip(const char *t, size_t len, size_t i, size_t *values, size_t *objects)
{
    size_t nv = 1, no = 0;
    if (i >= len)
        nv = 0;
    else if (t[i] == '"')
        i = xbr__json_skip_string(t, len, i);
    else if (t[i] == '{' || t[i] == '[')
        i = skip_container(t, len, i, &nv, &no);
    else
        while (i < len && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' &&
               t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
            i++;
    if (values != NULL)
        *values = nv;
    if (objects != NULL)
        *objects = no;
    return i;
}
