/*
 * generate/links.c - the generated network's links, group by group (generate/internal.h),
 * written straight to the document without being held: sea, air, rail, origin trucks,
 * destination trucks and the traditional chain, B2B express, last mile, and the direct
 * factory->market express and post links that fill the link count. Each group draws from its
 * own stream. xbr__links_fixed() counts what the groups but the last write, from the node
 * counts alone, and must stay in step with them.
 *
 * Rates and days are drawn around the magnitudes of tools/data/reference-rates.md (sections
 * cited at each group) and rounded to the decimals they are written with.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "generate/internal.h"

static size_t min_sz(size_t a, size_t b)
{
    return a < b ? a : b;
}

static double draw(uint64_t *r, double lo, double hi, double unit)
{
    return xbr__draw_round(xbr__draw_range(r, lo, hi), unit);
}

/* Truck links a destination node of country c gets from seaports: the 2 nearest of its
 * country, or the 2 nearest anywhere when the country has none. */
static size_t port_feeds(const xbr__gen_plan_t *n, int c)
{
    size_t k = n->count[XBR_NODE_SEAPORT][c];
    return k > 0 ? min_sz(2, k) : 2;
}

size_t xbr__links_fixed(const xbr__gen_plan_t *n)
{
    size_t sea = 0;
    for (size_t p = 0; p < N_CN_PORTS; p++)
        for (size_t d = 0; d < N_DEST_PORTS; d++)
            sea += xbr__place_sea_nm_alt[p][d] > 0 ? 2 : 1;
    size_t l = sea + (size_t)N_CN_AIRPORTS * N_DEST_AIRPORTS + (size_t)N_CN_RAIL * N_EU_RAIL;
    l += n->count[XBR_NODE_FACTORY][C_CN] * 6;  /* 2 ports, 2 airports, 1 rail, 1 exporter */
    l += n->count[XBR_NODE_EXPORTER][C_CN] * 3; /* 2 ports, 1 airport */
    for (int c = 1; c < N_COUNTRY; c++) {
        size_t rail = xbr__place_countries[c].eu_rail ? 1 : 0;
        l += n->count[XBR_NODE_WAREHOUSE][c] * (port_feeds(n, c) + 1 + rail);
        l += n->count[XBR_NODE_IMPORTER][c] * (port_feeds(n, c) + 1 + rail);
        l += n->count[XBR_NODE_WHOLESALER][c] * min_sz(2, n->count[XBR_NODE_IMPORTER][c]);
        /* wholesalers, nearest port, 2 factories by express */
        l += n->count[XBR_NODE_RETAILER][c] * (min_sz(2, n->count[XBR_NODE_WHOLESALER][c]) + 1 + 2);
        l += n->count[XBR_NODE_MARKET][c] * (1 + min_sz(2, n->count[XBR_NODE_WAREHOUSE][c]) +
                                             min_sz(2, n->count[XBR_NODE_RETAILER][c]));
    }
    return l;
}

/* ---- helpers ---- */

/* Triangular days around `mode`: min = mode x lo, max = mode x hi + add, to 0.1 day.
 * Rounding is monotone, so min <= mode <= max still holds. */
static void set_days(xbr__gen_link_t *k, double mode, double lo, double hi, double add)
{
    k->dmode = xbr__draw_round(mode, 0.1);
    k->dmin = xbr__draw_round(mode * lo, 0.1);
    k->dmax = xbr__draw_round(mode * hi + add, 0.1);
}

static double node_km(const xbr__gen_plan_t *n, size_t a, size_t b)
{
    return xbr_great_circle_km(n->nodes[a].lat, n->nodes[a].lon, n->nodes[b].lat, n->nodes[b].lon);
}

/* The up to k (<= 4) nodes of [lo, hi) nearest to node `at`, nearest first, by an
 * equirectangular distance (enough to rank). Returns how many. */
