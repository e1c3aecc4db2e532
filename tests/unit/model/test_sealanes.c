/*
 * test_sealanes.c - sea links routed on the sea-lane network (model/sealanes.c).
 *
 * The expected distances are not the program's: tools/data/sea_distances.csv was computed by
 * the research session with its own graph code (networkx-style Dijkstra on marnet_edges.csv,
 * see tools/data/README.md), and tools/data/key_seaports.csv gives each port's snap distance
 * (marnet_snap_km, 1 decimal). Each of the 378 pairs must come out within 1 % (the file rounds
 * nautical miles to integers), with the same passages (the marnet tags that are xbroute
 * passages: ormuz = hormuz, south_africa = cape; sunda, chili, bering, bosporus and dardanelles
 * have no xbroute name). Then with Suez, Bab-el-Mandeb and Panama closed, the same against the
 * file's distance_nm_no_suez_no_panama x 1.852 km (blank: the route does not change).
 * A published figure as a further check: J.-P. Rodrigue, Port Economics, Management and Policy,
 * "Routing options between Shanghai, Rotterdam and New York": Shanghai-Rotterdam about 10,600
 * nautical miles via Suez and 13,800 round the Cape (within 1 %).
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"

#define KM_PER_NM 1.852
#define MAX_PORTS 32

typedef struct {
    char code[8];
    double lon, lat, snap_km;
} port_t;

static port_t ports[MAX_PORTS];
static int n_ports;

/* Splits line (modified) at commas into at most max fields; returns the count. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == ',') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

static FILE *open_data(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tools/data/%s", XBR_SOURCE_DIR, name);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    return f;
}

static void read_ports(void)
{
    char line[512], *f[8];
    FILE *in = open_data("key_seaports.csv");
    n_ports = 0;
    assert_non_null(fgets(line, sizeof line, in)); /* header */
    while (fgets(line, sizeof line, in) != NULL && n_ports < MAX_PORTS) {
        assert_int_equal(split(line, f, 8), 7);
        port_t *p = &ports[n_ports++];
        snprintf(p->code, sizeof p->code, "%s", f[0]);
        p->lon = atof(f[3]);
        p->lat = atof(f[4]);
        p->snap_km = atof(f[6]);
    }
    fclose(in);
    assert_int_equal(n_ports, 28);
}

static int port_index(const char *code)
{
    for (int i = 0; i < n_ports; i++)
        if (strcmp(ports[i].code, code) == 0)
            return i;
    fail_msg("unknown port %s", code);
    return -1;
}

/* The xbroute passages of a ';'-separated list of marnet tags. */
static unsigned passages(const char *list)
{
    char buf[256];
    unsigned bits = 0;
    snprintf(buf, sizeof buf, "%s", list);
    for (char *t = strtok(buf, ";"); t != NULL; t = strtok(NULL, ";")) {
        int p = strcmp(t, "ormuz") == 0          ? XBR_PASSAGE_HORMUZ
                : strcmp(t, "south_africa") == 0 ? XBR_PASSAGE_CAPE
                                                 : xbr_passage_parse(t);
        if (p >= 0)
            bits |= 1u << p;
    }
    return bits;
}

/* A network of one seaport per port of key_seaports.csv (all in country XX), no links. */
static xbr_network_t *port_network(void)
{
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "XX");
    for (int i = 0; i < n_ports; i++) {
        int k = fx_add_node(net, ports[i].code, XBR_NODE_SEAPORT, c);
        net->nodes[k].lat = ports[i].lat;
        net->nodes[k].lon = ports[i].lon;
    }
    return net;
}

/* A sea link from port a to port b with no distance (the lanes give it) and via `via`. */
static int sea_link(xbr_network_t *net, int a, int b, unsigned via)
{
    int l = fx_add_link(net, a, b, XBR_MODE_SEA, 30);
    net->links[l].distance_given = false;
    net->links[l].distance_km = NAN;
    net->links[l].via = via;
    return l;
}

typedef struct {
    int a, b;
    double km, km_closed; /* km_closed NAN: the route does not change */
    unsigned via, via_closed;
} pair_t;

static pair_t pairs[400];
static int n_pairs;

static void read_pairs(void)
{
    char line[1024], *f[12];
    FILE *in = open_data("sea_distances.csv");
    n_pairs = 0;
    assert_non_null(fgets(line, sizeof line, in));
    while (fgets(line, sizeof line, in) != NULL && n_pairs < 400) {
        assert_int_equal(split(line, f, 12), 9);
        pair_t *p = &pairs[n_pairs++];
        p->a = port_index(f[0]);
        p->b = port_index(f[2]);
        p->km = atof(f[4]);
        p->via = passages(f[6]);
        p->km_closed = f[7][0] ? atof(f[7]) * KM_PER_NM : NAN;
        p->via_closed = f[7][0] ? passages(f[8]) : p->via;
    }
    fclose(in);
    assert_int_equal(n_pairs, 378);
}

