/*
 * route/test_bruteforce.c - the route searches against brute force: every simple path of
 * 600 random small networks (300 free-form, 300 layered like export chains; countries CN,
 * US, DE, NL, DE and NL sometimes in a customs union; some warehouses bonded, regime 1210;
 * 30 % of the markets of business buyers, regime 9710; half the products with an export VAT
 * rebate whose wait is capital),
 * evaluated with xbr_route_evaluate and Pareto-filtered by an independent O(n^2) filter, plainly
 * and per class key (route_class, class_mode) for xbr_routes_pareto_by_class; and 200 more priced
 * within random network designs (xbr_router_set_design, xbr_route_evaluate_in); and 300 with
 * random tariff components, CIF countries and broker fees per entry. Some links, and some
 * modes, take the economic order interval (the cheapest of the intervals they allow).
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

#include "base/internal.h"
#include "model/internal.h"
#include "route_fixture.h"
#include "route/internal.h"
#include "xbroute/design.h"
#include "xbroute/load.h"
#include "xbroute/route.h"

/* ---- random numbers: the library's splitmix64 (base/internal.h), state passed explicitly ---- */

typedef struct {
    uint64_t s;
} rng_t;

/* uniform on [lo, hi) */
static double unif(rng_t *r, double lo, double hi)
{
    return lo + (hi - lo) * xbr__splitmix64_unit(&r->s);
}

static int pick(rng_t *r, int n)
{
    return (int)(xbr__splitmix64(&r->s) % (uint64_t)n);
}

static bool chance(rng_t *r, double p)
{
    return unif(r, 0.0, 1.0) < p;
}

/* A link a -> b of a random mode, tariff, days, departures, distance; 5 % closed. */
static int random_link(xbr_network_t *net, rng_t *r, int a, int b)
{
    xbr_mode_t mode = (xbr_mode_t)pick(r, XBR_MODE_COUNT);
    int l = fx_add_link(net, a, b, mode, 0);
    xbr_link_t *lk = &net->links[l];
    if (chance(r, 0.7))
        lk->cost.per_kg = unif(r, 0, 5);
    if (chance(r, 0.3))
        lk->cost.per_m3 = unif(r, 0, 50);
    if (chance(r, 0.5))
        lk->cost.per_unit = unif(r, 0, 3);
    if (chance(r, 0.4))
        lk->cost.per_shipment = unif(r, 0, 50);
    if (chance(r, 0.3))
        lk->cost.min_charge = unif(r, 0, 30);
    double lo = unif(r, 0, 10);
    if (chance(r, 0.3)) {
        lk->days = (xbr_days_t){lo, lo, lo};
    } else {
        double mo = lo + unif(r, 0, 5);
        lk->days = (xbr_days_t){lo, mo, mo + unif(r, 0, 10)};
    }
    lk->departures_per_week = chance(r, 0.4) ? unif(r, 0.5, 7) : 0.0;
    lk->distance_km = unif(r, 0, 12000);
    lk->co2e_g_per_tkm = unif(r, 0, 700);
    lk->closed = chance(r, 0.05);
    /* a sea or rail link carries parcels only with a parcel service (60 %); 20 % of links set
     * their own replenishment interval */
    if ((mode == XBR_MODE_SEA || mode == XBR_MODE_RAIL) && chance(r, 0.6)) {
        lk->parcel_service = true;
        lk->parcel_cost.per_kg = unif(r, 0, 5);
        lk->parcel_cost.min_charge = chance(r, 0.5) ? unif(r, 0, 10) : 0.0;
        double plo = unif(r, 0, 20);
        lk->parcel_days = (xbr_days_t){plo, plo + unif(r, 0, 5), plo + unif(r, 5, 10)};
    }
    if (chance(r, 0.2))
        lk->review_days = unif(r, 3, 28);
    else if (chance(r, 0.15))
        lk->review_days = XBR_REVIEW_ECONOMIC; /* the economic order interval */
    return l;
}

/*
 * A near twin of link `base`: the same mode, a tariff 0-3 % cheaper and days of about the
 * same mean but another spread, so labels differ mainly in lead-time variance.
 */
static int twin_link(xbr_network_t *net, rng_t *r, int base)
{
    int l = fx_add_link(net, net->links[base].from, net->links[base].to, net->links[base].mode, 0);
    xbr_link_t *lk = &net->links[l];
    const xbr_link_t *b = &net->links[base];
    double f = unif(r, 0.97, 1.0);
    lk->cost.per_kg = b->cost.per_kg * f;
    lk->cost.per_m3 = b->cost.per_m3 * f;
    lk->cost.per_unit = b->cost.per_unit * f;
    lk->cost.per_shipment = b->cost.per_shipment * f;
    lk->cost.min_charge = b->cost.min_charge * f;
    double mean = (b->days.min + b->days.mode + b->days.max) / 3.0;
    double spread = unif(r, 0, mean);
    lk->days = chance(r, 0.5) ? (xbr_days_t){mean, mean, mean}
                              : (xbr_days_t){mean - spread, mean - spread, mean + 2.0 * spread};
    lk->departures_per_week = b->departures_per_week;
    lk->parcel_service = b->parcel_service;
    lk->parcel_cost = b->parcel_cost;
    lk->parcel_days = b->parcel_days;
    lk->review_days = chance(r, 0.5)   ? b->review_days
                      : chance(r, 0.2) ? XBR_REVIEW_ECONOMIC
                                       : unif(r, 3, 28);
    lk->distance_km = b->distance_km;
    lk->co2e_g_per_tkm = b->co2e_g_per_tkm;
    return l;
}