static size_t nearest(const xbr__gen_plan_t *n, size_t at, size_t lo, size_t hi, size_t k,
                      size_t *out)
{
    double best[4];
    size_t got = 0;
    const xbr__gen_node_t *g = &n->nodes[at];
    double cl = cos(g->lat * 3.14159265358979 / 180.0);
    for (size_t i = lo; i < hi; i++) {
        double dy = n->nodes[i].lat - g->lat, dx = (n->nodes[i].lon - g->lon) * cl;
        double d = dx * dx + dy * dy;
        size_t pos = got < k ? got : k;
        while (pos > 0 && best[pos - 1] > d) {
            if (pos < k) {
                best[pos] = best[pos - 1];
                out[pos] = out[pos - 1];
            }
            pos--;
        }
        if (pos < k) {
            best[pos] = d;
            out[pos] = i;
            if (got < k)
                got++;
        }
    }
    return got;
}

/* The first node of type `type` in country c, in file order; with c = N_COUNTRY, the end of
 * the type. Nodes of the type in country c are [lo_of(c), lo_of(c + 1)). */
static size_t lo_of(const xbr__gen_plan_t *n, int type, int c)
{
    return n->start[type][c];
}

/* A link of one of the kinds below from node `from` to node `to`. */
typedef void (*link_fn)(xbr__emit_t *e, uint64_t *r, size_t from, size_t to);

/* Which way the links of with_nearest() run: into node `at`, or out of it. */
enum { INTO = 1, OUT_OF = 0 };

/* Writes link kind `fn` between node `at` and each of the up to k nodes of [lo, hi) nearest to
 * it, nearest first: from them into `at` (INTO), or from `at` to them (OUT_OF). */
static void with_nearest(xbr__emit_t *e, uint64_t *r, link_fn fn, size_t at, int way, size_t lo,
                         size_t hi, size_t k)
{
    size_t pick[4];
    size_t got = nearest(e->plan, at, lo, hi, k, pick);
    for (size_t i = 0; i < got; i++)
        fn(e, r, way == INTO ? pick[i] : at, way == INTO ? at : pick[i]);
}

/* ---- link kinds ---- */

/* A truck leg's rates: per kg and per shipment drawn in ranges, days from the road distance
 * (the great circle x 1.3) at km_per_day, with the spread of set_days(). */
typedef struct {
    double kg_lo, kg_hi, shipment_lo, shipment_hi, km_per_day, hi;
} truck_t;

static const truck_t cn_rates = {0.04, 0.12, 60, 200, 500, 1.6};
static const truck_t dest_rates = {0.06, 0.2, 150, 600, 600, 1.5};

static void truck(xbr__emit_t *e, uint64_t *r, size_t from, size_t to, const truck_t *t)
{
    xbr__gen_link_t k = {.from = (int)from, .to = (int)to, .mode = XBR_MODE_TRUCK};
    double km = node_km(e->plan, from, to) * 1.3;
    k.per_kg = draw(r, t->kg_lo, t->kg_hi, 0.001);
    k.per_shipment = draw(r, t->shipment_lo, t->shipment_hi, 1);
    set_days(&k, 0.5 + km / t->km_per_day, 0.8, t->hi, 0.5);
    xbr__emit_link(e, &k);
}

/* A destination truck leg (port/airport/terminal -> warehouse/importer, chain). */
static void dest_truck(xbr__emit_t *e, uint64_t *r, size_t from, size_t to)
{
    truck(e, r, from, to, &dest_rates);
}

/* An origin truck leg (factory or exporter -> port, airport, terminal, exporter). */
static void cn_truck(xbr__emit_t *e, uint64_t *r, size_t from, size_t to)
{
    truck(e, r, from, to, &cn_rates);
}

/* Last mile into a market: 5-12 USD per parcel; the US average is about 10
 * (reference-rates.md section 6). */
static void last_mile(xbr__emit_t *e, uint64_t *r, size_t from, size_t to, double lo, double hi,
                      double days)
{
    xbr__gen_link_t k = {.from = (int)from, .to = (int)to, .mode = XBR_MODE_LAST_MILE};
    k.per_unit = draw(r, lo, hi, 0.01);
    set_days(&k, days + xbr__draw_range(r, 0, 1), 0.6, 1.8, 0.5);
    xbr__emit_link(e, &k);
}

