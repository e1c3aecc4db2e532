/*
 * cmd_resilience.c - `xbroute resilience SCENARIO`: cuts, disjoint routes, hubs, and the cost
 * of closing each critical node or link (xbroute/resilience.h).
 */
#include <stdio.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute resilience SCENARIO [--format text|json] [-o FILE] [--top N]\n"
           "                          [--no-closures]\n\n"
           "How fragile the open network is, for the factories and markets of the scenario:\n"
           "  - every node and link whose closure cuts some market off from some factory\n"
           "    (directed reachability, exact), beside the articulation points and bridges of\n"
           "    the undirected view (which may or may not matter for directed shipping);\n"
           "  - the number of edge-disjoint directed paths from each factory to each market;\n"
           "  - the hubs: nodes with the highest directed betweenness;\n"
           "  - each of those nodes and links closed in turn: the comparison re-run and, per\n"
           "    product x market, the change in the best route's cost and days, or \"cut off\";\n"
           "    ranked by the demand cut off, then the weekly cost increase (demand x extra\n"
           "    cost per unit).\n\n"
           "Options:\n"
           "  --format F       text (default) or json (schema xbroute.resilience/1)\n"
           "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
           "  --top N          hubs to list and close (default 5)\n"
           "  --no-closures    skip the re-comparisons (fast: the graph analysis only)\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 4 internal error.\n");
}

typedef struct {
    int format;
    const char *out;
    unsigned long long top;
    bool no_closures;
} resilience_opts_t;

static const cli_option_t options[] = {
    CLI_FORMAT(resilience_opts_t, format),
    CLI_OUTPUT("--output", "-o", resilience_opts_t, out),
    CLI_UINT("--top", resilience_opts_t, top, 0, 1000000, "a whole number from 0"),
    CLI_FLAG("--no-closures", resilience_opts_t, no_closures),
};

static const cli_spec_t spec =
    CLI_SCENARIO_SPEC("resilience", options, CLI_FMT_TEXT_JSON, "no scenario given", help, NULL);

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const resilience_opts_t *o = opts_;
    xbr_resilience_t *r = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    int rc = cli_report(
        cmd, NULL, xbr_resilience_run(sc, (size_t)o->top, !o->no_closures, &r, &diags), &diags);
    xbr_diags_destroy(&diags);
    xbr_buf_t out;
    xbr_buf_init(&out);
    if (rc == 0)
        rc =
            cli_report(cmd, NULL, xbr_resilience_write(&out, sc, r, (xbr_format_t)o->format), NULL);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    xbr_buf_destroy(&out);
    xbr_resilience_free(r);
    return rc;
}

int cmd_resilience(int argc, char **argv)
{
    resilience_opts_t o = {.format = XBR_FORMAT_TEXT, .top = 5};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
