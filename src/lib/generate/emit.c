/*
 * generate/emit.c - the generated network file's JSON (generate/internal.h), written with the
 * one JSON writer: the document pretty-printed, sources and regimes one per line with spaces
 * (LINE layout), countries, nodes and links one per line without white space (COMPACT), so a
 * million links make a file of about 135 bytes each. Numbers are written with the decimals
 * they were rounded to (xbr_json_fixed); a 0 is left out where the format's default is 0.
 */
#include <stdio.h>

#include "generate/internal.h"

/* Writes `key: v` with `dec` decimals only when v is not 0. */
static void opt_fixed(xbr_json_t *j, const char *key, double v, int dec)
{
    if (v != 0)
        xbr_json_fixed(j, key, v, dec);
}

/* The sources every generated object cites. */
static void write_sources(xbr_json_t *j)
{
    static const char *const sources[][4] = {
        {"generator",
         "every rate, day count, capacity, markup, warehouse figure and customs rule: seeded "
         "random draws around plausible magnitudes",
         "xbroute generate (include/xbroute/generate.h)", "2026-11"},
        {"searoute",
         "seaport UN/LOCODEs and coordinates; port-to-port sea distances via Suez or Panama "
         "and round the Cape",
         "genthalili/searoute-py @ 4446009a (ports.geojson, marnet_searoute.geojson) via "
         "tools/data/key_seaports.csv and sea_distances.csv",
         "2026-05-17"},
        {"airportsdata",
         "airport IATA codes and coordinates (rail terminals: coordinates of the city's "
         "airport)",
         "mborsetti/airportsdata @ 671fa36e (airports.csv) via tools/data/cargo_airports.csv "
         "and airports_iata.csv",
         "2026-08-02"},
        {"refrates",
         "magnitudes of sea, air, express, post and last-mile rates, transit times and "
         "storage fees around which the draws are made",
         "tools/data/reference-rates.md (Drewry WCI, Freightos FBX/FAX, Baltic Air Freight "
         "Index, Amazon FBA fees, Pitney Bowes Parcel Shipping Index)",
         "2026-11-22"},
    };
    xbr_json_array_begin(j, "sources");
    xbr_json_set_layout(j, XBR_JSON_LINE);
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "id", sources[i][0]);
        xbr_json_string(j, "what", sources[i][1]);
        xbr_json_string(j, "where", sources[i][2]);
        xbr_json_string(j, "date", sources[i][3]);
        xbr_json_object_end(j);
    }
    xbr_json_set_layout(j, XBR_JSON_PRETTY);
    xbr_json_array_end(j);
}

/* One country: the origin has only its name; destinations their customs figures. */
static void write_country(xbr_json_t *j, int c)
{
    const xbr__gen_country_t *k = &xbr__place_countries[c];
    xbr_json_object_begin(j, k->code);
    xbr_json_string(j, "name", k->name);
    if (c == C_DE || c == C_FR || c == C_NL || c == C_PL || c == C_BE || c == C_ES)
        xbr_json_string(j, "customs_union", "EU");
    if (c != C_CN) {
        xbr_json_fixed(j, "de_minimis", k->de_minimis, 2);
        xbr_json_fixed(j, "vat_de_minimis", k->vat_de_minimis, 2);
        xbr_json_object_begin(j, "duty_pct");
        xbr_json_fixed(j, "default", k->duty_default, 2);
        for (int q = 0; q < N_CAT; q++)
            xbr_json_fixed(j, xbr__place_category[q], k->duty[q], 2);
        xbr_json_object_end(j);
        xbr_json_fixed(j, "vat_pct", k->vat_pct, 2);
        xbr_json_fixed(j, "clearance_days", k->clearance_days, 2);
        xbr_json_fixed(j, "clearance_fee_per_shipment", k->clearance_fee, 2);
        xbr_json_fixed(j, "inspection_prob", k->inspection_prob, 3);
        xbr_json_fixed(j, "inspection_days", k->inspection_days, 2);
    }
    xbr_json_string(j, "source", "generator");
    xbr_json_object_end(j);
}

/* Export clearance by regime: synthetic; direct mail clears fastest. */
static void write_regimes(xbr_json_t *j)
{
    static const struct {
        const char *code;
        double days, fee;
    } regimes[] = {
        {"9610", 0.5, 0}, {"9710", 1, 20}, {"9810", 1, 40}, {"1210", 1, 30}, {"0110", 2, 60}};
    xbr_json_object_begin(j, "regimes");
    xbr_json_set_layout(j, XBR_JSON_LINE);
    for (size_t i = 0; i < sizeof regimes / sizeof regimes[0]; i++) {
        xbr_json_object_begin(j, regimes[i].code);
        xbr_json_number(j, "clearance_days", regimes[i].days);
        xbr_json_number(j, "fee_per_shipment", regimes[i].fee);
        xbr_json_string(j, "source", "generator");
        xbr_json_object_end(j);
    }
    xbr_json_set_layout(j, XBR_JSON_PRETTY);
    xbr_json_object_end(j);
}

