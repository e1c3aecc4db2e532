/*
 * cmd_generate.c - `xbroute generate`: a synthetic network and scenario of a given size, for
 * benchmarks and tests (see xbroute/generate.h for what is in them).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute generate --links N [--seed S] [--factories F] [--markets M]\n"
           "                        [--warehouses W] [--products P]\n"
           "                        (-o DIR | --network FILE --scenario FILE)\n\n"
           "Writes a realistic synthetic network with exactly N links (1000 to 1900000)\n"
           "and a scenario on it, both accepted by 'xbroute validate'. The same arguments\n"
           "give the same bytes. Factories sit in Chinese manufacturing clusters; real CN\n"
           "and overseas ports (with Suez and Cape sea lanes), airports and rail terminals;\n"
           "overseas warehouses, importers, wholesalers, retailers and markets in US, DE,\n"
           "GB, FR, NL, PL, JP, AU, BE and ES; links of every mode. The network has about\n"
           "N/20 nodes.\n\n"
           "Options:\n"
           "  --links N       number of links; a k or M suffix multiplies by 1000 or 1000000\n"
           "  --seed S        PRNG seed, 0 to 2^64-1 (default 1)\n"
           "  --factories F   factories (default N/400, at least 10)\n"
           "  --markets M     markets (default: so that the network has about N/20 nodes)\n"
           "  --warehouses W  overseas warehouses (default N/4000, at least 10)\n"
           "  --products P    products in the scenario (default 5)\n"
           "  -o DIR          write DIR/network.json and DIR/scenario.json (DIR is created)\n"
           "  --network FILE, --scenario FILE\n"
           "                  write the two files there instead; the scenario names the\n"
           "                  network by its path relative to the scenario's folder\n");
}

/* The counts (0: not given) may carry a k or M suffix. */
typedef struct {
    unsigned long long links, factories, markets, warehouses, products;
    unsigned long long seed;
    const char *dir, *network, *scenario;
} generate_opts_t;

#define COUNT_WHAT "a whole number (k and M suffixes allowed)"
static const cli_option_t options[] = {
    CLI_COUNT("--links", generate_opts_t, links, 0, 1e15, COUNT_WHAT),
    CLI_COUNT("--factories", generate_opts_t, factories, 0, 1e15, COUNT_WHAT),
    CLI_COUNT("--markets", generate_opts_t, markets, 0, 1e15, COUNT_WHAT),
    CLI_COUNT("--warehouses", generate_opts_t, warehouses, 0, 1e15, COUNT_WHAT),
    CLI_COUNT("--products", generate_opts_t, products, 0, 1e15, COUNT_WHAT),
    CLI_UINT("--seed", generate_opts_t, seed, 0, 18446744073709551615.0,
             "a number from 0 to 2^64-1"),
    CLI_OUTPUT("--output", "-o", generate_opts_t, dir),
    CLI_STRING("--network", NULL, generate_opts_t, network, "a file name"),
    CLI_STRING("--scenario", NULL, generate_opts_t, scenario, "a file name"),
};

static const cli_spec_t spec = {.cmd = "generate",
                                .options = options,
                                .n_options = sizeof options / sizeof options[0],
                                .formats = 0,
                                .min_args = 0,
                                .max_args = 0,
                                .missing = NULL,
                                .help = help};

