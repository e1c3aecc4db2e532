/*
 * write_compare.c - a comparison (xbroute/compare.h) as text, JSON (schema xbroute.compare/1)
 * or CSV, with the simulated P90 days and on-time share of each class when a simulation of it
 * (xbroute/simulate.h) is given. Costs per unit in the network's currency, days as days.
 *
 * The output is a pure function of its inputs: rows and classes in the comparison's order,
 * winners by class name.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/internal.h"
#include "analysis/internal.h"
#include "xbroute/compare.h"
#include "xbroute/render.h"
#include "xbroute/simulate.h"

/* The simulation of class k of row i, or NULL (no simulation, or the class has no route). */
static const xbr_sim_stats_t *sim_of(const xbr_sim_t *sim, size_t i, size_t k)
{
    if (sim == NULL)
        return NULL;
    for (size_t r = 0; r < sim->n_rows; r++)
        if (sim->rows[r].row == i && sim->rows[r].klass == k)
            return &sim->rows[r].stats;
    return NULL;
}

static const char *currency(const xbr_network_t *net)
{
    return net->currency ? net->currency : "USD";
}

/* ---- text ----------------------------------------------------------------------------------- */

/* The verdict as the text shows it: "WINNER", "needs W opened", or its name. */
static void verdict_text(const xbr_network_t *net, const xbr_class_result_t *c, char *buf,
                         size_t size)
{
    if (c->verdict == XBR_VERDICT_WINNER)
        snprintf(buf, size, "WINNER");
    else if (c->verdict == XBR_VERDICT_NEEDS_OPENING && c->needs >= 0)
        snprintf(buf, size, "needs %s opened", net->nodes[c->needs].id);
    else
        snprintf(buf, size, "%s", xbr_verdict_name(c->verdict));
}

/* The width of the verdict column: 11, or wider for a long "needs W opened". */
static int verdict_width(const xbr_network_t *net, const xbr_compare_t *cmp)
{
    int w = 11;
    for (size_t i = 0; i < cmp->n_rows; i++)
        for (size_t k = 0; k < cmp->rows[i].n_classes; k++) {
            char v[128];
            verdict_text(net, &cmp->rows[i].classes[k], v, sizeof v);
            if ((int)strlen(v) + 1 > w)
                w = (int)strlen(v) + 1;
        }
    return w;
}

/* One class of a row: its route's figures, the simulation's when there is one, the verdict. */
static void text_class(xbr_buf_t *b, const xbr_network_t *net, const xbr_class_result_t *c,
                       const xbr_sim_t *sim, const xbr_sim_stats_t *st, int vw)
{
    if (c->has_route)
        xbr_buf_printf(b, "  %-16s %6s %10.2f %7.1f %8.3f  ", c->class_name,
                       xbr_regime_name(c->route.regime), c->route.cost.total, c->route.days,
                       c->route.co2e_kg);
    else
        xbr_buf_printf(b, "  %-16s %6s %10s %7s %8s  ", c->class_name, "-", "-", "-", "-");
    if (sim != NULL) {
        if (st == NULL)
            xbr_buf_printf(b, "%7s %8s  ", "-", "-");
        else if (isfinite(st->on_time_share))
            xbr_buf_printf(b, "%7.1f %7.1f%%  ", st->p90, 100.0 * st->on_time_share);
        else
            xbr_buf_printf(b, "%7.1f %8s  ", st->p90, "-");
    }
    char v[128];
    verdict_text(net, c, v, sizeof v);
    xbr_buf_printf(b, "%-*s %s\n", vw, v, c->why);
}

/* A product with an export VAT rebate rate: the days each class's rebate waits and the capital
 * that costs a unit (route.h, "Export VAT rebate"); nothing otherwise. */
static void text_rebate(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_row_t *row)
{
    const xbr_product_t *p = &sc->products[row->product];
    if (!(p->export_vat_rebate_pct > 0.0))
        return;
    double amount = p->unit_value * p->export_vat_rebate_pct / 100.0;
    xbr_buf_printf(b,
                   "  export VAT rebate %g%% of the factory value (%.2f a unit), paid out %g days",
                   p->export_vat_rebate_pct, amount, sc->rebate_payout_days);
    xbr_buf_puts(b, " after its event;\n  the days it waits (its capital a unit):");
    int n = 0;
    for (size_t k = 0; k < row->n_classes; k++) {
        const xbr_class_result_t *c = &row->classes[k];
        if (!c->has_route)
            continue;
        xbr_buf_printf(b, "%s%s %.1f (%.3f)",
                       n == 0       ? "\n    "
                       : n % 4 == 0 ? ",\n    "
                                    : ", ",
                       c->class_name, c->route.rebate_wait_days, c->route.rebate_capital);
        n++;
    }
    xbr_buf_puts(b, "\n");
}

