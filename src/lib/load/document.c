/*
 * load/document.c - the loader's shared helpers: file reading, documents with positions,
 * diagnostics, typed getters, "did you mean", and the table of accepted keys
 * (xbr_format_keys, the single truth of which keys each object of the formats has).
 *
 * Positions: every cJSON item is mapped to the scanner's record of its key and value offsets
 * by a pre-order walk, which visits items in the same order as the scanner met values.
 * Columns count code points (see load/internal.h).
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load/internal.h"

const xbr__ldrange_t xbr__ld_nonneg = {0.0, INFINITY, 0};
const xbr__ldrange_t xbr__ld_positive = {0.0, INFINITY, XBR_LD_LO_OPEN};

/* ---- the keys of each object ---- */

static const char *const keys_network[] = {"format",   "name",    "description", "notes",
                                           "currency", "sources", "defaults",    "countries",
                                           "regimes",  "nodes",   "links",       NULL};
static const char *const keys_node[] = {"id",
                                        "type",
                                        "name",
                                        "country",
                                        "lat",
                                        "lon",
                                        "code",
                                        "handling",
                                        "markup_pct",
                                        "storage_cost_per_m3_day",
                                        "fixed_cost_per_week",
                                        "capacity_m3",
                                        "status",
                                        "source",
                                        NULL};
static const char *const keys_link[] = {"id",
                                        "from",
                                        "to",
                                        "mode",
                                        "cost",
                                        "volumetric_kg_per_m3",
                                        "days",
                                        "departures_per_week",
                                        "distance_km",
                                        "co2e_g_per_tkm",
                                        "capacity_kg_per_week",
                                        "status",
                                        "via",
                                        "source",
                                        NULL};
static const char *const keys_cost[] = {"per_kg",       "per_m3",     "per_unit",
                                        "per_shipment", "min_charge", NULL};
static const char *const keys_handling[] = {"cost_per_kg", "cost_per_unit", "days", NULL};
static const char *const keys_days[] = {"min", "mode", "max", NULL};
static const char *const keys_country[] = {"name",
                                           "customs_union",
                                           "de_minimis",
                                           "vat_de_minimis",
                                           "duty_pct",
                                           "vat_pct",
                                           "clearance_days",
                                           "clearance_fee_per_shipment",
                                           "inspection_prob",
                                           "inspection_days",
                                           "source",
                                           NULL};
static const char *const keys_regime[] = {"clearance_days", "fee_per_shipment", "source", NULL};
static const char *const keys_source[] = {"id", "what", "where", "date", NULL};
static const char *const keys_defaults[] = {"volumetric_kg_per_m3", "detour_factor",
                                            "co2e_g_per_tkm", NULL};
static const char *const keys_scenario[] = {"format",
                                            "name",
                                            "description",
                                            "network",
                                            "extends",
                                            "products",
                                            "max_days",
                                            "service_level",
                                            "holding_rate_per_year",
                                            "value_of_time_per_day",
                                            "carbon_price",
                                            "review_days",
                                            "changes",
                                            "sources",
                                            NULL};
static const char *const keys_product[] = {
    "id",     "name",      "category",        "origin",   "unit_kg", "unit_m3", "unit_value",
    "demand", "demand_cv", "units_per_order", "max_days", "source",  NULL};
/* The union of every op's keys; set_country takes any country key. */
static const char *const keys_change[] = {"op",
                                          "node",
                                          "link",
                                          "passage",
                                          "mode",
                                          "from_country",
                                          "to_country",
                                          "cost",
                                          "days",
                                          "country",
                                          "nodes",
                                          "links",
                                          "name",
                                          "customs_union",
                                          "de_minimis",
                                          "vat_de_minimis",
                                          "duty_pct",
                                          "vat_pct",
                                          "clearance_days",
                                          "clearance_fee_per_shipment",
                                          "inspection_prob",
                                          "inspection_days",
                                          "source",
                                          NULL};

