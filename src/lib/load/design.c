/*
 * load/design.c - the design file (xbr_design_load, xbroute/design.h): the warehouses a planner
 * fixes as open, checked against the scenario's network with the loader's positioned
 * diagnostics (FILE:LINE:COL, the object, the field, what was expected).
 *
 *     {"format": "xbroute.design/1", "description": "...", "open_warehouses": ["W_DE", ...]}
 *
 * "format" and "open_warehouses" are required; unknown keys are warnings with a suggestion, as
 * in every format. An id that is not a node of the network, or names a node that is not a
 * warehouse, is an error; a warehouse closed in the scenario is a warning (the design cannot
 * open it: it stays closed); an id listed twice is a warning.
 */
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"
#include "xbroute/design.h"

#define DESIGN_FORMAT "xbroute.design/1"

/* Checks the root object and its format; true when it is a design document. */
static bool check_root(xbr__ldoc_t *doc)
{
    const cJSON *root = doc->root;
    if (!xbr__ldoc_root_is_object(doc))
        return false;
    const cJSON *f = xbr__ld_member(root, "format");
    if (f == NULL) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, root, 0, NULL, "format",
                       "\"format\": \"" DESIGN_FORMAT "\"", "missing field");
        return false;
    }
    if (!cJSON_IsString(f) || strcmp(f->valuestring, DESIGN_FORMAT) != 0) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 0, NULL, "format", "\"" DESIGN_FORMAT "\"",
                       "not a design file");
        return false;
    }
    xbr__ldobj_t o = {doc, root, NULL, NULL};
    xbr__ld_check_keys(&o, "design");
    return true;
}

/* Opens the warehouse one array element names, or reports why not. XBR_ENOMEM or XBR_OK. */
static xbr_status_t open_one(xbr__ldoc_t *doc, const cJSON *e, const xbr_network_t *net,
                             xbr_design_t *d)
{
    const char *field = "open_warehouses";
    if (!cJSON_IsString(e)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, NULL, field, "the id of a warehouse node",
                       "wrong type: %s", xbr__ld_type_name(e));
        return XBR_OK;
    }
    int node = xbr_network_find_node(net, e->valuestring);
    if (node < 0) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, NULL, field, "the id of a warehouse node",
                       "unknown node \"%.64s\"", e->valuestring);
        return XBR_OK;
    }
    const xbr_node_t *n = &net->nodes[node];
    if (n->type != XBR_NODE_WAREHOUSE) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 0, n->id, field, "the id of a warehouse node",
                       "node \"%.64s\" is a %s, not a warehouse", n->id,
                       xbr_node_type_name(n->type));
        return XBR_OK;
    }
    if (n->closed) {
        xbr__ldoc_diag(doc, XBR_SEV_WARNING, e, 0, n->id, field, "an open warehouse",
                       "warehouse \"%.64s\" is closed in this scenario: it stays closed", n->id);
        return XBR_OK;
    }
    if (xbr_design_needs_opening(net, node) && d->open[node]) {
        xbr__ldoc_diag(doc, XBR_SEV_WARNING, e, 0, n->id, field, "each warehouse once",
                       "warehouse \"%.64s\" is listed twice", n->id);
        return XBR_OK;
    }
    return xbr_design_open(d, net, node);
}

/* Reads open_warehouses into `d`. XBR_ENOMEM or XBR_OK (input errors counted on doc). */
static xbr_status_t read_open(xbr__ldoc_t *doc, const xbr_network_t *net, xbr_design_t *d)
{
    const cJSON *arr = xbr__ld_member(doc->root, "open_warehouses");
    if (arr == NULL) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, doc->root, 0, NULL, "open_warehouses",
                       "an array of warehouse ids", "missing field");
        return XBR_OK;
    }
    if (!cJSON_IsArray(arr)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, arr, 0, NULL, "open_warehouses",
                       "an array of warehouse ids", "wrong type: %s", xbr__ld_type_name(arr));
        return XBR_OK;
    }
    const cJSON *e;
    xbr_status_t st = XBR_OK;
    cJSON_ArrayForEach(e, arr)
    {
        st = open_one(doc, e, net, d);
        if (st != XBR_OK)
            break;
    }
    return st;
}

xbr_status_t xbr_design_load(const char *path, const xbr_scenario_t *sc, xbr_design_t **out,
                             xbr_diags_t *diags)
{
    xbr__ldoc_t doc;
    xbr_design_t *d = NULL;
    *out = NULL;
    xbr_status_t st = xbr__ldoc_init_file(&doc, path, diags, NULL, NULL);
    if (st == XBR_OK && !check_root(&doc))
        st = XBR_EINPUT;
    if (st == XBR_OK)
        st = xbr_design_new(sc, XBR_DESIGN_FILE, path, &d);
    if (st == XBR_OK)
        st = read_open(&doc, sc->network, d);
    if (st == XBR_OK && doc.nomem)
        st = XBR_ENOMEM;
    if (st == XBR_OK && doc.n_errors > 0)
        st = XBR_EINPUT;
    if (st == XBR_OK) {
        *out = d;
        d = NULL;
    }
    xbr_design_free(d);
    xbr__ldoc_destroy(&doc);
    return st;
}
