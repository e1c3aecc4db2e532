/*
 * xbroute/route.h - the landed-cost model of one route and the exact route searches
 * (README, "xbroute routes").
 *
 * A route carries one product from an origin factory to a market node along a simple path of
 * open links. All figures are per unit delivered, in the network's currency; days are mean
 * days (fractional).
 *
 * Shipment phases. Every leg of a route is in one phase:
 *   parcel   direct B2C: one consumer order of q = units_per_order units per shipment;
 *   bulk     q = demand_per_week(market) x r / 7 units per shipment, r the route's
 *            replenishment interval (below): legs before a stocking warehouse and legs of the
 *            B2B / traditional chain before the retailer;
 *   retailed after a retailer (break bulk): parcel again, the consumer clock is NOT reset;
 *   stocked  after the warehouse where the route keeps stock: parcel, the clock IS reset.
 * A route is valid when it reaches the market in a parcel phase: direct (no warehouse and no
 * intermediary), through a retailer, or stocked at a warehouse. A bulk route that has passed
 * an exporter, importer or wholesaler must reach a retailer (it cannot stock); a parcel leg
 * never enters a warehouse (stocked legs pass later warehouses, handling only) and legs after
 * a retailer or a stocking warehouse enter no intermediary. A route passes no market but its
 * own, and no closed node or link. Bulk phases need demand > 0 at the market. A sea or rail
 * link carries a leg in a parcel phase only when it has a parcel service (xbr_link_t
 * .parcel_service: a consolidated e-commerce service with its own rate and days, which then
 * price that leg instead of the link's cost and days); bulk legs always use the link's cost
 * and days. The wait for a departure (departures_per_week) applies to both.
 *
 * Replenishment interval r of a route with bulk legs. The leg that sets it is the first bulk
 * leg that enters another customs territory, or, when no bulk leg does, the last bulk leg
 * (the one into the stocking warehouse or the retailer). For that leg's link:
 * r = link.review_days if given, else the scenario's review_days_by_mode[link mode] if given,
 * else review_days; and never shorter than the link's headway 7 / departures_per_week. Every
 * bulk leg of the route, the earlier ones too (factory -> port), ships q = demand x r / 7. A
 * stocking warehouse with its own review_days sets r for the routes that stock there, over
 * all of the above. An "economic" setting (link.review_days or review_days_by_mode =
 * XBR_REVIEW_ECONOMIC) lets the route choose r among the multiples k s of the link's headway
 * s = 7 / departures_per_week (the scenario's economic_step_days when it states none) within
 * [economic_min_days, economic_max_days] (at most 64 of them: every j-th when more fit; the
 * first multiple above the minimum when none fits), and the route takes the one with the
 * lowest total cost (the shortest on a tie): the economic order interval, trading the
 * per-shipment charges spread over q against the cycle stock at both ends; interval_economic
 * says so.
 * Routes without bulk legs have r = 0.
 *
 * Cost of a route, per unit (the components of xbr_cost_breakdown_t):
 *   transport   per link: W = q unit_kg, V = q unit_m3, chargeable = max(W, V vol), charge =
 *               max(per_kg chargeable + per_m3 V + per_unit q + per_shipment, min_charge),
 *               per unit charge / q (q of the leg's phase); a last_mile link priced by its
 *               country's rate card (xbr_link_t.last_mile_table, route/fees.c): charge = the
 *               price of a parcel of that chargeable weight in the link's distance band (the
 *               first weight bracket with up_to_kg >= it, else the last price + above_per_kg
 *               per kg over it);
 *   handling    at the origin and at every node entered: cost_per_kg unit_kg + cost_per_unit;
 *               its days add to the clock; at a stocking warehouse that names a fee table, also
 *               the fulfilment fee of the unit's size tier (the first tier whose max_cm holds
 *               the unit's sides, longest first, and whose max_kg holds its weight: the unit's
 *               own, or billable = max(unit_kg, L W H vol of the table); the tier's first fee
 *               bracket at or above that weight, else its last fee + step_fee per started
 *               step_kg over it);
 *   clearance   export: the regime's fee_per_shipment / q and clearance_days, once, when the
 *               route first leaves the origin's customs territory, only for an origin in China
 *               (the regimes are China's); import: at every border entry, a node whose
 *               country differs from the previous node's (countries of one customs_union
 *               count as one): clearance_fee_per_shipment / q (a bulk entry:
 *               clearance_fee_per_entry / q when the country sets it), the tariff's entry fees
 *               (components of kind fee, as below), and clearance_days + inspection_prob x
 *               inspection_days (variance p(1-p)D^2);
 *   duty, vat   at each border entry (route/duty.c). The channel: a bulk phase is a bulk entry,
 *               a parcel whose border-crossing link is post is postal, any other parcel is
 *               express. The customs value V = the unit's price there (unit_value x the
 *               markups so far; FOB), or for a country with customs_value cif (price + the
 *               transport paid so far per unit) x (1 + insurance_pct / 100). duty = V x
 *               duty_pct(category) / 100 + the tariff components in force on the scenario's
 *               date that cover the category, the origin's country, the channel, the mode of
 *               the border-crossing link and the shipment's goods value (q x unit_value):
 *               percent: clamp(q V rate / 100, min, max) / q; per_item and per_parcel: amount
 *               / q (a product is one tariff line). A parcel whose value units_per_order x price
 *               is below de_minimis pays no duty_pct and no component that is exempt below it
 *               (all but those with exempt_below_de_minimis false). VAT = the VAT base x
 *               vat_pct / 100, except a parcel below vat_de_minimis; the base is the country's
 *               vat_base (a parcel below de_minimis: vat_base_below_de_minimis), by default V
 *               + the duty that adds to the VAT base, or any of the price, the freight so far,
 *               insurance on both and that duty (docs/formats.md, "Thresholds and the VAT
 *               base"). de_minimis and vat_de_minimis are the dated thresholds in force on the
 *               scenario's date, else the country's fields; a component's dated exclusions in
 *               force then take categories out of it. Bulk always pays both;
 *   markup      at exporter, importer, wholesaler, retailer: price x= 1 + markup_pct / 100, the
 *               increase is the component;
 *   in_transit  price there x holding_rate_per_year x days / 365 for every day on the clock
 *               (legs, waits, handling, clearance, inspections), stocked routes' upstream
 *               pipeline included (the pipeline stock of each leg);
 *   origin_stock routes with bulk legs: the cycle stock held at the origin between shipments,
 *               Q/2 = d r / 2 units at the factory value: per unit delivered r / 2 x unit_value
 *               x holding_rate / 365;
 *   storage, capital, warehouse_fixed   stocked at warehouse w, with upstream lead time L up to
 *               and including w's handling (mean mu_L, variance s_L^2: triangular legs
 *               (a+b+c)/3 and (a^2+b^2+c^2-ab-ac-bc)/18, waits 3.5/n and (7/n)^2/12,
 *               inspections as above), d = demand/7 per day, s_d = demand_cv demand / sqrt 7,
 *               z = quantile of service_level: stock I = d r / 2 + z sqrt(mu_L s_d^2 + d^2 s_L^2)
 *               (cycle stock Q/2 and safety stock); storage = I unit_m3 rate 7 / demand, rate =
 *               w's storage_cost_per_m3_day + its fee table's rate (the unit's tier's, else the
 *               table's): peak in October-December of the scenario's date, off-peak otherwise
 *               and when the scenario has no date; capital = I V holding_rate / 365 x 7 /
 *               demand, V the landed cost of a unit at w: price + every component so far but
 *               markup (in the price), in_transit and origin_stock (carrying costs, not paid
 *               into the unit); plus, on any route, the capital on the export VAT rebate
 *               while it waits (below, "Export VAT rebate");
 *               warehouse_fixed: without a network
 *               design, fixed_cost_per_week / demand (the whole weekly fixed cost is charged
 *               to this product and market, as if w were opened for it alone); priced within a
 *               settled design (xbroute/design.h) that opens w and where w stocks something,
 *               the share fixed_per_m3(w) x unit_m3 (w's fixed cost spread by volume over all
 *               the units it stocks); within a design that does not open w, the stand-alone
 *               figure again;
 *   carbon      co2e_kg / 1000 x carbon_price, co2e_kg = unit_kg / 1000 x distance_km x
 *               co2e_g_per_tkm / 1000 per link (a sea link's distance_km is its sea-lane
 *               length unless the file gives one, and follows a closure's re-routing: README
 *               "Sea lanes");
 *   total       the sum of the above.
 * A link with departures_per_week n > 0 adds a wait of 3.5 / n days. `days` is the consumer-
 * facing mean: the whole route, or for a stocked route the part after the warehouse (the
 * warehouse's own handling is upstream). consumer_price = unit_value + total; factory_share =
 * unit_value / consumer_price.
 *
 * Class and regime, by the traders a route passes (every trade route ends at a retailer):
 *   traditional (0110)  the six-link chain: at least one exporter, one importer and one
 *                       wholesaler (in any order), then the retailer; what `xbroute chain`
 *                       shows;
 *   short-chain (0110)  one or two of those three kinds, not all, then the retailer (an export
 *                       trading company selling to a foreign online retailer; a factory
 *                       shipping to a foreign importer itself);
 *   b2b2c (9710)        none of them: the factory sells straight to a retailer;
 * the retailer's kind (node field "store") does not change the class. Otherwise: direct to a
 * of business buyers -> b2b-<mode> (9710, "B2B e-commerce" below); stocked at a bonded warehouse
 * (node field "bonded") in the origin's customs territory -> bonded (1210); stocked elsewhere ->
 * warehouse-<mode of the first border-crossing link before the warehouse> (9810: exported in bulk
 * to stock abroad), or plain "warehouse" when no border was crossed before it (stock in the
 * origin's own country, not bonded: the parcels are exported one by one from domestic stock, 9610);
 * else direct by the mode of the first border-crossing link (9610): air, express, post, sea, rail,
 * road (truck, last_mile), or domestic when the route never leaves the origin's country. Regime
 * 1210 (rules-2026.md section 6): the bulk first leg enters the bonded zone, and the export
 * declaration is completed on entry, so the 1210 export clearance (fee_per_shipment / q_bulk and
 * clearance_days) is charged once, when the route stocks at the bonded warehouse, on the bulk
 * shipment and inside the replenishment lead time; the parcels that leave the zone later pay no
 * second export clearance. A bonded warehouse outside the origin's customs territory is passed in
 * bulk but never stocks (its zone exports only that country's goods). Export VAT rebate (a product
 * with export_vat_rebate_pct > 0, from an origin in China, into a market outside the origin's
 * customs territory; docs/cost-model.md): unit_value is net of VAT; the exporter paid the input
 * VAT and gets back R = unit_value x export_vat_rebate_pct / 100 only after the rebate event and
 * the scenario's payout_days. Until then R is capital: capital += R x holding_rate / 365 x W, W the
 * rebate's wait (route field rebate_wait_days; the charge is rebate_capital) = the days from the
 * unit leaving the factory to the event (the cycle stock wait r / 2 at the origin on routes with
 * bulk legs, then every day on the clock before the goods leave the origin's territory) + the
 * export clearance days of the regime + payout_days. The event: 1210 (bonded) on entry into the
 * zone, before the dwell in its stock; 9810, 0110, 9710 and 9610 direct at the export of the
 * shipment or parcel (the days of the leg that leaves, and all after, do not count); plain
 * "warehouse" (stock at home) at each parcel's export, so the wait includes the unit's dwell
 * in that stock, I / d days (Little's law: I x 7 / demand). The steps stay additive and
 * non-negative (the dwell is a multiple of I, like capital), so the searches stay exact
 * (src/lib/route/search.c). Store sale: a link from a retailer with "store" true into a market is
 * the consumer's own trip from the shop. The loader binds no last_mile rate card to it and lets it
 * omit days, so it adds nothing (cost 0, days 0: the consumer collects the goods) unless the file
 * gives the store's own delivery as its cost and days; only online retailers ship parcels. B2B
 * e-commerce: a market of business buyers (node field business, JSON "buyer": "business") orders on
 * a B2B platform. For its product x market pairs the parcel phases carry one order of q = the
 * market's order_units units (a carton, a pallet) instead of units_per_order, and as freight: every
 * leg uses the link's own cost and days (a sea or rail link carries it without a parcel service:
 * LCL), the export of a direct order or of one from domestic stock is declared 9710
 * (fee_per_shipment / q), and a direct route's class is b2b (class name "b2b-<mode of the first
 * border-crossing link>", regime 9710) instead of a 9610 direct class. Stock abroad stays 9810; a
 * business order from stock pays its warehouse's fee table per box
 * ("business_orders") when the table has one, instead of the per-unit fee. The
 * platform's fee: a route that reaches the market in a parcel or stocked phase (a platform order,
 * direct or from stock) pays price x platform_fee_pct / 100, in markup, unless the order's value q
 * x unit_value exceeds platform_fee_max_order (> 0); routes through a retailer or trader pay none.
 * On these phases the price is the unit value, so the fee is a constant of the product x market and
 * the searches stay exact. The border entry keeps the parcel channels (express or postal by the
 * border link's mode) with the order's value against de_minimis. Sale: a route's sale is "domestic"
 * when the consumer buys from a seller inside the market's customs territory (the stocking
 * warehouse, else the last retailer, else the origin), else "cross_border": a warehouse route in
 * the market's territory is a 9810 export followed by a domestic sale from stock, and is shown so
 * (route field domestic_sale, JSON "sale").
 */
