/*
 * present/write_routes.c - the routes result of one product into one market (xbr_routes_t,
 * xbroute/route.h) as text, JSON (schema xbroute.routes/1) and CSV: what `xbroute routes`
 * prints, written into a buffer (no printing here).
 *
 * The cost components come from XBR_COST_COMPONENT_LIST: one CSV column per component (its
 * name), one text column per component (text_column()). A route is shown with the shared route
 * writers of render.h (xbr_route_write_json(), xbr_route_path_text()), and the design the
 * routes are priced in (when there is one) with xbroute/design.h's writers. Money per unit in
 * the network's currency (USD when it names none), days, kg CO2e.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "present/internal.h"
#include "xbroute/design.h"
#include "xbroute/render.h"
#include "xbroute/route.h"

static const char *currency(const xbr_scenario_t *sc)
{
    return sc->network->currency ? sc->network->currency : "USD";
}

/* Whether `r` meets its product's promise at its market: 1 yes, 0 no, -1 there is none. */
static int meets_promise(const xbr_scenario_t *sc, const xbr_route_t *r)
{
    double promise = xbr_route_promise_days(sc, r);
    if (!isfinite(promise))
        return -1;
    return r->days <= promise + 1e-9;
}

/* ---- text -------------------------------------------------------------------------------- */

/* Where the text table's column of a component differs from the rule of text_column(): a
 * shorter heading keeps the table narrow. */
static const struct {
    const char *heading;
    int width;
} text_override[XBR_COST_COUNT] = {
    [XBR_COST_IN_TRANSIT] = {"transit", 8},
    [XBR_COST_ORIGIN_STOCK] = {"origin", 8},
    [XBR_COST_WAREHOUSE_FIXED] = {"wh fixed", 8},
};

/* The text table's column of component k: by rule its name as the heading, right-aligned in
 * max(7, length) characters; 2 decimals for the components before in_transit, 3 for the
 * smaller ones from in_transit on (inventory, warehouse, carbon). */
static void text_column(xbr_cost_component_t k, const char **heading, int *width, int *decimals)
{
    *heading = xbr_cost_component_name(k);
    *width = (int)strlen(*heading) > 7 ? (int)strlen(*heading) : 7;
    if (text_override[k].heading != NULL) {
        *heading = text_override[k].heading;
        *width = text_override[k].width;
    }
    *decimals = k < XBR_COST_IN_TRANSIT ? 2 : 3;
}

/* The cost per unit of each route of `set`, by component, one row per route. */
static void text_costs(xbr_buf_t *b, const xbr_route_set_t *set)
{
    const char *heading;
    int width, decimals;
    xbr_buf_printf(b, "  %2s", "#");
    for (int k = 0; k < XBR_COST_COUNT; k++) {
        text_column((xbr_cost_component_t)k, &heading, &width, &decimals);
        xbr_buf_printf(b, " %*s", width, heading);
    }
    xbr_buf_printf(b, " %8s\n", "total");
    for (size_t i = 0; i < set->count; i++) {
        const xbr_cost_breakdown_t *c = &set->routes[i].cost;
        xbr_buf_printf(b, "  %2zu", i + 1);
        for (int k = 0; k < XBR_COST_COUNT; k++) {
            text_column((xbr_cost_component_t)k, &heading, &width, &decimals);
            xbr_buf_printf(b, " %*.*f", width, decimals,
                           xbr_cost_component(c, (xbr_cost_component_t)k));
        }
        xbr_buf_printf(b, " %8.2f\n", c->total);
    }
}

/* The routes of `set` as a table (class, regime, cost, days, lead time, CO2e, promise), their
 * paths and their costs by component. */
static void text_table(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_route_set_t *set,
                       const xbr_design_t *design)
{
    static const char *const promise_text[] = {"-", "missed", "met"};
    const xbr_network_t *net = sc->network;
    xbr_buf_printf(b, "  %2s  %-16s %6s %10s %7s %9s %8s  %s\n", "#", "class", "regime",
                   "cost/unit", "days", "lead time", "CO2e kg", "promise");
    for (size_t i = 0; i < set->count; i++) {
        const xbr_route_t *r = &set->routes[i];
        char lead[32] = "-";
        if (r->stock_at >= 0)
            snprintf(lead, sizeof lead, "%.1f", r->lead_time_days);
        xbr_buf_printf(b, "  %2zu  %-16s %6s %10.2f %7.1f %9s %8.3f  %s\n", i + 1, r->class_name,
                       xbr_regime_name(r->regime), r->cost.total, r->days, lead, r->co2e_kg,
                       promise_text[meets_promise(sc, r) + 1]);
    }
    xbr_buf_puts(b, "\n  paths:\n");
    for (size_t i = 0; i < set->count; i++) {
        xbr_buf_printf(b, "  %2zu  ", i + 1);
        xbr_route_path_text(b, net, &set->routes[i]);
        int w = set->routes[i].stock_at;
        if (w >= 0)
            xbr_buf_printf(b, "  (stock at %s%s)", net->nodes[w].id,
                           xbr_design_is_open(design, w) ? "" : ", not open in the design");
        xbr_buf_puts(b, xbr__route_sale_text(&set->routes[i]));
        if (set->routes[i].interval_economic)
            xbr_buf_printf(b, "  (shipped every %g days: the economic interval)",
                           set->routes[i].interval_days);
        if (set->routes[i].rebate_wait_days > 0.0)
            xbr_buf_printf(b, "  (export VAT rebate waits %.1f days: %.3f a unit of capital)",
                           set->routes[i].rebate_wait_days, set->routes[i].rebate_capital);
        xbr_buf_puts(b, "\n");
    }
    xbr_buf_printf(b, "\n  cost per unit (%s):\n", currency(sc));
    text_costs(b, set);
}

