/*
 * route/internal.h - the route layer's one internal header: what its files (cost.c, search.c,
 * merge.c, trace.c) and the layers above it share beyond the public xbroute/route.h and
 * xbroute/trace.h.
 *
 * The layer owns the landed-cost model of one route (cost.c: the model as steps on a route
 * state, and xbr_route_evaluate()), the exact label searches (search.c: Pareto sets and k best
 * from one origin, with the argument for their exactness), the merge of several origins' answers
 * and the routes result (merge.c), and the leg-by-leg replay of a route (trace.c). It may
 * include the base and model layers (base/internal.h, model/internal.h and their public
 * headers), never a layer above it (analysis, optimize, present).
 *
 * The model steps: cost.c and search.c fold the same steps in the same order over a path, so a
 * route found by the search has bit for bit the figures xbr_route_evaluate() gives for its
 * path. A state is a plain value (no pointers) so the search can copy it into its label pool.
 * Its cost components are indexed by the public xbr_cost_component_t (XBR_COST_COMPONENT_LIST)
 * and summed in that order. Units as in route.h: money per unit delivered, days, kg CO2e.
 *
 * Export clearance is deferred in bulk phase: a bulk shipment that leaves the origin's country
 * before its class is known (stock at a warehouse: 9810, a retailer: 9710, an exporter,
 * importer or wholesaler: 0110) marks it pending, and the regime's fee and days are charged at
 * the node that decides the class. Between the two points no markup can occur (that node is the
 * first intermediary or the stocking warehouse), so the price, hence the in-transit charge on
 * the clearance days, is the same as if charged on leaving; the days add to the same totals.
 * Regime 1210 is the other way round: the export is complete on entry into a bonded zone of
 * the origin's country, so stocking there charges it (on the bulk shipment) and sets
 * "exported" and "bonded" before the goods leave the country; the parcels pay none.
 */
#ifndef XBROUTE_ROUTE_INTERNAL_H
#define XBROUTE_ROUTE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/route.h"

/* Shipment phases (route.h). Bulk phases come first. */
enum {
    XBR_PH_BULK = 0,  /* bulk, no intermediary yet: may stock, may reach an intermediary */
    XBR_PH_BULK_TRAD, /* bulk after an exporter, importer or wholesaler: must reach a retailer */
    XBR_PH_PARCEL,    /* direct B2C */
    XBR_PH_RETAILED,  /* after a retailer */
    XBR_PH_STOCKED,   /* after the stocking warehouse */
    XBR_PH_COUNT
};

#define XBR_PH_IS_BULK(ph) ((ph) <= XBR_PH_BULK_TRAD)

/* State flags. The future of a state depends on them, so labels compare only when equal. */
#define XBR_SF_EXPORTED 1u     /* has left the origin's country */
#define XBR_SF_PENDING 2u      /* bulk: export clearance not yet charged (regime unknown) */
#define XBR_SF_EXPORTER 4u     /* has passed an exporter */
#define XBR_SF_BONDED 8u       /* stocked at a bonded warehouse of the origin's country (1210) */
#define XBR_SF_IMPORTER 128u   /* has passed an importer */
#define XBR_SF_WHOLESALER 256u /* has passed a wholesaler */
/* The traders of the trade chain passed so far: any -> 0110; all three -> class traditional,
 * some -> short-chain (xbr__cm_class()) */
#define XBR_SF_TRAD (XBR_SF_EXPORTER | XBR_SF_IMPORTER | XBR_SF_WHOLESALER)
/* The trader flag a node of type t sets when a route enters it (0 for other types). */
unsigned xbr__cm_trader_flag(xbr_node_type_t t);
/* Bulk legs and their replenishment interval (route.h, "Replenishment interval"): the label's
 * interval r is chosen at the origin; the leg that sets the route's interval must agree. */