#ifndef XBROUTE_ROUTE_H
#define XBROUTE_ROUTE_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A network design (xbroute/design.h): which warehouses are open and their fixed-cost shares. */
typedef struct xbr_design xbr_design_t;

/* X-macro: the route classes (route structure, not mode of a warehouse's fill): enum suffix and
 * JSON spelling. The one list the enum, xbr_route_class_name() and every writer come from. */
#define XBR_ROUTE_CLASS_LIST(X)                                                                    \
    X(AIR, "air")                                                                                  \
    X(EXPRESS, "express")                                                                          \
    X(POST, "post")                                                                                \
    X(SEA, "sea")                                                                                  \
    X(RAIL, "rail")                                                                                \
    X(ROAD, "road")         /* direct, border crossed by truck or last_mile */                     \
    X(DOMESTIC, "domestic") /* direct, never leaves the origin's country */                        \
    X(WAREHOUSE, "warehouse")                                                                      \
    X(B2B2C, "b2b2c")             /* a foreign retailer buys from the factory (9710) */            \
    X(TRADITIONAL, "traditional") /* the six-link chain (0110) */                                  \
    X(SHORT_CHAIN, "short-chain") /* one or two of exporter, importer, wholesaler (0110) */        \
    X(BONDED, "bonded")           /* stocked in a bonded zone of the origin country (1210) */      \
    X(B2B, "b2b")                 /* direct to a business buyer: one platform order (9710) */

