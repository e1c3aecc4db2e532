/*
 * cmd_validate.c - `xbroute validate FILE...`: load each network or scenario file strictly and
 * report every problem. Exit 0 when all are valid, 2 when any is not.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute validate [--quiet] [--strict] [--max-errors N] FILE...\n\n"
           "Checks network and scenario files (the kind is detected from the file) and prints\n"
           "every error and warning as FILE:LINE:COL: error: WHAT (ID, field NAME): EXPECTED.\n"
           "A scenario is checked together with the network and parent scenarios it names.\n\n"
           "Options:\n"
           "  --quiet          print only problems, not the one-line summary per valid file\n"
           "  --strict         treat warnings (unknown keys) as errors\n"
           "  --max-errors N   stop listing errors after N per file (default 50)\n\n"
           "Exit codes: 0 all valid, 1 usage, 2 any file invalid or unreadable.\n");
}

typedef struct {
    bool quiet;
    bool strict;
    unsigned long long max_errors;
} validate_opts_t;

static const cli_option_t options[] = {
    {"--quiet", "-q", CLI_OPT_FLAG, offsetof(validate_opts_t, quiet), 0, 0, 0, 0, NULL},
    CLI_FLAG("--strict", validate_opts_t, strict),
    CLI_UINT("--max-errors", validate_opts_t, max_errors, 1, 1e15, "a positive integer"),
};

/* The one-line summary of a valid file. */
static void print_ok(const char *path, const xbr_network_t *net, const xbr_scenario_t *sc)
{
    if (sc != NULL)
        printf("%s: ok: scenario \"%s\", %zu products, %zu markets with demand, network "
               "%zu nodes, %zu links\n",
               path, sc->name ? sc->name : "", sc->n_products, sc->n_markets, sc->network->n_nodes,
               sc->network->n_links);
    else
        printf("%s: ok: network \"%s\", %zu nodes, %zu links, %zu countries\n", path,
               net->name ? net->name : "", net->n_nodes, net->n_links, net->n_countries);
}

/* Loads one file, prints its summary and diagnostics; returns its exit code. */
static int validate_one(const char *path, const validate_opts_t *o)
{
    xbr_diags_t diags;
    xbr_network_t *net = NULL;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&diags);
    diags.max_errors = (size_t)o->max_errors;
    xbr_status_t st = xbr_file_load(path, &net, &sc, &diags);
    if (st == XBR_OK && !o->quiet && !(o->strict && diags.n_warnings))
        print_ok(path, net, sc);
    int rc = cli_exit(st);
    if (rc == 0 && o->strict && diags.n_warnings > 0) {
        fprintf(stderr, "%s: %zu warnings, treated as errors (--strict)\n", path, diags.n_warnings);
        rc = 2;
    }
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_network_free(net);
    xbr_scenario_free(sc);
    return rc;
}

int cmd_validate(int argc, char **argv)
{
    validate_opts_t o = {.max_errors = 50};
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    if (files == NULL)
        return cli_oom();
    const cli_spec_t spec = {.cmd = "validate",
                             .options = options,
                             .n_options = sizeof options / sizeof options[0],
                             .min_args = 1,
                             .max_args = (size_t)argc,
                             .missing = "no file given",
                             .help = help};
    int rc = cli_parse(&spec, argc, argv, &o, files, &n_files);
    if (rc == CLI_RUN) {
        /* Input problems are 2; an internal failure (4) stays 4. */
        rc = 0;
        for (size_t k = 0; k < n_files; k++) {
            int one = validate_one(files[k], &o);
            if (one > rc)
                rc = one;
        }
    }
    free(files);
    return rc;
}
