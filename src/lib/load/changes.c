/*
 * load/changes.c - a scenario's `changes`, applied in order to its loaded network
 * (docs/formats.md, "change").
 *
 * Each change is checked fully before it is applied; a bad change is reported (scenario file,
 * line:col of the offending value, object "change #N", 1-based) and skipped, and later changes
 * are still checked, so one run reports every problem. `add` appends with the network loader's
 * own checks and then re-indexes the network (only when the addition was clean: with errors
 * the scenario load fails anyway). Factors of scale_links must be finite and > 0; the
 * selector's parts combine with AND, each list part with OR. close_passage closes the sea links
 * whose stated via names the passage and re-routes the others that crossed it on the remaining
 * sea lanes (model/sealanes.c), warning about each link left with no lane (then closed).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"
#include "model/internal.h"

typedef enum {
    OP_CLOSE_NODE,
    OP_OPEN_NODE,
    OP_CLOSE_LINK,
    OP_OPEN_LINK,
    OP_CLOSE_PASSAGE,
    OP_SCALE_LINKS,
    OP_SET_COUNTRY,
    OP_ADD,
    OP_SET_CAPACITY,
    OP_ADD_COUNTRY,
    OP_SET_LINK,
    /* the product ops, applied once the products are read (xbr__changes_apply_products) */
    OP_SET_PRODUCT,
    OP_SET_DEMAND,
    OP_SCALE_DEMAND,
    OP_COUNT
} op_t;

static const char *const op_names[] = {
    "close_node",  "open_node",   "close_link", "open_link",    "close_passage",
    "scale_links", "set_country", "add",        "set_capacity", "add_country",
    "set_link",    "set_product", "set_demand", "scale_demand",
};
/* one name per op, in the enum's order (a missing name would be a NULL in op_parse()) */
_Static_assert(sizeof op_names / sizeof op_names[0] == OP_COUNT, "a name per op");

/* The keys each op uses besides "op" (set_country also takes every country key); OP_MAX_KEYS:
 * the most any op takes (set_product's). */
#define OP_MAX_KEYS 7
static const char *const op_keys[OP_COUNT][OP_MAX_KEYS] = {
    {"node", NULL},
    {"node", NULL},
    {"link", NULL},
    {"link", NULL},
    {"passage", NULL},
    {"link", "mode", "from_country", "to_country", "cost", "days"},
    {"country", NULL},
    {"nodes", "links", NULL},
    {"node", "link", "capacity_m3", "capacity_kg_per_week", NULL},
    {"country", NULL},
    {"link", "cost", "days", "departures_per_week", "capacity_kg_per_week", "distance_km"},
    {"product", "unit_kg", "unit_m3", "unit_value", "units_per_order", "demand_cv",
     "export_vat_rebate_pct"},
    {"product", "market", "country", "demand", NULL},
    {"product", "market", "country", "factor", NULL},
};

static int op_parse(const char *s)
{
    for (int i = 0; i < OP_COUNT; i++)
        if (strcmp(op_names[i], s) == 0)
            return i;
    return -1;
}

static const char *op_name(int v)
{
    return v >= 0 && v < OP_COUNT ? op_names[v] : "unknown";
}

/* Warns about keys that exist in changes but that this op does not use. */
static void check_op_keys(xbr__ldoc_t *doc, const cJSON *ch, const char *oid, int op)
{
    const cJSON *m;
    const char *const *all = xbr_format_keys("change");
    const char *const *country = xbr_format_keys("country");
    cJSON_ArrayForEach(m, ch)
    {
        bool known = false, used = strcmp(m->string, "op") == 0;
        for (size_t i = 0; all[i] != NULL && !known; i++)
            known = strcmp(all[i], m->string) == 0;
        if (!known)
            continue; /* xbr__ld_check_keys warned already */
        for (int i = 0; i < OP_MAX_KEYS && op_keys[op][i] != NULL && !used; i++)
            used = strcmp(op_keys[op][i], m->string) == 0;
        if (op == OP_SET_COUNTRY || op == OP_ADD_COUNTRY)
            for (size_t i = 0; country[i] != NULL && !used; i++)
                used = strcmp(country[i], m->string) == 0;
        if (!used)
            xbr__ldoc_diag(doc, XBR_SEV_WARNING, m, 1, oid, NULL, "remove it",
                           "key \"%s\" is not used by op %s", m->string, op_names[op]);
    }
}