typedef enum {
#define XBR_ROUTE_CLASS_ENUM_(id, name) XBR_CLASS_##id,
    XBR_ROUTE_CLASS_LIST(XBR_ROUTE_CLASS_ENUM_)
#undef XBR_ROUTE_CLASS_ENUM_
        XBR_CLASS_COUNT
} xbr_route_class_t;

/* The JSON spelling of a class without its mode ("warehouse", "b2b2c"); never NULL. */
XBR_API const char *xbr_route_class_name(xbr_route_class_t klass);

/* X-macro: the per-unit cost components, in the order they are summed and shown: enum suffix,
 * field and JSON key, and a short label for people. The one list the breakdown struct, its
 * writers (text, JSON, CSV, charts) and the optimizer's totals come from. */
#define XBR_COST_COMPONENT_LIST(X)                                                                 \
    X(TRANSPORT, transport, "transport")                                                           \
    X(HANDLING, handling, "handling")                                                              \
    X(CLEARANCE, clearance, "clearance")                                                           \
    X(DUTY, duty, "duty")                                                                          \
    X(VAT, vat, "VAT")                                                                             \
    X(MARKUP, markup, "markup")                                                                    \
    X(IN_TRANSIT, in_transit, "in transit")                                                        \
    X(ORIGIN_STOCK, origin_stock, "origin stock")                                                  \
    X(STORAGE, storage, "storage")                                                                 \
    X(CAPITAL, capital, "capital")                                                                 \
    X(WAREHOUSE_FIXED, warehouse_fixed, "warehouse fixed")                                         \
    X(CARBON, carbon, "carbon")

