/*
 * load/network.c - the network file loader (docs/formats.md, "Network file").
 *
 * Converts a strict-scanned cJSON tree into xbr_network_t, reporting every problem it finds
 * (each with file:line:col, object id and field) rather than the first: a node or link with an
 * error is still appended when it has an id, so one bad node does not make every link to it an
 * "unknown node" too. The network is indexed only when no error was found; on error it is
 * freed and the caller gets XBR_EINPUT. Numbers absent from the file take the formats.md
 * defaults; capacities default to INFINITY. Object names in messages: "node ID", "link ID"
 * (the default id FROM>TO:MODE when none is given), "link #N" (1-based position in "links")
 * when even that is unknown, "country XX", "regime 9610", "source ID".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"
#include "model/internal.h"

xbr_status_t xbr__ldnet_ids_init(xbr__ldnet_ids_t *ids, const xbr_network_t *net)
{
    xbr_status_t st = XBR_OK;
    memset(ids, 0, sizeof *ids);
    xbr__strmap_init(&ids->nodes);
    xbr__strmap_init(&ids->links);
    xbr__strmap_init(&ids->countries);
    xbr__strmap_init(&ids->sources);
    if (net == NULL)
        return XBR_OK;
    for (size_t i = 0; i < net->n_nodes && st == XBR_OK; i++)
        if (net->nodes[i].id != NULL)
            st = xbr__strmap_put(&ids->nodes, net->nodes[i].id, (int)i);
    for (size_t i = 0; i < net->n_links && st == XBR_OK; i++)
        if (net->links[i].id != NULL)
            st = xbr__strmap_put(&ids->links, net->links[i].id, (int)i);
    ids->currency = net->currency;
    for (size_t i = 0; i < net->n_countries && st == XBR_OK; i++)
        st = xbr__strmap_put(&ids->countries, net->countries[i].code, (int)i);
    for (size_t i = 0; i < net->n_sources && st == XBR_OK; i++)
        st = xbr__strmap_put(&ids->sources, net->sources[i].id, (int)i);
    return st;
}

void xbr__ldnet_ids_destroy(xbr__ldnet_ids_t *ids)
{
    xbr__strmap_destroy(&ids->nodes);
    xbr__strmap_destroy(&ids->links);
    xbr__strmap_destroy(&ids->countries);
    xbr__strmap_destroy(&ids->sources);
}

static int nomem(xbr__ldoc_t *doc)
{
    doc->nomem = 1;
    return -1;
}

/* ---- sources ---- */

static bool valid_date(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return false;
        } else if (s[i] < '0' || s[i] > '9')
            return false;
    }
    if (n >= 7) {
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12)
            return false;
    }
    if (n == 10) {
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (d < 1 || d > 31)
            return false;
    }
    return true;
}

xbr_status_t xbr__ldnet_sources(xbr__ldoc_t *doc, const cJSON *arr, xbr_network_t *net,
                                xbr__strmap_t *ids)
{
    const cJSON *it;
    char oid[96];
    size_t k = 0;
    if (!cJSON_IsArray(arr)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, arr, 0, NULL, "sources", "an array of sources",
                       "wrong type: %s", xbr__ld_type_name(arr));
        return XBR_OK;
    }
    if (net != NULL) {
        size_t n = (size_t)cJSON_GetArraySize(arr);
        xbr_source_t *s = realloc(net->sources, (net->n_sources + n + 1) * sizeof *s);
        if (s == NULL)
            return XBR_ENOMEM;
        net->sources = s;
    }
    cJSON_ArrayForEach(it, arr)
    {
        k++;
        const cJSON *idv = xbr__ld_member(it, "id");
        if (cJSON_IsString(idv))
            snprintf(oid, sizeof oid, "source %.64s", idv->valuestring);
        else
            snprintf(oid, sizeof oid, "source #%zu", k);
        if (!xbr__ld_is_object(doc, it, oid, NULL))
            continue;
        xbr__ldobj_t o = {doc, it, oid, NULL};
        xbr_source_t src = {0};
        xbr__ld_check_keys(&o, "source");
        int rid = xbr__ld_get_str(&o, "id", true, &src.id);
        xbr__ld_get_str(&o, "what", true, &src.what);
        xbr__ld_get_str(&o, "where", true, &src.where);
        if (xbr__ld_get_str(&o, "date", true, &src.date) == 1 && !valid_date(src.date))
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "date"), 0, oid, "date",
                           "YYYY-MM-DD, YYYY-MM or YYYY", "invalid date \"%.32s\"", src.date);
        if (rid == 1) {
            if (xbr__strmap_get(ids, src.id) >= 0)
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id", "a unique source id",
                               "duplicate source id \"%.64s\"", src.id);
            else if (xbr__strmap_put(ids, net != NULL ? src.id : idv->valuestring, (int)k) !=
                     XBR_OK)
                doc->nomem = 1;
        }
        if (net != NULL) {
            net->sources[net->n_sources++] = src;
        } else {
            free(src.id);
            free(src.what);
            free(src.where);
            free(src.date);
        }
    }
    return doc->nomem ? XBR_ENOMEM : XBR_OK;
}

/* ---- defaults, countries, regimes ---- */

