/*
 * load/internal.h - the load layer's internals, grouped by module.
 *
 * The load layer owns reading the input formats (docs/formats.md): the strict JSON
 * scanner (json_scan.c), the trees of checked text (json_build.c), the memory of parse trees
 * (arena.c), documents with positions and diagnostics (document.c), typed getters (getters.c),
 * the accepted keys (keys.c), telling a network from a scenario (kind.c), the network loader
 * (network.c), the shipment fields of links, warehouses and scenarios (service.c), the scenario
 * loader (scenario.c) and a scenario's changes (changes.c). Its public half is xbroute/load.h.
 * Load files may include the base and model layers' headers (base/internal.h,
 * model/internal.h, xbroute/status.h, output.h, model.h) and cJSON; nothing above. cJSON never
 * leaves the layer: callers get model types.
 *
 * An xbr__ldoc_t is one parsed JSON document: its text, its cJSON tree, and a map from every
 * cJSON item to the byte offsets of its key and value (recorded by the strict scanner), so
 * every diagnostic names an exact line:col. The root's "nodes", "links", "products" and
 * "changes" arrays are not in the tree: they are streamed, one element's tree at a time
 * (xbr__ldoc_iter_t), so a load costs about its text and its model, not a tree of the whole
 * file (document.c). The loaders convert the tree to model types and close the document.
 */
#ifndef XBROUTE_LOAD_INTERNAL_H
#define XBROUTE_LOAD_INTERNAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/internal.h"
#include "xbroute/load.h"
#include "xbroute/output.h"

/* ---- json_scan.c: the strict scanner (prefix xbr__json_) ----
 *
 * A strict RFC 8259 JSON scanner.
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

/* Where one value sits: `val` is its first byte, `key` the opening quote of its member key
 * when it is an object member (else key == val). */
typedef struct {
    uint32_t key;
    uint32_t val;
} xbr__json_loc_t;

typedef struct {
    xbr__json_loc_t *items;
    size_t count;
    size_t capacity;
} xbr__json_locs_t;

typedef struct {
    size_t offset; /* byte offset of the problem */
    int line;      /* 1-based */
    int col;       /* 1-based, in code points */
    char msg[160];
} xbr__json_error_t;

enum { XBR_JSON_OK = 0, XBR_JSON_ESYNTAX = 1, XBR_JSON_ENOMEM = 2 };

/* The largest text the scanner accepts (offsets must fit in 32 bits). */
#define XBR_JSON_MAX_LEN ((size_t)UINT32_MAX)

/*
 * Checks `len` bytes of `text` (NUL bytes are just bytes: one inside the text is an error).
 * Nesting deeper than `max_depth` containers is an error. When `locs` is not NULL it is
 * filled with the location of every value (it must be zero-initialised or previously freed;
 * the caller frees it with xbr__json_locs_destroy, also after an error). Returns XBR_JSON_OK,
 * XBR_JSON_ESYNTAX with `err` filled (the first problem only), or XBR_JSON_ENOMEM.
 * Cost: O(len) time; memory O(values + key bytes).
 */
int xbr__json_scan(const char *text, size_t len, int max_depth, xbr__json_locs_t *locs,
                   xbr__json_error_t *err);

/* A member of a document's root object whose value is an array, as xbr__json_scan_root()
 * found it. */
typedef struct {
    size_t key;        /* its key's opening quote */
    size_t begin, end; /* its '[' and just past its ']' */
    size_t objects;    /* its elements that are objects */
    /* While every element is an object, where each starts (indexed 1; 4 bytes an element);
     * else, or without memory for them (no error: they are a shortcut), none (indexed -1). */
    uint32_t *starts;
    size_t n_starts;
    int indexed;
} xbr__json_array_t;

typedef struct {
    /* whether to record the member whose key is text[k0, k1) (quotes included) */
    bool (*wanted)(const char *text, size_t k0, size_t k1);
    xbr__json_array_t *items; /* in file order */
    size_t count, capacity;
} xbr__json_arrays_t;

