/*
 * analysis_fixture.c - hand-made scenarios for the analysis tests (analysis_fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "analysis_fixture.h"
#include "route_fixture.h"

int afx_add_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double days,
                 double per_unit)
{
    int l = fx_add_link(net, from, to, mode, days);
    net->links[l].cost.per_unit = per_unit;
    return l;
}

void afx_set_demand(xbr_scenario_t *sc, int m, double per_week, double promise_days)
{
    sc->products[0].demand_per_week[m] = per_week;
    sc->products[0].max_days[m] = promise_days;
    sc->markets = fx_realloc(sc->markets, (sc->n_markets + 1) * sizeof *sc->markets);
    size_t i = sc->n_markets++;
    for (; i > 0 && sc->markets[i - 1] > m; i--)
        sc->markets[i] = sc->markets[i - 1];
    sc->markets[i] = m;
}

xbr_scenario_t *afx_compare_scenario(void)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    int m2 = fx_add_node(net, "M2", XBR_NODE_MARKET, us);
    int m3 = fx_add_node(net, "M3", XBR_NODE_MARKET, us);
    afx_add_link(net, f, m, XBR_MODE_AIR, 2, 10);
    afx_add_link(net, f, m, XBR_MODE_EXPRESS, 3, 8);
    afx_add_link(net, f, m, XBR_MODE_SEA, 30, 3);
    int post = afx_add_link(net, f, m, XBR_MODE_POST, 20, 2);
    afx_add_link(net, f, m3, XBR_MODE_SEA, 30, 3);
    net->links[post].closed = true;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    afx_set_demand(sc, m, 10, 5);
    afx_set_demand(sc, m2, 10, INFINITY);
    afx_set_demand(sc, m3, 10, 5);
    return sc;
}

xbr_scenario_t *afx_chain_scenario(void)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int e = fx_add_node(net, "E", XBR_NODE_EXPORTER, cn);
    int i = fx_add_node(net, "I", XBR_NODE_IMPORTER, us);
    int w = fx_add_node(net, "W", XBR_NODE_WHOLESALER, us);
    int r = fx_add_node(net, "R", XBR_NODE_RETAILER, us);
    int r2 = fx_add_node(net, "R2", XBR_NODE_RETAILER, us);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    net->nodes[e].markup_pct = 10;
    net->nodes[i].markup_pct = 20;
    net->nodes[w].markup_pct = 25;
    net->nodes[r].markup_pct = 50;
    net->nodes[r2].markup_pct = 30;
    afx_add_link(net, f, e, XBR_MODE_TRUCK, 1, 1);
    afx_add_link(net, e, i, XBR_MODE_SEA, 20, 4);
    afx_add_link(net, i, w, XBR_MODE_TRUCK, 1, 1);
    afx_add_link(net, w, r, XBR_MODE_TRUCK, 1, 1);
    afx_add_link(net, r, m, XBR_MODE_LAST_MILE, 1, 0.5);
    afx_add_link(net, e, r, XBR_MODE_SEA, 20, 4);
    afx_add_link(net, f, r2, XBR_MODE_AIR, 3, 5);
    afx_add_link(net, r2, m, XBR_MODE_LAST_MILE, 1, 0.5);
    afx_add_link(net, f, m, XBR_MODE_EXPRESS, 4, 12);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    afx_set_demand(sc, m, 70, INFINITY);
    return sc;
}