#define XBR_SF_RSET 16u      /* a bulk leg has crossed a border: the first one sets r */
#define XBR_SF_RMISMATCH 32u /* that leg's interval differs from the label's r */
#define XBR_SF_RLAST 64u     /* the last bulk leg's interval equals the label's r */
/* The market's buyers are businesses (route.h, "B2B e-commerce"): set at the start of every
 * state of a product x market whose market has "buyer": "business" (xbr__cm_t.b2b). */
#define XBR_SF_B2B 512u

/* Per product x market constants of the model. */
typedef struct {
    const xbr_scenario_t *sc;
    const xbr_network_t *net;
    const xbr_product_t *prod;
    int product;
    int market;
    int origin_country;      /* set by the caller to the origin node's country before use */
    double q_parcel;         /* units per parcel shipment (a business market: per order) */
    bool b2b;                /* the market's buyers are businesses (xbr_node_t.business) */
    double platform_fee_pct; /* business market: the platform's fee on this product's orders,
                                % of their goods value (0 above the market's order limit) */
    double q_bulk;           /* units per bulk shipment at review_days; 0 when there is no demand */
    double q_bulk_max;       /* units per bulk shipment at the longest candidate interval */
    /* the candidate intervals r of bulk routes, ascending (xbr__cm_intervals(); borrowed, set
     * by xbr__cm_set_intervals(): the route search's only, NULL elsewhere) */
    const double *intervals;
    int n_intervals;
    double demand_week;  /* units per week at the market */
    double hold_per_day; /* holding_rate_per_year / 365 */
    double z;            /* normal quantile of the service level */
    double *duty_pct;    /* per country, for the product's category (owned) */
    int *territory;      /* per country: its customs territory (the first member of its
                            customs union, else itself); owned */
    /* the network design stocked routes are priced in, or NULL (xbr__cm_init() sets NULL;
     * borrowed) */
    const xbr_design_t *design;
    /* tariff components (route/duty.c): those of country i that cover the product's category
     * and are in force on the scenario's date are duty_parts[duty_first[i] .. duty_first[i+1]);
     * owned arrays of borrowed components */
    size_t *duty_first;
    const xbr_tariff_part_t **duty_parts;
    bool cif; /* some country values goods CIF, or puts freight or insurance in its VAT base:
                 duty or VAT depends on the freight so far */
    /* per country i: [2i] the de_minimis and [2i+1] the vat_de_minimis in force on the
     * scenario's date (owned) */
    double *thresholds;
    /* the export VAT rebate (route.h, "Export VAT rebate"): unit_value x export_vat_rebate_pct
     * / 100 x holding rate a day, the capital charge per day the rebate waits; 0 when not
     * modelled (no rate, an origin outside China, a market in the origin's territory). Set by
     * xbr__cm_set_origin(). */
    double rebate_per_day;
} xbr__cm_t;

typedef struct {
    double comp[XBR_COST_COUNT]; /* by xbr_cost_component_t */
    double days;                 /* consumer clock (reset when stocking) */
    double days_var;
    double lt_mean; /* all days since the origin until stocking (then frozen) */
    double lt_var;
    double stock; /* average stock I at the stocking warehouse (units), or 0 */
    double price; /* unit value after markups */
    double co2e;  /* kg */
    unsigned flags;
    int phase;
    int node;
    int first_border_mode; /* mode of the first link between two countries, or -1 */
    int stock_border_mode; /* first_border_mode when the route stocked, or -1 */
    int stock_at;          /* stocking warehouse or -1 */
    double interval;       /* routes with bulk legs: the replenishment interval r (days); else 0 */
    double rebate_days;    /* days the export VAT rebate has waited (0 unless modelled) */
} xbr__cstate_t;

/* Fills the constants for product x market; XBR_ENOMEM or XBR_EINPUT (bad index). Release with
 * xbr__cm_destroy(). */
xbr_status_t xbr__cm_init(xbr__cm_t *cm, const xbr_scenario_t *sc, int product, int market);
void xbr__cm_destroy(xbr__cm_t *cm);
/* Sets the origin's country (origin_country) and what depends on it (rebate_per_day) for
 * routes from node `origin`; before xbr__cm_start(). */