/* xbr__json_scan() of a document, recording no locations but, into `arrays` (its `wanted` set,
 * the rest zero), each member of the root object that arrays->wanted() names and whose value is
 * an array: where it is, its elements that are objects, and where those start, found in the
 * same pass, so no later pass skips through the array to find them. Free the records with
 * xbr__json_arrays_destroy(), also after an error. */
int xbr__json_scan_root(const char *text, size_t len, int max_depth, xbr__json_arrays_t *arrays,
                        xbr__json_error_t *err);
void xbr__json_arrays_destroy(xbr__json_arrays_t *arrays);

/* Appends the location (key, val) to `locs`: XBR_JSON_OK or XBR_JSON_ENOMEM (locs unchanged). */
int xbr__json_locs_push(xbr__json_locs_t *locs, size_t key, size_t val);

/* The code point of the four hex digits at p into *out: 1, or 0 when one is not a hex digit. */
int xbr__json_hex4(const unsigned char *p, uint32_t *out);
/* Writes code point cp (at most U+10FFFF) as UTF-8 into out; returns its length (1 to 4). */
size_t xbr__json_utf8_encode(uint32_t cp, char out[4]);

/* Skipping over text that xbr__json_scan() accepted, without building anything: the index just
 * after the blanks from i on, after the string opening at t[i], after the value opening at t[i].
 * xbr__json_skip() also gives (either pointer may be NULL) the count of values of the value
 * (itself included: the items cJSON would build, give or take an empty container) and how many
 * of its elements (or members) are objects. O(bytes skipped), no memory. */
size_t xbr__json_skip_ws(const char *t, size_t len, size_t i);
size_t xbr__json_skip_string(const char *t, size_t len, size_t i);
size_t xbr__json_skip(const char *t, size_t len, size_t i, size_t *values, size_t *objects);

/* Frees the locations' memory and leaves them empty. */
void xbr__json_locs_destroy(xbr__json_locs_t *locs);

/* 1-based line and code-point column of byte `offset` (clamped to len). O(offset). */
void xbr__json_linecol(const char *text, size_t len, size_t offset, int *line, int *col);

/* ---- arena.c: the memory of parse trees (prefix xbr__arena_) ---- */

typedef struct xbr__arena xbr__arena_t;

/* A new, empty arena; NULL when out of memory. Free with xbr__arena_free() (NULL is fine),
 * which releases every tree parsed into it at once. */
xbr__arena_t *xbr__arena_new(void);
void xbr__arena_free(xbr__arena_t *a);
/* cJSON_ParseWithLengthOpts() of `len` bytes of `text` with every node of the tree allocated
 * in `a` (never cJSON_Delete the result). NULL when cJSON fails; *end then points near the
 * failure. */
cJSON *xbr__arena_parse(xbr__arena_t *a, const char *text, size_t len, const char **end);
/* Releases every tree of the arena at once, keeping its newest chunk for the next parse. */
void xbr__arena_reset(xbr__arena_t *a);
/* A zeroed item of `type` (cJSON_Array, ...) allocated in `a`; NULL when out of memory. */
cJSON *xbr__arena_item(xbr__arena_t *a, int type);
/* n bytes from `a` (aligned for any type), which live until the arena is reset or freed; NULL
 * (and the arena marked failed) when out of memory. */
void *xbr__arena_alloc(xbr__arena_t *a, size_t n);
/* A copy of string s in `a` (no malloc header: many small strings cost about their size), or
 * NULL when out of memory. */
char *xbr__arena_strdup(xbr__arena_t *a, const char *s);
/* Whether an allocation of the arena failed (then a NULL parse is out of memory, not the text). */
bool xbr__arena_failed(const xbr__arena_t *a);

/* ---- json_build.c: the tree of checked text in one pass (prefix xbr__json_) ---- */

