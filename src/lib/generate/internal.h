/*
 * generate/internal.h - the generate layer's internals, grouped by module.
 *
 * The generate layer owns the synthetic networks and scenarios of xbroute/generate.h: the
 * reference tables (places.c), the seeded draws (draw.c), how many nodes of each type go to
 * each country and how many links follow from them (plan.c), placing the nodes (nodes.c), the
 * link groups (links.c), the network file's JSON (emit.c), the scenario file (scenario.c) and
 * the entry point (generate.c). It sits beside the load layer, not on it: generate files include
 * only the base layer (base/internal.h, xbroute/status.h, xbroute/output.h), the model's public
 * header (xbroute/model.h: enumeration names, great-circle distances), xbroute/generate.h and
 * this header. It writes files the loader reads but never calls the loader.
 *
 * Determinism: every random draw comes from a splitmix64 stream (base/rng.c) seeded with
 * (seed, part), one stream per part of the output; every number is rounded to its decimals
 * before the JSON writer prints it with those decimals (xbr_json_fixed), so the same parameters
 * give the same bytes. Units as in the formats: money USD, kg, m3, days, km; coordinates WGS84
 * degrees.
 */
#ifndef XBROUTE_GENERATE_INTERNAL_H
#define XBROUTE_GENERATE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/internal.h"
#include "xbroute/generate.h"
#include "xbroute/model.h"
#include "xbroute/output.h"

/* ---- places.c: the reference tables (prefix xbr__place_) ---- */

/* Product categories, in the order of xbr__place_category and of a country's duty[]. */
enum { CAT_ELECTRONICS, CAT_APPAREL, CAT_HOME, CAT_TOYS, CAT_BEAUTY, CAT_SPORTS, N_CAT };

/* Countries; index 0 is the origin. */
enum { C_CN, C_US, C_DE, C_GB, C_FR, C_NL, C_PL, C_JP, C_AU, C_BE, C_ES, N_COUNTRY };

/* Sizes of the tables below. */
enum {
    N_CLUSTERS = 15,
    N_REGIONS = 51,
    N_CN_PORTS = 8,
    N_DEST_PORTS = 13,
    N_CN_AIRPORTS = 9,
    N_DEST_AIRPORTS = 20,
    N_CN_RAIL = 5,
    N_EU_RAIL = 4,
    N_CATALOG = 10
};

/* A country's customs figures and its share of markets (and of overseas nodes). */
typedef struct {
    const char *code;
    const char *name;
    double de_minimis, vat_de_minimis;
    double duty_default, duty[N_CAT];
    double vat_pct, clearance_days, clearance_fee, inspection_prob, inspection_days;
    double weight;
    bool eu_rail; /* served by the China-Europe rail terminals */
} xbr__gen_country_t;

/* A city or metropolitan region that nodes are scattered around, with a weight. */
typedef struct {
    const char *name;
    int country;
    double lat, lon;
    double weight;
} xbr__gen_place_t;

/* A real port, airport or rail terminal (code NULL for rail terminals). */
typedef struct {
    const char *code;
    const char *name;
    int country;
    double lat, lon;
} xbr__gen_infra_t;

/* A destination seaport with its sea lanes from China: the passages of the shortest lane
 * (`via`, NULL-terminated, or NULL) and of the lane that avoids Suez, Bab-el-Mandeb and
 * Panama (`alt_via`, NULL: no second lane), and the rate base in USD per m3. */
typedef struct {
    xbr__gen_infra_t port;
    const char *const *via;
    const char *via_tag; /* the first lane's link id suffix when there are two */
    const char *const *alt_via;
    double per_m3;
} xbr__gen_port_t;

/* A product of the catalogue the scenario cycles through. */
typedef struct {
    const char *name;
    int category;
    double kg, m3, value;
} xbr__gen_product_t;

extern const char *const xbr__place_category[N_CAT];
extern const xbr__gen_country_t xbr__place_countries[N_COUNTRY];
extern const xbr__gen_place_t xbr__place_clusters[];  /* N_CLUSTERS, all in CN */
extern const xbr__gen_place_t xbr__place_regions[];   /* N_REGIONS, in country order */
extern const xbr__gen_infra_t xbr__place_cn_ports[];  /* N_CN_PORTS */
extern const xbr__gen_port_t xbr__place_dest_ports[]; /* N_DEST_PORTS */
/* Sea distances in nautical miles, CN port x destination port (alt: the second lane; 0 =
 * none). */
extern const unsigned short xbr__place_sea_nm[N_CN_PORTS][N_DEST_PORTS];
extern const unsigned short xbr__place_sea_nm_alt[N_CN_PORTS][N_DEST_PORTS];
extern const xbr__gen_infra_t xbr__place_cn_airports[];   /* N_CN_AIRPORTS */
extern const xbr__gen_infra_t xbr__place_dest_airports[]; /* N_DEST_AIRPORTS */
extern const xbr__gen_infra_t xbr__place_cn_rail[];       /* N_CN_RAIL */
extern const xbr__gen_infra_t xbr__place_eu_rail[];       /* N_EU_RAIL */
extern const xbr__gen_product_t xbr__place_catalog[];     /* N_CATALOG */

/* ---- draw.c: seeded draws (prefix xbr__draw_); a stream is a splitmix64 state ---- */