void xbr__cm_set_origin(xbr__cm_t *cm, int origin);

/* The state of a route standing at `origin` in `phase` (its handling charged); in a bulk phase
 * with replenishment interval `interval` (its origin stock charged; ignored otherwise). */
void xbr__cm_start(const xbr__cm_t *cm, int origin, int phase, double interval, xbr__cstate_t *st);

/* Whether a leg in `phase` may use `link`: a sea or rail link carries parcel phases only with
 * a parcel service (route.h). Depends on (phase, link) only. */
bool xbr__cm_link_ok(const xbr__cm_t *cm, int phase, int link);
/* The most intervals an economic link offers (cost.c, economic_intervals()). */
#define XBR__ECON_MAX 64
/* Whether a bulk leg on `link` that sets the route's interval agrees with interval r: r is
 * the link's interval, or one of its economic intervals (route.h). */
bool xbr__cm_interval_ok(const xbr__cm_t *cm, int link, double r);
/* The intervals a bulk leg on `link` may set, ascending, into out[]; returns how many (1
 * unless the link's interval is economic). */
int xbr__cm_link_intervals(const xbr__cm_t *cm, int link, double out[XBR__ECON_MAX]);
/* Every interval a route of `sc` can have (each link's, every economic link's choices, each
 * warehouse's own), ascending and distinct, into a new array *out (free()) of *count >= 1;
 * XBR_ENOMEM. O(L log L): once per router. */
xbr_status_t xbr__cm_intervals(const xbr_scenario_t *sc, double **out, int *count);
/* Lends `cm` the candidate intervals (and sets q_bulk_max from the longest). */
void xbr__cm_set_intervals(xbr__cm_t *cm, const double *intervals, int count);
/* The rate and days of a leg on `link` in a bulk (true) or parcel phase. */
const xbr_rate_t *xbr__cm_leg_rate(const xbr__cm_t *cm, int link, bool bulk);
const xbr_days_t *xbr__cm_leg_tri(const xbr__cm_t *cm, int link, bool bulk);
/* Transport charge per unit on `link` for shipments of q units, bulk or parcel. */
double xbr__cm_transport(const xbr__cm_t *cm, int link, bool bulk, double q);
/* Mean and variance of a leg's days, the wait for a departure included. */
void xbr__cm_leg_days(const xbr__cm_t *cm, int link, bool bulk, double *mean, double *var);
/* The value of a unit where it stands: its price plus the charges paid to bring it there
 * (every component but markup, which the price holds, and the carrying and stocking costs). */
double xbr__cm_landed(const xbr__cstate_t *st);
/* Whether a state that has moved along a link may enter its head in `next_phase`: leaving the
 * bulk phases, the leg that sets the interval must agree with the state's interval. */
bool xbr__cm_enter_ok(const xbr__cm_t *cm, const xbr__cstate_t *st, int next_phase);
/* The intervals the bulk legs of path links[0..n-1] allow, stocking at `stock_at` (-1: none),
 * ascending into out[]; returns how many (more than 1 only when the leg that sets the
 * interval is economic, *economic: the route then takes the cheapest of them). */
int xbr__cm_path_intervals(const xbr__cm_t *cm, const int *links, size_t n, int stock_at,
                           double out[XBR__ECON_MAX], bool *economic);
/* kg CO2e per unit on `link`. */
double xbr__cm_co2e(const xbr__cm_t *cm, int link);

/* Moves `st` along link `link` (from st->node) in the current phase: export clearance,
 * transport, days and waits, emissions, border entry and handling at the head node. */
void xbr__cm_link(const xbr__cm_t *cm, xbr__cstate_t *st, int link);

/*
 * The phases a state arriving at node `node` in phase `phase` may continue in, written to
 * next[] (at most 2); returns how many. A market: only the target, only in a parcel phase,
 * and the route ends there (returns the phase itself). `node` is assumed open.
 */
