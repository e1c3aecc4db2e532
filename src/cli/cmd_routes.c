/*
 * cmd_routes.c - `xbroute routes`: for one product from its origin(s) to one market, the
 * complete Pareto set of routes on landed cost and consumer days (optionally CO2e), and the k
 * best alternatives by generalised cost.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf(
        "Usage: xbroute routes SCENARIO --product P --to MARKET [--from FACTORY] [--k N]\n"
        "                      [--criteria cost,days|cost,days,co2e] [--format text|json|csv]\n"
        "                      [-o FILE] [--geojson FILE]\n\n"
        "Every Pareto-optimal route for product P into MARKET: no other route is both cheaper\n"
        "per unit landed and faster to the consumer (and, with --criteria cost,days,co2e, lower\n"
        "in CO2e). Routes are direct (air, express, post, sea, rail), stocked in an overseas\n"
        "warehouse (warehouse-<mode>), through a foreign retailer (b2b2c) or through the\n"
        "traditional chain; each shows its China customs regime code. With --k N, also the N\n"
        "best routes by generalised cost = cost + value_of_time_per_day x days.\n\n"
        "Options:\n"
        "  --product P      product id (required)\n"
        "  --to MARKET      market node id (required)\n"
        "  --from FACTORY   origin factory (default: every origin of the product)\n"
        "  --k N            also list the N best alternatives by generalised cost\n"
        "  --criteria C     cost,days (default) or cost,days,co2e\n"
        "  --format F       text (default), json (schema xbroute.routes/1) or csv\n"
        "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
        "  --geojson FILE   also write the Pareto routes as GeoJSON (RFC 7946)\n\n"
        "Exit codes: 0 ok, 1 usage, 2 bad input, 3 no route at all.\n");
}

typedef struct {
    xbr_route_t *items;
    size_t count;
    size_t cap;
} route_list_t;

/* Moves the routes of `set` into `list` (the set is left empty). */
static int take_routes(route_list_t *list, xbr_route_set_t *set)
{
    if (set->count == 0)
        return 0;
    if (list->count + set->count > list->cap) {
        size_t cap = (list->count + set->count) * 2;
        xbr_route_t *items = realloc(list->items, cap * sizeof *items);
        if (items == NULL)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    memcpy(list->items + list->count, set->routes, set->count * sizeof *set->routes);
    list->count += set->count;
    set->count = 0; /* ownership moved */
    return 0;
}

static void list_free(route_list_t *list)
{
    for (size_t i = 0; i < list->count; i++)
        xbr_route_destroy(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

static bool dominates(const xbr_route_t *a, const xbr_route_t *b, bool co2e)
{
    if (a->cost.total > b->cost.total || a->days > b->days || (co2e && a->co2e_kg > b->co2e_kg))
        return false;
    return a->cost.total < b->cost.total || a->days < b->days || (co2e && a->co2e_kg < b->co2e_kg);
}

/* Routes from several origins: keeps those no other route dominates (each origin's set is
 * already Pareto; a route can only be dominated by another origin's). O(n^2), n small. */
static void pareto_filter(route_list_t *list, bool co2e)
{
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        bool dominated = false;
        for (size_t k = 0; k < list->count && !dominated; k++)
            dominated = k != i && dominates(&list->items[k], &list->items[i], co2e);
        if (dominated)
            xbr_route_destroy(&list->items[i]);
        else
            list->items[kept++] = list->items[i];
    }
    list->count = kept;
}

static int cmp_cost(const void *a, const void *b)
{
    const xbr_route_t *x = a, *y = b;
    if (x->cost.total != y->cost.total)
        return x->cost.total < y->cost.total ? -1 : 1;
    if (x->days != y->days)
        return x->days < y->days ? -1 : 1;
    return (x->origin > y->origin) - (x->origin < y->origin);
}

static int cmp_generalised(const void *a, const void *b)
{
    const xbr_route_t *x = a, *y = b;
    if (x->generalised_cost != y->generalised_cost)
        return x->generalised_cost < y->generalised_cost ? -1 : 1;
    return cmp_cost(a, b);
}

static void text_table(xbr_buf_t *b, const xbr_scenario_t *sc, const route_list_t *list)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_printf(b, "  %2s  %-16s %6s %10s %7s %9s %8s  %s\n", "#", "class", "regime",
                   "cost/unit", "days", "lead time", "CO2e kg", "promise");
    for (size_t i = 0; i < list->count; i++) {
        const xbr_route_t *r = &list->items[i];
        double promise = xbr_route_promise_days(sc, r);
        char lead[32] = "-";
        if (r->stock_at >= 0)
            snprintf(lead, sizeof lead, "%.1f", r->lead_time_days);
        xbr_buf_printf(b, "  %2zu  %-16s %6s %10.2f %7.1f %9s %8.3f  %s\n", i + 1, r->class_name,
                       xbr_regime_name(r->regime), r->cost.total, r->days, lead, r->co2e_kg,
                       !isfinite(promise)          ? "-"
                       : r->days <= promise + 1e-9 ? "met"
                                                   : "missed");
    }
    xbr_buf_puts(b, "\n  paths:\n");
    for (size_t i = 0; i < list->count; i++) {
        xbr_buf_printf(b, "  %2zu  ", i + 1);
        xbr_route_path_text(b, net, &list->items[i]);
        if (list->items[i].stock_at >= 0)
            xbr_buf_printf(b, "  (stock at %s)", net->nodes[list->items[i].stock_at].id);
        xbr_buf_puts(b, "\n");
    }
    xbr_buf_printf(b, "\n  cost per unit (%s):\n", net->currency ? net->currency : "USD");
    xbr_buf_printf(b, "  %2s %9s %8s %9s %7s %7s %7s %8s %7s %7s %8s %7s %8s\n", "#", "transport",
                   "handling", "clearance", "duty", "vat", "markup", "transit", "storage",
                   "capital", "wh fixed", "carbon", "total");
    for (size_t i = 0; i < list->count; i++) {
        const xbr_cost_breakdown_t *c = &list->items[i].cost;
        xbr_buf_printf(b,
                       "  %2zu %9.2f %8.2f %9.2f %7.2f %7.2f %7.2f %8.3f %7.3f %7.3f %8.3f %7.3f "
                       "%8.2f\n",
                       i + 1, c->transport, c->handling, c->clearance, c->duty, c->vat, c->markup,
                       c->in_transit, c->storage, c->capital, c->warehouse_fixed, c->carbon,
                       c->total);
    }
}

static void csv_rows(xbr_buf_t *b, const xbr_scenario_t *sc, const char *set,
                     const route_list_t *list)
{
    const xbr_network_t *net = sc->network;
    for (size_t i = 0; i < list->count; i++) {
        const xbr_route_t *r = &list->items[i];
        const xbr_cost_breakdown_t *c = &r->cost;
        double promise = xbr_route_promise_days(sc, r);
        xbr_buf_printf(b,
                       "%s,%zu,%s,%s,%s,%s,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,"
                       "%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%s,",
                       set, i + 1, sc->products[r->product].id, net->nodes[r->origin].id,
                       net->nodes[r->market].id, r->class_name, xbr_regime_name(r->regime),
                       c->total, c->transport, c->handling, c->clearance, c->duty, c->vat,
                       c->markup, c->in_transit, c->storage, c->capital, c->warehouse_fixed,
                       c->carbon, r->days, r->lead_time_days, r->co2e_kg, r->consumer_price,
                       r->factory_share, r->generalised_cost,
                       !isfinite(promise)          ? ""
                       : r->days <= promise + 1e-9 ? "true"
                                                   : "false");
        xbr_route_path_text(b, net, r);
        xbr_buf_puts(b, "\n");
    }
}

int cmd_routes(int argc, char **argv)
{
    const char *path = NULL, *product_id = NULL, *to_id = NULL, *from_id = NULL;
    cli_output_t o = {7u, CLI_OUT_GEOJSON, CLI_FORMAT_TEXT, NULL, NULL, NULL, NULL};
    long k = 0;
    xbr_criteria_t criteria = XBR_CRITERIA_COST_DAYS;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int taken = cli_output_option("routes", argc, argv, &i, &o);
        if (taken < 0)
            return 1;
        if (taken > 0)
            continue;
        if (cli_is_help(a)) {
            help();
            return 0;
        } else if (strcmp(a, "--product") == 0 && v) {
            product_id = v;
            i++;
        } else if (strcmp(a, "--to") == 0 && v) {
            to_id = v;
            i++;
        } else if (strcmp(a, "--from") == 0 && v) {
            from_id = v;
            i++;
        } else if (strcmp(a, "--k") == 0 && v) {
            char *end = NULL;
            k = strtol(v, &end, 10);
            if (*end != '\0' || k < 1 || k > 1000)
                return cli_usage_error("routes", "--k needs an integer from 1 to 1000");
            i++;
        } else if (strcmp(a, "--criteria") == 0 && v) {
            if (strcmp(v, "cost,days") == 0)
                criteria = XBR_CRITERIA_COST_DAYS;
            else if (strcmp(v, "cost,days,co2e") == 0)
                criteria = XBR_CRITERIA_COST_DAYS_CO2E;
            else
                return cli_usage_error("routes", "--criteria is cost,days or cost,days,co2e");
            i++;
        } else if (cli_positional("routes", a, &path) != 0) {
            return 1;
        }
    }
    if (path == NULL || product_id == NULL || to_id == NULL)
        return cli_usage_error("routes", "needs SCENARIO, --product and --to");

    xbr_scenario_t *sc = NULL;
    int rc = cli_load_scenario(path, &sc);
    if (rc != 0)
        return rc;
    const xbr_network_t *net = sc->network;
    int product = xbr_scenario_find_product(sc, product_id);
    int market = xbr_network_find_node(net, to_id);
    int from = from_id ? xbr_network_find_node(net, from_id) : -1;
    xbr_router_t *router = NULL;
    route_list_t pareto = {0}, alts = {0};
    xbr_buf_t out;
    xbr_buf_init(&out);
    if (product < 0) {
        rc = cli_input_error("routes", "unknown product '%s' in %s", product_id, path);
        goto done;
    }
    if (market < 0 || net->nodes[market].type != XBR_NODE_MARKET) {
        rc = cli_input_error("routes", "'%s' is not a market node of the network", to_id);
        goto done;
    }
    if (from_id != NULL && (from < 0 || net->nodes[from].type != XBR_NODE_FACTORY)) {
        rc = cli_input_error("routes", "'%s' is not a factory node of the network", from_id);
        goto done;
    }
    const xbr_product_t *p = &sc->products[product];
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_router_new(sc, &router);
    size_t n_origins = from >= 0 ? 1 : p->n_origins;
    for (size_t oi = 0; oi < n_origins && st == XBR_OK; oi++) {
        int origin = from >= 0 ? from : p->origins[oi];
        xbr_route_set_t *set = NULL;
        st = xbr_routes_pareto(sc, router, product, origin, market, criteria, &set, &diags);
        if (st == XBR_OK && take_routes(&pareto, set) != 0)
            st = XBR_ENOMEM;
        xbr_route_set_free(set);
        if (st == XBR_OK && k > 0) {
            set = NULL;
            st = xbr_routes_k_best(sc, router, product, origin, market, (size_t)k, &set, &diags);
            if (st == XBR_OK && take_routes(&alts, set) != 0)
                st = XBR_ENOMEM;
            xbr_route_set_free(set);
        }
    }
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        fprintf(stderr, "xbroute routes: %s\n", xbr_status_text(st));
        rc = xbr_status_exit_code(st);
        goto done;
    }
    if (n_origins > 1)
        pareto_filter(&pareto, criteria == XBR_CRITERIA_COST_DAYS_CO2E);
    if (pareto.count > 1)
        qsort(pareto.items, pareto.count, sizeof *pareto.items, cmp_cost);
    if (alts.count > 1)
        qsort(alts.items, alts.count, sizeof *alts.items, cmp_generalised);
    while (alts.count > (size_t)k)
        xbr_route_destroy(&alts.items[--alts.count]);
    if (pareto.count == 0) {
        fprintf(stderr,
                "xbroute routes: no route for %s from %s to %s: no path over open links and "
                "nodes that the model allows (direct, via a retailer, or stocked at a "
                "warehouse)\n",
                product_id, from_id ? from_id : "its origins", to_id);
        rc = 3;
        goto done;
    }

    if (o.format == CLI_FORMAT_JSON) {
        xbr_json_t j;
        xbr_json_init(&j, &out);
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "schema", "xbroute.routes/1");
        xbr_json_string(&j, "scenario", sc->name);
        xbr_json_string(&j, "product", product_id);
        xbr_json_string(&j, "market", to_id);
        xbr_json_array_begin(&j, "criteria");
        xbr_json_string(&j, NULL, "cost");
        xbr_json_string(&j, NULL, "days");
        if (criteria == XBR_CRITERIA_COST_DAYS_CO2E)
            xbr_json_string(&j, NULL, "co2e");
        xbr_json_array_end(&j);
        xbr_json_string(&j, "currency", net->currency ? net->currency : "USD");
        xbr_json_array_begin(&j, "pareto");
        for (size_t i = 0; i < pareto.count; i++)
            xbr_route_write_json(&j, NULL, sc, &pareto.items[i]);
        xbr_json_array_end(&j);
        xbr_json_array_begin(&j, "alternatives");
        for (size_t i = 0; i < alts.count; i++)
            xbr_route_write_json(&j, NULL, sc, &alts.items[i]);
        xbr_json_array_end(&j);
        xbr_json_object_end(&j);
    } else if (o.format == CLI_FORMAT_CSV) {
        xbr_buf_puts(&out, "set,rank,product,origin,market,class,regime,cost_total,transport,"
                           "handling,clearance,duty,vat,markup,in_transit,storage,capital,"
                           "warehouse_fixed,carbon,days,lead_time_days,co2e_kg,consumer_price,"
                           "factory_share,generalised_cost,meets_promise,path\n");
        csv_rows(&out, sc, "pareto", &pareto);
        csv_rows(&out, sc, "alternative", &alts);
    } else {
        double promise = p->max_days[market];
        xbr_buf_printf(&out, "routes for %s into %s from %s (demand %g units/week", product_id,
                       to_id, from_id ? from_id : "its origins", p->demand_per_week[market]);
        if (isfinite(promise))
            xbr_buf_printf(&out, ", promise %g days)\n", promise);
        else
            xbr_buf_puts(&out, ", no promise)\n");
        xbr_buf_printf(&out, "\nPareto set on %s: %zu routes\n\n",
                       criteria == XBR_CRITERIA_COST_DAYS ? "landed cost and consumer days"
                                                          : "landed cost, consumer days and CO2e",
                       pareto.count);
        text_table(&out, sc, &pareto);
        if (k > 0) {
            xbr_buf_printf(&out,
                           "\n%zu best by generalised cost (value of time %g per unit-day)\n\n",
                           alts.count, sc->value_of_time_per_day);
            text_table(&out, sc, &alts);
        }
    }
    rc = cli_emit(&out, o.out);
    if (rc == 0 && o.geojson != NULL)
        rc = cli_write_routes_geojson(o.geojson, sc, pareto.items, pareto.count);
done:
    list_free(&pareto);
    list_free(&alts);
    xbr_buf_free(&out);
    xbr_router_free(router);
    xbr_scenario_free(sc);
    return rc;
}
