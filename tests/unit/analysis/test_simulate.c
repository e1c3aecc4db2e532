/*
 * test_simulate.c - Monte Carlo of delivery days (src/lib/analysis/simulate.c) against closed
 * forms: the triangular median, the uniform quantile, the model's mean with a confidence interval
 * from the sample variance, and determinism of the streams.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "xbr_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "route_fixture.h"
#include "xbroute/compare.h"
#include "xbroute/load.h"
#include "xbroute/route.h"
#include "xbroute/simulate.h"

/* A one-link domestic network F -> M (both CN) of the given mode and days; the route on it. */
typedef struct {
    xbr_scenario_t *sc;
    xbr_route_t route;
} one_leg_t;

static void one_leg(one_leg_t *o, xbr_days_t days, double departures_per_week)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    int l = fx_add_link(net, f, m, XBR_MODE_TRUCK, 1);
    net->links[l].days = days;
    net->links[l].departures_per_week = departures_per_week;
    o->sc = fx_scenario_new(net, f);
    assert_int_equal(xbr_route_evaluate(o->sc, 0, m, &l, 1, -1, &o->route, NULL), XBR_OK);
}

static void one_leg_free(one_leg_t *o)
{
    xbr_route_destroy(&o->route);
    xbr_scenario_free(o->sc);
}

/*
 * Triangular(a = 2, c = 3, b = 10). F(c) = (c - a) / (b - a) = 1/8 < 1/2, so the median lies
 * above the mode: (b - m)^2 / ((b - a)(b - c)) = 1/2, m = b - sqrt((b - a)(b - c) / 2) =
 * 10 - sqrt(28) = 4.70849737... The density there is 2 (b - m) / ((b - a)(b - c)) =
 * 2 x 5.2915 / 56 = 0.18898, so the sample median of n = 100000 draws has a standard error of
 * 1 / (2 f sqrt n) = 0.0084; we allow 5 of them (0.042). The mean is (2 + 3 + 10) / 3 = 5.
 */
static void test_triangular_leg_median_matches_closed_form(void **state)
{
    (void)state;
    one_leg_t o;
    one_leg(&o, (xbr_days_t){2, 3, 10}, 0);
    xbr_sim_stats_t s;
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, 100000, 42, INFINITY, &s, NULL, NULL),
                     XBR_OK);
    assert_near(s.p50, 10.0 - sqrt(28.0), 0.042);
    /* variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = (4 + 100 + 9 - 20 - 6 - 30) / 18 = 57/18,
     * sd 1.7795; the mean's standard error 1.7795 / sqrt(1e5) = 0.0056: 5 of them */
    assert_near(s.mean, 5.0, 0.028);
    assert_near(s.sd, sqrt(57.0 / 18.0), 0.02);
    assert_true(s.min >= 2.0 && s.max <= 10.0);
    assert_true(isnan(s.on_time_share));
    one_leg_free(&o);
}

/*
 * A leg of 0 days with 2 departures a week: the delivery days are the wait, uniform on
 * [0, 3.5]. P90 = 0.9 x 3.5 = 3.15, P50 = 1.75, P95 = 3.325. The standard error of a sample
 * quantile is sqrt(p (1 - p) / n) / f with density f = 1 / 3.5: for p = 0.9 and n = 100000,
 * 0.0033; we allow 0.02.
 */
static void test_uniform_wait_p90_is_nine_tenths_of_headway(void **state)
{
    (void)state;
    one_leg_t o;
    one_leg(&o, (xbr_days_t){0, 0, 0}, 2);
    assert_near(o.route.days, 1.75, 1e-12); /* the model's mean wait 3.5 / 2 */
    xbr_sim_stats_t s;
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, 100000, 7, INFINITY, &s, NULL, NULL),
                     XBR_OK);
    assert_near(s.p90, 0.9 * 3.5, 0.02);
    assert_near(s.p50, 0.5 * 3.5, 0.02);
    assert_near(s.p95, 0.95 * 3.5, 0.02);
    assert_true(s.min >= 0.0 && s.max < 3.5);
    one_leg_free(&o);
}

