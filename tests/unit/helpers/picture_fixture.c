/*
 * picture_fixture.c - the present layer's shared test fixture (picture_fixture.h), built on the
 * route fixture's network builder.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/internal.h"
#include "picture_fixture.h"
#include "route_fixture.h"
#include "xbroute/load.h"

const double PF_LEG_DAYS[4] = {2, 18, 1, 2};
const double PF_LEG_COST[4] = {0.5, 1.25, 0.3, 2.0};
static const int ROUTE_LINKS[] = {0, 1, 2, 3};

static int add_country(xbr_network_t *net, const char *code, const char *name)
{
    int c = fx_add_country(net, code);
    net->countries[c].name = fx_strdup(name);
    return c;
}

static int add_node(xbr_network_t *net, const char *id, const char *name, xbr_node_type_t type,
                    int country, double lon, double lat)
{
    int i = fx_add_node(net, id, type, country);
    xbr_node_t *n = &net->nodes[i];
    free(n->name);
    n->name = fx_strdup(name);
    n->lon = lon;
    n->lat = lat;
    return i;
}

static void add_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double days,
                     bool closed)
{
    int l = fx_add_link(net, from, to, mode, days);
    net->links[l].cost.per_kg = 1.5;
    net->links[l].closed = closed;
    net->links[l].distance_given = false; /* the great-circle distance, computed on indexing */
}

xbr_network_t *pf_network(void)
{
    xbr_network_t *net = fx_net_new();
    net->name = fx_strdup("fixture");
    int cn = add_country(net, "CN", "China");
    int us = add_country(net, "US", "United States");
    int de = add_country(net, "DE", "Germany");
    int f1 = add_node(net, "F1", "Shenzhen factory", XBR_NODE_FACTORY, cn, 114.06, 22.54);
    int sha = add_node(net, "CNSHA", PF_NASTY, XBR_NODE_SEAPORT, cn, 121.5, 31.2);
    int lax = add_node(net, "USLAX", "Los Angeles", XBR_NODE_SEAPORT, us, -118.2, 33.7);
    int w1 = add_node(net, "W1", "Ontario CA", XBR_NODE_WAREHOUSE, us, -117.6, 34.06);
    int m1 = add_node(net, "M1", "LA market", XBR_NODE_MARKET, us, -118.25, 34.05);
    int ham = add_node(net, "DEHAM", "Hamburg", XBR_NODE_SEAPORT, de, 9.99, 53.55);
    add_link(net, f1, sha, XBR_MODE_TRUCK, 2, false);
    add_link(net, sha, lax, XBR_MODE_SEA, 18, false);
    add_link(net, lax, w1, XBR_MODE_TRUCK, 1, false);
    add_link(net, w1, m1, XBR_MODE_LAST_MILE, 2, false);
    add_link(net, sha, ham, XBR_MODE_SEA, 35, true);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    return net;
}

xbr_pic_route_t pf_route(void)
{
    xbr_pic_route_t r;
    memset(&r, 0, sizeof r);
    r.n_links = 4;
    r.links = ROUTE_LINKS;
    r.route_class = "warehouse-sea";
    r.regime = "9810";
    r.cost = 4.05;
    r.days = 2.0;
    r.co2e_kg = 0.8;
    r.leg_days = PF_LEG_DAYS;
    r.leg_cost = PF_LEG_COST;
    return r;
}

xbr_network_t *pf_shipped_network(void)
{
    xbr_network_t *net = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_network_load(XBR_SOURCE_DIR "/networks/china-export.json", &net, &diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        print_message("networks/china-export.json did not load (%s): skipped\n",
                      xbr_status_name(st));
        return NULL;
    }
    return net;
}

void pf_save(const xbr_buf_t *b, const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/test_picture_out", XBR_BINARY_DIR);
    if (mkdir(path, 0777) != 0)
        assert_int_equal(errno, EEXIST);
    snprintf(path, size, "%s/test_picture_out/%s", XBR_BINARY_DIR, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
    assert_int_equal(fclose(f), 0);
}

bool pf_have_tool(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

void pf_check_svg(const xbr_buf_t *b, const char *name)
{
    char path[1024], cmd[1200];
    assert_false(b->failed);
    pf_save(b, name, path, sizeof path);
    assert_non_null(strstr(b->data, "viewBox=\""));
    if (!pf_have_tool("xmllint")) {
        print_message("xmllint not installed: %s not checked for well-formedness\n", name);
        return;
    }
    snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", path);
    assert_int_equal(system(cmd), 0);
}

size_t pf_count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

double pf_gc_lat_at(double lon1, double lat1, double lon2, double lat2, double lon)
{
    const double r = 3.14159265358979323846 / 180.0;
    lon1 *= r, lat1 *= r, lon2 *= r, lat2 *= r, lon *= r;
    return atan(
               (sin(lat1) * cos(lat2) * sin(lon - lon2) - sin(lat2) * cos(lat1) * sin(lon - lon1)) /
               (cos(lat1) * cos(lat2) * sin(lon1 - lon2))) /
           r;
}