static int find_ref(xbr__ldoc_t *doc, const xbr__ldobj_t *o, const char *key, const char *what,
                    int (*find)(const xbr_network_t *, const char *), const xbr_network_t *net)
{
    const cJSON *v = xbr__ld_member(o->obj, key);
    char exp[96];
    if (xbr__ld_get_str(o, key, true, NULL) != 1)
        return -1;
    int idx = find(net, v->valuestring);
    if (idx < 0) {
        snprintf(exp, sizeof exp, "the id of a %s of the network", what);
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, o->oid, key, exp, "unknown %s \"%.64s\"", what,
                       v->valuestring);
    }
    return idx;
}

/*
 * Reads a selector part: a string or an array of strings; each must resolve through
 * `resolve` (returning an index < n, or -1). Sets sel[index] = true. Returns 1 if present
 * and valid, 0 if absent, -1 on error.
 */
static int selector(xbr__ldoc_t *doc, const cJSON *ch, const char *key, const char *oid,
                    const char *what, int (*resolve)(const xbr_network_t *, const char *),
                    const xbr_network_t *net, bool *sel)
{
    const cJSON *v = xbr__ld_member(ch, key);
    const cJSON *e;
    int rc = 1;
    char exp[96];
    snprintf(exp, sizeof exp, "a %s or an array of them", what);
    if (v == NULL)
        return 0;
    if (!cJSON_IsString(v) && !cJSON_IsArray(v)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, oid, key, exp, "wrong type: %s",
                       xbr__ld_type_name(v));
        return -1;
    }
    if (cJSON_IsArray(v) && cJSON_GetArraySize(v) == 0) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, oid, key, exp, "empty array");
        return -1;
    }
    for (e = cJSON_IsString(v) ? v : v->child; e != NULL; e = cJSON_IsString(v) ? NULL : e->next) {
        int idx = cJSON_IsString(e) ? resolve(net, e->valuestring) : -1;
        if (!cJSON_IsString(e)) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, oid, key, exp, "wrong type: %s",
                           xbr__ld_type_name(e));
            rc = -1;
        } else if (idx < 0) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, oid, key, exp, "unknown %s \"%.64s\"", what,
                           e->valuestring);
            rc = -1;
        } else
            sel[idx] = true;
    }
    return rc;
}

static int mode_of(const xbr_network_t *net, const char *s)
{
    (void)net;
    return xbr_mode_parse(s);
}

