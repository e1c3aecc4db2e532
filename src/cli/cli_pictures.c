/*
 * cli_pictures.c - writing the routes' GeoJSON file for the commands' --geojson option: the
 * library renders (xbr_route_write_geojson), this file only writes and reports.
 */
#include "cli.h"

int cli_write_routes_geojson(const char *path, const xbr_scenario_t *sc, const xbr_route_t *routes,
                             size_t n)
{
    xbr_diags_t diags;
    xbr_buf_t buf;
    xbr_diags_init(&diags);
    xbr_buf_init(&buf);
    xbr_status_t st = xbr_route_write_geojson(&buf, sc, routes, n, &diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : cli_exit(st);
    cli_print_diags(&diags);
    xbr_buf_destroy(&buf);
    xbr_diags_destroy(&diags);
    return rc;
}
