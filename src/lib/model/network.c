/*
 * model/network.c - network allocation, indexing, lookups and freeing (xbroute/model.h).
 *
 * Invariants after xbr__network_index(): node i is igraph vertex i, link j is igraph edge j
 * (directed from -> to), every id is in its map, and every link has a distance_km. The
 * igraph graph holds every link, open or closed: algorithms that must skip closed links check
 * xbr_link_t.closed, so closing a link never renumbers anything.
 *
 * Debian's igraph 0.10 is built without thread-local storage (IGRAPH_THREAD_SAFE 0): its
 * error handler is process-wide, so it is installed once, and parallel batch work runs in
 * processes, not threads.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"

static pthread_once_t igraph_once = PTHREAD_ONCE_INIT;

static void install_igraph_handlers(void)
{
    /* igraph's default handler aborts the process; ours returns the code to the caller, and
     * igraph unwinds its own FINALLY stack before calling it. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void xbr__network_igraph_init(void)
{
    pthread_once(&igraph_once, install_igraph_handlers);
}

xbr_network_t *xbr__network_new(void)
{
    xbr_network_t *net = calloc(1, sizeof *net);
    if (net == NULL)
        return NULL;
    net->date = XBR_NO_DAY;
    net->graph = calloc(1, sizeof *net->graph);
    net->strings = calloc(1, sizeof *net->strings);
    if (net->graph == NULL || net->strings == NULL) {
        free(net->graph);
        free(net->strings);
        free(net);
        return NULL;
    }
    xbr__strmap_init(&net->graph->node_ids);
    xbr__strmap_init(&net->graph->link_ids);
    xbr__strmap_init(&net->graph->country_ids);
    for (int m = 0; m < XBR_MODE_COUNT; m++) {
        net->volumetric_kg_per_m3[m] = xbr_default_volumetric_kg_per_m3((xbr_mode_t)m);
        net->detour_factor[m] = xbr_default_detour_factor((xbr_mode_t)m);
        net->co2e_g_per_tkm[m] = xbr_default_co2e_g_per_tkm((xbr_mode_t)m);
    }
    for (int r = 0; r < XBR_REGIME_COUNT; r++)
        net->regimes[r].code = (xbr_regime_t)r;
    return net;
}

const char *xbr__network_intern(xbr_network_t *net, const char *s)
{
    if (s == NULL)
        return NULL;
    struct xbr_strings *st = net->strings;
    for (size_t i = 0; i < st->count; i++)
        if (strcmp(st->items[i], s) == 0)
            return st->items[i];
    char **items = realloc(st->items, (st->count + 1) * sizeof *items);
    if (items == NULL)
        return NULL;
    st->items = items;
    char *copy = xbr__strdup(s);
    if (copy != NULL)
        st->items[st->count++] = copy;
    return copy;
}

static void graph_clear(struct xbr_graph *g)
{
    if (g->have_g) {
        igraph_destroy(&g->g);
        g->have_g = 0;
    }
    xbr__strmap_destroy(&g->node_ids);
    xbr__strmap_destroy(&g->link_ids);
    xbr__strmap_destroy(&g->country_ids);
}

double xbr_great_circle_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r_km = 6371.0088; /* IUGG mean Earth radius */
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad;
    double dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    if (a > 1.0)
        a = 1.0;
    return 2.0 * r_km * asin(sqrt(a));
}

/* Checks every link's ends and fills its distance when the file gave none; XBR_EINPUT on an
 * end out of range. */
static xbr_status_t index_links(xbr_network_t *net)
{
    for (size_t j = 0; j < net->n_links; j++) {
        xbr_link_t *l = &net->links[j];
        if (l->from < 0 || (size_t)l->from >= net->n_nodes || l->to < 0 ||
            (size_t)l->to >= net->n_nodes)
            return XBR_EINPUT;
        if (!l->distance_given) {
            const xbr_node_t *a = &net->nodes[l->from];
            const xbr_node_t *b = &net->nodes[l->to];
            l->distance_km =
                xbr_great_circle_km(a->lat, a->lon, b->lat, b->lon) * net->detour_factor[l->mode];
        }
    }
    return XBR_OK;
}