const char *const *xbr_format_keys(const char *object)
{
    static const struct {
        const char *name;
        const char *const *keys;
    } table[] = {
        {"network", keys_network},   {"node", keys_node},         {"link", keys_link},
        {"cost", keys_cost},         {"handling", keys_handling}, {"days", keys_days},
        {"country", keys_country},   {"regime", keys_regime},     {"source", keys_source},
        {"defaults", keys_defaults}, {"scenario", keys_scenario}, {"product", keys_product},
        {"change", keys_change},
    };
    if (object == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].name, object) == 0)
            return table[i].keys;
    return NULL;
}

/* ---- small helpers ---- */

char *xbr__ld_strdup(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c != NULL)
        memcpy(c, s, n);
    return c;
}

char *xbr__ld_resolve(const char *base, const char *rel)
{
    const char *slash = base != NULL ? strrchr(base, '/') : NULL;
    if (rel[0] == '/' || slash == NULL)
        return xbr__ld_strdup(rel);
    size_t dir = (size_t)(slash - base) + 1, n = strlen(rel);
    char *p = malloc(dir + n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, base, dir);
    memcpy(p + dir, rel, n + 1);
    return p;
}

const char *xbr__ld_node_type_name(int v)
{
    return xbr_node_type_name((xbr_node_type_t)v);
}
const char *xbr__ld_mode_name(int v)
{
    return xbr_mode_name((xbr_mode_t)v);
}
const char *xbr__ld_passage_name(int v)
{
    return xbr_passage_name((xbr_passage_t)v);
}
const char *xbr__ld_regime_name(int v)
{
    return xbr_regime_name((xbr_regime_t)v);
}

/* ---- reading files ---- */

static xbr_status_t io_error(xbr_diags_t *diags, const char *path, const char *why,
                             const char *ref_file, int ref_line, int ref_col)
{
    char what[512];
    snprintf(what, sizeof what, "cannot read file \"%s\": %s", path, why);
    if (ref_file != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, ref_file, ref_line, ref_col, NULL, NULL, what,
                      "a readable JSON file (paths are relative to the file that names them)");
    else
        xbr_diags_add(diags, XBR_SEV_ERROR, path, 0, 0, NULL, NULL, what, "a readable JSON file");
    return XBR_EIO;
}

