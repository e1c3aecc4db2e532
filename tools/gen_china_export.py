#!/usr/bin/env python3
"""Generates networks/china-export.json from the reference data in tools/data and the cited
figures below.

Usage (from the repository root; `cmake --build build --target regen` does the same):
    python3 tools/gen_china_export.py [DATA_DIR] > networks/china-export.json
DATA_DIR (default: tools/data) holds key_seaports.csv, cargo_airports.csv,
sea_distances.csv and usps_ground_advantage_retail_2025.csv; the figures cited "via
tools/data/reference-rates.md" or "via tools/data/rules-2026.md" are in those files, each with
the page it was copied from.

The JSON is generated, never edited by hand: this script says how every part of it (port and
airport coordinates, sea distances, sea days, per-lane rates) was derived, so that a data
refresh is one edit and one run, and tests/cli/test_regen.sh checks that the committed JSON is
what the script makes of tools/data. Every figure is tied to an entry of SOURCES by id; a figure we
chose ourselves is marked "assumption" in its source's `what`.

Derivations (all in one place):
- $/FEU -> $/m3: a 40-ft container (FEU) holds about 67 m3; we assume 58 m3 of cargo loaded
  (about 85 % fill), so $/m3 = $/FEU / 58.
- Sea days: mode = nautical miles / (16 kn x 24 h) + port-call allowance (lane dependent),
  min = 0.9 x mode, max = 1.25 x mode. 16 kn is Rodrigue's planning speed; the allowances make
  the result fall inside the published port-to-port ranges (reference-rates.md section 4).
- Truck: assumed $2 per truck-km for a full FEU load (19.3 t chargeable at 333 kg/m3 x 58 m3),
  i.e. $/chargeable kg = 2 x km / 19314; days = 0.5 + km / 500 (one driver, about 500 km/day).
- Last mile: into US and German markets, rate cards (`last_mile`): USPS Ground Advantage
  retail by zone (bands at the zone limits in miles x 1.609344, prices from
  tools/data/usps_ground_advantage_retail_2025.csv, lb x 0.45359237 kg) and DHL's national
  prices (EUR x 1.10); those links state no cost, and no days when they leave a warehouse.
  Elsewhere the $10.1 average parcel cost is split as $8 per parcel + $0.5 per chargeable kg
  (an average parcel of about 4 kg chargeable: 8 + 4 x 0.5 = 10), so heavy items pay more.
- Fulfilment: the US and UK warehouses name an FBA fee table (`fulfilment_fees`): weights in lb
  and oz x 0.45359237 and / 16, sides in inches x 2.54, storage per cu ft per month x 35.3147 /
  30.4375 per m3 per day, GBP x 1.27; dimensional weight 1 lb per 139 in3 = 199.13 kg/m3.
"""
import csv
import json
import math
import os
import sys

DEFAULT_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

FEU_M3 = 58.0
KNOTS = 16.0


def r2(x):
    return round(x, 2)


def r3(x):
    return round(x, 3)


def r4(x):
    return round(x + 0.0, 4)


def r6(x):
    return round(x + 0.0, 6)


def gc_km(lat1, lon1, lat2, lon2):
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