static void write_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_routes_t *routes)
{
    const xbr_network_t *net = sc->network;
    const xbr_product_t *p = &sc->products[routes->product];
    double promise = p->max_days[routes->market];
    xbr_buf_printf(b, "routes for %s into %s from %s (demand %g units/week", p->id,
                   net->nodes[routes->market].id,
                   routes->origin >= 0 ? net->nodes[routes->origin].id : "its origins",
                   p->demand_per_week[routes->market]);
    if (isfinite(promise))
        xbr_buf_printf(b, ", promise %g days)\n", promise);
    else
        xbr_buf_puts(b, ", no promise)\n");
    xbr_design_write_text(b, net, routes->design,
                          "  a stocked route carries its warehouse's weekly fixed cost shared by "
                          "volume; at a warehouse\n  the design does not open, the whole of it "
                          "over this pair's demand\n");
    xbr_buf_printf(b, "\nPareto set on %s: %zu routes\n\n",
                   routes->criteria == XBR_CRITERIA_COST_DAYS
                       ? "landed cost and consumer days"
                       : "landed cost, consumer days and CO2e",
                   routes->pareto->count);
    text_table(b, sc, routes->pareto, routes->design);
    if (routes->k > 0) {
        xbr_buf_printf(b, "\n%zu best by generalised cost (value of time %g per unit-day)\n\n",
                       routes->alternatives->count, sc->value_of_time_per_day);
        text_table(b, sc, routes->alternatives, routes->design);
    }
}

/* ---- JSON -------------------------------------------------------------------------------- */

static void json_routes(xbr_json_t *j, const char *key, const xbr_scenario_t *sc,
                        const xbr_route_set_t *set)
{
    xbr_json_array_begin(j, key);
    for (size_t i = 0; i < set->count; i++)
        xbr_route_write_json(j, NULL, sc, &set->routes[i]);
    xbr_json_array_end(j);
}

static void write_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_routes_t *routes)
{
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.routes/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "product", sc->products[routes->product].id);
    xbr_json_string(&j, "market", sc->network->nodes[routes->market].id);
    xbr_json_array_begin(&j, "criteria");
    xbr_json_string(&j, NULL, "cost");
    xbr_json_string(&j, NULL, "days");
    if (routes->criteria == XBR_CRITERIA_COST_DAYS_CO2E)
        xbr_json_string(&j, NULL, "co2e");
    xbr_json_array_end(&j);
    xbr_json_string(&j, "currency", currency(sc));
    xbr_design_write_json(&j, "design", sc->network, routes->design);
    json_routes(&j, "pareto", sc, routes->pareto);
    json_routes(&j, "alternatives", sc, routes->alternatives);
    xbr_json_object_end(&j);
}

/* ---- CSV --------------------------------------------------------------------------------- */

static void csv_header(xbr_buf_t *b)
{
    xbr_buf_puts(b, "set,rank,product,origin,market,class,regime,cost_total");
    for (int k = 0; k < XBR_COST_COUNT; k++)
        xbr_buf_printf(b, ",%s", xbr_cost_component_name((xbr_cost_component_t)k));
    xbr_buf_puts(b, ",days,lead_time_days,co2e_kg,consumer_price,factory_share,"
                    "generalised_cost,meets_promise,path\n");
}

static void csv_rows(xbr_buf_t *b, const xbr_scenario_t *sc, const char *set_name,
                     const xbr_route_set_t *set)
{
    static const char *const promise_text[] = {"", "false", "true"};
    const xbr_network_t *net = sc->network;
    for (size_t i = 0; i < set->count; i++) {
        const xbr_route_t *r = &set->routes[i];
        xbr_buf_printf(b, "%s,%zu,%s,%s,%s,%s,%s,%.6g,", set_name, i + 1,
                       sc->products[r->product].id, net->nodes[r->origin].id,
                       net->nodes[r->market].id, r->class_name, xbr_regime_name(r->regime),
                       r->cost.total);
        for (int k = 0; k < XBR_COST_COUNT; k++)
            xbr_buf_printf(b, "%.6g,", xbr_cost_component(&r->cost, (xbr_cost_component_t)k));
        xbr_buf_printf(b, "%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%s,", r->days, r->lead_time_days,
                       r->co2e_kg, r->consumer_price, r->factory_share, r->generalised_cost,
                       promise_text[meets_promise(sc, r) + 1]);
        xbr_route_path_text(b, net, r);
        xbr_buf_puts(b, "\n");
    }
}

/* ---- the writer -------------------------------------------------------------------------- */

xbr_status_t xbr_routes_write(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_routes_t *routes,
                              xbr_format_t format)
{
    switch (format) {
    case XBR_FORMAT_TEXT:
        write_text(out, sc, routes);
        break;
    case XBR_FORMAT_JSON:
        write_json(out, sc, routes);
        break;
    case XBR_FORMAT_CSV:
        csv_header(out);
        csv_rows(out, sc, "pareto", routes->pareto);
        csv_rows(out, sc, "alternative", routes->alternatives);
        break;
    default:
        return XBR_EINPUT;
    }
    return out->failed ? XBR_ENOMEM : XBR_OK;
}