/* A fixed 5-day leg: every run takes 5 days, so on time is all (promise 5) or nothing (4.9). */
static void test_fixed_route_on_time_share_is_zero_or_one(void **state)
{
    (void)state;
    one_leg_t o;
    one_leg(&o, (xbr_days_t){5, 5, 5}, 0);
    xbr_sim_stats_t s;
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, 1000, 1, 5.0, &s, NULL, NULL), XBR_OK);
    assert_true(s.on_time_share == 1.0);
    assert_true(s.p50 == 5.0 && s.p95 == 5.0 && s.min == 5.0 && s.max == 5.0);
    assert_true(s.sd == 0.0);
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, 1000, 1, 4.9, &s, NULL, NULL), XBR_OK);
    assert_true(s.on_time_share == 0.0);
    one_leg_free(&o);
}

/*
 * Cross-border sea route F (CN) -> P (CN seaport, handling 0.5 days) -> Q (US seaport) -> M
 * (US market). US: clearance 2 days, inspection with probability 0.1 for 5 days.
 *   truck F -> P  triangular(1, 2, 3)     mean 2            var (1+4+9-2-3-6)/18 = 3/18
 *   handling at P                         0.5               0
 *   sea P -> Q    triangular(20, 25, 40)  mean 85/3         var (400+625+1600-500-800-1000)/18
 *                                                               = 325/18
 *   wait, 3 departures a week: U(0, 7/3)  mean 7/6          var (7/3)^2 / 12 = 49/108
 *   border entry at Q: 2 + 0.1 x 5        mean 2.5          var 0.1 x 0.9 x 25 = 2.25
 *   last mile Q -> M triangular(1, 2, 4)  mean 7/3          var (1+4+16-2-4-8)/18 = 7/18
 * Mean: 2 + 0.5 + 85/3 + 7/6 + 2.5 + 7/3 = 36.8333...; variance 335/18 + 49/108 + 2.25 =
 * 21.315. The sample mean of n = 200000 runs must lie within 4.5 standard errors
 * (4.5 sqrt(var / n)) of the model's mean, and the sample variance near the model's.
 */
