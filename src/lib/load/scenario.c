/*
 * load/scenario.c - the scenario file loader (docs/formats.md, "Scenario file").
 *
 * A scenario is read as a chain of documents: the file itself, then the file its `extends`
 * names, and so on (cycles, A->A included, are errors; the chain is capped at 32 files). All
 * documents stay open while the scenario is built, so every diagnostic names the file and
 * line:col where the value was written. Merge rule: a key takes its value from the nearest
 * file that has it (child first), except `products` (by id: a child's product replaces its
 * parent's, new ids are appended), `changes` (the root ancestor's first, then down to the
 * child) and `sources` (concatenated). `network` and `extends` are resolved against the
 * directory of the file that wrote them.
 *
 * Products are checked against the network after the changes were applied, so a product may
 * ship to a market that an `add` created. max_days per product and market: the product's own
 * (its number, its entry for the market, its "default"), else the scenario's entry for the
 * market, else the scenario's "default" or number, else INFINITY.
 */
/* realpath() is XSI (POSIX.1-2008 with the X/Open extension), for cycle detection. */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"
#include "model/internal.h"

#define MAX_CHAIN 32

typedef struct {
    xbr__ldoc_t docs[MAX_CHAIN]; /* docs[0] is the file asked for, docs[i+1] what docs[i] extends */
    char *real[MAX_CHAIN];       /* canonical paths, for cycle detection */
    size_t n;
    int io_error;
} chain_t;

/* A promise: one number for all, per-node entries (NAN = none), or nothing. */
typedef struct {
    bool has_all;
    double all;
    double *per_node;
} promise_t;

static void chain_close(chain_t *c)
{
    for (size_t i = 0; i < c->n; i++) {
        xbr__ldoc_destroy(&c->docs[i]);
        free(c->real[i]);
    }
    c->n = 0;
}

static size_t chain_errors(const chain_t *c)
{
    size_t e = 0;
    for (size_t i = 0; i < c->n; i++)
        e += c->docs[i].n_errors;
    return e;
}

/* The nearest document (child first) whose root has `key`, or NULL. */
static const cJSON *nearest(chain_t *c, const char *key, xbr__ldoc_t **doc)
{
    for (size_t i = 0; i < c->n; i++) {
        const cJSON *v = xbr__ld_member(c->docs[i].root, key);
        if (v != NULL) {
            *doc = &c->docs[i];
            return v;
        }
    }
    *doc = NULL;
    return NULL;
}

/* Checks the root of a scenario document; true if it is one. */
static bool check_scenario_root(xbr__ldoc_t *doc)
{
    const cJSON *root = doc->root;
    if (!xbr__ldoc_root_is_object(doc))
        return false;
    const cJSON *f = xbr__ld_member(root, "format");
    if (f != NULL && !(cJSON_IsString(f) && strcmp(f->valuestring, "xbroute.scenario/1") == 0)) {
        if (cJSON_IsString(f) && strcmp(f->valuestring, "xbroute.network/1") == 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 0, NULL, "format",
                           "a scenario file (\"format\": \"xbroute.scenario/1\")",
                           "this is a network file, not a scenario file");
        else
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 0, NULL, "format", "\"xbroute.scenario/1\"",
                           "unknown format");
        return false;
    }
    xbr_file_kind_t kind = xbr__file_kind_root(root);
    if (kind == XBR_FILE_NETWORK) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, NULL,
                       "a scenario file (with \"network\" or \"extends\")",
                       "this is a network file, not a scenario file");
        return false;
    }
    if (kind == XBR_FILE_UNKNOWN) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, NULL,
                       "a scenario file (with \"network\" or \"extends\", \"name\", \"products\")",
                       "neither a network nor a scenario file");
        return false;
    }
    xbr__ldobj_t o = {doc, root, NULL, NULL};
    xbr__ld_check_keys(&o, "scenario");
    xbr__ld_get_str(&o, "name", true, NULL);
    xbr__ld_get_str(&o, "description", false, NULL);
    return true;
}

/* Starts the chain `c` (zeroed) with the document `first` of the file `path`, taking it
 * over (*first is left zeroed). */
static void chain_start(chain_t *c, xbr__ldoc_t *first, const char *path)
{
    c->docs[0] = *first;
    memset(first, 0, sizeof *first);
    c->real[0] = c->docs[0].is_stdin ? NULL : realpath(path, NULL);
    c->n = 1;
}