xbr_status_t xbr__ld_read_file(const char *path, char **buf, size_t *len, xbr_diags_t *diags,
                               const char *ref_file, int ref_line, int ref_col)
{
    struct stat sb;
    char why[256];
    FILE *f = NULL;
    char *b = NULL;
    size_t n = 0, cap = 0;
    xbr_status_t st = XBR_OK;

    *buf = NULL;
    *len = 0;
    if (stat(path, &sb) != 0) {
        if (strerror_r(errno, why, sizeof why) != 0)
            snprintf(why, sizeof why, "error %d", errno);
        return io_error(diags, path, why, ref_file, ref_line, ref_col);
    }
    if (S_ISDIR(sb.st_mode))
        return io_error(diags, path, "it is a directory", ref_file, ref_line, ref_col);
    if (S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > XBR_LOAD_MAX_BYTES)
        goto too_big;
    f = fopen(path, "rb");
    if (f == NULL) {
        if (strerror_r(errno, why, sizeof why) != 0)
            snprintf(why, sizeof why, "error %d", errno);
        return io_error(diags, path, why, ref_file, ref_line, ref_col);
    }
    cap = S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 65536;
    for (;;) {
        if (n + 1 >= cap || b == NULL) {
            size_t ncap = b == NULL ? cap : cap * 2;
            if (ncap > XBR_LOAD_MAX_BYTES + 2)
                ncap = XBR_LOAD_MAX_BYTES + 2;
            char *nb = realloc(b, ncap);
            if (nb == NULL) {
                st = XBR_ENOMEM;
                goto out;
            }
            b = nb;
            cap = ncap;
        }
        size_t got = fread(b + n, 1, cap - 1 - n, f);
        n += got;
        if (n > XBR_LOAD_MAX_BYTES) {
            fclose(f);
            f = NULL;
            goto too_big;
        }
        if (got == 0) {
            if (ferror(f)) {
                if (strerror_r(errno, why, sizeof why) != 0)
                    snprintf(why, sizeof why, "read error");
                st = io_error(diags, path, why, ref_file, ref_line, ref_col);
                goto out;
            }
            break;
        }
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    b = NULL;
out:
    if (f != NULL)
        fclose(f);
    free(b);
    return st;
too_big:
    free(b);
    snprintf(why, sizeof why, "file \"%s\" is larger than 256 MiB", path);
    xbr_diags_add(diags, XBR_SEV_ERROR, ref_file ? ref_file : path, ref_file ? ref_line : 0,
                  ref_file ? ref_col : 0, NULL, NULL, why, "a file of at most 256 MiB");
    return XBR_EINPUT;
}

/* ---- documents ---- */

/*
 * The parse tree lives in an arena. cJSON allocates every item and every key string with
 * malloc; on a 200,000-link network that is millions of small blocks, and malloc and the page
 * faults behind it were most of the load time. cJSON only lets a program replace malloc and
 * free process-wide (cJSON_InitHooks), so the hooks are installed once and are constant; they
 * allocate from the arena that the calling thread has made current for the duration of one
 * parse (a thread-local pointer, so parallel loads in threads stay independent) and fall back
 * to malloc/free otherwise, leaving every other use of cJSON in the process unchanged. The
 * tree is released by dropping the arena; cJSON_Delete is never called on it.
 */
struct xbr__arena {
    struct xbr_arena_chunk *chunks;
    size_t used;  /* bytes used in the first chunk */
    size_t avail; /* bytes in the first chunk */
    int failed;
};

struct xbr_arena_chunk {
    struct xbr_arena_chunk *next;
    max_align_t data[];
};

static _Thread_local struct xbr__arena *current_arena;
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static void *arena_alloc(struct xbr__arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (a->chunks == NULL || a->used + n > a->avail) {
        size_t size = a->avail ? a->avail * 2 : 64 * 1024;
        if (size > 16u * 1024 * 1024)
            size = 16u * 1024 * 1024;
        if (size < n)
            size = n;
        struct xbr_arena_chunk *c = malloc(sizeof *c + size);
        if (c == NULL) {
            a->failed = 1;
            return NULL;
        }
        c->next = a->chunks;
        a->chunks = c;
        a->used = 0;
        a->avail = size;
    }
    void *p = (char *)a->chunks->data + a->used;
    a->used += n;
    return p;
}

static void arena_free_all(struct xbr__arena *a)
{
    if (a == NULL)
        return;
    while (a->chunks != NULL) {
        struct xbr_arena_chunk *next = a->chunks->next;
        free(a->chunks);
        a->chunks = next;
    }
    free(a);
}

static void *hook_malloc(size_t n)
{
    return current_arena != NULL ? arena_alloc(current_arena, n) : malloc(n);
}

static void hook_free(void *p)
{
    if (current_arena == NULL)
        free(p);
    /* else: the block belongs to the arena and goes when the arena goes */
}

static void install_hooks(void)
{
    cJSON_Hooks hooks = {hook_malloc, hook_free};
    cJSON_InitHooks(&hooks);
}

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

static void offset_linecol(xbr__ldoc_t *doc, size_t off, int *line, int *col)
{
    if (doc->line_starts == NULL && !doc->nomem) {
        size_t n = 1;
        for (size_t i = 0; i < doc->len; i++)
            n += doc->text[i] == '\n';
        doc->line_starts = malloc(n * sizeof *doc->line_starts);
        if (doc->line_starts == NULL) {
            doc->nomem = 1;
        } else {
            size_t k = 0;
            doc->line_starts[k++] = 0;
            for (size_t i = 0; i < doc->len; i++)
                if (doc->text[i] == '\n')
                    doc->line_starts[k++] = i + 1;
            doc->n_lines = n;
        }
    }
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

void xbr__ld_pos(xbr__ldoc_t *doc, const cJSON *item, int at_key, int *line, int *col)
{
    *line = *col = 0;
    size_t k = loc_index(doc, item);
    if (k == SIZE_MAX || k >= doc->locs.count)
        return;
    offset_linecol(doc, at_key ? doc->locs.items[k].key : doc->locs.items[k].val, line, col);
}

void xbr__ld_diag(xbr__ldoc_t *doc, xbr_severity_t sev, const cJSON *item, int at_key,
                  const char *object_id, const char *field, const char *expected, const char *what,
                  ...)
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
        if (xbr_diags_add(doc->diags, sev, doc->file, 0, 0, NULL, NULL, "(over the cap)", NULL) !=
            XBR_OK)
            doc->nomem = 1;
        return;
    }
    va_start(ap, what);
    vsnprintf(msg, sizeof msg, what, ap);
    va_end(ap);
    if (item != NULL)
        xbr__ld_pos(doc, item, at_key, &line, &col);
    if (xbr_diags_add(doc->diags, sev, doc->file, line, col, object_id, field, msg, expected) !=
        XBR_OK)
        doc->nomem = 1;
}