static void test_sample_mean_converges_to_model_days(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    net->countries[us].clearance_days = 2;
    net->countries[us].inspection_prob = 0.1;
    net->countries[us].inspection_days = 5;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    int q = fx_add_node(net, "Q", XBR_NODE_SEAPORT, us);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    net->nodes[p].handling.days = 0.5;
    int links[3];
    links[0] = fx_add_link(net, f, p, XBR_MODE_TRUCK, 1);
    links[1] = fx_add_link(net, p, q, XBR_MODE_SEA, 1);
    links[2] = fx_add_link(net, q, m, XBR_MODE_LAST_MILE, 1);
    net->links[links[0]].days = (xbr_days_t){1, 2, 3};
    net->links[links[1]].days = (xbr_days_t){20, 25, 40};
    net->links[links[1]].departures_per_week = 3;
    net->links[links[2]].days = (xbr_days_t){1, 2, 4};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;
    assert_int_equal(xbr_route_evaluate(sc, 0, m, links, 3, -1, &r, NULL), XBR_OK);
    double mean = 2 + 0.5 + 85.0 / 3 + 7.0 / 6 + 2.5 + 7.0 / 3;
    double var = 335.0 / 18 + 49.0 / 108 + 2.25;
    assert_near(r.days, mean, 1e-9);
    assert_near(r.days_var, var, 1e-9);

    size_t n = 200000;
    xbr_sim_stats_t s;
    assert_int_equal(xbr_simulate_route(sc, &r, n, 2026, 40.0, &s, NULL, NULL), XBR_OK);
    assert_near(s.mean, mean, 4.5 * s.sd / sqrt((double)n));
    assert_near(s.sd * s.sd, var, 0.03 * var);
    /* the fastest possible run: 1 + 0.5 + 20 + 0 + 2 + 1 = 24.5, the slowest 3 + 0.5 + 40 + 7/3
     * + 7 + 4 = 56.83 */
    assert_true(s.min >= 24.5 && s.max <= 56.0 + 5.0 / 6.0 + 1e-9);
    assert_true(s.on_time_share > 0.0 && s.on_time_share < 1.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

/*
 * A stocked route: the consumer clock starts at the warehouse W (US). Upstream a slow sea leg
 * (30 days) and an inspection; after W only the last mile W -> M, triangular(1, 2, 3): mean 2,
 * every run between 1 and 3 days.
 */
static void test_stocked_route_simulates_only_legs_after_warehouse(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    net->countries[us].inspection_prob = 0.5;
    net->countries[us].inspection_days = 10;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, us);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    int links[2];
    links[0] = fx_add_link(net, f, w, XBR_MODE_SEA, 30);
    links[1] = fx_add_link(net, w, m, XBR_MODE_LAST_MILE, 1);
    net->links[links[1]].days = (xbr_days_t){1, 2, 3};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70;
    xbr_route_t r;
    assert_int_equal(xbr_route_evaluate(sc, 0, m, links, 2, w, &r, NULL), XBR_OK);
    assert_near(r.days, 2.0, 1e-12);
    xbr_sim_stats_t s;
    size_t n = 50000;
    assert_int_equal(xbr_simulate_route(sc, &r, n, 3, 2.0, &s, NULL, NULL), XBR_OK);
    assert_true(s.min >= 1.0 && s.max <= 3.0);
    /* sd of triangular(1,2,3) = sqrt((1+4+9-2-3-6)/18) = sqrt(1/6) = 0.408 */
    assert_near(s.mean, 2.0, 4.5 * sqrt(1.0 / 6.0) / sqrt((double)n));
    /* symmetric about the mode 2: half the runs on time against a promise of 2 days */
    assert_near(s.on_time_share, 0.5, 0.01);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

/* Upper tail of the standard normal, 1 - Phi(x) = erfc(x / sqrt 2) / 2. */
static double normal_tail(double x)
{
    return 0.5 * erfc(x / sqrt(2.0));
}

/*
 * Stock-outs of the stocked route F -> W -> M: demand 70 a week (d = 10 a day), cv 0.3
 * (s_d = 0.3 x 70 / sqrt 7 = 7.937 a day), service level 0.95 (z = 1.644854).
 *   Without inspections L = 30 days exactly: lead-time demand is normal (300, 7.937^2 x 30)
 *   and the reorder level 300 + z 7.937 sqrt 30, so a cycle runs out with probability
 *   1 - 0.95 = 0.05.
 *   With US inspections (p 0.5, 10 days): L is 30 or 40 with probability 1/2 each, mu_L = 35,
 *   s_L^2 = 0.25 x 100 = 25; reorder level R = 350 + z sqrt(35 s_d^2 + 100 x 25) = 462.83;
 *   P(out) = 1/2 [tail((R - 300) / (s_d sqrt 30)) + tail((R - 400) / (s_d sqrt 40))]
 *   = 1/2 (0.00009 + 0.1054) = 0.0527, computed below with erfc.
 * n = 200000 cycles: standard error sqrt(0.05 x 0.95 / n) = 0.0005; we allow 0.0025.
 */
static void test_stockout_share_matches_normal_tail(void **state)
{
    (void)state;
    for (int inspect = 0; inspect < 2; inspect++) {
        xbr_network_t *net = fx_net_new();
        int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
        net->countries[us].inspection_prob = inspect ? 0.5 : 0.0;
        net->countries[us].inspection_days = inspect ? 10 : 0;
        int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
        int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, us);
        int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
        int links[2];
        links[0] = fx_add_link(net, f, w, XBR_MODE_SEA, 30);
        links[1] = fx_add_link(net, w, m, XBR_MODE_LAST_MILE, 1);
        xbr_scenario_t *sc = fx_scenario_new(net, f);
        sc->products[0].demand_per_week[m] = 70;
        xbr_route_t r;
        assert_int_equal(xbr_route_evaluate(sc, 0, m, links, 2, w, &r, NULL), XBR_OK);
        double z = xbr_normal_quantile(0.95), d = 10.0, sd = 0.3 * 70 / sqrt(7.0);
        double expected = 0.05;
        if (inspect) {
            assert_near(r.lead_time_days, 35.0, 1e-9);
            assert_near(r.lead_time_var, 25.0, 1e-9);
            double reorder = 350.0 + z * sqrt(35.0 * sd * sd + d * d * 25.0);
            expected = 0.5 * (normal_tail((reorder - 300.0) / (sd * sqrt(30.0))) +
                              normal_tail((reorder - 400.0) / (sd * sqrt(40.0))));
            assert_near(expected, 0.0527, 0.0005); /* the hand figure above */
        }
        xbr_sim_stats_t s;
        assert_int_equal(xbr_simulate_route(sc, &r, 200000, 17, INFINITY, &s, NULL, NULL), XBR_OK);
        assert_near(s.stockout_share, expected, 0.0025);
        assert_near(s.mean, 1.0, 1e-12); /* the consumer still sees only the last mile */
        xbr_route_destroy(&r);
        xbr_scenario_free(sc);
    }
}

/* A direct route keeps no stock: no stock-out share. */
static void test_direct_route_has_no_stockout_share(void **state)
{
    (void)state;
    one_leg_t o;
    one_leg(&o, (xbr_days_t){1, 2, 3}, 0);
    xbr_sim_stats_t s;
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, 100, 1, INFINITY, &s, NULL, NULL), XBR_OK);
    assert_true(isnan(s.stockout_share));
    one_leg_free(&o);
}