/* When set, random_countries() also gives each country a random customs value basis (FOB or
 * CIF with insurance), a broker fee per bulk entry and random tariff components, drawn from a
 * second stream so the other tests' networks stay as they were. */
static bool g_tariffs = false;

static char **one_string(const char *s)
{
    char **list = malloc(sizeof *list);
    assert_non_null(list);
    list[0] = fx_strdup(s);
    return list;
}

static void random_tariff(xbr_country_t *k, rng_t *t)
{
    if (chance(t, 0.5)) {
        k->customs_value = XBR_VALUE_CIF;
        k->insurance_pct = chance(t, 0.5) ? unif(t, 0, 2) : 0.0;
    }
    if (chance(t, 0.5)) {
        k->has_entry_fee = true;
        k->clearance_fee_per_entry = unif(t, 0, 300);
    }
    int n = pick(t, 5);
    k->tariff = calloc((size_t)n + 1, sizeof *k->tariff);
    assert_non_null(k->tariff);
    for (int i = 0; i < n; i++) {
        xbr_tariff_part_t *p = &k->tariff[k->n_tariff++];
        char id[16];
        snprintf(id, sizeof id, "t%d", i);
        p->id = fx_strdup(id);
        p->form = (xbr_tariff_form_t)pick(t, XBR_TARIFF_FORM_COUNT);
        p->rate = unif(t, 0, 30);
        p->amount = unif(t, 0, 10);
        p->min = chance(t, 0.3) ? unif(t, 0, 50) : 0.0;
        p->max = chance(t, 0.3) ? p->min + unif(t, 0, 500) : INFINITY;
        p->fee = chance(t, 0.3);
        p->vat_base = !p->fee && chance(t, 0.7);
        p->ignores_de_minimis = chance(t, 0.3);
        p->channels = chance(t, 0.4) ? 1u + (unsigned)pick(t, 7) : 7u;
        p->modes = chance(t, 0.3) ? 1u << pick(t, XBR_MODE_COUNT) : 0u;
        p->from = chance(t, 0.3) ? (xbr_day_t)pick(t, 3) - 1 : XBR_NO_DAY; /* -1, 0 or 1 */
        p->until = chance(t, 0.3) ? (xbr_day_t)pick(t, 3) + 1 : XBR_NO_DAY;
        p->value_from = chance(t, 0.3) ? unif(t, 0, 300) : 0.0;
        p->value_under = chance(t, 0.3) ? p->value_from + unif(t, 1, 1000) : INFINITY;
        if (chance(t, 0.3)) {
            p->n_categories = 1;
            p->categories = one_string(chance(t, 0.5) ? "toys" : "home");
        }
        if (chance(t, 0.3)) {
            p->n_origins = 1;
            p->origins = one_string(chance(t, 0.7) ? "CN" : "US");
        } else if (chance(t, 0.2)) {
            p->n_exclude_origins = 1;
            p->exclude_origins = one_string("CN");
        }
    }
}

static void random_countries(xbr_network_t *net, rng_t *r)
{
    rng_t t = {r->s ^ 0x9e3779b97f4a7c15u};
    static const char *codes[4] = {"CN", "US", "DE", "NL"};
    bool eu = chance(r, 0.5); /* DE and NL in one customs union */
    for (int c = 0; c < 4; c++) {
        int ci = fx_add_country(net, codes[c]);
        xbr_country_t *k = &net->countries[ci];
        if (eu && c >= 2)
            k->customs_union = fx_strdup("EU");
        k->de_minimis = chance(r, 0.5) ? unif(r, 20, 400) : 0.0;
        k->vat_de_minimis = chance(r, 0.3) ? unif(r, 10, 200) : 0.0;
        k->duty_pct_default = unif(r, 0, 15);
        if (chance(r, 0.5)) {
            k->n_duty = 1;
            k->duty_category = malloc(sizeof(char *));
            k->duty_pct = malloc(sizeof(double));
            assert_non_null(k->duty_category);
            assert_non_null(k->duty_pct);
            k->duty_category[0] = fx_strdup("toys");
            k->duty_pct[0] = unif(r, 0, 25);
        }
        k->vat_pct = unif(r, 0, 25);
        k->clearance_days = unif(r, 0, 3);
        k->clearance_fee_per_shipment = chance(r, 0.6) ? unif(r, 0, 30) : 0.0;
        k->inspection_prob = unif(r, 0, 0.3);
        k->inspection_days = unif(r, 0, 5);
        if (g_tariffs)
            random_tariff(k, &t);
    }
    for (int g = 0; g < XBR_REGIME_COUNT; g++) {
        net->regimes[g].defined = true;
        net->regimes[g].fee_per_shipment = unif(r, 0, 100);
        net->regimes[g].clearance_days = unif(r, 0, 3);
    }
}