static void syntax_diag(xbr__ldoc_t *doc, const xbr__json_error_t *e)
{
    doc->n_errors++;
    if (xbr_diags_add(doc->diags, XBR_SEV_ERROR, doc->file, e->line, e->col, NULL, NULL, e->msg,
                      "valid JSON (RFC 8259)") != XBR_OK)
        doc->nomem = 1;
}

static xbr_status_t doc_open(xbr__ldoc_t *doc, const char *name, const char *text, size_t len,
                             xbr_diags_t *diags, char *owned)
{
    xbr__json_error_t err;

    memset(doc, 0, sizeof *doc);
    doc->buf = owned;
    doc->diags = diags;
    doc->text = text;
    doc->len = len;
    doc->file = xbr__ld_strdup(name != NULL ? name : "<input>");
    if (doc->file == NULL)
        return XBR_ENOMEM;
    if (len > XBR_LOAD_MAX_BYTES) {
        xbr__ld_diag(doc, XBR_SEV_ERROR, NULL, 0, NULL, NULL, "a file of at most 256 MiB",
                     "input larger than 256 MiB");
        return XBR_EINPUT;
    }
    int rc = xbr__json_scan(text, len, XBR_LOAD_MAX_DEPTH, &doc->locs, &err);
    if (rc == XBR_JSON_ENOMEM)
        return XBR_ENOMEM;
    if (rc != XBR_JSON_OK) {
        syntax_diag(doc, &err);
        return doc->nomem ? XBR_ENOMEM : XBR_EINPUT;
    }
    const char *end = NULL;
    pthread_once(&hooks_once, install_hooks);
    doc->arena = calloc(1, sizeof *doc->arena);
    if (doc->arena == NULL)
        return XBR_ENOMEM;
    current_arena = doc->arena;
    doc->root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    current_arena = NULL;
    if (doc->root == NULL) {
        /* The text is valid JSON, so cJSON failed on a limit of its own (it reads at most
         * 63 characters of a number) or ran out of memory. */
        memset(&err, 0, sizeof err);
        size_t off = end != NULL && end >= text && end <= text + len ? (size_t)(end - text) : 0;
        xbr__json_linecol(text, len, off, &err.line, &err.col);
        snprintf(err.msg, sizeof err.msg,
                 "the JSON parser could not read this value (a number longer than 63 "
                 "characters, or out of memory)");
        syntax_diag(doc, &err);
        return XBR_EINPUT;
    }
    /* Recursion depth is bounded: the scanner rejected nesting deeper than 512. */
    doc->positions_built = number_items(doc->root, 0) == doc->locs.count;
    return XBR_OK;
}

xbr_status_t xbr__ldoc_open(xbr__ldoc_t *doc, const char *name, const char *text, size_t len,
                            xbr_diags_t *diags)
{
    return doc_open(doc, name, text, len, diags, NULL);
}