static xbr_status_t scale_links(xbr__ldoc_t *doc, const cJSON *ch, const char *oid,
                                xbr_network_t *net)
{
    bool modes[XBR_MODE_COUNT] = {false};
    bool *from_c = calloc(net->n_countries + 1, sizeof *from_c);
    bool *to_c = calloc(net->n_countries + 1, sizeof *to_c);
    xbr__ldobj_t o = {doc, ch, oid, NULL};
    int link = -1, bad = 0, any = 0, rc;
    double fc = NAN, fd = NAN;
    size_t errors0 = doc->n_errors;

    if (from_c == NULL || to_c == NULL) {
        free(from_c);
        free(to_c);
        return XBR_ENOMEM;
    }
    if (xbr__ld_member(ch, "link") != NULL) {
        link = find_ref(doc, &o, "link", "link", xbr_network_find_link, net);
        any = 1;
    }
    rc = selector(doc, ch, "mode", oid, "mode", mode_of, net, modes);
    int has_mode = rc == 1;
    any |= rc != 0;
    rc = selector(doc, ch, "from_country", oid, "country", xbr_network_find_country, net, from_c);
    int has_from = rc == 1;
    any |= rc != 0;
    rc = selector(doc, ch, "to_country", oid, "country", xbr_network_find_country, net, to_c);
    int has_to = rc == 1;
    any |= rc != 0;
    if (!any)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, ch, 0, oid, NULL,
                       "a selector: \"link\", or any of \"mode\", \"from_country\", \"to_country\"",
                       "scale_links without a selector");
    int hc = xbr__ld_get_num(&o, "cost", false, xbr__ld_positive, &fc);
    int hd = xbr__ld_get_num(&o, "days", false, xbr__ld_positive, &fd);
    if (hc == 0 && hd == 0)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, ch, 0, oid, NULL,
                       "\"cost\" and/or \"days\": a factor > 0",
                       "scale_links with nothing to scale");
    bad = doc->n_errors != errors0;
    if (!bad) {
        size_t matched = 0;
        for (size_t j = 0; j < net->n_links; j++) {
            xbr_link_t *l = &net->links[j];
            if (l->from < 0 || l->to < 0 || net->nodes[l->from].country < 0 ||
                net->nodes[l->to].country < 0)
                continue; /* only after a failed add: the load fails anyway */
            if (link >= 0 && (size_t)link != j)
                continue;
            if (has_mode && !modes[l->mode])
                continue;
            if (has_from && !from_c[net->nodes[l->from].country])
                continue;
            if (has_to && !to_c[net->nodes[l->to].country])
                continue;
            matched++;
            if (hc == 1) {
                l->cost.per_kg *= fc;
                l->cost.per_m3 *= fc;
                l->cost.per_unit *= fc;
                l->cost.per_shipment *= fc;
                l->cost.min_charge *= fc;
            }
            if (hd == 1) {
                l->days.min *= fd;
                l->days.mode *= fd;
                l->days.max *= fd;
            }
        }
        if (matched == 0)
            xbr__ldoc_diag(doc, XBR_SEV_WARNING, ch, 0, oid, NULL,
                           "a selector that matches at least one link",
                           "scale_links matches no link");
    }
    free(from_c);
    free(to_c);
    return XBR_OK;
}

static xbr_status_t add(xbr__ldoc_t *doc, const cJSON *ch, const char *oid, xbr_network_t *net,
                        const xbr__strmap_t *scenario_sources)
{
    xbr__ldnet_ids_t ids;
    size_t errors0 = doc->n_errors;
    const cJSON *nodes = xbr__ld_member(ch, "nodes");
    const cJSON *links = xbr__ld_member(ch, "links");
    if (nodes == NULL && links == NULL) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, ch, 0, oid, NULL, "\"nodes\" and/or \"links\"",
                       "add with nothing to add");
        return XBR_OK;
    }
    xbr_status_t st = xbr__ldnet_ids_init(&ids, net);
    ids.extra_sources = scenario_sources;
    size_t node0 = net->n_nodes, link0 = net->n_links;
    if (st == XBR_OK)
        st = xbr__ldnet_add_nodes_links(doc, net, &ids, nodes, links);
    if (st == XBR_OK) /* rate cards and fee tables of what was added (load/lastmile.c) */
        st = xbr__ldlm_resolve(doc, net, nodes, links, node0, link0);
    xbr__ldnet_ids_destroy(&ids);
    if (st == XBR_OK && doc->n_errors == errors0) {
        st = xbr__network_index(net);
        if (st == XBR_EINPUT) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, ch, 0, oid, NULL, NULL,
                           "the network could not be re-indexed after add");
            st = XBR_OK;
        }
    }
    return st;
}