SOURCES = [
    {"id": "S_SEAPORTS", "what": "seaport UN/LOCODEs, names and coordinates",
     "where": "tools/data/key_seaports.csv, from genthalili/searoute-py @ 4446009a searoute/data/ports.geojson (Apache-2.0)",
     "date": "2026-05-17"},
    {"id": "S_AIRPORTS", "what": "airport IATA codes, names and coordinates",
     "where": "tools/data/cargo_airports.csv, from mborsetti/airportsdata @ 671fa36e airportsdata/airports.csv (MIT)",
     "date": "2026-08-02"},
    {"id": "S_SEADIST", "what": "port-to-port sea distances via Suez/Panama and, with Suez, Bab-el-Mandeb and Panama closed, round the Cape (distance_km = distance_nm x 1.852); the passages crossed give each link's via",
     "where": "tools/data/sea_distances.csv, shortest paths on the Eurostat/ORNL marnet lanes (searoute-py); tools/data/README.md",
     "date": "2026-11-22"},
    {"id": "S_SEADAYS", "what": "sea transit days, derived: mode = nm / (16 kn x 24) + port-call allowance (1 day trans-Pacific, Japan; 2 days US East Coast, Australia; 6 days Asia-Europe: 5-10 calls), min 0.9 x mode, max 1.25 x mode; checked against the published port-to-port ranges: China-US West Coast 15-18 (express 12-14), US East Coast direct 25-30, North Europe 28-35, Mediterranean 30-38, Australia 12-18; Shanghai-Rotterdam about 27 days at 16 kn with no calls, about 35 in practice, +10-14 days round the Cape",
     "where": "Rodrigue, porteconomicsmanagement.org/pemp/contents/part1/interoceanic-passages/routing-options-shanghai-rotterdam; en-test.56ok.com/topic/detail-593856 (via tools/data/reference-rates.md section 4)",
     "date": "2024"},
    {"id": "S_LCL_MIN", "what": "LCL minimum: one chargeable m3 (W/M: 1 m3 or 1,000 kg, the larger; \"The m/w tariff for seaborne freight is often also the minimum\"; a calculator example charges 1 CBM for a 0.12 cbm parcel), so min_charge = the lane's per-m3 rate",
     "where": "xdexpress.com (cost-of-containers-from-china-to-usa); logisticsglossary.com; oops.sg LCL calculator (via tools/data/rules-2026.md section 3.3)",
     "date": "2025"},
    {"id": "S_SEA_ECOM", "what": "sea e-commerce parcel service China-US (DDP sea, \"sea express\" type): \"$1.9-3.9/kg for DDP sea freight (25-40 days)\" door to door, LOW AUTHORITY (a forwarder's blog). Used on the China-US sea links for parcel legs: 1.9 USD/kg (the low end: the model charges pre-carriage, clearance, duty and last mile itself) and the container service's days plus 4 days of consolidation and deconsolidation (assumption; door to door then falls inside the published 25-40 days)",
     "where": "dfhlogistics.com (via tools/data/rules-2026.md section 3.5)",
     "date": "2025"},
    {"id": "S_SEA_SAILINGS", "what": "assumption: one departure per week per lane (a weekly liner service: sea is lumpy, with weekly sailings)",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_SEA_WORLD", "what": "which world the network describes for late 2026: the Red Sea is closed to container lines. After the Gaza ceasefire (Oct 2025) Maersk announced a structural return to Suez for one service (15 Jan 2026), but only 26 container transits a week were counted in early January 2026 against about 80 before the crisis; after the strikes on Iran of 28 Feb 2026 and the closure of the Strait of Hormuz, Maersk paused its trans-Suez sailings (1 Mar 2026) and Maersk, Hapag-Lloyd, CMA CGM and MSC routed Asia-Europe via the Cape; Xeneta judged a return at scale unlikely for the rest of 2026; no large-scale return was reported up to mid-2026 (the newest material found). So every Asia-Europe sea link via Suez is closed (status closed) and the Cape links carry the 2026 rate; scenarios/red-sea-reopened.json opens the Suez links at the last Suez-routing rate",
     "where": "tools/data/rules-2026.md section 3.2 (freightwaves.com, bairdmaritime.com 2026-01-15; seantel.news; steelorbis.com 2026-03-04; maritime-executive.com 2026-03-02; sels-insight.com 2026-05-01)",
     "date": "2026-05-01"},
    {"id": "S_SEA_TRANSPACIFIC_2026", "what": "trans-Pacific sea rates: Xeneta market-average spot, 2026-06-15 (after the Hormuz closure), USD per FEU: Far East-US West Coast 6,178, Far East-US East Coast about 6,336. Converted at 58 m3 of cargo per FEU (assumption: about 85 % of the 67 m3 internal volume): 106.52 and 109.24 USD/m3. The US West Coast rate serves Los Angeles and Long Beach; the East Coast rate New York and Savannah (via Panama)",
     "where": "ankpost.com citing Xeneta (via tools/data/rules-2026.md section 3.2)",
     "date": "2026-06-15"},
    {"id": "S_SEA_CAPE_2026", "what": "Asia-Europe sea rates round the Cape, late 2026 (derived): the Drewry WCI of 2026-03-05 (the first assessment after the Hormuz closure of 28 Feb 2026, Asia-Europe already routed via the Cape), Shanghai-Rotterdam 2,052 and Shanghai-Genoa 2,844 USD per 40 ft, raised by Xeneta's change of the Far East-North Europe and Far East-Mediterranean spot rates from the end of February to 2026-06-25 (+115 % and +82 %): 2,052 x 2.15 = 4,411.80 and 2,844 x 1.82 = 5,176.08 USD per FEU, / 58 m3 = 76.07 and 89.24 USD/m3. Rotterdam's rate serves all North European ports (Rotterdam, Hamburg, Felixstowe), Genoa's the Mediterranean (Valencia). Mixing a Drewry level with a Xeneta change is our derivation (no absolute Asia-Europe figure after March 2026 was found)",
     "where": "gcaptain.com 2026-03-05 (Drewry WCI); xeneta.com update 25.06.26 (via tools/data/rules-2026.md sections 3.1 and 3.2)",
     "date": "2026-06-25"},
    {"id": "S_SEA_SUEZ_2023", "what": "Asia-Europe sea rates via Suez: the last Drewry WCI assessments when Asia-Europe services still sailed through the Red Sea, 2023-11-09, USD per 40 ft: Shanghai-Rotterdam 1,272, Shanghai-Genoa 1,470 (pre-Red-Sea); / 58 m3 = 21.93 and 25.34 USD/m3. No Suez-routing rate was published for 2026 (carriers stayed on the Cape), so this is the rate of a Suez-routing market, not a forecast for a reopening in late 2026: a reopening scenario with it is the upper end of the saving",
     "where": "hellenicshippingnews.com (drewry-world-container-index-up-7-this-week) (via tools/data/rules-2026.md section 3.1)",
     "date": "2023-11-09"},
    {"id": "S_SEA_SCALED", "what": "assumption: China-Japan and China-Australia sea rates, no published index found; the Xeneta Far East-US West Coast rate of 2026-06-15 (USD 6,178/FEU, S_SEA_TRANSPACIFIC_2026) scaled by sea distance (x 1,930/10,675 for Tokyo, x 8,601/10,675 for Sydney), then divided by 58 m3 per FEU: 19.26 and 85.82 USD/m3",
     "where": "derived from S_SEA_TRANSPACIFIC_2026 and S_SEADIST", "date": "2026-06-15"},
    {"id": "S_BAI_202511", "what": "air freight rates, USD per chargeable kg: Baltic Air Freight Index monthly, November (2025 inferred: the article cites the end of the US de minimis exemption), Hong Kong-North America 6.18, Hong Kong-Europe 5.00; applied to every Chinese gateway (no Shanghai index was found)",
     "where": "aircargonews.net/data-news/hong-kong-airfreight-rates-continue-peak-season-pick-up/1080982.article (via tools/data/reference-rates.md section 3)",
     "date": "2025-11"},
    {"id": "S_AIR_SCALED", "what": "assumption: China-Japan air rate = BAI Hong Kong-North America 6.18 x the China Post small-parcel price ratio Japan/US (9.6/14) = 4.24 USD/kg; China-Australia = BAI Hong Kong-Europe 5.00 USD/kg (no index found for either lane)",
     "where": "derived from S_BAI_202511 and S_POST", "date": "2025-11"},
    {"id": "S_AIR_OPS", "what": "assumption: airport-to-airport 1-4 days (mode 2) and 7 departures per week from every Chinese gateway (daily freighter or belly capacity, possibly with a transfer); air freight door to door China-US is 5-10 days (Freightos rule of thumb)",
     "where": "forestleopard.com/knowledgedetail/Shipping-From-China-to-Washing (via tools/data/reference-rates.md section 4); assumption", "date": "2026"},
    {"id": "S_EXPRESS", "what": "express courier China-US: 1-5 days, USD 15-30 per kg (2024 Logistics Benchmark Report, quoted); we use the midpoint 22 USD/kg and days {2, 3, 5}; the same figures are assumed for Europe, Japan and Australia (no lane-specific figure found)",
     "where": "yunsongfreight.com/blog/how-long-does-it-take-to-ship-from-china-to-the-us987 (undated; via tools/data/reference-rates.md section 3); forestleopard.com: express 2-4 days",
     "date": "2024"},
    {"id": "S_EXPRESS_MIN", "what": "assumption: express minimum charge USD 12 per parcel (integrators price the first half kilogram as a block; the USD 15-30/kg range of S_EXPRESS describes parcels of a kilogram or more)",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_POST", "what": "postal small parcels from China: United States & Canada 14 USD/kg, Japan 9.6 USD/kg, ordinary airmail about 13 USD/kg (used for Europe and Australia); US dedicated-line packet 7-10 business days (air 2-3 + USPS 3-5)",
     "where": "isuperton.com/2021/09/12/how-to-calculate-shipping-costs/ (via tools/data/reference-rates.md section 3)",
     "date": "2021-09-12"},
    {"id": "S_POST_DAYS", "what": "parcel delivery days from China: express 3-7, dedicated line 7-15, postal parcel 15-40; we use {8, 12, 18} for the US (dedicated line) and {10, 15, 25} elsewhere",
     "where": "run-sc.com/news/106.html (undated; via tools/data/reference-rates.md section 4)", "date": "2025"},
    {"id": "S_RAIL_RATE", "what": "China-Europe Railway Express: USD 6,000-8,500 per 40 ft, 15-20 days; Chongqing-Duisburg 16-18 days. Midpoint 7,250 / 58 m3 per FEU (assumption) = 125 USD/m3",
     "where": "topchinaforwarder.com/?p=34205 (China Europe Railway Express guide, undated)", "date": "2025"},
    {"id": "S_RAIL_DAYS", "what": "China-Europe rail transit: Chengdu-Malaszewicze 13 days average, Chengdu-Hamburg about 23 days, Khorgos-Duisburg 18 days (a week of 2023); Chongqing-Duisburg more than 11,000 km in under 13 days, more than one train a day (People's Daily); Xi'an and Yiwu days assumed from these ranges",
     "where": "jikelogistics.com/industry-news/china-europe-freight-train-operation-updates-week-26/; eng.yidaiyilu.gov.cn/qwyw/rdxw/11825.htm",
     "date": "2023"},
    {"id": "S_RAIL_OPS", "what": "assumption: 3 departures per week from Xi'an and Yiwu to each European terminal (Chongqing: 7, daily, per S_RAIL_DAYS)",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_CITY", "what": "assumption: factory clusters, rail terminals, warehouses, intermediaries and markets are placed at their city's centre (WGS84 degrees, about 0.01 deg), not at a street address",
     "where": "city-centre coordinates from general gazetteer knowledge; approximate", "date": "2026"},
    {"id": "S_TRUCK", "what": "assumption: trucking at USD 2 per truck-km for a full FEU load (58 m3 x 333 kg/m3 = 19,314 kg chargeable), i.e. USD/kg = 2 x km / 19,314, km = great circle x 1.3; days = 0.5 + km / 500; destination drayage at USD 600 per FEU (10.34 USD/m3, here as 0.031 USD per chargeable kg) plus the km rate",
     "where": "assumption of this network (no dated trucking rate was found)", "date": "2026"},
    {"id": "S_HANDLING", "what": "assumption: handling and dwell at nodes: Chinese export seaports 2 days and 0.01 USD/kg (terminal handling about USD 200-300 per FEU), destination seaports 2 days, 0.01 USD/kg; airports 0.5 days, 0.10 USD/kg; rail terminals 1 day (border gauge change included in the rail days), 0.01 USD/kg",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_FBA_STORAGE", "what": "warehouse storage: Amazon FBA standard-size monthly storage 0.78 USD per cubic foot per month (January-September, 2026). Conversion: 0.78 x 35.3147 cu ft/m3 / 30.4375 days per month = 0.905 USD per m3 per day. Applied to the US warehouses; assumed for the others (no local figure found)",
     "where": "fba-profit.com/amazon-fba-storage-fee-calculator (via tools/data/reference-rates.md section 5)", "date": "2026"},
    {"id": "S_FBA_FULFIL", "what": "warehouse handling per unit: FBA Small and Light fulfilment fee 2.39 USD per unit (4 oz to under 10 oz, effective 2020-02-18), used as the pick-pack cost per unit at every overseas warehouse; 1 day handling is an assumption",
     "where": "sellercentral.amazon.com help itemID 3Z4AX6UNV5EN2VR (via tools/data/reference-rates.md section 5)", "date": "2020-02-18"},
    {"id": "S_WH_ASSUMED", "what": "assumption: warehouse fixed cost USD 500 per week (account, staff minimum) and capacity 5,000 m3 of stock (about 2,000 m2 at 2.5 m stacking)",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_LASTMILE", "what": "last-mile parcel cost: average USD 10.1 per parcel (attributed to Statista); split as USD 8 per parcel + 0.5 per chargeable kg (assumption: an average parcel of about 4 kg chargeable) so that heavy items pay more; 1-3 days from a domestic warehouse (assumption), 2-5 days after air injection (USPS 3-5 days, S_POST)",
     "where": "amz123.com/t/44fVrhXr (via tools/data/reference-rates.md section 6)", "date": "2023-03-01"},
    {"id": "S_US_DEMINIMIS", "what": "United States: duty-free de minimis (USD 800) suspended for all countries from 2025-08-29 (Executive Order 14324 of 2025-07-30); every low-value shipment pays all applicable duties; postal shipments pay the ad valorem IEEPA rate (or, until 2026-02-28, a specific duty of USD 80-200 per item); gifts up to USD 100 stay exempt. Chinese and Hong Kong parcels had lost it earlier (2025-05-02)",
     "where": "thompsonhinesmartrade.com/?p=8490; mallorygroup.com/executive-order-suspending-duty-free-de-minimis-treatment/; mondaq.com/unitedstates/international-trade-investment/1660726",
     "date": "2025-07-30"},
    {"id": "S_US_TARIFF", "what": "US duties on Chinese-origin goods from 2025-11-10: IEEPA fentanyl tariff 10 % (down from 20 %), IEEPA reciprocal tariff 10 % until 2026-11-10, plus the MFN rate and, for many goods, Section 301 tariffs of 7.5-100 %",
     "where": "strtrade.com/trade-news-resources/str-trade-report/trade-report/november/tariff-changes-for-imports-from-china-made-official; mondaq.com/unitedstates/international-law/1702374",
     "date": "2025-11-04"},
    {"id": "S_DUTY_LINES", "what": "assumption: per-category duty = the typical tariff line of the category (not a specific HS code). US = MFN + Section 301 + IEEPA 20 %: electronics (phones/earbuds: MFN 0, 301 0-7.5) 20; apparel (MFN about 16 + 301 list 4A 7.5) 44; furniture (MFN 0 + 301 25; Section 232 upholstered-furniture duties not included) 45; home goods (MFN about 3 + 301 25) 48; toys (MFN 0, 301 suspended) 20; appliances (MFN about 2 + 301 25) 47; default 30 (superseded for the US by the tariff components of S_US_LINES and S_US_STACK). EU TARIC third-country rates: electronics 0, apparel 12, furniture 0, home 3.7, toys 4.7, appliances 2.7, default 4. UK Global Tariff similar: apparel 12, home 2, appliances 2, toys 0, else 0, default 2. Japan: apparel 10, home 3, else 0, default 3. Australia: general 5 % (now a tariff component with the ChAFTA 0 % preference for Chinese origin, S_AU_CHAFTA)",
     "where": "typical rates of the US HTS, EU TARIC, UK Global Tariff and Japan and Australia tariffs; Japan apparel 10 % per a Japan customs guide (slideplayer.com/amp/9023258); Australia 5 % per the Customs example quoted at ftoaustralia.com/v3/viewtopic.php?p=371292",
     "date": "2025"},
    {"id": "S_EU_CU", "what": "EU customs union: the member states apply one common external tariff and goods in free circulation move between them with no customs formalities or duties; import VAT is paid once on entry (customs_union \"EU\" on DE, FR, NL, PL, ES, IT)",
     "where": "taxation-customs.ec.europa.eu/customs-4/eu-customs-union-facts-and-figures_en (European Commission, EU Customs Union: facts and figures)", "date": "2023"},
    {"id": "S_EU_VAT", "what": "EU: since 2021-07-01 the EUR 22 VAT exemption is abolished: VAT on every imported parcel (IOSS for B2C up to EUR 150)",
     "where": "clecat.org/news/newsletters/new-e-commerce-rules-on-1-july; dpd.com/ch/en/faq/ioss-modifications/", "date": "2021-07-01"},
    {"id": "S_EU_DUTY_2026", "what": "EU: the EUR 150 customs-duty relief for low-value B2C parcels ends on 2026-07-01; an interim flat duty of EUR 3 per item category applies until 2028-07-01, then normal tariffs. Modelled as de_minimis USD 165 (EUR 150) for the ad valorem duty and the flat duty as a tariff component (S_EU_FLAT_DUTY); the end of the relief for all goods in 2028 is not modelled",
     "where": "regfollower.com/?p=78434 (Council approval 2026-02-11); vatupdate.com/2025/12/18/eu-to-impose-e3-fixed-customs-duty-on-small-parcels-under-e150-from-july-2026",
     "date": "2026-02-11"},
    {"id": "S_VAT_RATES", "what": "standard VAT rates: DE 19, FR 20, NL 21, PL 23, ES 21, IT 22 %",
     "where": "vatcompliance.co/eu-vat-rates; mindlink.lv/useful/vat-rates-in-eu", "date": "2025"},
    {"id": "S_GB", "what": "United Kingdom: no customs duty on consignments of GBP 135 or less; VAT (20 %) on all goods, collected by the seller at the point of sale for GBP 135 or less. GBP 135 = USD 171 at the S_FX rate",
     "where": "mylawyer.co.uk/ordering-goods-from-abroad-a-A76053D78739/; maevirastore.com/pages/customs-taxation-and-postal-services",
     "date": "2025"},
    {"id": "S_JP", "what": "Japan: goods with a total customs value of JPY 10,000 or less are exempt from customs duty and consumption tax; consumption tax 10 %. JPY 10,000 = USD 66.7 at the S_FX rate",
     "where": "customs.go.jp/english/c-answer_e/imtsukan/1006_e.htm (Japan Customs FAQ 1006)", "date": "2025"},
    {"id": "S_AU", "what": "Australia: duty and border GST are collected only above AUD 1,000 customs value; since 2018-07-01 registered overseas vendors charge 10 % GST at the point of sale on goods of AUD 1,000 or less (so GST is paid on every parcel, vat_de_minimis 0). AUD 1,000 = USD 650 at the S_FX rate",
     "where": "archive.homeaffairs.gov.au/News/Pages/gst-on-low-value-imported-goods.aspx", "date": "2018-07-01"},
    {"id": "S_GB_LVI_END", "what": "United Kingdom: the abolition of the GBP 135 customs-duty relief for low-value imports was announced in the Autumn Budget of 2025-11-26; 'Implementation has been set for March 2029 at the latest', with 'no specific date for the new rules to take effect' (Deloitte). No day is published, so the network gives the relief no end date: it applies on every date (no threshold is invented). VAT is unchanged (collected at the sale on every parcel)",
     "where": "tools/data/rules-2026.md section 1.3 (taxscape.deloitte.com/measures-autumn-budget-2025/customs-duty-relief-for-low-value-imports.aspx; retailgazette.co.uk/blog/2025/11/de-minimis-rule)", "date": "2025-11-26"},
    {"id": "S_JP_CT_2028", "what": "Japan, FY2026 tax reform: goods priced at JPY 10,000 or less (excluding tax) sold by cross-border mail order become subject to consumption tax, large platforms filing for their sellers; 'Effective date: On or after April 1, 2028'. Modelled as a dated consumption-tax threshold: JPY 10,000 (USD 66.7) until 2028-04-01, none from then (tax on every parcel, on the usual base CIF + duty). The customs-duty exemption of JPY 10,000 or less has no announced end: it applies on every date",
     "where": "tools/data/rules-2026.md section 1.4 (skadvisory.jp/en/japan-platform-taxation; fps-net.com; cabinet outline of 2025-12-26, macpa.jp)", "date": "2025-12-26"},
    {"id": "S_AU_THRESHOLD", "what": "Australia: no announced end of the AUD 1,000 threshold was found: with the 2018 vendor-collected GST 'The $1000 threshold for reporting and collection of duties and taxes at the border will also remain'; a 2012 Productivity Commission review did not remove it. The threshold applies on every date",
     "where": "ftalliance.com.au/newsdetails/14758 (2018-07-02); gemworldwide.com/2018/03/19/australian-gst-change-for-low-value-goods-below-aud-1000/; lexology.com (detail.aspx?g=61d11c3b-f2df-4201-8bdd-4c0f4d13a9e6)", "date": "2018-07-02"},
    {"id": "S_AU_GST_BASE", "what": "Australia: duty on the FOB customs value ('Customs duty (Duty) @ 5% of Cval'); GST on an import above AUD 1,000 '@ 10 per cent of the VoTI', VoTI = Cval + Duty + international transport and insurance ('import duty is based on the FOB value, but GST is based on the CIF value + duties'); GST on goods of AUD 1,000 or less is charged by the vendor at the sale on the goods 'excluding freight and insurance' (here: the price alone). Insurance: not found, 0 (S_VALUE_BASIS)",
     "where": "tools/data/rules-2026.md sections 1.5 and 1.6 (ftoaustralia.com, quoting an Australian Customs example; docs.dutify.com; help.urshipper.com; paccon.com/au/gst-on-low-value-imported-goods-effective-1-july-2018/)", "date": "2018-07-01"},
    {"id": "S_US_301_EXCL", "what": "US Section 301 product exclusions: 178 exclusions (164 product exclusions of 2024 and 14 for solar-manufacturing equipment), extended from 2025-11-29 to 2026-11-10 (entries before 11:59 p.m. EDT on 2026-11-09); they name specific product descriptions in industrial machinery (pumps, valves, motors), electrical parts, chemicals, medical supplies, solar equipment and automotive parts. None of them is the typical line of a shipped product's category (S_US_LINES: apparel, furniture, home goods, toys, appliances, electronics), so the shipped network lists no exclusion; the mechanism (a component's dated exclusions) is tested on a test network (tests/unit/route/test_duty.c)",
     "where": "tools/data/rules-2026.md section 1.2 (mondaq.com 1702762; USTR press release of 2025-11-26 via mti-worldwide.com; lawyerfanzhang.com; desertoasisdigital.com/guides/section-301-exemptions)", "date": "2025-11-26"},
    {"id": "S_FX", "what": "assumption: exchange rates 1 EUR = 1.10 USD, 1 GBP = 1.27 USD, 1 USD = 150 JPY, 1 AUD = 0.65 USD (approximate 2024-2025 levels, not a dated quote)",
     "where": "assumption of this network", "date": "2025"},
    {"id": "S_RULES_2026", "what": "the rules of 2025-2026 used by the tariff components (duties, entry fees, thresholds, customs value basis), each row with its effective dates and the page it was copied from; the newest rules found are of June-July 2026 (CBP rules of 2026-06-24, effective 2026-07-24; EU flat duty from 2026-07-01)",
     "where": "tools/data/rules-2026.md (research notes collected 2026-11-29)", "date": "2026-07-24"},
    {"id": "S_NETWORK_DATE", "what": "assumption: the network describes the rules in force on 2026-07-24, the latest dated change found (Section 122 surcharge ends, CBP postal informal entry takes effect); nothing later was found on tariffs (rules-2026.md, 'Age of the material'), so a later date gives the same figures",
     "where": "assumption of this network; tools/data/rules-2026.md", "date": "2026-07-24"},
    {"id": "S_EU_FLAT_DUTY", "what": "EU: the EUR 150 customs-duty relief is abolished from 2026-07-01 (Council Regulation (EU) 2026/382); an interim flat duty of EUR 3 per item (item = each different tariff sub-heading in the parcel) on parcels of intrinsic value below EUR 150 sent to consumers, 2026-07-01 until 2028-07-01; VAT is not charged on it under IOSS. EUR 3 = USD 3.30 and EUR 150 = USD 165 at the S_FX rate; the ad valorem duty keeps the EUR 150 threshold (the flat duty replaces it below)",
     "where": "tools/data/rules-2026.md section 1.1 (eur-lex.europa.eu/eli/reg/2026/382/oj/eng; Council press release 2026-02-11; globalimportblog.bakermckenzie.com 2026-07-02; help.easproject.com)", "date": "2026-07-01"},
    {"id": "S_US_STACK", "what": "US additional tariffs with their dates: IEEPA fentanyl on China 10 % (2025-02-04), 20 % (2025-03-04), 10 % (2025-11-10); IEEPA reciprocal on China 125 % (2025-04-10), 10 % (2025-05-14), smartphones and computers excluded from 2025-04-05; both no longer collected from 2026-02-24 (Supreme Court, Learning Resources v. Trump, 2026-02-20; CSMS #67834313); Section 122 surcharge 10 % on all origins 2026-02-24 until 2026-07-24, not on Section 232 goods, certain electronics exempt; Section 232 upholstered wooden furniture 25 % from 2025-10-14, the increase to 30 % postponed to 2027-01-01; Section 301 Lists 1-3 25 %, List 4A 7.5 %, List 4B suspended. Day of the month of the February and March 2025 fentanyl steps: assumption (rules-2026.md gives the month)",
     "where": "tools/data/rules-2026.md section 1.2 (mondaq.com 1702762 and 1702374; janelgroup.com; jmrodgers.com; stage.internationaltradetoday.com 2026-01-02; tariffschart.com; troutman.com)", "date": "2026-07-24"},
    {"id": "S_US_POSTAL", "what": "US postal items: from 2025-08-29 until 2026-02-24 a duty at the effective IEEPA rate (carrier's choice of a per-item specific duty until 2026-02-28 not modelled); from 2026-02-24 a duty equal to the Section 122 surcharge; from 2026-07-24 the CBP mail rule (91 FR 37801): postal informal entry with all duties. Assumption: until 2026-07-24 postal items pay only that duty, not MFN, Section 301 or 232 (the sources list only it)",
     "where": "tools/data/rules-2026.md section 1.2 (customscourt.com; dutyclaims.com/blog/de-minimis-suspension-all-countries-2026; albawheelsup.com; supplychaindive.com 823923)", "date": "2026-07-24"},
    {"id": "S_US_LINES", "what": "assumption: the typical tariff line of each category (not a specific HS code): MFN electronics 0, apparel 16, furniture 0, home 3, toys 0, appliances 2, other 2.5 (tariffcenter.ai ranges: apparel 5-32, furniture 0-5, toys 0, electronics 0-3.5); Section 301 on Chinese goods: electronics 0 and toys 0 (phones, earbuds, many toys on List 4B, suspended), apparel 7.5 (List 4A), furniture, home goods and appliances 25 (List 3), other 7.5; the furniture category is upholstered seating (Section 232)",
     "where": "assumption of this network; tools/data/rules-2026.md section 1.2", "date": "2026"},
    {"id": "S_US_RECIPROCAL_VN", "what": "assumption (not in rules-2026.md): IEEPA reciprocal tariff on goods of Vietnam 10 % from 2025-04-05 and 20 % from 2025-08-07 (Executive Order 14326 of 2025-07-31), ended with the other IEEPA duties on 2026-02-24; smartphones and computers excluded",
     "where": "assumption of this network from the executive orders as generally reported; not checked against a stored page", "date": "2025-07-31"},
    {"id": "S_US_FEES", "what": "US entry fees FY2026 (from 2025-10-01): merchandise processing fee on formal entries 0.3464 % ad valorem, minimum USD 33.58, maximum USD 651.50; express consignment fee USD 1.34 per waybill; dutiable mail fee USD 7.39 (charged here from 2026-07-24, when postal items get an informal entry: assumption); harbor maintenance fee 0.125 % on sea imports, no minimum or maximum. FY2027 values not found: assumption that the FY2026 values continue",
     "where": "tools/data/rules-2026.md section 2 (CBP Dec. 25-10, 90 FR 34665; buckland.com; freightos.com)", "date": "2025-10-01"},
    {"id": "S_BROKER", "what": "assumption: a customs broker's fee per bulk (formal) import entry: USD 200 in the US (rules-2026.md section 2: basic brokerage USD 100-300 per shipment; an itemised formal ocean entry about 297), USD 150 elsewhere (S_CLEARANCE: USD 100-150 per entry)",
     "where": "assumption of this network; tools/data/rules-2026.md section 2 (grfreight.ie, tools.gera.services, both low authority)", "date": "2026"},
    {"id": "S_VALUE_BASIS", "what": "customs value basis: US and Australia FOB (freight and insurance excluded; Australian GST is on CIF plus duty, S_AU_GST_BASE); EU, UK and Japan CIF (transport and insurance to the border included); the EUR 150 and GBP 135 tests use the intrinsic value; insurance not found: assumption 0",
     "where": "tools/data/rules-2026.md section 1.6 (vermaascustoms.com; dutyglobal.com; reanda-international.com; docs.dutify.com)", "date": "2026"},
    {"id": "S_AU_CHAFTA", "what": "Australia: general duty 5 % on goods above AUD 1,000 (USD 650 at S_FX), 0 % for goods of Chinese origin under ChAFTA (in force 2015-12-20, all tariffs eliminated by 2019-01-01); Import Processing Charge on an electronic declaration above AUD 1,000: AUD 50 below AUD 10,000, AUD 152 from AUD 10,000 (USD 32.50 and 98.80); biosecurity full import declaration charge AUD 66 by sea, AUD 45 by air (USD 42.90 and 29.25)",
     "where": "tools/data/rules-2026.md section 1.5 (dfat.gov.au ChAFTA guide; abf.gov.au import-processing-charge; ftoaustralia.com)", "date": "2026"},
    {"id": "S_VN_PLANT", "what": "Binh Duong province is 'the capital of the country's wood industry': wood exports over USD 6 billion in H1 2022, 43 % of Vietnam's total; the US is its largest market",
     "where": "en.vietnamplus.vn/international-wood-fair-opens-in-binh-duong/235276.vnp (2022-08-10); en.diendandoanhnghiep.vn/binh-duong-wood-exports-top-42-billion-usd-n41022.html", "date": "2022-08-10"},
    {"id": "S_VN_PORT", "what": "Cai Mep port (UN/LOCODE VNCMT), 10.5358 N 107.0013 E; assumption: a transpacific sailing from Cai Mep costs what one from Shanghai does (S_WCI_20241128), distance the great circle x 1.15, days by the sea-days rule of this file with a 2-day port allowance",
     "where": "coordinates of VNCMT in genthalili/searoute-py @ 4446009a searoute/data/ports.geojson (the upstream file key_seaports.csv was cut from, Apache-2.0, tools/data/licences), typed into this script; rates and days: assumption of this network", "date": "2026"},
    {"id": "S_VN_EXPORT", "what": "assumption: a route leaving Vietnam pays no export clearance fee and no export days: the regimes table is China's (9610/9710/9810/1210/0110), and no Vietnamese export fee was found in the reference data",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_CLEARANCE", "what": "assumption: import clearance 1 day, a USD 3 clearance fee per shipment (a carrier's duty-collection charge on a parcel is typically nil to about EUR 6; a broker's fee of about USD 100-150 on a bulk entry, spread over a container, is of the same order per unit), a 3 % inspection probability and 3 extra days when inspected, in every destination country",
     "where": "assumption of this network (no published per-country figure found)", "date": "2026"},
    {"id": "S_REGIMES", "what": "assumption: China export clearance by regime: 9610 (B2C list declaration) 0.5 day, no fee; 9710 and 9810 (B2B and overseas-warehouse export) 1 day, USD 20 per declaration; 1210 (bonded) 1 day, USD 20; 0110 (general trade, full declaration via a broker) 2 days, USD 50",
     "where": "assumption of this network; regime codes from China Customs (9610, 9710, 9810, 1210, 0110)", "date": "2026"},
    {"id": "S_REGIME_1210", "what": "regime 1210 (bonded cross-border e-commerce export): goods enter a comprehensive bonded zone or bonded logistics centre in bulk (the first leg declared under 0110), the export declaration is completed on entry into the zone and the export VAT rebate can be claimed then, without waiting for the goods to be sold abroad; orders are picked and packed in the zone and leave by international express or post under 1210",
     "where": "tools/data/rules-2026.md section 6 (460.net.cn news 271393; amzmm.com; en.yanglingic.com)", "date": "2025"},
    {"id": "S_MEISHAN", "what": "Ningbo Meishan Bonded Area (Meishan Island, Beilun, Ningbo): a bonded port area whose trade includes cross-border e-commerce; placed at the island's centre (about 29.77 N, 121.96 E, approximate, per S_CITY)",
     "where": "msd.gov.cn/english/show.asp?sysid=16466 and sysid=16459 (Meishan Bonded Area news, 2017)", "date": "2017"},
    {"id": "S_BONDED_WH", "what": "assumption: a bonded e-commerce warehouse in China charges storage 0.30 USD per m3 per day (a third of the FBA US rate of S_FBA_STORAGE) and 1.00 USD per unit for pick and pack, 1 day handling; no published price list of a Chinese bonded or overseas warehouse was found (tools/data/rules-2026.md, figures not found)",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_MARKUP_RETAIL", "what": "retailer markup 100 % (keystone: the cost price is doubled); online B2B2C retailers assumed 60 %",
     "where": "monash.edu/business/marketing/marketing-dictionary/k/keystone-markup", "date": "2025"},
    {"id": "S_MARKUP_DIST", "what": "wholesaler/distributor markup generally 20 % (5-40 % by industry); used for wholesalers and importers",
     "where": "alumnos.planeaciondidactica.cucea.udg.mx/expertos/28249172 (a course answer; low authority)", "date": "2022"},
    {"id": "S_TRADE_ASSUMED", "what": "assumption: Chinese export trading company markup 10 %; dwell days at intermediaries: exporter 3, importer 5, wholesaler 7, retailer 10 (stock turned over in the trade chain)",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_US_ZONES", "what": "US carrier zones by distance from the dispatching point: zone 1 1-50 miles, 2 51-150, 3 151-300, 4 301-600, 5 601-1000, 6 1001-1400, 7 1401-1800, 8 1801+ (km = miles x 1.609344: 80.467, 241.402, 482.803, 965.606, 1609.344, 2253.082, 2896.819); measured along the great circle between the three-digit ZIP areas of dispatch and receipt, so a link's band is taken from the great circle between its nodes",
     "where": "shippingschool.com/what-usps-zone-am-i-located-in/; postal_terms.enacademic.com/1016/postal_zone (Glossary of postal terms: zone)", "date": "2025"},
    {"id": "S_USPS_GA", "what": "US last mile: USPS Ground Advantage Retail prices by zone (1-8) and weight (4, 8, 12 oz, 1-10, 12, 15, 20, 25, 30, 40, 50, 60, 70 lb), USD per parcel, Notice 123 effective 2025-10-05; a parcel pays the first listed bracket at or above its chargeable weight (between listed brackets above 10 lb this rounds up to the next listed one); the z2/z5/z8 figures of 1-12 lb match tools/data/rules-2026.md section 4.1",
     "where": "tools/data/usps_ground_advantage_retail_2025.csv, transcribed from a public GitHub file api/quote.py quoting the USPS Official Rate Tables (via tools/data/rules-2026.md section 4.1); not checked against USPS Postal Explorer", "date": "2025-10-05"},
    {"id": "S_USPS_ABOVE70", "what": "assumption: USPS Ground Advantage takes parcels up to 70 lb; heavier chargeable weights (bulky furniture) pay the 70 lb price plus the 60-70 lb slope of their zone per kg (zone 8: (177.80 - 165.35) / 10 lb = 1.245 USD/lb = 2.745 USD/kg). A real sofa would go by freight (LTL) delivery, for which no rate card was found",
     "where": "assumption of this network, derived from S_USPS_GA", "date": "2026"},
    {"id": "S_LM_DAYS", "what": "assumption: last-mile days by US zone (min/mode/max): zones 1-2 1/1.5/3, 3 1/2/3, 4 2/2.5/4, 5 2/3/4, 6 3/3.5/5, 7 3/4/5, 8 3/4/6, within the published 1-5 business days of ground parcel services (transit days by zone were not found); Germany 1/1.5/3. Links from airports, seaports, rail terminals and online retailers keep their own days (parcel injection and sorting included)",
     "where": "UPS Ground 'typically in one to five business days', USPS Ground Advantage '2-5 business days' (via tools/data/rules-2026.md section 4.1); assumption", "date": "2026"},
    {"id": "S_DHL_DE", "what": "Germany last mile: DHL consumer parcel prices, Paket up to 2 kg 6.19 EUR, up to 5 kg 7.69 EUR (from 2025-01-01), up to 10 kg 9.40 EUR (from 2022-07-01, the latest found); in USD at 1.10 (S_FX): 6.81, 8.46, 10.34. One national price whatever the distance, so one band; parcels injected into Germany from another country (W_PL, AMS, NLRTM) are assumed to pay it too",
     "where": "inside-digital.de (2025-01); heise.de (2022) (via tools/data/rules-2026.md section 4.2)", "date": "2025-01-01"},
    {"id": "S_DHL_ABOVE10", "what": "assumption: German parcels over 10 kg pay the 10 kg price plus the 5-10 kg slope (10.34 - 8.46) / 5 = 0.376 USD per kg. Other markets (GB, FR, NL, PL, ES, IT, JP, AU) keep the flat last-mile cost of S_LASTMILE: no 2026 parcel tariff of theirs was found",
     "where": "assumption of this network, derived from S_DHL_DE; tools/data/rules-2026.md section 4.2 (not found)", "date": "2026"},
    {"id": "S_FBA_US_2026", "what": "US warehouse handling: Amazon FBA US fulfilment fees from 2026-01-15 (non-peak, non-apparel), listing price 10-50 USD column (assumption: the shipped products' retail prices; the < 10 and > 50 columns differ by about 0.25-0.90), USD per unit by size tier and shipping weight: small standard (15 x 12 x 0.75 in, unit weight 2-16 oz) 3.32-3.96; large standard (18 x 14 x 8 in, 4 oz-3 lb) 3.73-6.67, 3-20 lb 6.97 + 0.08 per started 0.25 lb over 3 lb; small bulky (37 x 28 x 20 in, 50 lb) 7.55, large bulky (59 x 33 x 33 in, 50 lb) 9.35, extra-large 0-50 lb 26.33, each + 0.38 per lb over the first; extra-large 50-70 lb 37.32 + 0.75 per lb over 51, 70-150 lb 51.32 + 0.75 per lb over 71, 150+ lb 194.95 + 0.19 per lb over 151 (by unit weight). Billable weight = max(unit, dimensional) with dimensional = L x W x H (in) / 139 per lb = 199.13 kg/m3",
     "where": "public GitHub file lib/amazon/fees (tables SMALL_STANDARD_TABLE_2026, LARGE_STANDARD_*_TABLE_2026, calculateSizeTier); inventoryhero.ai (via tools/data/rules-2026.md section 5.1)", "date": "2026-01-15"},
    {"id": "S_FBA_SIMPLE", "what": "assumption: the fee tiers leave out two details of the published rules: the 130 in length-plus-girth limit of the bulky tiers and the 2 in minimum width and height of their dimensional weight; a product without dims_cm is taken as a cube of its unit_m3",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_FBA_STORAGE_2026", "what": "warehouse storage by season: Amazon FBA monthly storage 2026, standard size 0.78 USD per cu ft per month January-September and 2.40 October-December, oversize 0.56 and 1.40. Per m3 per day (x 35.3147 cu ft/m3 / 30.4375 days): standard 0.905 and 2.785, oversize 0.650 and 1.624; the bulky and extra-large tiers store at the oversize rate",
     "where": "fba-profit.com/amazon-fba-storage-fee-calculator; skucompass.com (via tools/data/reference-rates.md section 5 and tools/data/rules-2026.md section 5.1)", "date": "2026"},
    {"id": "S_FBA_UK_2026", "what": "UK warehouse handling: Amazon FBA UK 2026 standard (non-low-price) fees, GBP per unit by size tier: envelopes (33 x 23 x 2.5/4/6 cm) 1.83-2.94, small parcel (35 x 25 x 12 cm, 3.9 kg) 2.91-3.27, standard parcel (45 x 34 x 26 cm, 11.9 kg) 2.94-3.58, oversize: small (61 x 46 x 46 cm, unit 1.76 kg) 3.49 + 0.22/kg, standard light (101 x 60 x 60, 15 kg) 4.35 + 0.15/kg, standard heavy (101 x 60 x 60, 23 kg) 6.58 up to 15.76 kg + 0.08/kg, standard large (120 x 60 x 60, 23 kg) 5.67 + 0.07/kg, bulky (23 kg) 10.20 + 0.24/kg, each over 760 g, heavy (31.5 kg) 13.04 + 0.09/kg; dimensional weight L x W x H (cm) / 5000 (200 kg/m3). In USD at 1.27 (S_FX)",
     "where": "public GitHub file 'Amazon UK FBA Fee Tables and Calculations (2026)' (UK_STANDARD_FBA_TABLE_2026, UK_STANDARD_FBA_OVERSIZE_TABLE_2026, UK_SIZE_TIER_DEFINITIONS_2026) (via tools/data/rules-2026.md section 5.2)", "date": "2026"},
    {"id": "S_AWD_BOX_FEE", "what": "Amazon Warehousing and Distribution (AWD) outbound processing fee, charged per box when an order leaves for Amazon's fulfilment network or the seller's other sales channels (Multi-Channel Distribution): 1.35 USD per box from 2025-04-01 (the processing fee split into inbound and outbound, 1.35 each), 1.40 USD per box from 2026-01-15",
     "where": "sellercentral.amazon.com/gp/help/external/GAYG62Q3MPE6STFS and /GPB467PZW3AZC4V3 (AWD fees, 1.35 from 2025-04-01); biginternetcommerce.com/?p=27803 (the 2026-01-15 change, 1.40 per box)", "date": "2026-01-15"},
    {"id": "S_FBA_BOX_LIMITS", "what": "Amazon's limits for a box of several standard-size units: at most 25 inches (63.5 cm) on any side and 50 lb (22.68 kg); a cube of 63.5 cm holds 0.256 m3",
     "where": "Amazon Seller Central 'Shipping and routing requirements' (box dimensions, box weight), as quoted by selltecprep.com/knowledge_base/shipping-and-routing-requirements-box-dimensions-box-weight-how-to-pack-a-box and china-nbn-inspection.com/blogshow_215.html", "date": "2024"},
    {"id": "S_B2B_BOXES_ASSUMED", "what": "assumption: a business buyer's order (a carton, a pallet) from a US warehouse leaves in whole boxes at AWD's outbound fee per box (S_AWD_BOX_FEE), boxes filled to Amazon's limits (S_FBA_BOX_LIMITS) by weight or volume, instead of FBA's per-unit fee for a consumer's parcel; the transport to the buyer is the link's own rate",
     "where": "assumption of this network", "date": "2026"},
    {"id": "S_FBA_UK_ASSUMED", "what": "assumption: UK oversize tiers by unit weight only (the source's caps on dimensional weight are left out), overage per started kg; units over 31.5 kg pay the heavy oversize rate extended (13.04 + 0.09 GBP per kg over 31.5 kg; no heavier UK tier was found); UK storage at the US FBA rates of S_FBA_STORAGE_2026, standard for envelopes and parcels, oversize for the oversize tiers (no UK storage rate was found)",
     "where": "assumption of this network", "date": "2026"},
]