typedef enum {
#define XBR_COST_ENUM_(id, field, label) XBR_COST_##id,
    XBR_COST_COMPONENT_LIST(XBR_COST_ENUM_)
#undef XBR_COST_ENUM_
        XBR_COST_COUNT
} xbr_cost_component_t;

/* Per-unit cost components (one field per XBR_COST_COMPONENT_LIST entry); total is their sum. */
typedef struct {
#define XBR_COST_FIELD_(id, field, label) double field;
    XBR_COST_COMPONENT_LIST(XBR_COST_FIELD_)
#undef XBR_COST_FIELD_
    double total;
} xbr_cost_breakdown_t;

/* The JSON key of a component ("in_transit"); "unknown" out of range. */
XBR_API const char *xbr_cost_component_name(xbr_cost_component_t k);
/* A short label of a component for people ("in transit"); "unknown" out of range. */
XBR_API const char *xbr_cost_component_label(xbr_cost_component_t k);
/* The value of component k of c; 0 out of range. */
XBR_API double xbr_cost_component(const xbr_cost_breakdown_t *c, xbr_cost_component_t k);

/*
 * One evaluated route. Arrays are owned by the route: release with xbr_route_destroy().
 */
typedef struct {
    int product; /* index into the scenario's products */
    int origin;  /* node index */
    int market;  /* node index */
    size_t n_links;
    int *links;   /* n_links link indices, origin to market */
    int *nodes;   /* n_links + 1 node indices */
    int stock_at; /* warehouse node index where the route keeps stock, or -1 */
    xbr_route_class_t route_class;
    int class_mode;      /* xbr_mode_t of the class (direct and warehouse classes), or -1 */
    char class_name[32]; /* e.g. "sea", "warehouse-sea", "traditional" */
    xbr_regime_t regime;
    bool exported; /* leaves the origin's country (export clearance applies) */
    xbr_cost_breakdown_t cost;
    double days;           /* consumer-facing mean days */
    double days_var;       /* variance of the consumer-facing days */
    double lead_time_days; /* stocked routes: mean replenishment lead time mu_L; else 0 */
    double lead_time_var;  /* stocked routes: its variance; else 0 */
    double stock_units;    /* stocked routes: the average stock I at the warehouse; else 0 */
    double co2e_kg;
    double consumer_price;   /* unit_value + cost.total */
    double factory_share;    /* unit_value / consumer_price */
    double generalised_cost; /* cost.total + value_of_time_per_day x days */
    bool domestic_sale;      /* the consumer buys inside the market's customs territory (above) */
    double interval_days;    /* routes with bulk legs: their replenishment interval r; else 0 */
    bool interval_economic;  /* r is the economic order interval of the leg that sets it */
    /* the export VAT rebate (above): the days it waits, from the factory to the rebate event
     * plus the payout, and its capital charge (part of cost.capital); 0 when not modelled */
    double rebate_wait_days;
    double rebate_capital;
} xbr_route_t;