/* Puts key -> val in m unless key is there already (XBR_EINPUT). */
static xbr_status_t put_new(xbr__strmap_t *m, const char *key, int val)
{
    return xbr__strmap_get(m, key) >= 0 ? XBR_EINPUT : xbr__strmap_put(m, key, val);
}

/* Fills the id maps from the arrays; XBR_EINPUT on a repeated id. */
static xbr_status_t index_ids(xbr_network_t *net)
{
    struct xbr_graph *g = net->graph;
    xbr_status_t st = XBR_OK;
    for (size_t i = 0; i < net->n_countries && st == XBR_OK; i++)
        st = put_new(&g->country_ids, net->countries[i].code, (int)i);
    for (size_t i = 0; i < net->n_nodes && st == XBR_OK; i++)
        st = put_new(&g->node_ids, net->nodes[i].id, (int)i);
    for (size_t j = 0; j < net->n_links && st == XBR_OK; j++)
        st = put_new(&g->link_ids, net->links[j].id, (int)j);
    return st;
}

/* The igraph graph: vertex i is node i, edge j is link j. */
static xbr_status_t build_graph(xbr_network_t *net)
{
    struct xbr_graph *g = net->graph;
    igraph_vector_int_t edges;
    xbr_status_t st = XBR_OK;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * net->n_links)) != IGRAPH_SUCCESS)
        return XBR_ENOMEM;
    for (size_t j = 0; j < net->n_links; j++) {
        VECTOR(edges)[2 * j] = net->links[j].from;
        VECTOR(edges)[2 * j + 1] = net->links[j].to;
    }
    igraph_error_t rc =
        igraph_create(&g->g, &edges, (igraph_integer_t)net->n_nodes, IGRAPH_DIRECTED);
    if (rc != IGRAPH_SUCCESS)
        st = rc == IGRAPH_ENOMEM ? XBR_ENOMEM : XBR_EINTERNAL;
    else
        g->have_g = 1;
    igraph_vector_int_destroy(&edges);
    return st;
}

/* What both ways of indexing do once the id maps are in place. */
static xbr_status_t index_rest(xbr_network_t *net)
{
    xbr_status_t st = index_links(net);
    if (st == XBR_OK)
        st = build_graph(net);
    if (st == XBR_OK)
        st = xbr__sealanes_route_new(net);
    return st;
}

xbr_status_t xbr__network_index(xbr_network_t *net)
{
    xbr__network_igraph_init();
    graph_clear(net->graph);
    xbr_status_t st = index_ids(net);
    return st == XBR_OK ? index_rest(net) : st;
}

xbr_status_t xbr__network_index_adopt(xbr_network_t *net, xbr__strmap_t *node_ids,
                                      xbr__strmap_t *link_ids, xbr__strmap_t *country_ids)
{
    struct xbr_graph *g = net->graph;
    if (node_ids->count != net->n_nodes || link_ids->count != net->n_links ||
        country_ids->count != net->n_countries)
        return xbr__network_index(net); /* not the maps this network needs: build them */
    xbr__network_igraph_init();
    graph_clear(g);
    g->node_ids = *node_ids;
    g->link_ids = *link_ids;
    g->country_ids = *country_ids;
    xbr__strmap_init(node_ids);
    xbr__strmap_init(link_ids);
    xbr__strmap_init(country_ids);
    return index_rest(net);
}