static void last_mile_airport(xbr__emit_t *e, uint64_t *r, size_t from, size_t to)
{
    last_mile(e, r, from, to, 6, 12, 2);
}

static void last_mile_warehouse(xbr__emit_t *e, uint64_t *r, size_t from, size_t to)
{
    last_mile(e, r, from, to, 5, 10, 1);
}

static void last_mile_retailer(xbr__emit_t *e, uint64_t *r, size_t from, size_t to)
{
    last_mile(e, r, from, to, 4, 9, 1);
}

/* Express (15-30 USD/kg, 3-6 days) or post (9-17 USD/kg + a per-item fee, 7-25 days) from a
 * factory (reference-rates.md sections 3 and 4). */
static void direct(xbr__emit_t *e, uint64_t *r, size_t from, size_t to, xbr_mode_t mode)
{
    xbr__gen_link_t k = {.from = (int)from, .to = (int)to, .mode = mode};
    if (mode == XBR_MODE_EXPRESS) {
        k.per_kg = draw(r, 15, 30, 0.01);
        k.min_charge = draw(r, 20, 35, 1);
        set_days(&k, xbr__draw_range(r, 3.5, 4.5), 0.75, 1.35, 0.5);
    } else {
        k.per_kg = draw(r, 9, 17, 0.01);
        k.per_unit = draw(r, 1, 3, 0.01);
        set_days(&k, xbr__draw_range(r, 11, 17), 0.6, 1.6, 1);
    }
    xbr__emit_link(e, &k);
}

/* ---- groups ---- */

/* Sea lane `lane` (0 the shortest, 1 round the Cape) from CN port p (node `from`) to
 * destination port d (node `to`). 16 knots = 384 nm a day, plus about 25% for port calls:
 * Shanghai-Rotterdam "27 days at 16 kn with no calls; about 35 in practice" (Rodrigue,
 * reference-rates.md section 4). */
static void sea_lane(xbr__emit_t *e, uint64_t *r, size_t p, size_t d, size_t from, size_t to,
                     int lane)
{
    const xbr__gen_port_t *dp = &xbr__place_dest_ports[d];
    const xbr__gen_node_t *nodes = e->plan->nodes;
    double nm = lane == 0 ? xbr__place_sea_nm[p][d] : xbr__place_sea_nm_alt[p][d];
    char id[64];
    if (nm <= 0)
        return;
    xbr__gen_link_t k = {.from = (int)from, .to = (int)to, .mode = XBR_MODE_SEA};
    k.via = lane == 0 ? dp->via : dp->alt_via;
    if (dp->alt_via != NULL) {
        snprintf(id, sizeof id, "%s>%s:sea:%s", nodes[from].id, nodes[to].id,
                 lane == 0 ? dp->via_tag : "cape");
        k.id = id;
    }
    set_days(&k, nm / 384.0 * 1.25, 1.05 / 1.25, 1.3, 0);
    k.per_m3 =
        xbr__draw_round(dp->per_m3 * (lane ? 1.12 : 1.0) * xbr__draw_range(r, 0.8, 1.25), 0.01);
    k.per_shipment = draw(r, 150, 450, 1);
    k.departures = (double)(1 + xbr__draw_below(r, 3));
    k.distance_km = xbr__draw_round(nm * 1.852, 0.1);
    if (xbr__draw_unit(r) < 0.3)
        k.capacity = draw(r, 1e6, 5e6, 1000);
    k.source = "searoute";
    xbr__emit_link(e, &k);
}

