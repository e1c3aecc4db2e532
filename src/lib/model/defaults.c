/*
 * model/defaults.c - the built-in per-mode defaults: volumetric divisor, detour factor and CO2e
 * intensity. A network overrides any of them through its "defaults" object; a link through
 * its own "volumetric_kg_per_m3", "distance_km" or "co2e_g_per_tkm".
 *
 * Units: volumetric in kg per m3 (chargeable kg = max(kg, m3 x this)); detour factor is
 * dimensionless (route km / great-circle km); intensity in g CO2e per tonne-km.
 *
 * Every figure carries its source below; the README ("Built-in defaults") repeats the table.
 * All intensities are TANK-TO-WHEEL (direct, fuel burnt by the vehicle), never well-to-wheel:
 * one scope for every mode so that modes compare fairly. A planner who reports WTW (GLEC/ISO 14083
 * default) should override "co2e_g_per_tkm" in the network's "defaults" with WTW figures.
 *
 * The tables are indexed by xbr_mode_t (truck, rail, sea, air, express, post, last_mile); the
 * static assertion below keeps them in step with the enum. No mutable state.
 */
#include "xbroute/model.h"

_Static_assert(XBR_MODE_COUNT == 7, "update the per-mode default tables in defaults.c");

/*
 * Volumetric (dimensional) weight divisors (README, "Built-in defaults"):
 * - air 167 kg/m3: IATA volumetric ratio 6000 cm3 per kg (1e6 / 6000 = 166.7).
 * - express 200 kg/m3 and post 200: integrators' and posts' 5000 cm3 per kg divisor.
 * - sea 1000 kg/m3: "weight or measure" (W/M), one freight tonne = 1 t or 1 m3.
 * - rail 333 and truck 333 kg/m3: 1 m3 = 333 kg, the usual road/rail groupage ratio
 *   (3 m3 per tonne).
 * - last_mile 200 kg/m3: parcel carriers' 5000 cm3 per kg divisor.
 */
static const double volumetric_kg_per_m3[XBR_MODE_COUNT] = {
    333.0,  /* truck */
    333.0,  /* rail */
    1000.0, /* sea */
    167.0,  /* air */
    200.0,  /* express */
    200.0,  /* post */
    200.0,  /* last_mile */
};

/*
 * Detour (circuity) factors: route distance / great-circle distance, used only when a link
 * gives no "distance_km".
 * - truck, last_mile 1.3: "typically we have to drive 1.3 times longer than the crow flies",
 *   Wang, Bette, Schreckenberg, Guhr, "How much longer do you have to drive than the crow has
 *   to fly?", arXiv:2406.06490 (2024), over several national motorway networks. (Newell 1980
 *   finds about 1.2 in cities, Wikibooks "Transportation Geography and Network
 *   Science/Circuity"; we keep the network-scale 1.3 for inter-city trucking.)
 * - rail 1.36: derived. Chongqing-Duisburg by the Chongqing-Xinjiang-Europe line is "more than
 *   11,000 kilometres" (People's Daily via eng.yidaiyilu.gov.cn, "Chongqing-Europe freight
 *   train promotes trade cooperation"); the great circle between the two cities is 8,109 km
 *   (haversine, R = 6371.0088 km); 11,000 / 8,109 = 1.36.
 * - sea 1.37: derived. Median ratio of sea-lane distance to great-circle distance over the
 *   359 pairs (great circle > 500 km) of the 28 key ports in tools/data/sea_distances.csv
 *   (Eurostat/ORNL marnet lanes, searoute-py). Quartiles 1.06 (trans-Pacific) and 1.73
 *   (Asia-Europe via Suez). Shipped networks give every sea link its own distance.
 * - air, express, post 1.09: DEFRA's GHG conversion-factor methodology adds 9% to great-circle
 *   distance for indirect routing and stacking (IPCC practice), as described by
 *   airportwatch.org.uk "Air freight carbon emissions compared to other transport modes" and
 *   carbonkit.net "Other regional plane freight" ("inflates by 9%"). Express and post
 *   long-haul legs are flown, so they take the air factor.
 */
static const double detour_factor[XBR_MODE_COUNT] = {
    1.30, /* truck */
    1.36, /* rail */
    1.37, /* sea */
    1.09, /* air */
    1.09, /* express */
    1.09, /* post */
    1.30, /* last_mile */
};

/*
 * CO2e intensities, g CO2e per tonne-km, tank-to-wheel (direct emissions):
 * - truck 126: UK DEFRA conversion factor, all HGVs UK average, 0.12631 kg CO2e/t-km direct
 *   ("Total Direct Greenhouse Gas Emissions"), quoted by modeshiftcentre.org.uk "Why use
 *   water freight - environment".
 * - rail 32: DEFRA rail freight, 0.03159 kg CO2e/t-km direct, same page.
 * - sea 15: DEFRA deep-sea container ship (3000 TEU upwards), 0.01536 kg CO2e/t-km direct,
 *   same page.
 * - air 498: GLEC Framework v3.0 (2023), Table 1, air freight > 1500 km, freighter, IATA
 *   RP1678 method, 0.498 kg CO2e/t-km tank-to-wheel, as listed by climatiq.io (emission
 *   factor 3b4ed1c0-5f12-448f-a18c-0449a635bcca).
 * - express 498, post 498: their long-haul leg is the same air freight; the same GLEC figure
 *   (an assumption: door-to-door pickup and delivery legs are small next to the flight).
 * - last_mile 591: DEFRA vans (light goods vehicles, average), 0.5907 kg CO2e/t-km direct,
 *   modeshiftcentre.org.uk as above.
 */
static const double co2e_g_per_tkm[XBR_MODE_COUNT] = {
    126.0, /* truck */
    32.0,  /* rail */
    15.0,  /* sea */
    498.0, /* air */
    498.0, /* express */
    498.0, /* post */
    591.0, /* last_mile */
};

double xbr_default_volumetric_kg_per_m3(xbr_mode_t mode)
{
    return (unsigned)mode < XBR_MODE_COUNT ? volumetric_kg_per_m3[mode] : 0.0;
}

double xbr_default_detour_factor(xbr_mode_t mode)
{
    return (unsigned)mode < XBR_MODE_COUNT ? detour_factor[mode] : 1.0;
}

double xbr_default_co2e_g_per_tkm(xbr_mode_t mode)
{
    return (unsigned)mode < XBR_MODE_COUNT ? co2e_g_per_tkm[mode] : 0.0;
}