static void load_defaults(xbr__ldoc_t *doc, const cJSON *obj, xbr_network_t *net)
{
    static const char *const what[3] = {"volumetric_kg_per_m3", "detour_factor", "co2e_g_per_tkm"};
    const xbr__ldrange_t ranges[3] = {xbr__ld_positive, {1.0, INFINITY, 0}, xbr__ld_nonneg};
    double *dst[3] = {net->volumetric_kg_per_m3, net->detour_factor, net->co2e_g_per_tkm};
    char field[96], exp[200];
    if (!xbr__ld_is_object(doc, obj, NULL, "defaults"))
        return;
    xbr__ldobj_t o = {doc, obj, "defaults", NULL};
    xbr__ld_check_keys(&o, "defaults");
    for (int k = 0; k < 3; k++) {
        const cJSON *tab = xbr__ld_member(obj, what[k]);
        const cJSON *m;
        if (tab == NULL)
            continue;
        snprintf(field, sizeof field, "defaults.%s", what[k]);
        if (!xbr__ld_is_object(doc, tab, NULL, field))
            continue;
        cJSON_ArrayForEach(m, tab)
        {
            int mode = xbr_mode_parse(m->string);
            snprintf(field, sizeof field, "defaults.%s.%.32s", what[k], m->string);
            if (mode < 0) {
                size_t n = (size_t)snprintf(exp, sizeof exp, "a mode: one of ");
                for (int i = 0; i < XBR_MODE_COUNT && n < sizeof exp; i++)
                    n += (size_t)snprintf(exp + n, sizeof exp - n, "%s%s", i ? ", " : "",
                                          xbr_mode_name((xbr_mode_t)i));
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, m, 1, NULL, field, exp, "unknown mode \"%.32s\"",
                               m->string);
                continue;
            }
            double v;
            if (xbr__ld_check_num(doc, m, NULL, field, ranges[k], &v) == 1)
                dst[k][mode] = v;
        }
    }
}

xbr_status_t xbr__ldnet_country_fields(xbr__ldoc_t *doc, const cJSON *obj, const char *oid,
                                       xbr_country_t *c, const xbr__ldnet_ids_t *ids)
{
    static const char *const nonneg[] = {"de_minimis",
                                         "vat_de_minimis",
                                         "vat_pct",
                                         "clearance_days",
                                         "clearance_fee_per_shipment",
                                         "inspection_days"};
    double *dst[] = {&c->de_minimis,
                     &c->vat_de_minimis,
                     &c->vat_pct,
                     &c->clearance_days,
                     &c->clearance_fee_per_shipment,
                     &c->inspection_days};
    xbr__ldobj_t o = {doc, obj, oid, NULL};
    xbr__ld_get_str(&o, "name", false, &c->name);
    xbr__ld_get_str(&o, "customs_union", false, &c->customs_union);
    for (size_t k = 0; k < sizeof nonneg / sizeof nonneg[0]; k++)
        xbr__ld_get_num(&o, nonneg[k], false, xbr__ld_nonneg, dst[k]);
    xbr__ldrange_t prob = {0.0, 1.0, 0};
    xbr__ld_get_num(&o, "inspection_prob", false, prob, &c->inspection_prob);
    const cJSON *duty = xbr__ld_member(obj, "duty_pct");
    if (cJSON_IsNumber(duty)) {
        double v;
        if (xbr__ld_check_num(doc, duty, oid, "duty_pct", xbr__ld_nonneg, &v) == 1) {
            for (size_t k = 0; k < c->n_duty; k++)
                free(c->duty_category[k]);
            c->n_duty = 0;
            c->duty_pct_default = v;
        }
    } else if (cJSON_IsObject(duty)) {
        size_t n = (size_t)cJSON_GetArraySize(duty);
        char **cats = calloc(n + 1, sizeof *cats);
        double *pcts = calloc(n + 1, sizeof *pcts);
        size_t k = 0;
        double def = 0.0;
        const cJSON *m;
        char field[120];
        if (cats == NULL || pcts == NULL) {
            free(cats);
            free(pcts);
            return XBR_ENOMEM;
        }
        cJSON_ArrayForEach(m, duty)
        {
            double v;
            snprintf(field, sizeof field, "duty_pct.%.64s", m->string);
            if (xbr__ld_check_num(doc, m, oid, field, xbr__ld_nonneg, &v) != 1)
                continue;
            if (strcmp(m->string, "default") == 0) {
                def = v;
                continue;
            }
            cats[k] = xbr__strdup(m->string);
            if (cats[k] == NULL) {
                doc->nomem = 1;
                break;
            }
            pcts[k++] = v;
        }
        for (size_t i = 0; i < c->n_duty; i++)
            free(c->duty_category[i]);
        free(c->duty_category);
        free(c->duty_pct);
        c->duty_category = cats;
        c->duty_pct = pcts;
        c->n_duty = k;
        c->duty_pct_default = def;
    } else if (duty != NULL) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, duty, 0, oid, "duty_pct",
                       "a number, or an object of category -> number with an optional \"default\"",
                       "wrong type: %s", xbr__ld_type_name(duty));
    }
    xbr__ldnet_tariff_fields(doc, obj, oid, c, ids);
    if (ids != NULL)
        xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
    return doc->nomem ? XBR_ENOMEM : XBR_OK;
}

static bool valid_country_code(const char *s)
{
    return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] == '\0';
}

static xbr_status_t load_countries(xbr__ldoc_t *doc, const cJSON *obj, xbr_network_t *net,
                                   xbr__ldnet_ids_t *ids)
{
    const cJSON *m;
    char oid[96];
    if (!xbr__ld_is_object(doc, obj, NULL, "countries"))
        return XBR_OK;
    size_t n = (size_t)cJSON_GetArraySize(obj);
    net->countries = calloc(n + 1, sizeof *net->countries);
    if (net->countries == NULL)
        return XBR_ENOMEM;
    cJSON_ArrayForEach(m, obj)
    {
        snprintf(oid, sizeof oid, "country %.32s", m->string);
        if (!valid_country_code(m->string)) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, m, 1, oid, NULL,
                           "two capital letters (ISO 3166 alpha-2), e.g. \"US\"",
                           "invalid country code \"%.32s\"", m->string);
            continue;
        }
        if (!xbr__ld_is_object(doc, m, oid, NULL))
            continue;
        xbr_country_t *c = &net->countries[net->n_countries];
        c->code = xbr__strdup(m->string);
        if (c->code == NULL)
            return XBR_ENOMEM;
        net->n_countries++;
        int line, col;
        xbr__ldoc_pos(doc, m, 1, &line, &col);
        c->pos.file = xbr__network_intern(net, doc->file);
        c->pos.line = line;
        c->pos.col = col;
        xbr__ldobj_t o = {doc, m, oid, NULL};
        xbr__ld_check_keys(&o, "country");
        if (xbr__ldnet_country_fields(doc, m, oid, c, ids) != XBR_OK)
            return XBR_ENOMEM;
        if (xbr__strmap_put(&ids->countries, c->code, (int)(net->n_countries - 1)) != XBR_OK)
            return XBR_ENOMEM;
    }
    return XBR_OK;
}

