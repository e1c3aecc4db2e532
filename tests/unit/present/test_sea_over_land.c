/*
 * test_sea_over_land.c - sea legs drawn along their lanes stay at sea (issue #12, item 5), and
 * with the Red Sea closed the Asia-Europe sea legs go round Africa.
 *
 * For every shipped scenario (the .json files of scenarios/), every sea leg of a winning route of
 * compare is drawn as the map and the GeoJSON draw it (xbr__geo_line_links: port, lane nodes, port)
 * and sampled every 10 km; each sample is tested against the Natural Earth 1:110m land
 * polygons compiled into the library (land_110m.c, even-odd rule over all rings). Allowed on
 * land: the approaches to the leg's two ports (within 150 km of either: the ports sit on
 * rivers and estuaries the 1:110m coast does not draw, and the lane ends up to 26 km off, see
 * key_seaports.csv), and the two canals, which cross land by design (within 120 km of a lane
 * node tagged suez or panama), and runs of at most 80 km on land (straits narrower than the
 * 1:110m outline can show: Gibraltar, Dover, Tsugaru). Anything else on land is a failure,
 * reported with its place; a leg drawn as a great circle (Shanghai-Hamburg over Kazakhstan)
 * has runs of thousands of km.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "present/internal.h"
#include "xbroute/compare.h"
#include "xbroute/load.h"

#define APPROACH_KM 150.0
#define CANAL_KM 120.0
#define STEP_KM 10.0
#define STRAIT_KM 80.0

static const char *const shipped[] = {
    "baseline",          "new-warehouse-netherlands", "new-warehouse-poland",
    "peak-air-surge",    "rail-vs-sea-vs-air-europe", "red-sea-reopened",
    "six-link-teaching", "us-de-minimis-800",         "us-de-minimis-ended",
};

/* Even-odd point in polygon over every land ring. */
static bool on_land(double lon, double lat)
{
    bool in = false;
    for (unsigned r = 0; r < xbr__land_n_rings; r++) {
        const float *p = &xbr__land_lonlat[2 * xbr__land_ring_start[r]];
        unsigned n = xbr__land_ring_count[r];
        for (unsigned i = 0, j = n - 1; i < n; j = i++) {
            double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
                in = !in;
        }
    }
    return in;
}

/* The lane nodes at the ends of suez and panama segments. */
static double canal[64][2];
static size_t n_canal;

static void find_canals(void)
{
    n_canal = 0;
    for (unsigned k = 0; k < xbr__lane_n_edges; k++) {
        const char *t = xbr__lane_tag[xbr__lane_edge[3 * k + 2]];
        if (strcmp(t, "suez") != 0 && strcmp(t, "panama") != 0)
            continue;
        for (int e = 0; e < 2 && n_canal < 64; e++) {
            int v = xbr__lane_edge[3 * k + e];
            xbr__sealanes_node(v, &canal[n_canal][0], &canal[n_canal][1]);
            n_canal++;
        }
    }
    assert_true(n_canal >= 4);
}

static bool near_canal(double lon, double lat)
{
    for (size_t i = 0; i < n_canal; i++)
        if (xbr_great_circle_km(lat, lon, canal[i][0], canal[i][1]) < CANAL_KM)
            return true;
    return false;
}

/* Samples the drawn line of sea link `link`; returns the number of samples on land outside
 * the allowed places (printing the first). */
static size_t land_samples(const xbr_network_t *net, int link, xbr__geo_line_t *g,
                           size_t *n_samples)
{
    const xbr_link_t *L = &net->links[link];
    const xbr_node_t *a = &net->nodes[L->from], *z = &net->nodes[L->to];
    size_t bad = 0, run = 0;
    xbr__geo_line_links(g, net, &link, 1);
    assert_false(g->failed);
    for (size_t p = 0; p < g->n_parts; p++) {
        size_t s = g->part_start[p], n = xbr__geo_line_part_len(g, p);
        for (size_t i = 0; i + 1 < n; i++) {
            xbr__geo_point_t u = g->pts[s + i], w = g->pts[s + i + 1];
            double km = xbr_great_circle_km(u.lat, u.lon, w.lat, w.lon);
            int steps = (int)ceil(km / STEP_KM);
            for (int k = 0; k < steps; k++) {
                double f = (double)k / steps;
                double lon = u.lon + f * (w.lon - u.lon), lat = u.lat + f * (w.lat - u.lat);
                ++*n_samples;
                if (!on_land(lon, lat) ||
                    xbr_great_circle_km(lat, lon, a->lat, a->lon) < APPROACH_KM ||
                    xbr_great_circle_km(lat, lon, z->lat, z->lon) < APPROACH_KM ||
                    near_canal(lon, lat)) {
                    run = 0;
                    continue;
                }
                /* a short run on land is a strait the 1:110m outline closes (Gibraltar,
                 * 14 km wide; Dover, 33 km; Tsugaru, 19 km): allowed up to STRAIT_KM */
                if ((double)++run * STEP_KM <= STRAIT_KM)
                    continue;
                if (bad++ == 0)
                    print_message("%s: on land at lon %.3f, lat %.3f\n", L->id, lon, lat);
            }
        }
    }
    return bad;
}