static int setup(void **state)
{
    (void)state;
    read_ports();
    read_pairs();
    return 0;
}

/* Within 1 % (and 1 km, for the pairs that snap to the same node: 0 km). */
static void assert_within_1pct(const char *what, const pair_t *p, double got, double want)
{
    if (!(fabs(got - want) <= 0.01 * want + 1.0))
        fail_msg("%s %s-%s: %.1f km, expected %.1f km", what, ports[p->a].code, ports[p->b].code,
                 got, want);
}

static void test_snap_distances(void **state)
{
    (void)state;
    for (int i = 0; i < n_ports; i++) {
        double km;
        assert_true(xbr__sealanes_snap(ports[i].lat, ports[i].lon, &km) >= 0);
        assert_near(km, ports[i].snap_km, 0.051); /* the file rounds to 0.1 km */
    }
}

static void test_all_pairs_open_and_closed(void **state)
{
    (void)state;
    xbr_network_t *net = port_network();
    for (int k = 0; k < n_pairs; k++)
        sea_link(net, pairs[k].a, pairs[k].b, 0);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    for (int k = 0; k < n_pairs; k++) {
        const xbr_link_t *l = &net->links[k];
        assert_non_null(l->lane);
        assert_within_1pct("open", &pairs[k], l->lane->km, pairs[k].km);
        assert_int_equal(l->lane->via, pairs[k].via);
        assert_int_equal(l->via, pairs[k].via); /* filled from the lane: the file gave none */
        assert_near(l->lane->snap_from_km, ports[pairs[k].a].snap_km, 0.051);
        assert_near(l->lane->snap_to_km, ports[pairs[k].b].snap_km, 0.051);
        assert_false(l->closed);
    }
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_SUEZ, NULL, NULL), XBR_OK);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_BABALMANDAB, NULL, NULL), XBR_OK);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_PANAMA, NULL, NULL), XBR_OK);
    for (int k = 0; k < n_pairs; k++) {
        const xbr_link_t *l = &net->links[k];
        double want = isnan(pairs[k].km_closed) ? pairs[k].km : pairs[k].km_closed;
        assert_within_1pct("closed", &pairs[k], l->lane->km, want);
        assert_int_equal(l->lane->via, pairs[k].via_closed);
        assert_false(l->closed);
        /* the distance is the lane length, or the great circle when snapping made the lane
         * shorter than that (ports close together, e.g. Los Angeles-Long Beach: 0 km) */
        const port_t *a = &ports[pairs[k].a], *b = &ports[pairs[k].b];
        double gc = xbr_great_circle_km(a->lat, a->lon, b->lat, b->lon);
        assert_close(l->distance_km, fmax(l->lane->km, gc));
    }
    xbr_network_free(net);
}

static void test_published_shanghai_rotterdam(void **state)
{
    (void)state;
    xbr_network_t *net = port_network();
    int sha = port_index("CNSHA"), rtm = port_index("NLRTM");
    int suez = sea_link(net, sha, rtm, 0);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    assert_near(net->links[suez].distance_km, 10600 * KM_PER_NM, 0.01 * 10600 * KM_PER_NM);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_SUEZ, NULL, NULL), XBR_OK);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_BABALMANDAB, NULL, NULL), XBR_OK);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_PANAMA, NULL, NULL), XBR_OK);
    assert_near(net->links[suez].distance_km, 13800 * KM_PER_NM, 0.01 * 13800 * KM_PER_NM);
    assert_true(net->links[suez].via & (1u << XBR_PASSAGE_CAPE));
    xbr_network_free(net);
}

static void count_no_path(void *ctx, size_t link)
{
    (void)link;
    ++*(int *)ctx;
}

/*
 * Shanghai-Rotterdam as the shipped network has it: a Suez service (via stated) and a Cape
 * service (via [cape] stated), plus a link with no via and one with no via but a given
 * distance. The Cape service keeps to the Cape while Suez is open; closing Suez closes the
 * Suez service (its via names it) and sends the free link through Panama; closing Bab-el-Mandeb
 * and Panama too sends it round the Cape (the pair's distance_nm_no_suez_no_panama) and scales
 * the given distance by new / old lane length.
 * Shanghai-Valencia with Suez and Gibraltar closed has no lane left (the Mediterranean is
 * reached only through them): closed, reported once.
 */