/* Sea: every CN port to every destination port; a second lane round the Cape. */
static void write_sea(xbr__emit_t *e, uint64_t seed)
{
    const xbr__gen_plan_t *n = e->plan;
    uint64_t r = xbr__draw_stream(seed, G_SEA);
    for (size_t p = 0; p < N_CN_PORTS; p++) {
        for (size_t d = 0; d < N_DEST_PORTS; d++) {
            size_t from = n->start[XBR_NODE_SEAPORT][C_CN] + p, to = 0;
            for (size_t i = n->start[XBR_NODE_SEAPORT][1];
                 i < n->start[XBR_NODE_SEAPORT][N_COUNTRY]; i++)
                if (strcmp(n->nodes[i].code, xbr__place_dest_ports[d].port.code) == 0)
                    to = i;
            sea_lane(e, &r, p, d, from, to, 0);
            sea_lane(e, &r, p, d, from, to, 1);
        }
    }
}

/* Air: every CN airport to every destination airport; BAI Hong Kong->North America about
 * 5-6 USD/kg, ->Europe 4.3-5 (reference-rates.md section 3). */
static void write_air(xbr__emit_t *e, uint64_t seed)
{
    const xbr__gen_plan_t *n = e->plan;
    uint64_t r = xbr__draw_stream(seed, G_AIR);
    for (size_t a = n->start[XBR_NODE_AIRPORT][C_CN]; a < n->start[XBR_NODE_AIRPORT][1]; a++) {
        for (size_t b = n->start[XBR_NODE_AIRPORT][1]; b < n->start[XBR_NODE_AIRPORT][N_COUNTRY];
             b++) {
            int c = n->nodes[b].country;
            double base = c == C_US ? 5.5 : c == C_JP ? 3.2 : c == C_AU ? 4.2 : 4.4;
            xbr__gen_link_t k = {.from = (int)a, .to = (int)b, .mode = XBR_MODE_AIR};
            k.per_kg = xbr__draw_round(base * xbr__draw_range(&r, 0.8, 1.25), 0.01);
            k.min_charge = draw(&r, 50, 100, 1);
            set_days(&k, xbr__draw_range(&r, 2, 3.5), 0.6, 1.6, 0.5);
            k.departures = (double)(3 + xbr__draw_below(&r, 12));
            if (xbr__draw_unit(&r) < 0.3)
                k.capacity = draw(&r, 2e4, 1e5, 100);
            xbr__emit_link(e, &k);
        }
    }
}

/* Rail: China-Europe trains, 12-20 days (assumed rate ~1.8x sea per m3). */
static void write_rail(xbr__emit_t *e, uint64_t seed)
{
    const xbr__gen_plan_t *n = e->plan;
    uint64_t r = xbr__draw_stream(seed, G_RAIL);
    for (size_t a = n->start[XBR_NODE_RAIL_TERMINAL][C_CN]; a < n->start[XBR_NODE_RAIL_TERMINAL][1];
         a++) {
        for (size_t b = n->start[XBR_NODE_RAIL_TERMINAL][1];
             b < n->start[XBR_NODE_RAIL_TERMINAL][N_COUNTRY]; b++) {
            xbr__gen_link_t k = {.from = (int)a, .to = (int)b, .mode = XBR_MODE_RAIL};
            k.per_m3 = draw(&r, 110, 160, 0.01);
            k.per_shipment = draw(&r, 200, 400, 1);
            k.dmin = draw(&r, 12, 13.5, 0.1);
            k.dmode = xbr__draw_round(k.dmin + xbr__draw_range(&r, 2, 4), 0.1);
            k.dmax = xbr__draw_round(k.dmode + xbr__draw_range(&r, 2, 4), 0.1);
            k.departures = (double)(2 + xbr__draw_below(&r, 6));
            k.capacity = draw(&r, 2e5, 6e5, 1000);
            xbr__emit_link(e, &k);
        }
    }
}

/* Origin trucks: factory -> 2 nearest ports, 2 nearest airports, nearest rail terminal,
 * nearest exporter; exporter -> 2 nearest ports, nearest airport. */
