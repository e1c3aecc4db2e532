/*
 * generate/scenario.c - the generated scenario file (generate/internal.h): products cycled
 * from the catalogue with jittered weight, volume and value, origins among the factories, and
 * log-uniform demand in up to 200 distinct markets each, from the products' own stream
 * (G_PRODUCTS), so the product count never changes the network's bytes.
 */
#include <math.h>
#include <stdio.h>

#include "generate/internal.h"

/* 1 to 3 distinct factories (by a coprime stride from a random start). */
static void write_origins(xbr_json_t *j, uint64_t *r, const xbr__gen_plan_t *n)
{
    size_t nf = n->count[XBR_NODE_FACTORY][C_CN];
    size_t f0 = n->start[XBR_NODE_FACTORY][C_CN];
    size_t n_orig = 1 + xbr__draw_below(r, 3);
    if (n_orig > nf)
        n_orig = nf;
    size_t start = xbr__draw_below(r, nf), stride = xbr__draw_stride(r, nf);
    if (n_orig == 1) {
        xbr_json_string(j, "origin", n->nodes[f0 + start].id);
        return;
    }
    xbr_json_array_begin(j, "origin");
    for (size_t o = 0; o < n_orig; o++)
        xbr_json_string(j, NULL, n->nodes[f0 + (start + o * stride) % nf].id);
    xbr_json_array_end(j);
}

/* Demand: 1-200 units a week, log-uniform, in up to 200 distinct markets. */
static void write_demand(xbr_json_t *j, uint64_t *r, const xbr__gen_plan_t *n)
{
    size_t m0 = n->start[XBR_NODE_MARKET][0];
    size_t nm = n->start[XBR_NODE_MARKET][N_COUNTRY] - m0;
    size_t n_dem = nm < 200 ? nm : 200;
    size_t start = xbr__draw_below(r, nm), stride = xbr__draw_stride(r, nm);
    xbr_json_object_begin(j, "demand");
    for (size_t k = 0; k < n_dem; k++) {
        double units = round(exp(xbr__draw_range(r, 0, log(200.0))));
        xbr_json_number(j, n->nodes[m0 + (start + k * stride) % nm].id, units);
    }
    xbr_json_object_end(j);
}

/* Product i (SKU00i+1): the catalogue entry i mod N_CATALOG, numbered from the second round. */
static void write_product(xbr_json_t *j, uint64_t *r, const xbr__gen_plan_t *n, size_t i)
{
    const xbr__gen_product_t *c = &xbr__place_catalog[i % N_CATALOG];
    char text[160];
    xbr_json_object_begin(j, NULL);
    snprintf(text, sizeof text, "SKU%03zu", i + 1);
    xbr_json_string(j, "id", text);
    if (i < N_CATALOG) {
        xbr_json_string(j, "name", c->name);
    } else {
        snprintf(text, sizeof text, "%s %zu", c->name, i / N_CATALOG + 1);
        xbr_json_string(j, "name", text);
    }
    xbr_json_string(j, "category", xbr__place_category[c->category]);
    write_origins(j, r, n);
    xbr_json_number(j, "unit_kg", xbr__draw_round(c->kg * xbr__draw_range(r, 0.8, 1.25), 0.001));
    xbr_json_number(j, "unit_m3", xbr__draw_round(c->m3 * xbr__draw_range(r, 0.8, 1.25), 0.00001));
    xbr_json_number(j, "unit_value",
                    xbr__draw_round(c->value * xbr__draw_range(r, 0.8, 1.25), 0.01));
    xbr_json_number(j, "demand_cv", xbr__draw_round(xbr__draw_range(r, 0.2, 0.6), 0.01));
    if (i % 3 == 0)
        xbr_json_number(j, "max_days", i % 2 == 0 ? 5 : 7);
    write_demand(j, r, n);
    xbr_json_object_end(j);
}

void xbr__scenario_write(xbr_buf_t *b, const xbr_generate_params_t *p, const xbr__gen_plan_t *n,
                         size_t n_products)
{
    uint64_t r = xbr__draw_stream(p->seed, G_PRODUCTS);
    xbr_json_t j;
    char text[160];
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "format", "xbroute.scenario/1");
    snprintf(text, sizeof text, "synthetic-%zu-links-seed-%llu", p->links,
             (unsigned long long)p->seed);
    xbr_json_string(&j, "name", text);
    xbr_json_string(&j, "description",
                    "Synthetic products made by xbroute generate: factories as origins, "
                    "demand in up to 200 markets per product, for benchmarks.");
    xbr_json_string(&j, "network", p->network_ref ? p->network_ref : "network.json");
    xbr_json_number(&j, "max_days", 10);
    xbr_json_number(&j, "service_level", 0.95);
    xbr_json_number(&j, "holding_rate_per_year", 0.12);
    xbr_json_number(&j, "review_days", 14);
    xbr_json_array_begin(&j, "products");
    for (size_t i = 0; i < n_products; i++)
        write_product(&j, &r, n, i);
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}
