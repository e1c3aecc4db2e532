/*
 * route_fixture.c - the shared route test builder (route_fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"
#include "xbroute/load.h"

void *fx_realloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    assert_non_null(q);
    return q;
}

char *fx_strdup(const char *s)
{
    char *d = strdup(s);
    assert_non_null(d);
    return d;
}

xbr_network_t *fx_net_new(void)
{
    xbr_network_t *net = xbr__network_new();
    assert_non_null(net);
    return net;
}

/* Adds a country with no fees, taxes or delays; returns its index. */
int fx_add_country(xbr_network_t *net, const char *code)
{
    net->countries = fx_realloc(net->countries, (net->n_countries + 1) * sizeof *net->countries);
    xbr_country_t *c = &net->countries[net->n_countries];
    memset(c, 0, sizeof *c);
    c->code = fx_strdup(code);
    return (int)net->n_countries++;
}

/* Adds an open node with no handling; returns its index. */
int fx_add_node(xbr_network_t *net, const char *id, xbr_node_type_t type, int country)
{
    net->nodes = fx_realloc(net->nodes, (net->n_nodes + 1) * sizeof *net->nodes);
    xbr_node_t *n = &net->nodes[net->n_nodes];
    memset(n, 0, sizeof *n);
    n->id = fx_strdup(id);
    n->name = fx_strdup(id);
    n->type = type;
    n->country = country;
    n->capacity_m3 = INFINITY;
    return (int)net->n_nodes++;
}

/* Adds an open link of `days` (plain number), free of charge, 0 km; returns its index. */
int fx_add_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double days)
{
    char id[64];
    net->links = fx_realloc(net->links, (net->n_links + 1) * sizeof *net->links);
    xbr_link_t *l = &net->links[net->n_links];
    memset(l, 0, sizeof *l);
    snprintf(id, sizeof id, "L%zu", net->n_links);
    l->id = fx_strdup(id);
    l->from = from;
    l->to = to;
    l->mode = mode;
    l->volumetric_kg_per_m3 = net->volumetric_kg_per_m3[mode];
    l->days.min = l->days.mode = l->days.max = days;
    l->distance_km = 0.0;
    l->distance_given = true;
    l->co2e_g_per_tkm = net->co2e_g_per_tkm[mode];
    l->capacity_kg_per_week = INFINITY;
    return (int)net->n_links++;
}

void fx_define_regimes(xbr_network_t *net)
{
    net->regimes[XBR_REGIME_9610] = (xbr_regime_info_t){
        .code = XBR_REGIME_9610, .defined = true, .clearance_days = 0.5, .fee_per_shipment = 5.0};
    net->regimes[XBR_REGIME_9810] = (xbr_regime_info_t){
        .code = XBR_REGIME_9810, .defined = true, .clearance_days = 1.0, .fee_per_shipment = 60.0};
    net->regimes[XBR_REGIME_1210] = (xbr_regime_info_t){
        .code = XBR_REGIME_1210, .defined = true, .clearance_days = 2.0, .fee_per_shipment = 70.0};
}

int fx_add_priced_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double per_unit,
                       double days)
{
    int l = fx_add_link(net, from, to, mode, days);
    net->links[l].cost.per_unit = per_unit;
    return l;
}

/*
 * Wraps `net` (indexed here) in a scenario with one product "p" from `origin`: 2 kg, 0.01 m3,
 * value 100, 1 unit per order, cv 0.3, no demand (set it with sc->products[0].demand_per_week);
 * service level 0.95, no holding cost, no value of time, no carbon price, review 14 days.
 */
bool fx_auto_parcel = true;

xbr_scenario_t *fx_scenario_new(xbr_network_t *net, int origin)
{
    assert_int_equal(xbr__network_index(net), XBR_OK);
    xbr_scenario_t *sc = calloc(1, sizeof *sc);
    assert_non_null(sc);
    sc->network = net;
    sc->n_products = 1;
    sc->products = calloc(1, sizeof *sc->products);
    assert_non_null(sc->products);
    xbr_product_t *p = &sc->products[0];
    p->id = fx_strdup("p");
    p->category = fx_strdup("toys");
    p->n_origins = 1;
    p->origins = malloc(sizeof(int));
    assert_non_null(p->origins);
    p->origins[0] = origin;
    p->unit_kg = 2.0;
    p->unit_m3 = 0.01;
    p->unit_value = 100.0;
    p->units_per_order = 1.0;
    p->demand_cv = 0.3;
    p->demand_per_week = calloc(net->n_nodes, sizeof(double));
    p->max_days = malloc(net->n_nodes * sizeof(double));
    assert_non_null(p->demand_per_week);
    assert_non_null(p->max_days);
    for (size_t i = 0; i < net->n_nodes; i++)
        p->max_days[i] = INFINITY;
    sc->service_level = 0.95;
    sc->holding_rate_per_year = 0.0;
    sc->value_of_time_per_day = 0.0;
    sc->carbon_price_per_t = 0.0;
    sc->review_days = 14.0;
    if (fx_auto_parcel)
        for (size_t i = 0; i < net->n_links; i++) {
            xbr_link_t *l = &net->links[i];
            if ((l->mode == XBR_MODE_SEA || l->mode == XBR_MODE_RAIL) && !l->parcel_service) {
                l->parcel_service = true;
                l->parcel_cost = l->cost;
                l->parcel_days = l->days;
            }
        }
    return sc;
}

void fx_add_origin(xbr_scenario_t *sc, int origin)
{
    xbr_product_t *p = &sc->products[0];
    p->origins = fx_realloc(p->origins, (p->n_origins + 1) * sizeof *p->origins);
    p->origins[p->n_origins++] = origin;
}

xbr_scenario_t *fx_load_baseline(void)
{
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_scenario_load(XBR_SOURCE_DIR "/scenarios/baseline.json", &sc, &d), XBR_OK);
    xbr_diags_destroy(&d);
    return sc;
}
