/*
 * present/map_routes.c - the maps of `xbroute map` (xbroute/report.h): the winning route of
 * each product into each market of a comparison, or the routes of a `routes --format json`
 * document (xbroute.routes/1: its "pareto" and "alternatives" arrays), drawn with
 * xbr_svg_map() fitted to what is drawn, one legend row per route class.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"
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

xbr_status_t xbr_map_routes_json_svg(xbr_buf_t *out, const xbr_map_opts_t *opts,
                                     const xbr_scenario_t *sc, const char *file, const char *text,
                                     size_t len, xbr_diags_t *diags)
{
    xbr__route_list_t list;
    xbr_status_t st = xbr__route_list_parse(sc->network, file, text, len, &list, diags);
    if (st != XBR_OK)
        return st;
    xbr_pic_route_t *pics = calloc(list.n ? list.n : 1, sizeof *pics);
    if (pics == NULL)
        st = XBR_ENOMEM;
    for (size_t i = 0; i < list.n && st == XBR_OK; i++) {
        pics[i].links = list.links + list.start[i];
        pics[i].n_links = list.count[i];
        pics[i].route_class = list.cls[i];
        pics[i].label = list.cls[i];
        pics[i].cost = pics[i].days = pics[i].co2e_kg = NAN;
    }
    if (st == XBR_OK) {
        xbr_map_opts_t o = opts != NULL ? *opts : default_opts;
        if (opts == NULL)
            o.title = "Routes, coloured by class";
        st = xbr_svg_map(out, &o, sc->network, pics, list.n, diags);
    }
    free(pics);
    xbr__route_list_free(&list);
    return st;
}
