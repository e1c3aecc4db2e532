/*
 * cmd_routes.c - `xbroute routes`: for one product from its origin(s) to one market, the
 * complete Pareto set of routes on landed cost and consumer days (optionally CO2e), and the k
 * best alternatives by generalised cost. The library finds them (xbr_routes_run(), which merges
 * several origins) and writes them (xbr_routes_write()); this file reads the options and ids.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf(
        "Usage: xbroute routes SCENARIO --product P --to MARKET [--from FACTORY] [--k N]\n"
        "                      [--criteria cost,days|cost,days,co2e] [--format text|json|csv]\n"
        "                      [-o FILE] [--geojson FILE] [--design optimize|none|FILE]\n\n"
        "Every Pareto-optimal route for product P into MARKET: no other route is both cheaper\n"
        "per unit landed and faster to the consumer (and, with --criteria cost,days,co2e, lower\n"
        "in CO2e). Routes are direct (air, express, post, sea, rail), stocked in an overseas\n"
        "warehouse (warehouse-<mode>), sold straight to a foreign retailer (b2b2c), through\n"
        "the six-link chain (traditional) or through part of it (short-chain); each shows\n"
        "its China customs regime code. With --k N, also the N best routes by generalised\n"
        "cost = cost + value_of_time_per_day x days.\n\n"
        "Options:\n"
        "  --product P      product id (required)\n"
        "  --to MARKET      market node id (required; --market is the same)\n"
        "  --from FACTORY   origin factory (default: every origin of the product)\n"
        "  --k N            also list the N best alternatives by generalised cost\n"
        "  --criteria C     cost,days (default) or cost,days,co2e\n"
        "  --format F       text (default), json (schema xbroute.routes/1) or csv\n"
        "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
        "  --geojson FILE   also write the Pareto routes as GeoJSON (RFC 7946)\n"
        "  --design D       price stocked routes within a network design: optimize (default:\n"
        "                   the warehouses optimize --single-source opens, each one's fixed\n"
        "                   cost shared by volume), none, or a design FILE (see compare)\n\n"
        "Exit codes: 0 ok, 1 usage, 2 bad input, 3 no route at all.\n");
}

typedef struct {
    int format;
    const char *out;
    const char *geojson;
    const char *product;
    const char *to;
    const char *from;
    const char *criteria;
    unsigned long long k;
    const char *design;
} routes_opts_t;

static const cli_option_t options[] = {
    CLI_STRING("--product", NULL, routes_opts_t, product, "a product id"),
    CLI_STRING("--to", "--market", routes_opts_t, to, "a market node id"),
    CLI_STRING("--from", NULL, routes_opts_t, from, "a factory node id"),
    CLI_UINT("--k", routes_opts_t, k, 1, 1000, "an integer from 1 to 1000"),
    CLI_STRING("--criteria", NULL, routes_opts_t, criteria, "cost,days or cost,days,co2e"),
    CLI_FORMAT(routes_opts_t, format),
    CLI_OUTPUT("--output", "-o", routes_opts_t, out),
    CLI_OUTPUT("--geojson", NULL, routes_opts_t, geojson),
    CLI_INPUT("--design", routes_opts_t, design, "optimize, none or a design file"),
};

/* The criteria named by --criteria (default cost,days); returns 0 or a usage error's code. */
static int parse_criteria(const char *cmd, const char *name, xbr_criteria_t *criteria)
{
    *criteria = XBR_CRITERIA_COST_DAYS;
    if (name == NULL || strcmp(name, "cost,days") == 0)
        return 0;
    if (strcmp(name, "cost,days,co2e") != 0)
        return cli_usage_error(cmd, "--criteria is cost,days or cost,days,co2e");
    *criteria = XBR_CRITERIA_COST_DAYS_CO2E;
    return 0;
}

/* --product and --to are required, and --criteria is one of two; before the scenario loads. */
static int check(const char *cmd, void *opts_)
{
    const routes_opts_t *o = opts_;
    xbr_criteria_t criteria;
    if (o->product == NULL || o->to == NULL)
        return cli_usage_error(cmd, "needs SCENARIO, --product and --to");
    return parse_criteria(cmd, o->criteria, &criteria);
}

static const cli_spec_t spec = CLI_SCENARIO_SPEC("routes", options, CLI_FMT_ALL,
                                                 "needs SCENARIO, --product and --to", help, check);

/* The product, market and origin (-1: all of the product's) the options name; returns 0 or an
 * input error's exit code. */
static int find_ids(const char *cmd, const xbr_scenario_t *sc, const routes_opts_t *o, int *product,
                    int *market, int *from)
{
    *from = -1;
    int rc = cli_find_product(cmd, sc, o->product, product);
    if (rc == 0)
        rc = cli_find_node_of(cmd, sc, o->to, XBR_NODE_MARKET, market);
    if (rc == 0 && o->from != NULL)
        rc = cli_find_node_of(cmd, sc, o->from, XBR_NODE_FACTORY, from);
    return rc;
}

/* Writes the routes found (the output, then the GeoJSON of the Pareto set); an exit code. */
static int emit(const xbr_scenario_t *sc, const routes_opts_t *o, const xbr_routes_t *routes)
{
    xbr_buf_t out;
    xbr_buf_init(&out);
    int rc = cli_report(spec.cmd, NULL, xbr_routes_write(&out, sc, routes, (xbr_format_t)o->format),
                        NULL);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    if (rc == 0 && o->geojson != NULL)
        rc =
            cli_write_routes_geojson(o->geojson, sc, routes->pareto->routes, routes->pareto->count);
    xbr_buf_destroy(&out);
    return rc;
}

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const routes_opts_t *o = opts_;
    xbr_criteria_t criteria;
    int product, market, from;
    int rc = parse_criteria(cmd, o->criteria, &criteria); /* checked: cannot fail here */
    if (rc == 0)
        rc = find_ids(cmd, sc, o, &product, &market, &from);
    if (rc != 0)
        return rc;
    xbr_routes_t *routes = NULL;
    xbr_design_t *design = NULL;
    xbr_router_t *router = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    rc = cli_report(cmd, "design", xbr_design_resolve(sc, o->design, &design, &diags), &diags);
    if (rc == 0)
        rc = cli_report(cmd, NULL, xbr_router_new(sc, &router), NULL);
    if (rc == 0) {
        xbr_router_set_design(router, design);
        rc = cli_report(cmd, NULL,
                        xbr_routes_run(sc, router, product, from, market, criteria, (size_t)o->k,
                                       &routes, &diags),
                        &diags);
    }
    xbr_diags_destroy(&diags);
    if (rc == 0 && routes->pareto->count == 0) {
        fprintf(stderr,
                "xbroute %s: no route for %s from %s to %s: no path over open links and nodes "
                "that the model allows (direct, via a retailer, or stocked at a warehouse)\n",
                cmd, o->product, o->from != NULL ? o->from : "its origins", o->to);
        rc = 3;
    } else if (rc == 0) {
        rc = emit(sc, o, routes);
    }
    xbr_routes_free(routes);
    xbr_router_free(router);
    xbr_design_free(design);
    return rc;
}

int cmd_routes(int argc, char **argv)
{
    routes_opts_t o = {.format = XBR_FORMAT_TEXT};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