static void random_node_data(xbr_node_t *nd, rng_t *r)
{
    xbr_node_type_t type = nd->type;
    if (chance(r, 0.5))
        nd->handling = (xbr_handling_t){unif(r, 0, 0.5), unif(r, 0, 2), unif(r, 0, 2)};
    if (type == XBR_NODE_EXPORTER || type == XBR_NODE_IMPORTER || type == XBR_NODE_WHOLESALER ||
        type == XBR_NODE_RETAILER)
        nd->markup_pct = unif(r, 0, 60);
    if (type == XBR_NODE_WAREHOUSE) {
        nd->storage_cost_per_m3_day = unif(r, 0, 1);
        nd->fixed_cost_per_week = chance(r, 0.5) ? unif(r, 0, 500) : 0.0;
        /* bonded zones (regime 1210): mostly in the origin's country (0, CN), where routes
         * stock there; a few abroad, which routes from CN pass in bulk but never stock at */
        nd->bonded = chance(r, nd->country == 0 ? 0.5 : 0.1);
        nd->review_days = chance(r, 0.25) ? unif(r, 3, 28) : 0.0; /* its own interval */
    }
}

static void random_product(xbr_scenario_t *sc, rng_t *r, int market)
{
    xbr_product_t *p = &sc->products[0];
    p->unit_kg = unif(r, 0.1, 20);
    p->unit_m3 = unif(r, 0.001, 0.1);
    p->unit_value = unif(r, 5, 500);
    p->units_per_order = (double)(1 + pick(r, 3));
    p->demand_cv = unif(r, 0, 0.8);
    p->demand_per_week[market] = chance(r, 0.15) ? 0.0 : unif(r, 1, 300);
    sc->service_level = unif(r, 0.6, 0.99);
    sc->holding_rate_per_year = unif(r, 0, 0.3);
    sc->value_of_time_per_day = unif(r, 0, 3);
    sc->carbon_price_per_t = chance(r, 0.5) ? unif(r, 0, 150) : 0.0;
    sc->review_days = unif(r, 3, 28);
    for (int m = 0; m < XBR_MODE_COUNT; m++) /* intervals by mode, some economic */
        sc->review_days_by_mode[m] = chance(r, 0.4)    ? unif(r, 3, 28)
                                     : chance(r, 0.15) ? XBR_REVIEW_ECONOMIC
                                                       : 0.0;
    /* the economic intervals' bounds and step (a few candidates each, as real settings give) */
    sc->economic_min_days = unif(r, 1, 10);
    sc->economic_max_days = sc->economic_min_days + unif(r, 0, 14);
    sc->economic_step_days = unif(r, 4, 14);
    /* business buyers (B2B, 9710): orders of many units as freight, a platform fee on orders
     * up to a limit (drawn last, so the rest of a seed's network is as before) */
    xbr_node_t *mk = &sc->network->nodes[market];
    if (chance(r, 0.3)) {
        mk->business = true;
        mk->order_units = (double)(1 + pick(r, 500));
        mk->platform_fee_pct = chance(r, 0.7) ? unif(r, 0, 10) : 0.0;
        mk->platform_fee_max_order = chance(r, 0.5) ? unif(r, 100, 50000) : 0.0;
    }
    /* China's export VAT rebate (route.h): capital on it until the rebate event and the payout,
     * half the time (drawn after the rest, as above) */
    if (chance(r, 0.5)) {
        p->export_vat_rebate_pct = unif(r, 0, 17);
        sc->rebate_payout_days = unif(r, 0, 30);
    }
}

/*
 * A layered network, as real chains are: factory (CN) -> 2-3 of exporter, seaport, airport,
 * warehouse (CN) -> 2-3 of importer, seaport, rail terminal, warehouse (abroad) -> 2-3 of
 * wholesaler, retailer, warehouse (abroad) -> the market; links between consecutive layers
 * (70 %), skipping one (30 %) and back (8 %, making cycles), each with 0-2 near twins.
 */
static xbr_scenario_t *layered_scenario(uint64_t seed, int *market)
{
    rng_t r = {seed};
    xbr_network_t *net = fx_net_new();
    random_countries(net, &r);
    static const xbr_node_type_t l1[] = {XBR_NODE_EXPORTER, XBR_NODE_SEAPORT, XBR_NODE_AIRPORT,
                                         XBR_NODE_WAREHOUSE};
    static const xbr_node_type_t l2[] = {XBR_NODE_IMPORTER, XBR_NODE_SEAPORT,
                                         XBR_NODE_RAIL_TERMINAL, XBR_NODE_WAREHOUSE};
    static const xbr_node_type_t l3[] = {XBR_NODE_WHOLESALER, XBR_NODE_RETAILER, XBR_NODE_WAREHOUSE,
                                         XBR_NODE_RETAILER};
    int abroad = 1 + pick(&r, 3);
    int layer_of[16];
    int n = 0;
    char id[32];
    snprintf(id, sizeof id, "f%d", n);
    layer_of[n++] = 0;
    fx_add_node(net, "f0", XBR_NODE_FACTORY, 0);
    fx_add_node(net, "m1", XBR_NODE_MARKET, abroad);
    layer_of[n++] = 4;
    for (int layer = 1; layer <= 3; layer++) {
        int count = 2 + pick(&r, 2);
        for (int i = 0; i < count; i++) {
            const xbr_node_type_t *types = layer == 1 ? l1 : layer == 2 ? l2 : l3;
            snprintf(id, sizeof id, "l%d_%d", layer, i);
            int v = fx_add_node(net, id, types[pick(&r, 4)],
                                layer == 1 ? 0 : (chance(&r, 0.8) ? abroad : pick(&r, 4)));
            random_node_data(&net->nodes[v], &r);
            layer_of[n++] = layer;
        }
    }
    for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
            int gap = layer_of[b] - layer_of[a];
            double p = gap == 1 ? 0.7 : gap == 2 ? 0.3 : gap < 0 ? 0.08 : 0.0;
            if (a == b || layer_of[a] == 4 || !chance(&r, p))
                continue;
            int l = random_link(net, &r, a, b);
            for (int t = pick(&r, 3); t > 0; t--)
                twin_link(net, &r, l);
        }
    }
    xbr_scenario_t *sc = fx_scenario_new(net, 0);
    random_product(sc, &r, 1);
    *market = 1;
    return sc;
}

