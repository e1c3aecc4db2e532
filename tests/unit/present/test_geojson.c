/*
 * test_geojson.c - GeoJSON of the network and of routes (src/lib/present/geojson.c): parsed
 * back with cJSON, positions [lon, lat] in range, the cut at the antimeridian against an
 * independent great-circle formula, leg and route features, the exact bytes of a tiny network
 * (written out by hand from RFC 7946 and the documented layout), the empty collection, and the
 * error paths. Files are saved to <build>/test_picture_out/.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "picture_fixture.h"
#include "route_fixture.h"
#include "xbroute/picture.h"

/* Every position in a coordinates array of any depth must be [lon, lat] in range; every
 * segment of a line at most 180 degrees of longitude. Returns the number of positions. */
static size_t check_positions(const cJSON *c)
{
    assert_true(cJSON_IsArray(c));
    const cJSON *first = cJSON_GetArrayItem(c, 0);
    if (cJSON_IsNumber(first)) {
        assert_int_equal(cJSON_GetArraySize(c), 2);
        double lon = cJSON_GetArrayItem(c, 0)->valuedouble;
        double lat = cJSON_GetArrayItem(c, 1)->valuedouble;
        assert_true(lon >= -180.0 && lon <= 180.0);
        assert_true(lat >= -90.0 && lat <= 90.0);
        return 1;
    }
    size_t n = 0;
    const cJSON *prev = NULL, *it;
    cJSON_ArrayForEach(it, c)
    {
        n += check_positions(it);
        if (prev != NULL && cJSON_IsNumber(cJSON_GetArrayItem(it, 0)))
            assert_true(fabs(cJSON_GetArrayItem(it, 0)->valuedouble -
                             cJSON_GetArrayItem(prev, 0)->valuedouble) <= 180.0);
        prev = it;
    }
    return n;
}
static const cJSON *feature_by_id(const cJSON *fc, const char *id)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(fc, "features"))
    {
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "properties");
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, "id");
        if (cJSON_IsString(v) && strcmp(v->valuestring, id) == 0)
            return f;
    }
    return NULL;
}

static void test_geojson_network_lon_first_and_split_at_antimeridian(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    assert_int_equal(xbr_geojson_network(&b, net, NULL), XBR_OK);
    pf_save(&b, "network.geojson", path, sizeof path);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(fc, "type")->valuestring,
                        "FeatureCollection");
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(fc, "features");
    assert_int_equal(cJSON_GetArraySize(features), 6 + 5);
    const cJSON *f;
    cJSON_ArrayForEach(f, features)
    {
        const cJSON *g = cJSON_GetObjectItemCaseSensitive(f, "geometry");
        assert_true(check_positions(cJSON_GetObjectItemCaseSensitive(g, "coordinates")) >= 1);
    }
    /* Shanghai: lon 121.5 first, lat 31.2 second; the name survives JSON escaping */
    const cJSON *sha = feature_by_id(fc, "CNSHA");
    assert_non_null(sha);
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(sha, "geometry"), "coordinates");
    assert_float_equal(cJSON_GetArrayItem(c, 0)->valuedouble, 121.5, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(c, 1)->valuedouble, 31.2, 1e-12);
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(sha, "properties");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "name")->valuestring, PF_NASTY);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "country")->valuestring, "CN");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "type")->valuestring, "seaport");

    /* Shanghai -> Los Angeles crosses the antimeridian: two parts, the first ending at lon 180
     * and the second starting at -180 at the same latitude */
    const cJSON *l1 = feature_by_id(fc, "L1");
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(l1, "geometry");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(g, "type")->valuestring,
                        "MultiLineString");
    c = cJSON_GetObjectItemCaseSensitive(g, "coordinates");
    assert_int_equal(cJSON_GetArraySize(c), 2);
    const cJSON *p0 = cJSON_GetArrayItem(c, 0), *p1 = cJSON_GetArrayItem(c, 1);
    const cJSON *a0 = cJSON_GetArrayItem(p0, 0);
    const cJSON *a1 = cJSON_GetArrayItem(p0, cJSON_GetArraySize(p0) - 1);
    const cJSON *b0 = cJSON_GetArrayItem(p1, 0);
    const cJSON *b1 = cJSON_GetArrayItem(p1, cJSON_GetArraySize(p1) - 1);
    assert_float_equal(cJSON_GetArrayItem(a0, 0)->valuedouble, 121.5, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(a1, 0)->valuedouble, 180.0, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(b0, 0)->valuedouble, -180.0, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(b1, 0)->valuedouble, -118.2, 1e-12);
    /* a sea leg follows its sea lane: it crosses where the lane does, at the latitude of the
     * lane's node on longitude 180 (the lane network joins -180 and +180 there) */
    const struct xbr_lane *lane = net->links[1].lane;
    double cross = NAN;
    assert_non_null(lane);
    for (size_t i = 0; i < lane->n; i++) {
        double la, lo;
        xbr__sealanes_node(lane->path[i], &la, &lo);
        if (fabs(lo) == 180.0)
            cross = la;
    }
    assert_true(cross > 30.0 && cross < 60.0); /* the North Pacific lanes */
    assert_float_equal(cJSON_GetArrayItem(a1, 1)->valuedouble, cross, 1e-9);
    assert_float_equal(cJSON_GetArrayItem(b0, 1)->valuedouble, cross, 1e-9);
    /* a link that does not cross is a LineString; the closed one says so */
    const cJSON *l4 = feature_by_id(fc, "L4");
    g = cJSON_GetObjectItemCaseSensitive(l4, "geometry");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(g, "type")->valuestring, "LineString");
    props = cJSON_GetObjectItemCaseSensitive(l4, "properties");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "status")->valuestring, "closed");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "mode")->valuestring, "sea");
    assert_float_equal(cJSON_GetObjectItemCaseSensitive(props, "days")->valuedouble, 35.0, 0.0);
    cJSON_Delete(fc);
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