int xbr__cm_next_phases(const xbr__cm_t *cm, int phase, int node, int next[2]);

/* Applies the node's transition to `next_phase` (markup, deferred export clearance,
 * stocking); `next_phase` must come from xbr__cm_next_phases(). */
void xbr__cm_enter(const xbr__cm_t *cm, xbr__cstate_t *st, int next_phase);

/* One step of a route that keeps stock at `stock_at` (-1: none): moves `st` along `link` and
 * enters its head node in the phase the route's structure implies (xbr__cm_link(),
 * xbr__cm_next_phases(), xbr__cm_enter()). Returns false, with `st` moved along the link but
 * not entered, when the shipment cannot pass the head node in its phase. The one replay of a
 * given path: the evaluator and the trace use it. */
bool xbr__cm_step(const xbr__cm_t *cm, xbr__cstate_t *st, int link, int stock_at);

/* ---- duty.c: the border entry (clearance fee, duty, entry fees, VAT) ---- */

/* What one border entry charges per unit. */
typedef struct {
    double clearance; /* the clearance fee of the entry */
    double fees;      /* entry fees of the tariff (kind "fee"), charged as clearance */
    double duty;
    double vat;
} xbr__duty_parts_t;

/* Picks the components in force for the product (cm->sc, cm->net, cm->prod set); sets cm->cif.
 * XBR_OK or XBR_ENOMEM. Released by xbr__duty_destroy() (xbr__cm_destroy() calls it). */
xbr_status_t xbr__duty_init(xbr__cm_t *cm);
void xbr__duty_destroy(xbr__cm_t *cm);
/* The channel of an entry: bulk phase, else postal when the border link is post, else express. */
xbr_channel_t xbr__duty_channel(bool bulk, int border_mode);
/* The charges of entering `country` over a link of mode `border_mode` in a shipment of q units
 * (bulk: a bulk entry), for state `st` (its price and freight so far) into *out. */
void xbr__duty_entry(const xbr__cm_t *cm, xbr__cstate_t *st, int country, int border_mode,
                     bool bulk, double q, xbr__duty_parts_t *out);

/* The total cost of a state: its components summed in a fixed order. */
double xbr__cm_total(const xbr__cstate_t *st);

/* The direct class of a route whose first border-crossing link has mode `mode` (-1: none, the
 * route is domestic). */
xbr_route_class_t xbr__cm_direct_class(int mode);

/* The class key (route class, class mode or -1) of a final state, as xbr__cm_finish() sets it. */
void xbr__cm_class(const xbr__cstate_t *st, xbr_route_class_t *klass, int *mode);

/* The state's cost components as a breakdown, total included. */
void xbr__cm_breakdown(const xbr__cstate_t *st, xbr_cost_breakdown_t *c);

/* Fills the figures of `out` (not its arrays) from the final state. */
void xbr__cm_finish(const xbr__cm_t *cm, const xbr__cstate_t *st, xbr_route_t *out);

/* ---- fees.c: published rate tables (last mile by distance band, fulfilment by size tier,
 * storage by season); each a constant per (link or node, product, scenario) ---- */

/* The price of a parcel of chargeable `kg` in `band`: the first bracket with up_to_kg >= kg,
 * else the last price + above_per_kg per kg over its bracket. */
double xbr__fee_parcel_price(const xbr_lm_band_t *band, double kg);
/* When `link` is priced by its country's last-mile rate card: true, with *charge the price of
 * one parcel of q units (chargeable kg = max(q unit_kg, q unit_m3 x the link's volumetric
 * factor)) in the link's distance band. False when the link's own cost applies. */
bool xbr__fee_last_mile(const xbr_network_t *net, const xbr_product_t *prod, int link, double q,
                        double *charge);
/* The tier of table `tab` a unit of `prod` falls in (the first that fits; the last takes any
 * unit), with its fee per unit in *fee. */