/* set_capacity: a warehouse's capacity_m3 (node) or a link's capacity_kg_per_week (link). */
static void set_capacity(xbr__ldoc_t *doc, const xbr__ldobj_t *o, xbr_network_t *net)
{
    bool has_node = xbr__ld_member(o->obj, "node") != NULL;
    bool has_link = xbr__ld_member(o->obj, "link") != NULL;
    if (has_node == has_link) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, o->obj, 0, o->oid, NULL,
                       "\"node\" (a warehouse) with \"capacity_m3\", or \"link\" with "
                       "\"capacity_kg_per_week\"",
                       has_node ? "both node and link" : "neither node nor link");
        return;
    }
    if (has_node) {
        int idx = find_ref(doc, o, "node", "node", xbr_network_find_node, net);
        if (idx >= 0 && net->nodes[idx].type != XBR_NODE_WAREHOUSE)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(o->obj, "node"), 0, o->oid, "node",
                           "a warehouse node", "\"%.64s\" is not a warehouse", net->nodes[idx].id);
        else if (idx >= 0)
            xbr__ld_get_num(o, "capacity_m3", true, xbr__ld_nonneg, &net->nodes[idx].capacity_m3);
        return;
    }
    int idx = find_ref(doc, o, "link", "link", xbr_network_find_link, net);
    if (idx >= 0)
        xbr__ld_get_num(o, "capacity_kg_per_week", true, xbr__ld_nonneg,
                        &net->links[idx].capacity_kg_per_week);
}

/* set_link: replaces the fields it gives of one link: its whole tariff ("cost"), its days, its
 * departures, its capacity or its distance. */
static void set_link(xbr__ldoc_t *doc, const xbr__ldobj_t *o, xbr_network_t *net)
{
    int idx = find_ref(doc, o, "link", "link", xbr_network_find_link, net);
    if (idx < 0)
        return;
    xbr_link_t *l = &net->links[idx];
    const cJSON *c = xbr__ld_member(o->obj, "cost");
    if (c != NULL) {
        xbr_rate_t r = {0.0, 0.0, 0.0, 0.0, 0.0};
        xbr__ld_rate(doc, c, o->oid, "cost", &r);
        l->cost = r;
    }
    const cJSON *d = xbr__ld_member(o->obj, "days");
    if (d != NULL)
        xbr__ld_days(doc, d, o->oid, &l->days);
    xbr__ld_get_num(o, "departures_per_week", false, xbr__ld_nonneg, &l->departures_per_week);
    xbr__ld_get_num(o, "capacity_kg_per_week", false, xbr__ld_nonneg, &l->capacity_kg_per_week);
    if (xbr__ld_get_num(o, "distance_km", false, xbr__ld_nonneg, &l->distance_km) == 1)
        l->distance_given = true;
}

/* add_country: a country the network does not have ("country": its ISO code, and any country
 * key), so that a scenario can add markets or plants in it. */
static xbr_status_t add_country(xbr__ldoc_t *doc, const xbr__ldobj_t *o, xbr_network_t *net,
                                const xbr__strmap_t *scenario_sources)
{
    const cJSON *v = xbr__ld_member(o->obj, "country");
    if (xbr__ld_get_str(o, "country", true, NULL) != 1)
        return XBR_OK;
    const char *code = v->valuestring;
    if (strlen(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z') {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, o->oid, "country",
                       "two capital letters (ISO 3166 alpha-2), e.g. \"CA\"",
                       "invalid country code \"%.32s\"", code);
        return XBR_OK;
    }
    if (xbr_network_find_country(net, code) >= 0) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, o->oid, "country",
                       "a country the network does not have (set_country changes one it has)",
                       "country \"%s\" exists", code);
        return XBR_OK;
    }
    xbr_country_t *grown = realloc(net->countries, (net->n_countries + 2) * sizeof *grown);
    if (grown == NULL)
        return XBR_ENOMEM;
    net->countries = grown;
    xbr_country_t *c = &net->countries[net->n_countries];
    memset(c, 0, sizeof *c);
    if ((c->code = xbr__strdup(code)) == NULL)
        return XBR_ENOMEM;
    net->n_countries++;
    int line, col;
    xbr__ldoc_pos(doc, o->obj, 0, &line, &col);
    c->pos.file = xbr__network_intern(net, doc->file);
    c->pos.line = line;
    c->pos.col = col;
    xbr__ldnet_ids_t ids;
    xbr_status_t st = xbr__ldnet_ids_init(&ids, net);
    ids.extra_sources = scenario_sources;
    if (st == XBR_OK)
        st = xbr__ldnet_country_fields(doc, o->obj, o->oid, c, &ids);
    xbr__ldnet_ids_destroy(&ids);
    if (st == XBR_OK && xbr__network_index(net) == XBR_ENOMEM)
        st = XBR_ENOMEM;
    return st;
}