/*
 * Builds the cJSON tree of the one value at text[begin, end), text that xbr__json_scan()
 * accepted (so valid JSON, nested at most XBR_LOAD_MAX_DEPTH deep), in one pass: every node
 * and string in arena `a`, and the location of every value appended to `locs` in pre-order,
 * the first one's key at `key_at` (== begin unless the value is a member). The tree is the one
 * cJSON 1.7.15 (cJSON_ParseWithLengthOpts) builds of that text: the same items, types, keys
 * and strings (unescaped alike), each number's valuedouble bit for bit what strtod gives of
 * the whole number, and cJSON's links (the first child's prev is the last); but each item's
 * valueint is the index of its location in `locs` (-1 past INT_MAX), which is how a document
 * finds its positions. Returns XBR_JSON_OK (*out the tree) or XBR_JSON_ENOMEM (the arena or
 * locs ran out; *out NULL, `locs` may hold some of the values). O(end - begin); recursion as
 * deep as the nesting.
 */
int xbr__json_build(xbr__arena_t *a, const char *text, size_t begin, size_t end, size_t key_at,
                    xbr__json_locs_t *locs, cJSON **out);

/* The member `key` of object `obj`, or NULL: cJSON_GetObjectItemCaseSensitive() without a
 * call to strcmp for every member whose first byte differs (getters.c). */
cJSON *xbr__ld_member(const cJSON *obj, const char *key);

/* ---- document.c: documents with positions and diagnostics (prefix xbr__ldoc_) ---- */

#define XBR_LOAD_MAX_BYTES ((size_t)256 * 1024 * 1024)
#define XBR_LOAD_MAX_DEPTH 512
/* The most JSON values the loader builds at once (the budget): the larger of this and the
 * file's size / XBR_LOAD_ELEMENT_BYTES_PER_VALUE, so the trees held at once (about 90 bytes a
 * value with their positions) stay within a few times the file's size. The root's tree (its
 * members but the streamed arrays) may take it all (a member that takes it over is refused,
 * exit 2); one element of a streamed array may hold what the root's tree left (an element
 * with more is refused, exit 2). */
#define XBR_LOAD_ELEMENT_MIN_VALUES ((size_t)65536)
#define XBR_LOAD_ELEMENT_BYTES_PER_VALUE 16
/* The most arrays of the root one document streams ("nodes", "links", "products", "changes"). */
#define XBR_LOAD_MAX_STREAMS 4

/* A member of the root whose array is streamed (document.c): read one element at a time,
 * never as a whole tree. In the tree it is an empty array (`item`); the iterators below read
 * its elements from the text. */
typedef struct {
    const cJSON *item;
    size_t begin, end; /* offsets of its '[' and just past its ']' */
    size_t objects;    /* its elements that are objects */
    bool empty;
    /* Where each element starts, found when the document was opened (indexed 1), kept when
     * every element is an object (4 bytes an element, a few percent of a network's file): the
     * passes jump from element to element, and find an element's end from the next one's
     * start, instead of skipping through the text. indexed -1: not kept (an element is not an
     * object, or there was no memory for it): the passes skip through the text. */
    uint32_t *starts;
    size_t n_starts;
    int indexed;
} xbr__ldoc_stream_t;

typedef struct {
    char *file;       /* name used in diagnostics (owned) */
    char *buf;        /* text read from a file (owned), or NULL */
    const char *text; /* the text (buf, or borrowed) */
    size_t len;
    cJSON *root;           /* the root: its members, streamed arrays left empty */
    xbr__arena_t *arena;   /* owns every node of the root's tree */
    xbr__json_locs_t locs; /* the root tree's values, then the current element's */
    size_t root_locs;      /* how many of locs are the root tree's */
    int positions_built;   /* item->valueint indexes locs (xbr__json_build) */
    uint32_t *line_starts; /* built on the first diagnostic */
    size_t n_lines;
    /* The last spot found (offset_linecol()): on line col_line (0-based), byte col_off is
     * column col (0: none yet). A later spot counts on from there, so the positions of a load,
     * asked in file order, cost one pass over the text, not an index of its lines or a pass
     * each (a long one-line file). */
    size_t col_line, col_off;
    int col;
    xbr__ldoc_stream_t streams[XBR_LOAD_MAX_STREAMS]; /* the root's streamed arrays */
    int n_streams;
    xbr__json_arrays_t arrays;   /* the arrays to stream as the scan found them (document.c) */
    xbr__arena_t *element_arena; /* the tree of the current element of a streamed array */
    size_t budget;               /* values built at once: see XBR_LOAD_ELEMENT_MIN_VALUES */
    size_t root_values;          /* values of the root's tree */
    int refused;                 /* an element was over the budget: streamed arrays end */
    xbr_diags_t *diags;
    size_t n_errors; /* errors reported through this document */
    int nomem;
    int json_input; /* the text opens as JSON: its lines may be quoted in diagnostics */
    int is_stdin;   /* read from standard input ("-" on the command line) */
} xbr__ldoc_t;

