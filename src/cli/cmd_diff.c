/*
 * cmd_diff.c - `xbroute diff A.json B.json`: what changes between two scenarios. Loads both,
 * compares each within its design (as compare does) and hands the two comparisons to the
 * library (xbr_diff_run, xbr_diff_write).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute diff A.json B.json [--design optimize|none|FILE]\n"
           "                    [--format text|json|csv] [--all] [-o FILE]\n\n"
           "What changes from scenario A to scenario B. Each is compared as 'xbroute compare'\n"
           "does, within its own design, and the two are matched by product and market id:\n"
           "  - the week's winners: units, landed cost, mean days, the share via overseas\n"
           "    stock, and the optimizer's plan cost (absolute and %% change);\n"
           "  - the warehouses open in each design;\n"
           "  - the product x market pairs whose winner changes (class or warehouse), and those\n"
           "    whose winner stays but costs or takes another amount (cost and days, absolute\n"
           "    and %%);\n"
           "  - units per week by the winner's class and by its export regime.\n\n"
           "Options:\n"
           "  --design D   the design both are priced in, as compare's: optimize (default: each\n"
           "               scenario's own optimize --single-source design), none, or a FILE\n"
           "  --format F   text (default), json (schema xbroute.diff/1, every pair) or csv\n"
           "               (one line per pair)\n"
           "  --all        the text lists every pair, not only those that change or move\n"
           "  -o FILE      write to FILE (whole or not at all) instead of stdout\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market of either has no\n"
           "route at all.\n");
}

typedef struct {
    int format;
    const char *out;
    const char *design;
    bool all;
} diff_opts_t;

static const cli_option_t options[] = {
    CLI_FORMAT(diff_opts_t, format),
    CLI_OUTPUT("--output", "-o", diff_opts_t, out),
    CLI_INPUT("--design", diff_opts_t, design, "optimize, none or a design file"),
    CLI_FLAG("--all", diff_opts_t, all),
};

static const cli_spec_t spec = {
    .cmd = "diff",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .formats = CLI_FMT_ALL,
    .min_args = 2,
    .max_args = 2,
    .missing = "two scenarios are needed: A.json B.json",
    .help = help,
};

/* Loads both scenarios; refuses an output that is one of their files. */
static int load_both(const char *const *paths, const diff_opts_t *o, xbr_scenario_t *sc[2])
{
    int rc = 0;
    for (int k = 0; k < 2 && rc == 0; k++)
        rc = cli_load_scenario(paths[k], &sc[k]);
    for (int k = 0; k < 2 && rc == 0; k++)
        rc = cli_check_outputs(&spec, o, (const char *const *)sc[k]->files, sc[k]->n_files);
    return rc;
}

int cmd_diff(int argc, char **argv)
{
    diff_opts_t o = {.format = XBR_FORMAT_TEXT};
    const char *paths[2] = {NULL, NULL};
    size_t n_paths = 0;
    xbr_scenario_t *sc[2] = {NULL, NULL};
    xbr_design_t *design[2] = {NULL, NULL};
    xbr_compare_t *cmp[2] = {NULL, NULL};
    xbr_diff_t *diff = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_t out;
    xbr_buf_init(&out);
    int rc = cli_parse(&spec, argc, argv, &o, paths, &n_paths);
    if (rc != CLI_RUN)
        goto done;
    rc = load_both(paths, &o, sc);
    for (int k = 0; k < 2 && rc == 0; k++)
        rc = cli_compare_in_design("diff", sc[k], o.design, &design[k], &cmp[k], &diags);
    if (rc == 0)
        rc = cli_report("diff", NULL, xbr_diff_run(sc[0], cmp[0], sc[1], cmp[1], &diff), &diags);
    if (rc == 0)
        rc = cli_report("diff", NULL, xbr_diff_write(&out, diff, o.all, (xbr_format_t)o.format),
                        &diags);
    if (rc == 0)
        rc = cli_emit(&out, o.out);
    for (int k = 0; k < 2 && rc == 0; k++)
        rc = cli_unserved("diff", cmp[k]->n_unserved);
done:
    xbr_buf_destroy(&out);
    xbr_diff_free(diff);
    for (int k = 0; k < 2; k++) {
        xbr_compare_free(cmp[k]);
        xbr_design_free(design[k]);
        xbr_scenario_free(sc[k]);
    }
    xbr_diags_destroy(&diags);
    return rc;
}
