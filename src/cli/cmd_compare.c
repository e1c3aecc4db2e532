/*
 * cmd_compare.c - `xbroute compare SCENARIO`: for every product x market, the best route of
 * each class side by side, the winner under the promise, and why the others lose.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute compare SCENARIO [--design optimize|none|FILE] [--summary]\n"
           "                       [--format text|json|csv] [-o FILE] [--geojson FILE]\n"
           "                       [--svg FILE] [--simulate N [--seed S]]\n\n"
           "For every product and every market with demand, the best route of each class side\n"
           "by side: direct air, express, post, sea and rail; stocked in an overseas warehouse\n"
           "(warehouse-sea, -rail, -air); b2b2c: the factory sells straight to a foreign\n"
           "retailer, which sells to the consumer; traditional: the six-link chain that\n"
           "'xbroute chain' shows, through an exporter, an importer, a wholesaler and a\n"
           "retailer (general trade); short-chain: through a retailer and one or two of the\n"
           "exporter, importer and wholesaler (an export trading company selling to a foreign\n"
           "online retailer, say). The winner is the cheapest route per unit landed\n"
           "that meets the promise (max_days); every other class says why it loses: too\n"
           "costly (by how much), too slow (its fastest route against the promise), closed\n"
           "(only through closed links or nodes), or no route.\n\n"
           "Into a market of business buyers (\"buyer\": \"business\") a direct route is one\n"
           "platform order (a carton, a pallet) exported under 9710: classes b2b-air,\n"
           "b2b-express, b2b-sea...; stock abroad stays warehouse-<mode> (9810).\n\n"
           "Routes are priced within a network design: by default the one 'optimize\n"
           "--single-source' chooses (its open warehouses). A warehouse's weekly fixed cost is\n"
           "then shared by volume over the units it stocks; classes are ranked by their cost\n"
           "before fixed costs (paid anyway once a warehouse is open), so the winners are the\n"
           "optimizer's flows; a class only a closed warehouse serves \"needs W opened\"\n"
           "(priced as if W were opened for this product and market alone).\n\n"
           "Options:\n"
           "  --design D       optimize (default), none (each pair alone: a warehouse's whole\n"
           "                   weekly fixed cost on its units), or a design FILE\n"
           "  --format F       text (default), json (schema xbroute.compare/1) or csv\n"
           "  --summary        text: only the winner of each pair and the week's totals\n"
           "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
           "  --geojson FILE   also write the winning routes as GeoJSON (RFC 7946)\n"
           "  --simulate N     also simulate each class's route N times (see xbroute simulate)\n"
           "                   and show its P90 days and on-time share against the promise\n"
           "  --seed S         the simulation's seed (default 1)\n"
           "  --svg FILE       also write a chart of where the money goes: the winning route's\n"
           "                   cost per unit of each product x market, split by component\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market has no route at "
           "all.\n");
}

/* The "where the money goes" chart of the winners; returns an exit code. */
static int write_svg(const char *path, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    xbr_buf_t buf;
    xbr_diags_t diags;
    xbr_buf_init(&buf);
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_compare_cost_chart(&buf, sc, cmp, &diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : cli_exit(st);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_destroy(&buf);
    return rc;
}

typedef struct {
    int format;
    const char *out;
    const char *geojson;
    const char *svg;
    unsigned long long sim_runs;
    unsigned long long seed;
    const char *design;
    bool summary;
} compare_opts_t;

static const cli_option_t options[] = {
    CLI_FORMAT(compare_opts_t, format),
    CLI_OUTPUT("--output", "-o", compare_opts_t, out),
    CLI_OUTPUT("--geojson", NULL, compare_opts_t, geojson),
    CLI_OUTPUT("--svg", NULL, compare_opts_t, svg),
    CLI_UINT("--simulate", compare_opts_t, sim_runs, 1, XBR_SIM_MAX_RUNS, "a positive integer"),
    CLI_UINT("--seed", compare_opts_t, seed, 0, 18446744073709551615.0, "a non-negative integer"),
    CLI_INPUT("--design", compare_opts_t, design, "optimize, none or a design file"),
    CLI_FLAG("--summary", compare_opts_t, summary),
};

static const cli_spec_t spec =
    CLI_SCENARIO_SPEC("compare", options, CLI_FMT_ALL, "no scenario given", help, NULL);

/* The winning routes (borrowed from cmp) as GeoJSON. */
static int write_winners_geojson(const char *path, const xbr_scenario_t *sc,
                                 const xbr_compare_t *cmp)
{
    size_t n = 0;
    xbr_route_t *winners = calloc(cmp->n_rows ? cmp->n_rows : 1, sizeof *winners);
    if (winners == NULL)
        return cli_oom();
    for (size_t i = 0; i < cmp->n_rows; i++)
        if (cmp->rows[i].winner >= 0)
            winners[n++] = cmp->rows[i].classes[cmp->rows[i].winner].route; /* borrowed */
    int rc = cli_write_routes_geojson(path, sc, winners, n);
    free(winners);
    return rc;
}

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const compare_opts_t *o = opts_;
    xbr_compare_t *cmp = NULL;
    xbr_design_t *design = NULL;
    xbr_sim_t *sim = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    int rc = cli_compare_in_design(cmd, sc, o->design, &design, &cmp, &diags);
    if (rc == 0 && o->sim_runs > 0)
        rc = cli_report(
            cmd, "simulation",
            xbr_simulate_compare(sc, cmp, (size_t)o->sim_runs, (uint64_t)o->seed, 1, &sim, &diags),
            &diags);
    xbr_diags_destroy(&diags);
    if (rc != 0) {
        xbr_compare_free(cmp);
        xbr_design_free(design);
        return rc;
    }
    xbr_buf_t out;
    xbr_buf_init(&out);
    xbr_status_t st = o->summary && o->format == XBR_FORMAT_TEXT
                          ? xbr_compare_write_summary(&out, sc, cmp)
                          : xbr_compare_write(&out, sc, cmp, sim, (xbr_format_t)o->format);
    rc = cli_report(cmd, NULL, st, NULL);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    if (rc == 0 && o->geojson != NULL)
        rc = write_winners_geojson(o->geojson, sc, cmp);
    if (rc == 0 && o->svg != NULL)
        rc = write_svg(o->svg, sc, cmp);
    if (rc == 0)
        rc = cli_unserved(cmd, cmp->n_unserved);
    xbr_buf_destroy(&out);
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    xbr_design_free(design);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    compare_opts_t o = {.format = XBR_FORMAT_TEXT, .seed = 1};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
