/*
 * generate/nodes.c - placing the generated network's nodes (generate/internal.h), in file
 * order: by type, then by country. Factories and exporters fill the Chinese manufacturing
 * clusters by weight, contiguously; ports, airports and rail terminals are the real ones of
 * the reference tables; warehouses, importers, wholesalers, retailers and markets are
 * scattered around metropolitan regions picked by weight. Every number is drawn from the
 * nodes' stream (G_NODES) in a fixed order and rounded to the decimals it is written with.
 */
#include <stdio.h>
#include <string.h>

#include "generate/internal.h"

static const char id_prefix[NT][2] = {"F", "E", "I", "H", "R", "P", "A", "T", "W", "M"};
static const int id_width[NT] = {5, 4, 4, 4, 5, 4, 4, 4, 4, 5};

static double draw(uint64_t *r, double lo, double hi, double unit)
{
    return xbr__draw_round(xbr__draw_range(r, lo, hi), unit);
}

/* Picks a place of country c (from `places`), weighted. */
static const xbr__gen_place_t *pick_place(uint64_t *r, const xbr__gen_place_t *places,
                                          size_t n_places, int c)
{
    double total = 0;
    const xbr__gen_place_t *last = NULL;
    for (size_t i = 0; i < n_places; i++)
        if (places[i].country == c)
            total += places[i].weight;
    double x = xbr__draw_unit(r) * total;
    for (size_t i = 0; i < n_places; i++) {
        if (places[i].country != c)
            continue;
        last = &places[i];
        if (x < places[i].weight)
            return last;
        x -= places[i].weight;
    }
    return last;
}

static void place_near(uint64_t *r, xbr__gen_node_t *g, const xbr__gen_place_t *p,
                       double spread_deg)
{
    g->lat = xbr__draw_round(p->lat + xbr__draw_range(r, -spread_deg, spread_deg), 1e-4);
    g->lon = xbr__draw_round(p->lon + xbr__draw_range(r, -spread_deg, spread_deg) * 1.3, 1e-4);
}

/* How many of `total` nodes go to each cluster: by weight, largest shares rounded down and the
 * remainder handed out one by one from the first cluster. */
static void cluster_shares(size_t total, size_t share[N_CLUSTERS])
{
    double tw = 0;
    for (size_t q = 0; q < N_CLUSTERS; q++)
        tw += xbr__place_clusters[q].weight;
    size_t given = 0;
    for (size_t q = 0; q < N_CLUSTERS; q++) {
        share[q] = (size_t)((double)total * xbr__place_clusters[q].weight / tw);
        given += share[q];
    }
    for (size_t q = 0; given < total; q = (q + 1) % N_CLUSTERS) {
        share[q]++;
        given++;
    }
}

/* The k-th factory or exporter (numbered `number`): in the cluster whose share holds k. */
static void place_origin(uint64_t *r, xbr__gen_node_t *g, size_t k, size_t number,
                         const size_t share[N_CLUSTERS])
{
    size_t q = 0, acc = share[0];
    while (k >= acc && q + 1 < N_CLUSTERS)
        acc += share[++q];
    const xbr__gen_place_t *p = &xbr__place_clusters[q];
    place_near(r, g, p, 0.25);
    if (g->type == XBR_NODE_FACTORY) {
        snprintf(g->name, sizeof g->name, "%s factory %zu", p->name, number);
        g->h_unit = draw(r, 0.05, 0.4, 0.01);
        g->h_days = draw(r, 1, 3, 0.1);
    } else {
        snprintf(g->name, sizeof g->name, "%s exporter %zu", p->name, number);
        g->markup = draw(r, 5, 12, 0.1);
        g->h_kg = draw(r, 0.05, 0.15, 0.01);
        g->h_days = draw(r, 1, 3, 0.1);
    }
}

/* The destination infrastructure of `type` (seaport, airport, rail terminal): entry q of n. */
static const xbr__gen_infra_t *dest_infra(int type, size_t q, size_t *n)
{
    if (type == XBR_NODE_SEAPORT) {
        *n = N_DEST_PORTS;
        return q < *n ? &xbr__place_dest_ports[q].port : NULL;
    }
    if (type == XBR_NODE_AIRPORT) {
        *n = N_DEST_AIRPORTS;
        return q < *n ? &xbr__place_dest_airports[q] : NULL;
    }
    *n = N_EU_RAIL;
    return q < *n ? &xbr__place_eu_rail[q] : NULL;
}

/* The k-th seaport, airport or rail terminal of country c, in table order. */
static const xbr__gen_infra_t *infra_of(int type, int c, size_t k)
{
    if (c == C_CN)
        return type == XBR_NODE_SEAPORT   ? &xbr__place_cn_ports[k]
               : type == XBR_NODE_AIRPORT ? &xbr__place_cn_airports[k]
                                          : &xbr__place_cn_rail[k];
    size_t seen = 0, n = 0;
    for (size_t q = 0; dest_infra(type, q, &n) != NULL; q++)
        if (dest_infra(type, q, &n)->country == c && seen++ == k)
            return dest_infra(type, q, &n);
    return NULL;
}