/* Loads every file the chain's last document extends. Returns XBR_OK or a fatal status. */
static xbr_status_t chain_follow(chain_t *c, xbr_diags_t *diags)
{
    xbr_status_t st;
    for (;;) {
        xbr__ldoc_t *doc = &c->docs[c->n - 1];
        if (!check_scenario_root(doc))
            return XBR_EINPUT;
        const cJSON *ext = xbr__ld_member(doc->root, "extends");
        if (ext == NULL)
            return XBR_OK;
        if (!cJSON_IsString(ext)) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, ext, 0, NULL, "extends",
                           "the path of a parent scenario (a string)", "wrong type: %s",
                           xbr__ld_type_name(ext));
            return XBR_EINPUT;
        }
        char *p = xbr__path_resolve(doc->file, ext->valuestring);
        if (p == NULL)
            return XBR_ENOMEM;
        char *real = realpath(p, NULL);
        for (size_t i = 0; real != NULL && i < c->n; i++) {
            if (c->real[i] == NULL || strcmp(c->real[i], real) != 0)
                continue;
            char chain[600];
            size_t n = 0;
            for (size_t j = i; j < c->n && n < sizeof chain; j++)
                n += (size_t)snprintf(chain + n, sizeof chain - n, "%s -> ", c->docs[j].file);
            if (n < sizeof chain)
                snprintf(chain + n, sizeof chain - n, "%s", p);
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, ext, 0, NULL, "extends",
                           "a chain of parents without cycles", "extends cycle: %s", chain);
            free(real);
            free(p);
            return XBR_EINPUT;
        }
        if (c->n == MAX_CHAIN) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, ext, 0, NULL, "extends", "at most 32 files",
                           "extends chain too long");
            free(real);
            free(p);
            return XBR_EINPUT;
        }
        xbr__ldoc_t *next = &c->docs[c->n];
        c->real[c->n] = real;
        c->n++;
        st = xbr__ldoc_init_file(next, p, diags, doc, ext);
        free(p);
        if (st == XBR_EIO)
            c->io_error = 1;
        if (st != XBR_OK)
            return st;
    }
}

/* ---- promises (max_days) ---- */

static bool is_market(const xbr_network_t *net, int idx)
{
    return idx >= 0 && net->nodes[idx].type == XBR_NODE_MARKET;
}

/* Reports a market reference that is not a market; returns the node index or -1. */
static int market_ref(xbr__ldoc_t *doc, const cJSON *m, const char *oid, const char *field,
                      const xbr_network_t *net)
{
    if (net == NULL)
        return -1;
    int idx = xbr_network_find_node(net, m->string);
    if (idx < 0)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, m, 1, oid, field, "the id of a market node",
                       "unknown node \"%.64s\"", m->string);
    else if (!is_market(net, idx))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, m, 1, oid, field, "the id of a market node",
                       "node \"%.64s\" is a %s, not a market", m->string,
                       xbr_node_type_name(net->nodes[idx].type));
    return is_market(net, idx) ? idx : -1;
}

static xbr_status_t promise_read(xbr__ldoc_t *doc, const cJSON *v, const char *oid,
                                 const char *field, const xbr_network_t *net, promise_t *p)
{
    const cJSON *m;
    double d;
    if (v == NULL)
        return XBR_OK;
    if (cJSON_IsNumber(v)) {
        if (xbr__ld_check_num(doc, v, oid, field, xbr__ld_nonneg, &d) == 1) {
            p->has_all = true;
            p->all = d;
        }
        return XBR_OK;
    }
    if (!cJSON_IsObject(v)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, oid, field,
                       "a number, or an object keyed by market id with an optional \"default\"",
                       "wrong type: %s", xbr__ld_type_name(v));
        return XBR_OK;
    }
    if (net != NULL) {
        p->per_node = malloc((net->n_nodes + 1) * sizeof *p->per_node);
        if (p->per_node == NULL)
            return XBR_ENOMEM;
        for (size_t i = 0; i < net->n_nodes; i++)
            p->per_node[i] = NAN;
    }
    cJSON_ArrayForEach(m, v)
    {
        if (xbr__ld_check_num(doc, m, oid, field, xbr__ld_nonneg, &d) != 1)
            continue;
        if (strcmp(m->string, "default") == 0) {
            p->has_all = true;
            p->all = d;
            continue;
        }
        int idx = market_ref(doc, m, oid, field, net);
        if (idx >= 0 && p->per_node != NULL)
            p->per_node[idx] = d;
    }
    return XBR_OK;
}

/* ---- products ---- */

/* A product and the files that give it: the first (the root-most ancestor that names the id)
 * gives the whole product, each later one overrides only the fields it gives. At most
 * XBR_PRODUCT_LAYERS files are read for one product: the first and the nearest others.
 *
 * A scenario's "products" is streamed (document.c): only one element's tree of a file exists
 * at a time. So a product keeps where its elements are (a mark each, 8 bytes), and they are
 * built again, one at a time, when it is loaded. The list costs some 70 bytes a product (the
 * record, its id, its slot in the index), so a file of products of nothing but an id (17
 * bytes) stays within the loader's 8x (README, "Reliability"). */
#define XBR_PRODUCT_LAYERS 16
#define NO_LAYER UINT32_MAX

/* A layer past a product's first: the element, its file (c->docs[doc]) and the product's
 * layer before it (the list runs from the newest back), or NO_LAYER. */
typedef struct {
    xbr__ldoc_mark_t mark;
    uint32_t doc, prev;
} prod_layer_t;

typedef struct {
    const char *id;        /* in the list's arena */
    xbr__ldoc_mark_t mark; /* its first layer: the element */
    uint32_t doc;          /* and its file */
    uint32_t n_layers;
    uint32_t newest; /* its newest later layer (in layers), or NO_LAYER */
} prod_ref_t;

typedef struct {
    prod_ref_t *refs; /* room for every product element of the chain (prod_list_reserve()) */
    size_t n;
    prod_layer_t *layers;
    size_t n_layers, cap_layers;
    uint32_t *slots;   /* the index of refs by id: open addressing, a ref's index + 1, 0 empty */
    size_t n_slots;    /* a power of two, at least twice n */
    xbr__arena_t *ids; /* the ids' text */
} prod_list_t;