static void load_regimes(xbr__ldoc_t *doc, const cJSON *obj, xbr_network_t *net,
                         const xbr__ldnet_ids_t *ids)
{
    const cJSON *m;
    char oid[96], exp[120];
    if (!xbr__ld_is_object(doc, obj, NULL, "regimes"))
        return;
    cJSON_ArrayForEach(m, obj)
    {
        snprintf(oid, sizeof oid, "regime %.32s", m->string);
        int r = xbr_regime_parse(m->string);
        if (r < 0) {
            size_t n = (size_t)snprintf(exp, sizeof exp, "one of ");
            for (int i = 0; i < XBR_REGIME_COUNT && n < sizeof exp; i++)
                n += (size_t)snprintf(exp + n, sizeof exp - n, "%s\"%s\"", i ? ", " : "",
                                      xbr_regime_name((xbr_regime_t)i));
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, m, 1, oid, NULL, exp,
                           "unknown regime code \"%.32s\"", m->string);
            continue;
        }
        if (!xbr__ld_is_object(doc, m, oid, NULL))
            continue;
        xbr__ldobj_t o = {doc, m, oid, NULL};
        xbr_regime_info_t *ri = &net->regimes[r];
        xbr__ld_check_keys(&o, "regime");
        ri->defined = true;
        xbr__ld_get_num(&o, "clearance_days", false, xbr__ld_nonneg, &ri->clearance_days);
        xbr__ld_get_num(&o, "fee_per_shipment", false, xbr__ld_nonneg, &ri->fee_per_shipment);
        xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
    }
}

/* ---- nodes ---- */

static bool is_intermediary(int type)
{
    return type == XBR_NODE_EXPORTER || type == XBR_NODE_IMPORTER || type == XBR_NODE_WHOLESALER ||
           type == XBR_NODE_RETAILER;
}

static bool valid_id(const char *s)
{
    return xbr__ld_valid_id(s);
}

/* A node's boolean field `key` that only nodes of type `only` may set true: its value, false when
 * absent or reported (not true or false; true on a node of another type, -1 = unknown). */
static bool node_flag(xbr__ldoc_t *doc, const cJSON *it, const char *oid, const char *key, int type,
                      xbr_node_type_t only)
{
    const cJSON *v = xbr__ld_member(it, key);
    char expected[64];
    if (v != NULL && !cJSON_IsBool(v)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, oid, key, "true or false", "wrong type: %s",
                       xbr__ld_type_name(v));
        return false;
    }
    if (cJSON_IsTrue(v) && type >= 0 && type != (int)only) {
        snprintf(expected, sizeof expected, "\"%s\" only on %s nodes", key,
                 xbr_node_type_name(only));
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 1, oid, key, expected, "%s on a node of type %s", key,
                       xbr_node_type_name((xbr_node_type_t)type));
        return false;
    }
    return cJSON_IsTrue(v);
}

/* Where `it` sits in the document, with the file name interned in `net` (NULL when out of
 * memory: the position is then nameless, not wrong). */
static xbr_srcpos_t source_pos(xbr__ldoc_t *doc, const cJSON *it, xbr_network_t *net)
{
    xbr_srcpos_t pos = {NULL, 0, 0};
    xbr__ldoc_pos(doc, it, 0, &pos.line, &pos.col);
    pos.file = xbr__network_intern(net, doc->file);
    return pos;
}