/*
 * Reading the elements of an array of a document, whether it is in the tree or streamed: a
 * streamed element's tree (and its positions) lives until the next call, so nothing of it may
 * be kept (copy what you need). Use:
 *     xbr__ldoc_iter_t it;
 *     const cJSON *e;
 *     xbr__ldoc_iter_init(&it, doc, arr);
 *     while (xbr__ldoc_iter_next(&it, true, &e) > 0) ...
 */
typedef struct {
    xbr__ldoc_t *doc;
    const cJSON *next;                /* arrays of the tree: the next element */
    const xbr__ldoc_stream_t *stream; /* streamed arrays, else NULL */
    size_t off;                       /* streamed: where the next element starts */
    size_t k;                         /* 1-based index of the current element */
    bool is_object;                   /* the current element is an object */
    const cJSON *cur;                 /* arrays of the tree: the current element */
    size_t at;                        /* streamed: where the current element starts */
} xbr__ldoc_iter_t;

/* Where an element is, to read it again after the iteration moved on (8 bytes, where its tree
 * would cost its size many times over): which member is meant depends on the array. */
typedef union {
    const cJSON *item; /* an element of an array of the tree */
    struct {
        uint32_t off, k; /* an element of a streamed array: its start and 1-based index */
    } at;
} xbr__ldoc_mark_t;

/* Starts reading array `arr` (anything else, or NULL, reads as an empty array). */
void xbr__ldoc_iter_init(xbr__ldoc_iter_t *it, xbr__ldoc_t *doc, const cJSON *arr);
/* Moves to the next element: 1 when there is one (*out is its tree; NULL for a streamed
 * element when `build` is false, which then costs at most a skip over its text, and is_object
 * still says what it is), 0 at the end, -1 on failure: out of memory (doc->nomem) or an element
 * over the budget (diagnosed at the element; every streamed array of the document ends there). */
int xbr__ldoc_iter_next(xbr__ldoc_iter_t *it, bool build, const cJSON **out);
/* The mark of the iterator's current element (after xbr__ldoc_iter_next() returned 1). */
xbr__ldoc_mark_t xbr__ldoc_iter_mark(const xbr__ldoc_iter_t *it);
/* The 1-based index in array `arr` of the element marked `m`. */
size_t xbr__ldoc_mark_index(const xbr__ldoc_t *doc, const cJSON *arr, xbr__ldoc_mark_t m);
/* Builds again the element of array `arr` marked `m` (*out: its tree, which, for a streamed
 * array, lives until the document's next element is read). Returns as xbr__ldoc_iter_next(). */
int xbr__ldoc_reread(xbr__ldoc_t *doc, const cJSON *arr, xbr__ldoc_mark_t m, const cJSON **out);
/* Whether array `arr` has no element, and how many of its elements are objects. */
bool xbr__ldoc_array_empty(const xbr__ldoc_t *doc, const cJSON *arr);
size_t xbr__ldoc_array_objects(const xbr__ldoc_t *doc, const cJSON *arr);
/* The bytes of array `arr`'s text when it is streamed; SIZE_MAX for an array of the tree. */
size_t xbr__ldoc_array_bytes(const xbr__ldoc_t *doc, const cJSON *arr);

