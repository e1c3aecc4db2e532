/*
 * cmd_validate.c - `xbroute validate FILE...`: load each network or scenario file strictly and
 * report every problem. Exit 0 when all are valid, 2 when any is not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static int validate_one(const char *path, bool quiet, bool strict, size_t max_errors)
{
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    diags.max_errors = max_errors;
    int rc = 0;
    xbr_file_kind_t kind = xbr_file_kind(path, &diags);
    if (kind == XBR_FILE_NETWORK) {
        xbr_network_t *net = NULL;
        xbr_status_t st = xbr_network_load(path, &net, &diags);
        if (st == XBR_OK && !quiet && !(strict && diags.n_warnings))
            printf("%s: ok: network \"%s\", %zu nodes, %zu links, %zu countries\n", path,
                   net->name ? net->name : "", net->n_nodes, net->n_links, net->n_countries);
        rc = xbr_status_exit_code(st);
        xbr_network_free(net);
    } else if (kind == XBR_FILE_SCENARIO) {
        xbr_scenario_t *sc = NULL;
        xbr_status_t st = xbr_scenario_load(path, &sc, &diags);
        if (st == XBR_OK && !quiet && !(strict && diags.n_warnings))
            printf("%s: ok: scenario \"%s\", %zu products, %zu markets with demand, network "
                   "%zu nodes, %zu links\n",
                   path, sc->name ? sc->name : "", sc->n_products, sc->n_markets,
                   sc->network->n_nodes, sc->network->n_links);
        rc = xbr_status_exit_code(st);
        xbr_scenario_free(sc);
    } else {
        rc = 2;
    }
    if (rc == 0 && strict && diags.n_warnings > 0) {
        fprintf(stderr, "%s: %zu warnings, treated as errors (--strict)\n", path, diags.n_warnings);
        rc = 2;
    }
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    return rc;
}

int cmd_validate(int argc, char **argv)
{
    bool quiet = false, strict = false;
    size_t max_errors = 50;
    int n_files = 0;
    char **files = calloc((size_t)argc, sizeof *files);
    if (files == NULL)
        return 4;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            free(files);
            return 0;
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "--strict") == 0) {
            strict = true;
        } else if (strcmp(argv[i], "--max-errors") == 0) {
            char *end = NULL;
            long v = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : 0;
            if (i + 1 >= argc || *end != '\0' || v < 1) {
                free(files);
                return cli_usage_error("validate", "--max-errors needs a positive integer");
            }
            max_errors = (size_t)v;
            i++;
        } else if (strcmp(argv[i], "--") == 0) {
            for (int k = i + 1; k < argc; k++)
                files[n_files++] = argv[k];
            break;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            free(files);
            return cli_usage_error("validate", "unknown option '%s'", argv[i]);
        } else {
            files[n_files++] = argv[i];
        }
    }
    if (n_files == 0) {
        free(files);
        return cli_usage_error("validate", "no file given");
    }
    int worst = 0;
    for (int k = 0; k < n_files; k++) {
        int rc = validate_one(files[k], quiet, strict, max_errors);
        if (rc > worst)
            worst = rc;
    }
    free(files);
    /* Input problems are 2; an internal failure (4) stays 4. */
    return worst;
}