static void test_geojson_routes_legs_and_whole_path(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_pic_route_t r = pf_route();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    r.product = "P1";
    r.market = "M1";
    assert_int_equal(xbr_geojson_routes(&b, net, &r, 1, NULL), XBR_OK);
    pf_save(&b, "routes.geojson", path, sizeof path);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(fc, "features");
    assert_int_equal(cJSON_GetArraySize(features), 4 + 1); /* 4 legs + the route */
    const cJSON *f;
    int leg = 0;
    cJSON_ArrayForEach(f, features)
    {
        const cJSON *g = cJSON_GetObjectItemCaseSensitive(f, "geometry");
        check_positions(cJSON_GetObjectItemCaseSensitive(g, "coordinates"));
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "properties");
        const char *kind = cJSON_GetObjectItemCaseSensitive(p, "kind")->valuestring;
        assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "route")->valueint, 1);
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "class")->valuestring,
                            "warehouse-sea");
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "regime")->valuestring, "9810");
        /* every feature, leg or route, says which product into which market */
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "product")->valuestring, "P1");
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "market")->valuestring, "M1");
        if (strcmp(kind, "leg") == 0) {
            const xbr_link_t *L = &net->links[r.links[leg]];
            assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "link")->valuestring, L->id);
            assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "mode")->valuestring,
                                xbr_mode_name(L->mode));
            assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "leg")->valueint, leg + 1);
            assert_float_equal(cJSON_GetObjectItemCaseSensitive(p, "days")->valuedouble,
                               PF_LEG_DAYS[leg], 0.0);
            assert_float_equal(cJSON_GetObjectItemCaseSensitive(p, "cost")->valuedouble,
                               PF_LEG_COST[leg], 0.0);
            leg++;
        } else {
            assert_string_equal(kind, "route");
            assert_string_equal(cJSON_GetObjectItemCaseSensitive(g, "type")->valuestring,
                                "MultiLineString");
            /* one line from Shenzhen to Shanghai to 180, one from -180 on to the market */
            const cJSON *c = cJSON_GetObjectItemCaseSensitive(g, "coordinates");
            assert_int_equal(cJSON_GetArraySize(c), 2);
            const cJSON *first = cJSON_GetArrayItem(cJSON_GetArrayItem(c, 0), 0);
            assert_float_equal(cJSON_GetArrayItem(first, 0)->valuedouble, 114.06, 1e-12);
            assert_float_equal(cJSON_GetArrayItem(first, 1)->valuedouble, 22.54, 1e-12);
            const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(p, "nodes");
            assert_int_equal(cJSON_GetArraySize(nodes), 5);
            assert_string_equal(cJSON_GetArrayItem(nodes, 4)->valuestring, "M1");
            const cJSON *links = cJSON_GetObjectItemCaseSensitive(p, "links");
            const cJSON *modes = cJSON_GetObjectItemCaseSensitive(p, "modes");
            assert_int_equal(cJSON_GetArraySize(links), 4);
            assert_int_equal(cJSON_GetArraySize(modes), 4);
            for (int i = 0; i < 4; i++) {
                const xbr_link_t *L = &net->links[r.links[i]];
                assert_string_equal(cJSON_GetArrayItem(links, i)->valuestring, L->id);
                assert_string_equal(cJSON_GetArrayItem(modes, i)->valuestring,
                                    xbr_mode_name(L->mode));
            }
            assert_float_equal(cJSON_GetObjectItemCaseSensitive(p, "cost")->valuedouble, 4.05, 0.0);
        }
    }
    assert_int_equal(leg, 4);
    cJSON_Delete(fc);
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

/* Two nodes 0.8 degrees apart and a link: one segment, so the line is just its ends. Numbers
 * have at most 6 decimals, trailing zeros dropped, and -0 is 0. */
