/*
 * main.c - the xbroute command-line tool: dispatches to one function per subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_command_t commands[] = {
    {"validate", cmd_validate, "check network and scenario files; report every error"},
    {"info", cmd_info, "summarise a network or scenario: counts, unreachable markets"},
    {"routes", cmd_routes, "Pareto-optimal routes for one product into one market"},
    {"compare", cmd_compare, "every product x market: the best route of each class, the winner"},
    {"diff", cmd_diff, "what changes between two scenarios: winners, costs, warehouses, totals"},
    {"sweep", cmd_sweep,
     "step one parameter: each class's cost per value, where the winner changes"},
    {"chain", cmd_chain,
     "the six-link export chain against its e-commerce shortcuts, link by link"},
    {"optimize", cmd_optimize, "network design: which warehouses, which routes (GLPK MILP)"},
    {"simulate", cmd_simulate, "Monte Carlo of delivery days: mean, P50/P90/P95, on-time share"},
    {"resilience", cmd_resilience, "cuts, disjoint routes, hubs, and the cost of closing each"},
    {"batch", cmd_batch,
     "many scenarios in parallel: one summary record each; shardable, resumable"},
    {"merge", cmd_merge, "the shards of a batch run into one file, checked: each scenario once"},
    {"report", cmd_report, "a self-contained HTML report: map, winners, costs, the six-link chain"},
    {"map", cmd_map, "an SVG map of the winning routes (or of a routes file), sea legs on lanes"},
    {"generate", cmd_generate, "write a synthetic network and scenario for benchmarks"},
};

static void usage(FILE *out)
{
    fprintf(out, "Usage: xbroute COMMAND [OPTIONS] ...\n\n"
                 "xbroute plans cross-border logistics: which way to ship each product to each\n"
                 "market (air, express, post, sea, rail, overseas warehouse, traditional chain),\n"
                 "at what landed cost and delay.\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'xbroute COMMAND --help' for a command's options.\n"
                 "Exit codes: 0 ok, 1 usage, 2 bad input, 3 infeasible or nothing reachable, "
                 "4 internal error.\n");
}

static const cli_command_t *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown_command(const char *name)
{
    const char *names[sizeof commands / sizeof commands[0] + 1];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        names[i] = commands[i].name;
    names[sizeof commands / sizeof commands[0]] = NULL;
    const char *s = xbr_suggest(name, names);
    if (s != NULL)
        fprintf(stderr, "xbroute: unknown command '%s'; did you mean '%s'?\n", name, s);
    else
        fprintf(stderr, "xbroute: unknown command '%s'\n", name);
    usage(stderr);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    if (strcmp(argv[1], "help") == 0 && argc > 2) { /* xbroute help CMD = xbroute CMD --help */
        const cli_command_t *c = find_command(argv[2]);
        char *help_argv[] = {argv[2], "--help", NULL};
        return c != NULL ? c->run(2, help_argv) : unknown_command(argv[2]);
    }
    if (cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("xbroute %s\n", XBR_VERSION);
        return 0;
    }
    const cli_command_t *c = find_command(argv[1]);
    return c != NULL ? c->run(argc - 1, argv + 1) : unknown_command(argv[1]);
}
