/*
 * load/keys.c - the keys each object of the formats accepts (xbr_format_keys, xbroute/load.h):
 * the single truth the loader warns against ("unknown key", "did you mean") and the schema
 * consistency test compares with the JSON Schemas. Static tables, no state.
 */
#include <stddef.h>
#include <string.h>

#include "load/internal.h"

static const char *const keys_network[] = {
    "format",   "name",      "description", "notes", "currency", "date", "sources",
    "defaults", "countries", "regimes",     "nodes", "links",    NULL};
static const char *const keys_node[] = {"id",
                                        "type",
                                        "name",
                                        "country",
                                        "lat",
                                        "lon",
                                        "code",
                                        "handling",
                                        "markup_pct",
                                        "storage_cost_per_m3_day",
                                        "fixed_cost_per_week",
                                        "capacity_m3",
                                        "status",
                                        "source",
                                        NULL};
static const char *const keys_link[] = {"id",
                                        "from",
                                        "to",
                                        "mode",
                                        "cost",
                                        "volumetric_kg_per_m3",
                                        "days",
                                        "departures_per_week",
                                        "distance_km",
                                        "co2e_g_per_tkm",
                                        "capacity_kg_per_week",
                                        "status",
                                        "via",
                                        "source",
                                        "knots",
                                        "port_days",
                                        NULL};
static const char *const keys_cost[] = {"per_kg",       "per_m3",     "per_unit",
                                        "per_shipment", "min_charge", NULL};
static const char *const keys_handling[] = {"cost_per_kg", "cost_per_unit", "days", NULL};
static const char *const keys_days[] = {"min", "mode", "max", NULL};
/* A country's keys, which set_country takes too. */
#define COUNTRY_KEYS                                                                               \
    "name", "customs_union", "de_minimis", "vat_de_minimis", "duty_pct", "vat_pct",                \
        "clearance_days", "clearance_fee_per_shipment", "inspection_prob", "inspection_days",      \
        "source"
static const char *const keys_country[] = {COUNTRY_KEYS, NULL};
static const char *const keys_regime[] = {"clearance_days", "fee_per_shipment", "source", NULL};
static const char *const keys_source[] = {"id", "what", "where", "date", NULL};
static const char *const keys_defaults[] = {"volumetric_kg_per_m3", "detour_factor",
                                            "co2e_g_per_tkm", NULL};
static const char *const keys_scenario[] = {"format",
                                            "name",
                                            "description",
                                            "network",
                                            "extends",
                                            "products",
                                            "max_days",
                                            "service_level",
                                            "holding_rate_per_year",
                                            "value_of_time_per_day",
                                            "carbon_price",
                                            "review_days",
                                            "date",
                                            "changes",
                                            "sources",
                                            NULL};
static const char *const keys_product[] = {
    "id",     "name",      "category",        "origin",   "unit_kg", "unit_m3", "unit_value",
    "demand", "demand_cv", "units_per_order", "max_days", "source",  NULL};
static const char *const keys_design[] = {"format", "description", "open_warehouses", NULL};
/* The union of every op's keys; set_country takes any country key. */
static const char *const keys_change[] = {
    "op",   "node", "link",    "passage", "mode",  "from_country", "to_country",
    "cost", "days", "country", "nodes",   "links", COUNTRY_KEYS,   NULL};

const char *const *xbr_format_keys(const char *object)
{
    static const struct {
        const char *name;
        const char *const *keys;
    } table[] = {
        {"network", keys_network},   {"node", keys_node},         {"link", keys_link},
        {"cost", keys_cost},         {"handling", keys_handling}, {"days", keys_days},
        {"country", keys_country},   {"regime", keys_regime},     {"source", keys_source},
        {"defaults", keys_defaults}, {"scenario", keys_scenario}, {"product", keys_product},
        {"change", keys_change},     {"design", keys_design},
    };
    if (object == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].name, object) == 0)
            return table[i].keys;
    return NULL;
}