/* Row i: its header, a line per class, and the winning route's path. */
static void text_row(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                     const xbr_sim_t *sim, size_t i, int vw)
{
    const xbr_network_t *net = sc->network;
    const xbr_compare_row_t *row = &cmp->rows[i];
    xbr_buf_printf(b, "\n%s -> %s  (%g units/week, ", sc->products[row->product].id,
                   net->nodes[row->market].id, row->demand_per_week);
    if (isfinite(row->promise_days))
        xbr_buf_printf(b, "promise %g days)\n", row->promise_days);
    else
        xbr_buf_puts(b, "no promise)\n");
    xbr_buf_printf(b, "  %-16s %6s %10s %7s %8s  ", "class", "regime", "cost/unit", "days",
                   "CO2e kg");
    if (sim != NULL)
        xbr_buf_printf(b, "%7s %8s  ", "P90", "on time");
    xbr_buf_printf(b, "%-*s %s\n", vw, "verdict", "why");
    for (size_t k = 0; k < row->n_classes; k++)
        text_class(b, net, &row->classes[k], sim, sim_of(sim, i, k), vw);
    if (row->winner >= 0) {
        xbr_buf_puts(b, "  winning route: ");
        xbr_route_path_text(b, net, &row->classes[row->winner].route);
        xbr_buf_puts(b, xbr__route_sale_text(&row->classes[row->winner].route));
        xbr_buf_puts(b, "\n");
    } else {
        xbr_buf_puts(b, "  no route meets the promise\n");
    }
    /* One meaning per name (#16): the class traditional is the six-link chain of `xbroute
     * chain`; its route is named, with the rule, so a reader can check it. */
    for (size_t k = 0; k < row->n_classes; k++) {
        const xbr_class_result_t *c = &row->classes[k];
        if ((int)k == row->winner || !c->has_route || strcmp(c->class_name, "traditional") != 0)
            continue;
        xbr_buf_puts(b, "  traditional route: ");
        xbr_route_path_text(b, net, &c->route);
        xbr_buf_puts(b, "\n    (the six-link chain, as `xbroute chain` shows it: exporter, "
                        "importer, wholesaler and retailer all passed)\n");
    }
    text_rebate(b, sc, row);
    if (row->design_note[0] != '\0')
        xbr_buf_printf(b, "  note: %s\n", row->design_note);
}

/* The winners, one line per pair, and how many pairs are late or unserved. */
static void text_summary(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_printf(b, "\nsummary\n  %-14s %-14s %-16s %10s %7s %14s\n", "product", "market",
                   "winner", "cost/unit", "days", "factory share");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->winner < 0) {
            xbr_buf_printf(b, "  %-14s %-14s %-16s %10s %7s %14s\n", sc->products[row->product].id,
                           net->nodes[row->market].id, "(none in time)", "-", "-", "-");
            continue;
        }
        const xbr_route_t *r = &row->classes[row->winner].route;
        xbr_buf_printf(b, "  %-14s %-14s %-16s %10.2f %7.1f %13.0f%%\n",
                       sc->products[row->product].id, net->nodes[row->market].id, r->class_name,
                       r->cost.total, r->days, 100.0 * r->factory_share);
    }
    if (cmp->n_late > 0 || cmp->n_unserved > 0)
        xbr_buf_printf(b,
                       "\n%zu pairs have no route within the promise; %zu have no route at all\n",
                       cmp->n_late, cmp->n_unserved);
}

/* Whether the comparison was priced within a design, or asked for one and fell back. */
static bool has_design(const xbr_compare_t *cmp)
{
    return cmp->design != NULL && (cmp->design->source != XBR_DESIGN_NONE || cmp->design->note[0]);
}