static void write_cn_trucks(xbr__emit_t *e, uint64_t seed)
{
    static const struct {
        int type;
        size_t k;
    } to[] = {{XBR_NODE_SEAPORT, 2},
              {XBR_NODE_AIRPORT, 2},
              {XBR_NODE_RAIL_TERMINAL, 1},
              {XBR_NODE_EXPORTER, 1}};
    const xbr__gen_plan_t *n = e->plan;
    uint64_t r = xbr__draw_stream(seed, G_CN_TRUCK);
    for (size_t f = n->start[XBR_NODE_FACTORY][C_CN]; f < n->start[XBR_NODE_FACTORY][1]; f++)
        for (size_t q = 0; q < 4; q++)
            with_nearest(e, &r, cn_truck, f, OUT_OF, lo_of(n, to[q].type, C_CN),
                         lo_of(n, to[q].type, 1), to[q].k);
    for (size_t x = n->start[XBR_NODE_EXPORTER][C_CN]; x < n->start[XBR_NODE_EXPORTER][1]; x++) {
        with_nearest(e, &r, cn_truck, x, OUT_OF, lo_of(n, XBR_NODE_SEAPORT, C_CN),
                     lo_of(n, XBR_NODE_SEAPORT, 1), 2);
        with_nearest(e, &r, cn_truck, x, OUT_OF, lo_of(n, XBR_NODE_AIRPORT, C_CN),
                     lo_of(n, XBR_NODE_AIRPORT, 1), 1);
    }
}

/* Destination trucks of country c: to each warehouse and importer from the 2 nearest ports
 * of its country (of any, when it has none), its nearest airport and, in EU rail countries,
 * the nearest rail terminal; then the traditional chain importer -> wholesaler -> retailer,
 * and B2B bulk from the nearest port to each retailer. */
static void dest_trucks_of(xbr__emit_t *e, uint64_t *r, int c)
{
    static const int fed[] = {XBR_NODE_WAREHOUSE, XBR_NODE_IMPORTER};
    const xbr__gen_plan_t *n = e->plan;
    size_t plo = lo_of(n, XBR_NODE_SEAPORT, c), phi = lo_of(n, XBR_NODE_SEAPORT, c + 1);
    if (plo == phi) {
        plo = lo_of(n, XBR_NODE_SEAPORT, 1);
        phi = lo_of(n, XBR_NODE_SEAPORT, N_COUNTRY);
    }
    for (size_t q = 0; q < 2; q++) {
        int t = fed[q];
        for (size_t w = lo_of(n, t, c); w < lo_of(n, t, c + 1); w++) {
            with_nearest(e, r, dest_truck, w, INTO, plo, phi, 2);
            with_nearest(e, r, dest_truck, w, INTO, lo_of(n, XBR_NODE_AIRPORT, c),
                         lo_of(n, XBR_NODE_AIRPORT, c + 1), 1);
            if (xbr__place_countries[c].eu_rail)
                with_nearest(e, r, dest_truck, w, INTO, lo_of(n, XBR_NODE_RAIL_TERMINAL, 1),
                             lo_of(n, XBR_NODE_RAIL_TERMINAL, N_COUNTRY), 1);
        }
    }
    for (size_t h = lo_of(n, XBR_NODE_WHOLESALER, c); h < lo_of(n, XBR_NODE_WHOLESALER, c + 1); h++)
        with_nearest(e, r, dest_truck, h, INTO, lo_of(n, XBR_NODE_IMPORTER, c),
                     lo_of(n, XBR_NODE_IMPORTER, c + 1), 2);
    for (size_t t = lo_of(n, XBR_NODE_RETAILER, c); t < lo_of(n, XBR_NODE_RETAILER, c + 1); t++) {
        with_nearest(e, r, dest_truck, t, INTO, lo_of(n, XBR_NODE_WHOLESALER, c),
                     lo_of(n, XBR_NODE_WHOLESALER, c + 1), 2);
        with_nearest(e, r, dest_truck, t, INTO, plo, phi, 1);
    }
}

static void write_dest_trucks(xbr__emit_t *e, uint64_t seed)
{
    uint64_t r = xbr__draw_stream(seed, G_DEST_TRUCK);
    for (int c = 1; c < N_COUNTRY; c++)
        dest_trucks_of(e, &r, c);
}

