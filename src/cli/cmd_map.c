/*
 * cmd_map.c - `xbroute map SCENARIO -o map.svg [--routes FILE]`: the SVG map of the winning
 * routes of the scenario's comparison (xbr_map_winners_svg), or of the routes of a
 * `routes --format json` file (xbr_map_routes_json_svg).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute map SCENARIO -o FILE.svg [--routes FILE] [--design optimize|none|FILE]\n"
           "                   [--width PX]\n\n"
           "Writes an SVG map: the winning route of each product into each market (as compare\n"
           "and report choose them), or with --routes the routes of a file written by\n"
           "'xbroute routes ... --format json'. Sea legs follow their sea lanes (the closures\n"
           "of the scenario included), air legs the great circle, land legs a straight line;\n"
           "the map is centred on and fitted to the routes drawn; one colour per route class.\n\n"
           "Options:\n"
           "  -o FILE          the SVG file to write (required; - for standard output)\n"
           "  --routes FILE    draw the routes of this xbroute.routes/1 file instead\n"
           "  --design D       the design compare prices the winners in: optimize (default),\n"
           "                   none or a design FILE (see compare)\n"
           "  --width PX       width of the picture in pixels (default 1100)\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market has no route.\n");
}

typedef struct {
    const char *out;
    const char *routes;
    const char *design;
    double width;
} map_opts_t;

static const cli_option_t options[] = {
    CLI_OUTPUT("--output", "-o", map_opts_t, out),
    CLI_INPUT("--routes", map_opts_t, routes, "a routes file (xbroute routes --format json)"),
    CLI_INPUT("--design", map_opts_t, design, "optimize, none or a design file"),
    CLI_DOUBLE("--width", map_opts_t, width, 200, 10000, false, false,
               "a width from 200 to 10000 px"),
};

#define NEEDS "needs SCENARIO and -o FILE.svg"

static int check(const char *cmd, void *opts_)
{
    const map_opts_t *o = opts_;
    return o->out == NULL ? cli_usage_error(cmd, NEEDS) : 0;
}

static const cli_spec_t spec = CLI_SCENARIO_SPEC("map", options, 0, NEEDS, help, check);

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const map_opts_t *o = opts_;
    xbr_compare_t *cmp = NULL;
    xbr_design_t *design = NULL;
    xbr_diags_t diags;
    xbr_buf_t out;
    char *text = NULL;
    size_t len = 0;
    int rc = 0, err = 0;
    xbr_map_opts_t mo = {"Winning routes, coloured by class", o->width, true, 4, true, false};
    xbr_diags_init(&diags);
    xbr_buf_init(&out);
    if (o->routes != NULL) {
        xbr_status_t st = xbr_read_file(o->routes, (size_t)64 << 20, &text, &len, &err);
        if (st != XBR_OK)
            rc = cli_input_error(cmd, "%s: cannot read: %s", o->routes,
                                 err ? strerror(err) : xbr_status_text(st));
        mo.title = "Routes, coloured by class";
        if (rc == 0)
            rc = cli_report(cmd, o->routes,
                            xbr_map_routes_json_svg(&out, &mo, sc, o->routes, text, len, &diags),
                            &diags);
    } else {
        rc = cli_compare_in_design(cmd, sc, o->design, &design, &cmp, &diags);
        if (rc == 0)
            rc = cli_report(cmd, NULL, xbr_map_winners_svg(&out, &mo, sc, cmp, &diags), &diags);
    }
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    if (rc == 0 && cmp != NULL)
        rc = cli_unserved(cmd, cmp->n_unserved);
    free(text);
    xbr_diags_destroy(&diags);
    xbr_buf_destroy(&out);
    xbr_compare_free(cmp);
    xbr_design_free(design);
    return rc;
}

int cmd_map(int argc, char **argv)
{
    map_opts_t o = {NULL, NULL, NULL, 1100};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