/*
 * A random network: node 0 the factory (CN), node 1 the market, node 2 a warehouse, node 3 a
 * retailer, the rest of random types; 3 countries with random customs rules; random links of
 * every mode with random tariffs, triangular days, departures, distances; some closed.
 */
static xbr_scenario_t *random_scenario(uint64_t seed, int *market)
{
    rng_t r = {seed};
    xbr_network_t *net = fx_net_new();
    random_countries(net, &r);
    static const xbr_node_type_t others[] = {
        XBR_NODE_FACTORY,  XBR_NODE_EXPORTER, XBR_NODE_IMPORTER,      XBR_NODE_WHOLESALER,
        XBR_NODE_SEAPORT,  XBR_NODE_AIRPORT,  XBR_NODE_RAIL_TERMINAL, XBR_NODE_WAREHOUSE,
        XBR_NODE_RETAILER, XBR_NODE_MARKET,   XBR_NODE_SEAPORT,       XBR_NODE_WAREHOUSE};
    int n = 6 + pick(&r, 7);
    for (int i = 0; i < n; i++) {
        char id[16];
        xbr_node_type_t type = i == 0   ? XBR_NODE_FACTORY
                               : i == 1 ? XBR_NODE_MARKET
                               : i == 2 ? XBR_NODE_WAREHOUSE
                               : i == 3 ? XBR_NODE_RETAILER
                                        : others[pick(&r, 12)];
        snprintf(id, sizeof id, "n%02d", i);
        int v = fx_add_node(net, id, type, i == 0 ? 0 : i == 1 ? 1 + pick(&r, 3) : pick(&r, 4));
        random_node_data(&net->nodes[v], &r);
        net->nodes[v].closed = i > 1 && chance(&r, 0.05);
    }
    double p_link = 4.5 / n;
    for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
            if (a == b || !chance(&r, p_link))
                continue;
            int copies = chance(&r, 0.1) ? 2 : 1;
            for (int c = 0; c < copies; c++)
                random_link(net, &r, a, b);
        }
    }
    xbr_scenario_t *sc = fx_scenario_new(net, 0);
    random_product(sc, &r, 1);
    *market = 1;
    return sc;
}

/* ---- brute force: every simple path, every stocking choice ---- */

typedef struct {
    double cost, days, co2e, gen;
    int klass, mode; /* the route's class key */
} point_t;

typedef struct {
    point_t *items;
    size_t count, cap;
    size_t n_paths;
    size_t by_class[XBR_CLASS_COUNT];
} points_t;

static void points_add(points_t *ps, const xbr_route_t *rt)
{
    if (ps->count == ps->cap) {
        ps->cap = ps->cap ? 2 * ps->cap : 256;
        ps->items = fx_realloc(ps->items, ps->cap * sizeof *ps->items);
    }
    ps->items[ps->count++] = (point_t){rt->cost.total,       rt->days,        rt->co2e_kg,
                                       rt->generalised_cost, rt->route_class, rt->class_mode};
}

static void dfs(const xbr_scenario_t *sc, const xbr_design_t *design, int market, int v, int *links,
                size_t depth, char *seen, points_t *ps)
{
    const xbr_network_t *net = sc->network;
    if (v == market) {
        ps->n_paths++;
        /* no stock, then stock at each warehouse of the path */
        for (size_t s = 0; s <= depth; s++) {
            int stock = -1;
            if (s > 0) {
                stock = net->links[links[s - 1]].to;
                if (net->nodes[stock].type != XBR_NODE_WAREHOUSE)
                    continue;
            }
            xbr_route_t rt;
            if (xbr_route_evaluate_in(sc, design, 0, market, links, depth, stock, &rt, NULL) ==
                XBR_OK) {
                points_add(ps, &rt);
                xbr_route_destroy(&rt);
            }
        }
        return;
    }
    if (net->nodes[v].type == XBR_NODE_MARKET && depth > 0)
        return;
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (l->from != v || l->closed || seen[l->to] || net->nodes[l->to].closed)
            continue;
        seen[l->to] = 1;
        links[depth] = (int)j;
        dfs(sc, design, market, l->to, links, depth + 1, seen, ps);
        seen[l->to] = 0;
    }
}

/* a <= b on every criterion and < on one */
static bool dominates(const point_t *a, const point_t *b, bool co2e)
{
    if (a->cost > b->cost || a->days > b->days || (co2e && a->co2e > b->co2e))
        return false;
    return a->cost < b->cost || a->days < b->days || (co2e && a->co2e < b->co2e);
}