/* B2B direct (9710): each retailer gets express from 2 distinct factories. */
static void write_b2b(xbr__emit_t *e, uint64_t seed)
{
    const xbr__gen_plan_t *n = e->plan;
    uint64_t r = xbr__draw_stream(seed, G_B2B);
    size_t nf = n->count[XBR_NODE_FACTORY][C_CN];
    size_t f0 = n->start[XBR_NODE_FACTORY][C_CN];
    for (size_t t = lo_of(n, XBR_NODE_RETAILER, 1); t < lo_of(n, XBR_NODE_RETAILER, N_COUNTRY);
         t++) {
        size_t a = xbr__draw_below(&r, nf), b = (a + 1 + xbr__draw_below(&r, nf - 1)) % nf;
        size_t ab[2] = {a, b};
        for (size_t i = 0; i < 2; i++) {
            xbr__gen_link_t k = {.from = (int)(f0 + ab[i]), .to = (int)t, .mode = XBR_MODE_EXPRESS};
            k.per_kg = draw(&r, 12, 25, 0.01);
            k.min_charge = draw(&r, 25, 40, 1);
            set_days(&k, xbr__draw_range(&r, 3.5, 5), 0.75, 1.35, 0.5);
            xbr__emit_link(e, &k);
        }
    }
}

/* Last mile into every market: nearest airport, 2 nearest warehouses, 2 nearest retailers of
 * its country. */
static void write_last_mile(xbr__emit_t *e, uint64_t seed)
{
    const xbr__gen_plan_t *n = e->plan;
    uint64_t r = xbr__draw_stream(seed, G_LAST_MILE);
    for (int c = 1; c < N_COUNTRY; c++) {
        for (size_t m = lo_of(n, XBR_NODE_MARKET, c); m < lo_of(n, XBR_NODE_MARKET, c + 1); m++) {
            with_nearest(e, &r, last_mile_airport, m, INTO, lo_of(n, XBR_NODE_AIRPORT, c),
                         lo_of(n, XBR_NODE_AIRPORT, c + 1), 1);
            with_nearest(e, &r, last_mile_warehouse, m, INTO, lo_of(n, XBR_NODE_WAREHOUSE, c),
                         lo_of(n, XBR_NODE_WAREHOUSE, c + 1), 2);
            with_nearest(e, &r, last_mile_retailer, m, INTO, lo_of(n, XBR_NODE_RETAILER, c),
                         lo_of(n, XBR_NODE_RETAILER, c + 1), 2);
        }
    }
}

/* B2C direct mail (9610): `direct` links, express and post from each factory to distinct
 * markets, spread evenly over factories. */
static void write_direct(xbr__emit_t *e, uint64_t seed, size_t direct_links)
{
    const xbr__gen_plan_t *n = e->plan;
    uint64_t r = xbr__draw_stream(seed, G_DIRECT);
    size_t nf = n->count[XBR_NODE_FACTORY][C_CN];
    size_t f0 = n->start[XBR_NODE_FACTORY][C_CN];
    size_t m0 = n->start[XBR_NODE_MARKET][0];
    size_t nm = n->start[XBR_NODE_MARKET][N_COUNTRY] - m0;
    for (size_t f = 0; f < nf; f++) {
        size_t x = direct_links / nf + (f < direct_links % nf ? 1 : 0);
        size_t per_mode[2] = {(x + 1) / 2, x / 2};
        for (int md = 0; md < 2; md++) {
            size_t start = xbr__draw_below(&r, nm), stride = xbr__draw_stride(&r, nm);
            for (size_t i = 0; i < per_mode[md]; i++)
                direct(e, &r, f0 + f, m0 + (start + i * stride) % nm,
                       md == 0 ? XBR_MODE_EXPRESS : XBR_MODE_POST);
        }
    }
}

void xbr__links_write(xbr__emit_t *e, uint64_t seed, size_t direct_links)
{
    write_sea(e, seed);
    write_air(e, seed);
    write_rail(e, seed);
    write_cn_trucks(e, seed);
    write_dest_trucks(e, seed);
    write_b2b(e, seed);
    write_last_mile(e, seed);
    write_direct(e, seed, direct_links);
}