/* The name of standard input in diagnostics; files it names resolve from the working folder. */
#define XBR_LOAD_STDIN_NAME "<stdin>"

/*
 * Opens a document over `len` bytes of `text` (borrowed: it must outlive the document):
 * strict scan, then the root's tree with its positions. Returns XBR_OK, XBR_EINPUT (syntax;
 * diagnosed) or XBR_ENOMEM. Always release with xbr__ldoc_destroy(), also after an error.
 */
xbr_status_t xbr__ldoc_init(xbr__ldoc_t *doc, const char *name, const char *text, size_t len,
                            xbr_diags_t *diags);
/* Reads `path` and opens it; the document owns the text. A read error (missing file, a folder,
 * not a regular file, unreadable, over 256 MiB) is diagnosed at item `at` of `ref` (the place
 * that named the file) when `ref` is given, else at `path`, and counts as one of the
 * document's errors too. With no `ref`, "-" is standard input, named XBR_LOAD_STDIN_NAME (and
 * doc->is_stdin is set); a name written in a file never is. */
xbr_status_t xbr__ldoc_init_file(xbr__ldoc_t *doc, const char *path, xbr_diags_t *diags,
                                 xbr__ldoc_t *ref, const cJSON *at);
void xbr__ldoc_destroy(xbr__ldoc_t *doc);

/* Line and column of an item's value (at_key = 0) or of its member key (at_key = 1);
 * 0:0 when unknown. */
void xbr__ldoc_pos(xbr__ldoc_t *doc, const cJSON *item, int at_key, int *line, int *col);

/* Appends a diagnostic at `item` (NULL: the whole file), counting errors in doc->n_errors;
 * past the diags' cap it is only counted. `what` is printf-style. */