static bool same(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

static bool same_point(const point_t *a, const point_t *b, bool co2e)
{
    return same(a->cost, b->cost) && same(a->days, b->days) && (!co2e || same(a->co2e, b->co2e));
}

static bool same_key(const point_t *a, const point_t *b)
{
    return a->klass == b->klass && a->mode == b->mode;
}

/* The O(n^2) Pareto filter; equal vectors kept once. Returns the count, front[] filled. With
 * `by_class`, points of different class keys are never compared: the union of the per-class
 * fronts. */
static size_t pareto_filter(const points_t *ps, bool co2e, bool by_class, point_t *front)
{
    size_t k = 0;
    for (size_t i = 0; i < ps->count; i++) {
        bool keep = true;
        for (size_t j = 0; j < ps->count && keep; j++)
            if ((!by_class || same_key(&ps->items[j], &ps->items[i])) &&
                dominates(&ps->items[j], &ps->items[i], co2e))
                keep = false;
        for (size_t j = 0; j < k && keep; j++)
            if ((!by_class || same_key(&front[j], &ps->items[i])) &&
                same_point(&front[j], &ps->items[i], co2e))
                keep = false;
        if (keep)
            front[k++] = ps->items[i];
    }
    return k;
}

static int by_gen(const void *a, const void *b)
{
    double x = ((const point_t *)a)->gen, y = ((const point_t *)b)->gen;
    return (x > y) - (x < y);
}

static point_t route_point(const xbr_route_t *rt)
{
    return (point_t){rt->cost.total,       rt->days,        rt->co2e_kg,
                     rt->generalised_cost, rt->route_class, rt->class_mode};
}

/* The search's Pareto set has the brute-force front's nf points, each route on the front, in
 * the order of cost, then days. */
static void expect_front(uint64_t seed, int crit, const xbr_route_set_t *set, const point_t *front,
                         size_t nf)
{
    bool co2e = crit == 1;
    if (set->count != nf)
        print_error("seed %llu crit %d: search %zu routes, brute force %zu\n",
                    (unsigned long long)seed, crit, set->count, nf);
    assert_int_equal(set->count, nf);
    for (size_t i = 0; i < set->count; i++) {
        const xbr_route_t *rt = &set->routes[i];
        point_t p = route_point(rt);
        bool found = false;
        for (size_t j = 0; j < nf && !found; j++)
            found = same_point(&p, &front[j], co2e);
        if (!found)
            print_error("seed %llu: search route %zu (%g, %g) not on the brute-force front\n",
                        (unsigned long long)seed, i, p.cost, p.days);
        assert_true(found);
        /* ordered by cost, then days */
        if (i > 0)
            assert_true(set->routes[i - 1].cost.total < rt->cost.total ||
                        (set->routes[i - 1].cost.total == rt->cost.total &&
                         set->routes[i - 1].days <= rt->days));
    }
}

/* Route `rt` from a search is a valid simple route with the evaluator's own figures and class. */
static void expect_evaluated(const xbr_scenario_t *sc, int market, const xbr_route_t *rt)
{
    xbr_route_t e;
    assert_int_equal(
        xbr_route_evaluate(sc, 0, market, rt->links, rt->n_links, rt->stock_at, &e, NULL), XBR_OK);
    assert_true(same(e.cost.total, rt->cost.total) && same(e.days, rt->days));
    assert_string_equal(e.class_name, rt->class_name);
    /* the same interval too: an economic one is the cheapest the path allows, the shortest on
     * a tie, in both */
    assert_true(e.interval_days == rt->interval_days);
    assert_true(e.interval_economic == rt->interval_economic);
    xbr_route_destroy(&e);
}

/* The search's k best are the k smallest generalised costs of the brute force's points (sorted
 * by by_gen()), or all of them when fewer. */
static void expect_k_best(uint64_t seed, const xbr_route_set_t *set, const points_t *ps, size_t k)
{
    size_t expect = ps->count < k ? ps->count : k;
    if (set->count != expect)
        print_error("seed %llu: k-best %zu routes, brute force %zu\n", (unsigned long long)seed,
                    set->count, expect);
    assert_int_equal(set->count, expect);
    for (size_t i = 0; i < set->count; i++) {
        if (!same(set->routes[i].generalised_cost, ps->items[i].gen))
            print_error("seed %llu: k-best #%zu %.17g, brute force %.17g\n",
                        (unsigned long long)seed, i, set->routes[i].generalised_cost,
                        ps->items[i].gen);
        assert_true(same(set->routes[i].generalised_cost, ps->items[i].gen));
    }
}

typedef struct {
    size_t instances, paths, routes, front_routes, kbest_routes;
    size_t pareto_calls, second_passes;
    size_t class_routes, class_keys_max, class_only; /* by-class fronts */
    size_t class_bonded;                             /* bonded routes on the by-class fronts */
    size_t class_by_class[XBR_CLASS_COUNT];          /* routes on the by-class fronts */
    size_t front_by_class[XBR_CLASS_COUNT];
    size_t own_interval; /* front routes whose interval is not the scenario's review_days */
    size_t economic;     /* front routes whose interval is an economic one */
    size_t parcel_sea;   /* front routes with a parcel leg on a sea or rail parcel service */
    size_t wh_interval;  /* front routes stocked at a warehouse with its own interval */
} stats_t;

/* By class: xbr_routes_pareto_by_class() against the union of the per-class fronts of the
 * enumeration `ps`, on both criteria (front: room for ps->count points). */
static void check_by_class(uint64_t seed, const xbr_scenario_t *sc, xbr_router_t *router,
                           int market, const points_t *ps, point_t *front, stats_t *stats)
{
    for (int crit = 0; crit < 2; crit++) {
        bool co2e = crit == 1;
        size_t nf = pareto_filter(ps, co2e, true, front);
        xbr_route_set_t *set = NULL;
        assert_int_equal(
            xbr_routes_pareto_by_class(sc, router, 0, 0, market,
                                       co2e ? XBR_CRITERIA_COST_DAYS_CO2E : XBR_CRITERIA_COST_DAYS,
                                       &set, NULL),
            XBR_OK);
        if (set->count != nf)
            print_error("seed %llu crit %d: by-class search %zu routes, brute force %zu\n",
                        (unsigned long long)seed, crit, set->count, nf);
        assert_int_equal(set->count, nf);
        size_t keys = 0;
        for (size_t i = 0; i < set->count; i++) {
            const xbr_route_t *rt = &set->routes[i];
            point_t p = route_point(rt);
            if (!co2e && rt->route_class == XBR_CLASS_BONDED)
                stats->class_bonded++;
            if (!co2e)
                stats->class_by_class[rt->route_class]++;
            bool found = false;
            for (size_t j = 0; j < nf && !found; j++)
                found = same_key(&p, &front[j]) && same_point(&p, &front[j], co2e);
            if (!found)
                print_error("seed %llu: by-class route %zu %s (%g, %g) not on its class front\n",
                            (unsigned long long)seed, i, rt->class_name, p.cost, p.days);
            assert_true(found);
            expect_evaluated(sc, market, rt);
            /* ordered by class name, then class mode, then cost, then days */
            if (i == 0) {
                keys = 1;
                continue;
            }
            const xbr_route_t *pr = &set->routes[i - 1];
            int c = strcmp(pr->class_name, rt->class_name);
            assert_true(c <= 0);
            if (c == 0 && pr->class_mode != rt->class_mode)
                assert_true(pr->class_mode < rt->class_mode);
            if (c == 0 && pr->class_mode == rt->class_mode)
                assert_true(pr->cost.total < rt->cost.total ||
                            (pr->cost.total == rt->cost.total && pr->days <= rt->days));
            else
                keys++;
        }
        if (!co2e) {
            stats->class_routes += nf;
            if (keys > stats->class_keys_max)
                stats->class_keys_max = keys;
            stats->class_only += nf - pareto_filter(ps, false, false, front);
        }
        xbr_route_set_free(set);
    }
}

/* Every valid route from the factory (node 0) into `market`, evaluated within `design` (NULL:
 * none), into ps. */
static void brute_force(const xbr_scenario_t *sc, const xbr_design_t *design, int market,
                        points_t *ps)
{
    int *links = malloc(sc->network->n_nodes * sizeof(int));
    char *seen = calloc(sc->network->n_nodes, 1);
    assert_non_null(links);
    assert_non_null(seen);
    seen[0] = 1;
    dfs(sc, design, market, 0, links, 0, seen, ps);
    free(links);
    free(seen);
}

static void check_instance(uint64_t seed, bool layered, stats_t *stats)
{
    int market;
    xbr_scenario_t *sc = layered ? layered_scenario(seed, &market) : random_scenario(seed, &market);
    points_t ps = {0};
    brute_force(sc, NULL, market, &ps);
    stats->instances++;
    stats->paths += ps.n_paths;
    stats->routes += ps.count;

    xbr_router_t *router = NULL;
    assert_int_equal(xbr_router_new(sc, &router), XBR_OK);
    point_t *front = malloc((ps.count + 1) * sizeof *front);
    assert_non_null(front);
    for (int crit = 0; crit < 2; crit++) {
        bool co2e = crit == 1;
        size_t nf = pareto_filter(&ps, co2e, false, front);
        xbr_route_set_t *set = NULL;
        assert_int_equal(
            xbr_routes_pareto(sc, router, 0, 0, market,
                              co2e ? XBR_CRITERIA_COST_DAYS_CO2E : XBR_CRITERIA_COST_DAYS, &set,
                              NULL),
            XBR_OK);
        expect_front(seed, crit, set, front, nf);
        for (size_t i = 0; i < set->count; i++) {
            const xbr_route_t *rt = &set->routes[i];
            expect_evaluated(sc, market, rt);
            if (!co2e) {
                stats->front_by_class[rt->route_class]++;
                if (rt->interval_days > 0.0 && rt->interval_days != sc->review_days)
                    stats->own_interval++;
                if (rt->stock_at >= 0 && sc->network->nodes[rt->stock_at].review_days > 0.0)
                    stats->wh_interval++;
                if (rt->interval_economic)
                    stats->economic++;
                for (size_t j = 0; j < rt->n_links; j++) {
                    const xbr_link_t *l = &sc->network->links[rt->links[j]];
                    if (l->parcel_service && rt->interval_days == 0.0) /* a direct parcel */
                        stats->parcel_sea++;
                }
            }
        }
        if (!co2e)
            stats->front_routes += nf;
        xbr_route_set_free(set);
    }

    check_by_class(seed, sc, router, market, &ps, front, stats);

    /* k best by generalised cost: the k smallest over all routes */
    if (ps.count > 1)
        qsort(ps.items, ps.count, sizeof *ps.items, by_gen);
    size_t k = 4;
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_k_best(sc, router, 0, 0, market, k, &set, NULL), XBR_OK);
    expect_k_best(seed, set, &ps, k);
    stats->kbest_routes += set->count;
    xbr_route_set_free(set);
    size_t searches, strict;
    xbr__router_counts(router, &searches, &strict);
    stats->pareto_calls += 2;
    stats->pareto_calls += 2;
    stats->second_passes += strict - 1; /* the k-best search is the one strict search */

    free(front);
    xbr_router_free(router);
    free(ps.items);
    xbr_scenario_free(sc);
}

