/*
 * cli_pictures.c - writing GeoJSON / SVG files for the commands' --geojson and --svg options.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_write_routes_geojson(const char *path, const xbr_scenario_t *sc, const xbr_route_t *routes,
                             size_t n)
{
    xbr_diags_t diags;
    xbr_buf_t buf;
    xbr_diags_init(&diags);
    xbr_buf_init(&buf);
    int rc = 4;
    xbr_pic_route_t *pics = xbr_route_pictures(sc, routes, n);
    if (pics != NULL) {
        xbr_status_t st = xbr_geojson_routes(&buf, sc->network, pics, n, &diags);
        rc = st == XBR_OK ? cli_emit(&buf, path) : xbr_status_exit_code(st);
    }
    cli_print_diags(&diags);
    xbr_route_pictures_free(pics, n);
    xbr_buf_free(&buf);
    xbr_diags_destroy(&diags);
    return rc;
}
