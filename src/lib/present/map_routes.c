/*
 * present/map_routes.c - the maps of `xbroute map` (xbroute/report.h): the winning route of
 * each product into each market of a comparison, or the routes of a `routes --format json`
 * document (xbroute.routes/1: its "pareto" and "alternatives" arrays), drawn with
 * xbr_svg_map() fitted to what is drawn, one legend row per route class.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/internal.h"
#include "xbroute/compare.h"
#include "xbroute/render.h"
#include "xbroute/report.h"

static const xbr_map_opts_t default_opts = {
    .title = "Winning routes, coloured by class",
    .width = 1100,
    .fit_to_nodes = true,
    .margin_deg = 4,
    .hide_links = true,
    .hide_labels = false,
};

xbr_status_t xbr_map_winners_svg(xbr_buf_t *out, const xbr_map_opts_t *opts,
                                 const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                 xbr_diags_t *diags)
{
    size_t n = 0;
    xbr_route_t *winners = calloc(cmp->n_rows ? cmp->n_rows : 1, sizeof *winners);
    if (winners == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < cmp->n_rows; i++)
        if (cmp->rows[i].winner >= 0)
            winners[n++] = cmp->rows[i].classes[cmp->rows[i].winner].route; /* borrowed */
    xbr_pic_route_t *pics = xbr_route_pictures(sc, winners, n);
    xbr_status_t st = pics != NULL || n == 0 ? XBR_OK : XBR_ENOMEM;
    for (size_t i = 0; pics != NULL && i < n; i++)
        pics[i].label = winners[i].class_name; /* one legend row per class */
    if (st == XBR_OK)
        st = xbr_svg_map(out, opts != NULL ? opts : &default_opts, sc->network, pics, n, diags);
    xbr_route_pictures_free(pics, n);
    free(winners);
    return st;
}

static xbr_status_t bad(xbr_diags_t *diags, const char *file, const char *what)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, file, 0, 0, NULL, NULL, what,
                      "an xbroute.routes/1 document (xbroute routes --format json)");
    return XBR_EINPUT;
}

xbr_status_t xbr_map_routes_json_svg(xbr_buf_t *out, const xbr_map_opts_t *opts,
                                     const xbr_scenario_t *sc, const char *file, const char *text,
                                     size_t len, xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    cJSON *doc = cJSON_ParseWithLength(text, len);
    xbr_status_t st = XBR_OK;
    xbr_pic_route_t *pics = NULL;
    int *links = NULL;
    size_t n = 0, n_links = 0, k = 0;
    const cJSON *set, *r, *l;
    static const char *const sets[] = {"pareto", "alternatives"};
    if (doc == NULL || !cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        return bad(diags, file, "not a JSON object");
    }
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(doc, "schema");
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, "xbroute.routes/1") != 0) {
        cJSON_Delete(doc);
        return bad(diags, file, "\"schema\" is not \"xbroute.routes/1\"");
    }
    for (int s = 0; s < 2; s++) {
        set = cJSON_GetObjectItemCaseSensitive(doc, sets[s]);
        if (!cJSON_IsArray(set))
            continue;
        cJSON_ArrayForEach(r, set)
        {
            n++;
            n_links += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "links"));
        }
    }
    pics = calloc(n ? n : 1, sizeof *pics);
    links = malloc((n_links ? n_links : 1) * sizeof *links);
    if (pics == NULL || links == NULL)
        st = XBR_ENOMEM;
    n = 0;
    for (int s = 0; s < 2 && st == XBR_OK; s++) {
        set = cJSON_GetObjectItemCaseSensitive(doc, sets[s]);
        if (!cJSON_IsArray(set))
            continue;
        cJSON_ArrayForEach(r, set)
        {
            xbr_pic_route_t *p = &pics[n++];
            const cJSON *cls = cJSON_GetObjectItemCaseSensitive(r, "class");
            const cJSON *ls = cJSON_GetObjectItemCaseSensitive(r, "links");
            p->links = links + k;
            p->route_class = cJSON_IsString(cls) ? cls->valuestring : NULL;
            p->label = p->route_class;
            p->cost = p->days = p->co2e_kg = NAN;
            if (!cJSON_IsArray(ls)) {
                st = bad(diags, file, "a route without a \"links\" array");
                break;
            }
            cJSON_ArrayForEach(l, ls)
            {
                int j = cJSON_IsString(l) ? xbr_network_find_link(net, l->valuestring) : -1;
                if (j < 0) {
                    char what[200];
                    snprintf(what, sizeof what, "unknown link \"%.64s\"",
                             cJSON_IsString(l) ? l->valuestring : "(not a string)");
                    if (diags != NULL)
                        xbr_diags_add(diags, XBR_SEV_ERROR, file, 0, 0, NULL, "links", what,
                                      "the id of a link of the scenario's network");
                    st = XBR_EINPUT;
                    break;
                }
                links[k++] = j;
                p->n_links++;
            }
            if (st != XBR_OK)
                break;
        }
    }
    if (st == XBR_OK) {
        xbr_map_opts_t o = opts != NULL ? *opts : default_opts;
        if (opts == NULL)
            o.title = "Routes, coloured by class";
        st = xbr_svg_map(out, &o, net, pics, n, diags);
    }
    /* the class names point into doc: drawn before it goes */
    free(pics);
    free(links);
    cJSON_Delete(doc);
    return st;
}