/* Releases a route's arrays and zeroes it; safe on a zeroed route. */
XBR_API void xbr_route_destroy(xbr_route_t *route);

/* Makes *dst a deep copy of *src (its own link and node arrays; release with
 * xbr_route_destroy()). Returns false, with *dst zeroed, when out of memory. */
XBR_API bool xbr_route_copy(xbr_route_t *dst, const xbr_route_t *src);

/* A list of routes, owned as a whole; free with xbr_route_set_free(). */
typedef struct {
    size_t count;
    xbr_route_t *routes;
} xbr_route_set_t;

XBR_API void xbr_route_set_free(xbr_route_set_t *set);

/* The criteria of a Pareto search. */
typedef enum {
    XBR_CRITERIA_COST_DAYS = 0,  /* landed cost total, consumer days */
    XBR_CRITERIA_COST_DAYS_CO2E, /* and kg CO2e */
} xbr_criteria_t;

/*
 * Evaluates the path `links[0..n-1]` (n >= 1, consecutive, from an origin node to `market`) for
 * product `product` with the model above. `stock_at` is the warehouse node on the path where
 * the route keeps stock, or -1. The phase of each leg follows from the path and `stock_at`.
 * On XBR_OK *out is filled (the caller releases it with xbr_route_destroy()). Returns
 * XBR_EINPUT (with a diagnostic when `diags` is not NULL, *out zeroed) when the path is not a
 * valid route: broken or repeated, closed, not ending at `market`, phases not allowed, bulk
 * without demand. XBR_ENOMEM when out of memory. O(n).
 */
XBR_API xbr_status_t xbr_route_evaluate(const xbr_scenario_t *sc, int product, int market,
                                        const int *links, size_t n, int stock_at, xbr_route_t *out,
                                        xbr_diags_t *diags);

/*
 * As xbr_route_evaluate(), priced within `design` (NULL: none): the warehouse_fixed of a
 * stocked route follows the design's rule (above, and xbroute/design.h). The design must have
 * been made for `sc`'s network.
 */