static void load_node(xbr__ldoc_t *doc, const cJSON *it, size_t k, xbr_network_t *net,
                      xbr__ldnet_ids_t *ids)
{
    char oid[96];
    const cJSON *idv = xbr__ld_member(it, "id");
    if (cJSON_IsString(idv))
        xbr__ld_oid(oid, sizeof oid, "node", idv->valuestring);
    else
        snprintf(oid, sizeof oid, "node #%zu", k);
    if (!xbr__ld_is_object(doc, it, oid, NULL))
        return;
    size_t idx = net->n_nodes++;
    xbr_node_t *nd = &net->nodes[idx];
    memset(nd, 0, sizeof *nd);
    nd->country = -1;
    nd->capacity_m3 = INFINITY;
    nd->pos = source_pos(doc, it, net);

    xbr__ldobj_t o = {doc, it, oid, NULL};
    xbr__ld_check_keys(&o, "node");
    if (xbr__ld_get_str(&o, "id", true, &nd->id) == 1) {
        if (!valid_id(nd->id)) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id",
                           "1 to 64 characters without spaces or control characters",
                           "invalid node id \"%.64s\"", nd->id);
        } else if (xbr__strmap_get(&ids->nodes, nd->id) >= 0) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id", "a unique node id",
                           "duplicate node id \"%.64s\"", nd->id);
        } else if (xbr__strmap_put(&ids->nodes, nd->id, (int)idx) != XBR_OK) {
            nomem(doc);
            return;
        }
    }
    int type = -1;
    if (xbr__ld_get_enum(&o, "type", true, "node type", xbr_node_type_parse, xbr__ld_node_type_name,
                         XBR_NODE_TYPE_COUNT, &type) == 1)
        nd->type = (xbr_node_type_t)type;
    xbr__ld_get_str(&o, "name", true, &nd->name);
    xbr__ld_get_str(&o, "code", false, &nd->code);
    char *country = NULL;
    if (xbr__ld_get_str(&o, "country", true, &country) == 1) {
        nd->country = xbr__strmap_get(&ids->countries, country);
        if (nd->country < 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "country"), 0, oid, "country",
                           "a key of the network's \"countries\"", "unknown country \"%.32s\"",
                           country);
    }
    free(country);
    xbr__ldrange_t lat = {-90.0, 90.0, 0}, lon = {-180.0, 180.0, 0};
    xbr__ld_get_num(&o, "lat", true, lat, &nd->lat);
    xbr__ld_get_num(&o, "lon", true, lon, &nd->lon);

    const cJSON *h = xbr__ld_member(it, "handling");
    if (h != NULL && xbr__ld_is_object(doc, h, oid, "handling")) {
        xbr__ldobj_t ho = {doc, h, oid, "handling"};
        xbr__ld_check_keys(&ho, "handling");
        xbr__ld_get_num(&ho, "cost_per_kg", false, xbr__ld_nonneg, &nd->handling.cost_per_kg);
        xbr__ld_get_num(&ho, "cost_per_unit", false, xbr__ld_nonneg, &nd->handling.cost_per_unit);
        xbr__ld_get_num(&ho, "days", false, xbr__ld_nonneg, &nd->handling.days);
    }
    if (xbr__ld_get_num(&o, "markup_pct", false, xbr__ld_nonneg, &nd->markup_pct) != 0 &&
        type >= 0 && !is_intermediary(type))
        xbr__ldoc_diag(
            doc, XBR_SEV_ERROR, xbr__ld_member(it, "markup_pct"), 1, oid, "markup_pct",
            "markup_pct only on intermediaries (exporter, importer, wholesaler, retailer)",
            "markup_pct on a node of type %s", xbr_node_type_name((xbr_node_type_t)type));
    static const char *const wh[3] = {"storage_cost_per_m3_day", "fixed_cost_per_week",
                                      "capacity_m3"};
    double *whd[3] = {&nd->storage_cost_per_m3_day, &nd->fixed_cost_per_week, &nd->capacity_m3};
    for (int k2 = 0; k2 < 3; k2++)
        if (xbr__ld_get_num(&o, wh[k2], false, xbr__ld_nonneg, whd[k2]) != 0 && type >= 0 &&
            type != XBR_NODE_WAREHOUSE)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, wh[k2]), 1, oid, wh[k2],
                           "this field only on warehouse nodes", "%s on a node of type %s", wh[k2],
                           xbr_node_type_name((xbr_node_type_t)type));
    xbr__ld_node_service(doc, it, oid, nd, type);
    xbr__ld_get_status(&o, &nd->closed);
    nd->bonded = node_flag(doc, it, oid, "bonded", type, XBR_NODE_WAREHOUSE);
    nd->store = node_flag(doc, it, oid, "store", type, XBR_NODE_RETAILER);
    xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
}

/*
 * A bonded warehouse is a bonded zone of an origin country: a country where a factory of the
 * network stands (regime 1210 is an export regime). Checks the bonded warehouses of `arr`
 * (just loaded) against the factories of the whole network.
 */
static void check_bonded(xbr__ldoc_t *doc, const cJSON *arr, const xbr_network_t *net,
                         xbr__ldnet_ids_t *ids, size_t node0)
{
    const cJSON *it;
    xbr__ldoc_iter_t iter;
    size_t idx = node0; /* net->nodes[idx] is the next object of arr */
    xbr__ldoc_iter_init(&iter, doc, arr);
    /* only a node the model holds as bonded is read again (a streamed array parses it) */
    while (xbr__ldoc_iter_next(&iter, idx < net->n_nodes && net->nodes[idx].bonded, &it) > 0) {
        idx += iter.is_object;
        const cJSON *b = xbr__ld_member(it, "bonded");
        const cJSON *c = xbr__ld_member(it, "country");
        const cJSON *t = xbr__ld_member(it, "type");
        if (!cJSON_IsTrue(b) || !cJSON_IsString(c) || !cJSON_IsString(t) ||
            strcmp(t->valuestring, "warehouse") != 0)
            continue;
        int country = xbr__strmap_get(&ids->countries, c->valuestring);
        if (country < 0)
            continue; /* reported as an unknown country */
        bool origin = false;
        for (size_t i = 0; i < net->n_nodes && !origin; i++)
            origin = net->nodes[i].type == XBR_NODE_FACTORY && net->nodes[i].country == country;
        if (!origin) {
            const cJSON *idv = xbr__ld_member(it, "id");
            char oid[80];
            snprintf(oid, sizeof oid, "node %.64s",
                     cJSON_IsString(idv) ? idv->valuestring : "(no id)");
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, b, 1, oid, "bonded",
                           "a bonded warehouse in a country where a factory of the network stands",
                           "bonded warehouse in %.32s, where no factory stands", c->valuestring);
        }
    }
}

/* ---- links ---- */