static void test_pinned_and_rerouted(void **state)
{
    (void)state;
    xbr_network_t *net = port_network();
    int sha = port_index("CNSHA"), rtm = port_index("NLRTM"), vlc = port_index("ESVLC");
    const pair_t *p = NULL, *pv = NULL;
    for (int k = 0; k < n_pairs; k++) {
        if (pairs[k].a == sha && pairs[k].b == rtm)
            p = &pairs[k];
        if (pairs[k].a == sha && pairs[k].b == vlc)
            pv = &pairs[k];
    }
    assert_non_null(p);
    assert_non_null(pv);
    unsigned suez_via = (1u << XBR_PASSAGE_SUEZ) | (1u << XBR_PASSAGE_BABALMANDAB) |
                        (1u << XBR_PASSAGE_MALACCA) | (1u << XBR_PASSAGE_GIBRALTAR);
    int ls = sea_link(net, sha, rtm, suez_via);
    int lc = sea_link(net, sha, rtm, 1u << XBR_PASSAGE_CAPE);
    int lf = sea_link(net, sha, rtm, 0);
    int lg = sea_link(net, sha, rtm, 0);
    net->links[lg].distance_given = true;
    net->links[lg].distance_km = 20000.0;
    int lv = sea_link(net, sha, vlc, 0);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    assert_within_1pct("suez service", p, net->links[ls].distance_km, p->km);
    assert_within_1pct("cape service", p, net->links[lc].distance_km, p->km_closed);
    assert_true(net->links[lc].lane->via & (1u << XBR_PASSAGE_CAPE));
    assert_int_equal(net->links[lc].via, 1u << XBR_PASSAGE_CAPE); /* stated: kept */
    assert_close(net->links[lg].distance_km, 20000.0);
    double before = net->links[lg].lane->km;

    int no_path = 0;
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_SUEZ, count_no_path, &no_path),
                     XBR_OK);
    /* Suez alone closed: the free link goes through Panama, shorter than the Cape (the pair's
     * Cape distance is the file's, Panama's is only known to be shorter) */
    assert_true(net->links[lf].via & (1u << XBR_PASSAGE_PANAMA));
    assert_true(net->links[lf].distance_km < p->km_closed);
    assert_int_equal(
        xbr__sealanes_close_passage(net, XBR_PASSAGE_BABALMANDAB, count_no_path, &no_path), XBR_OK);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_PANAMA, count_no_path, &no_path),
                     XBR_OK);
    assert_true(net->links[ls].closed);
    assert_false(net->links[lc].closed);
    assert_false(net->links[lf].closed);
    assert_within_1pct("free link", p, net->links[lf].distance_km, p->km_closed);
    assert_true(net->links[lf].via & (1u << XBR_PASSAGE_CAPE));
    assert_close(net->links[lg].distance_km, 20000.0 * net->links[lg].lane->km / before);
    assert_int_equal(no_path, 0);
    assert_false(net->links[lv].closed); /* round the Cape and through Gibraltar */
    assert_int_equal(
        xbr__sealanes_close_passage(net, XBR_PASSAGE_GIBRALTAR, count_no_path, &no_path), XBR_OK);
    assert_true(net->links[lv].closed);
    assert_int_equal(no_path, 1);
    assert_true(net->closed_passages & (1u << XBR_PASSAGE_GIBRALTAR));
    xbr_network_free(net);
}

/*
 * A link that gives a speed: 16 knots = 16 x 1.852 km/h x 24 h = 711.168 km a day, plus 3 days
 * in port. Shanghai-Rotterdam via Suez (the file's 19,610.5 km): 3 + 19,610.5 / 711.168 =
 * 30.57 days; round the Cape once Suez, Bab-el-Mandeb and Panama close (13,909 nm x 1.852 =
 * 25,759.5 km): 3 + 25,759.5 / 711.168 = 39.22 days. Within 1 %, as the lengths are.
 */
static void test_knots_give_days_that_follow_the_lane(void **state)
{
    (void)state;
    xbr_network_t *net = port_network();
    int sha = port_index("CNSHA"), rtm = port_index("NLRTM");
    int l = sea_link(net, sha, rtm, 0);
    net->links[l].knots = 16.0;
    net->links[l].port_days = 3.0;
    assert_int_equal(xbr__network_index(net), XBR_OK);
    const xbr_days_t *d = &net->links[l].days;
    assert_near(d->mode, 30.57, 0.01 * 30.57);
    assert_true(d->min == d->mode && d->mode == d->max);
    assert_close(d->mode, 3.0 + net->links[l].distance_km / 711.168);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_SUEZ, NULL, NULL), XBR_OK);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_BABALMANDAB, NULL, NULL), XBR_OK);
    assert_int_equal(xbr__sealanes_close_passage(net, XBR_PASSAGE_PANAMA, NULL, NULL), XBR_OK);
    assert_near(d->mode, 39.22, 0.01 * 39.22);
    assert_close(d->mode, 3.0 + net->links[l].distance_km / 711.168);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snap_distances),
        cmocka_unit_test(test_all_pairs_open_and_closed),
        cmocka_unit_test(test_published_shanghai_rotterdam),
        cmocka_unit_test(test_pinned_and_rerouted),
        cmocka_unit_test(test_knots_give_days_that_follow_the_lane),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