void xbr__ldoc_diag(xbr__ldoc_t *doc, xbr_severity_t sev, const cJSON *item, int at_key,
                    const char *object_id, const char *field, const char *expected,
                    const char *what, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Whether more errors were found than are shown (the diags' max_errors): then the rest of an
 * array of records is not read. A node, link or product read is kept, errors or not (a later
 * reference to it must not cascade), at 144, 272 or some 200 bytes: an array of millions of
 * two-byte "{}" would cost ~100x its text, for errors nobody is shown. */
bool xbr__ldoc_past_the_cap(const xbr__ldoc_t *doc);
/* Says, at element #k (`it`) of the array `name`, that it and the rest are not read. */
void xbr__ldoc_stop_reading(xbr__ldoc_t *doc, const char *name, const cJSON *it, size_t k);

/* True when the document's root is a JSON object; else reports "the top-level value is ..." at
 * the root and returns false. */
bool xbr__ldoc_root_is_object(xbr__ldoc_t *doc);

/* Copies the source text of a number item (as written) into buf. */
void xbr__ldoc_number_text(const xbr__ldoc_t *doc, const cJSON *item, char *buf, size_t size);

/* ---- getters.c: reading one value, with its diagnostics (prefix xbr__ld_) ----
 *
 * Getters read one member of an object, check its type and range, and on a problem append an
 * error naming file, line:col, object id and field; they return 1 (present and valid, *out
 * set), 0 (absent and optional; *out untouched) or -1 (reported). */

/* "a string", "an object", ... for messages. */
const char *xbr__ld_type_name(const cJSON *item);

/* An object being read: where it is and how to name it in messages. */
typedef struct {
    xbr__ldoc_t *doc;
    const cJSON *obj;
    const char *oid;    /* e.g. "node F_SZ", "link #3" */
    const char *prefix; /* field prefix ("cost") or NULL */
} xbr__ldobj_t;

/* Number range: lo <= v <= hi, with open ends by flag. */
typedef struct {
    double lo;
    double hi;
    unsigned flags;
} xbr__ldrange_t;
#define XBR_LD_LO_OPEN 1u
#define XBR_LD_HI_OPEN 2u

/* Every number an input gives is 0 or of a magnitude in [MIN, MAX] (an error otherwise, naming
 * it): what the program computes from such numbers stays finite (README "Reliability"). */
#define XBR_LD_MAX_MAGNITUDE 1e15
#define XBR_LD_MIN_MAGNITUDE 1e-12
extern const xbr__ldrange_t xbr__ld_nonneg;   /* [0, inf) */
extern const xbr__ldrange_t xbr__ld_positive; /* (0, inf) */

/* Full field name for messages: "prefix.key" or "key" (into buf). */
const char *xbr__ld_field(const xbr__ldobj_t *o, const char *key, char *buf, size_t size);

/* The n strings parts[], each cut at cut[k] bytes, one after another into buf (size bytes, always
 * NUL-terminated unless size is 0): what snprintf writes with a "%.*s" for each. */
void xbr__ld_join(char *buf, size_t size, size_t n, const char *const parts[], const size_t cut[]);
/* An object's name for messages: "KIND ID", the id cut at 64 bytes (as "%s %.64s"), into buf. */
void xbr__ld_oid(char *buf, size_t size, const char *kind, const char *id);

/* Warns about every member of o->obj not in xbr_format_keys(kind), with a suggestion. */
void xbr__ld_check_keys(const xbr__ldobj_t *o, const char *kind);

/* Checks that item is an object; reports and returns false if not. */
bool xbr__ld_is_object(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field);

/* Whether s is an id: 1 to 64 bytes, no space, no control character (C0, DEL, C1). */
bool xbr__ld_valid_id(const char *s);
int xbr__ld_get_str(const xbr__ldobj_t *o, const char *key, bool required, char **out);
int xbr__ld_get_num(const xbr__ldobj_t *o, const char *key, bool required, xbr__ldrange_t range,
                    double *out);
/* Checks a number item against a range (field names the item in messages). */
int xbr__ld_check_num(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field,
                      xbr__ldrange_t range, double *out);
/* Checks a date item: a string "YYYY-MM-DD" naming a real day, into *out. Returns true, or
 * reports (FILE:LINE:COL, oid, field) and returns false. */
bool xbr__ld_check_day(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field,
                       xbr_day_t *out);
/* Reads a tariff object `c` ("per_kg", "per_m3", "per_unit", "per_shipment", "min_charge", each
 * >= 0; field names prefixed with `prefix`, e.g. "cost") into *out: the fields it gives. */
void xbr__ld_rate(xbr__ldoc_t *doc, const cJSON *c, const char *oid, const char *prefix,
                  xbr_rate_t *out);
/* An enum given by name: `what` ("node type") names it in messages. */
int xbr__ld_get_enum(const xbr__ldobj_t *o, const char *key, bool required, const char *what,
                     int (*parse)(const char *), const char *(*name)(int), int count, int *out);
/* A link's "days" (a number or {min, mode, max}) into *out, reported when bad. */
void xbr__ld_days(xbr__ldoc_t *doc, const cJSON *d, const char *oid, xbr_days_t *out);
/* A link's shipment fields (service.c): "parcel" (a sea or rail parcel service) and
 * "review_days"; `mode` is the link's mode or -1. */
void xbr__ld_link_service(xbr__ldoc_t *doc, const cJSON *it, const char *oid, xbr_link_t *l,
                          int mode);
/* A node's "review_days" (warehouses only; `type` is the node's type or -1). */
void xbr__ld_node_service(xbr__ldoc_t *doc, const cJSON *it, const char *oid, xbr_node_t *nd,
                          int type);
/* A node's buyer fields (markets only): "buyer", "order_units", "platform_fee_pct",
 * "platform_fee_max_order" (service.c; xbr__ld_node_service() calls it). */
void xbr__ld_node_buyer(xbr__ldoc_t *doc, const cJSON *it, const char *oid, xbr_node_t *nd,
                        int type);
/* A scenario's "review_days_by_mode" object into out[] (by xbr_mode_t; 0 = not given;
 * XBR_REVIEW_ECONOMIC for "economic"). */
void xbr__ld_review_by_mode(xbr__ldoc_t *doc, const cJSON *v, double out[XBR_MODE_COUNT]);
/* A scenario's "economic_review" object {min_days, max_days, step_days} into sc. */
void xbr__ld_economic_review(xbr__ldoc_t *doc, const cJSON *v, xbr_scenario_t *sc);
/* status "open"/"closed" into *closed. */
int xbr__ld_get_status(const xbr__ldobj_t *o, bool *closed);
/* Checks `source` (an id or array of ids) against the known source ids (either map may be
 * NULL). */
void xbr__ld_check_source_refs(const xbr__ldobj_t *o, const xbr__strmap_t *ids,
                               const xbr__strmap_t *ids2);

/* Enum name callbacks for xbr__ld_get_enum. */
const char *xbr__ld_node_type_name(int v);
const char *xbr__ld_mode_name(int v);
const char *xbr__ld_passage_name(int v);

/* ---- kind.c: network or scenario (prefix xbr__file_kind_; xbr_file_kind is public) ---- */

/* Kind of an opened document from its root: XBR_FILE_NETWORK, _SCENARIO or _UNKNOWN. */
xbr_file_kind_t xbr__file_kind_root(const cJSON *root);

/* ---- network.c: the network loader, and the pieces changes.c shares (prefix xbr__ldnet_) */

/*
 * Ids known while building a network, for duplicate and reference checks. Keys are borrowed
 * from the network's own strings.
 */
typedef struct {
    xbr__strmap_t nodes;
    xbr__strmap_t links;
    xbr__strmap_t countries;
    xbr__strmap_t sources;
    const xbr__strmap_t *extra_sources; /* e.g. the scenario's own sources; may be NULL */
    const char *currency; /* the network's currency (borrowed), once known; may be NULL */
} xbr__ldnet_ids_t;

/* Fills the maps from what `net` already holds. Returns XBR_ENOMEM or XBR_OK. */
xbr_status_t xbr__ldnet_ids_init(xbr__ldnet_ids_t *ids, const xbr_network_t *net);
void xbr__ldnet_ids_destroy(xbr__ldnet_ids_t *ids);

/*
 * Appends the nodes of array `nodes` and then the links of array `links` (either may be NULL)
 * to `net`, with every check of the network format. Problems are reported on `doc`; objects
 * with errors are still appended when they have an id, so later references do not cascade.
 * Returns XBR_ENOMEM or XBR_OK (look at doc->n_errors for input errors). The caller
 * re-indexes the network when there were no errors.
 */
xbr_status_t xbr__ldnet_add_nodes_links(xbr__ldoc_t *doc, xbr_network_t *net, xbr__ldnet_ids_t *ids,
                                        const cJSON *nodes, const cJSON *links);
/* Warns about each sea link of the file's `links` array (element k is net->links[k]) whose stated
 * via differs from the passages its sea-lane path crosses. Call after xbr__network_index(). */
void xbr__ldnet_check_via(xbr__ldoc_t *doc, const cJSON *links, const xbr_network_t *net);

/*
 * Reads an array of sources (id, what, where, date; ids unique) and puts each id into `ids`.
 * When `net` is not NULL the sources are appended to net->sources and the map keys are the
 * network's strings; else the keys are borrowed from the document's tree.
 */
xbr_status_t xbr__ldnet_sources(xbr__ldoc_t *doc, const cJSON *arr, xbr_network_t *net,
                                xbr__strmap_t *ids);

/* Reads the country fields present in `obj` into `c` (replacing them), as in a network
 * file. Used by the network loader and by the set_country change. */
xbr_status_t xbr__ldnet_country_fields(xbr__ldoc_t *doc, const cJSON *obj, const char *oid,
                                       xbr_country_t *c, const xbr__ldnet_ids_t *ids);

/* ---- tariff.c: a country's tariff components and customs-value keys (docs/formats.md) */

/* Reads "customs_value", "insurance_pct", "clearance_fee_per_entry" and "tariff" (replacing the
 * components) present in `obj` into `c`; part of xbr__ldnet_country_fields(). */
void xbr__ldnet_tariff_fields(xbr__ldoc_t *doc, const cJSON *obj, const char *oid, xbr_country_t *c,
                              const xbr__ldnet_ids_t *ids);
/* Warns (with "did you mean") when product category `category` (at `item`) is named by no
 * country's duty_pct or tariff while some country names categories. */
void xbr__ld_check_category(xbr__ldoc_t *doc, const cJSON *item, const char *oid,
                            const xbr_network_t *net, const char *category);
/* ---- lastmile.c: last-mile rate cards and fulfilment fee tables (prefix xbr__ldlm_) ---- */

/* Reads the network's "last_mile" array and "fulfilment_fees" object (either may be absent)
 * into net->last_mile and net->fee_tables, with every check. XBR_ENOMEM or XBR_OK (input
 * errors are counted on doc). */
xbr_status_t xbr__ldlm_load(xbr__ldoc_t *doc, const cJSON *root, xbr_network_t *net,
                            const xbr__ldnet_ids_t *ids);
/* After the nodes and links of arrays `nodes` and `links` (either may be NULL) were appended
 * to `net` from indices node0 and link0 on (the network file, or a scenario's "add"): gives
 * each warehouse naming "fulfilment_fees" its table, and each last_mile link into a market
 * that states no "cost" its country's rate card and distance band (and the band's days when it
 * states none); a last_mile link with no "days" and no rate card is an error. XBR_OK or
 * XBR_ENOMEM. */
xbr_status_t xbr__ldlm_resolve(xbr__ldoc_t *doc, xbr_network_t *net, const cJSON *nodes,
                               const cJSON *links, size_t node0, size_t link0);

/* Converts an opened network document (root checked to be an object) into a network.
 * On success *out is new and indexed. */
xbr_status_t xbr__ldnet_from_doc(xbr__ldoc_t *doc, xbr_network_t **out);

/* ---- scenario.c: the scenario loader ---- */

/* xbr_scenario_load() of the file `path` whose document `doc` is already open (valid, a
 * scenario's root): takes the document over (*doc is left zeroed, to be destroyed as usual),
 * so a file is read once, as standard input must be. */
xbr_status_t xbr__scenario_from_doc(xbr__ldoc_t *doc, const char *path, xbr_scenario_t **out,
                                    xbr_diags_t *diags);

/* ---- changes.c: a scenario's changes (prefix xbr__changes_) ---- */

/* Applies the `changes` array of a scenario document to net, in order; a bad change is
 * reported on doc and skipped. Returns XBR_OK or XBR_ENOMEM. */
xbr_status_t xbr__changes_apply(xbr__ldoc_t *doc, const cJSON *changes, xbr_network_t *net,
                                const xbr__strmap_t *scenario_sources);
/* Applies the product ops of `changes` (set_product, set_demand, scale_demand) to the products
 * of sc, once they are read (sc->network set); the other ops are xbr__changes_apply()'s. A bad
 * change is reported on doc and skipped. XBR_OK or XBR_ENOMEM. */
xbr_status_t xbr__changes_apply_products(xbr__ldoc_t *doc, const cJSON *changes,
                                         xbr_scenario_t *sc);

/* ---- route_list.c: the routes of an xbroute.routes/1 document ---- */

/* Route i is links[start[i] .. start[i] + count[i] - 1] (link indices), of class cls[i] (NULL
 * when the document gave none). */
typedef struct {
    size_t n;
    size_t *start, *count;
    int *links;
    char **cls;
} xbr__route_list_t;

/* Reads the "pareto" and "alternatives" routes of `text` (len bytes, from `file`); every link id
 * must be a link of `net`. XBR_OK, XBR_EINPUT (with a diagnostic) or XBR_ENOMEM; on failure *out
 * is empty. Free with xbr__route_list_free(). */
xbr_status_t xbr__route_list_parse(const xbr_network_t *net, const char *file, const char *text,
                                   size_t len, xbr__route_list_t *out, xbr_diags_t *diags);
void xbr__route_list_free(xbr__route_list_t *l);

#endif