SEAPORTS_CN = ["CNSHA", "CNNGB", "CNYTN", "CNSHK", "CNNSA", "CNXMN"]
SEAPORTS_DEST = ["USLAX", "USLGB", "USNYC", "USSAV", "NLRTM", "DEHAM", "GBFXT", "ESVLC",
                 "JPTYO", "AUSYD"]
AIR_CN = ["PVG", "CAN", "SZX", "CGO", "CTU", "XMN", "NGB", "HGH"]
AIR_DEST = ["LAX", "ORD", "JFK", "FRA", "LEJ", "AMS", "LHR", "CDG", "MAD", "MXP", "NRT", "SYD"]

COUNTRY_NAMES = {"CN": "China", "VN": "Vietnam", "US": "United States", "DE": "Germany", "GB": "United Kingdom",
                 "FR": "France", "NL": "Netherlands", "PL": "Poland", "ES": "Spain", "IT": "Italy",
                 "JP": "Japan", "AU": "Australia"}

# factory clusters: id, name, lat, lon
FACTORIES = [
    ("F_SHENZHEN", "Shenzhen electronics cluster", 22.54, 114.06),
    ("F_DONGGUAN", "Guangzhou/Dongguan apparel cluster", 23.02, 113.75),
    ("F_YIWU", "Yiwu small commodities", 29.31, 120.08),
    ("F_FOSHAN", "Foshan furniture cluster", 23.02, 113.12),
    ("F_NINGBO", "Ningbo home appliances cluster", 29.87, 121.54),
    ("F_SUZHOU", "Suzhou electronics and textiles", 31.30, 120.62),
    ("F_XIAMEN", "Xiamen footwear and sporting goods", 24.48, 118.09),
    ("F_CHONGQING", "Chongqing laptops and electronics", 29.56, 106.55),
]

