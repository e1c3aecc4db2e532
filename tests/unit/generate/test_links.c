/*
 * test_links.c - the generated link groups (generate/links.c), written through the emitter and
 * read back with cJSON: as many links of each group as the node counts say (sea 8 x 13 + a
 * second lane to the 7 ports that have one, air 9 x 20, rail 5 x 4, last mile per market from
 * its country's airport, warehouses and retailers), the fixed count plus the direct ones, every
 * link between nodes of the right types, and distinct markets per factory and direct mode.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/internal.h"

typedef struct {
    xbr__gen_plan_t plan;
    size_t direct;
    cJSON *doc;
} made_t;

static void make(made_t *m, size_t links, uint64_t seed)
{
    xbr_generate_params_t p;
    xbr__gen_sizes_t s;
    xbr_generate_params_init(&p);
    p.links = links;
    p.seed = seed;
    assert_int_equal(xbr__plan_make(&p, &s, &m->plan, &m->direct, NULL), XBR_OK);
    m->plan.nodes = calloc(m->plan.n_nodes, sizeof *m->plan.nodes);
    assert_non_null(m->plan.nodes);
    xbr__nodes_build(&m->plan, seed);
    xbr_buf_t b;
    xbr__emit_t e;
    xbr_buf_init(&b);
    xbr__emit_begin(&e, &b, &m->plan, &p);
    xbr__links_write(&e, seed, m->direct);
    xbr__emit_end(&e);
    assert_int_equal(e.links, links);
    m->doc = cJSON_Parse(b.data);
    assert_non_null(m->doc);
    xbr_buf_destroy(&b);
}

static void unmake(made_t *m)
{
    cJSON_Delete(m->doc);
    free(m->plan.nodes);
}

/* The type of the node with id `id` (ids start with the type's letter). */
static int type_of(const char *id)
{
    static const char letters[] = "FEIHRPATWM";
    const char *at = strchr(letters, id[0]);
    assert_non_null(at);
    return (int)(at - letters);
}

static void test_group_sizes(void **state)
{
    (void)state;
    made_t m;
    make(&m, 8000, 4);
    const cJSON *links = cJSON_GetObjectItem(m.doc, "links");
    assert_int_equal(cJSON_GetArraySize(links), 8000);
    size_t by_mode[XBR_MODE_COUNT] = {0}, last_mile_into[N_COUNTRY] = {0};
    const cJSON *l;
    cJSON_ArrayForEach(l, links)
    {
        int mode = xbr_mode_parse(cJSON_GetObjectItem(l, "mode")->valuestring);
        assert_true(mode >= 0);
        by_mode[mode]++;
        const char *from = cJSON_GetObjectItem(l, "from")->valuestring;
        const char *to = cJSON_GetObjectItem(l, "to")->valuestring;
        if (mode == XBR_MODE_SEA)
            assert_true(type_of(from) == XBR_NODE_SEAPORT && type_of(to) == XBR_NODE_SEAPORT);
        if (mode == XBR_MODE_AIR)
            assert_true(type_of(from) == XBR_NODE_AIRPORT && type_of(to) == XBR_NODE_AIRPORT);
        if (mode == XBR_MODE_LAST_MILE) {
            assert_int_equal(type_of(to), XBR_NODE_MARKET);
            last_mile_into[0]++;
        }
        if (mode == XBR_MODE_POST)
            assert_true(type_of(from) == XBR_NODE_FACTORY && type_of(to) == XBR_NODE_MARKET);
    }
    assert_int_equal(by_mode[XBR_MODE_SEA], 8 * 13 + 8 * 7);
    assert_int_equal(by_mode[XBR_MODE_AIR], 9 * 20);
    assert_int_equal(by_mode[XBR_MODE_RAIL], 5 * 4);
    size_t want_last_mile = 0;
    for (int c = 1; c < N_COUNTRY; c++) {
        size_t w = m.plan.count[XBR_NODE_WAREHOUSE][c], r = m.plan.count[XBR_NODE_RETAILER][c];
        want_last_mile +=
            m.plan.count[XBR_NODE_MARKET][c] * (1 + (w < 2 ? w : 2) + (r < 2 ? r : 2));
    }
    assert_int_equal(last_mile_into[0], want_last_mile);
    /* the direct mail: post links are the odd half of each factory's share */
    size_t nf = m.plan.count[XBR_NODE_FACTORY][C_CN], want_post = 0;
    for (size_t f = 0; f < nf; f++)
        want_post += (m.direct / nf + (f < m.direct % nf ? 1 : 0)) / 2;
    assert_int_equal(by_mode[XBR_MODE_POST], want_post);
    unmake(&m);
}

static void test_direct_links_reach_distinct_markets(void **state)
{
    (void)state;
    made_t m;
    make(&m, 6000, 2);
    const cJSON *l;
    size_t n_pairs = 0;
    xbr__strmap_t seen;
    xbr__strmap_init(&seen);
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(m.doc, "links"))
    {
        const char *from = cJSON_GetObjectItem(l, "from")->valuestring;
        const char *to = cJSON_GetObjectItem(l, "to")->valuestring;
        if (type_of(from) != XBR_NODE_FACTORY || type_of(to) != XBR_NODE_MARKET)
            continue;
        /* no two factory -> market links of one mode between the same nodes */
        char *key = malloc(32);
        assert_non_null(key);
        snprintf(key, 32, "%s>%s:%s", from, to, cJSON_GetObjectItem(l, "mode")->valuestring);
        assert_int_equal(xbr__strmap_get(&seen, key), -1);
        assert_int_equal(xbr__strmap_put(&seen, key, 0), XBR_OK);
        n_pairs++;
    }
    assert_int_equal(n_pairs, m.direct);
    for (size_t i = 0; i < seen.capacity; i++)
        free((char *)seen.keys[i]);
    xbr__strmap_destroy(&seen);
    unmake(&m);
}

static void test_sea_ids_name_the_lane(void **state)
{
    (void)state;
    made_t m;
    make(&m, 3000, 1);
    const cJSON *l;
    size_t with_id = 0, cape = 0;
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(m.doc, "links"))
    {
        const cJSON *id = cJSON_GetObjectItem(l, "id");
        if (id == NULL)
            continue;
        with_id++;
        const cJSON *via = cJSON_GetObjectItem(l, "via");
        assert_non_null(via);
        if (strstr(id->valuestring, ":sea:cape") != NULL) {
            cape++;
            assert_string_equal(cJSON_GetArrayItem(via, 0)->valuestring, "cape");
        }
    }
    /* only ports with two lanes carry ids: 7 ports x 8 CN ports x 2 lanes */
    assert_int_equal(with_id, 7 * 8 * 2);
    assert_int_equal(cape, 7 * 8);
    unmake(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_group_sizes),
        cmocka_unit_test(test_direct_links_reach_distinct_markets),
        cmocka_unit_test(test_sea_ids_name_the_lane),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
