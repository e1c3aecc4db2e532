/*
 * generate/plan.c - how big the generated network is (generate/internal.h): the node counts
 * from the parameters (xbroute/generate.h, "Hitting the link count"), spread over the
 * destination countries by weight, and where each type and country starts in the node array.
 * The links that follow from these counts are counted by xbr__links_fixed(); the rest, the
 * direct factory->market links, fill the link count exactly. Deterministic: no draws.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "generate/internal.h"

static size_t max_sz(size_t a, size_t b)
{
    return a > b ? a : b;
}

static xbr_status_t usage(xbr_diags_t *diags, const char *field, const char *what,
                          const char *expected)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, field, what, expected);
    return XBR_EUSAGE;
}

/* Spreads n over the destination countries by weight, largest remainder first, at least 1
 * each when n allows. Deterministic. */
static void spread(size_t n, size_t out[N_COUNTRY])
{
    double total = 0;
    size_t given = 0;
    double rem[N_COUNTRY] = {0};
    memset(out, 0, sizeof(size_t) * N_COUNTRY);
    for (int c = 1; c < N_COUNTRY; c++)
        total += xbr__place_countries[c].weight;
    bool floor1 = n >= (size_t)(N_COUNTRY - 1);
    size_t base = floor1 ? (size_t)(N_COUNTRY - 1) : 0;
    for (int c = 1; c < N_COUNTRY; c++) {
        double share = (double)(n - base) * xbr__place_countries[c].weight / total;
        out[c] = (size_t)share + (floor1 ? 1 : 0);
        rem[c] = share - floor(share);
        given += out[c];
    }
    while (given < n) {
        int best = 1;
        for (int c = 2; c < N_COUNTRY; c++)
            if (rem[c] > rem[best])
                best = c;
        out[best]++;
        rem[best] = -1;
        given++;
    }
}

/* The counts of every type in every country for `s`, and the start of each in file order
 * (by type, then by country). */
static void plan_counts(xbr__gen_plan_t *n, const xbr__gen_sizes_t *s)
{
    memset(n->count, 0, sizeof n->count);
    n->count[XBR_NODE_FACTORY][C_CN] = s->factories;
    n->count[XBR_NODE_EXPORTER][C_CN] = s->exporters;
    n->count[XBR_NODE_SEAPORT][C_CN] = N_CN_PORTS;
    for (size_t i = 0; i < N_DEST_PORTS; i++)
        n->count[XBR_NODE_SEAPORT][xbr__place_dest_ports[i].port.country]++;
    n->count[XBR_NODE_AIRPORT][C_CN] = N_CN_AIRPORTS;
    for (size_t i = 0; i < N_DEST_AIRPORTS; i++)
        n->count[XBR_NODE_AIRPORT][xbr__place_dest_airports[i].country]++;
    n->count[XBR_NODE_RAIL_TERMINAL][C_CN] = N_CN_RAIL;
    for (size_t i = 0; i < N_EU_RAIL; i++)
        n->count[XBR_NODE_RAIL_TERMINAL][xbr__place_eu_rail[i].country]++;
    spread(s->warehouses, n->count[XBR_NODE_WAREHOUSE]);
    spread(s->importers, n->count[XBR_NODE_IMPORTER]);
    spread(s->wholesalers, n->count[XBR_NODE_WHOLESALER]);
    spread(s->retailers, n->count[XBR_NODE_RETAILER]);
    spread(s->markets, n->count[XBR_NODE_MARKET]);
    size_t at = 0;
    for (int t = 0; t < NT; t++) {
        for (int c = 0; c < N_COUNTRY; c++) {
            n->start[t][c] = at;
            at += n->count[t][c];
        }
        n->start[t][N_COUNTRY] = at;
    }
    n->n_nodes = at;
}

/* The counts the parameters ask for, the rest derived from the link count. */
static void initial_sizes(const xbr_generate_params_t *p, xbr__gen_sizes_t *s)
{
    const size_t n_links = p->links;
    s->factories = p->factories ? p->factories : max_sz(10, n_links / 400);
    s->exporters = max_sz(3, s->factories / 10);
    s->warehouses = p->warehouses ? p->warehouses : max_sz(10, n_links / 4000);
    s->importers = max_sz(10, n_links / 4000);
    s->wholesalers = s->importers;
    s->retailers = max_sz(20, n_links / 500);
    const size_t infra =
        N_CN_PORTS + N_DEST_PORTS + N_CN_AIRPORTS + N_DEST_AIRPORTS + N_CN_RAIL + N_EU_RAIL;
    size_t others = s->factories + s->exporters + s->warehouses + s->importers + s->wholesalers +
                    s->retailers + infra;
    size_t target_nodes = n_links / 20;
    s->markets =
        p->markets ? p->markets : (target_nodes > others + 20 ? target_nodes - others : 20);
}

/* Adjusts the markets (unless given) until the direct links fit: at least 2 per factory and
 * at most factories x markets. Returns whether they do; *fixed and *direct are the last try's. */
static bool fit_markets(const xbr_generate_params_t *p, xbr__gen_sizes_t *s, xbr__gen_plan_t *plan,
                        size_t *fixed, size_t *direct)
{
    const size_t n_links = p->links;
    for (int iter = 0; iter < 200; iter++) {
        plan_counts(plan, s);
        *fixed = xbr__links_fixed(plan);
        *direct = *fixed < n_links ? n_links - *fixed : 0;
        bool too_few = *fixed + 2 * s->factories > n_links;
        bool too_many = *direct > s->factories * s->markets;
        if (!too_few && !too_many)
            return true;
        if (p->markets != 0)
            return false;
        if (too_few) {
            size_t cut = (*fixed + 2 * s->factories - n_links) / 4 + 1;
            if (s->markets <= 10)
                return false;
            s->markets = s->markets > cut + 10 ? s->markets - cut : 10;
        } else {
            s->markets += (*direct - s->factories * s->markets) / (s->factories + 6) + 1;
        }
    }
    return false;
}

xbr_status_t xbr__plan_make(const xbr_generate_params_t *params, xbr__gen_sizes_t *sizes,
                            xbr__gen_plan_t *plan, size_t *direct, xbr_diags_t *diags)
{
    char what[200];
    const size_t n_links = params->links;
    size_t fixed = 0;
    if (n_links < XBR_GENERATE_MIN_LINKS || n_links > XBR_GENERATE_MAX_LINKS) {
        snprintf(what, sizeof what, "%zu links is out of range", n_links);
        return usage(diags, "links", what, "1000 to 1900000 links");
    }
    if (params->factories > 1000000 || params->markets > 10000000 || params->warehouses > 100000 ||
        params->products > 100000)
        return usage(diags, "counts", "a node or product count is too large",
                     "at most 1e6 factories, 1e7 markets, 1e5 warehouses, 1e5 products");
    if (params->factories == 1)
        return usage(diags, "factories", "1 factory", "at least 2 factories");
    memset(plan, 0, sizeof *plan);
    initial_sizes(params, sizes);
    if (!fit_markets(params, sizes, plan, &fixed, direct)) {
        snprintf(what, sizeof what,
                 "cannot make exactly %zu links with %zu factories and %zu markets: %zu links "
                 "follow from the nodes, leaving %zu factory->market links",
                 n_links, sizes->factories, sizes->markets, fixed, *direct);
        return usage(diags, "links", what,
                     "2 x factories to factories x markets factory->market links; change "
                     "--links, --factories or --markets");
    }
    return XBR_OK;
}
