/*
 * present/write_info.c - `xbroute info` as text and as JSON (xbr_info_write,
 * xbroute/analysis.h): the counts and unreachable pairs of xbr_info_run() and, for a scenario,
 * its products with the markets no origin of theirs can reach.
 *
 * Text: fixed-width tables (node types, link modes, countries), the sea links' lanes (length,
 * passages crossed, how far each end is from the lane node it snapped to), then the unreachable
 * pairs and the products. JSON: the xbroute.info/1 document, numbers as the JSON writer spells
 * them.
 */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/internal.h"
#include "xbroute/analysis.h"
#include "xbroute/output.h"

/* True when no origin of the product reaches market m (pairs are sorted; n is small). */
static bool product_cut_off(const xbr_product_t *p, int m, const xbr_info_t *info)
{
    for (size_t o = 0; o < p->n_origins; o++) {
        bool cut = false;
        for (size_t k = 0; k < info->n_unreachable; k++)
            if (info->unreachable[k].factory == p->origins[o] && info->unreachable[k].market == m)
                cut = true;
        if (!cut)
            return false;
    }
    return true;
}

/* The node and link tables. */
static void text_counts(xbr_buf_t *b, const xbr_network_t *net, const xbr_info_t *c)
{
    xbr_buf_printf(b, "%-14s %6s\n", "node type", "count");
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++)
        xbr_buf_printf(b, "%-14s %6zu\n", xbr_node_type_name((xbr_node_type_t)t),
                       c->nodes_by_type[t]);
    xbr_buf_printf(b, "%-14s %6zu  (%zu closed)\n\n", "total", net->n_nodes, c->closed_nodes);
    xbr_buf_printf(b, "%-14s %6s %6s\n", "link mode", "count", "closed");
    for (int m = 0; m < XBR_MODE_COUNT; m++)
        xbr_buf_printf(b, "%-14s %6zu %6zu\n", xbr_mode_name((xbr_mode_t)m), c->links_by_mode[m],
                       c->closed_links_by_mode[m]);
    xbr_buf_printf(b, "%-14s %6zu %6zu\n\n", "total", net->n_links, c->closed_links);
    xbr_buf_printf(b, "%-8s %6s  %-s\n", "country", "nodes", "name");
    for (size_t k = 0; k < net->n_countries; k++)
        xbr_buf_printf(b, "%-8s %6zu  %s\n", net->countries[k].code, c->nodes_by_country[k],
                       net->countries[k].name ? net->countries[k].name : "");
}

/* Each product's units and its markets with demand, marked when unreachable. */
static void text_products(xbr_buf_t *b, const xbr_network_t *net, const xbr_scenario_t *sc,
                          const xbr_info_t *info)
{
    xbr_buf_printf(b, "\n%-16s %-14s %10s %10s %12s  %s\n", "product", "category", "unit kg",
                   "unit m3", "unit value", "markets (units/week)");
    for (size_t i = 0; i < sc->n_products; i++) {
        const xbr_product_t *p = &sc->products[i];
        xbr_buf_printf(b, "%-16s %-14s %10.3f %10.4f %12.2f ", p->id, p->category, p->unit_kg,
                       p->unit_m3, p->unit_value);
        for (size_t k = 0; k < sc->n_markets; k++) {
            int m = sc->markets[k];
            if (p->demand_per_week[m] <= 0)
                continue;
            xbr_buf_printf(b, " %s=%g%s", net->nodes[m].id, p->demand_per_week[m],
                           product_cut_off(p, m, info) ? "(UNREACHABLE)" : "");
        }
        xbr_buf_puts(b, "\n");
    }
}

/* The passages of `bits` as "a+b" ("-" when none). */
static void text_passages(xbr_buf_t *b, unsigned bits)
{
    int any = 0;
    for (int p = 0; p < XBR_PASSAGE_COUNT; p++)
        if (bits & (1u << p))
            xbr_buf_printf(b, "%s%s", any++ ? "+" : "", xbr_passage_name((xbr_passage_t)p));
    if (!any)
        xbr_buf_puts(b, "-");
}

/* One row per sea link with a lane: its length on the lanes, its distance, the passages and
 * the snap distances of its two ports. */
static void text_lanes(xbr_buf_t *b, const xbr_network_t *net)
{
    bool head = false;
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (l->lane == NULL)
            continue;
        if (!head)
            xbr_buf_printf(b, "\n%-28s %9s %9s %7s %7s  %s\n", "sea link (lane)", "lane km",
                           "dist km", "snap A", "snap B", "passages");
        head = true;
        if (isfinite(l->lane->km))
            xbr_buf_printf(b, "%-28s %9.0f ", l->id, l->lane->km);
        else /* closures left it no lane */
            xbr_buf_printf(b, "%-28s %9s ", l->id, "none");
        xbr_buf_printf(b, "%9.0f %7.1f %7.1f  ", l->distance_km, l->lane->snap_from_km,
                       l->lane->snap_to_km);
        text_passages(b, l->lane->via);
        xbr_buf_puts(b, l->closed ? "  (closed)\n" : "\n");
    }
}