xbr_status_t xbr__ldoc_load(xbr__ldoc_t *doc, const char *path, xbr_diags_t *diags,
                            const char *ref_file, int ref_line, int ref_col)
{
    char *buf = NULL;
    size_t len = 0;
    memset(doc, 0, sizeof *doc);
    doc->diags = diags;
    xbr_status_t st = xbr__ld_read_file(path, &buf, &len, diags, ref_file, ref_line, ref_col);
    if (st != XBR_OK) {
        doc->n_errors++;
        return st;
    }
    return doc_open(doc, path, buf, len, diags, buf);
}

void xbr__ldoc_close(xbr__ldoc_t *doc)
{
    if (doc == NULL)
        return;
    arena_free_all(doc->arena); /* the whole tree */
    doc->arena = NULL;
    doc->root = NULL;
    xbr__json_locs_free(&doc->locs);
    free(doc->line_starts);
    free(doc->buf);
    free(doc->file);
    memset(doc, 0, sizeof *doc);
}

/* ---- messages ---- */

const char *xbr__ld_type_name(const cJSON *item)
{
    if (item == NULL)
        return "nothing";
    if (cJSON_IsString(item))
        return "a string";
    if (cJSON_IsNumber(item))
        return "a number";
    if (cJSON_IsBool(item))
        return "a boolean";
    if (cJSON_IsNull(item))
        return "null";
    if (cJSON_IsArray(item))
        return "an array";
    if (cJSON_IsObject(item))
        return "an object";
    return "an invalid value";
}

void xbr__ld_number_text(const xbr__ldoc_t *doc, const cJSON *item, char *buf, size_t size)
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

const char *xbr__ld_field(const xbr__ldobj_t *o, const char *key, char *buf, size_t size)
{
    if (o->prefix == NULL)
        snprintf(buf, size, "%s", key);
    else
        snprintf(buf, size, "%s.%s", o->prefix, key);
    return buf;
}

static void join_list(const char *const *list, char *buf, size_t size, const char *head)
{
    size_t n = (size_t)snprintf(buf, size, "%s", head);
    for (size_t i = 0; list[i] != NULL && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", list[i]);
}

void xbr__ld_check_keys(const xbr__ldobj_t *o, const char *kind)
{
    const char *const *keys = xbr_format_keys(kind);
    const cJSON *m;
    char exp[600];
    if (keys == NULL || !cJSON_IsObject(o->obj))
        return;
    cJSON_ArrayForEach(m, o->obj)
    {
        int known = 0;
        for (size_t i = 0; keys[i] != NULL && !known; i++)
            known = strcmp(keys[i], m->string) == 0;
        if (known)
            continue;
        const char *s = xbr_suggest(m->string, keys);
        if (s != NULL)
            snprintf(exp, sizeof exp, "did you mean \"%s\"?", s);
        else
            join_list(keys, exp, sizeof exp, "ignored; known keys: ");
        xbr__ld_diag(o->doc, XBR_SEV_WARNING, m, 1, o->oid, o->prefix, exp, "unknown key \"%.80s\"",
                     m->string);
    }
}

bool xbr__ld_is_object(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field)
{
    if (cJSON_IsObject(item))
        return true;
    xbr__ld_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, "an object", "wrong type: %s",
                 xbr__ld_type_name(item));
    return false;
}

static void missing(const xbr__ldobj_t *o, const char *key, const char *expected)
{
    char field[160];
    xbr__ld_diag(o->doc, XBR_SEV_ERROR, o->obj, 0, o->oid,
                 xbr__ld_field(o, key, field, sizeof field), expected, "missing required field");
}

int xbr__ld_get_str(const xbr__ldobj_t *o, const char *key, bool required, char **out)
{
    char field[160];
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o->obj, key);
    if (it == NULL) {
        if (required)
            missing(o, key, "a string");
        return required ? -1 : 0;
    }
    if (!cJSON_IsString(it) || it->valuestring == NULL) {
        xbr__ld_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid,
                     xbr__ld_field(o, key, field, sizeof field), "a string", "wrong type: %s",
                     xbr__ld_type_name(it));
        return -1;
    }
    if (out != NULL) {
        free(*out);
        *out = xbr__ld_strdup(it->valuestring);
        if (*out == NULL) {
            o->doc->nomem = 1;
            return -1;
        }
    }
    return 1;
}