static void prod_list_free(prod_list_t *l)
{
    xbr__arena_free(l->ids);
    free(l->refs);
    free(l->layers);
    free(l->slots);
    memset(l, 0, sizeof *l);
}

/* The slot of `id`: where its ref is, or the empty slot where it would go. */
static size_t id_slot(const prod_list_t *l, const char *id)
{
    /* the high half of the hash, as the string map does (FNV-1a's low bits mix least) */
    size_t i = (size_t)(xbr__strhash(id) >> 32) & (l->n_slots - 1);
    while (l->slots[i] != 0 && strcmp(l->refs[l->slots[i] - 1].id, id) != 0)
        i = (i + 1) & (l->n_slots - 1);
    return i;
}

/* The index of the product of id `id`, or -1. */
static long prod_find(const prod_list_t *l, const char *id)
{
    return l->n_slots == 0 ? -1 : (long)l->slots[id_slot(l, id)] - 1;
}

/* The file of the product's newest layer: the file that gave it last. */
static uint32_t prod_last_doc(const prod_list_t *l, const prod_ref_t *r)
{
    return r->newest == NO_LAYER ? r->doc : l->layers[r->newest].doc;
}

/* Adds the element marked `mark` of c->docs[doc], whose id is `id`, to the product of that id
 * (a new one when no file gave it yet). */
static xbr_status_t prod_add(prod_list_t *l, const char *id, uint32_t doc, xbr__ldoc_mark_t mark)
{
    long j = prod_find(l, id);
    if (j >= 0) {
        prod_layer_t *lay = xbr__grow(l->layers, &l->cap_layers, l->n_layers + 1, sizeof *lay, 16);
        if (lay == NULL)
            return XBR_ENOMEM;
        l->layers = lay;
        prod_ref_t *r = &l->refs[j];
        l->layers[l->n_layers] = (prod_layer_t){mark, doc, r->newest};
        r->newest = (uint32_t)l->n_layers++;
        r->n_layers++;
        return XBR_OK;
    }
    /* the list and its index were sized for every product element (prod_list_reserve()), and
     * each new product is one of them */
    prod_ref_t *r = l->refs;
    if (l->ids == NULL && (l->ids = xbr__arena_new()) == NULL)
        return XBR_ENOMEM;
    const char *copy = xbr__arena_strdup(l->ids, id);
    if (copy == NULL)
        return XBR_ENOMEM;
    r[l->n] = (prod_ref_t){copy, mark, doc, 1, NO_LAYER};
    l->slots[id_slot(l, copy)] = (uint32_t)++l->n;
    return XBR_OK;
}

/* Room for the products of every file of the chain at once (their elements that are objects:
 * a product is one of them, or a later layer of one), and an index at most half full, so
 * neither is copied or grown while the products are read. */
static xbr_status_t prod_list_reserve(chain_t *c, prod_list_t *l)
{
    size_t n = 0, slots = 64;
    for (size_t k = 0; k < c->n; k++)
        n += xbr__ldoc_array_objects(&c->docs[k], xbr__ld_member(c->docs[k].root, "products"));
    if (n >= UINT32_MAX / 4)
        return XBR_ENOMEM; /* refs are indexed in 32 bits (a 256 MiB file holds < 2^27) */
    while (slots < 2 * n + 2)
        slots *= 2;
    l->refs = malloc((n > 0 ? n : 1) * sizeof *l->refs);
    l->slots = calloc(slots, sizeof *l->slots);
    l->n_slots = slots;
    return l->refs != NULL && l->slots != NULL ? XBR_OK : XBR_ENOMEM;
}

static xbr_status_t collect_products(chain_t *c, prod_list_t *l)
{
    char oid[96];
    if (prod_list_reserve(c, l) != XBR_OK)
        return XBR_ENOMEM;
    for (size_t k = c->n; k-- > 0;) {
        xbr__ldoc_t *doc = &c->docs[k];
        const cJSON *arr = xbr__ld_member(doc->root, "products");
        const cJSON *it;
        xbr__ldoc_iter_t iter;
        int more;
        if (arr == NULL)
            continue;
        if (!cJSON_IsArray(arr)) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, arr, 0, NULL, "products", "an array of products",
                           "wrong type: %s", xbr__ld_type_name(arr));
            continue;
        }
        xbr__ldoc_iter_init(&iter, doc, arr);
        while ((more = xbr__ldoc_iter_next(&iter, true, &it)) > 0) {
            const cJSON *idv = xbr__ld_member(it, "id");
            snprintf(oid, sizeof oid, "product #%zu", iter.k);
            if (!xbr__ld_is_object(doc, it, oid, NULL))
                continue;
            if (!cJSON_IsString(idv)) {
                xbr__ldobj_t o = {doc, it, oid, NULL};
                xbr__ld_get_str(&o, "id", true, NULL);
                continue;
            }
            if (!xbr__ld_valid_id(idv->valuestring)) {
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id",
                               "1 to 64 characters without spaces or control characters",
                               "invalid product id \"%.64s\"", idv->valuestring);
                continue;
            }
            long j = prod_find(l, idv->valuestring);
            if (j >= 0 && prod_last_doc(l, &l->refs[j]) == k) {
                snprintf(oid, sizeof oid, "product %.64s", idv->valuestring);
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id", "a unique product id",
                               "duplicate product id \"%.64s\"", idv->valuestring);
                continue;
            }
            if (prod_add(l, idv->valuestring, (uint32_t)k, xbr__ldoc_iter_mark(&iter)) != XBR_OK)
                return XBR_ENOMEM;
        }
        if (more < 0 && doc->nomem)
            return XBR_ENOMEM;
    }
    return XBR_OK;
}