/* Handling drawn at infrastructure nodes: cost per kg and days, by type. */
static const struct {
    const char *source;
    double kg_lo, kg_hi, kg_unit, days_lo, days_hi;
} infra_handling[3] = {
    {"searoute", 0.01, 0.03, 0.001, 1, 3},    /* seaport */
    {"airportsdata", 0.1, 0.3, 0.01, 0.5, 1}, /* airport */
    {"airportsdata", 0.02, 0.05, 0.001, 1, 2} /* rail terminal */
};

static void place_infra(uint64_t *r, xbr__gen_node_t *g, size_t k)
{
    const xbr__gen_infra_t *in = infra_of(g->type, g->country, k);
    int h = g->type == XBR_NODE_SEAPORT ? 0 : g->type == XBR_NODE_AIRPORT ? 1 : 2;
    g->lat = in->lat;
    g->lon = in->lon;
    g->code = in->code;
    g->source = infra_handling[h].source;
    snprintf(g->name, sizeof g->name, "%s", in->name);
    g->h_kg = draw(r, infra_handling[h].kg_lo, infra_handling[h].kg_hi, infra_handling[h].kg_unit);
    g->h_days = draw(r, infra_handling[h].days_lo, infra_handling[h].days_hi, 0.1);
}

/* The intermediaries' names and draws: markup in percent and handling days. */
static const struct {
    int type;
    const char *what;
    double markup_lo, markup_hi, days_lo, days_hi;
} intermediaries[] = {
    {XBR_NODE_IMPORTER, "importer", 10, 25, 1, 2},
    {XBR_NODE_WHOLESALER, "wholesaler", 20, 40, 2, 5},
    {XBR_NODE_RETAILER, "retailer", 40, 90, 1, 3},
};

/* An overseas warehouse, intermediary or market around a region of its country. */
static void place_overseas(uint64_t *r, xbr__gen_node_t *g, size_t number)
{
    const xbr__gen_place_t *p = pick_place(r, xbr__place_regions, N_REGIONS, g->country);
    place_near(r, g, p, 0.35);
    if (g->type == XBR_NODE_WAREHOUSE) {
        snprintf(g->name, sizeof g->name, "%s overseas warehouse %zu", p->name, number);
        /* Amazon FBA 0.75 USD/cu ft/month = 0.87 USD/m3/day (reference-rates.md section 5);
         * third-party warehouses charge less */
        g->storage = draw(r, 0.3, 1.0, 0.01);
        g->fixed = draw(r, 800, 5000, 10);
        g->capacity = draw(r, 2000, 20000, 100);
        g->h_unit = draw(r, 1.5, 3.0, 0.01);
        g->h_days = draw(r, 1, 2, 0.1);
        return;
    }
    for (size_t i = 0; i < sizeof intermediaries / sizeof intermediaries[0]; i++) {
        if (intermediaries[i].type != g->type)
            continue;
        snprintf(g->name, sizeof g->name, "%s %s %zu", p->name, intermediaries[i].what, number);
        g->markup = draw(r, intermediaries[i].markup_lo, intermediaries[i].markup_hi, 0.1);
        g->h_days = draw(r, intermediaries[i].days_lo, intermediaries[i].days_hi, 0.1);
        return;
    }
    snprintf(g->name, sizeof g->name, "%s zone %zu", p->name, number); /* a market */
}

void xbr__nodes_build(xbr__gen_plan_t *n, uint64_t seed)
{
    uint64_t r = xbr__draw_stream(seed, G_NODES);
    size_t share[N_CLUSTERS];
    for (int t = 0; t < NT; t++) {
        size_t number = 0;
        if (t == XBR_NODE_FACTORY || t == XBR_NODE_EXPORTER)
            cluster_shares(n->count[t][C_CN], share);
        for (int c = 0; c < N_COUNTRY; c++) {
            for (size_t i = n->start[t][c], k = 0; i < n->start[t][c + 1]; i++, k++) {
                xbr__gen_node_t *g = &n->nodes[i];
                memset(g, 0, sizeof *g);
                g->type = t;
                g->country = c;
                snprintf(g->id, sizeof g->id, "%s%0*zu", id_prefix[t], id_width[t], ++number);
                if (t == XBR_NODE_FACTORY || t == XBR_NODE_EXPORTER)
                    place_origin(&r, g, k, number, share);
                else if (t == XBR_NODE_SEAPORT || t == XBR_NODE_AIRPORT ||
                         t == XBR_NODE_RAIL_TERMINAL)
                    place_infra(&r, g, k);
                else
                    place_overseas(&r, g, number);
            }
        }
    }
}