static void range_text(xbr__ldrange_t r, char *buf, size_t size)
{
    if (isinf(r.hi)) {
        snprintf(buf, size, "a finite number %s %g", r.flags & XBR_LD_LO_OPEN ? ">" : ">=", r.lo);
        return;
    }
    snprintf(buf, size, "a number %s %g and %s %g", r.flags & XBR_LD_LO_OPEN ? ">" : ">=", r.lo,
             r.flags & XBR_LD_HI_OPEN ? "<" : "<=", r.hi);
}

int xbr__ld_check_num(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field,
                      xbr__ldrange_t r, double *out)
{
    char exp[96], txt[48];
    if (cJSON_IsNumber(item) && isfinite(item->valuedouble)) {
        /* The happy path formats nothing: the texts are only for diagnostics. */
        double v = item->valuedouble;
        int low = (r.flags & XBR_LD_LO_OPEN) ? v <= r.lo : v < r.lo;
        int high = (r.flags & XBR_LD_HI_OPEN) ? v >= r.hi : v > r.hi;
        if (!low && !high) {
            *out = v;
            return 1;
        }
    }
    range_text(r, exp, sizeof exp);
    if (!cJSON_IsNumber(item)) {
        xbr__ld_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp, "wrong type: %s",
                     xbr__ld_type_name(item));
        return -1;
    }
    double v = item->valuedouble;
    xbr__ld_number_text(doc, item, txt, sizeof txt);
    if (!isfinite(v)) {
        xbr__ld_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp,
                     "number %s is not finite (too large for a double)", txt);
        return -1;
    }
    int low = (r.flags & XBR_LD_LO_OPEN) ? v <= r.lo : v < r.lo;
    int high = (r.flags & XBR_LD_HI_OPEN) ? v >= r.hi : v > r.hi;
    if (low && r.lo == 0.0 && v < 0.0) {
        xbr__ld_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp, "negative number %s", txt);
        return -1;
    }
    if (low || high) {
        xbr__ld_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp, "number %s out of range", txt);
        return -1;
    }
    *out = v;
    return 1;
}

int xbr__ld_get_num(const xbr__ldobj_t *o, const char *key, bool required, xbr__ldrange_t range,
                    double *out)
{
    char field[160];
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o->obj, key);
    if (it == NULL) {
        if (required) {
            char exp[96];
            range_text(range, exp, sizeof exp);
            missing(o, key, exp);
        }
        return required ? -1 : 0;
    }
    return xbr__ld_check_num(o->doc, it, o->oid, xbr__ld_field(o, key, field, sizeof field), range,
                             out);
}

/* Writes "one of a, b, c" for an enumeration into exp; only needed for a diagnostic. */
static void enum_expected(const char *(*name)(int), int count, char *exp, size_t size)
{
    size_t n = (size_t)snprintf(exp, size, "one of ");
    for (int i = 0; i < count && n < size; i++)
        n += (size_t)snprintf(exp + n, size - n, "%s%s", i ? ", " : "", name(i));
}

int xbr__ld_get_enum(const xbr__ldobj_t *o, const char *key, bool required, const char *what,
                     int (*parse)(const char *), const char *(*name)(int), int count, int *out)
{
    char field[160], exp[400];
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o->obj, key);
    if (it == NULL) {
        if (required) {
            enum_expected(name, count, exp, sizeof exp);
            missing(o, key, exp);
        }
        return required ? -1 : 0;
    }
    int v = cJSON_IsString(it) && it->valuestring != NULL ? parse(it->valuestring) : -1;
    if (v >= 0) {
        *out = v;
        return 1;
    }
    enum_expected(name, count, exp, sizeof exp);
    xbr__ld_field(o, key, field, sizeof field);
    if (!cJSON_IsString(it) || it->valuestring == NULL) {
        xbr__ld_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid, field, exp, "wrong type: %s",
                     xbr__ld_type_name(it));
        return -1;
    }
    xbr__ld_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid, field, exp, "unknown %s \"%.64s\"", what,
                 it->valuestring);
    return -1;
}