static void test_winning_sea_legs_stay_at_sea(void **state)
{
    (void)state;
    xbr__geo_line_t g;
    size_t legs = 0, samples = 0, bad = 0;
    xbr__geo_line_init(&g);
    find_canals();
    for (size_t s = 0; s < sizeof shipped / sizeof shipped[0]; s++) {
        char path[1024];
        xbr_scenario_t *sc = NULL;
        xbr_compare_t *cmp = NULL;
        snprintf(path, sizeof path, "%s/scenarios/%s.json", XBR_SOURCE_DIR, shipped[s]);
        assert_int_equal(xbr_scenario_load(path, &sc, NULL), XBR_OK);
        assert_int_equal(xbr_compare_run(sc, &cmp, NULL), XBR_OK);
        unsigned char *seen = calloc(sc->network->n_links, 1);
        assert_non_null(seen);
        for (size_t i = 0; i < cmp->n_rows; i++) {
            if (cmp->rows[i].winner < 0)
                continue;
            const xbr_route_t *r = &cmp->rows[i].classes[cmp->rows[i].winner].route;
            for (size_t k = 0; k < r->n_links; k++) {
                int j = r->links[k];
                if (sc->network->links[j].mode != XBR_MODE_SEA || seen[j])
                    continue;
                seen[j] = 1;
                legs++;
                bad += land_samples(sc->network, j, &g, &samples);
            }
        }
        free(seen);
        xbr_compare_free(cmp);
        xbr_scenario_free(sc);
    }
    print_message("%zu sea legs, %zu samples\n", legs, samples);
    assert_true(legs >= 5);
    assert_int_equal(bad, 0);
    xbr__geo_line_free(&g);
}

/*
 * The baseline (the Red Sea closed, as published for late 2026: its Suez links are closed):
 * every winning sea leg from an Asian port (east of 60 E) to a European one
 * (north of 35 N, between 15 W and 30 E) passes south of Africa: its drawn line reaches below 34 S
 * (the Cape of Good Hope is at 34.36 S), and none comes near Suez (30 N, 32.5 E).
 */
static void test_baseline_red_sea_closed_goes_round_africa(void **state)
{
    (void)state;
    char path[1024];
    xbr_scenario_t *sc = NULL;
    xbr_compare_t *cmp = NULL;
    xbr__geo_line_t g;
    size_t legs = 0;
    xbr__geo_line_init(&g);
    snprintf(path, sizeof path, "%s/scenarios/baseline.json", XBR_SOURCE_DIR);
    assert_int_equal(xbr_scenario_load(path, &sc, NULL), XBR_OK);
    assert_int_equal(xbr_compare_run(sc, &cmp, NULL), XBR_OK);
    const xbr_network_t *net = sc->network;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        if (cmp->rows[i].winner < 0)
            continue;
        const xbr_route_t *r = &cmp->rows[i].classes[cmp->rows[i].winner].route;
        for (size_t k = 0; k < r->n_links; k++) {
            int j = r->links[k];
            const xbr_link_t *L = &net->links[j];
            const xbr_node_t *a = &net->nodes[L->from], *z = &net->nodes[L->to];
            if (L->mode != XBR_MODE_SEA || a->lon < 60.0 || z->lat < 35.0 || z->lon > 30.0 ||
                z->lon < -15.0) /* Europe, not the Americas */
                continue;
            legs++;
            xbr__geo_line_links(&g, net, &j, 1);
            double south = 90.0, suez = INFINITY;
            for (size_t p = 0; p < g.n; p++) {
                south = fmin(south, g.pts[p].lat);
                suez = fmin(suez, xbr_great_circle_km(g.pts[p].lat, g.pts[p].lon, 30.0, 32.5));
            }
            assert_true(south < -34.0);
            assert_true(suez > 1000.0);
        }
    }
    assert_true(legs >= 1);
    xbr__geo_line_free(&g);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_winning_sea_legs_stay_at_sea),
        cmocka_unit_test(test_baseline_red_sea_closed_goes_round_africa),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
