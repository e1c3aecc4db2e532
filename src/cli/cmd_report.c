/*
 * cmd_report.c - `xbroute report SCENARIO -o report.html`: one self-contained HTML page.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute report SCENARIO -o FILE.html\n\n"
           "Writes one self-contained HTML file (inline SVG and CSS, no network fetches,\n"
           "legible when printed): a world map of the winning route of each product into each\n"
           "market, coloured by class; the winners with the runner-up and why it lost; where\n"
           "the money goes (cost components); cost against days of every class; the\n"
           "traditional six-link chain against its e-commerce shortcuts as price build-ups;\n"
           "and the network with every source behind its figures.\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market has no route.\n");
}

int cmd_report(int argc, char **argv)
{
    const char *path = NULL, *out_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            help();
            return 0;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && i + 1 < argc) {
            out_path = argv[++i];
        } else if (cli_positional("report", a, &path) != 0) {
            return 1;
        }
    }
    if (path == NULL || out_path == NULL)
        return cli_usage_error("report", "needs SCENARIO and -o FILE.html");
    xbr_scenario_t *sc = NULL;
    int rc = cli_load_scenario(path, &sc);
    if (rc != 0)
        return rc;
    xbr_compare_t *cmp = NULL;
    xbr_diags_t diags;
    xbr_buf_t out;
    xbr_diags_init(&diags);
    xbr_buf_init(&out);
    xbr_status_t st = xbr_compare_run(sc, &cmp, &diags);
    if (st == XBR_OK)
        st = xbr_report_html(&out, sc, cmp, &diags);
    cli_print_diags(&diags);
    if (st != XBR_OK) {
        fprintf(stderr, "xbroute report: %s\n", xbr_status_text(st));
        rc = xbr_status_exit_code(st);
    } else {
        rc = cli_emit(&out, out_path);
        if (rc == 0 && cmp->n_unserved > 0)
            rc = 3;
    }
    xbr_diags_destroy(&diags);
    xbr_buf_free(&out);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
    return rc;
}
