/*
 * xbroute/chain.h - the teaching view of one product sold in one market: the traditional
 * six-link export chain (factory -> exporter -> importer -> wholesaler -> retailer -> consumer)
 * against its two e-commerce shortcuts, factory -> foreign (online) retailer -> consumer (B2B2C)
 * and factory -> consumer (B2C), each the cheapest route of its kind in the network, step by
 * step: the days, the price after each intermediary's markup, the landed cost so far, and the
 * factory's share of what the consumer pays; then who keeps what of one consumer price
 * (xbr_chain_split_t) and the seeds' two questions. Money per unit in the network's currency.
 */
#ifndef XBROUTE_CHAIN_H
#define XBROUTE_CHAIN_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/route.h"
#include "xbroute/status.h"
#include "xbroute/trace.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X-macro: the three ways from the factory to the consumer, in the order shown: enum suffix and
 * name (the JSON "kind"). */
#define XBR_CHAIN_KIND_LIST(X)                                                                     \
    X(TRADITIONAL, "traditional") /* through intermediaries, general trade (regime 0110) */        \
    X(B2B2C, "b2b2c")             /* through a foreign retailer (9710) */                          \
    X(DIRECT, "direct")           /* to the consumer by air, express, post, sea, rail (9610) */

typedef enum {
#define XBR_CHAIN_KIND_ENUM_(id, name) XBR_CHAIN_##id,
    XBR_CHAIN_KIND_LIST(XBR_CHAIN_KIND_ENUM_)
#undef XBR_CHAIN_KIND_ENUM_
        XBR_CHAIN_KIND_COUNT
} xbr_chain_kind_t;

/* The name of a kind ("b2b2c"); "unknown" out of range. */
XBR_API const char *xbr_chain_kind_name(xbr_chain_kind_t kind);

/* One way from the factory to the consumer: the cheapest route of its kind, traced. */
typedef struct {
    bool found;        /* the network has a route of this kind */
    xbr_route_t route; /* zeroed when !found */
    size_t n_steps;    /* route.n_links + 1; 0 when !found */
    xbr_leg_t *steps;  /* xbr_route_trace() of the route: the factory gate (step 0), then one
                          step per link; figures cumulative from the factory */
} xbr_chain_way_t;

/* The most intermediaries a split names one by one (the rest are summed into the last). */
#define XBR_CHAIN_MAX_MARGINS 8

/*
 * Who keeps what of one consumer price `price` paid for a way (xbr_chain_split()). The parts
 * add up to `price`:
 *   factory                 unit_value, the factory's price (its own cost and profit);
 *   margins[i]              the markup of each intermediary passed (importer, wholesaler,
 *                           retailer, ...), at margin_node[i], as the route model computes it;
 *   logistics[k]            the landed cost's component k (XBR_COST_COMPONENT_LIST) for every k
 *                           but duty, VAT and markup: transport, handling (fulfilment fees
 *                           included), clearance, in transit, storage, ...;
 *   duties                  duty + VAT;
 *   commission, payment,    for the online ways (b2b2c, direct) only: the product's
 *   advertising             marketplace_fee_pct, payment_fee_pct and ad_share_pct of `price`;
 *   exporter                what is left: the exporter's profit. The exporter is the seller
 *                           abroad from China: the trading company of the traditional chain
 *                           (its markup counts here, not in margins), the factory itself in
 *                           the b2b2c and direct ways. The other traders keep their markups;
 *                           whatever the consumer pays beyond the costs is left to the exporter
 *                           (negative: a loss).
 */
typedef struct {
    double price;
    double factory;
    size_t n_margins;
    int margin_node[XBR_CHAIN_MAX_MARGINS];
    double margin[XBR_CHAIN_MAX_MARGINS];
    double margins; /* their sum */
    double logistics[XBR_COST_COUNT];
    double logistics_total;
    double duties;
    double commission;
    double payment;
    double advertising;
    double ecommerce; /* commission + payment + advertising */
    double exporter;
    double exporter_markup; /* the part of `exporter` that is an exporter node's markup */
    double ecommerce_pct;   /* the percentages summed (0 for the traditional way) */
} xbr_chain_split_t;