typedef struct {
    xbr__ldoc_t *doc;
    const cJSON *ch;
    const char *oid;
    const xbr_network_t *net;
} no_path_ctx_t;

/* close_passage left sea link `link` without a lane: it is closed, and the load says why. */
static void no_path(void *ctx, size_t link)
{
    const no_path_ctx_t *c = ctx;
    char closed[160];
    size_t n = 0;
    closed[0] = '\0';
    for (int p = 0; p < XBR_PASSAGE_COUNT && n < sizeof closed; p++)
        if (c->net->closed_passages & (1u << p))
            n += (size_t)snprintf(closed + n, sizeof closed - n, "%s%s", n ? ", " : "",
                                  xbr_passage_name((xbr_passage_t)p));
    xbr__ldoc_diag(c->doc, XBR_SEV_WARNING, c->ch, 0, c->oid, NULL, NULL,
                   "sea link \"%.64s\" closed: no sea lane avoids the closed passages (%s)",
                   c->net->links[link].id, closed);
}

xbr_status_t xbr__changes_apply(xbr__ldoc_t *doc, const cJSON *changes, xbr_network_t *net,
                                const xbr__strmap_t *scenario_sources)
{
    const cJSON *ch;
    char oid[64];
    xbr_status_t st = XBR_OK;
    xbr__ldoc_iter_t it;
    int more;
    if (!cJSON_IsArray(changes)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, changes, 0, NULL, "changes", "an array of changes",
                       "wrong type: %s", xbr__ld_type_name(changes));
        return XBR_OK;
    }
    /* one change at a time: a scenario's "changes" is streamed (document.c) */
    xbr__ldoc_iter_init(&it, doc, changes);
    while ((more = xbr__ldoc_iter_next(&it, true, &ch)) > 0) {
        int op = -1, idx;
        snprintf(oid, sizeof oid, "change #%zu", it.k);
        if (!xbr__ld_is_object(doc, ch, oid, NULL))
            continue;
        xbr__ldobj_t o = {doc, ch, oid, NULL};
        xbr__ld_check_keys(&o, "change");
        if (xbr__ld_get_enum(&o, "op", true, "op", op_parse, op_name, OP_COUNT, &op) != 1)
            continue;
        check_op_keys(doc, ch, oid, op);
        switch ((op_t)op) {
        case OP_CLOSE_NODE:
        case OP_OPEN_NODE:
            idx = find_ref(doc, &o, "node", "node", xbr_network_find_node, net);
            if (idx >= 0)
                net->nodes[idx].closed = op == OP_CLOSE_NODE;
            break;
        case OP_CLOSE_LINK:
        case OP_OPEN_LINK:
            idx = find_ref(doc, &o, "link", "link", xbr_network_find_link, net);
            if (idx >= 0)
                net->links[idx].closed = op == OP_CLOSE_LINK;
            break;
        case OP_CLOSE_PASSAGE:
            if (xbr__ld_get_enum(&o, "passage", true, "passage", xbr_passage_parse,
                                 xbr__ld_passage_name, XBR_PASSAGE_COUNT, &idx) == 1) {
                no_path_ctx_t np = {doc, ch, oid, net};
                st = xbr__sealanes_close_passage(net, idx, no_path, &np);
            }
            break;
        case OP_SCALE_LINKS:
            st = scale_links(doc, ch, oid, net);
            break;
        case OP_SET_COUNTRY:
            idx = find_ref(doc, &o, "country", "country", xbr_network_find_country, net);
            if (idx >= 0) {
                xbr__ldnet_ids_t ids;
                st = xbr__ldnet_ids_init(&ids, net);
                ids.extra_sources = scenario_sources;
                if (st == XBR_OK)
                    st = xbr__ldnet_country_fields(doc, ch, oid, &net->countries[idx], &ids);
                xbr__ldnet_ids_destroy(&ids);
            }
            break;
        case OP_ADD:
            st = add(doc, ch, oid, net, scenario_sources);
            break;
        case OP_SET_CAPACITY:
            set_capacity(doc, &o, net);
            break;
        case OP_ADD_COUNTRY:
            st = add_country(doc, &o, net, scenario_sources);
            break;
        case OP_SET_LINK:
            set_link(doc, &o, net);
            break;
        case OP_SET_PRODUCT: /* applied to the products, after they are read */
        case OP_SET_DEMAND:
        case OP_SCALE_DEMAND:
        case OP_COUNT:
            break;
        }
        if (st != XBR_OK || doc->nomem)
            return st != XBR_OK ? st : XBR_ENOMEM;
    }
    return more < 0 && doc->nomem ? XBR_ENOMEM : XBR_OK;
}