void xbr__ld_days(xbr__ldoc_t *doc, const cJSON *d, const char *oid, xbr_days_t *out)
{
    if (cJSON_IsNumber(d)) {
        double v;
        if (xbr__ld_check_num(doc, d, oid, "days", xbr__ld_nonneg, &v) == 1)
            out->min = out->mode = out->max = v;
        return;
    }
    if (!cJSON_IsObject(d)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, d, 0, oid, "days",
                       "a number, or an object {\"min\", \"mode\", \"max\"}", "wrong type: %s",
                       xbr__ld_type_name(d));
        return;
    }
    xbr__ldobj_t o = {doc, d, oid, "days"};
    xbr_days_t v = {NAN, NAN, NAN};
    xbr__ld_check_keys(&o, "days");
    int a = xbr__ld_get_num(&o, "min", true, xbr__ld_nonneg, &v.min);
    int b = xbr__ld_get_num(&o, "mode", true, xbr__ld_nonneg, &v.mode);
    int c = xbr__ld_get_num(&o, "max", true, xbr__ld_nonneg, &v.max);
    if (a == 1 && b == 1 && c == 1) {
        if (v.min > v.mode || v.mode > v.max)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, d, 0, oid, "days", "min <= mode <= max",
                           "days out of order: min %g, mode %g, max %g", v.min, v.mode, v.max);
        else
            *out = v;
    }
}

static void load_via(xbr__ldoc_t *doc, const cJSON *via, const char *oid, xbr_link_t *l, int mode)
{
    const cJSON *e;
    char exp[200];
    size_t n = (size_t)snprintf(exp, sizeof exp, "an array of passages: ");
    for (int i = 0; i < XBR_PASSAGE_COUNT && n < sizeof exp; i++)
        n += (size_t)snprintf(exp + n, sizeof exp - n, "%s%s", i ? ", " : "",
                              xbr_passage_name((xbr_passage_t)i));
    if (!cJSON_IsArray(via)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, via, 0, oid, "via", exp, "wrong type: %s",
                       xbr__ld_type_name(via));
        return;
    }
    if (mode >= 0 && mode != XBR_MODE_SEA && cJSON_GetArraySize(via) > 0)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, via, 0, oid, "via", "via only on sea links",
                       "sea passages on a %s link", xbr_mode_name((xbr_mode_t)mode));
    cJSON_ArrayForEach(e, via)
    {
        int p = cJSON_IsString(e) ? xbr_passage_parse(e->valuestring) : -1;
        if (p < 0) {
            if (cJSON_IsString(e))
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, oid, "via", exp,
                               "unknown passage \"%.32s\"", e->valuestring);
            else
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, oid, "via", exp, "wrong type: %s",
                               xbr__ld_type_name(e));
            continue;
        }
        l->via |= 1u << p;
    }
}

/* The passage names of `bits`, comma-separated, into out; "none" when there are none. */
static void passage_list(unsigned bits, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int p = 0; p < XBR_PASSAGE_COUNT && n < cap; p++)
        if (bits & (1u << p))
            n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? ", " : "",
                                  xbr_passage_name((xbr_passage_t)p));
    if (n == 0)
        snprintf(out, cap, "none");
}

void xbr__ldnet_check_via(xbr__ldoc_t *doc, const cJSON *links, const xbr_network_t *net)
{
    const cJSON *it;
    xbr__ldoc_iter_t iter;
    size_t k = 0;
    if (!cJSON_IsArray(links))
        return;
    xbr__ldoc_iter_init(&iter, doc, links);
    /* the model tells which links may warn; only those are read again (a streamed array parses
     * them) */
    for (;;) {
        const xbr_link_t *l = k < net->n_links ? &net->links[k] : NULL;
        bool may_warn = l != NULL && l->lane != NULL && l->lane->pinned && isfinite(l->lane->km) &&
                        l->lane->via != l->via;
        if (xbr__ldoc_iter_next(&iter, may_warn, &it) <= 0 || l == NULL)
            break;
        k++;
        const cJSON *via = xbr__ld_member(it, "via");
        if (!may_warn || via == NULL)
            continue;
        char stated[160], path[160], oid[80];
        passage_list(l->via, stated, sizeof stated);
        passage_list(l->lane->via, path, sizeof path);
        snprintf(oid, sizeof oid, "link %.64s", l->id);
        xbr__ldoc_diag(
            doc, XBR_SEV_WARNING, via, 0, oid, "via", "the passages of the link's sea-lane path",
            "via states %s but the shortest sea lane that keeps to it crosses %s", stated, path);
    }
}

/* "knots" and "port_days": a sea link's speed and time in port, instead of days (the days
 * follow from its distance once the sea lanes have routed it, model/sealanes.c). */
static void load_speed(xbr__ldoc_t *doc, const xbr__ldobj_t *o, const cJSON *it, int mode,
                       xbr_link_t *l)
{
    const char *keys[2] = {"knots", "port_days"};
    for (int k = 0; k < 2; k++) {
        const cJSON *v = xbr__ld_member(it, keys[k]);
        if (v != NULL && mode >= 0 && mode != XBR_MODE_SEA) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 1, o->oid, keys[k],
                           "\"knots\" and \"port_days\" only on sea links", "a speed on a %s link",
                           xbr_mode_name((xbr_mode_t)mode));
            return;
        }
    }
    xbr__ld_get_num(o, "knots", false, xbr__ld_positive, &l->knots);
    if (xbr__ld_get_num(o, "port_days", false, xbr__ld_nonneg, &l->port_days) == 1 &&
        !(l->knots > 0.0))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "port_days"), 1, o->oid, "port_days",
                       "\"port_days\" together with \"knots\"", "port_days without knots");
}

static int node_ref(xbr__ldoc_t *doc, const xbr__ldobj_t *o, const char *key,
                    const xbr__ldnet_ids_t *ids, char **name)
{
    const cJSON *v = xbr__ld_member(o->obj, key);
    if (xbr__ld_get_str(o, key, true, name) != 1)
        return -1;
    int idx = xbr__strmap_get(&ids->nodes, *name);
    if (idx < 0)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, o->oid, key, "the id of a node",
                       "unknown node \"%.64s\"", *name);
    return idx;
}