static void write_node(xbr_json_t *j, const xbr__gen_node_t *g)
{
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "id", g->id);
    xbr_json_string(j, "type", xbr_node_type_name((xbr_node_type_t)g->type));
    xbr_json_string(j, "name", g->name);
    xbr_json_string(j, "country", xbr__place_countries[g->country].code);
    xbr_json_fixed(j, "lat", g->lat, 6);
    xbr_json_fixed(j, "lon", g->lon, 6);
    if (g->code != NULL)
        xbr_json_string(j, "code", g->code);
    if (g->h_kg != 0 || g->h_unit != 0 || g->h_days != 0) {
        xbr_json_object_begin(j, "handling");
        opt_fixed(j, "cost_per_kg", g->h_kg, 3);
        opt_fixed(j, "cost_per_unit", g->h_unit, 2);
        opt_fixed(j, "days", g->h_days, 1);
        xbr_json_object_end(j);
    }
    opt_fixed(j, "markup_pct", g->markup, 1);
    opt_fixed(j, "storage_cost_per_m3_day", g->storage, 2);
    opt_fixed(j, "fixed_cost_per_week", g->fixed, 0);
    opt_fixed(j, "capacity_m3", g->capacity, 0);
    if (g->source != NULL)
        xbr_json_string(j, "source", g->source);
    xbr_json_object_end(j);
}

void xbr__emit_begin(xbr__emit_t *e, xbr_buf_t *b, const xbr__gen_plan_t *plan,
                     const xbr_generate_params_t *params)
{
    xbr_json_t *j = &e->j;
    char name[96];
    e->plan = plan;
    e->links = 0;
    xbr_json_init_layout(j, b, XBR_JSON_PRETTY, -1);
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "format", "xbroute.network/1");
    snprintf(name, sizeof name, "synthetic-%zu-links-seed-%llu", params->links,
             (unsigned long long)params->seed);
    xbr_json_string(j, "name", name);
    xbr_json_string(j, "description",
                    "Synthetic cross-border network made by xbroute generate: factories in "
                    "Chinese manufacturing clusters, real ports and airports, overseas "
                    "warehouses, intermediaries and demand zones in ten destination countries. "
                    "Rates and days are random draws around published magnitudes, for "
                    "benchmarks; not a planning data set.");
    xbr_json_string(j, "currency", "USD");
    write_sources(j);
    xbr_json_object_begin(j, "countries");
    xbr_json_set_layout(j, XBR_JSON_COMPACT);
    for (int c = 0; c < N_COUNTRY; c++)
        write_country(j, c);
    xbr_json_set_layout(j, XBR_JSON_PRETTY);
    xbr_json_object_end(j);
    write_regimes(j);
    xbr_json_array_begin(j, "nodes");
    xbr_json_set_layout(j, XBR_JSON_COMPACT);
    for (size_t i = 0; i < plan->n_nodes; i++)
        write_node(j, &plan->nodes[i]);
    xbr_json_array_end(j);
    xbr_json_set_layout(j, XBR_JSON_PRETTY);
    xbr_json_array_begin(j, "links");
    xbr_json_set_layout(j, XBR_JSON_COMPACT);
}

void xbr__emit_link(xbr__emit_t *e, const xbr__gen_link_t *k)
{
    xbr_json_t *j = &e->j;
    xbr_json_object_begin(j, NULL);
    if (k->id != NULL)
        xbr_json_string(j, "id", k->id);
    xbr_json_string(j, "from", e->plan->nodes[k->from].id);
    xbr_json_string(j, "to", e->plan->nodes[k->to].id);
    xbr_json_string(j, "mode", xbr_mode_name(k->mode));
    xbr_json_object_begin(j, "cost");
    opt_fixed(j, "per_kg", k->per_kg, 3);
    opt_fixed(j, "per_m3", k->per_m3, 2);
    opt_fixed(j, "per_unit", k->per_unit, 2);
    opt_fixed(j, "per_shipment", k->per_shipment, 0);
    opt_fixed(j, "min_charge", k->min_charge, 0);
    xbr_json_object_end(j);
    xbr_json_object_begin(j, "days");
    xbr_json_fixed(j, "min", k->dmin, 1);
    xbr_json_fixed(j, "mode", k->dmode, 1);
    xbr_json_fixed(j, "max", k->dmax, 1);
    xbr_json_object_end(j);
    opt_fixed(j, "departures_per_week", k->departures, 0);
    opt_fixed(j, "distance_km", k->distance_km, 1);
    opt_fixed(j, "capacity_kg_per_week", k->capacity, 0);
    if (k->via != NULL) {
        xbr_json_array_begin(j, "via");
        for (const char *const *v = k->via; *v != NULL; v++)
            xbr_json_string(j, NULL, *v);
        xbr_json_array_end(j);
    }
    if (k->source != NULL)
        xbr_json_string(j, "source", k->source);
    xbr_json_object_end(j);
    e->links++;
}

void xbr__emit_end(xbr__emit_t *e)
{
    xbr_json_array_end(&e->j);
    xbr_json_object_end(&e->j);
}