/* What the winners cost per week in the design, and how much of it goes through stock. */
static void text_design_totals(xbr_buf_t *b, const xbr_compare_t *cmp)
{
    xbr_compare_week_t w = xbr_compare_week(cmp);
    const xbr_design_t *d = cmp->design;
    double unshared = xbr_design_unshared_fixed(d);
    xbr_buf_printf(b, "\nwithin the design the winners land %.2f per week", w.cost + unshared);
    if (unshared > 0)
        xbr_buf_printf(b, " (%.2f of it fixed costs no unit carries)", unshared);
    if (isfinite(d->plan_cost_per_week))
        xbr_buf_printf(b, "; optimize --single-source: %.2f", d->plan_cost_per_week);
    xbr_buf_printf(b, "\n%.0f%% of the %g units per week go through overseas stock\n",
                   w.units > 0 ? 100.0 * w.stocked / w.units : 0.0, w.units);
    if (cmp->n_differ > 0)
        xbr_buf_printf(b, "%zu %s served otherwise by optimize (see the notes)\n", cmp->n_differ,
                       cmp->n_differ == 1 ? "pair is" : "pairs are");
}

/* The week of the winners when no design is involved: units, landed cost, mean days. */
static void text_week(xbr_buf_t *b, const xbr_compare_t *cmp)
{
    xbr_compare_week_t w = xbr_compare_week(cmp);
    xbr_buf_printf(b,
                   "\nthe winners land %.2f per week for %g units (mean %.2f days); %.0f%% go "
                   "through overseas stock\n",
                   w.cost, w.units, w.units > 0 ? w.days / w.units : 0.0,
                   w.units > 0 ? 100.0 * w.stocked / w.units : 0.0);
}

static void text_heading(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    xbr_buf_printf(b, "compare: scenario %s, %zu product x market pairs, costs per unit in %s\n",
                   sc->name ? sc->name : "", cmp->n_rows, currency(sc->network));
}

/* The summary and the week's totals (the end of the text, and all of --summary). */
static void text_tail(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    text_summary(b, sc, cmp);
    if (has_design(cmp) && cmp->design->source != XBR_DESIGN_NONE)
        text_design_totals(b, cmp);
    else
        text_week(b, cmp);
}

xbr_status_t xbr_compare_write_summary(xbr_buf_t *out, const xbr_scenario_t *sc,
                                       const xbr_compare_t *cmp)
{
    text_heading(out, sc, cmp);
    if (has_design(cmp))
        xbr_design_write_text(out, sc->network, cmp->design, NULL);
    text_tail(out, sc, cmp);
    return out->failed ? XBR_ENOMEM : XBR_OK;
}

static void write_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                       const xbr_sim_t *sim)
{
    text_heading(b, sc, cmp);
    if (has_design(cmp))
        xbr_design_write_text(b, sc->network, cmp->design,
                              "  classes are ranked by their cost before fixed costs (paid anyway "
                              "once a warehouse is open);\n  the costs shown carry each "
                              "warehouse's weekly fixed cost shared by volume over the units it "
                              "stocks\n");
    int vw = verdict_width(sc->network, cmp);
    for (size_t i = 0; i < cmp->n_rows; i++)
        text_row(b, sc, cmp, sim, i, vw);
    text_tail(b, sc, cmp);
}

/* ---- JSON ----------------------------------------------------------------------------------- */

static void json_simulation(xbr_json_t *j, const xbr_sim_stats_t *st)
{
    xbr_json_object_begin(j, "simulation");
    xbr_json_int(j, "runs", (long long)st->runs);
    xbr_json_number(j, "mean", st->mean);
    xbr_json_number(j, "p50", st->p50);
    xbr_json_number(j, "p90", st->p90);
    xbr_json_number(j, "p95", st->p95);
    xbr_json_number(j, "on_time_share", st->on_time_share);
    xbr_json_object_end(j);
}

static void json_row(xbr_json_t *j, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                     const xbr_sim_t *sim, size_t i)
{
    const xbr_compare_row_t *row = &cmp->rows[i];
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "product", sc->products[row->product].id);
    xbr_json_string(j, "market", sc->network->nodes[row->market].id);
    xbr_json_number(j, "demand_per_week", row->demand_per_week);
    xbr_json_number(j, "promise_days", row->promise_days);
    xbr_json_string(j, "winner", row->winner >= 0 ? row->classes[row->winner].class_name : NULL);
    xbr_json_array_begin(j, "classes");
    for (size_t k = 0; k < row->n_classes; k++) {
        const xbr_class_result_t *c = &row->classes[k];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "class", c->class_name);
        xbr_json_string(j, "verdict", xbr_verdict_name(c->verdict));
        xbr_json_string(j, "why", c->why);
        if (c->verdict == XBR_VERDICT_NEEDS_OPENING && c->needs >= 0)
            xbr_json_string(j, "needs", sc->network->nodes[c->needs].id);
        if (c->has_route)
            xbr_route_write_json(j, "route", sc, &c->route);
        else
            xbr_json_null(j, "route");
        const xbr_sim_stats_t *st = sim_of(sim, i, k);
        if (st != NULL)
            json_simulation(j, st);
        else if (sim != NULL)
            xbr_json_null(j, "simulation");
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    if (row->design_note[0] != '\0')
        xbr_json_string(j, "design_note", row->design_note);
    xbr_json_object_end(j);
}