/* Same stream seed: the same draws, bit for bit; another seed: other draws. */
static void test_same_seed_same_draws_other_seed_other_draws(void **state)
{
    (void)state;
    one_leg_t o;
    one_leg(&o, (xbr_days_t){2, 3, 10}, 5);
    size_t n = 1000;
    double *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b), *c = calloc(n, sizeof *c);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    xbr_sim_stats_t s;
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, n, 99, INFINITY, &s, a, NULL), XBR_OK);
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, n, 99, INFINITY, &s, b, NULL), XBR_OK);
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, n, 100, INFINITY, &s, c, NULL), XBR_OK);
    assert_memory_equal(a, b, n * sizeof *a);
    assert_true(memcmp(a, c, n * sizeof *a) != 0);
    free(a);
    free(b);
    free(c);
    one_leg_free(&o);
}

/* Streams differ by each id and by how the ids split; they are a pure function of the ids. */
static void test_stream_seeds_depend_on_ids(void **state)
{
    (void)state;
    uint64_t base = xbr_simulate_stream_seed(1, "p", "m", "air");
    assert_true(base == xbr_simulate_stream_seed(1, "p", "m", "air"));
    assert_true(base != xbr_simulate_stream_seed(2, "p", "m", "air"));
    assert_true(base != xbr_simulate_stream_seed(1, "q", "m", "air"));
    assert_true(base != xbr_simulate_stream_seed(1, "p", "n", "air"));
    assert_true(base != xbr_simulate_stream_seed(1, "p", "m", "sea"));
    assert_true(xbr_simulate_stream_seed(1, "ab", "c", "x") !=
                xbr_simulate_stream_seed(1, "a", "bc", "x"));
}