# markets: id, name, country, lat, lon
MARKETS = [
    ("M_US_WEST", "US West (Los Angeles)", "US", 34.05, -118.24),
    ("M_US_CENTRAL", "US Central (Chicago)", "US", 41.88, -87.63),
    ("M_US_EAST", "US East (New York)", "US", 40.71, -74.01),
    ("M_DE", "Germany (Frankfurt)", "DE", 50.11, 8.68),
    ("M_GB", "United Kingdom (London)", "GB", 51.51, -0.13),
    ("M_FR", "France (Paris)", "FR", 48.86, 2.35),
    ("M_NL", "Netherlands (Amsterdam)", "NL", 52.37, 4.90),
    ("M_PL", "Poland (Warsaw)", "PL", 52.23, 21.01),
    ("M_ES", "Spain (Madrid)", "ES", 40.42, -3.70),
    ("M_IT", "Italy (Milan)", "IT", 45.46, 9.19),
    ("M_JP", "Japan (Tokyo)", "JP", 35.68, 139.69),
    ("M_AU", "Australia (Sydney)", "AU", -33.87, 151.21),
]

# overseas warehouses: id, name, country, lat, lon
WAREHOUSES = [
    ("W_US_WEST", "US West warehouse (Ontario, CA)", "US", 34.06, -117.65),
    ("W_US_EAST", "US East warehouse (Edison, NJ)", "US", 40.52, -74.41),
    ("W_DE", "Germany warehouse (Duisburg)", "DE", 51.43, 6.76),
    ("W_GB", "UK warehouse (Daventry)", "GB", 52.26, -1.16),
    ("W_PL", "Poland warehouse (Poznan)", "PL", 52.41, 16.93),
    ("W_JP", "Japan warehouse (Ichikawa, Chiba)", "JP", 35.72, 139.93),
    ("W_AU", "Australia warehouse (Eastern Creek, Sydney)", "AU", -33.80, 150.85),
]

RAIL = [
    ("R_CHONGQING", "Chongqing Tuanjiecun rail terminal", "CN", 29.56, 106.55),
    ("R_XIAN", "Xi'an International Port rail terminal", "CN", 34.34, 108.94),
    ("R_YIWU", "Yiwu West rail terminal", "CN", 29.31, 120.08),
    ("R_DUISBURG", "Duisburg rail terminal (duisport)", "DE", 51.43, 6.76),
    ("R_MALASZEWICZE", "Malaszewicze rail terminal (EU gauge change)", "PL", 52.03, 23.54),
    ("R_LODZ", "Lodz rail terminal", "PL", 51.76, 19.46),
]

# exporters (CN) and the factories that sell through them
EXPORTERS = [
    ("X_SHENZHEN", "Shenzhen export trading company", 22.54, 114.06,
     ["F_SHENZHEN", "F_DONGGUAN", "F_FOSHAN", "F_XIAMEN"], ["CNYTN", "CNSHK", "CNNSA", "CNXMN"]),
    ("X_NINGBO", "Ningbo export trading company", 29.87, 121.54,
     ["F_YIWU", "F_NINGBO", "F_SUZHOU", "F_CHONGQING"], ["CNNGB", "CNSHA"]),
]

# traditional chain abroad: (importer, wholesaler, retailer, country, city lat, lon, ports, markets)
CHAINS = [
    ("US_WEST", "US", 33.77, -118.19, ["USLAX", "USLGB"], ["M_US_WEST", "M_US_CENTRAL"]),
    ("US_EAST", "US", 40.71, -74.01, ["USNYC", "USSAV"], ["M_US_EAST", "M_US_CENTRAL"]),
    ("DE", "DE", 53.55, 9.99, ["DEHAM", "NLRTM"], ["M_DE"]),
    ("GB", "GB", 51.51, -0.13, ["GBFXT"], ["M_GB"]),
]

# online retailers buying B2B from factories (B2B2C): id, name, country, lat, lon, ports, airports, markets
ONLINE = [
    ("RT_US_ONLINE", "US online retailer (New Jersey)", "US", 40.52, -74.41,
     ["USNYC", "USLAX", "USLGB"], ["JFK", "LAX"], ["M_US_EAST", "M_US_CENTRAL", "M_US_WEST"]),
    ("RT_DE_ONLINE", "German online retailer (Leipzig)", "DE", 51.34, 12.37,
     ["DEHAM", "NLRTM"], ["LEJ", "FRA"], ["M_DE", "M_NL", "M_PL"]),
    ("RT_GB_ONLINE", "UK online retailer (Milton Keynes)", "GB", 52.04, -0.76,
     ["GBFXT"], ["LHR"], ["M_GB"]),
]


def lane(dest_country):
    """(per_m3 sea rate, rate source, port-call allowance) by destination, for the lane's
    direct routing (via Panama or none) or, on Asia-Europe lanes, round the Cape."""
    return {
        "US_W": (106.52, "S_SEA_TRANSPACIFIC_2026", 1.0),
        "US_E": (109.24, "S_SEA_TRANSPACIFIC_2026", 2.0),
        "NEU": (76.07, "S_SEA_CAPE_2026", 6.0),
        "MED": (89.24, "S_SEA_CAPE_2026", 6.0),
        "JP": (19.26, "S_SEA_SCALED", 1.0),
        "AU": (85.82, "S_SEA_SCALED", 2.0),
    }[dest_country]


