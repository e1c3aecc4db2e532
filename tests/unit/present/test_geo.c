/*
 * test_geo.c - great-circle polylines split at the antimeridian (src/lib/present/geo.c): the
 * densification of an arc, exact endpoints, the cut at +-180 degrees at the latitude where the
 * great circle meets it (checked against an independent formula), joining of consecutive arcs,
 * and dropping of parts of one point.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picture_fixture.h"
#include "present/internal.h"

/* Every longitude in [-180, 180] and no step within a part over 180 degrees. */
static void assert_parts_stay_on_the_map(const xbr__geo_line_t *g)
{
    for (size_t p = 0; p < g->n_parts; p++) {
        size_t s = g->part_start[p], n = xbr__geo_line_part_len(g, p);
        assert_true(n >= 2);
        for (size_t i = 0; i < n; i++) {
            assert_true(g->pts[s + i].lon >= -180.0 && g->pts[s + i].lon <= 180.0);
            if (i > 0)
                assert_true(fabs(g->pts[s + i].lon - g->pts[s + i - 1].lon) <= 180.0);
        }
    }
}

/* 9 degrees along the equator in steps of at most 2: ceil(9 / 2) = 5 segments of 1.8 degrees,
 * 6 points, the ends exactly as given. */
static void test_arc_is_densified_with_exact_ends(void **state)
{
    (void)state;
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr__geo_line_arc(&g, 0.0, 0.0, 9.0, 0.0, 2.0, true);
    xbr__geo_line_finish(&g);
    assert_false(g.failed);
    assert_int_equal(g.n_parts, 1);
    assert_int_equal(g.n, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_near(g.pts[i].lon, 1.8 * (double)i, 1e-9);
        assert_near(g.pts[i].lat, 0.0, 1e-9);
    }
    assert_true(g.pts[0].lon == 0.0 && g.pts[5].lon == 9.0);
    /* a step of 0 means 2 degrees */
    xbr__geo_line_clear(&g);
    xbr__geo_line_arc(&g, 0.0, 0.0, 9.0, 0.0, 0.0, true);
    assert_int_equal(g.n, 6);
    xbr__geo_line_free(&g);
}

/* 170 E to 170 W along the equator goes the short way, over 180: two parts, the first ending at
 * +180 and the second starting at -180, both on the equator. */
static void test_arc_over_the_antimeridian_is_cut(void **state)
{
    (void)state;
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr__geo_line_arc(&g, 170.0, 0.0, -170.0, 0.0, 2.0, true);
    xbr__geo_line_finish(&g);
    assert_int_equal(g.n_parts, 2);
    assert_parts_stay_on_the_map(&g);
    size_t end0 = g.part_start[1] - 1, start1 = g.part_start[1];
    assert_true(g.pts[0].lon == 170.0 && g.pts[0].lat == 0.0);
    assert_true(g.pts[end0].lon == 180.0 && g.pts[start1].lon == -180.0);
    assert_near(g.pts[end0].lat, 0.0, 1e-9);
    assert_near(g.pts[start1].lat, g.pts[end0].lat, 0.0);
    assert_true(g.pts[g.n - 1].lon == -170.0 && g.pts[g.n - 1].lat == 0.0);
    /* off the equator the cut is where the great circle meets 180 (0.05 degree tolerance for
     * the linear interpolation within one 2 degree step) */
    xbr__geo_line_clear(&g);
    xbr__geo_line_arc(&g, 150.0, 30.0, -150.0, 40.0, 2.0, true);
    xbr__geo_line_finish(&g);
    assert_int_equal(g.n_parts, 2);
    double cross = pf_gc_lat_at(150.0, 30.0, -150.0, 40.0, 180.0);
    assert_near(g.pts[g.part_start[1] - 1].lat, cross, 0.05);
    assert_near(g.pts[g.part_start[1]].lat, cross, 0.05);
    xbr__geo_line_free(&g);
}

/* Arcs appended to the same part share their joint; a new part repeats it; an arc of no length
 * leaves a part of one point, which finishing drops. */
static void test_arcs_join_and_empty_parts_are_dropped(void **state)
{
    (void)state;
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr__geo_line_arc(&g, 0.0, 0.0, 1.0, 0.0, 2.0, true);
    xbr__geo_line_arc(&g, 1.0, 0.0, 2.0, 0.0, 2.0, false);
    assert_int_equal(g.n_parts, 1);
    assert_int_equal(g.n, 3);
    xbr__geo_line_arc(&g, 2.0, 0.0, 3.0, 0.0, 2.0, true);
    assert_int_equal(g.n_parts, 2);
    assert_int_equal(g.n, 5);
    assert_int_equal(xbr__geo_line_part_len(&g, 1), 2);
    xbr__geo_line_clear(&g);
    xbr__geo_line_arc(&g, 5.0, 5.0, 5.0, 5.0, 2.0, true);
    assert_int_equal(g.n, 1);
    xbr__geo_line_finish(&g);
    assert_int_equal(g.n_parts, 0);
    assert_int_equal(g.n, 0);
    xbr__geo_line_free(&g);
}

/* The fixture route Shenzhen > Shanghai > Los Angeles > Ontario > LA market crosses the
 * antimeridian once: two parts from F1 exactly to M1 exactly. */
static void test_path_of_links(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_pic_route_t r = pf_route();
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr__geo_line_links(&g, net, r.links, r.n_links);
    assert_false(g.failed);
    assert_int_equal(g.n_parts, 2);
    assert_parts_stay_on_the_map(&g);
    assert_true(g.pts[0].lon == 114.06 && g.pts[0].lat == 22.54);
    assert_true(g.pts[g.n - 1].lon == -118.25 && g.pts[g.n - 1].lat == 34.05);
    /* one link that does not cross: one part; the line is cleared first */
    int l0 = 0;
    xbr__geo_line_links(&g, net, &l0, 1);
    assert_int_equal(g.n_parts, 1);
    assert_true(g.pts[g.n - 1].lon == 121.5 && g.pts[g.n - 1].lat == 31.2);
    xbr__geo_line_free(&g);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arc_is_densified_with_exact_ends),
        cmocka_unit_test(test_arc_over_the_antimeridian_is_cut),
        cmocka_unit_test(test_arcs_join_and_empty_parts_are_dropped),
        cmocka_unit_test(test_path_of_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
