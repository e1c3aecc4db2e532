/*
 * xbroute/report.h - a self-contained HTML report of a scenario: where each product goes, at
 * what cost and speed, and why; inline SVG and CSS only, no network fetches, legible printed.
 */
#ifndef XBROUTE_REPORT_H
#define XBROUTE_REPORT_H

#include "xbroute/export.h"

#include "xbroute/compare.h"
#include "xbroute/diff.h"
#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/picture.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Stacked bars of the winning route's cost components, one bar per product x market of `cmp`
 * ("where the money goes"). Appends one SVG document to `out`. XBR_EINPUT when no pair has a
 * winner, XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_compare_cost_chart(xbr_buf_t *out, const xbr_scenario_t *sc,
                                            const xbr_compare_t *cmp, xbr_diags_t *diags);

/*
 * The HTML report of a scenario and its comparison: a map of the winning routes coloured by
 * class; the winners with the runner-up and why it lost; where the money goes; cost against
 * days of every class per product; the six-link chain against its shortcuts for the largest
 * flow that has one; the network and every source behind its figures. Appends to `out`.
 */
XBR_API xbr_status_t xbr_report_html(xbr_buf_t *out, const xbr_scenario_t *sc,
                                     const xbr_compare_t *cmp, xbr_diags_t *diags);
/* The same report, opening with what changes against another scenario when `against` (the
 * diff of this scenario, as B, against it, xbroute/diff.h) is not NULL: the week's totals of
 * both, the winners that change, and the units by class of both on one scale. */
XBR_API xbr_status_t xbr_report_html_against(xbr_buf_t *out, const xbr_scenario_t *sc,
                                             const xbr_compare_t *cmp, const xbr_diff_t *against,
                                             xbr_diags_t *diags);

/*
 * The map of `xbroute map` (README "Maps"): the winning route of each product into each market
 * of `cmp`, one legend row per class, fitted to what is drawn (sea legs along their lanes).
 * `opts` NULL: 1100 px wide, 4 degrees of margin, routes only. XBR_OK, XBR_EINPUT (a route
 * not in the network) or XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_map_winners_svg(xbr_buf_t *out, const xbr_map_opts_t *opts,
                                         const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                         xbr_diags_t *diags);
/*
 * The same map of the routes of an xbroute.routes/1 document (`routes --format json`: its
 * "pareto" and "alternatives"), `text` of `len` bytes read from `file` (for messages), whose
 * link ids must be links of sc's network. XBR_EINPUT with a diagnostic otherwise.
 */
XBR_API xbr_status_t xbr_map_routes_json_svg(xbr_buf_t *out, const xbr_map_opts_t *opts,
                                             const xbr_scenario_t *sc, const char *file,
                                             const char *text, size_t len, xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_REPORT_H */