static xbr_status_t load_origins(xbr__ldoc_t *doc, const cJSON *v, const char *oid,
                                 const xbr_network_t *net, xbr_product_t *p)
{
    const cJSON *e;
    const char *exp = "a factory node id, or an array of them";
    if (!cJSON_IsString(v) && !(cJSON_IsArray(v) && cJSON_GetArraySize(v) > 0)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, oid, "origin", exp,
                       cJSON_IsArray(v) ? "empty array" : "wrong type: %s", xbr__ld_type_name(v));
        return XBR_OK;
    }
    size_t n = cJSON_IsString(v) ? 1 : (size_t)cJSON_GetArraySize(v);
    p->origins = calloc(n, sizeof *p->origins);
    if (p->origins == NULL)
        return XBR_ENOMEM;
    for (e = cJSON_IsString(v) ? v : v->child; e != NULL; e = cJSON_IsString(v) ? NULL : e->next) {
        if (!cJSON_IsString(e)) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, oid, "origin", exp, "wrong type: %s",
                           xbr__ld_type_name(e));
            continue;
        }
        if (net == NULL)
            continue;
        int idx = xbr_network_find_node(net, e->valuestring);
        if (idx < 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, oid, "origin", "the id of a factory node",
                           "unknown node \"%.64s\"", e->valuestring);
        else if (net->nodes[idx].type != XBR_NODE_FACTORY)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, oid, "origin", "the id of a factory node",
                           "node \"%.64s\" is a %s, not a factory", e->valuestring,
                           xbr_node_type_name(net->nodes[idx].type));
        else
            p->origins[p->n_origins++] = idx;
    }
    return XBR_OK;
}

/* Reads the fields one file gives a product into p: all of them (required ones checked) from
 * the first file that gives it (`first`), those it names from a later one, each replacing the
 * earlier value ("demand", "origin" and "max_days" as a whole). *promise gets this file's
 * "max_days" item when it has one. XBR_OK or XBR_ENOMEM. */
static xbr_status_t load_layer(xbr__ldoc_t *doc, const cJSON *it, const char *oid,
                               const xbr_network_t *net, const xbr__strmap_t *sources, bool first,
                               xbr_product_t *p, const cJSON **promise, xbr__ldoc_t **promise_doc)
{
    size_t nn = net != NULL ? net->n_nodes : 0;
    xbr_status_t st = XBR_OK;
    xbr__ldobj_t o = {doc, it, oid, NULL};
    xbr__ld_check_keys(&o, "product");
    if (xbr__ld_member(it, "name") != NULL) {
        free(p->name);
        p->name = NULL;
        xbr__ld_get_str(&o, "name", false, &p->name);
    }
    const cJSON *cat = xbr__ld_member(it, "category");
    if (first || cat != NULL) {
        free(p->category);
        p->category = NULL;
        xbr__ld_get_str(&o, "category", true, &p->category);
        xbr__ld_check_category(doc, cat, oid, net, p->category);
    }
    const cJSON *origin = xbr__ld_member(it, "origin");
    if (origin == NULL && first)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, it, 0, oid, "origin",
                       "a factory node id, or an array of them", "missing required field");
    else if (origin != NULL) {
        free(p->origins);
        p->origins = NULL;
        p->n_origins = 0;
        if ((st = load_origins(doc, origin, oid, net, p)) != XBR_OK)
            return st;
    }
    xbr__ld_get_num(&o, "unit_kg", first, xbr__ld_positive, &p->unit_kg);
    xbr__ld_get_num(&o, "unit_m3", first, xbr__ld_positive, &p->unit_m3);
    xbr__ld_get_num(&o, "unit_value", first, xbr__ld_positive, &p->unit_value);
    xbr__ld_get_num(&o, "demand_cv", false, xbr__ld_nonneg, &p->demand_cv);
    xbr__ldrange_t ge1 = {1.0, INFINITY, 0};
    xbr__ld_get_num(&o, "units_per_order", false, ge1, &p->units_per_order);
    xbr__ld_get_num(&o, "retail_price", false, xbr__ld_positive, &p->retail_price);
    xbr__ldrange_t pct = {0.0, 100.0, XBR_LD_HI_OPEN};
    xbr__ld_get_num(&o, "marketplace_fee_pct", false, pct, &p->marketplace_fee_pct);
    xbr__ld_get_num(&o, "payment_fee_pct", false, pct, &p->payment_fee_pct);
    xbr__ld_get_num(&o, "ad_share_pct", false, pct, &p->ad_share_pct);
    xbr__ldrange_t rebate = {0.0, 100.0, 0};
    xbr__ld_get_num(&o, "export_vat_rebate_pct", false, rebate, &p->export_vat_rebate_pct);
    const cJSON *dims = xbr__ld_member(it, "dims_cm");
    if (dims != NULL && (!cJSON_IsArray(dims) || cJSON_GetArraySize(dims) != 3))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, dims, 0, oid, "dims_cm",
                       "three sides in cm, e.g. [200, 90, 50]", "wrong type or length");
    else if (dims != NULL) {
        int ok = 0;
        for (int i = 0; i < 3; i++)
            ok += xbr__ld_check_num(doc, cJSON_GetArrayItem(dims, i), oid, "dims_cm",
                                    xbr__ld_positive, &p->dims_cm[i]) == 1;
        p->dims_given = ok == 3;
    }
    xbr__ld_check_source_refs(&o, sources, NULL);

    const cJSON *dem = xbr__ld_member(it, "demand");
    if (dem == NULL && first)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, it, 0, oid, "demand",
                       "an object: market node id -> units per week", "missing required field");
    else if (dem != NULL && xbr__ld_is_object(doc, dem, oid, "demand")) {
        const cJSON *m;
        memset(p->demand_per_week, 0, (nn + 1) * sizeof *p->demand_per_week);
        cJSON_ArrayForEach(m, dem)
        {
            double d;
            if (xbr__ld_check_num(doc, m, oid, "demand", xbr__ld_nonneg, &d) != 1)
                continue;
            int idx = market_ref(doc, m, oid, "demand", net);
            if (idx >= 0)
                p->demand_per_week[idx] = d;
            if (idx >= 0 && d == 0.0)
                xbr__ldoc_diag(doc, XBR_SEV_WARNING, m, 0, oid, "demand",
                               "a positive number of units per week, or no entry",
                               "zero demand in %.64s: compare and optimize leave this product x "
                               "market out, and routes finds no stocked or retailer route for it",
                               m->string);
        }
    }
    const cJSON *md = xbr__ld_member(it, "max_days");
    if (md != NULL) {
        *promise = md;
        *promise_doc = doc;
    }
    return XBR_OK;
}