# The Suez routing of the Asia-Europe lanes: (per_m3 rate, source). These links are closed in
# the late-2026 world the network describes (S_SEA_WORLD).
SUEZ_RATE = {"NEU": (21.93, "S_SEA_SUEZ_2023"), "MED": (25.34, "S_SEA_SUEZ_2023")}


SEA_LANE = {"USLAX": "US_W", "USLGB": "US_W", "USNYC": "US_E", "USSAV": "US_E", "NLRTM": "NEU",
            "DEHAM": "NEU", "GBFXT": "NEU", "ESVLC": "MED", "JPTYO": "JP", "AUSYD": "AU"}

PASSAGE_MAP = {"suez": "suez", "babalmandab": "babalmandab", "panama": "panama",
               "malacca": "malacca", "gibraltar": "gibraltar", "south_africa": "cape",
               "ormuz": "hormuz"}
PASSAGE_ORDER = ["malacca", "suez", "babalmandab", "gibraltar", "panama", "hormuz", "cape"]


def via_of(passages):
    out = set()
    for p in passages.split(";"):
        if p in PASSAGE_MAP:
            out.add(PASSAGE_MAP[p])
    return [p for p in PASSAGE_ORDER if p in out]


def sea_days(nm, calls):
    mode = nm / (KNOTS * 24.0) + calls
    return {"min": round(0.9 * mode, 1), "mode": round(mode, 1), "max": round(1.25 * mode, 1)}