static void test_bad_run_count_is_input_error(void **state)
{
    (void)state;
    one_leg_t o;
    one_leg(&o, (xbr_days_t){1, 1, 1}, 0);
    xbr_sim_stats_t s;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_simulate_route(o.sc, &o.route, 0, 1, INFINITY, &s, NULL, &d), XBR_EINPUT);
    assert_true(d.n_errors == 1);
    xbr_diags_destroy(&d);
    one_leg_free(&o);
}

static xbr_sim_t *simulate_baseline(xbr_scenario_t *sc, xbr_compare_t **cmp, size_t runs,
                                    uint64_t seed, int jobs)
{
    xbr_sim_t *sim = NULL;
    if (*cmp == NULL)
        assert_int_equal(xbr_compare_run(sc, cmp, NULL), XBR_OK);
    assert_int_equal(xbr_simulate_compare(sc, *cmp, runs, seed, jobs, &sim, NULL), XBR_OK);
    return sim;
}

/*
 * On the shipped baseline scenario (direct, stocked and intermediary routes, customs unions,
 * inspections, scheduled sailings): every simulated class's mean lies within 4.5 standard
 * errors of the model's mean days, and --jobs 1, 2 and 3 give identical results.
 */
static void test_compare_means_match_model_and_jobs_do_not_matter(void **state)
{
    (void)state;
    xbr_scenario_t *sc = fx_load_baseline();
    xbr_compare_t *cmp = NULL;
    size_t runs = 4000;
    xbr_sim_t *one = simulate_baseline(sc, &cmp, runs, 7, 1);
    xbr_sim_t *two = simulate_baseline(sc, &cmp, runs, 7, 2);
    xbr_sim_t *three = simulate_baseline(sc, &cmp, runs, 7, 3);
    xbr_sim_t *other = simulate_baseline(sc, &cmp, runs, 8, 2);
    assert_true(one->n_rows > 10);
    assert_int_equal(one->n_rows, two->n_rows);
    assert_int_equal(one->n_rows, three->n_rows);
    size_t differ = 0, stocked = 0;
    for (size_t i = 0; i < one->n_rows; i++) {
        const xbr_sim_row_t *x = &one->rows[i];
        assert_memory_equal(&x->stats, &two->rows[i].stats, sizeof x->stats);
        assert_memory_equal(&x->stats, &three->rows[i].stats, sizeof x->stats);
        assert_string_equal(x->class_name, two->rows[i].class_name);
        differ += x->stats.mean != other->rows[i].stats.mean;
        stocked += x->stocked;
        assert_near(x->stats.mean, x->model_days, 4.5 * x->stats.sd / sqrt((double)runs) + 1e-9);
    }
    assert_true(stocked > 0);
    assert_true(differ > 0);
    xbr_simulate_free(one);
    xbr_simulate_free(two);
    xbr_simulate_free(three);
    xbr_simulate_free(other);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

/* ---- the writer, on the comparison fixture (analysis_fixture.h) ---------------------------
 *
 * Rows M (promise 5: express 3 days wins, air 2, sea 30), M2 (no route) and M3 (promise 5: sea
 * 30 days only). Every route is one fixed link, so every run takes its days exactly: the mean,
 * every quantile, min and max are the days, the sd 0, on time 1 (3 <= 5) or 0 (30 > 5).
 */

static xbr_sim_t *simulate_fixture(const xbr_scenario_t *sc, xbr_compare_t **cmp)
{
    xbr_sim_t *sim = NULL;
    assert_int_equal(xbr_compare_run(sc, cmp, NULL), XBR_OK);
    assert_int_equal(xbr_simulate_compare(sc, *cmp, 50, 1, 2, &sim, NULL), XBR_OK);
    return sim;
}

static char *write_sim(const xbr_scenario_t *sc, const xbr_compare_t *cmp, const xbr_sim_t *sim,
                       xbr_format_t format)
{
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_simulate_write(&b, sc, cmp, sim, format), XBR_OK);
    return b.data;
}