/*
 * Within a network design (xbroute/design.h): the warehouses that need opening opened at random
 * (60 %), each with a random weekly volume (or none, 20 %: it then stays stand-alone), so a
 * stocked route carries its warehouse's fixed cost per m3 x unit_m3 where the design opens it
 * and stocks there, and fixed / demand elsewhere. The search priced in the design (the router's)
 * against brute force over every simple path evaluated in it, plainly and per class. Returns
 * how many front routes carry a share (not the stand-alone figure), for the caller to check the
 * designs bite.
 */
static size_t check_design_instance(uint64_t seed)
{
    int market;
    xbr_scenario_t *sc = layered_scenario(seed, &market);
    const xbr_network_t *net = sc->network;
    rng_t r = {seed ^ 0x5eedu};
    xbr_design_t *d = NULL;
    assert_int_equal(xbr_design_new(sc, XBR_DESIGN_FILE, NULL, &d), XBR_OK);
    for (size_t i = 0; i < net->n_nodes; i++) {
        if (!xbr_design_needs_opening(net, (int)i) || !chance(&r, 0.6))
            continue;
        assert_int_equal(xbr_design_open(d, net, (int)i), XBR_OK);
        if (chance(&r, 0.8))
            xbr_design_serve(d, sc, (int)i, 0, unif(&r, 1, 300));
    }
    xbr_design_settle(d, net);
    points_t ps = {0};
    brute_force(sc, d, market, &ps);
    point_t *front = malloc((ps.count + 1) * sizeof *front);
    assert_non_null(front);
    xbr_router_t *router = NULL;
    assert_int_equal(xbr_router_new(sc, &router), XBR_OK);
    xbr_router_set_design(router, d);
    size_t shared = 0;
    for (int by_class = 0; by_class < 2; by_class++) {
        size_t nf = pareto_filter(&ps, false, by_class, front);
        xbr_route_set_t *set = NULL;
        assert_int_equal((by_class ? xbr_routes_pareto_by_class : xbr_routes_pareto)(
                             sc, router, 0, 0, market, XBR_CRITERIA_COST_DAYS, &set, NULL),
                         XBR_OK);
        if (!by_class)
            expect_front(seed, 0, set, front, nf);
        assert_int_equal(set->count, nf);
        for (size_t i = 0; i < set->count; i++) {
            const xbr_route_t *rt = &set->routes[i];
            point_t p = route_point(rt);
            bool found = false;
            for (size_t j = 0; j < nf && !found; j++)
                found = same_key(&p, &front[j]) && same_point(&p, &front[j], false);
            assert_true(found);
            xbr_route_t e;
            assert_int_equal(xbr_route_evaluate_in(sc, d, 0, market, rt->links, rt->n_links,
                                                   rt->stock_at, &e, NULL),
                             XBR_OK);
            assert_true(same(e.cost.total, rt->cost.total) && same(e.days, rt->days));
            xbr_route_destroy(&e);
            shared += rt->stock_at >= 0 && isfinite(d->fixed_per_m3[rt->stock_at]) &&
                      d->fixed_per_m3[rt->stock_at] > 0;
        }
        xbr_route_set_free(set);
    }
    xbr_router_free(router);
    xbr_design_free(d);
    free(front);
    free(ps.items);
    xbr_scenario_free(sc);
    return shared;
}