/* The layers of product r that are read (see XBR_PRODUCT_LAYERS), root-most first, into
 * `out`: how many. */
static size_t prod_layers(const prod_list_t *l, const prod_ref_t *r,
                          prod_layer_t out[XBR_PRODUCT_LAYERS])
{
    size_t n = r->n_layers > XBR_PRODUCT_LAYERS ? XBR_PRODUCT_LAYERS : r->n_layers;
    out[0] = (prod_layer_t){r->mark, r->doc, NO_LAYER};
    /* the newest n - 1 later layers, from the newest back */
    uint32_t k = r->newest;
    for (size_t i = n - 1; i >= 1; i--, k = l->layers[k].prev)
        out[i] = l->layers[k];
    return n;
}

static xbr_status_t load_product(chain_t *c, const prod_list_t *l, const prod_ref_t *r,
                                 const xbr_network_t *net, const promise_t *scen,
                                 const xbr__strmap_t *sources, xbr_product_t *p)
{
    char oid[96];
    promise_t own = {false, 0.0, NULL};
    xbr_status_t st = XBR_OK;
    size_t nn = net != NULL ? net->n_nodes : 0;
    prod_layer_t layers[XBR_PRODUCT_LAYERS];
    size_t n_layers = prod_layers(l, r, layers);

    snprintf(oid, sizeof oid, "product %.64s", r->id);
    p->units_per_order = 1.0;
    p->demand_cv = 0.3;
    if ((p->id = xbr__strdup(r->id)) == NULL)
        return XBR_ENOMEM;
    p->demand_per_week = calloc(nn + 1, sizeof *p->demand_per_week);
    p->max_days = malloc((nn + 1) * sizeof *p->max_days);
    if (p->demand_per_week == NULL || p->max_days == NULL)
        return XBR_ENOMEM;
    const cJSON *promise = NULL;
    xbr__ldoc_t *promise_doc = &c->docs[layers[0].doc];
    /* Each layer is in a file of its own (a file that names an id twice gave it once), and each
     * file builds one element at a time: every layer's tree, and the promise item, live until
     * this product is loaded. */
    for (size_t k = 0; k < n_layers && st == XBR_OK; k++) {
        xbr__ldoc_t *doc = &c->docs[layers[k].doc];
        const cJSON *it = NULL, *arr = xbr__ld_member(doc->root, "products");
        if (xbr__ldoc_reread(doc, arr, layers[k].mark, &it) <= 0)
            return doc->nomem ? XBR_ENOMEM : XBR_EINPUT; /* it was read before: no memory */
        if (k == 0) {
            int line, col;
            xbr__ldoc_pos(doc, it, 0, &line, &col);
            p->pos.line = line;
            p->pos.col = col;
        }
        st = load_layer(doc, it, oid, net, sources, k == 0, p, &promise, &promise_doc);
    }
    if (st == XBR_OK)
        st = promise_read(promise_doc, promise, oid, "max_days", net, &own);
    for (size_t i = 0; i < nn && st == XBR_OK; i++) {
        double v = INFINITY;
        if (own.per_node != NULL && !isnan(own.per_node[i]))
            v = own.per_node[i];
        else if (own.has_all)
            v = own.all;
        else if (scen->per_node != NULL && !isnan(scen->per_node[i]))
            v = scen->per_node[i];
        else if (scen->has_all)
            v = scen->all;
        p->max_days[i] = v;
    }
    free(own.per_node);
    return st;
}

/* ---- the scenario ---- */