typedef struct {
    int product;   /* product index */
    int market;    /* market node index */
    bool six_link; /* the traditional way is of class traditional: it passes an exporter, an
                      importer, a wholesaler and a retailer, all four; else it is the cheapest
                      short-chain route there is */
    xbr_chain_way_t ways[XBR_CHAIN_KIND_COUNT]; /* by xbr_chain_kind_t */
    size_t n_found;                             /* ways found */
    /* Who keeps what (xbr_chain_split()) at one consumer price for all three: the product's
     * retail_price, else the traditional way's consumer price, else the highest consumer price
     * of the ways found. */
    double price;
    bool price_given;                              /* price is the product's retail_price */
    xbr_chain_split_t split[XBR_CHAIN_KIND_COUNT]; /* zero when the way was not found */
    /* The seeds' two questions, for each way against the traditional one (NAN when either was
     * not found; 0 for the traditional itself):
     *   more_kept[k]   = split[k].exporter - split[TRADITIONAL].exporter, at the same price;
     *   same_profit_price[k] = the consumer price at which way k leaves its exporter the
     *                    traditional way's exporter profit E: the e-commerce costs being shares
     *                    of the price, (unit_value + cost.total - exporter_markup + E) /
     *                    (1 - ecommerce_pct / 100) (NAN when the percentages reach 100);
     *   cheaper[k]     = price - same_profit_price[k]. */
    double more_kept[XBR_CHAIN_KIND_COUNT];
    double same_profit_price[XBR_CHAIN_KIND_COUNT];
    double cheaper[XBR_CHAIN_KIND_COUNT];
} xbr_chain_t;

/*
 * Finds the three ways for `product` (index) sold in `market` (a market node): the cheapest
 * traditional route, the six-link chain (else the cheapest short-chain route), the cheapest
 * b2b2c route and the cheapest direct route (xbr_best_of_class(), xbroute/compare.h), each
 * traced with
 * xbr_route_trace(). A way the network does not have is not found; that is no error. On XBR_OK
 * *out is new (free with xbr_chain_free()). XBR_EINPUT (with a diagnostic) when the product or
 * market is out of range or the node is not a market, XBR_ENOMEM, or the search's status.
 */
XBR_API xbr_status_t xbr_chain_run(const xbr_scenario_t *sc, int product, int market,
                                   xbr_chain_t **out, xbr_diags_t *diags);

/*
 * Splits `price`, paid by the consumer for `chain`'s way of `kind`, into who keeps what
 * (xbr_chain_split_t), for the chain's product. All zero when the way was not found.
 */
XBR_API xbr_chain_split_t xbr_chain_split(const xbr_scenario_t *sc, const xbr_chain_t *chain,
                                          xbr_chain_kind_t kind, double price);

/* Frees a chain (NULL is fine). */
XBR_API void xbr_chain_free(xbr_chain_t *chain);

/* What step i (1 .. n_steps - 1) of `way` added to the landed cost, component by component
 * (total included): steps[i].cost - steps[i - 1].cost. Zero out of range. */
XBR_API xbr_cost_breakdown_t xbr_chain_step_added(const xbr_chain_way_t *way, size_t i);

/*
 * Appends `chain` (from xbr_chain_run(sc)) to `out` as text (each way step by step, then the
 * three side by side) or JSON (schema xbroute.chain/1). XBR_EINPUT for another format (there is
 * no CSV), XBR_ENOMEM (the buffer may then hold part of the output: discard it).
 */
XBR_API xbr_status_t xbr_chain_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                     const xbr_chain_t *chain, xbr_format_t format);

/*
 * The price build-up of one way as a waterfall chart (xbr_svg_waterfall(), 900 px wide): the
 * factory price (with the factory gate's handling), what each link and the node it reaches add
 * ("sea to P_LA"), and the consumer price, under `title`. Appends one SVG document to `out`.
 * XBR_EINPUT (with a diagnostic) when the way was not found, XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_chain_waterfall(xbr_buf_t *out, const xbr_scenario_t *sc,
                                         const xbr_chain_t *chain, xbr_chain_kind_t kind,
                                         const char *title, xbr_diags_t *diags);

/*
 * One SVG document, top to bottom (each chart nested as its own <svg>): who keeps what of the
 * chain's price as one stacked bar per way found (xbr_svg_stacked_bars(); an exporter's loss is
 * drawn as 0 and named under its bar), then the waterfall of each way found, titled "KIND:
 * PRODUCT into MARKET", all waterfalls on one scale (the highest running price of any way, or
 * the split's price, and the widest step label: xbr_svg_waterfall_scaled()). XBR_ENOMEM, or a
 * chart's status.
 */
XBR_API xbr_status_t xbr_chain_svg(xbr_buf_t *out, const xbr_scenario_t *sc,
                                   const xbr_chain_t *chain, xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_CHAIN_H */
