/*
 * load_internal.h - what the network loader, the scenario loader and the changes share.
 *
 * An xbr_ldoc_t is one parsed JSON document: its text, its cJSON tree, and a map from every
 * cJSON item to the byte offsets of its key and value (recorded by the strict scanner), so
 * every diagnostic names an exact line:col. cJSON never leaves the loader: callers convert the
 * tree to model types and close the document.
 *
 * Getters read one member of an object, check its type and range, and on a problem append an
 * error naming file, line:col, object id and field; they return 1 (present and valid, *out
 * set), 0 (absent and optional; *out untouched) or -1 (reported).
 */
#ifndef XBROUTE_LOAD_INTERNAL_H
#define XBROUTE_LOAD_INTERNAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "json_strict.h"
#include "strmap.h"
#include "xbroute/load.h"

#define XBR_LOAD_MAX_BYTES ((size_t)256 * 1024 * 1024)
#define XBR_LOAD_MAX_DEPTH 512

typedef struct {
    char *file;       /* name used in diagnostics (owned) */
    char *buf;        /* text read from a file (owned), or NULL */
    const char *text; /* the text (buf, or borrowed) */
    size_t len;
    cJSON *root;
    struct xbr_arena *arena; /* owns every node of the tree (see load_common.c) */
    xbr_json_locs_t locs;
    int positions_built; /* item->valueint indexes locs (see number_items) */
    size_t *line_starts; /* built on the first diagnostic */
    size_t n_lines;
    xbr_diags_t *diags;
    size_t n_errors; /* errors reported through this document */
    int nomem;
} xbr_ldoc_t;

/*
 * Reads the whole file `path` into a new NUL-terminated buffer (*buf, caller frees).
 * Errors (missing file, a directory, unreadable, over 256 MiB) go to diags: when ref_file is
 * given the diagnostic is placed at ref_file:ref_line:ref_col (the place that named the file),
 * else at `path`. Returns XBR_OK, XBR_EIO, XBR_EINPUT (too large) or XBR_ENOMEM.
 */
xbr_status_t xbr_ld_read_file(const char *path, char **buf, size_t *len, xbr_diags_t *diags,
                              const char *ref_file, int ref_line, int ref_col);

/*
 * Opens a document over `len` bytes of `text` (borrowed: it must outlive the document):
 * strict scan, cJSON parse, position map. Returns XBR_OK, XBR_EINPUT (syntax; diagnosed) or
 * XBR_ENOMEM. Always close with xbr_ldoc_close(), also after an error.
 */
xbr_status_t xbr_ldoc_open(xbr_ldoc_t *doc, const char *name, const char *text, size_t len,
                           xbr_diags_t *diags);
/* Reads `path` and opens it; the document owns the text. ref_* as xbr_ld_read_file(). */
xbr_status_t xbr_ldoc_load(xbr_ldoc_t *doc, const char *path, xbr_diags_t *diags,
                           const char *ref_file, int ref_line, int ref_col);
void xbr_ldoc_close(xbr_ldoc_t *doc);

/* Line and column of an item's value (at_key = 0) or of its member key (at_key = 1);
 * 0:0 when unknown. */
void xbr_ld_pos(xbr_ldoc_t *doc, const cJSON *item, int at_key, int *line, int *col);

