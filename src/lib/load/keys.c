/*
 * load/keys.c - the keys each object of the formats accepts (xbr_format_keys, xbroute/load.h):
 * the single truth the loader warns against ("unknown key", "did you mean") and the schema
 * consistency test compares with the JSON Schemas. Static tables, no state.
 */
#include <stddef.h>
#include <string.h>

#include "load/internal.h"

static const char *const keys_network[] = {
    "format", "name",    "description", "notes",           "currency",
    "date",   "sources", "defaults",    "countries",       "regimes",
    "nodes",  "links",   "last_mile",   "fulfilment_fees", NULL};
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
                                        "bonded",
                                        "store",
                                        "source",
                                        "fulfilment_fees",
                                        "review_days",
                                        "buyer",
                                        "order_units",
                                        "platform_fee_pct",
                                        "platform_fee_max_order",
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
                                        "parcel",
                                        "review_days",
                                        "knots",
                                        "port_days",
                                        NULL};
static const char *const keys_cost[] = {"per_kg",       "per_m3",     "per_unit",
                                        "per_shipment", "min_charge", NULL};
static const char *const keys_parcel[] = {"cost", "days", NULL};
static const char *const keys_handling[] = {"cost_per_kg", "cost_per_unit", "days", NULL};
static const char *const keys_days[] = {"min", "mode", "max", NULL};
/* A country's keys, which set_country takes too. */
#define COUNTRY_KEYS                                                                               \
    "name", "customs_union", "de_minimis", "vat_de_minimis", "duty_pct", "vat_pct",                \
        "clearance_days", "clearance_fee_per_shipment", "inspection_prob", "inspection_days",      \
        "source", "customs_value", "insurance_pct", "clearance_fee_per_entry", "tariff",           \
        "thresholds", "vat_base", "vat_base_below_de_minimis"
static const char *const keys_country[] = {COUNTRY_KEYS, NULL};
static const char *const keys_tariff[] = {"id",
                                          "layer",
                                          "kind",
                                          "form",
                                          "rate",
                                          "amount",
                                          "min",
                                          "max",
                                          "currency",
                                          "categories",
                                          "exclude_categories",
                                          "origins",
                                          "exclude_origins",
                                          "channels",
                                          "modes",
                                          "from",
                                          "until",
                                          "value_from",
                                          "value_under",
                                          "vat_base",
                                          "exempt_below_de_minimis",
                                          "exclusions",
                                          "source",
                                          NULL};
static const char *const keys_tariff_exclusion[] = {"categories", "from", "until", "source", NULL};
static const char *const keys_threshold[] = {"id",    "applies_to", "value", "from",
                                             "until", "source",     NULL};
static const char *const keys_regime[] = {"clearance_days", "fee_per_shipment", "source", NULL};
static const char *const keys_source[] = {"id", "what", "where", "date", NULL};
static const char *const keys_defaults[] = {"volumetric_kg_per_m3", "detour_factor",
                                            "co2e_g_per_tkm", NULL};
static const char *const keys_last_mile[] = {"id", "country", "bands", "source", NULL};
static const char *const keys_last_mile_band[] = {"up_to_km", "days", "prices", "above_per_kg",
                                                  NULL};
static const char *const keys_last_mile_price[] = {"up_to_kg", "per_parcel", NULL};
static const char *const keys_fee_table[] = {
    "volumetric_kg_per_m3", "storage_per_m3_day", "tiers", "business_orders", "source", NULL};
static const char *const keys_business_orders[] = {"per_box", "box_max_kg", "box_max_m3", NULL};
static const char *const keys_fee_tier[] = {"name", "max_cm",  "max_kg",   "weight",
                                            "fees", "step_kg", "step_fee", "storage_per_m3_day",
                                            NULL};
static const char *const keys_fee_price[] = {"up_to_kg", "fee", NULL};
static const char *const keys_storage_rates[] = {"off_peak", "peak", NULL};
static const char *const keys_economic_review[] = {"min_days", "max_days", "step_days", NULL};
static const char *const keys_export_vat_rebate[] = {"payout_days", "source", NULL};
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
                                            "review_days_by_mode",
                                            "economic_review",
                                            "export_vat_rebate",
                                            "changes",
                                            "sources",
                                            NULL};
static const char *const keys_product[] = {"id",
                                           "name",
                                           "category",
                                           "origin",
                                           "unit_kg",
                                           "unit_m3",
                                           "unit_value",
                                           "demand",
                                           "demand_cv",
                                           "units_per_order",
                                           "max_days",
                                           "source",
                                           "dims_cm",
                                           "retail_price",
                                           "marketplace_fee_pct",
                                           "payment_fee_pct",
                                           "ad_share_pct",
                                           "export_vat_rebate_pct",
                                           NULL};
static const char *const keys_design[] = {"format", "description", "open_warehouses", NULL};
/* The union of every op's keys; set_country takes any country key. */
static const char *const keys_change[] = {"op",          "node",
                                          "link",        "passage",
                                          "mode",        "from_country",
                                          "to_country",  "cost",
                                          "days",        "country",
                                          "nodes",       "links",
                                          "capacity_m3", "capacity_kg_per_week",
                                          "product",     "market",
                                          "demand",      "factor",
                                          "unit_kg",     "unit_m3",
                                          "unit_value",  "units_per_order",
                                          "demand_cv",   "departures_per_week",
                                          "distance_km", "export_vat_rebate_pct",
                                          COUNTRY_KEYS,  NULL};

/* The objects of the last-mile rate cards and fulfilment fee tables (load/lastmile.c). */
static const char *const *rate_table_keys(const char *object)
{
    static const struct {
        const char *name;
        const char *const *keys;
    } table[] = {
        {"last_mile", keys_last_mile},
        {"last_mile_band", keys_last_mile_band},
        {"last_mile_price", keys_last_mile_price},
        {"fee_table", keys_fee_table},
        {"fee_tier", keys_fee_tier},
        {"fee_price", keys_fee_price},
        {"storage_rates", keys_storage_rates},
        {"business_orders", keys_business_orders},
        {"economic_review", keys_economic_review},
        {"export_vat_rebate", keys_export_vat_rebate},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].name[0] == object[0] && strcmp(table[i].name, object) == 0)
            return table[i].keys;
    return NULL;
}

const char *const *xbr_format_keys(const char *object)
{
    static const struct {
        const char *name;
        const char *const *keys;
    } table[] = {
        {"network", keys_network},
        {"node", keys_node},
        {"link", keys_link},
        {"cost", keys_cost},
        {"handling", keys_handling},
        {"days", keys_days},
        {"country", keys_country},
        {"regime", keys_regime},
        {"source", keys_source},
        {"defaults", keys_defaults},
        {"scenario", keys_scenario},
        {"product", keys_product},
        {"change", keys_change},
        {"design", keys_design},
        {"tariff", keys_tariff},
        {"parcel", keys_parcel},
        {"tariff_exclusion", keys_tariff_exclusion},
        {"threshold", keys_threshold},
    };
    if (object == NULL)
        return NULL;
    const char *const *rates = rate_table_keys(object);
    if (rates != NULL)
        return rates;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].name[0] == object[0] && strcmp(table[i].name, object) == 0)
            return table[i].keys;
    return NULL;
}