XBR_API xbr_status_t xbr_route_evaluate_in(const xbr_scenario_t *sc, const xbr_design_t *design,
                                           int product, int market, const int *links, size_t n,
                                           int stock_at, xbr_route_t *out, xbr_diags_t *diags);

/*
 * Search context for one scenario: adjacency of the open network, its strongly connected
 * components and scratch space, built once and reused across searches. It also caches the
 * searches' lower bounds per product x market (at most 64 MiB), so a loop over many origins
 * and markets through one router computes them once per product x market. Not shareable between
 * threads (use one per thread). The scenario must outlive it and must not change.
 */
typedef struct xbr_router xbr_router_t;

/* Builds a router for `sc`; O(nodes + links). Free with xbr_router_free(). */
XBR_API xbr_status_t xbr_router_new(const xbr_scenario_t *sc, xbr_router_t **out);
XBR_API void xbr_router_free(xbr_router_t *router);

/*
 * Prices the router's searches from now on within `design` (NULL: none, the default; borrowed:
 * it must outlive the searches and stay unchanged): the warehouse_fixed of stocked routes
 * follows the design's rule. The search stays exact: within a design the share is a per-unit
 * constant of the stocking warehouse, added once at stocking like its handling (route/search.c,
 * (1)). Routes may still stock at warehouses the design does not open (priced stand-alone):
 * close them in a variant to search within the design only.
 */
XBR_API void xbr_router_set_design(xbr_router_t *router, const xbr_design_t *design);

/*
 * The complete Pareto set of valid simple routes for `product` from `origin` to `market` on
 * `criteria`: one route per non-dominated criteria vector, ordered by cost, then days, then
 * CO2e, then the sequence of node ids. `router` may be NULL (one is built for this call). On
 * XBR_OK *out is a new set (possibly empty when nothing is reachable) the caller frees with
 * xbr_route_set_free(). XBR_EINPUT for bad indices (diagnostic in `diags`), XBR_ENOMEM.
 * Exact multi-criteria label search (src/lib/route/search.c states the argument): two reverse
 * Dijkstras for bounds, O(links log links) once per product x market and router, then label work
 * that on realistic networks is below that; a second, slower pass runs only when the best walks
 * revisit a node after a phase change (e.g. in bulk through a port, back through it with parcels).
 */
XBR_API xbr_status_t xbr_routes_pareto(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                                       int origin, int market, xbr_criteria_t criteria,
                                       xbr_route_set_t **out, xbr_diags_t *diags);

/*
 * The union over class keys (route_class, class_mode) of the Pareto set of routes of that
 * class key: labels of different class keys never dominate each other. Order: by class name,
 * then class_mode (direct "road" routes have two keys, truck and last_mile), then as
 * xbr_routes_pareto(). Same contract otherwise. Exact by the argument in
 * src/lib/route/search.c; it keeps more labels than xbr_routes_pareto() (labels of different
 * classes so far do not compete), so it is slower, by about the number of classes reachable.
 */
XBR_API xbr_status_t xbr_routes_pareto_by_class(const xbr_scenario_t *sc, xbr_router_t *router,
                                                int product, int origin, int market,
                                                xbr_criteria_t criteria, xbr_route_set_t **out,
                                                xbr_diags_t *diags);

/*
 * The k best valid simple routes by generalised cost (cost.total + value_of_time_per_day x
 * days), ascending, ties by cost, then days, then node ids; fewer when fewer exist. As
 * xbr_routes_pareto() otherwise; always searches simple paths directly, so on graphs with large
 * strongly connected components it can be much slower than the Pareto search.
 */
XBR_API xbr_status_t xbr_routes_k_best(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                                       int origin, int market, size_t k, xbr_route_set_t **out,
                                       xbr_diags_t *diags);

/*
 * The Pareto set of `product` into `market` over all the product's origins, on `criteria`: the
 * per-origin sets of xbr_routes_pareto() merged by the rule that search applies to the routes
 * it finds, so that, like its answer, the set is complete and has one route per non-dominated
 * criteria vector:
 *   - dominance: a route goes when another is <= on cost, days and (with
 *     XBR_CRITERIA_COST_DAYS_CO2E) CO2e, and < on one of them;
 *   - ties: of routes with equal criteria one stays, the one whose sequence of node ids from
 *     the origin comes first (strcmp node by node, a path before its extensions); across
 *     origins, so, the route from the origin whose id comes first;
 *   - order: by cost, then days, then CO2e, then that sequence of node ids.
 * `router` may be NULL (one is built for the call). On XBR_OK *out is a new set (empty when
 * nothing is reachable; free it with xbr_route_set_free()). XBR_EINPUT for a bad product or
 * market (diagnostic in `diags`), XBR_ENOMEM; *out is NULL on error. Costs one
 * xbr_routes_pareto() per origin.
 */