static void write_text(xbr_buf_t *b, const xbr_info_t *info, const char *file,
                       const xbr_network_t *net, const xbr_scenario_t *sc)
{
    if (sc != NULL)
        xbr_buf_printf(b, "scenario   %s (%s)\n", sc->name ? sc->name : "", file);
    xbr_buf_printf(b, "network    %s (%s)\n", net->name ? net->name : "",
                   net->path ? net->path : file);
    xbr_buf_printf(b, "currency   %s\n", net->currency ? net->currency : "USD");
    xbr_buf_printf(b, "sources    %zu\n\n", net->n_sources);
    text_counts(b, net, info);
    text_lanes(b, net);
    xbr_buf_puts(b, "\nunreachable (factory -> market, no path over open links):");
    if (info->n_unreachable == 0)
        xbr_buf_puts(b, " none\n");
    else
        xbr_buf_printf(b, " %zu pairs\n", info->n_unreachable);
    for (size_t k = 0; k < info->n_unreachable; k++)
        xbr_buf_printf(b, "  %s -> %s\n", net->nodes[info->unreachable[k].factory].id,
                       net->nodes[info->unreachable[k].market].id);
    if (sc != NULL)
        text_products(b, net, sc, info);
}

/* The "network" object: its name, file and counts. */
static void json_network(xbr_json_t *j, const xbr_info_t *c, const char *file,
                         const xbr_network_t *net)
{
    xbr_json_object_begin(j, "network");
    xbr_json_string(j, "name", net->name);
    xbr_json_string(j, "file", net->path ? net->path : file);
    xbr_json_string(j, "currency", net->currency ? net->currency : "USD");
    xbr_json_int(j, "sources", (long long)net->n_sources);
    xbr_json_object_begin(j, "nodes");
    xbr_json_int(j, "total", (long long)net->n_nodes);
    xbr_json_int(j, "closed", (long long)c->closed_nodes);
    xbr_json_object_begin(j, "by_type");
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++)
        xbr_json_int(j, xbr_node_type_name((xbr_node_type_t)t), (long long)c->nodes_by_type[t]);
    xbr_json_object_end(j);
    xbr_json_object_end(j);
    xbr_json_object_begin(j, "links");
    xbr_json_int(j, "total", (long long)net->n_links);
    xbr_json_int(j, "closed", (long long)c->closed_links);
    xbr_json_object_begin(j, "by_mode");
    for (int m = 0; m < XBR_MODE_COUNT; m++) {
        xbr_json_object_begin(j, xbr_mode_name((xbr_mode_t)m));
        xbr_json_int(j, "total", (long long)c->links_by_mode[m]);
        xbr_json_int(j, "closed", (long long)c->closed_links_by_mode[m]);
        xbr_json_object_end(j);
    }
    xbr_json_object_end(j);
    xbr_json_object_end(j);
    xbr_json_array_begin(j, "countries");
    for (size_t k = 0; k < net->n_countries; k++) {
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "code", net->countries[k].code);
        xbr_json_string(j, "name", net->countries[k].name);
        xbr_json_int(j, "nodes", (long long)c->nodes_by_country[k]);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_object_end(j);
}

/* One product: its origins, units and markets with demand, promise and reachability. */
static void json_product(xbr_json_t *j, const xbr_product_t *p, const xbr_network_t *net,
                         const xbr_scenario_t *sc, const xbr_info_t *info)
{
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "id", p->id);
    xbr_json_string(j, "category", p->category);
    xbr_json_array_begin(j, "origins");
    for (size_t o = 0; o < p->n_origins; o++)
        xbr_json_string(j, NULL, net->nodes[p->origins[o]].id);
    xbr_json_array_end(j);
    xbr_json_number(j, "unit_kg", p->unit_kg);
    xbr_json_number(j, "unit_m3", p->unit_m3);
    xbr_json_number(j, "unit_value", p->unit_value);
    xbr_json_array_begin(j, "markets");
    for (size_t k = 0; k < sc->n_markets; k++) {
        int m = sc->markets[k];
        if (p->demand_per_week[m] <= 0)
            continue;
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "market", net->nodes[m].id);
        xbr_json_number(j, "demand_per_week", p->demand_per_week[m]);
        xbr_json_number(j, "max_days", p->max_days[m]);
        xbr_json_bool(j, "reachable", !product_cut_off(p, m, info));
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_object_end(j);
}