/* ---- the product ops ------------------------------------------------------------------------- */

static int product_of(const xbr_scenario_t *sc, const char *id)
{
    return xbr_scenario_find_product(sc, id);
}

/* The products a demand op selects ("product": one id; absent: every product), into sel. */
static bool select_products(xbr__ldoc_t *doc, const xbr__ldobj_t *o, const xbr_scenario_t *sc,
                            bool *sel)
{
    const cJSON *v = xbr__ld_member(o->obj, "product");
    if (v == NULL) {
        for (size_t p = 0; p < sc->n_products; p++)
            sel[p] = true;
        return true;
    }
    if (xbr__ld_get_str(o, "product", true, NULL) != 1)
        return false;
    int p = product_of(sc, v->valuestring);
    if (p < 0) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, o->oid, "product", "a product id of the scenario",
                       "unknown product \"%.64s\"", v->valuestring);
        return false;
    }
    sel[p] = true;
    return true;
}

/* The markets a demand op selects: "market" (an id or an array), or "country" (its markets), or
 * neither (every market); into sel (n_nodes). */
static bool select_markets(xbr__ldoc_t *doc, const xbr__ldobj_t *o, const xbr_network_t *net,
                           bool *sel)
{
    const cJSON *m = xbr__ld_member(o->obj, "market");
    const cJSON *c = xbr__ld_member(o->obj, "country");
    if (m != NULL && c != NULL) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, c, 1, o->oid, "country", "\"market\" or \"country\"",
                       "both market and country");
        return false;
    }
    if (m != NULL) {
        bool *any = calloc(net->n_nodes + 1, 1);
        if (any == NULL)
            return false;
        int rc =
            selector(doc, o->obj, "market", o->oid, "market node", xbr_network_find_node, net, any);
        for (size_t i = 0; i < net->n_nodes && rc == 1; i++) {
            if (any[i] && net->nodes[i].type != XBR_NODE_MARKET) {
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, m, 0, o->oid, "market", "market nodes",
                               "\"%.64s\" is not a market", net->nodes[i].id);
                rc = -1;
            }
            sel[i] = any[i];
        }
        free(any);
        return rc == 1;
    }
    int country = -1;
    if (c != NULL &&
        (country = find_ref(doc, o, "country", "country", xbr_network_find_country, net)) < 0)
        return false;
    for (size_t i = 0; i < net->n_nodes; i++)
        sel[i] = net->nodes[i].type == XBR_NODE_MARKET &&
                 (country < 0 || net->nodes[i].country == country);
    return true;
}