/* Reads a number from the nearest file that has it; checks it in every file that has it. */
static void scalar(chain_t *c, const char *key, xbr__ldrange_t r, double *out)
{
    bool taken = false;
    for (size_t i = 0; i < c->n; i++) {
        const cJSON *v = xbr__ld_member(c->docs[i].root, key);
        double x;
        if (v == NULL)
            continue;
        if (xbr__ld_check_num(&c->docs[i], v, NULL, key, r, &x) == 1 && !taken)
            *out = x;
        taken = true;
    }
}

static xbr_status_t load_network_for(chain_t *c, xbr_network_t **net, xbr_diags_t *diags,
                                     int *net_errors)
{
    xbr__ldoc_t *doc, ndoc;
    const cJSON *v = nearest(c, "network", &doc);
    *net = NULL;
    if (v == NULL) {
        xbr__ldoc_diag(&c->docs[0], XBR_SEV_ERROR, c->docs[0].root, 0, NULL, "network",
                       "the path of a network file (here or in a parent scenario)",
                       "missing required field");
        return XBR_OK;
    }
    if (!cJSON_IsString(v)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, NULL, "network", "the path of a network file",
                       "wrong type: %s", xbr__ld_type_name(v));
        return XBR_OK;
    }
    char *p = xbr__path_resolve(doc->file, v->valuestring);
    if (p == NULL)
        return XBR_ENOMEM;
    xbr_status_t st = xbr__ldoc_init_file(&ndoc, p, diags, doc, v);
    free(p);
    if (st == XBR_OK)
        st = xbr__ldnet_from_doc(&ndoc, net);
    *net_errors = ndoc.n_errors > 0;
    if (st == XBR_EIO)
        c->io_error = 1;
    xbr__ldoc_destroy(&ndoc);
    return st == XBR_ENOMEM ? st : XBR_OK;
}

/* The scenario's date from the nearest file that has one (checked in every file). */
static void read_date(chain_t *c, xbr_scenario_t *sc)
{
    bool taken = false;
    for (size_t i = 0; i < c->n; i++) {
        const cJSON *v = xbr__ld_member(c->docs[i].root, "date");
        xbr_day_t day;
        if (v == NULL)
            continue;
        if (xbr__ld_check_day(&c->docs[i], v, NULL, "date", &day) && !taken)
            sc->date = day;
        taken = true;
    }
}

/* The scenario's own fields: name and description from the nearest file that has them, the
 * numbers from the nearest file too (checked in every file), else their defaults. */
static xbr_status_t read_fields(chain_t *c, xbr_scenario_t *sc)
{
    xbr__ldoc_t *doc;
    const cJSON *v = nearest(c, "name", &doc);
    if (cJSON_IsString(v) && (sc->name = xbr__strdup(v->valuestring)) == NULL)
        return XBR_ENOMEM;
    v = nearest(c, "description", &doc);
    if (cJSON_IsString(v) && (sc->description = xbr__strdup(v->valuestring)) == NULL)
        return XBR_ENOMEM;
    sc->service_level = 0.95;
    sc->holding_rate_per_year = 0.12;
    sc->review_days = 14.0;
    xbr__ldrange_t sl = {0.5, 1.0, XBR_LD_LO_OPEN | XBR_LD_HI_OPEN};
    scalar(c, "service_level", sl, &sc->service_level);
    scalar(c, "holding_rate_per_year", xbr__ld_nonneg, &sc->holding_rate_per_year);
    scalar(c, "value_of_time_per_day", xbr__ld_nonneg, &sc->value_of_time_per_day);
    scalar(c, "carbon_price", xbr__ld_nonneg, &sc->carbon_price_per_t);
    scalar(c, "review_days", xbr__ld_positive, &sc->review_days);
    for (size_t i = 0; i < c->n; i++) { /* the nearest file that gives it, whole */
        const cJSON *rm = xbr__ld_member(c->docs[i].root, "review_days_by_mode");
        if (rm != NULL) {
            xbr__ld_review_by_mode(&c->docs[i], rm, sc->review_days_by_mode);
            break;
        }
    }
    for (size_t i = 0; i < c->n; i++) { /* the nearest file that gives it, whole */
        const cJSON *er = xbr__ld_member(c->docs[i].root, "economic_review");
        if (er != NULL) {
            xbr__ld_economic_review(&c->docs[i], er, sc);
            break;
        }
    }
    sc->date = XBR_NO_DAY;
    read_date(c, sc);
    return XBR_OK;
}

/* Every file's "sources" (ids unique within each file) into `sources`: the union is what
 * references may use. Keys are borrowed from the documents' trees. */
static xbr_status_t read_sources(chain_t *c, xbr__strmap_t *sources)
{
    xbr_status_t st = XBR_OK;
    for (size_t k = 0; k < c->n && st == XBR_OK; k++) {
        const cJSON *v = xbr__ld_member(c->docs[k].root, "sources");
        xbr__strmap_t mine;
        xbr__strmap_init(&mine);
        if (v != NULL)
            st = xbr__ldnet_sources(&c->docs[k], v, NULL, &mine);
        for (size_t i = 0; i < mine.capacity && st == XBR_OK; i++)
            if (mine.keys[i] != NULL)
                st = xbr__strmap_put(sources, mine.keys[i], 0);
        xbr__strmap_destroy(&mine);
    }
    return st;
}