static void test_pick_winner_else_first(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = NULL;
    xbr_sim_t *sim = simulate_fixture(sc, &cmp);
    assert_int_equal(sim->n_rows, 4); /* express, air, sea of M; sea of M3 */
    assert_int_equal(xbr_simulate_pick(sim, 0), 0);
    assert_true(sim->rows[0].winner);
    assert_int_equal(xbr_simulate_pick(sim, 1), -1);
    assert_int_equal(xbr_simulate_pick(sim, 2), 3);
    assert_string_equal(sim->rows[3].class_name, "sea");
    assert_false(sim->rows[3].winner);
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

static void test_write_text_json_csv(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = NULL;
    xbr_sim_t *sim = simulate_fixture(sc, &cmp);
    char *t = write_sim(sc, cmp, sim, XBR_FORMAT_TEXT);
    assert_non_null(strstr(t, "simulate: scenario , 3 product x market pairs, 50 runs per route, "
                              "seed 1\n"));
    assert_non_null(strstr(t, "\np -> M2  (no promise)\n  no route of any class\n"));
    assert_non_null(strstr(t, "\n  express *           3.00    3.00    0.00    3.00    3.00    "
                              "3.00   100.0%         -\n"));
    free(t);
    t = write_sim(sc, cmp, sim, XBR_FORMAT_CSV);
    assert_non_null(strstr(t, "\np,M,5,express,1,0,50,3,3,0,3,3,3,3,3,1,\n"));
    assert_non_null(strstr(t, "\np,M3,5,sea,0,0,50,30,30,0,30,30,30,30,30,0,\n"));
    assert_null(strstr(t, "M2"));
    free(t);
    t = write_sim(sc, cmp, sim, XBR_FORMAT_JSON);
    assert_non_null(strstr(t, "\"seed\": \"1\""));
    assert_non_null(strstr(t, "\"classes\": []"));
    free(t);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_simulate_write(&b, sc, cmp, sim, XBR_FORMAT_COUNT), XBR_EINPUT);
    xbr_buf_destroy(&b);
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

static void test_histogram(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = NULL;
    xbr_sim_t *sim = simulate_fixture(sc, &cmp);
    xbr_buf_t b;
    xbr_diags_t d;
    xbr_buf_init(&b);
    xbr_diags_init(&d);
    assert_int_equal(xbr_simulate_histogram(&b, sc, cmp, sim, 0, &d), XBR_OK);
    assert_non_null(strstr(b.data, "<svg"));
    assert_non_null(strstr(b.data, "p -&gt; M, express: delivery days (50 runs)"));
    assert_int_equal(xbr_simulate_histogram(&b, sc, cmp, sim, 4, &d), XBR_EINPUT);
    assert_int_equal(d.n_errors, 1);
    xbr_diags_destroy(&d);
    xbr_buf_destroy(&b);
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_triangular_leg_median_matches_closed_form),
        cmocka_unit_test(test_uniform_wait_p90_is_nine_tenths_of_headway),
        cmocka_unit_test(test_fixed_route_on_time_share_is_zero_or_one),
        cmocka_unit_test(test_sample_mean_converges_to_model_days),
        cmocka_unit_test(test_stocked_route_simulates_only_legs_after_warehouse),
        cmocka_unit_test(test_stockout_share_matches_normal_tail),
        cmocka_unit_test(test_direct_route_has_no_stockout_share),
        cmocka_unit_test(test_same_seed_same_draws_other_seed_other_draws),
        cmocka_unit_test(test_stream_seeds_depend_on_ids),
        cmocka_unit_test(test_bad_run_count_is_input_error),
        cmocka_unit_test(test_compare_means_match_model_and_jobs_do_not_matter),
        cmocka_unit_test(test_pick_winner_else_first),
        cmocka_unit_test(test_write_text_json_csv),
        cmocka_unit_test(test_histogram),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