/* set_demand / scale_demand: the selected products' demand in the selected markets. */
static xbr_status_t demand_op(xbr__ldoc_t *doc, const xbr__ldobj_t *o, int op, xbr_scenario_t *sc)
{
    const xbr_network_t *net = sc->network;
    double v = NAN;
    bool *prods = calloc(sc->n_products + 1, 1), *mkts = calloc(net->n_nodes + 1, 1);
    if (prods == NULL || mkts == NULL) {
        free(prods);
        free(mkts);
        return XBR_ENOMEM;
    }
    bool ok = select_products(doc, o, sc, prods) && select_markets(doc, o, net, mkts);
    ok = ok && xbr__ld_get_num(o, op == OP_SET_DEMAND ? "demand" : "factor", true, xbr__ld_nonneg,
                               &v) == 1;
    for (size_t p = 0; ok && p < sc->n_products; p++)
        for (size_t m = 0; prods[p] && m < net->n_nodes; m++) {
            double *d = &sc->products[p].demand_per_week[m];
            if (mkts[m])
                *d = op == OP_SET_DEMAND ? v : *d * v;
        }
    free(prods);
    free(mkts);
    return XBR_OK;
}

/* set_product: numeric fields of one product. */
static void set_product(xbr__ldoc_t *doc, const xbr__ldobj_t *o, xbr_scenario_t *sc)
{
    const cJSON *v = xbr__ld_member(o->obj, "product");
    if (xbr__ld_get_str(o, "product", true, NULL) != 1)
        return;
    int p = product_of(sc, v->valuestring);
    if (p < 0) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, o->oid, "product", "a product id of the scenario",
                       "unknown product \"%.64s\"", v->valuestring);
        return;
    }
    xbr_product_t *pr = &sc->products[p];
    xbr__ldrange_t ge1 = {1.0, INFINITY, 0};
    int n = 0;
    n += xbr__ld_get_num(o, "unit_kg", false, xbr__ld_positive, &pr->unit_kg) == 1;
    n += xbr__ld_get_num(o, "unit_m3", false, xbr__ld_positive, &pr->unit_m3) == 1;
    n += xbr__ld_get_num(o, "unit_value", false, xbr__ld_positive, &pr->unit_value) == 1;
    n += xbr__ld_get_num(o, "units_per_order", false, ge1, &pr->units_per_order) == 1;
    n += xbr__ld_get_num(o, "demand_cv", false, xbr__ld_nonneg, &pr->demand_cv) == 1;
    xbr__ldrange_t pct = {0.0, 100.0, 0};
    n += xbr__ld_get_num(o, "export_vat_rebate_pct", false, pct, &pr->export_vat_rebate_pct) == 1;
    if (n == 0 && cJSON_GetArraySize(o->obj) <= 2)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, o->obj, 0, o->oid, NULL,
                       "one of unit_kg, unit_m3, unit_value, units_per_order, demand_cv, "
                       "export_vat_rebate_pct",
                       "set_product with nothing to set");
}

xbr_status_t xbr__changes_apply_products(xbr__ldoc_t *doc, const cJSON *changes, xbr_scenario_t *sc)
{
    const cJSON *ch;
    char oid[64];
    xbr__ldoc_iter_t it;
    int more;
    if (!cJSON_IsArray(changes) || sc->network == NULL)
        return XBR_OK; /* xbr__changes_apply() reported it */
    xbr__ldoc_iter_init(&it, doc, changes);
    while ((more = xbr__ldoc_iter_next(&it, true, &ch)) > 0) {
        int op = -1;
        snprintf(oid, sizeof oid, "change #%zu", it.k);
        const cJSON *opv = xbr__ld_member(ch, "op");
        if (!cJSON_IsObject(ch) || !cJSON_IsString(opv) || (op = op_parse(opv->valuestring)) < 0)
            continue;
        xbr__ldobj_t o = {doc, ch, oid, NULL};
        xbr_status_t st = XBR_OK;
        if (op == OP_SET_PRODUCT)
            set_product(doc, &o, sc);
        else if (op == OP_SET_DEMAND || op == OP_SCALE_DEMAND)
            st = demand_op(doc, &o, op, sc);
        if (st != XBR_OK || doc->nomem)
            return st != XBR_OK ? st : XBR_ENOMEM;
    }
    return more < 0 && doc->nomem ? XBR_ENOMEM : XBR_OK;
}