static void test_geojson_network_bytes(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    net->name = fx_strdup("tiny");
    int cn = fx_add_country(net, "CN");
    int a = fx_add_node(net, "A", XBR_NODE_FACTORY, cn);
    int b = fx_add_node(net, "B", XBR_NODE_MARKET, cn);
    net->nodes[a].lon = 1.23456789;
    net->nodes[a].lat = -0.0000001;
    net->nodes[b].lon = 2.0;
    net->nodes[b].lat = 0.5;
    fx_add_link(net, a, b, XBR_MODE_TRUCK, 1.0);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    xbr_buf_t out;
    xbr_buf_init(&out);
    assert_int_equal(xbr_geojson_network(&out, net, NULL), XBR_OK);
    assert_string_equal(
        out.data,
        "{\"type\": \"FeatureCollection\", \"name\": \"tiny\", \"features\": [\n"
        "{\"type\": \"Feature\", \"id\": \"A\", \"properties\": {\"kind\": \"node\", \"id\": "
        "\"A\", \"name\": \"A\", \"type\": \"factory\", \"country\": \"CN\", \"code\": null, "
        "\"status\": \"open\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": "
        "[1.234568, 0]}},\n"
        "{\"type\": \"Feature\", \"id\": \"B\", \"properties\": {\"kind\": \"node\", \"id\": "
        "\"B\", \"name\": \"B\", \"type\": \"market\", \"country\": \"CN\", \"code\": null, "
        "\"status\": \"open\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [2, "
        "0.5]}},\n"
        "{\"type\": \"Feature\", \"id\": \"L0\", \"properties\": {\"kind\": \"link\", \"id\": "
        "\"L0\", \"from\": \"A\", \"to\": \"B\", \"mode\": \"truck\", \"days\": 1, \"days_min\": "
        "1, \"days_mode\": 1, \"days_max\": 1, \"cost_per_kg\": 0, \"cost_per_m3\": 0, "
        "\"cost_per_unit\": 0, \"cost_per_shipment\": 0, \"min_charge\": 0, \"distance_km\": 0, "
        "\"status\": \"open\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": "
        "[[1.234568, 0], [2, 0.5]]}}\n"
        "]}\n");
    xbr_buf_destroy(&out);
    xbr_network_free(net);
}

/* No routes: an empty collection, with the blank line it has always had. */
static void test_geojson_no_routes(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_buf_t out;
    xbr_buf_init(&out);
    assert_int_equal(xbr_geojson_routes(&out, net, NULL, 0, NULL), XBR_OK);
    assert_string_equal(out.data, "{\"type\": \"FeatureCollection\", \"features\": [\n\n]}\n");
    xbr_buf_destroy(&out);
    xbr_network_free(net);
}

/* A node off the globe, or no network: input errors with a diagnostic. */
static void test_geojson_rejects_bad_coordinates(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    net->nodes[2].lon = 200.0;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_t out;
    xbr_buf_init(&out);
    assert_int_equal(xbr_geojson_network(&out, net, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    assert_string_equal(diags.items[0].what, "node coordinates out of range");
    xbr_pic_route_t r = pf_route();
    assert_int_equal(xbr_geojson_routes(&out, net, &r, 1, &diags), XBR_EINPUT);
    assert_int_equal(xbr_geojson_network(&out, NULL, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 3);
    assert_int_equal(out.len, 0);
    xbr_buf_destroy(&out);
    xbr_diags_destroy(&diags);
    xbr_network_free(net);
}

static void test_shipped_network_geojson(void **state)
{
    (void)state;
    xbr_network_t *net = pf_shipped_network();
    if (net == NULL)
        skip();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    assert_int_equal(xbr_geojson_network(&b, net, NULL), XBR_OK);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(fc, "features"))
    {
        check_positions(cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(f, "geometry"), "coordinates"));
    }
    cJSON_Delete(fc);
    pf_save(&b, "china_export.geojson", path, sizeof path);
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

/* A node at 89 N (above the web Mercator limit, atan(sinh(pi)) = 85.0511287798 degrees) is
 * written at that limit, so web maps can draw it. */
static void test_geojson_latitude_clamped_to_web_mercator(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    net->nodes[0].lat = 89.0;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_geojson_network(&b, net, NULL), XBR_OK);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    const cJSON *f = feature_by_id(fc, net->nodes[0].id);
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(f, "geometry"), "coordinates");
    assert_float_equal(cJSON_GetArrayItem(c, 1)->valuedouble, 85.051129, 1e-9);
    cJSON_Delete(fc);
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_geojson_network_lon_first_and_split_at_antimeridian),
        cmocka_unit_test(test_geojson_routes_legs_and_whole_path),
        cmocka_unit_test(test_geojson_network_bytes),
        cmocka_unit_test(test_geojson_no_routes),
        cmocka_unit_test(test_geojson_rejects_bad_coordinates),
        cmocka_unit_test(test_shipped_network_geojson),
        cmocka_unit_test(test_geojson_latitude_clamped_to_web_mercator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