/* "export_vat_rebate": {"payout_days": N, "source": ...} from the nearest file that gives it,
 * whole; its source ids checked against `sources` (the scenario's and the network's). */
static void read_rebate(chain_t *c, const xbr__strmap_t *sources, xbr_scenario_t *sc)
{
    for (size_t i = 0; i < c->n; i++) {
        const cJSON *v = xbr__ld_member(c->docs[i].root, "export_vat_rebate");
        if (v == NULL)
            continue;
        if (!xbr__ld_is_object(&c->docs[i], v, NULL, "export_vat_rebate"))
            return;
        xbr__ldobj_t o = {&c->docs[i], v, NULL, "export_vat_rebate"};
        xbr__ld_check_keys(&o, "export_vat_rebate");
        xbr__ldrange_t days = {0.0, 365.0, 0};
        xbr__ld_get_num(&o, "payout_days", true, days, &sc->rebate_payout_days);
        xbr__ld_check_source_refs(&o, sources, NULL);
        return;
    }
}

/* Adds the network's source ids to `sources` (products and changes may cite them as well as
 * the scenario's) and applies the changes, the root ancestor's first. */
static xbr_status_t apply_changes(chain_t *c, xbr_network_t *net, xbr__strmap_t *sources)
{
    xbr_status_t st = XBR_OK;
    for (size_t i = 0; i < net->n_sources && st == XBR_OK; i++)
        if (net->sources[i].id != NULL)
            st = xbr__strmap_put(sources, net->sources[i].id, 0);
    for (size_t k = c->n; k-- > 0 && st == XBR_OK;) {
        const cJSON *v = xbr__ld_member(c->docs[k].root, "changes");
        if (v != NULL)
            st = xbr__changes_apply(&c->docs[k], v, net, sources);
    }
    return st;
}

/* The nearest max_days is the scenario's promise (into *scen); those it overrides are still
 * checked. */
static xbr_status_t read_promise(chain_t *c, const xbr_network_t *net, promise_t *scen)
{
    xbr_status_t st = XBR_OK;
    bool taken = false;
    for (size_t k = 0; k < c->n && st == XBR_OK; k++) {
        const cJSON *v = xbr__ld_member(c->docs[k].root, "max_days");
        promise_t unused = {false, 0.0, NULL};
        if (v == NULL)
            continue;
        st = promise_read(&c->docs[k], v, NULL, "max_days", net, taken ? &unused : scen);
        free(unused.per_node);
        taken = true;
    }
    return st;
}