/* The generator's parameters from the options; returns 0 or a usage error's exit code. */
static int make_params(const generate_opts_t *o, xbr_generate_params_t *p)
{
    xbr_generate_params_init(p);
    p->seed = (uint64_t)o->seed;
    p->links = (size_t)o->links;
    p->factories = (size_t)o->factories;
    p->markets = (size_t)o->markets;
    p->warehouses = (size_t)o->warehouses;
    p->products = (size_t)o->products;
    if (o->links == 0)
        return cli_usage_error(spec.cmd, "--links N is required");
    if (o->dir != NULL && (o->network != NULL || o->scenario != NULL))
        return cli_usage_error(spec.cmd, "give -o DIR or --network/--scenario, not both");
    if (o->dir == NULL && (o->network == NULL || o->scenario == NULL))
        return cli_usage_error(spec.cmd, "give -o DIR, or both --network FILE and "
                                         "--scenario FILE");
    if (p->links < XBR_GENERATE_MIN_LINKS || p->links > XBR_GENERATE_MAX_LINKS)
        return cli_usage_error(spec.cmd, "--links must be from %u to %u", XBR_GENERATE_MIN_LINKS,
                               XBR_GENERATE_MAX_LINKS);
    return 0;
}

/* Prints the generator's diagnostics as "xbroute generate: [FILE: ]WHAT[; expected ...]". */
static void print_diags(xbr_diags_t *diags)
{
    for (size_t k = 0; k < diags->count; k++) {
        const xbr_diag_t *d = &diags->items[k];
        fprintf(stderr, "xbroute generate: %s%s%s%s%s\n", d->file ? d->file : "",
                d->file ? ": " : "", d->what, d->expected ? "; expected " : "",
                d->expected ? d->expected : "");
    }
    xbr_diags_clear(diags);
}

/* A new "DIR/NAME". */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + 1 + strlen(name) + 1;
    char *p = malloc(n);
    if (p != NULL)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* The two file names (creating -o DIR), and the network's name relative to the scenario's
 * folder; returns an exit code. */
static int name_files(const generate_opts_t *o, char **net_file, char **sc_file, char **ref)
{
    if (o->dir != NULL && mkdir(o->dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "xbroute generate: cannot create %s: %s\n", o->dir, strerror(errno));
        return 2;
    }
    *net_file = o->dir != NULL ? join(o->dir, "network.json") : strdup(o->network);
    *sc_file = o->dir != NULL ? join(o->dir, "scenario.json") : strdup(o->scenario);
    if (*net_file == NULL || *sc_file == NULL)
        return cli_oom();
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_path_relative(*net_file, *sc_file, ref, &diags);
    print_diags(&diags);
    xbr_diags_destroy(&diags);
    return cli_exit(st);
}

/* Generates with `p` and writes both files; returns an exit code. */
static int run(xbr_generate_params_t *p, const char *net_file, const char *sc_file)
{
    xbr_buf_t nb, sb;
    xbr_diags_t diags;
    xbr_generate_stats_t stats;
    xbr_buf_init(&nb);
    xbr_buf_init(&sb);
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_generate(p, &nb, &sb, &stats, &diags);
    print_diags(&diags);
    xbr_diags_destroy(&diags);
    int rc = cli_exit(st);
    if (rc == 0)
        rc = cli_emit(&nb, net_file);
    if (rc == 0)
        rc = cli_emit(&sb, sc_file);
    if (rc == 0)
        printf("wrote %s: %zu nodes, %zu links (%zu factories, %zu warehouses, %zu markets)\n"
               "wrote %s: %zu products\n",
               net_file, stats.nodes, stats.links, stats.factories, stats.warehouses, stats.markets,
               sc_file, stats.products);
    xbr_buf_destroy(&nb);
    xbr_buf_destroy(&sb);
    return rc;
}

int cmd_generate(int argc, char **argv)
{
    generate_opts_t o = {.seed = 1};
    xbr_generate_params_t p;
    char *net_file = NULL, *sc_file = NULL, *ref = NULL;
    size_t n_args = 0;
    int rc = cli_parse(&spec, argc, argv, &o, NULL, &n_args);
    if (rc != CLI_RUN)
        return rc;
    rc = make_params(&o, &p);
    if (rc == 0)
        rc = name_files(&o, &net_file, &sc_file, &ref);
    if (rc == 0) {
        p.network_ref = ref;
        rc = run(&p, net_file, sc_file);
    }
    free(net_file);
    free(sc_file);
    free(ref);
    return rc;
}
