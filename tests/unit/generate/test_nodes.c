/*
 * test_nodes.c - placing the generated nodes (generate/nodes.c): readable ids numbered per type
 * in file order, the real infrastructure in table order, names after their place, coordinates
 * near their place, drawn numbers rounded to the decimals they are written with and within
 * the ranges the code comments give, and the same nodes for the same seed.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/internal.h"

static xbr__gen_plan_t *plan(size_t links, uint64_t seed)
{
    static xbr__gen_plan_t pl;
    xbr__gen_sizes_t s;
    size_t direct;
    xbr_generate_params_t p;
    xbr_generate_params_init(&p);
    p.links = links;
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, NULL), XBR_OK);
    pl.nodes = calloc(pl.n_nodes, sizeof *pl.nodes);
    assert_non_null(pl.nodes);
    xbr__nodes_build(&pl, seed);
    return &pl;
}

/* v is a whole multiple of unit (to a relative 1e-9). */
static bool on_grid(double v, double unit)
{
    double k = v / unit;
    return fabs(k - round(k)) < 1e-6;
}

static void test_ids_and_infrastructure(void **state)
{
    (void)state;
    xbr__gen_plan_t *pl = plan(5000, 3);
    const xbr__gen_node_t *n = pl->nodes;
    assert_string_equal(n[0].id, "F00001");
    assert_string_equal(n[pl->start[XBR_NODE_EXPORTER][0]].id, "E0001");
    size_t p0 = pl->start[XBR_NODE_SEAPORT][0];
    assert_string_equal(n[p0].id, "P0001");
    assert_string_equal(n[p0].code, "CNSHA"); /* the table's first port */
    assert_string_equal(n[p0].name, "Port of Shanghai");
    assert_close(n[p0].lat, 31.400091);
    assert_string_equal(n[p0].source, "searoute");
    /* the destination ports follow country order: the first is the first US one in the table */
    assert_string_equal(n[pl->start[XBR_NODE_SEAPORT][C_US]].code, "USLAX");
    assert_string_equal(n[pl->start[XBR_NODE_SEAPORT][C_US]].id, "P0009");
    size_t t0 = pl->start[XBR_NODE_RAIL_TERMINAL][0];
    assert_null(n[t0].code);
    assert_string_equal(n[t0].name, "Chongqing rail terminal");
    size_t m_last = pl->start[XBR_NODE_MARKET][N_COUNTRY] - 1;
    char want[16]; /* markets are numbered from 1 through every country: the last is their count */
    snprintf(want, sizeof want, "M%05zu",
             pl->start[XBR_NODE_MARKET][N_COUNTRY] - pl->start[XBR_NODE_MARKET][0]);
    assert_string_equal(n[m_last].id, want);
    free(pl->nodes);
}

static void test_places_and_numbers(void **state)
{
    (void)state;
    xbr__gen_plan_t *pl = plan(5000, 3);
    for (size_t i = 0; i < pl->n_nodes; i++) {
        const xbr__gen_node_t *g = &pl->nodes[i];
        assert_true(on_grid(g->h_days, 0.1));
        if (g->type == XBR_NODE_FACTORY) {
            /* "City factory N", within 0.25 deg of lat of its city (lon x1.3) */
            assert_non_null(strstr(g->name, " factory "));
            bool near = false;
            for (size_t q = 0; q < N_CLUSTERS; q++)
                if (strstr(g->name, xbr__place_clusters[q].name) == g->name)
                    near = fabs(g->lat - xbr__place_clusters[q].lat) <= 0.25 + 1e-4 &&
                           fabs(g->lon - xbr__place_clusters[q].lon) <= 0.325 + 1e-4;
            assert_true(near);
            assert_true(g->h_unit >= 0.05 && g->h_unit <= 0.4 && on_grid(g->h_unit, 0.01));
            assert_true(on_grid(g->lat, 1e-4) && on_grid(g->lon, 1e-4));
        } else if (g->type == XBR_NODE_WAREHOUSE) {
            assert_non_null(strstr(g->name, " overseas warehouse "));
            assert_true(g->storage >= 0.3 && g->storage <= 1.0 && on_grid(g->storage, 0.01));
            assert_true(g->fixed >= 800 && g->fixed <= 5000 && on_grid(g->fixed, 10));
            assert_true(g->capacity >= 2000 && g->capacity <= 20000 && on_grid(g->capacity, 100));
            assert_true(g->country != C_CN);
        } else if (g->type == XBR_NODE_RETAILER) {
            assert_true(g->markup >= 40 && g->markup <= 90 && on_grid(g->markup, 0.1));
        } else if (g->type == XBR_NODE_MARKET) {
            assert_non_null(strstr(g->name, " zone "));
            assert_true(g->markup == 0 && g->h_kg == 0 && g->h_days == 0);
        }
    }
    free(pl->nodes);
}

static void test_same_seed_same_nodes(void **state)
{
    (void)state;
    xbr__gen_plan_t *pl = plan(3000, 9);
    xbr__gen_node_t *a = pl->nodes;
    size_t n = pl->n_nodes;
    pl = plan(3000, 9);
    assert_int_equal(pl->n_nodes, n);
    assert_memory_equal(a, pl->nodes, n * sizeof *a);
    free(pl->nodes);
    pl = plan(3000, 10);
    assert_true(memcmp(a, pl->nodes, n * sizeof *a) != 0);
    free(pl->nodes);
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids_and_infrastructure),
        cmocka_unit_test(test_places_and_numbers),
        cmocka_unit_test(test_same_seed_same_nodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