/* Appends a diagnostic at `item` (NULL: the whole file). `what` is printf-style. */
void xbr_ld_diag(xbr_ldoc_t *doc, xbr_severity_t sev, const cJSON *item, int at_key,
                 const char *object_id, const char *field, const char *expected, const char *what,
                 ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* "a string", "an object", ... for messages. */
const char *xbr_ld_type_name(const cJSON *item);

/* Copies the source text of a number item (as written) into buf. */
void xbr_ld_number_text(const xbr_ldoc_t *doc, const cJSON *item, char *buf, size_t size);

/* The closest candidate to `word` (Damerau-Levenshtein, or a shared prefix of 3+), or NULL. */
const char *xbr_ld_suggest(const char *word, const char *const *candidates);

/* An object being read: where it is and how to name it in messages. */
typedef struct {
    xbr_ldoc_t *doc;
    const cJSON *obj;
    const char *oid;    /* e.g. "node F_SZ", "link #3" */
    const char *prefix; /* field prefix ("cost") or NULL */
} xbr_ldobj_t;

/* Number range: lo <= v <= hi, with open ends by flag. */
typedef struct {
    double lo;
    double hi;
    unsigned flags;
} xbr_ldrange_t;
#define XBR_LD_LO_OPEN 1u
#define XBR_LD_HI_OPEN 2u

extern const xbr_ldrange_t xbr_ld_nonneg;   /* [0, inf) */
extern const xbr_ldrange_t xbr_ld_positive; /* (0, inf) */

/* Full field name for messages: "prefix.key" or "key" (into buf). */
const char *xbr_ld_field(const xbr_ldobj_t *o, const char *key, char *buf, size_t size);

/* Warns about every member of o->obj not in xbr_format_keys(kind), with a suggestion. */
void xbr_ld_check_keys(const xbr_ldobj_t *o, const char *kind);

/* Checks that item is an object; reports and returns false if not. */
bool xbr_ld_is_object(xbr_ldoc_t *doc, const cJSON *item, const char *oid, const char *field);

int xbr_ld_get_str(const xbr_ldobj_t *o, const char *key, bool required, char **out);
int xbr_ld_get_num(const xbr_ldobj_t *o, const char *key, bool required, xbr_ldrange_t range,
                   double *out);
/* Checks a number item against a range (field names the item in messages). */
int xbr_ld_check_num(xbr_ldoc_t *doc, const cJSON *item, const char *oid, const char *field,
                     xbr_ldrange_t range, double *out);
/* An enum given by name: `what` ("node type") names it in messages. */
int xbr_ld_get_enum(const xbr_ldobj_t *o, const char *key, bool required, const char *what,
                    int (*parse)(const char *), const char *(*name)(int), int count, int *out);
/* status "open"/"closed" into *closed. */
int xbr_ld_get_status(const xbr_ldobj_t *o, bool *closed);
/* Checks `source` (an id or array of ids) against the known source ids (either map may be
 * NULL). */
void xbr_ld_check_source_refs(const xbr_ldobj_t *o, const xbr_strmap_t *ids,
                              const xbr_strmap_t *ids2);

/* Enum name callbacks for xbr_ld_get_enum. */
const char *xbr_ld_node_type_name(int v);
const char *xbr_ld_mode_name(int v);
const char *xbr_ld_passage_name(int v);
const char *xbr_ld_regime_name(int v);

/* Duplicates a string; NULL when out of memory (and when s is NULL). */
char *xbr_ld_strdup(const char *s);

/* Builds "dir-of(base)/rel" (rel as is when absolute or base has no directory). */
char *xbr_ld_resolve(const char *base, const char *rel);

/* ---- network pieces shared by load_network.c and changes.c ---- */

/*
 * Ids known while building a network, for duplicate and reference checks. Keys are borrowed
 * from the network's own strings.
 */
typedef struct {
    xbr_strmap_t nodes;
    xbr_strmap_t links;
    xbr_strmap_t countries;
    xbr_strmap_t sources;
    const xbr_strmap_t *extra_sources; /* e.g. the scenario's own sources; may be NULL */
} xbr_ldids_t;

/* Fills the maps from what `net` already holds. Returns XBR_ENOMEM or XBR_OK. */
xbr_status_t xbr_ldids_init(xbr_ldids_t *ids, const xbr_network_t *net);
void xbr_ldids_destroy(xbr_ldids_t *ids);

/*
 * Appends the nodes of array `nodes` and then the links of array `links` (either may be NULL)
 * to `net`, with every check of the network format. Problems are reported on `doc`; objects
 * with errors are still appended when they have an id, so later references do not cascade.
 * Returns XBR_ENOMEM or XBR_OK (look at doc->n_errors for input errors). The caller
 * re-indexes the network when there were no errors.
 */
xbr_status_t xbr_ld_add_nodes_links(xbr_ldoc_t *doc, xbr_network_t *net, xbr_ldids_t *ids,
                                    const cJSON *nodes, const cJSON *links);

/*
 * Reads an array of sources (id, what, where, date; ids unique) and puts each id into `ids`.
 * When `net` is not NULL the sources are appended to net->sources and the map keys are the
 * network's strings; else the keys are borrowed from the document's tree.
 */
xbr_status_t xbr_ld_sources(xbr_ldoc_t *doc, const cJSON *arr, xbr_network_t *net,
                            xbr_strmap_t *ids);

/* Reads the country fields present in `obj` into `c` (replacing them), as in a network
 * file. Used by the network loader and by the set_country change. */
xbr_status_t xbr_ld_country_fields(xbr_ldoc_t *doc, const cJSON *obj, const char *oid,
                                   xbr_country_t *c, const xbr_ldids_t *ids);

/* Converts an opened network document (root checked to be an object) into a network.
 * On success *out is new and indexed. */
xbr_status_t xbr_ld_network_from_doc(xbr_ldoc_t *doc, xbr_network_t **out);

/* Applies the `changes` array of a scenario document to net (changes.c). Errors go to doc. */
xbr_status_t xbr_ld_apply_changes(xbr_ldoc_t *doc, const cJSON *changes, xbr_network_t *net,
                                  const xbr_strmap_t *scenario_sources);

/* Kind of an opened document from its root: XBR_FILE_NETWORK, _SCENARIO or _UNKNOWN. */
xbr_file_kind_t xbr_ld_doc_kind(const cJSON *root);

#endif