static void load_link(xbr__ldoc_t *doc, const cJSON *it, size_t k, xbr_network_t *net,
                      xbr__ldnet_ids_t *ids)
{
    char oid[200];
    const cJSON *idv = xbr__ld_member(it, "id");
    const cJSON *fv = xbr__ld_member(it, "from");
    const cJSON *tv = xbr__ld_member(it, "to");
    const cJSON *mv = xbr__ld_member(it, "mode");
    char *from = NULL, *to = NULL;
    bool default_id = false;
    if (cJSON_IsString(idv))
        xbr__ld_oid(oid, sizeof oid, "link", idv->valuestring);
    else if (idv == NULL && cJSON_IsString(fv) && cJSON_IsString(tv) && cJSON_IsString(mv)) {
        /* "link %.64s>%.64s:%.16s" of from, to and mode */
        const char *parts[] = {"link ", fv->valuestring, ">", tv->valuestring,
                               ":",     mv->valuestring};
        const size_t cut[] = {5, 64, 1, 64, 1, 16};
        xbr__ld_join(oid, sizeof oid, 6, parts, cut);
        default_id = true;
    } else
        snprintf(oid, sizeof oid, "link #%zu", k);
    if (!xbr__ld_is_object(doc, it, oid, NULL))
        return;
    size_t idx = net->n_links++;
    xbr_link_t *l = &net->links[idx];
    memset(l, 0, sizeof *l);
    l->from = l->to = -1;
    l->capacity_kg_per_week = INFINITY;
    l->distance_km = NAN;
    l->pos = source_pos(doc, it, net);

    xbr__ldobj_t o = {doc, it, oid, NULL};
    xbr__ld_check_keys(&o, "link");
    l->from = node_ref(doc, &o, "from", ids, &from);
    l->to = node_ref(doc, &o, "to", ids, &to);
    int mode = -1;
    if (xbr__ld_get_enum(&o, "mode", true, "mode", xbr_mode_parse, xbr__ld_mode_name,
                         XBR_MODE_COUNT, &mode) == 1)
        l->mode = (xbr_mode_t)mode;
    if (default_id && mode >= 0) {
        l->id = xbr__strdup(oid + 5);
        if (l->id == NULL) {
            nomem(doc);
            goto out;
        }
    } else if (!default_id && idv != NULL) {
        if (xbr__ld_get_str(&o, "id", false, &l->id) == 1 && !valid_id(l->id))
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id",
                           "1 to 64 characters without spaces or control characters",
                           "invalid link id \"%.64s\"", l->id);
    }
    if (l->id != NULL) {
        int other = xbr__strmap_get(&ids->links, l->id);
        if (other >= 0 && default_id)
            xbr__ldoc_diag(
                doc, XBR_SEV_ERROR, it, 0, oid, NULL, "an explicit unique \"id\" on parallel links",
                "duplicate link id \"%.64s\" (same from, to and mode as an earlier link)", l->id);
        else if (other >= 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id", "a unique link id",
                           "duplicate link id \"%.64s\"", l->id);
        else if (xbr__strmap_put(&ids->links, l->id, (int)idx) != XBR_OK) {
            nomem(doc);
            goto out;
        }
    }
    const cJSON *c = xbr__ld_member(it, "cost");
    if (c != NULL)
        xbr__ld_rate(doc, c, oid, "cost", &l->cost);
    l->volumetric_kg_per_m3 = mode >= 0 ? net->volumetric_kg_per_m3[mode] : NAN;
    xbr__ld_get_num(&o, "volumetric_kg_per_m3", false, xbr__ld_positive, &l->volumetric_kg_per_m3);
    const cJSON *d = xbr__ld_member(it, "days");
    const cJSON *kn = xbr__ld_member(it, "knots");
    /* a last_mile link may take its days from a rate card's band (xbr__ldlm_resolve()); the
     * consumer's trip from a store into a market takes none unless it says so */
    bool collect = l->from >= 0 && l->to >= 0 && net->nodes[l->from].store &&
                   net->nodes[l->to].type == XBR_NODE_MARKET;
    if (d == NULL && kn == NULL && mode != XBR_MODE_LAST_MILE && !collect)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, it, 0, oid, "days",
                       "a number, or an object {\"min\", \"mode\", \"max\"} (or, on a sea "
                       "link, \"knots\")",
                       "missing required field");
    else if (d != NULL && kn != NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, kn, 1, oid, "knots",
                       "\"days\" or \"knots\" (with \"port_days\"), not both",
                       "both days and knots given");
    else if (d != NULL)
        xbr__ld_days(doc, d, oid, &l->days);
    load_speed(doc, &o, it, mode, l);
    xbr__ld_get_num(&o, "departures_per_week", false, xbr__ld_nonneg, &l->departures_per_week);
    if (xbr__ld_get_num(&o, "distance_km", false, xbr__ld_nonneg, &l->distance_km) == 1)
        l->distance_given = true;
    l->co2e_g_per_tkm = mode >= 0 ? net->co2e_g_per_tkm[mode] : NAN;
    xbr__ld_get_num(&o, "co2e_g_per_tkm", false, xbr__ld_nonneg, &l->co2e_g_per_tkm);
    xbr__ld_get_num(&o, "capacity_kg_per_week", false, xbr__ld_nonneg, &l->capacity_kg_per_week);
    xbr__ld_get_status(&o, &l->closed);
    const cJSON *via = xbr__ld_member(it, "via");
    if (via != NULL)
        load_via(doc, via, oid, l, mode);
    xbr__ld_link_service(doc, it, oid, l, mode);
    xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
out:
    free(from);
    free(to);
}