/* "sea_lanes": each sea link's lane (docs/formats.md, "Sea lanes"). */
static void json_lanes(xbr_json_t *j, const xbr_network_t *net)
{
    xbr_json_array_begin(j, "sea_lanes");
    for (size_t k = 0; k < net->n_links; k++) {
        const xbr_link_t *l = &net->links[k];
        if (l->lane == NULL)
            continue;
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "link", l->id);
        xbr_json_number(j, "lane_km", l->lane->km);
        xbr_json_number(j, "distance_km", l->distance_km);
        xbr_json_number(j, "snap_from_km", l->lane->snap_from_km);
        xbr_json_number(j, "snap_to_km", l->lane->snap_to_km);
        xbr_json_array_begin(j, "passages");
        for (int p = 0; p < XBR_PASSAGE_COUNT; p++)
            if (l->lane->via & (1u << p))
                xbr_json_string(j, NULL, xbr_passage_name((xbr_passage_t)p));
        xbr_json_array_end(j);
        xbr_json_bool(j, "closed", l->closed);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
}

static void write_json(xbr_buf_t *b, const xbr_info_t *info, const char *file,
                       const xbr_network_t *net, const xbr_scenario_t *sc)
{
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.info/1");
    xbr_json_string(&j, "file", file);
    xbr_json_string(&j, "kind", sc ? "scenario" : "network");
    if (sc != NULL)
        xbr_json_string(&j, "scenario", sc->name);
    json_network(&j, info, file, net);
    xbr_json_array_begin(&j, "unreachable");
    for (size_t k = 0; k < info->n_unreachable; k++) {
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "factory", net->nodes[info->unreachable[k].factory].id);
        xbr_json_string(&j, "market", net->nodes[info->unreachable[k].market].id);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    json_lanes(&j, net);
    if (sc != NULL) {
        xbr_json_array_begin(&j, "products");
        for (size_t i = 0; i < sc->n_products; i++)
            json_product(&j, &sc->products[i], net, sc, info);
        xbr_json_array_end(&j);
    }
    xbr_json_object_end(&j);
}

xbr_status_t xbr_info_write(xbr_buf_t *b, const xbr_info_t *info, const char *file,
                            const xbr_network_t *net, const xbr_scenario_t *sc, xbr_format_t format)
{
    if (format == XBR_FORMAT_TEXT)
        write_text(b, info, file, net, sc);
    else if (format == XBR_FORMAT_JSON)
        write_json(b, info, file, net, sc);
    else
        return XBR_EINPUT;
    return b->failed ? XBR_ENOMEM : XBR_OK;
}

/* ---- the node list (info --nodes) ---- */

static const char *country_code(const xbr_network_t *net, const xbr_node_t *n)
{
    return n->country >= 0 && (size_t)n->country < net->n_countries
               ? net->countries[n->country].code
               : "";
}

xbr_status_t xbr_info_write_nodes(xbr_buf_t *b, const xbr_network_t *net, xbr_format_t format)
{
    if (format == XBR_FORMAT_JSON) {
        xbr_json_t j;
        xbr_json_init(&j, b);
        xbr_json_array_begin(&j, NULL);
        for (size_t i = 0; i < net->n_nodes; i++) {
            const xbr_node_t *n = &net->nodes[i];
            xbr_json_object_begin(&j, NULL);
            xbr_json_string(&j, "id", n->id);
            xbr_json_string(&j, "type", xbr_node_type_name(n->type));
            xbr_json_string(&j, "country", country_code(net, n));
            xbr_json_string(&j, "status", n->closed ? "closed" : "open");
            xbr_json_number(&j, "lat", n->lat);
            xbr_json_number(&j, "lon", n->lon);
            xbr_json_string(&j, "name", n->name);
            xbr_json_object_end(&j);
        }
        xbr_json_array_end(&j);
        xbr_buf_puts(b, "\n");
    } else if (format == XBR_FORMAT_CSV) {
        xbr_buf_puts(b, "id,type,country,status,lat,lon,name\n");
        for (size_t i = 0; i < net->n_nodes; i++) {
            const xbr_node_t *n = &net->nodes[i];
            xbr_buf_printf(b, "%s,%s,%s,%s,", n->id, xbr_node_type_name(n->type),
                           country_code(net, n), n->closed ? "closed" : "open");
            xbr_buf_number(b, n->lat, -1);
            xbr_buf_puts(b, ",");
            xbr_buf_number(b, n->lon, -1);
            xbr_buf_puts(b, ",");
            xbr_json_quote(b, n->name ? n->name : "");
            xbr_buf_puts(b, "\n");
        }
    } else {
        xbr_buf_printf(b, "%-22s %-14s %-7s %-6s %9s %10s  %s\n", "node", "type", "country",
                       "status", "lat", "lon", "name");
        for (size_t i = 0; i < net->n_nodes; i++) {
            const xbr_node_t *n = &net->nodes[i];
            xbr_buf_printf(b, "%-22s %-14s %-7s %-6s %9.4f %10.4f  %s\n", n->id,
                           xbr_node_type_name(n->type), country_code(net, n),
                           n->closed ? "closed" : "open", n->lat, n->lon, n->name ? n->name : "");
        }
    }
    return b->failed ? XBR_ENOMEM : XBR_OK;
}