static int parse_status(const char *s)
{
    return strcmp(s, "open") == 0 ? 0 : strcmp(s, "closed") == 0 ? 1 : -1;
}

static const char *status_name(int v)
{
    return v ? "closed" : "open";
}

int xbr__ld_get_status(const xbr__ldobj_t *o, bool *closed)
{
    int v = 0;
    int rc = xbr__ld_get_enum(o, "status", false, "status", parse_status, status_name, 2, &v);
    if (rc == 1)
        *closed = v == 1;
    return rc;
}

void xbr__ld_check_source_refs(const xbr__ldobj_t *o, const xbr__strmap_t *ids,
                               const xbr__strmap_t *ids2)
{
    char field[160];
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o->obj, "source");
    const cJSON *e;
    if (it == NULL)
        return;
    xbr__ld_field(o, "source", field, sizeof field);
    if (cJSON_IsString(it)) {
        e = it;
        goto one;
    }
    if (!cJSON_IsArray(it)) {
        xbr__ld_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid, field,
                     "a source id or an array of source ids", "wrong type: %s",
                     xbr__ld_type_name(it));
        return;
    }
    cJSON_ArrayForEach(e, it)
    {
        if (!cJSON_IsString(e)) {
            xbr__ld_diag(o->doc, XBR_SEV_ERROR, e, 0, o->oid, field, "a source id (string)",
                         "wrong type: %s", xbr__ld_type_name(e));
            continue;
        }
    one:
        if ((ids == NULL || xbr__strmap_get(ids, e->valuestring) < 0) &&
            (ids2 == NULL || xbr__strmap_get(ids2, e->valuestring) < 0))
            xbr__ld_diag(o->doc, XBR_SEV_ERROR, e, 0, o->oid, field,
                         "the id of an entry of \"sources\"", "unknown source \"%.64s\"",
                         e->valuestring);
        if (e == it)
            return;
    }
}

xbr_file_kind_t xbr__ld_doc_kind(const cJSON *root)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!cJSON_IsObject(root))
        return XBR_FILE_UNKNOWN;
    if (cJSON_IsString(f)) {
        if (strcmp(f->valuestring, "xbroute.network/1") == 0)
            return XBR_FILE_NETWORK;
        if (strcmp(f->valuestring, "xbroute.scenario/1") == 0)
            return XBR_FILE_SCENARIO;
        return XBR_FILE_UNKNOWN;
    }
    if (cJSON_GetObjectItemCaseSensitive(root, "nodes") != NULL)
        return XBR_FILE_NETWORK;
    if (cJSON_GetObjectItemCaseSensitive(root, "network") != NULL ||
        cJSON_GetObjectItemCaseSensitive(root, "extends") != NULL)
        return XBR_FILE_SCENARIO;
    return XBR_FILE_UNKNOWN;
}

/* Skips the JSON string starting at text[i] == '"'; returns the index after its closing quote. */
static size_t skip_string(const char *t, size_t len, size_t i)
{
    for (i++; i < len && t[i] != '"'; i++)
        if (t[i] == '\\')
            i++;
    return i + 1;
}

static size_t skip_ws_at(const char *t, size_t len, size_t i)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
        i++;
    return i;
}

/* Skips the valid JSON value starting at text[i]; returns the index just after it. */
static size_t skip_value(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return len;
    if (t[i] == '"')
        return skip_string(t, len, i);
    if (t[i] == '{' || t[i] == '[') {
        int depth = 0;
        while (i < len) {
            if (t[i] == '"') {
                i = skip_string(t, len, i);
                continue;
            }
            if (t[i] == '{' || t[i] == '[')
                depth++;
            else if (t[i] == '}' || t[i] == ']')
                depth--;
            i++;
            if (depth == 0)
                return i;
        }
        return len;
    }
    while (i < len && strchr(",}] \t\n\r", t[i]) == NULL)
        i++;
    return i;
}