void xbr_network_free(xbr_network_t *net)
{
    if (net == NULL)
        return;
    for (size_t i = 0; i < net->n_nodes; i++) {
        free(net->nodes[i].id);
        free(net->nodes[i].name);
        free(net->nodes[i].code);
    }
    free(net->nodes);
    for (size_t j = 0; j < net->n_links; j++) {
        free(net->links[j].id);
        xbr__sealanes_lane_free(net->links[j].lane);
    }
    free(net->links);
    for (size_t i = 0; i < net->n_countries; i++) {
        xbr_country_t *c = &net->countries[i];
        free(c->code);
        free(c->name);
        free(c->customs_union);
        for (size_t k = 0; k < c->n_duty; k++)
            free(c->duty_category[k]);
        free(c->duty_category);
        free(c->duty_pct);
        xbr__country_tariff_free(c);
        xbr__country_thresholds_free(c);
    }
    free(net->countries);
    for (size_t i = 0; i < net->n_sources; i++) {
        free(net->sources[i].id);
        free(net->sources[i].what);
        free(net->sources[i].where);
        free(net->sources[i].date);
    }
    free(net->sources);
    for (size_t i = 0; i < net->n_last_mile; i++) {
        for (size_t b = 0; b < net->last_mile[i].n_bands; b++)
            free(net->last_mile[i].bands[b].prices);
        free(net->last_mile[i].bands);
        free(net->last_mile[i].id);
    }
    free(net->last_mile);
    for (size_t i = 0; i < net->n_fee_tables; i++) {
        for (size_t t = 0; t < net->fee_tables[i].n_tiers; t++) {
            free(net->fee_tables[i].tiers[t].name);
            free(net->fee_tables[i].tiers[t].fees);
        }
        free(net->fee_tables[i].tiers);
        free(net->fee_tables[i].id);
    }
    free(net->fee_tables);
    if (net->graph != NULL) {
        graph_clear(net->graph);
        free(net->graph);
    }
    if (net->strings != NULL) {
        for (size_t i = 0; i < net->strings->count; i++)
            free(net->strings->items[i]);
        free(net->strings->items);
        free(net->strings);
    }
    free(net->path);
    free(net->name);
    free(net->description);
    free(net->currency);
    free(net);
}

int xbr_network_find_node(const xbr_network_t *net, const char *id)
{
    return xbr__strmap_get(&net->graph->node_ids, id);
}

int xbr_network_find_link(const xbr_network_t *net, const char *id)
{
    return xbr__strmap_get(&net->graph->link_ids, id);
}

int xbr_network_find_country(const xbr_network_t *net, const char *code)
{
    return xbr__strmap_get(&net->graph->country_ids, code);
}

double xbr_country_duty_pct(const xbr_country_t *country, const char *category)
{
    if (category != NULL)
        for (size_t k = 0; k < country->n_duty; k++)
            if (strcmp(country->duty_category[k], category) == 0)
                return country->duty_pct[k];
    return country->duty_pct_default;
}

void xbr__scenario_relist_markets(xbr_scenario_t *sc, size_t n_nodes)
{
    size_t k = 0;
    for (size_t m = 0; m < n_nodes; m++) {
        bool any = false;
        for (size_t p = 0; p < sc->n_products && !any; p++)
            any = sc->products[p].demand_per_week[m] > 0.0;
        if (any)
            sc->markets[k++] = (int)m;
    }
    sc->n_markets = k;
}

int xbr_scenario_find_product(const xbr_scenario_t *sc, const char *id)
{
    if (id == NULL)
        return -1;
    for (size_t i = 0; i < sc->n_products; i++)
        if (strcmp(sc->products[i].id, id) == 0)
            return (int)i;
    return -1;
}

void xbr_scenario_free(xbr_scenario_t *sc)
{
    if (sc == NULL)
        return;
    for (size_t i = 0; i < sc->n_products; i++) {
        xbr_product_t *p = &sc->products[i];
        free(p->id);
        free(p->name);
        free(p->category);
        free(p->origins);
        free(p->demand_per_week);
        free(p->max_days);
    }
    free(sc->products);
    free(sc->markets);
    for (size_t i = 0; i < sc->n_files; i++)
        free(sc->files[i]);
    free(sc->files);
    free(sc->path);
    free(sc->name);
    free(sc->description);
    xbr_network_free(sc->network);
    free(sc);
}