static xbr_status_t write_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                               const xbr_sim_t *sim)
{
    xbr__win_count_t *wins = NULL;
    size_t n_wins = 0;
    xbr_status_t st = xbr__compare_winners(cmp, &wins, &n_wins);
    if (st != XBR_OK)
        return st;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.compare/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "currency", currency(sc->network));
    xbr_design_write_json(&j, "design", sc->network, cmp->design);
    xbr_json_array_begin(&j, "rows");
    for (size_t i = 0; i < cmp->n_rows; i++)
        json_row(&j, sc, cmp, sim, i);
    xbr_json_array_end(&j);
    xbr_json_object_begin(&j, "summary");
    xbr_json_int(&j, "pairs", (long long)cmp->n_rows);
    xbr_json_int(&j, "late", (long long)cmp->n_late);
    xbr_json_int(&j, "unserved", (long long)cmp->n_unserved);
    xbr_json_object_begin(&j, "winners");
    for (size_t k = 0; k < n_wins; k++)
        xbr_json_int(&j, wins[k].name, (long long)wins[k].count);
    xbr_json_object_end(&j);
    xbr_compare_week_t w = xbr_compare_week(cmp);
    double unshared = xbr_design_unshared_fixed(cmp->design);
    xbr_json_object_begin(&j, "week");
    xbr_json_number(&j, "units", w.units);
    xbr_json_number(&j, "landed_cost", w.cost + unshared);
    xbr_json_number(&j, "unshared_fixed_cost", unshared);
    xbr_json_number(&j, "mean_days", w.units > 0 ? w.days / w.units : NAN);
    xbr_json_number(&j, "stocked_units", w.stocked);
    xbr_json_object_end(&j);
    xbr_json_object_end(&j);
    xbr_json_object_end(&j);
    free(wins);
    return XBR_OK;
}

/* ---- CSV ------------------------------------------------------------------------------------ */

static void write_csv(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_puts(b, "product,market,demand_per_week,promise_days,class,regime,verdict,cost_total,"
                    "days,lead_time_days,co2e_kg,factory_share,why\n");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        for (size_t k = 0; k < row->n_classes; k++) {
            const xbr_class_result_t *c = &row->classes[k];
            xbr_buf_printf(b, "%s,%s,%g,", sc->products[row->product].id,
                           net->nodes[row->market].id, row->demand_per_week);
            if (isfinite(row->promise_days))
                xbr_buf_printf(b, "%g", row->promise_days);
            xbr_buf_printf(b, ",%s,", c->class_name);
            if (c->has_route)
                xbr_buf_printf(b, "%s,%s,%.6g,%.6g,%.6g,%.6g,%.6g,",
                               xbr_regime_name(c->route.regime), xbr_verdict_name(c->verdict),
                               c->route.cost.total, c->route.days, c->route.lead_time_days,
                               c->route.co2e_kg, c->route.factory_share);
            else
                xbr_buf_printf(b, ",%s,,,,,,", xbr_verdict_name(c->verdict));
            /* The reason may hold commas: quote it. */
            xbr_buf_printf(b, "\"%s\"\n", c->why);
        }
    }
}

xbr_status_t xbr_compare_write(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                               const xbr_sim_t *sim, xbr_format_t format)
{
    xbr_status_t st = XBR_OK;
    switch (format) {
    case XBR_FORMAT_TEXT:
        write_text(out, sc, cmp, sim);
        break;
    case XBR_FORMAT_JSON:
        st = write_json(out, sc, cmp, sim);
        break;
    case XBR_FORMAT_CSV:
        write_csv(out, sc, cmp);
        break;
    default:
        return XBR_EINPUT;
    }
    return st == XBR_OK && out->failed ? XBR_ENOMEM : st;
}