def read_csv(data_dir, name):
    """The rows of data_dir/name as dicts (header line = keys). Raises OSError if missing."""
    with open(os.path.join(data_dir, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_inputs(data_dir):
    """(seaports by UN/LOCODE, airports by IATA code, sea distance rows by (from, to) and
    (to, from)) from the three CSVs in data_dir."""
    seaports = {r["locode"]: r for r in read_csv(data_dir, "key_seaports.csv")}
    airports = {r["iata"]: r for r in read_csv(data_dir, "cargo_airports.csv")}
    dist = {}
    for r in read_csv(data_dir, "sea_distances.csv"):
        dist[(r["from_locode"], r["to_locode"])] = r
        dist[(r["to_locode"], r["from_locode"])] = r
    return seaports, airports, dist


class Network:
    """The node and link lists being built, in output order, with each node's position and
    country for the link helpers. Adding a link twice (same id, or same from/to/mode) fails."""

    def __init__(self):
        self.nodes = []
        self.links = []
        self.pos = {}
        self.country_of = {}
        self.seen = set()

    def add_node(self, n):
        self.nodes.append(n)
        self.pos[n["id"]] = (n["lat"], n["lon"])
        self.country_of[n["id"]] = n["country"]

    def add_link(self, l):
        key = l.get("id") or "%s>%s:%s" % (l["from"], l["to"], l["mode"])
        assert key not in self.seen, key
        self.seen.add(key)
        if "id" in l:  # id first, for readability
            l = dict([("id", l["id"])] + [(k, v) for k, v in l.items() if k != "id"])
        self.links.append(l)

    def truck(self, a, b, drayage=False):
        """A road link a -> b: 1.3 x the great-circle distance, priced and timed as in the
        module comment; drayage adds a 0.031 USD/kg terminal pick-up."""
        km = gc_km(*self.pos[a], *self.pos[b]) * 1.3
        per_kg = 2.0 * km / 19314.0 + (0.031 if drayage else 0.0)
        self.add_link({"from": a, "to": b, "mode": "truck",
                       "cost": {"per_kg": r3(max(per_kg, 0.005))},
                       "days": round(0.5 + km / 500.0, 1), "source": "S_TRUCK"})

    def last_mile(self, a, b, days, parcel=True):
        """A last-mile link a -> b. A parcel delivery into a market of a country with a rate
        card states no cost (the card prices it by distance band and weight), and no days when
        it leaves a warehouse (the band's days); any other keeps the flat S_LASTMILE cost."""
        if parcel and self.country_of[b] in RATE_CARD_COUNTRIES:
            l = {"from": a, "to": b, "mode": "last_mile"}
            if not a.startswith("W_"):
                l["days"] = days
            card = ["S_US_ZONES", "S_USPS_GA"] if self.country_of[b] == "US" else ["S_DHL_DE"]
            l["source"] = card + ([] if "days" in l else ["S_LM_DAYS"])
            self.add_link(l)
            return
        self.add_link({"from": a, "to": b, "mode": "last_mile",
                       "cost": {"per_kg": 0.5, "per_shipment": 8},
                       "days": days, "source": "S_LASTMILE"})


LB = 0.45359237  # kg per lb
MILE_KM = 1.609344
US_ZONE_MILES = [50, 150, 300, 600, 1000, 1400, 1800]  # upper limits of zones 1-7 (S_US_ZONES)
US_ZONE_DAYS = [(1, 1.5, 3), (1, 1.5, 3), (1, 2, 3), (2, 2.5, 4), (2, 3, 4), (3, 3.5, 5),
                (3, 4, 5), (3, 4, 6)]  # zones 1-8, S_LM_DAYS


def tri(d):
    return {"min": d[0], "mode": d[1], "max": d[2]}


def us_last_mile(data_dir):
    """The US rate card: one band per USPS zone, the USPS Ground Advantage retail prices of
    tools/data/usps_ground_advantage_retail_2025.csv, and above 70 lb the zone's 60-70 lb
    slope per kg (S_USPS_ABOVE70)."""
    rows = read_csv(data_dir, "usps_ground_advantage_retail_2025.csv")
    bands = []
    for z in range(1, 9):
        col = "zone%d" % z
        prices = [{"up_to_kg": r6(float(r["max_lb"]) * LB), "per_parcel": float(r[col])}
                  for r in rows]
        slope = (prices[-1]["per_parcel"] - prices[-2]["per_parcel"]) / (
            float(rows[-1]["max_lb"]) - float(rows[-2]["max_lb"])) / LB
        band = {}
        if z <= len(US_ZONE_MILES):
            band["up_to_km"] = r3(US_ZONE_MILES[z - 1] * MILE_KM)
        band.update({"days": tri(US_ZONE_DAYS[z - 1]), "prices": prices,
                     "above_per_kg": r3(slope)})
        bands.append(band)
    return {"id": "US_USPS_GROUND_ADVANTAGE", "country": "US", "bands": bands,
            "source": ["S_US_ZONES", "S_USPS_GA", "S_USPS_ABOVE70", "S_LM_DAYS"]}


def de_last_mile():
    """Germany: DHL's national consumer prices, one band (S_DHL_DE), EUR -> USD at 1.10."""
    eur = [(2, 6.19), (5, 7.69), (10, 9.40)]
    prices = [{"up_to_kg": kg, "per_parcel": r2(p * 1.10)} for kg, p in eur]
    slope = (prices[2]["per_parcel"] - prices[1]["per_parcel"]) / 5.0
    return {"id": "DE_DHL_PAKET", "country": "DE",
            "bands": [{"days": tri((1, 1.5, 3)), "prices": prices, "above_per_kg": r3(slope)}],
            "source": ["S_DHL_DE", "S_DHL_ABOVE10", "S_FX", "S_LM_DAYS"]}


def storage(off_cuft_month, peak_cuft_month):
    """USD per cu ft per month -> per m3 per day (35.3147 cu ft/m3, 30.4375 days/month)."""
    k = 35.3147 / 30.4375
    return {"off_peak": r3(off_cuft_month * k), "peak": r3(peak_cuft_month * k)}


def fba_us_2026():
    """Amazon FBA US 2026 fees, 10-50 USD column (S_FBA_US_2026), as size tiers."""
    oz = LB / 16.0
    inch = 2.54
    oversize = storage(0.56, 1.40)

    def dims(a, b, c):
        return [r2(a * inch), r2(b * inch), r2(c * inch)]

    def fees(pairs, unit):
        return [{"up_to_kg": r6(w * unit), "fee": f} for w, f in pairs]

    def bulky(name, d, max_lb, base, first_lb, step, unit_weight=False):
        t = {"name": name}
        if d is not None:
            t["max_cm"] = d
        if max_lb is not None:
            t["max_kg"] = r6(max_lb * LB)
        if unit_weight:
            t["weight"] = "unit"
        t.update({"fees": fees([(first_lb, base)], LB), "step_kg": r6(LB), "step_fee": step,
                  "storage_per_m3_day": oversize})
        return t

    tiers = [
        {"name": "small_standard", "max_cm": dims(15, 12, 0.75), "max_kg": r6(16 * oz),
         "weight": "unit",
         "fees": fees([(2, 3.32), (4, 3.42), (6, 3.45), (8, 3.54), (10, 3.68), (12, 3.78),
                       (14, 3.91), (16, 3.96)], oz)},
        {"name": "large_standard", "max_cm": dims(18, 14, 8), "max_kg": r6(3 * LB),
         "fees": fees([(0.25, 3.73), (0.5, 3.95), (0.75, 4.20), (1, 4.60), (1.25, 5.04),
                       (1.5, 5.42), (1.75, 5.57), (2, 5.82), (2.25, 5.92), (2.5, 6.10),
                       (2.75, 6.26), (3, 6.67)], LB)},
        {"name": "large_standard_3_to_20_lb", "max_cm": dims(18, 14, 8), "max_kg": r6(20 * LB),
         "fees": fees([(3, 6.97)], LB), "step_kg": r6(0.25 * LB), "step_fee": 0.08},
        bulky("small_bulky", dims(37, 28, 20), 50, 7.55, 1, 0.38),
        bulky("large_bulky", dims(59, 33, 33), 50, 9.35, 1, 0.38),
        bulky("extra_large_0_to_50_lb", None, 50, 26.33, 1, 0.38),
        bulky("extra_large_50_to_70_lb", None, 70, 37.32, 51, 0.75),
        bulky("extra_large_70_to_150_lb", None, 150, 51.32, 71, 0.75),
        bulky("extra_large_150_lb_plus", None, None, 194.95, 151, 0.19, unit_weight=True),
    ]
    return {"volumetric_kg_per_m3": r2(LB / (139 * 2.54 ** 3 * 1e-6)),
            "storage_per_m3_day": storage(0.78, 2.40),
            # business buyers' orders: AWD's outbound fee per box (S_AWD_BOX_FEE), boxes of at
            # most 50 lb and 25 in a side (S_FBA_BOX_LIMITS)
            "business_orders": {"per_box": 1.40, "box_max_kg": round(50 * LB, 2),
                                "box_max_m3": round((25 * 2.54) ** 3 * 1e-6, 3)},
            "tiers": tiers,
            "source": ["S_FBA_US_2026", "S_FBA_SIMPLE", "S_FBA_STORAGE_2026", "S_AWD_BOX_FEE",
                       "S_FBA_BOX_LIMITS", "S_B2B_BOXES_ASSUMED"]}


def fba_uk_2026():
    """Amazon FBA UK 2026 standard fees (S_FBA_UK_2026), GBP -> USD at 1.27."""
    gbp = 1.27

    def fees(pairs):
        return [{"up_to_kg": kg, "fee": r4(f * gbp)} for kg, f in pairs]

    def over(name, d, max_kg, base, base_kg, per_kg):
        t = {"name": name}
        if d is not None:
            t["max_cm"] = d
        if max_kg is not None:
            t["max_kg"] = max_kg
        t.update({"weight": "unit", "fees": fees([(base_kg, base)]), "step_kg": 1,
                  "step_fee": r4(per_kg * gbp), "storage_per_m3_day": storage(0.56, 1.40)})
        return t

    tiers = [
        {"name": "light_envelope", "max_cm": [33, 23, 2.5], "max_kg": 0.1, "weight": "unit",
         "fees": fees([(0.02, 1.83), (0.04, 1.87), (0.06, 1.89), (0.08, 2.07), (0.1, 2.08)])},
        {"name": "standard_envelope", "max_cm": [33, 23, 2.5], "max_kg": 0.46, "weight": "unit",
         "fees": fees([(0.21, 2.10), (0.46, 2.16)])},
        {"name": "large_envelope", "max_cm": [33, 23, 4], "max_kg": 0.96, "weight": "unit",
         "fees": fees([(0.96, 2.72)])},
        {"name": "extra_large_envelope", "max_cm": [33, 23, 6], "max_kg": 0.96, "weight": "unit",
         "fees": fees([(0.96, 2.94)])},
        {"name": "small_parcel", "max_cm": [35, 25, 12], "max_kg": 3.9,
         "fees": fees([(0.15, 2.91), (0.4, 3.00), (0.9, 3.04), (1.4, 3.05), (1.9, 3.25),
                       (3.9, 3.27)])},
        {"name": "standard_parcel", "max_cm": [45, 34, 26], "max_kg": 11.9,
         "fees": fees([(0.15, 2.94), (0.4, 3.01), (0.9, 3.06), (1.4, 3.26), (1.9, 3.48),
                       (2.9, 3.49), (3.9, 3.54), (5.9, 3.56), (8.9, 3.57), (11.9, 3.58)])},
        over("small_oversize", [61, 46, 46], 1.76, 3.49, 0.76, 0.22),
        over("standard_oversize_light", [101, 60, 60], 15, 4.35, 0.76, 0.15),
        over("standard_oversize_heavy", [101, 60, 60], 23, 6.58, 15.76, 0.08),
        over("standard_oversize_large", [120, 60, 60], 23, 5.67, 0.76, 0.07),
        over("bulky_oversize", None, 23, 10.20, 0.76, 0.24),
        over("heavy_oversize", None, None, 13.04, 31.5, 0.09),
    ]
    return {"volumetric_kg_per_m3": 200, "storage_per_m3_day": storage(0.78, 2.40),
            "tiers": tiers,
            "source": ["S_FBA_UK_2026", "S_FBA_UK_ASSUMED", "S_FBA_SIMPLE", "S_FBA_STORAGE_2026",
                       "S_FX"]}


# warehouses charged by a fee table (their handling per unit and storage come from it)
WAREHOUSE_FEES = {"W_US_WEST": "FBA_US_2026", "W_US_EAST": "FBA_US_2026", "W_GB": "FBA_UK_2026"}
# markets whose last mile is priced by a rate card (links into them from warehouses, gateways
# and online retailers state no cost)
RATE_CARD_COUNTRIES = {"US", "DE"}


def add_china_nodes(net, seaports, airports):
    """Factories, exporters, then the seaports, airports and rail terminals (both ends)."""
    for fid, name, lat, lon in FACTORIES:
        net.add_node({"id": fid, "type": "factory", "name": name, "country": "CN", "lat": lat,
                      "lon": lon, "source": "S_CITY"})
    for xid, name, lat, lon, _, _ in EXPORTERS:
        net.add_node({"id": xid, "type": "exporter", "name": name, "country": "CN", "lat": lat,
                      "lon": lon, "markup_pct": 10, "handling": {"days": 3},
                      "source": ["S_CITY", "S_TRADE_ASSUMED"]})
    for code in SEAPORTS_CN + SEAPORTS_DEST:
        r = seaports[code]
        net.add_node({"id": "P_" + code, "type": "seaport", "name": r["name"],
                      "country": r["country_iso2"], "lat": float(r["lat"]),
                      "lon": float(r["lon"]), "code": code,
                      "handling": {"cost_per_kg": 0.01, "days": 2},
                      "source": ["S_SEAPORTS", "S_HANDLING"]})
    for code in AIR_CN + AIR_DEST:
        r = airports[code]
        net.add_node({"id": "A_" + code, "type": "airport", "name": r["name"],
                      "country": r["country_iso2"], "lat": float(r["lat"]),
                      "lon": float(r["lon"]), "code": code,
                      "handling": {"cost_per_kg": 0.10, "days": 0.5},
                      "source": ["S_AIRPORTS", "S_HANDLING"]})
    for rid, name, cc, lat, lon in RAIL:
        net.add_node({"id": rid, "type": "rail_terminal", "name": name, "country": cc,
                      "lat": lat, "lon": lon, "handling": {"cost_per_kg": 0.01, "days": 1},
                      "source": ["S_CITY", "S_HANDLING"]})


def add_destination_nodes(net):
    """Overseas warehouses, the traditional chain (importer, wholesaler, retailer), online
    retailers, then the markets."""
    for wid, name, cc, lat, lon in WAREHOUSES:
        if wid in WAREHOUSE_FEES:  # handling and storage by the fee table's tiers and season
            net.add_node({"id": wid, "type": "warehouse", "name": name, "country": cc,
                          "lat": lat, "lon": lon, "fixed_cost_per_week": 500,
                          "capacity_m3": 5000, "handling": {"days": 1},
                          "fulfilment_fees": WAREHOUSE_FEES[wid],
                          "source": ["S_CITY", "S_WH_ASSUMED"]})
            continue
        net.add_node({"id": wid, "type": "warehouse", "name": name, "country": cc, "lat": lat,
                      "lon": lon, "storage_cost_per_m3_day": 0.905, "fixed_cost_per_week": 500,
                      "capacity_m3": 5000, "handling": {"cost_per_unit": 2.39, "days": 1},
                      "source": ["S_CITY", "S_FBA_STORAGE", "S_FBA_FULFIL", "S_WH_ASSUMED"]})
    for key, cc, lat, lon, _, _ in CHAINS:
        label = key.replace("_", " ")
        net.add_node({"id": "I_" + key, "type": "importer", "name": "Importer " + label,
                      "country": cc, "lat": lat, "lon": lon, "markup_pct": 20,
                      "handling": {"days": 5},
                      "source": ["S_CITY", "S_MARKUP_DIST", "S_TRADE_ASSUMED"]})
        net.add_node({"id": "WS_" + key, "type": "wholesaler", "name": "Wholesaler " + label,
                      "country": cc, "lat": lat, "lon": lon, "markup_pct": 20,
                      "handling": {"days": 7},
                      "source": ["S_CITY", "S_MARKUP_DIST", "S_TRADE_ASSUMED"]})
        net.add_node({"id": "RT_" + key, "type": "retailer", "name": "Retail chain " + label,
                      "country": cc, "lat": lat, "lon": lon, "markup_pct": 100,
                      "handling": {"days": 10},
                      "source": ["S_CITY", "S_MARKUP_RETAIL", "S_TRADE_ASSUMED"]})
    for oid, name, cc, lat, lon, _, _, _ in ONLINE:
        net.add_node({"id": oid, "type": "retailer", "name": name, "country": cc, "lat": lat,
                      "lon": lon, "markup_pct": 60, "handling": {"cost_per_unit": 2.39, "days": 1},
                      "source": ["S_CITY", "S_MARKUP_RETAIL", "S_FBA_FULFIL"]})
    for mid, name, cc, lat, lon in MARKETS:
        net.add_node({"id": mid, "type": "market", "name": name, "country": cc, "lat": lat,
                      "lon": lon, "source": "S_CITY"})


# bonded e-commerce warehouses in China (regime 1210, S_REGIME_1210): id, name, lat, lon,
# sources, the factories that truck to it
BONDED = [
    ("W_CN_MEISHAN", "Ningbo Meishan bonded zone e-commerce warehouse", 29.77, 121.96,
     ["S_MEISHAN", "S_REGIME_1210", "S_BONDED_WH", "S_WH_ASSUMED"],
     ["F_NINGBO", "F_YIWU", "F_SUZHOU"]),
]


def add_bonded_nodes(net):
    """The bonded warehouses in China: stock there is exported on entry (regime 1210)."""
    for wid, name, lat, lon, src, _ in BONDED:
        net.add_node({"id": wid, "type": "warehouse", "name": name, "country": "CN", "lat": lat,
                      "lon": lon, "bonded": True, "storage_cost_per_m3_day": 0.30,
                      "fixed_cost_per_week": 500, "capacity_m3": 5000,
                      "handling": {"cost_per_unit": 1.00, "days": 1}, "source": src})


def add_bonded_links(net):
    """Factories -> bonded zone by truck (the first leg, in bulk); bonded zone -> every market
    by express and post (parcels), at the rates of the factories' door-to-door links."""
    for wid, _, _, _, _, facs in BONDED:
        for f in facs:
            net.truck(f, wid)
        for mid, _, cc, _, _ in MARKETS:
            net.add_link({"from": wid, "to": mid, "mode": "express",
                          "cost": {"per_kg": 22.0, "min_charge": 12.0},
                          "days": {"min": 2, "mode": 3, "max": 5},
                          "source": ["S_EXPRESS", "S_EXPRESS_MIN"]})
            post_rate = {"US": 14.0, "JP": 9.6}.get(cc, 13.0)
            post_days = ({"min": 8, "mode": 12, "max": 18} if cc == "US"
                         else {"min": 10, "mode": 15, "max": 25})
            net.add_link({"from": wid, "to": mid, "mode": "post", "cost": {"per_kg": post_rate},
                          "days": post_days, "source": ["S_POST", "S_POST_DAYS"]})


def add_pre_carriage_links(net):
    """Trucks from factories to the nearby Chinese gateways, and the traditional chain
    factory -> exporter -> Chinese port."""
    near_ports = {
        "F_SHENZHEN": ["CNYTN", "CNSHK"], "F_DONGGUAN": ["CNNSA", "CNYTN", "CNSHK"],
        "F_YIWU": ["CNNGB", "CNSHA"], "F_FOSHAN": ["CNNSA", "CNSHK"], "F_NINGBO": ["CNNGB"],
        "F_SUZHOU": ["CNSHA", "CNNGB"], "F_XIAMEN": ["CNXMN"], "F_CHONGQING": ["CNSHA"],
    }
    near_air = {
        "F_SHENZHEN": ["SZX", "CAN"], "F_DONGGUAN": ["CAN", "SZX"], "F_YIWU": ["HGH", "NGB", "PVG"],
        "F_FOSHAN": ["CAN"], "F_NINGBO": ["NGB", "PVG"], "F_SUZHOU": ["PVG"], "F_XIAMEN": ["XMN"],
        "F_CHONGQING": ["CTU", "CGO"],
    }
    near_rail = {"F_CHONGQING": ["R_CHONGQING"], "F_YIWU": ["R_YIWU"], "F_NINGBO": ["R_YIWU"],
                 "F_SUZHOU": ["R_XIAN", "R_YIWU"], "F_SHENZHEN": ["R_CHONGQING"],
                 "F_DONGGUAN": ["R_CHONGQING"]}
    for fid, _, _, _ in FACTORIES:
        for p in near_ports[fid]:
            net.truck(fid, "P_" + p)
        for a in near_air[fid]:
            net.truck(fid, "A_" + a)
        for r in near_rail.get(fid, []):
            net.truck(fid, r)
    for xid, _, _, _, facs, ports in EXPORTERS:
        for f in facs:
            net.truck(f, xid)
        for p in ports:
            net.truck(xid, "P_" + p)


def add_sea_links(net, dist):
    """One sea link per Chinese port and destination port; an Asia-Europe lane through Suez
    gets a second link round the Cape (the search with Suez, Bab-el-Mandeb and Panama closed).
    Each routing has its own dated rate; the Suez links are closed (S_SEA_WORLD)."""
    for a in SEAPORTS_CN:
        for b in SEAPORTS_DEST:
            r = dist[(a, b)]
            rate, rsrc, calls = lane(SEA_LANE[b])
            nm = float(r["distance_nm"])
            via = via_of(r["passages"])
            base = {"from": "P_" + a, "to": "P_" + b, "mode": "sea",
                    "cost": {"per_m3": rate}, "departures_per_week": 1}
            source = [rsrc, "S_SEADIST", "S_SEADAYS", "S_SEA_SAILINGS"]
            if "suez" in via:
                srate, ssrc = SUEZ_RATE[SEA_LANE[b]]
                net.add_link(dict(base, id="SEA_%s_%s_SUEZ" % (a, b), cost={"per_m3": srate},
                                  days=sea_days(nm, calls), distance_km=round(nm * 1.852),
                                  via=via, status="closed",
                                  source=[ssrc, "S_SEA_WORLD"] + source[1:]))
                nm2 = float(r["distance_nm_no_suez_no_panama"])
                net.add_link(dict(base, id="SEA_%s_%s_CAPE" % (a, b),
                                  days=sea_days(nm2, calls), distance_km=round(nm2 * 1.852),
                                  via=via_of(r["passages_no_suez_no_panama"]),
                                  source=source + ["S_SEA_WORLD"]))
            else:
                l1 = dict(base, id="SEA_%s_%s" % (a, b), days=sea_days(nm, calls),
                          distance_km=round(float(r["distance_km"])), source=source)
                if via:
                    l1["via"] = via
                net.add_link(l1)


def add_air_links(net, airports):
    """Every Chinese cargo airport to every destination airport, priced by destination."""
    air_rate = {"US": (6.18, "S_BAI_202511"), "DE": (5.00, "S_BAI_202511"),
                "NL": (5.00, "S_BAI_202511"), "GB": (5.00, "S_BAI_202511"),
                "FR": (5.00, "S_BAI_202511"), "ES": (5.00, "S_BAI_202511"),
                "IT": (5.00, "S_BAI_202511"), "JP": (4.24, "S_AIR_SCALED"),
                "AU": (5.00, "S_AIR_SCALED")}
    for a in AIR_CN:
        for b in AIR_DEST:
            rate, src = air_rate[airports[b]["country_iso2"]]
            net.add_link({"from": "A_" + a, "to": "A_" + b, "mode": "air",
                          "cost": {"per_kg": rate}, "days": {"min": 1, "mode": 2, "max": 4},
                          "departures_per_week": 7, "source": [src, "S_AIR_OPS"]})


def add_rail_links(net):
    """China-Europe Railway Express: Chinese terminal -> European terminal."""
    rail_days = {
        ("R_CHONGQING", "R_DUISBURG"): {"min": 13, "mode": 17, "max": 20},
        ("R_CHONGQING", "R_MALASZEWICZE"): {"min": 11, "mode": 13, "max": 16},
        ("R_XIAN", "R_DUISBURG"): {"min": 14, "mode": 17, "max": 21},
        ("R_XIAN", "R_MALASZEWICZE"): {"min": 11, "mode": 13, "max": 16},
        ("R_XIAN", "R_LODZ"): {"min": 12, "mode": 14, "max": 17},
        ("R_YIWU", "R_DUISBURG"): {"min": 15, "mode": 18, "max": 22},
        ("R_YIWU", "R_MALASZEWICZE"): {"min": 12, "mode": 15, "max": 18},
    }
    for (a, b), d in rail_days.items():
        net.add_link({"id": "RAIL_%s_%s" % (a[2:], b[2:]), "from": a, "to": b, "mode": "rail",
                      "cost": {"per_m3": 125.0}, "days": d,
                      "departures_per_week": 7 if a == "R_CHONGQING" else 3,
                      "source": ["S_RAIL_RATE", "S_RAIL_DAYS", "S_RAIL_OPS"]})


def add_drayage_links(net):
    """Destination seaports, airports and rail terminals -> overseas warehouses (truck)."""
    port_wh = {"USLAX": ["W_US_WEST"], "USLGB": ["W_US_WEST"], "USNYC": ["W_US_EAST"],
               "USSAV": ["W_US_EAST"], "NLRTM": ["W_DE"], "DEHAM": ["W_DE", "W_PL"],
               "GBFXT": ["W_GB"], "ESVLC": [], "JPTYO": ["W_JP"], "AUSYD": ["W_AU"]}
    for p, whs in port_wh.items():
        for w in whs:
            net.truck("P_" + p, w, drayage=True)
    air_wh = {"LAX": ["W_US_WEST"], "JFK": ["W_US_EAST"], "ORD": ["W_US_EAST"],
              "FRA": ["W_DE"], "LEJ": ["W_DE", "W_PL"], "LHR": ["W_GB"], "NRT": ["W_JP"],
              "SYD": ["W_AU"]}
    for a, whs in air_wh.items():
        for w in whs:
            net.truck("A_" + a, w, drayage=True)
    net.truck("R_DUISBURG", "W_DE", drayage=True)
    net.truck("R_MALASZEWICZE", "W_PL", drayage=True)
    net.truck("R_LODZ", "W_PL", drayage=True)


def add_last_mile_links(net):
    """Parcel delivery to the markets: from warehouses (stock -> consumer), from destination
    airports (air injection by a postal/parcel carrier), from seaports (consolidated sea
    parcels, e.g. fast trans-Pacific services + parcel carrier) and from rail terminals."""
    wh_markets = {
        "W_US_WEST": [("M_US_WEST", {"min": 1, "mode": 1.5, "max": 3}),
                      ("M_US_CENTRAL", {"min": 2, "mode": 3, "max": 4}),
                      ("M_US_EAST", {"min": 3, "mode": 4, "max": 6})],
        "W_US_EAST": [("M_US_EAST", {"min": 1, "mode": 1.5, "max": 3}),
                      ("M_US_CENTRAL", {"min": 2, "mode": 2.5, "max": 4}),
                      ("M_US_WEST", {"min": 3, "mode": 4, "max": 6})],
        "W_DE": [("M_DE", {"min": 1, "mode": 1.5, "max": 3}),
                 ("M_NL", {"min": 1, "mode": 2, "max": 3}),
                 ("M_FR", {"min": 2, "mode": 2.5, "max": 4}),
                 ("M_IT", {"min": 2, "mode": 3, "max": 5}),
                 ("M_ES", {"min": 3, "mode": 4, "max": 6}),
                 ("M_PL", {"min": 2, "mode": 3, "max": 4})],
        "W_PL": [("M_PL", {"min": 1, "mode": 1.5, "max": 3}),
                 ("M_DE", {"min": 2, "mode": 2.5, "max": 4})],
        "W_GB": [("M_GB", {"min": 1, "mode": 1.5, "max": 3})],
        "W_JP": [("M_JP", {"min": 1, "mode": 1.5, "max": 2})],
        "W_AU": [("M_AU", {"min": 1, "mode": 2, "max": 4})],
    }
    for w, ms in wh_markets.items():
        for m, d in ms:
            net.last_mile(w, m, d)
    inj = {"LAX": ["M_US_WEST", "M_US_CENTRAL"], "ORD": ["M_US_CENTRAL", "M_US_EAST"],
           "JFK": ["M_US_EAST", "M_US_CENTRAL"], "FRA": ["M_DE", "M_IT"], "LEJ": ["M_DE", "M_PL"],
           "AMS": ["M_NL", "M_DE"], "LHR": ["M_GB"], "CDG": ["M_FR"], "MAD": ["M_ES"],
           "MXP": ["M_IT"], "NRT": ["M_JP"], "SYD": ["M_AU"]}
    for a, ms in inj.items():
        for m in ms:
            net.last_mile("A_" + a, m, {"min": 2, "mode": 3, "max": 5})
    for p, m in [("USLGB", "M_US_WEST"), ("USLAX", "M_US_CENTRAL"), ("USNYC", "M_US_EAST"),
                 ("NLRTM", "M_NL"), ("DEHAM", "M_DE"), ("GBFXT", "M_GB"), ("ESVLC", "M_ES"),
                 ("JPTYO", "M_JP"), ("AUSYD", "M_AU")]:
        net.last_mile("P_" + p, m, {"min": 2, "mode": 3, "max": 5})
    net.last_mile("R_DUISBURG", "M_DE", {"min": 2, "mode": 3, "max": 5})
    net.last_mile("R_MALASZEWICZE", "M_PL", {"min": 2, "mode": 3, "max": 5})
    net.last_mile("R_LODZ", "M_PL", {"min": 1, "mode": 2, "max": 4})


def add_door_to_door_links(net):
    """Express and post from every factory to every market."""
    for fid, _, _, _ in FACTORIES:
        for mid, _, cc, _, _ in MARKETS:
            net.add_link({"from": fid, "to": mid, "mode": "express",
                          "cost": {"per_kg": 22.0, "min_charge": 12.0},
                          "days": {"min": 2, "mode": 3, "max": 5},
                          "source": ["S_EXPRESS", "S_EXPRESS_MIN"]})
            post_rate = {"US": 14.0, "JP": 9.6}.get(cc, 13.0)
            post_days = ({"min": 8, "mode": 12, "max": 18} if cc == "US"
                         else {"min": 10, "mode": 15, "max": 25})
            net.add_link({"from": fid, "to": mid, "mode": "post", "cost": {"per_kg": post_rate},
                          "days": post_days, "source": ["S_POST", "S_POST_DAYS"]})


def add_vietnam(net):
    """China + 1: a furniture plant in Binh Duong (Vietnam), trucked to Cai Mep port, a sailing
    to Los Angeles and Long Beach, and express and post to the US markets at the rates from
    China (assumption, S_VN_PORT)."""
    net.add_node({"id": "F_BINHDUONG", "type": "factory",
                  "name": "Binh Duong furniture cluster (Thu Dau Mot, Vietnam)", "country": "VN",
                  "lat": 10.98, "lon": 106.65, "source": ["S_CITY", "S_VN_PLANT"]})
    net.add_node({"id": "P_VNCMT", "type": "seaport", "name": "Cai Mep", "country": "VN",
                  "lat": 10.5358, "lon": 107.0013, "code": "VNCMT",
                  "handling": {"cost_per_kg": 0.01, "days": 2},
                  "source": ["S_VN_PORT", "S_HANDLING"]})
    net.truck("F_BINHDUONG", "P_VNCMT")
    rate, rsrc, calls = lane("US_W")
    for b in ["USLAX", "USLGB"]:
        km = gc_km(*net.pos["P_VNCMT"], *net.pos["P_" + b]) * 1.15
        net.add_link({"id": "SEA_VNCMT_%s" % b, "from": "P_VNCMT", "to": "P_" + b, "mode": "sea",
                      "cost": {"per_m3": rate}, "departures_per_week": 1,
                      "days": sea_days(km / 1.852, 2.0), "distance_km": round(km),
                      "source": [rsrc, "S_VN_PORT", "S_SEADAYS", "S_SEA_SAILINGS"]})
    for mid, _, cc, _, _ in MARKETS:
        if cc != "US":
            continue
        net.add_link({"from": "F_BINHDUONG", "to": mid, "mode": "express",
                      "cost": {"per_kg": 22.0, "min_charge": 12.0},
                      "days": {"min": 2, "mode": 3, "max": 5},
                      "source": ["S_EXPRESS", "S_EXPRESS_MIN", "S_VN_PORT"]})
        net.add_link({"from": "F_BINHDUONG", "to": mid, "mode": "post", "cost": {"per_kg": 14.0},
                      "days": {"min": 8, "mode": 12, "max": 18},
                      "source": ["S_POST", "S_POST_DAYS", "S_VN_PORT"]})


def add_trade_links(net):
    """The traditional chain abroad (port -> importer -> wholesaler -> retailer -> market) and
    B2B2C (port or airport -> online retailer -> market)."""
    for key, _, _, _, ports, markets in CHAINS:
        for p in ports:
            net.truck("P_" + p, "I_" + key, drayage=True)
        net.truck("I_" + key, "WS_" + key)
        net.truck("WS_" + key, "RT_" + key)
        for m in markets:
            net.last_mile("RT_" + key, m, {"min": 0.5, "mode": 1, "max": 2}, parcel=False)
    for oid, _, _, _, _, ports, airs, markets in ONLINE:
        for p in ports:
            net.truck("P_" + p, oid, drayage=True)
        for a in airs:
            net.truck("A_" + a, oid, drayage=True)
        for m in markets:
            net.last_mile(oid, m, {"min": 1, "mode": 2, "max": 4})


CATEGORIES = ["electronics", "apparel", "furniture", "home", "toys", "appliances"]
EXPRESS_BULK = ["express", "bulk"]
POSTAL_ALL_DUTIES = "2026-07-24"  # CBP mail rule: postal informal entry with all duties


def by_category(prefix, layer, rates, default, extra, source):
    """Percent components of one layer, one per category rate (zero rates skipped) and one for
    every other category, each for express and bulk entries always and for postal items from
    POSTAL_ALL_DUTIES (S_US_POSTAL)."""
    out = []
    groups = {}
    for cat in CATEGORIES:
        groups.setdefault(rates[cat], []).append(cat)
    for rate, cats in sorted(groups.items()):
        if rate > 0:
            out.append(("%s-%s" % (prefix, cats[0]), {"categories": cats}, rate))
    if default > 0:
        out.append(("%s-other" % prefix, {"exclude_categories": list(CATEGORIES)}, default))
    parts = []
    for pid, sel, rate in out:
        for chan, suffix, dates in ((EXPRESS_BULK, "", {}),
                                    (["postal"], "-postal", {"from": POSTAL_ALL_DUTIES})):
            parts.append(dict({"id": pid + suffix, "layer": layer + suffix, "form": "percent",
                               "rate": rate}, **sel, **extra, channels=chan, **dates,
                              source=source))
    return parts


def us_tariff():
    """The US tariff (rules-2026.md 1.2 and 2): MFN, Section 301 (China), IEEPA (until
    2026-02-24), Section 122 (2026-02-24 until 2026-07-24), Section 232 upholstered furniture,
    the postal rules by date, and the entry fees (MPF, HMF, express and mail fees)."""
    mfn = {"electronics": 0, "apparel": 16, "furniture": 0, "home": 3, "toys": 0, "appliances": 2}
    s301 = {"electronics": 0, "apparel": 7.5, "furniture": 25, "home": 25, "toys": 0,
            "appliances": 25}
    parts = by_category("us-mfn", "mfn", mfn, 2.5, {}, ["S_US_LINES", "S_RULES_2026"])
    parts += by_category("us-301", "s301", s301, 7.5, {"origins": ["CN"]},
                         ["S_US_LINES", "S_US_STACK"])
    cn = {"origins": ["CN"]}
    for pid, rate, frm, until in (("us-ieepa-fentanyl-10a", 10, "2025-02-04", "2025-03-04"),
                                  ("us-ieepa-fentanyl-20", 20, "2025-03-04", "2025-11-10"),
                                  ("us-ieepa-fentanyl-10", 10, "2025-11-10", "2026-02-24")):
        parts.append(dict({"id": pid, "layer": "ieepa-fentanyl", "form": "percent", "rate": rate},
                          **cn, **{"from": frm, "until": until},
                          source=["S_US_STACK", "S_US_POSTAL"]))
    for pid, rate, origin, frm, until, src in (
            ("us-ieepa-reciprocal-125", 125, "CN", "2025-04-10", "2025-05-14", "S_US_STACK"),
            ("us-ieepa-reciprocal-10", 10, "CN", "2025-05-14", "2026-02-24", "S_US_STACK"),
            ("us-ieepa-reciprocal-vn-10", 10, "VN", "2025-04-05", "2025-08-07",
             "S_US_RECIPROCAL_VN"),
            ("us-ieepa-reciprocal-vn-20", 20, "VN", "2025-08-07", "2026-02-24",
             "S_US_RECIPROCAL_VN")):
        parts.append({"id": pid, "layer": "ieepa-reciprocal", "form": "percent", "rate": rate,
                      "exclude_categories": ["electronics"], "origins": [origin],
                      "from": frm, "until": until, "source": [src, "S_US_POSTAL"]})
    parts.append({"id": "us-s122", "layer": "s122", "form": "percent", "rate": 10,
                  "exclude_categories": ["furniture", "electronics"], "channels": EXPRESS_BULK,
                  "from": "2026-02-24", "until": "2026-07-24", "source": "S_US_STACK"})
    parts.append({"id": "us-s122-postal", "layer": "s122", "form": "percent", "rate": 10,
                  "channels": ["postal"], "from": "2026-02-24", "until": "2026-07-24",
                  "source": ["S_US_STACK", "S_US_POSTAL"]})
    for pid, rate, frm, until in (("us-232-upholstered-25", 25, "2025-10-14", "2027-01-01"),
                                  ("us-232-upholstered-30", 30, "2027-01-01", None)):
        for chan, suffix, f2 in ((EXPRESS_BULK, "", frm),
                                 (["postal"], "-postal", max(frm, POSTAL_ALL_DUTIES))):
            p = {"id": pid + suffix, "layer": "s232" + suffix, "form": "percent", "rate": rate,
                 "categories": ["furniture"], "channels": chan, "from": f2,
                 "source": ["S_US_STACK", "S_US_LINES"]}
            if until:
                p["until"] = until
            parts.append(p)
    fees = [
        {"id": "us-mpf-formal", "kind": "fee", "form": "percent", "rate": 0.3464, "min": 33.58,
         "max": 651.50, "channels": ["bulk"], "from": "2025-10-01"},
        {"id": "us-hmf", "kind": "fee", "form": "percent", "rate": 0.125, "modes": ["sea"]},
        {"id": "us-express-consignment", "kind": "fee", "form": "per_parcel", "amount": 1.34,
         "channels": ["express"], "from": "2025-10-01"},
        {"id": "us-dutiable-mail", "kind": "fee", "form": "per_parcel", "amount": 7.39,
         "channels": ["postal"], "from": POSTAL_ALL_DUTIES},
    ]
    for f in fees:
        f["source"] = "S_US_FEES"
    return parts + fees


def au_tariff():
    """Australia (rules-2026.md 1.5): 5 % above AUD 1,000 except Chinese origin (ChAFTA);
    the import processing and biosecurity charges of a full declaration above AUD 1,000."""
    return [
        {"id": "au-general", "form": "percent", "rate": 5, "exclude_origins": ["CN"],
         "value_from": 650, "source": "S_AU_CHAFTA"},
        {"id": "au-ipc-50", "kind": "fee", "form": "per_parcel", "amount": 32.50,
         "value_from": 650, "value_under": 6500, "source": "S_AU_CHAFTA"},
        {"id": "au-ipc-152", "kind": "fee", "form": "per_parcel", "amount": 98.80,
         "value_from": 6500, "source": "S_AU_CHAFTA"},
        {"id": "au-biosecurity-sea", "kind": "fee", "form": "per_parcel", "amount": 42.90,
         "modes": ["sea"], "value_from": 650, "source": "S_AU_CHAFTA"},
        {"id": "au-biosecurity-air", "kind": "fee", "form": "per_parcel", "amount": 29.25,
         "modes": ["air", "express", "post"], "value_from": 650, "source": "S_AU_CHAFTA"},
    ]


# Japan's consumption-tax threshold ends on 2028-04-01 (S_JP_CT_2028); its duty threshold has no
# announced end, nor have the UK's (only "March 2029 at the latest", S_GB_LVI_END) and
# Australia's (S_AU_THRESHOLD): those keep their undated de_minimis.
JP_THRESHOLDS = [
    {"id": "jp-ct-10000-yen", "applies_to": "vat", "value": 66.7, "until": "2028-04-01",
     "source": ["S_JP", "S_JP_CT_2028", "S_FX"]},
    {"id": "jp-ct-all-parcels", "applies_to": "vat", "value": 0, "from": "2028-04-01",
     "source": "S_JP_CT_2028"},
]
EU_FLAT = {"id": "eu-flat-3-per-item", "form": "per_item", "amount": 3.30, "currency": "USD",
           "channels": ["postal", "express"], "value_under": 165, "from": "2026-07-01",
           "until": "2028-07-01", "vat_base": False, "exempt_below_de_minimis": False,
           "source": ["S_EU_FLAT_DUTY", "S_FX"]}
# The sea e-commerce parcel service China -> US (issue #10 part 2): a consolidated "DDP sea"
# service priced per kg, the only published sea parcel rate found (low authority). The model
# charges pre-carriage, clearance, duty and last mile itself, so the port-to-port leg takes the
# low end of the door-to-door range, and its days are the container service's plus 4 days of
# consolidation and deconsolidation (assumption), which puts door to door inside the published
# 25-40 days. No such rate was found for Europe, Japan or
# Australia, nor for rail: those sea links and the rail links carry no parcels.
SEA_PARCEL_LANES = ("US_W", "US_E")
SEA_PARCEL_PER_KG = 1.9
SEA_PARCEL_EXTRA_DAYS = 4


def add_shipment_services(net):
    """Sea links: the LCL minimum of one chargeable m3 (min_charge = the lane's per-m3 rate) and,
    on the lanes to the US, the sea e-commerce parcel service."""
    for l in net.links:
        if l["mode"] != "sea":
            continue
        l["cost"]["min_charge"] = l["cost"]["per_m3"]
        l["source"] = l["source"] + ["S_LCL_MIN"]
        if SEA_LANE[l["to"][2:]] in SEA_PARCEL_LANES:
            days = {k: r2(v + SEA_PARCEL_EXTRA_DAYS) for k, v in l["days"].items()}
            l["parcel"] = {"cost": {"per_kg": SEA_PARCEL_PER_KG}, "days": days}
            l["source"] = l["source"] + ["S_SEA_ECOM"]


def make_countries():
    """The countries table: China and Vietnam (origins), then US, GB, JP, AU, then the six
    EU members."""
    EU_DUTY = {"electronics": 0, "apparel": 12, "furniture": 0, "home": 3.7, "toys": 4.7,
               "appliances": 2.7, "default": 4}
    clearance = {"clearance_days": 1, "clearance_fee_per_shipment": 3,
                 "clearance_fee_per_entry": 150, "inspection_prob": 0.03, "inspection_days": 3}
    countries = {
        "CN": {"name": "China", "source": "S_REGIMES"},
        "VN": {"name": "Vietnam", "source": "S_VN_EXPORT"},
        "US": dict({"name": "United States", "de_minimis": 0, "vat_de_minimis": 0,
                    "duty_pct": 0, "vat_pct": 0, "customs_value": "fob"},
                   **dict(clearance, clearance_fee_per_entry=200), tariff=us_tariff(),
                   source=["S_US_DEMINIMIS", "S_US_STACK", "S_US_POSTAL", "S_US_FEES",
                           "S_US_301_EXCL", "S_VALUE_BASIS", "S_CLEARANCE", "S_BROKER"]),
        "GB": dict({"name": "United Kingdom", "de_minimis": 171, "vat_de_minimis": 0,
                    "duty_pct": {"electronics": 0, "apparel": 12, "furniture": 0, "home": 2,
                                 "toys": 0, "appliances": 2, "default": 2},
                    "vat_pct": 20, "customs_value": "cif"}, **clearance,
                   source=["S_GB", "S_GB_LVI_END", "S_FX", "S_DUTY_LINES", "S_VALUE_BASIS",
                           "S_CLEARANCE", "S_BROKER"]),
        "JP": dict({"name": "Japan", "de_minimis": 66.7, "vat_de_minimis": 66.7,
                    "duty_pct": {"electronics": 0, "apparel": 10, "furniture": 0, "home": 3,
                                 "toys": 0, "appliances": 0, "default": 3},
                    "vat_pct": 10, "customs_value": "cif"}, **clearance,
                   thresholds=JP_THRESHOLDS,
                   source=["S_JP", "S_JP_CT_2028", "S_FX", "S_DUTY_LINES", "S_VALUE_BASIS",
                           "S_CLEARANCE", "S_BROKER"]),
        "AU": dict({"name": "Australia", "de_minimis": 650, "vat_de_minimis": 0,
                    "duty_pct": 0, "vat_pct": 10, "customs_value": "fob",
                    "vat_base": ["customs_value", "freight", "insurance", "duty"],
                    "vat_base_below_de_minimis": ["goods"]}, **clearance,
                   tariff=au_tariff(),
                   source=["S_AU", "S_AU_THRESHOLD", "S_AU_GST_BASE", "S_AU_CHAFTA", "S_FX",
                           "S_VALUE_BASIS", "S_CLEARANCE", "S_BROKER"]),
    }
    for cc, vat in [("DE", 19), ("FR", 20), ("NL", 21), ("PL", 23), ("ES", 21), ("IT", 22)]:
        countries[cc] = dict({"name": COUNTRY_NAMES[cc], "customs_union": "EU",
                              "de_minimis": 165, "vat_de_minimis": 0,
                              "duty_pct": dict(EU_DUTY), "vat_pct": vat,
                              "customs_value": "cif"}, **clearance, tariff=[dict(EU_FLAT)],
                             source=["S_EU_CU", "S_EU_VAT", "S_EU_DUTY_2026", "S_EU_FLAT_DUTY",
                                     "S_VAT_RATES", "S_DUTY_LINES", "S_VALUE_BASIS",
                                     "S_CLEARANCE", "S_BROKER"])
    return countries


REGIMES = {
    "9610": {"clearance_days": 0.5, "fee_per_shipment": 0, "source": "S_REGIMES"},
    "9710": {"clearance_days": 1, "fee_per_shipment": 20, "source": "S_REGIMES"},
    "9810": {"clearance_days": 1, "fee_per_shipment": 20, "source": "S_REGIMES"},
    "1210": {"clearance_days": 1, "fee_per_shipment": 20, "source": ["S_REGIMES", "S_REGIME_1210"]},
    "0110": {"clearance_days": 2, "fee_per_shipment": 50, "source": "S_REGIMES"},
}

DESCRIPTION = (
    "China's export network for cross-border e-commerce: eight factory clusters, Chinese "
    "seaports, airports and China-Europe rail terminals, overseas warehouses in the US, Europe, "
    "the UK, Japan and Australia, the traditional export chain and B2B2C online retailers, "
    "serving twelve consumer markets by express, post, air, sea, rail and warehouse routes. "
    "Rates and times are dated and cited in `sources`; figures we chose are marked as "
    "assumptions there.")

NOTES = [
    "Generated by tools/gen_china_export.py from tools/data (seaports, cargo airports, sea distances, reference rates); edit the script and regenerate rather than editing by hand.",
    "Asia-Europe sea lanes exist twice: via Suez (malacca, suez, babalmandab, gibraltar) and round the Cape (cape; the Cape lane in sea_distances.csv passes the Sunda strait, not Malacca). Closing a passage falls back to the other lane.",
    "Late 2026 as published: the Red Sea is closed to container lines (S_SEA_WORLD), so the Suez links are closed and Asia-Europe cargo sails round the Cape at the 2026 Cape rate; each routing has its own dated rate (Suez: the last Suez-routing assessment, 2023-11-09). scenarios/red-sea-reopened.json opens the Suez links.",
    "Money in USD; weight kg; volume m3; days; distance km.",
    "Low-value thresholds and their announced ends: Japan's consumption-tax exemption of JPY 10,000 or less ends on 2028-04-01 (S_JP_CT_2028, a dated threshold); the UK's GBP 135 duty relief is to end by 'March 2029 at the latest', but no day is published, so no end date is modelled (S_GB_LVI_END); no end of Japan's duty exemption or of Australia's AUD 1,000 threshold was announced (S_JP_CT_2028, S_AU_THRESHOLD).",
    "Section 301 exclusions (178, extended to 2026-11-10): none names the typical line of a shipped product's category, so the US tariff lists no exclusion (S_US_301_EXCL).",
]


def check_references(net, countries, tables=()):
    """Asserts that every node's country is in `countries` and every source id cited by a
    node, link, country, regime, rate card or fee table is in SOURCES."""
    used = set(net.country_of.values())
    assert used <= set(countries), used - set(countries)
    ids = {s["id"] for s in SOURCES}

    def refs(o):
        s = o.get("source")
        return [] if s is None else ([s] if isinstance(s, str) else s)

    for o in (net.nodes + net.links + list(countries.values()) + list(REGIMES.values()) +
              list(tables)):
        for s in refs(o):
            assert s in ids, s


def generate(data_dir=DEFAULT_DATA):
    """The text of networks/china-export.json built from the CSVs in data_dir."""
    seaports, airports, dist = read_inputs(data_dir)
    net = Network()
    add_china_nodes(net, seaports, airports)
    add_destination_nodes(net)
    add_bonded_nodes(net)
    add_pre_carriage_links(net)
    add_sea_links(net, dist)
    add_air_links(net, airports)
    add_rail_links(net)
    add_drayage_links(net)
    add_last_mile_links(net)
    add_door_to_door_links(net)
    add_trade_links(net)
    add_bonded_links(net)
    add_vietnam(net)
    add_shipment_services(net)
    countries = make_countries()
    last_mile = [us_last_mile(data_dir), de_last_mile()]
    fees = {"FBA_US_2026": fba_us_2026(), "FBA_UK_2026": fba_uk_2026()}
    check_references(net, countries, last_mile + list(fees.values()))
    return render({
        "format": "xbroute.network/1",
        "name": "china-export",
        "description": DESCRIPTION,
        "notes": NOTES,
        "currency": "USD",
        "date": "2026-07-24",
        "sources": SOURCES,
        "countries": countries,
        "regimes": REGIMES,
        "last_mile": last_mile,
        "fulfilment_fees": fees,
        "nodes": net.nodes,
        "links": net.links,
    })


def render_table(obj, list_key, lead, more):
    """Lines of `obj` with its other members on the first line and each element of
    obj[list_key] on a line of its own."""
    head = {k: v for k, v in obj.items() if k != list_key}
    first = json.dumps(head, ensure_ascii=False)[:-1] + ', "%s": [' % list_key
    lines = [lead + first]
    items = obj[list_key]
    for i, it in enumerate(items):
        lines.append("      " + json.dumps(it, ensure_ascii=False) + ("," if i + 1 < len(items) else ""))
    lines.append("    ]}" + ("," if more else ""))
    return lines


def render(doc):
    """2-space JSON with one node / link / source per line for the long lists."""
    out = ["{"]
    keys = list(doc.keys())
    for i, k in enumerate(keys):
        comma = "," if i + 1 < len(keys) else ""
        v = doc[k]
        if k in ("nodes", "links", "sources"):
            out.append('  "%s": [' % k)
            for j, item in enumerate(v):
                c = "," if j + 1 < len(v) else ""
                out.append("    " + json.dumps(item, ensure_ascii=False) + c)
            out.append("  ]" + comma)
        elif k == "last_mile":  # one card per header line, then one band per line
            out.append('  "%s": [' % k)
            for j, card in enumerate(v):
                out.extend(render_table(card, "bands", "    ", j + 1 < len(v)))
            out.append("  ]" + comma)
        elif k == "fulfilment_fees":  # one table per header line, then one tier per line
            out.append('  "%s": {' % k)
            items = list(v.items())
            for j, (tk, tv) in enumerate(items):
                out.extend(render_table(tv, "tiers", "    %s: " % json.dumps(tk),
                                        j + 1 < len(items)))
            out.append("  }" + comma)
        elif k == "countries" or k == "regimes":
            out.append('  "%s": {' % k)
            items = list(v.items())
            for j, (ck, cv) in enumerate(items):
                c = "," if j + 1 < len(items) else ""
                out.append("    %s: %s%s" % (json.dumps(ck), json.dumps(cv, ensure_ascii=False), c))
            out.append("  }" + comma)
        else:
            body = json.dumps(v, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            out.append("  %s: %s%s" % (json.dumps(k), body, comma))
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DATA
    sys.stdout.buffer.write(generate(data_dir).encode("utf-8"))


if __name__ == "__main__":
    main()
