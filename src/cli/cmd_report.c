/*
 * cmd_report.c - `xbroute report SCENARIO -o report.html`: one self-contained HTML page
 * (xbr_report_html) of the scenario's comparison.
 */
#include <stdio.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute report SCENARIO -o FILE.html [--design optimize|none|FILE]\n"
           "                      [--against A.json]\n\n"
           "Writes one self-contained HTML file (inline SVG and CSS, no network fetches,\n"
           "legible when printed): a world map of the winning route of each product into each\n"
           "market, coloured by class; the winners with the runner-up and why it lost; where\n"
           "the money goes (cost components); cost against days of every class; the\n"
           "traditional six-link chain against its e-commerce shortcuts as price build-ups;\n"
           "and the network with every source behind its figures. The comparison is priced\n"
           "within a network design, as compare's: --design optimize (default), none or FILE.\n"
           "--against A.json opens the page with what changes from scenario A to this one (as\n"
           "xbroute diff A.json SCENARIO): the week's totals, the winners that change, and the\n"
           "units by class of both on one scale.\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market has no route.\n");
}

typedef struct {
    const char *out;
    const char *design;
    const char *against;
} report_opts_t;

static const cli_option_t options[] = {
    CLI_OUTPUT("--output", "-o", report_opts_t, out),
    CLI_INPUT("--design", report_opts_t, design, "optimize, none or a design file"),
    CLI_INPUT("--against", report_opts_t, against, "a scenario file"),
};

#define NEEDS "needs SCENARIO and -o FILE.html"

/* -o is required: a usage error before the scenario loads. */
static int check(const char *cmd, void *opts_)
{
    const report_opts_t *o = opts_;
    return o->out == NULL ? cli_usage_error(cmd, NEEDS) : 0;
}

static const cli_spec_t spec = CLI_SCENARIO_SPEC("report", options, 0, NEEDS, help, check);

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const report_opts_t *o = opts_;
    xbr_compare_t *cmp = NULL;
    xbr_design_t *design = NULL;
    xbr_diags_t diags;
    xbr_buf_t out;
    xbr_diags_init(&diags);
    xbr_buf_init(&out);
    xbr_scenario_t *a = NULL;
    xbr_design_t *design_a = NULL;
    xbr_compare_t *cmp_a = NULL;
    xbr_diff_t *diff = NULL;
    int rc = cli_compare_in_design(cmd, sc, o->design, &design, &cmp, &diags);
    if (rc == 0 && o->against != NULL) {
        rc = cli_load_scenario(o->against, &a);
        if (rc == 0)
            rc = cli_check_outputs(&spec, o, (const char *const *)a->files, a->n_files);
        if (rc == 0)
            rc = cli_compare_in_design(cmd, a, o->design, &design_a, &cmp_a, &diags);
        if (rc == 0)
            rc = cli_report(cmd, NULL, xbr_diff_run(a, cmp_a, sc, cmp, &diff), &diags);
    }
    if (rc == 0)
        rc = cli_report(cmd, NULL, xbr_report_html_against(&out, sc, cmp, diff, &diags), &diags);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    if (rc == 0)
        rc = cli_unserved(cmd, cmp->n_unserved);
    xbr_diags_destroy(&diags);
    xbr_buf_destroy(&out);
    xbr_compare_free(cmp);
    xbr_design_free(design);
    xbr_diff_free(diff);
    xbr_compare_free(cmp_a);
    xbr_design_free(design_a);
    xbr_scenario_free(a);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    report_opts_t o = {NULL, NULL, NULL};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