/*
 * Tells the kind of already-validated JSON text from its top-level keys, without building a
 * tree (a network of a million links is not parsed twice just to learn what it is). Same rules
 * as xbr__ld_doc_kind(); keys and the format value are compared as raw text, so an escaped
 * spelling is not recognised here and falls back to the full parse.
 */
static xbr_file_kind_t sniff_kind(const char *t, size_t len)
{
    size_t i = skip_ws_at(t, len, 0);
    int has_nodes = 0, has_scenario_key = 0;
    if (i >= len || t[i] != '{')
        return XBR_FILE_UNKNOWN;
    i = skip_ws_at(t, len, i + 1);
    while (i < len && t[i] == '"') {
        size_t k0 = i + 1, k1 = skip_string(t, len, i) - 1;
        size_t klen = k1 - k0;
        i = skip_ws_at(t, len, k1 + 1) + 1; /* past ':' */
        i = skip_ws_at(t, len, i);
        size_t v0 = i;
        i = skip_value(t, len, i);
        if (klen == 6 && memcmp(t + k0, "format", 6) == 0) {
            static const char net[] = "\"xbroute.network/1\"", scn[] = "\"xbroute.scenario/1\"";
            if (i - v0 == sizeof net - 1 && memcmp(t + v0, net, sizeof net - 1) == 0)
                return XBR_FILE_NETWORK;
            if (i - v0 == sizeof scn - 1 && memcmp(t + v0, scn, sizeof scn - 1) == 0)
                return XBR_FILE_SCENARIO;
            return XBR_FILE_UNKNOWN;
        }
        if (klen == 5 && memcmp(t + k0, "nodes", 5) == 0)
            has_nodes = 1;
        if ((klen == 7 && memcmp(t + k0, "network", 7) == 0) ||
            (klen == 7 && memcmp(t + k0, "extends", 7) == 0))
            has_scenario_key = 1;
        i = skip_ws_at(t, len, i);
        if (i < len && t[i] == ',')
            i = skip_ws_at(t, len, i + 1);
    }
    return has_nodes ? XBR_FILE_NETWORK : has_scenario_key ? XBR_FILE_SCENARIO : XBR_FILE_UNKNOWN;
}

xbr_file_kind_t xbr_file_kind(const char *path, xbr_diags_t *diags)
{
    xbr__ldoc_t doc;
    xbr_file_kind_t kind = XBR_FILE_UNKNOWN;
    char *buf = NULL;
    size_t len = 0;
    xbr__json_error_t err;

    /* Fast path: a valid file whose top-level keys tell its kind. */
    xbr_diags_t quiet;
    xbr_diags_init(&quiet);
    if (xbr__ld_read_file(path, &buf, &len, &quiet, NULL, 0, 0) == XBR_OK &&
        xbr__json_scan(buf, len, XBR_LOAD_MAX_DEPTH, NULL, &err) == XBR_JSON_OK)
        kind = sniff_kind(buf, len);
    free(buf);
    xbr_diags_destroy(&quiet);
    if (kind != XBR_FILE_UNKNOWN)
        return kind;

    /* Otherwise the full load says exactly what is wrong. */
    if (xbr__ldoc_load(&doc, path, diags, NULL, 0, 0) == XBR_OK) {
        kind = xbr__ld_doc_kind(doc.root);
        if (kind == XBR_FILE_UNKNOWN)
            xbr__ld_diag(&doc, XBR_SEV_ERROR, doc.root, 0, NULL, NULL,
                         "\"format\": \"xbroute.network/1\" or \"xbroute.scenario/1\", or a "
                         "\"nodes\" (network) or \"network\"/\"extends\" (scenario) key",
                         "neither a network nor a scenario file");
    }
    xbr__ldoc_close(&doc);
    return kind;
}