XBR_API xbr_status_t xbr_routes_pareto_all_origins(const xbr_scenario_t *sc, xbr_router_t *router,
                                                   int product, int market, xbr_criteria_t criteria,
                                                   xbr_route_set_t **out, xbr_diags_t *diags);

/*
 * The k best routes of `product` into `market` over all the product's origins, by the order of
 * xbr_routes_k_best(): generalised cost, then cost, then days, then the sequence of node ids
 * from the origin (as above); fewer when fewer exist. Same contract as
 * xbr_routes_pareto_all_origins(); costs one xbr_routes_k_best() per origin.
 */
XBR_API xbr_status_t xbr_routes_k_best_all_origins(const xbr_scenario_t *sc, xbr_router_t *router,
                                                   int product, int market, size_t k,
                                                   xbr_route_set_t **out, xbr_diags_t *diags);

/*
 * The routes of one product into one market (what `xbroute routes` shows): the Pareto set on
 * `criteria` and the k best alternatives by generalised cost, from one origin or from all the
 * product's origins (merged as above). Free with xbr_routes_free().
 */
typedef struct {
    int product;                   /* index into the scenario's products */
    int market;                    /* node index */
    int origin;                    /* node index, or -1: all the product's origins */
    xbr_criteria_t criteria;       /* of the Pareto set */
    size_t k;                      /* alternatives asked for; 0: none */
    xbr_route_set_t *pareto;       /* ordered as xbr_routes_pareto(); never NULL */
    xbr_route_set_t *alternatives; /* at most k, ordered as xbr_routes_k_best(); never NULL */
    const xbr_design_t *design;    /* the design the routes are priced in (the router's,
                                      borrowed); NULL: none */
} xbr_routes_t;

/*
 * Finds the routes of `product` from `origin` (a node index, or -1 for all the product's
 * origins) into `market`: xbr_routes_pareto() and xbr_routes_k_best() (skipped when k is 0) for
 * one origin, their _all_origins forms for all. `router` may be NULL (one is built for the
 * call, without a design); with a router priced in a design (xbr_router_set_design()) the
 * routes are priced in it, and the result borrows the design. On XBR_OK *out is new (free with
 * xbr_routes_free()); its Pareto set is empty when no route exists. XBR_EINPUT for bad indices
 * (diagnostic in `diags`), XBR_ENOMEM; *out is NULL on error.
 */
XBR_API xbr_status_t xbr_routes_run(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                                    int origin, int market, xbr_criteria_t criteria, size_t k,
                                    xbr_routes_t **out, xbr_diags_t *diags);

/* Releases a routes result and its sets; NULL is fine. */
XBR_API void xbr_routes_free(xbr_routes_t *routes);

/*
 * Appends `routes` (from xbr_routes_run() on `sc`) to `out` as `format`:
 *   text  a heading (product, market, origin, demand, promise), then for the Pareto set and
 *         (when k > 0) the alternatives a table (class, regime, cost, days, lead time, CO2e,
 *         promise met), the paths, and the cost per unit by component;
 *   json  schema xbroute.routes/1: scenario, product, market, criteria, currency, pareto and
 *         alternatives (routes as xbr_route_write_json(), render.h);
 *   csv   a header, then one row per route: set (pareto or alternative), rank, ids, class,
 *         regime, cost_total and each component (XBR_COST_COMPONENT_LIST), days, lead time,
 *         CO2e, consumer price, factory share, generalised cost, meets_promise, path.
 * Returns XBR_OK, XBR_EINPUT for a format out of range (nothing appended) or XBR_ENOMEM when
 * the buffer ran out of memory.
 */
XBR_API xbr_status_t xbr_routes_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                      const xbr_routes_t *routes, xbr_format_t format);

/*
 * The standard normal quantile: x with Phi(x) = p, for 0 < p < 1 (NAN outside). Acklam's
 * rational approximation refined by one Halley step on erfc; about 1e-15 relative error.
 */
XBR_API double xbr_normal_quantile(double p);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_ROUTE_H */