static void test_pareto_within_a_design_equals_brute_force(void **state)
{
    (void)state;
    size_t shared = 0;
    for (uint64_t seed = 3001; seed <= 3200; seed++)
        shared += check_design_instance(seed);
    print_message("%zu front routes carry a design's share\n", shared);
    assert_true(shared > 50); /* or the designs hardly bite */
}

/*
 * Several origins: every factory of a random network is an origin of the product. The merged
 * Pareto sets and k best (xbr_routes_pareto_all_origins(), xbr_routes_k_best_all_origins())
 * against brute force over every simple path from every origin. Returns the number of origins.
 */
static size_t check_all_origins(uint64_t seed)
{
    int market;
    xbr_scenario_t *sc = random_scenario(seed, &market);
    const xbr_network_t *net = sc->network;
    for (size_t v = 1; v < net->n_nodes; v++)
        if (net->nodes[v].type == XBR_NODE_FACTORY)
            fx_add_origin(sc, (int)v);
    const xbr_product_t *prod = &sc->products[0];
    points_t ps = {0};
    int *links = malloc(net->n_nodes * sizeof(int));
    char *seen = calloc(net->n_nodes, 1);
    assert_non_null(links);
    assert_non_null(seen);
    for (size_t o = 0; o < prod->n_origins; o++) {
        seen[prod->origins[o]] = 1;
        dfs(sc, NULL, market, prod->origins[o], links, 0, seen, &ps);
        seen[prod->origins[o]] = 0;
    }
    xbr_router_t *router = NULL;
    assert_int_equal(xbr_router_new(sc, &router), XBR_OK);
    point_t *front = malloc((ps.count + 1) * sizeof *front);
    assert_non_null(front);
    for (int crit = 0; crit < 2; crit++) {
        size_t nf = pareto_filter(&ps, crit == 1, false, front);
        xbr_route_set_t *set = NULL;
        assert_int_equal(xbr_routes_pareto_all_origins(sc, router, 0, market,
                                                       crit == 1 ? XBR_CRITERIA_COST_DAYS_CO2E
                                                                 : XBR_CRITERIA_COST_DAYS,
                                                       &set, NULL),
                         XBR_OK);
        expect_front(seed, crit, set, front, nf);
        xbr_route_set_free(set);
    }
    if (ps.count > 1)
        qsort(ps.items, ps.count, sizeof *ps.items, by_gen);
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_k_best_all_origins(sc, router, 0, market, 4, &set, NULL), XBR_OK);
    expect_k_best(seed, set, &ps, 4);
    xbr_route_set_free(set);
    size_t n_origins = prod->n_origins;
    free(front);
    xbr_router_free(router);
    free(ps.items);
    free(links);
    free(seen);
    xbr_scenario_free(sc);
    return n_origins;
}