/* The independent stream for part `part` of the output. */
uint64_t xbr__draw_stream(uint64_t seed, uint64_t part);
/* Uniform in [0, 1) with 53 random bits. */
double xbr__draw_unit(uint64_t *r);
/* Uniform in [lo, hi). */
double xbr__draw_range(uint64_t *r, double lo, double hi);
/* Uniform in [0, n), n > 0 (the modulo bias, below 2^-40 for n < 2^24, is irrelevant). */
size_t xbr__draw_below(uint64_t *r, size_t n);
/* A stride in [1, m) coprime with m (1 when m < 3), so start + i x stride (mod m) visits
 * distinct values for i < m. */
size_t xbr__draw_stride(uint64_t *r, size_t m);
/* v rounded to a multiple of `unit` (not a draw: what every drawn number goes through). */
double xbr__draw_round(double v, double unit);

/* ---- plan.c: how many nodes of each type in each country (prefix xbr__plan_) ---- */

enum { NT = XBR_NODE_TYPE_COUNT };

/* One node, as it will be written; numbers already rounded, 0 = absent. */
typedef struct {
    char id[16];
    char name[72];
    const char *code;
    const char *source;
    int type;
    int country;
    double lat, lon;
    double h_kg, h_unit, h_days; /* handling */
    double markup, storage, fixed, capacity;
} xbr__gen_node_t;

/* The node counts asked for or derived from the link count (generate.h). */
typedef struct {
    size_t factories, exporters, warehouses, importers, wholesalers, retailers, markets;
} xbr__gen_sizes_t;

/* How many nodes of each type in each country, and where they start in the node array:
 * nodes of type t in country c are [start[t][c], start[t][c + 1]). */
typedef struct {
    size_t count[NT][N_COUNTRY];
    size_t start[NT][N_COUNTRY + 1];
    size_t n_nodes;
    xbr__gen_node_t *nodes; /* n_nodes, filled by xbr__nodes_build() */
} xbr__gen_plan_t;

/*
 * Sizes and plans the network for `params` (links in range, counts checked): the node counts,
 * adjusting the markets (unless given) until the direct factory->market links that fill the
 * link count are at least 2 per factory and at most factories x markets. On XBR_OK *sizes,
 * the plan's counts and starts, and *direct (the number of those links) are set; else
 * XBR_EUSAGE with a diagnostic in diags (may be NULL). Allocates nothing.
 */
xbr_status_t xbr__plan_make(const xbr_generate_params_t *params, xbr__gen_sizes_t *sizes,
                            xbr__gen_plan_t *plan, size_t *direct, xbr_diags_t *diags);

/* ---- nodes.c: placing the nodes (prefix xbr__nodes_) ---- */

/* Fills plan->nodes (n_nodes, allocated by the caller) in file order, from stream 1. */
void xbr__nodes_build(xbr__gen_plan_t *plan, uint64_t seed);

/* ---- emit.c: the network file's JSON (prefix xbr__emit_) ---- */

/* One link, as it will be written; numbers already rounded, 0 = absent. */
typedef struct {
    const char *id; /* NULL: the loader's default */
    int from, to;   /* node indices */
    xbr_mode_t mode;
    double per_kg, per_m3, per_unit, per_shipment, min_charge;
    double dmin, dmode, dmax;
    double departures, distance_km, capacity;
    const char *const *via; /* NULL-terminated passage names, or NULL */
    const char *source;
} xbr__gen_link_t;

/* The network document being written. */
typedef struct {
    xbr_json_t j;
    const xbr__gen_plan_t *plan;
    size_t links; /* links written */
} xbr__emit_t;

/* Starts the network document in `b`: the header, sources, countries and regimes, and the
 * nodes, one per line; leaves the "links" array open. */
void xbr__emit_begin(xbr__emit_t *e, xbr_buf_t *b, const xbr__gen_plan_t *plan,
                     const xbr_generate_params_t *params);
/* Writes one link on its own line and counts it. */
void xbr__emit_link(xbr__emit_t *e, const xbr__gen_link_t *k);
/* Closes the "links" array and the document. */
void xbr__emit_end(xbr__emit_t *e);

/* ---- links.c: the link groups (prefix xbr__links_) ---- */

/* The links that follow from the node counts alone: everything but the factory->market
 * express and post links. Matches xbr__links_write() group by group. */
size_t xbr__links_fixed(const xbr__gen_plan_t *plan);
/* Writes every link group, each from its own stream, the factory->market ones last
 * (`direct` of them). */
void xbr__links_write(xbr__emit_t *e, uint64_t seed, size_t direct);

/* ---- scenario.c: the scenario file (prefix xbr__scenario_) ---- */

/* Appends the scenario document naming the network (params->network_ref) to `b`:
 * `n_products` products with origins among the factories and demand in up to 200 markets. */
void xbr__scenario_write(xbr_buf_t *b, const xbr_generate_params_t *params,
                         const xbr__gen_plan_t *plan, size_t n_products);

/* The draw streams: one per part of the output. Nodes are part 1. */
enum {
    G_NODES = 1,
    G_SEA = 10,
    G_AIR,
    G_RAIL,
    G_CN_TRUCK,
    G_DEST_TRUCK,
    G_LAST_MILE,
    G_B2B,
    G_DIRECT,
    G_PRODUCTS
};

#endif