const xbr_fee_tier_t *xbr__fee_tier(const xbr_fee_table_t *tab, const xbr_product_t *prod,
                                    double *fee);
/* The fulfilment fee per unit at warehouse `node` (0 when it names no fee table). */
double xbr__fee_fulfil(const xbr_network_t *net, const xbr_product_t *prod, int node);
/* The fulfilment fee per unit of an order of q units of a business buyer (B2B e-commerce) from
 * warehouse `node`: the table's per_box for each whole box the order fills (by weight or volume;
 * a unit larger than a box is a box of its own), spread over the q units, when the table gives
 * "business_orders"; else xbr__fee_fulfil(). */
double xbr__fee_fulfil_order(const xbr_network_t *net, const xbr_product_t *prod, int node,
                             double q);
/* Whether `date` is in the storage peak season (October-December); XBR_NO_DAY: no. */
bool xbr__fee_peak(xbr_day_t date);
/* Storage per m3 per day at `node` for `prod` on `date`: the node's storage_cost_per_m3_day
 * plus its fee table's rate (the tier's, else the table's) for the season. */
double xbr__fee_storage_rate(const xbr_network_t *net, const xbr_product_t *prod, int node,
                             xbr_day_t date);

/* ---- found routes: the one rule of dominance, order and ties (search.c, merge.c) ----
 *
 * A Pareto set keeps one route per non-dominated criteria vector: a route goes when another is
 * <= on every criterion (xbr__dominates); of routes with equal criteria the one first in
 * xbr__path_cmp() order stays. Routes are listed by xbr__figures_cmp(), then xbr__path_cmp().
 * The one-origin searches apply it to the routes they find, the merge of several origins to
 * their union, so both give the same answer for the same routes. */

/* The figures the searches compare of a route (or of a label that ends one). */
typedef struct {
    double cost;        /* cost.total */
    double days;        /* consumer days */
    double co2e;        /* kg CO2e */
    double generalised; /* cost + value_of_time_per_day x days */
} xbr__figures_t;

/* a <= b on cost and days, and on CO2e when `co2e` (a criterion): a weakly dominates b. */
static inline bool xbr__dominates(const xbr__figures_t *a, const xbr__figures_t *b, bool co2e)
{
    return a->cost <= b->cost && a->days <= b->days && (!co2e || a->co2e <= b->co2e);
}

/* The order of found routes before their paths: Pareto sets by cost, then days, then CO2e; the
 * k best (`kbest`) by generalised cost, then cost, then days. -1, 0 (a tie) or 1. */
int xbr__figures_cmp(const xbr__figures_t *a, const xbr__figures_t *b, bool kbest);

/* strcmp-like order of two paths (node indices a[0..na-1] and b[0..nb-1], from the origin) by
 * their node ids, node by node, a path before its extensions: the last tie-break. */
int xbr__path_cmp(const xbr_network_t *net, const int *a, size_t na, const int *b, size_t nb);

/* True when `product` and `market` are indices of `sc`, `market` is a market node and `origin`
 * is a node index or -1 (not given). */
bool xbr__route_query_ok(const xbr_scenario_t *sc, int product, int origin, int market);
/* Adds the diagnostic of a query xbr__route_query_ok() refuses (when diags is not NULL);
 * returns XBR_EINPUT. */
xbr_status_t xbr__route_query_error(xbr_diags_t *diags);

/* The design the router prices its searches in (xbr_router_set_design()), or NULL. */
const xbr_design_t *xbr__router_design(const xbr_router_t *router);

/* How many label searches a router has run, and how many of them over simple paths (the
 * second pass of a Pareto search, and every k-best search); for tests. */
void xbr__router_counts(const xbr_router_t *router, size_t *searches, size_t *strict);

/* Empties the router's cache of bounds and lets it hold at most `max_entries` (>= 1) product x
 * market entries from now on; for tests of the cache's eviction. */
void xbr__router_limit_bounds(xbr_router_t *router, size_t max_entries);

#endif