/* An array of the file (nodes or links): how many of its elements are objects (each becomes a
 * node or link), or -1 when it is absent or not an array (reported). */
static long array_objects(xbr__ldoc_t *doc, const cJSON *arr, const char *field,
                          const char *expected)
{
    if (arr == NULL)
        return -1;
    if (!cJSON_IsArray(arr)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, arr, 0, NULL, field, expected, "wrong type: %s",
                       xbr__ld_type_name(arr));
        return -1;
    }
    return (long)xbr__ldoc_array_objects(doc, arr);
}

typedef void (*load_one_fn)(xbr__ldoc_t *doc, const cJSON *it, size_t k, xbr_network_t *net,
                            xbr__ldnet_ids_t *ids);

/* The records of one kind (nodes or links) of a network being read: the array (`where`, the
 * address of net->nodes or net->links), the size of one record, how many are used and how
 * many fit. */
typedef struct {
    void *where;
    size_t size;
    const size_t *count;
    size_t cap;
} records_t;

/* Makes the array hold r->cap records. The array's pointer is read and written through its
 * bytes (POSIX: every object pointer has void *'s representation), so one function serves
 * nodes and links. XBR_OK or XBR_ENOMEM (the array untouched). */
static xbr_status_t records_resize(records_t *r, size_t cap)
{
    void *a;
    memcpy(&a, r->where, sizeof a);
    if ((a = realloc(a, cap * r->size)) == NULL)
        return XBR_ENOMEM;
    memcpy(r->where, &a, sizeof a);
    r->cap = cap;
    return XBR_OK;
}

/* Records for the objects of array `arr` (n of them), after those used: room for all of them,
 * unless the array's text is too short for that many valid ones (a valid node or link takes
 * well over 40 bytes): then room for its bytes / 40, grown as they are read (records_room()),
 * so an array of a million "{}" does not reserve 272 MB that it will not use (reading stops at
 * the error cap: xbr__ldoc_past_the_cap()). XBR_OK or XBR_ENOMEM. */
static xbr_status_t records_reserve(records_t *r, const xbr__ldoc_t *doc, const cJSON *arr,
                                    size_t n)
{
    size_t fit = xbr__ldoc_array_bytes(doc, arr) / 40;
    return records_resize(r, *r->count + (n < fit ? n : fit) + 1);
}

/* Room for one more record (doubling); XBR_OK or XBR_ENOMEM. */
static xbr_status_t records_room(records_t *r)
{
    return *r->count + 1 < r->cap ? XBR_OK : records_resize(r, 2 * r->cap);
}

/* Appends every element of `arr` with `load`, one at a time, making room in `r` first: a
 * streamed array's element is released before the next is read. XBR_ENOMEM or XBR_OK (an
 * element over the budget is an input error, counted on doc). */
static xbr_status_t load_each(xbr__ldoc_t *doc, const cJSON *arr, load_one_fn load,
                              xbr_network_t *net, xbr__ldnet_ids_t *ids, records_t *r)
{
    const cJSON *it;
    xbr__ldoc_iter_t iter;
    xbr__ldoc_iter_init(&iter, doc, arr);
    while (xbr__ldoc_iter_next(&iter, true, &it) > 0) {
        if (xbr__ldoc_past_the_cap(doc)) {
            xbr__ldoc_stop_reading(doc, arr->string, it, iter.k);
            break;
        }
        if (records_room(r) != XBR_OK)
            return XBR_ENOMEM;
        load(doc, it, iter.k, net, ids);
        if (doc->nomem)
            return XBR_ENOMEM;
    }
    return doc->nomem ? XBR_ENOMEM : XBR_OK;
}

xbr_status_t xbr__ldnet_add_nodes_links(xbr__ldoc_t *doc, xbr_network_t *net, xbr__ldnet_ids_t *ids,
                                        const cJSON *nodes, const cJSON *links)
{
    long n = array_objects(doc, nodes, "nodes", "an array of nodes");
    if (n >= 0) {
        size_t node0 = net->n_nodes;
        records_t r = {&net->nodes, sizeof *net->nodes, &net->n_nodes, 0};
        if (records_reserve(&r, doc, nodes, (size_t)n) != XBR_OK ||
            load_each(doc, nodes, load_node, net, ids, &r) != XBR_OK)
            return XBR_ENOMEM;
        check_bonded(doc, nodes, net, ids, node0);
    }
    n = array_objects(doc, links, "links", "an array of links");
    if (n >= 0) {
        records_t r = {&net->links, sizeof *net->links, &net->n_links, 0};
        if (records_reserve(&r, doc, links, (size_t)n) != XBR_OK ||
            load_each(doc, links, load_link, net, ids, &r) != XBR_OK)
            return XBR_ENOMEM;
    }
    return doc->nomem ? XBR_ENOMEM : XBR_OK;
}

/* ---- the whole file ---- */

static void load_notes(xbr__ldoc_t *doc, const cJSON *notes)
{
    const cJSON *e;
    if (notes == NULL || cJSON_IsString(notes))
        return;
    if (cJSON_IsArray(notes)) {
        cJSON_ArrayForEach(e, notes)
        {
            if (!cJSON_IsString(e))
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, NULL, "notes", "a string",
                               "wrong type: %s", xbr__ld_type_name(e));
        }
        return;
    }
    xbr__ldoc_diag(doc, XBR_SEV_ERROR, notes, 0, NULL, "notes", "a string or an array of strings",
                   "wrong type: %s", xbr__ld_type_name(notes));
}