/* The products of every file, merged by id (see the top of this file), into sc->products. */
static xbr_status_t read_products(chain_t *c, xbr_network_t *net, const promise_t *scen,
                                  const xbr__strmap_t *sources, xbr_scenario_t *sc)
{
    prod_list_t l;
    memset(&l, 0, sizeof l);
    xbr_status_t st = collect_products(c, &l);
    size_t n_refs = l.n;
    if (st != XBR_OK)
        goto out;
    if (n_refs == 0 && nearest(c, "products", &(xbr__ldoc_t *){NULL}) == NULL)
        xbr__ldoc_diag(&c->docs[0], XBR_SEV_ERROR, c->docs[0].root, 0, NULL, "products",
                       "an array of at least one product (here or in a parent scenario)",
                       "missing required field");
    else if (n_refs == 0)
        xbr__ldoc_diag(&c->docs[0], XBR_SEV_ERROR, c->docs[0].root, 0, NULL, "products",
                       "at least one product", "no products");
    /* grown as products are loaded: reading may stop at the error cap, long before n_refs */
    size_t cap = 0;
    sc->products = xbr__grow(NULL, &cap, 1, sizeof *sc->products, n_refs < 64 ? n_refs + 1 : 64);
    if (sc->products == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    memset(sc->products, 0, cap * sizeof *sc->products);
    for (size_t i = 0; i < n_refs && st == XBR_OK; i++) {
        if (xbr__ldoc_past_the_cap(&c->docs[0])) { /* the chain's documents share the diags */
            const prod_ref_t *r = &l.refs[i];
            xbr__ldoc_t *doc = &c->docs[r->doc];
            const cJSON *it = NULL, *arr = xbr__ld_member(doc->root, "products");
            if (xbr__ldoc_reread(doc, arr, r->mark, &it) > 0)
                xbr__ldoc_stop_reading(doc, "products", it,
                                       xbr__ldoc_mark_index(doc, arr, r->mark));
            break;
        }
        if (sc->n_products + 1 >= cap) {
            size_t old = cap;
            xbr_product_t *grown =
                xbr__grow(sc->products, &cap, sc->n_products + 2, sizeof *grown, 64);
            if (grown == NULL) {
                st = XBR_ENOMEM;
                break;
            }
            sc->products = grown;
            memset(sc->products + old, 0, (cap - old) * sizeof *sc->products);
        }
        xbr_product_t *p = &sc->products[sc->n_products++];
        st = load_product(c, &l, &l.refs[i], net, scen, sources, p);
        if (st == XBR_OK && net != NULL)
            p->pos.file = xbr__network_intern(net, c->docs[l.refs[i].doc].file);
    }
out:
    prod_list_free(&l);
    return st;
}

/* The product ops of every file's changes (set_product, set_demand, scale_demand), the root
 * ancestor's first, on the products read. */
static xbr_status_t apply_product_changes(chain_t *c, xbr_network_t *net, xbr_scenario_t *sc)
{
    xbr_status_t st = XBR_OK;
    xbr_network_t *keep = sc->network;
    sc->network = net; /* borrowed for the lookups; the caller sets it for good */
    for (size_t k = c->n; k-- > 0 && st == XBR_OK;) {
        const cJSON *v = xbr__ld_member(c->docs[k].root, "changes");
        if (v != NULL)
            st = xbr__changes_apply_products(&c->docs[k], v, sc);
    }
    sc->network = keep;
    return st;
}

/* sc->markets: the markets with demand for any product, ascending index. */
static xbr_status_t list_markets(xbr_scenario_t *sc, const xbr_network_t *net)
{
    sc->markets = calloc(net->n_nodes + 1, sizeof *sc->markets);
    if (sc->markets == NULL)
        return XBR_ENOMEM;
    xbr__scenario_relist_markets(sc, net->n_nodes);
    return XBR_OK;
}

/* The scenario from the loaded chain: its fields, its network with the changes applied, its
 * promise and its products. Input errors are left on the documents; the status says only
 * whether the load could go on (XBR_OK) or ran out of memory. */
static xbr_status_t build(chain_t *c, xbr_scenario_t *sc, xbr_network_t **net, xbr_diags_t *diags,
                          int *net_errors)
{
    xbr__strmap_t sources;
    promise_t scen = {false, 0.0, NULL};
    xbr__strmap_init(&sources);
    xbr_status_t st = read_fields(c, sc);
    if (st == XBR_OK)
        st = read_sources(c, &sources);
    if (st == XBR_OK)
        st = load_network_for(c, net, diags, net_errors);
    if (st == XBR_OK && *net != NULL)
        st = apply_changes(c, *net, &sources);
    if (st == XBR_OK)
        read_rebate(c, &sources, sc);
    if (st == XBR_OK)
        st = read_promise(c, *net, &scen);
    if (st == XBR_OK)
        st = read_products(c, *net, &scen, &sources, sc);
    if (st == XBR_OK && *net != NULL)
        st = apply_product_changes(c, *net, sc);
    if (st == XBR_OK && *net != NULL)
        st = list_markets(sc, *net);
    if (st == XBR_OK && *net != NULL && sc->date == XBR_NO_DAY)
        sc->date = (*net)->date;
    free(scen.per_node);
    xbr__strmap_destroy(&sources);
    return st;
}

/* sc->files: the files of the chain, then the network's (standard input as "-"). */
static xbr_status_t list_files(const chain_t *c, const xbr_network_t *net, xbr_scenario_t *sc)
{
    sc->files = calloc(c->n + 1, sizeof *sc->files);
    if (sc->files == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i <= c->n; i++) {
        const char *f = i < c->n      ? (c->docs[i].is_stdin ? "-" : c->docs[i].file)
                        : net != NULL ? net->path
                                      : NULL;
        if (f != NULL && (sc->files[sc->n_files++] = xbr__strdup(f)) == NULL)
            return XBR_ENOMEM;
    }
    return XBR_OK;
}

/* The scenario of the chain started with its first document (at `path`): follows its extends,
 * builds, checks; closes the chain. */
static xbr_status_t load_chain(chain_t *c, const char *path, xbr_scenario_t **out,
                               xbr_diags_t *diags)
{
    xbr_scenario_t *sc = NULL;
    xbr_network_t *net = NULL;
    int net_errors = 0;
    xbr_status_t st = chain_follow(c, diags);
    if (st != XBR_OK)
        goto out;
    sc = calloc(1, sizeof *sc);
    if (sc == NULL || (sc->path = xbr__strdup(path)) == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    st = build(c, sc, &net, diags, &net_errors);
    if (st == XBR_OK)
        st = list_files(c, net, sc);
out:
    for (size_t k = 0; k < c->n && st == XBR_OK; k++)
        if (c->docs[k].nomem)
            st = XBR_ENOMEM;
    if (st == XBR_OK && c->io_error)
        st = XBR_EIO;
    if (st == XBR_OK && (chain_errors(c) > 0 || net_errors || net == NULL))
        st = XBR_EINPUT;
    if (st == XBR_EINPUT && c->io_error)
        st = XBR_EIO;
    if (st == XBR_OK) {
        sc->network = net;
        *out = sc;
    } else {
        xbr_scenario_free(sc);
        xbr_network_free(net);
    }
    chain_close(c);
    return st;
}

xbr_status_t xbr_scenario_load(const char *path, xbr_scenario_t **out, xbr_diags_t *diags)
{
    chain_t c;
    xbr__ldoc_t first;
    *out = NULL;
    memset(&c, 0, sizeof c);
    xbr_status_t st = xbr__ldoc_init_file(&first, path, diags, NULL, NULL);
    chain_start(&c, &first, path);
    if (st == XBR_OK)
        return load_chain(&c, path, out, diags);
    chain_close(&c);
    return st;
}

xbr_status_t xbr__scenario_from_doc(xbr__ldoc_t *doc, const char *path, xbr_scenario_t **out,
                                    xbr_diags_t *diags)
{
    chain_t c;
    *out = NULL;
    memset(&c, 0, sizeof c);
    chain_start(&c, doc, path);
    return load_chain(&c, path, out, diags);
}