static void test_all_origins_equal_brute_force_on_random_networks(void **state)
{
    (void)state;
    size_t multi = 0;
    for (uint64_t seed = 2001; seed <= 2300; seed++)
        multi += check_all_origins(seed) > 1;
    print_message("%zu of 300 networks with several origins\n", multi);
    assert_true(multi > 50); /* or the merge is hardly exercised */
}

static void test_pareto_and_k_best_equal_brute_force_on_random_networks(void **state)
{
    (void)state;
    stats_t stats = {0};
    for (uint64_t seed = 1; seed <= 300; seed++)
        check_instance(seed, false, &stats);
    for (uint64_t seed = 1001; seed <= 1300; seed++)
        check_instance(seed, true, &stats);
    print_message("%zu networks, %zu simple paths, %zu valid routes, %zu on the cost-days fronts "
                  "(%zu stocked, %zu b2b2c, %zu traditional), %zu k-best; %zu of %zu Pareto "
                  "searches needed the simple-path pass\n",
                  stats.instances, stats.paths, stats.routes, stats.front_routes,
                  stats.front_by_class[XBR_CLASS_WAREHOUSE], stats.front_by_class[XBR_CLASS_B2B2C],
                  stats.front_by_class[XBR_CLASS_TRADITIONAL], stats.kbest_routes,
                  stats.second_passes, stats.pareto_calls);
    print_message("by class: %zu routes on the per-class fronts (%zu more than the plain fronts, "
                  "%zu bonded, %zu traditional, %zu short-chain), up to %zu class keys in one "
                  "set\n",
                  stats.class_routes, stats.class_only, stats.class_bonded,
                  stats.class_by_class[XBR_CLASS_TRADITIONAL],
                  stats.class_by_class[XBR_CLASS_SHORT_CHAIN], stats.class_keys_max);
    /* the by-class fronts must keep routes the plain front drops, in several classes */
    assert_true(stats.class_only > stats.front_routes / 4);
    assert_true(stats.class_keys_max >= 4);
    /* the generator must exercise every structure, or the comparison proves little */
    print_message("%zu front routes with an interval of their own (%zu a warehouse's, %zu an "
                  "economic one), %zu parcel legs on a sea or rail parcel service\n",
                  stats.own_interval, stats.wh_interval, stats.economic, stats.parcel_sea);
    assert_true(stats.economic > 20);
    assert_true(stats.wh_interval > 5);
    assert_true(stats.own_interval > 50);
    assert_true(stats.parcel_sea > 10);
    assert_true(stats.front_by_class[XBR_CLASS_WAREHOUSE] > 0);
    assert_true(stats.front_by_class[XBR_CLASS_B2B2C] > 0);
    /* the six-link chain (exporter, importer and wholesaler all passed) rarely makes a plain
     * front (three markups), so both trade classes are checked on the per-class fronts */
    assert_true(stats.class_by_class[XBR_CLASS_TRADITIONAL] > 0);
    assert_true(stats.class_by_class[XBR_CLASS_SHORT_CHAIN] > 0);
    assert_true(stats.class_bonded > 0); /* stock in a bonded zone of the origin's country */
    assert_true(stats.front_routes > 300);
    /* both passes of the Pareto search are exercised */
    assert_true(stats.second_passes > 0);
    assert_true(stats.second_passes < stats.pareto_calls);
}

/* The same comparison with tariff components, CIF countries (duty on the freight so far: the
 * search compares it in dominance) and broker fees per entry (route/duty.c). */
static void test_pareto_with_tariffs_and_cif_equals_brute_force(void **state)
{
    (void)state;
    stats_t stats = {0};
    g_tariffs = true;
    for (uint64_t seed = 3001; seed <= 3150; seed++)
        check_instance(seed, false, &stats);
    for (uint64_t seed = 4001; seed <= 4150; seed++)
        check_instance(seed, true, &stats);
    g_tariffs = false;
    print_message("with tariffs: %zu networks, %zu valid routes, %zu on the fronts\n",
                  stats.instances, stats.routes, stats.front_routes);
    assert_true(stats.front_routes > 150);
}

int main(void)
{
    fx_auto_parcel = false; /* random_link() decides which sea/rail links carry parcels */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pareto_and_k_best_equal_brute_force_on_random_networks),
        cmocka_unit_test(test_all_origins_equal_brute_force_on_random_networks),
        cmocka_unit_test(test_pareto_within_a_design_equals_brute_force),
        cmocka_unit_test(test_pareto_with_tariffs_and_cif_equals_brute_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
