/*
 * cmd_info.c - `xbroute info FILE`: what a network (or a scenario's network) holds, and which
 * markets each factory cannot reach at all (xbr_info_run, xbr_info_write).
 */
#include <stdio.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute info [--nodes] [--format text|json|csv] [-o FILE] [--dot FILE]\n"
           "                    [--geojson FILE] FILE\n\n"
           "Summarises a network or a scenario file: nodes by type, links by mode (open and\n"
           "closed), nodes by country, and every (factory, market) pair with no path over open\n"
           "links (found with igraph). For a scenario, the network is shown with the\n"
           "scenario's changes applied, and its products are listed.\n\n"
           "Options:\n"
           "  --nodes      list the nodes (id, type, country, status, position, name) instead\n"
           "  --format F   text (default) or json (schema xbroute.info/1); with --nodes also csv\n"
           "  -o FILE      write the output to FILE (whole or not at all) instead of stdout\n"
           "  --dot FILE   also write the network as a Graphviz DOT graph (dot -Tsvg FILE)\n"
           "  --geojson FILE  also write the network as GeoJSON (RFC 7946): a Point per node,\n"
           "               a LineString per link (split at the antimeridian)\n");
}

typedef struct {
    int format;
    const char *out;
    const char *dot;
    const char *geojson;
    bool nodes;
} info_opts_t;

static const cli_option_t options[] = {
    CLI_FORMAT(info_opts_t, format),
    CLI_OUTPUT("--output", "-o", info_opts_t, out),
    CLI_OUTPUT("--dot", NULL, info_opts_t, dot),
    CLI_OUTPUT("--geojson", NULL, info_opts_t, geojson),
    CLI_FLAG("--nodes", info_opts_t, nodes),
};

static const cli_spec_t spec = {.cmd = "info",
                                .options = options,
                                .n_options = sizeof options / sizeof options[0],
                                .formats = CLI_FMT_ALL,
                                .min_args = 1,
                                .max_args = 1,
                                .missing = "no file given",
                                .help = help};

/* Renders the network with `render` and writes it to `path`; returns an exit code. */
static int write_picture(const char *path, const xbr_network_t *net,
                         xbr_status_t (*render)(xbr_buf_t *, const xbr_network_t *, xbr_diags_t *))
{
    xbr_buf_t buf;
    xbr_diags_t diags;
    xbr_buf_init(&buf);
    xbr_diags_init(&diags);
    xbr_status_t st = render(&buf, net, &diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : cli_exit(st);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_destroy(&buf);
    return rc;
}

/* The report on `net` (and the scenario it came from, or NULL), and the pictures asked for. */
static int run(const char *file, const xbr_network_t *net, const xbr_scenario_t *sc,
               const info_opts_t *o)
{
    xbr_info_t *info = NULL;
    int rc = cli_report(spec.cmd, NULL, xbr_info_run(net, &info), NULL);
    if (rc != 0)
        return rc;
    xbr_buf_t out;
    xbr_buf_init(&out);
    if (o->nodes)
        rc = cli_report(spec.cmd, NULL, xbr_info_write_nodes(&out, net, (xbr_format_t)o->format),
                        NULL);
    else if (o->format == XBR_FORMAT_CSV)
        rc = cli_usage_error(spec.cmd, "--format csv is for --nodes");
    else /* the only failure left is a failed buffer, which cli_emit reports */
        (void)xbr_info_write(&out, info, file, net, sc, (xbr_format_t)o->format);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    if (rc == 0 && o->dot != NULL)
        rc = write_picture(o->dot, net, xbr_dot_network);
    if (rc == 0 && o->geojson != NULL)
        rc = write_picture(o->geojson, net, xbr_geojson_network);
    xbr_buf_destroy(&out);
    xbr_info_free(info);
    return rc;
}

int cmd_info(int argc, char **argv)
{
    info_opts_t o = {.format = XBR_FORMAT_TEXT};
    const char *args[1] = {NULL};
    size_t n_args = 0;
    int rc = cli_parse(&spec, argc, argv, &o, args, &n_args);
    if (rc != CLI_RUN)
        return rc;
    xbr_diags_t diags;
    xbr_network_t *net = NULL;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_file_load(args[0], &net, &sc, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    rc = st != XBR_OK ? cli_exit(st)
         : sc != NULL ? cli_check_outputs(&spec, &o, (const char *const *)sc->files, sc->n_files)
                      : cli_check_outputs(&spec, &o, args, 1);
    if (st == XBR_OK && rc == 0)
        rc = run(args[0], sc != NULL ? sc->network : net, sc, &o);
    xbr_network_free(net);
    xbr_scenario_free(sc);
    return rc;
}