/* Reports a root that is not a network; returns true if it is one. */
static bool check_kind(xbr__ldoc_t *doc, const cJSON *root)
{
    if (!xbr__ldoc_root_is_object(doc))
        return false;
    const cJSON *f = xbr__ld_member(root, "format");
    if (f != NULL && !(cJSON_IsString(f) && strcmp(f->valuestring, "xbroute.network/1") == 0)) {
        if (cJSON_IsString(f) && strcmp(f->valuestring, "xbroute.scenario/1") == 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 0, NULL, "format",
                           "a network file (\"format\": \"xbroute.network/1\")",
                           "this is a scenario file, not a network file");
        else
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 0, NULL, "format", "\"xbroute.network/1\"",
                           "unknown format");
        return false;
    }
    xbr_file_kind_t kind = xbr__file_kind_root(root);
    if (kind == XBR_FILE_SCENARIO) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, NULL, "a network file (with \"nodes\")",
                       "this is a scenario file, not a network file");
        return false;
    }
    if (kind == XBR_FILE_UNKNOWN) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, NULL,
                       "a network file (with \"nodes\", \"links\" and \"countries\")",
                       "neither a network nor a scenario file");
        return false;
    }
    return true;
}

xbr_status_t xbr__ldnet_from_doc(xbr__ldoc_t *doc, xbr_network_t **out)
{
    xbr_network_t *net = NULL;
    xbr__ldnet_ids_t ids;
    xbr_status_t st = XBR_OK;
    const cJSON *root = doc->root;
    size_t errors0 = doc->n_errors;

    *out = NULL;
    xbr__ldnet_ids_init(&ids, NULL);
    if (!check_kind(doc, root)) {
        st = XBR_EINPUT;
        goto out;
    }
    net = xbr__network_new();
    if (net == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    net->path = xbr__strdup(doc->file);
    if (net->path == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    xbr__ldobj_t o = {doc, root, NULL, NULL};
    xbr__ld_check_keys(&o, "network");
    xbr__ld_get_str(&o, "name", true, &net->name);
    xbr__ld_get_str(&o, "description", false, &net->description);
    load_notes(doc, xbr__ld_member(root, "notes"));
    if (xbr__ld_get_str(&o, "currency", false, &net->currency) == 1) {
        const char *c = net->currency;
        if (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2] < 'A' ||
            c[2] > 'Z')
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(root, "currency"), 0, NULL,
                           "currency", "an ISO 4217 code of three capital letters",
                           "invalid currency \"%.32s\"", c);
    }
    const cJSON *date = xbr__ld_member(root, "date");
    if (date != NULL)
        xbr__ld_check_day(doc, date, NULL, "date", &net->date);
    if (net->currency == NULL && (net->currency = xbr__strdup("USD")) == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    ids.currency = net->currency;
    const cJSON *v = xbr__ld_member(root, "sources");
    if (v != NULL && (st = xbr__ldnet_sources(doc, v, net, &ids.sources)) != XBR_OK)
        goto out;
    v = xbr__ld_member(root, "defaults");
    if (v != NULL)
        load_defaults(doc, v, net);
    v = xbr__ld_member(root, "countries");
    if (v == NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, "countries",
                       "an object keyed by ISO 3166 alpha-2 code", "missing required field");
    else if ((st = load_countries(doc, v, net, &ids)) != XBR_OK)
        goto out;
    v = xbr__ld_member(root, "regimes");
    if (v != NULL)
        load_regimes(doc, v, net, &ids);
    const cJSON *nodes = xbr__ld_member(root, "nodes");
    const cJSON *links = xbr__ld_member(root, "links");
    if (nodes == NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, "nodes", "an array of at least one node",
                       "missing required field");
    else if (cJSON_IsArray(nodes) && xbr__ldoc_array_empty(doc, nodes))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, nodes, 0, NULL, "nodes", "at least one node",
                       "empty array");
    if (links == NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, "links",
                       "an array of links (may be empty)", "missing required field");
    st = xbr__ldnet_add_nodes_links(doc, net, &ids, nodes, links);
    if (st == XBR_OK)
        st = xbr__ldlm_load(doc, root, net, &ids);
    if (st == XBR_OK)
        st = xbr__ldlm_resolve(doc, net, nodes, links, 0, 0);
    if (st != XBR_OK)
        goto out;
    if (doc->n_errors == errors0) {
        /* with no error, every node, link and country was put in ids under its index */
        st = xbr__network_index_adopt(net, &ids.nodes, &ids.links, &ids.countries);
        if (st == XBR_EINPUT)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, NULL, 0, NULL, NULL, NULL,
                           "the network could not be indexed (duplicate ids)");
        else if (st == XBR_OK)
            xbr__ldnet_check_via(doc, links, net);
    }
out:
    xbr__ldnet_ids_destroy(&ids);
    if (st == XBR_OK && doc->nomem)
        st = XBR_ENOMEM;
    if (st == XBR_OK && doc->n_errors != errors0)
        st = XBR_EINPUT;
    if (st != XBR_OK) {
        xbr_network_free(net);
        return st;
    }
    *out = net;
    return XBR_OK;
}

xbr_status_t xbr_network_parse(const char *text, size_t len, const char *name, xbr_network_t **out,
                               xbr_diags_t *diags)
{
    xbr__ldoc_t doc;
    *out = NULL;
    xbr_status_t st = xbr__ldoc_init(&doc, name, text, len, diags);
    if (st == XBR_OK)
        st = xbr__ldnet_from_doc(&doc, out);
    xbr__ldoc_destroy(&doc);
    return st;
}

xbr_status_t xbr_network_load(const char *path, xbr_network_t **out, xbr_diags_t *diags)
{
    xbr__ldoc_t doc;
    *out = NULL;
    xbr_status_t st = xbr__ldoc_init_file(&doc, path, diags, NULL, NULL);
    if (st == XBR_OK)
        st = xbr__ldnet_from_doc(&doc, out);
    xbr__ldoc_destroy(&doc);
    return st;
}
