/*
 * analysis/sweep.c - one parameter stepped over a range (xbroute/sweep.h): reading the
 * parameter, setting it on a scenario, running every value in a worker process of the batch
 * pool (batch_pool.c), and finding where the winner changes.
 *
 * A worker is forked from the caller, so it holds its own copy of the scenario: it sets the
 * value there, compares within the design and sends back one line per value, which the caller
 * reads in value order. Numbers travel as C99 hexadecimal floats ("%a"), so a worker's result
 * reaches the caller bit for bit. The line: "ok\tWINNER\tN" and N times
 * "\tCLASS\tVERDICT\tHAS\tCOST\tDAYS", or "error\tMESSAGE"; then '\n'.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "base/internal.h"
#include "model/internal.h"
#include "xbroute/batch.h"
#include "xbroute/sweep.h"

/* ---- the parameters ------------------------------------------------------------------------ */

enum {
    P_UNIT_KG,
    P_UNIT_M3,
    P_UNIT_VALUE,
    P_UNITS_PER_ORDER,
    P_DEMAND_CV,
    P_REBATE_PCT,
    P_DEMAND,
    P_REVIEW_DAYS,
    P_SERVICE_LEVEL,
    P_HOLDING_RATE,
    P_CARBON_PRICE,
    P_VALUE_OF_TIME,
    P_LINK_COST,
    P_DUTY_PCT,
    P_DE_MINIMIS,
    P_VAT_PCT,
    P_VAT_DE_MINIMIS,
};

/* A field of a product, of the scenario or of a country: its name, kind, unit and range
 * (lo < v, or lo <= v when lo_closed; v < hi, or v <= hi when hi_closed). */
typedef struct {
    const char *name;
    int kind;
    const char *unit;
    double lo, hi;
    bool lo_closed, hi_closed;
} field_t;

static const field_t PRODUCT_FIELDS[] = {
    {"unit_kg", P_UNIT_KG, "kg", 0, HUGE_VAL, false, false},
    {"unit_m3", P_UNIT_M3, "m3", 0, HUGE_VAL, false, false},
    {"unit_value", P_UNIT_VALUE, "", 0, HUGE_VAL, true, false},
    {"units_per_order", P_UNITS_PER_ORDER, "units", 1, HUGE_VAL, true, false},
    {"demand_cv", P_DEMAND_CV, "", 0, HUGE_VAL, true, false},
    {"export_vat_rebate_pct", P_REBATE_PCT, "%", 0, 100, true, true},
};
static const field_t SCENARIO_FIELDS[] = {
    {"review_days", P_REVIEW_DAYS, "days", 0, HUGE_VAL, false, false},
    {"service_level", P_SERVICE_LEVEL, "", 0.5, 1, false, false},
    {"holding_rate_per_year", P_HOLDING_RATE, "/year", 0, HUGE_VAL, true, false},
    {"carbon_price", P_CARBON_PRICE, "per t", 0, HUGE_VAL, true, false},
    {"value_of_time_per_day", P_VALUE_OF_TIME, "per day", 0, HUGE_VAL, true, false},
};
static const field_t COUNTRY_FIELDS[] = {
    {"duty_pct", P_DUTY_PCT, "%", 0, HUGE_VAL, true, false},
    {"de_minimis", P_DE_MINIMIS, "", 0, HUGE_VAL, true, false},
    {"vat_pct", P_VAT_PCT, "%", 0, HUGE_VAL, true, false},
    {"vat_de_minimis", P_VAT_DE_MINIMIS, "", 0, HUGE_VAL, true, false},
};
static const field_t DEMAND_FIELD = {"demand", P_DEMAND, "units/week", 0, HUGE_VAL, true, false};
static const field_t LINK_COST_FIELD = {"cost", P_LINK_COST, "x", 0, HUGE_VAL, true, false};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const field_t *find_field(const field_t *fields, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}

static xbr_status_t bad(xbr_diags_t *diags, const char *what, const char *expected)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, "--set", 0, 0, NULL, NULL, what, expected);
    return XBR_EINPUT;
}

/* "unknown X \"NAME\"; did you mean \"S\"?" with the names of `names` (NULL-terminated). */
static xbr_status_t unknown(xbr_diags_t *diags, const char *kind, const char *name,
                            const char *const *names, const char *expected)
{
    char what[256];
    const char *s = xbr_suggest(name, names);
    if (s != NULL)
        snprintf(what, sizeof what, "unknown %s \"%.64s\"; did you mean \"%s\"?", kind, name, s);
    else
        snprintf(what, sizeof what, "unknown %s \"%.64s\"", kind, name);
    return bad(diags, what, expected);
}

static xbr_status_t unknown_field(xbr_diags_t *diags, const char *name, const field_t *fields,
                                  size_t n, const char *expected)
{
    const char *names[16];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < COUNT(names); i++)
        names[k++] = fields[i].name;
    names[k] = NULL;
    return unknown(diags, "parameter", name, names, expected);
}

/* The ids of products, of nodes of one type, or of countries, NULL-terminated (caller frees). */
static const char **product_ids(const xbr_scenario_t *sc)
{
    const char **v = calloc(sc->n_products + 1, sizeof *v);
    for (size_t i = 0; v != NULL && i < sc->n_products; i++)
        v[i] = sc->products[i].id;
    return v;
}

static const char **market_ids(const xbr_network_t *net)
{
    const char **v = calloc(net->n_nodes + 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; v != NULL && i < net->n_nodes; i++)
        if (net->nodes[i].type == XBR_NODE_MARKET)
            v[k++] = net->nodes[i].id;
    return v;
}

static const char **country_codes(const xbr_network_t *net)
{
    const char **v = calloc(net->n_countries + 1, sizeof *v);
    for (size_t i = 0; v != NULL && i < net->n_countries; i++)
        v[i] = net->countries[i].code;
    return v;
}

/* Splits `path` at '.' into at most 4 parts in buf (parts point into it); returns the count,
 * or 0 when a part is empty or there are more. */
static int split_path(const char *path, char *buf, size_t size, char *parts[4])
{
    snprintf(buf, size, "%s", path);
    int n = 0;
    for (char *s = buf;;) {
        char *dot = strchr(s, '.');
        if (n == 4)
            return 0;
        parts[n++] = s;
        if (dot == NULL)
            break;
        *dot = '\0';
        s = dot + 1;
    }
    for (int i = 0; i < n; i++)
        if (parts[i][0] == '\0')
            return 0;
    return n;
}

static const char *const PATH_FORMS =
    "unit_kg, unit_m3, unit_value, units_per_order, demand_cv, export_vat_rebate_pct, "
    "products.ID.FIELD, demand, "
    "demand.PRODUCT.MARKET, review_days, service_level, holding_rate_per_year, carbon_price, "
    "value_of_time_per_day, links.MODE.cost, countries.CC.duty_pct[.CATEGORY], "
    "countries.CC.de_minimis, countries.CC.vat_pct, countries.CC.vat_de_minimis";

static xbr_status_t resolve_product_ref(const xbr_scenario_t *sc, const char *id, int *out,
                                        xbr_diags_t *diags)
{
    *out = xbr_scenario_find_product(sc, id);
    if (*out >= 0)
        return XBR_OK;
    const char **ids = product_ids(sc);
    if (ids == NULL)
        return XBR_ENOMEM;
    xbr_status_t st = unknown(diags, "product", id, ids, "a product id of the scenario");
    free(ids);
    return st;
}

/* Resolves the parts of a path into out->kind/index/index2 and *field. */
static xbr_status_t resolve_path(const xbr_scenario_t *sc, int product, int market, char **p, int n,
                                 xbr_sweep_set_t *out, const field_t **field, xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    out->index = product;
    out->index2 = market;
    if (n == 1) {
        if (strcmp(p[0], "demand") == 0)
            *field = &DEMAND_FIELD;
        else if ((*field = find_field(PRODUCT_FIELDS, COUNT(PRODUCT_FIELDS), p[0])) == NULL &&
                 (*field = find_field(SCENARIO_FIELDS, COUNT(SCENARIO_FIELDS), p[0])) == NULL) {
            field_t all[COUNT(PRODUCT_FIELDS) + COUNT(SCENARIO_FIELDS) + 1];
            memcpy(all, PRODUCT_FIELDS, sizeof PRODUCT_FIELDS);
            memcpy(all + COUNT(PRODUCT_FIELDS), SCENARIO_FIELDS, sizeof SCENARIO_FIELDS);
            all[COUNT(all) - 1] = DEMAND_FIELD;
            return unknown_field(diags, p[0], all, COUNT(all), PATH_FORMS);
        }
        return XBR_OK;
    }
    if (n == 3 && strcmp(p[0], "products") == 0) {
        xbr_status_t st = resolve_product_ref(sc, p[1], &out->index, diags);
        if (st == XBR_OK &&
            (*field = find_field(PRODUCT_FIELDS, COUNT(PRODUCT_FIELDS), p[2])) == NULL)
            st = unknown_field(diags, p[2], PRODUCT_FIELDS, COUNT(PRODUCT_FIELDS),
                               "unit_kg, unit_m3, unit_value, units_per_order, demand_cv or "
                               "export_vat_rebate_pct");
        return st;
    }
    if (n == 3 && strcmp(p[0], "demand") == 0) {
        xbr_status_t st = resolve_product_ref(sc, p[1], &out->index, diags);
        if (st != XBR_OK)
            return st;
        out->index2 = xbr_network_find_node(net, p[2]);
        if (out->index2 < 0 || net->nodes[out->index2].type != XBR_NODE_MARKET) {
            const char **ids = market_ids(net);
            if (ids == NULL)
                return XBR_ENOMEM;
            st = unknown(diags, "market", p[2], ids, "a market node id");
            free(ids);
            return st;
        }
        *field = &DEMAND_FIELD;
        return XBR_OK;
    }
    if (n == 3 && strcmp(p[0], "links") == 0) {
        out->index = xbr_mode_parse(p[1]);
        if (out->index < 0) {
            static const char *const modes[] = {"truck",   "rail", "sea",       "air",
                                                "express", "post", "last_mile", NULL};
            return unknown(diags, "mode", p[1], modes, "a mode: truck, rail, sea, air, ...");
        }
        if (strcmp(p[2], "cost") != 0)
            return bad(diags, "links.MODE takes only .cost (a factor on the tariff)",
                       "links.MODE.cost");
        *field = &LINK_COST_FIELD;
        return XBR_OK;
    }
    if ((n == 3 || n == 4) && strcmp(p[0], "countries") == 0) {
        out->index = xbr_network_find_country(net, p[1]);
        if (out->index < 0) {
            const char **ids = country_codes(net);
            if (ids == NULL)
                return XBR_ENOMEM;
            xbr_status_t st = unknown(diags, "country", p[1], ids, "a country of the network");
            free(ids);
            return st;
        }
        *field = find_field(COUNTRY_FIELDS, COUNT(COUNTRY_FIELDS), p[2]);
        if (*field == NULL)
            return unknown_field(diags, p[2], COUNTRY_FIELDS, COUNT(COUNTRY_FIELDS),
                                 "duty_pct, de_minimis, vat_pct or vat_de_minimis");
        out->index2 = -1;
        if (n == 4) {
            const xbr_country_t *c = &net->countries[out->index];
            if ((*field)->kind != P_DUTY_PCT)
                return bad(diags, "only duty_pct takes a category", "countries.CC.duty_pct.CAT");
            for (size_t k = 0; k < c->n_duty; k++)
                if (strcmp(c->duty_category[k], p[3]) == 0)
                    out->index2 = (int)k;
            if (out->index2 < 0) {
                const char **cats = calloc(c->n_duty + 1, sizeof *cats);
                if (cats == NULL)
                    return XBR_ENOMEM;
                for (size_t k = 0; k < c->n_duty; k++)
                    cats[k] = c->duty_category[k];
                xbr_status_t st =
                    unknown(diags, "category", p[3], cats, "a category the country lists");
                free(cats);
                return st;
            }
        }
        return XBR_OK;
    }
    return bad(diags, "unknown parameter path", PATH_FORMS);
}

static bool in_range(const field_t *f, double v)
{
    bool lo = f->lo_closed ? v >= f->lo : v > f->lo;
    bool hi = f->hi_closed ? v <= f->hi : v < f->hi;
    return isfinite(v) && lo && hi;
}

/* Reads "FROM:TO:STEP" into out->from/to/step/n_values. */
static xbr_status_t read_range(const char *text, const field_t *f, xbr_sweep_set_t *out,
                               xbr_diags_t *diags)
{
    char *end;
    double v[3];
    const char *s = text;
    for (int i = 0; i < 3; i++) {
        v[i] = strtod(s, &end);
        if (end == s || (i < 2 && *end != ':') || (i == 2 && *end != '\0'))
            return bad(diags, "the range is not FROM:TO:STEP", "three numbers, e.g. 0.5:10:0.5");
        s = end + 1;
    }
    if (!(isfinite(v[0]) && isfinite(v[1]) && isfinite(v[2]) && v[0] <= v[1] && v[2] > 0))
        return bad(diags, "the range needs FROM <= TO and STEP > 0", "e.g. 0.5:10:0.5");
    double n = floor((v[1] - v[0]) / v[2] + 1e-9) + 1;
    if (n > XBR_SWEEP_MAX_VALUES)
        return bad(diags, "too many values (at most 1000)", "a larger STEP or a shorter range");
    out->from = v[0];
    out->to = v[1];
    out->step = v[2];
    out->n_values = (size_t)n;
    for (size_t i = 0; i < out->n_values; i++) {
        double x = out->from + (double)i * out->step;
        if (!in_range(f, x)) {
            char what[160];
            snprintf(what, sizeof what, "value %g is out of range for %s", x, f->name);
            return bad(diags, what,
                       f->lo_closed ? "a value in the field's range (>= its minimum)"
                                    : "a value in the field's range (> its minimum)");
        }
    }
    return XBR_OK;
}

xbr_status_t xbr_sweep_parse_set(const xbr_scenario_t *sc, int product, int market,
                                 const char *text, xbr_sweep_set_t *out, xbr_diags_t *diags)
{
    memset(out, 0, sizeof *out);
    const char *eq = text != NULL ? strchr(text, '=') : NULL;
    if (eq == NULL || eq == text || (size_t)(eq - text) >= sizeof out->path)
        return bad(diags, "--set takes PATH=FROM:TO:STEP", "e.g. --set unit_kg=0.5:10:0.5");
    memcpy(out->path, text, (size_t)(eq - text));
    out->path[eq - text] = '\0';
    char buf[sizeof out->path], *parts[4];
    int n = split_path(out->path, buf, sizeof buf, parts);
    if (n == 0)
        return bad(diags, "unknown parameter path", PATH_FORMS);
    const field_t *f = NULL;
    xbr_status_t st = resolve_path(sc, product, market, parts, n, out, &f, diags);
    if (st != XBR_OK)
        return st;
    out->kind = f->kind;
    snprintf(out->unit, sizeof out->unit, "%s", f->unit);
    return read_range(eq + 1, f, out, diags);
}

/* The value of point i. */
static double value_at(const xbr_sweep_set_t *set, size_t i)
{
    double x = set->from + (double)i * set->step;
    return x > set->to ? set->to : x;
}

/* Sets the parameter to v on sc (a worker's own copy). */
/* A swept de minimis holds on every date: the country's field and its dated thresholds of that
 * tax all take v. */
static void set_threshold(xbr_country_t *c, xbr_threshold_tax_t tax, double v)
{
    if (tax == XBR_THRESHOLD_DUTY)
        c->de_minimis = v;
    else
        c->vat_de_minimis = v;
    for (size_t i = 0; i < c->n_thresholds; i++)
        if (c->thresholds[i].tax == tax)
            c->thresholds[i].value = v;
}

static void apply(xbr_scenario_t *sc, const xbr_sweep_set_t *set, double v)
{
    xbr_network_t *net = sc->network;
    xbr_product_t *p =
        set->index >= 0 && (size_t)set->index < sc->n_products ? &sc->products[set->index] : NULL;
    switch (set->kind) {
    case P_UNIT_KG:
        p->unit_kg = v;
        break;
    case P_UNIT_M3:
        p->unit_m3 = v;
        break;
    case P_UNIT_VALUE:
        p->unit_value = v;
        break;
    case P_UNITS_PER_ORDER:
        p->units_per_order = v;
        break;
    case P_DEMAND_CV:
        p->demand_cv = v;
        break;
    case P_REBATE_PCT:
        p->export_vat_rebate_pct = v;
        break;
    case P_DEMAND:
        p->demand_per_week[set->index2] = v;
        break;
    case P_REVIEW_DAYS:
        sc->review_days = v;
        break;
    case P_SERVICE_LEVEL:
        sc->service_level = v;
        break;
    case P_HOLDING_RATE:
        sc->holding_rate_per_year = v;
        break;
    case P_CARBON_PRICE:
        sc->carbon_price_per_t = v;
        break;
    case P_VALUE_OF_TIME:
        sc->value_of_time_per_day = v;
        break;
    case P_LINK_COST:
        for (size_t l = 0; l < net->n_links; l++) {
            xbr_rate_t *r = &net->links[l].cost;
            if ((int)net->links[l].mode != set->index)
                continue;
            r->per_kg *= v;
            r->per_m3 *= v;
            r->per_unit *= v;
            r->per_shipment *= v;
            r->min_charge *= v;
        }
        break;
    case P_DUTY_PCT:
        if (set->index2 < 0)
            net->countries[set->index].duty_pct_default = v;
        else
            net->countries[set->index].duty_pct[set->index2] = v;
        break;
    case P_DE_MINIMIS:
        set_threshold(&net->countries[set->index], XBR_THRESHOLD_DUTY, v);
        break;
    case P_VAT_PCT:
        net->countries[set->index].vat_pct = v;
        break;
    case P_VAT_DE_MINIMIS:
        set_threshold(&net->countries[set->index], XBR_THRESHOLD_VAT, v);
        break;
    default:
        break;
    }
}

/* ---- a worker's value ------------------------------------------------------------------------ */

typedef struct {
    const xbr_scenario_t *sc; /* the caller's; a forked worker writes its own copy of it */
    int product, market;
    const xbr_sweep_set_t *set;
    const char *design;
} sweep_ctx_t;

/* Appends the text with tabs and line ends turned into spaces (a field of the line). */
static void put_field(xbr_buf_t *b, const char *s)
{
    for (; *s != '\0'; s++)
        xbr_buf_append(b, *s == '\t' || *s == '\n' || *s == '\r' ? " " : s, 1);
}

static void put_row(xbr_buf_t *b, const xbr_compare_row_t *row)
{
    xbr_buf_printf(b, "ok\t%d\t%zu", row->winner, row->n_classes);
    for (size_t k = 0; k < row->n_classes; k++) {
        const xbr_class_result_t *c = &row->classes[k];
        xbr_buf_puts(b, "\t");
        put_field(b, c->class_name);
        xbr_buf_printf(b, "\t%d\t%d\t%a\t%a", (int)c->verdict, c->has_route ? 1 : 0,
                       c->has_route ? c->route.cost.total : NAN,
                       c->has_route ? c->route.days : NAN);
    }
    xbr_buf_puts(b, "\n");
}

/* The row of product x market in cmp, or NULL (no demand for the pair at this value). */
static const xbr_compare_row_t *find_row(const xbr_compare_t *cmp, int product, int market)
{
    for (size_t i = 0; i < cmp->n_rows; i++)
        if (cmp->rows[i].product == product && cmp->rows[i].market == market)
            return &cmp->rows[i];
    return NULL;
}

/* The batch job of one value: `what` is the value's index as text. */
static xbr_status_t sweep_job(const char *what, const xbr_batch_opts_t *opts, xbr_buf_t *line,
                              bool *failed)
{
    const sweep_ctx_t *cx = opts->job_ctx;
    xbr_scenario_t *sc = (xbr_scenario_t *)cx->sc; /* this process's own copy */
    size_t i = strtoul(what, NULL, 10);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    apply(sc, cx->set, value_at(cx->set, i));
    if (cx->set->kind == P_DEMAND)
        xbr__scenario_relist_markets(sc, sc->network->n_nodes);
    xbr_design_t *design = NULL;
    xbr_compare_t *cmp = NULL;
    xbr_status_t st = xbr_design_resolve(sc, cx->design, &design, &diags);
    if (st == XBR_OK)
        st = xbr_compare_run_in(sc, design, &cmp, &diags);
    const xbr_compare_row_t *row = st == XBR_OK ? find_row(cmp, cx->product, cx->market) : NULL;
    xbr_buf_t b;
    xbr_buf_init(&b);
    *failed = row == NULL;
    if (row != NULL) {
        put_row(&b, row);
    } else {
        xbr_buf_puts(&b, "error\t");
        if (st == XBR_OK)
            put_field(&b, "the product has no demand in the market at this value");
        else if (diags.count > 0) {
            char msg[400];
            xbr_diag_format(&diags.items[0], msg, sizeof msg);
            put_field(&b, msg);
        } else
            put_field(&b, xbr_status_text(st));
        xbr_buf_puts(&b, "\n");
    }
    xbr_compare_free(cmp);
    xbr_design_free(design);
    xbr_diags_destroy(&diags);
    if (b.failed) {
        xbr_buf_destroy(&b);
        return XBR_ENOMEM;
    }
    xbr_buf_append(line, b.data, b.len);
    xbr_buf_destroy(&b);
    return line->failed ? XBR_ENOMEM : XBR_OK;
}

/* ---- the caller: reading the lines back ------------------------------------------------------ */

typedef struct {
    xbr_sweep_t *sw;
    size_t next; /* the point the next line is of */
} sink_ctx_t;

/* The next tab-separated field of *s (its end is cut to NUL), or NULL at the end. */
static char *next_field(char **s)
{
    if (*s == NULL)
        return NULL;
    char *f = *s, *tab = strchr(f, '\t');
    if (tab != NULL) {
        *tab = '\0';
        *s = tab + 1;
    } else {
        *s = NULL;
    }
    return f;
}

static xbr_status_t read_point(xbr_sweep_point_t *pt, char *s)
{
    char *kind = next_field(&s);
    if (kind == NULL || strcmp(kind, "ok") != 0) {
        char *msg = next_field(&s);
        snprintf(pt->error, sizeof pt->error, "%s", msg != NULL ? msg : "no result");
        return XBR_OK;
    }
    char *w = next_field(&s), *n = next_field(&s);
    if (w == NULL || n == NULL)
        return XBR_EINTERNAL;
    pt->winner = atoi(w);
    pt->n_classes = strtoul(n, NULL, 10);
    pt->classes = calloc(pt->n_classes ? pt->n_classes : 1, sizeof *pt->classes);
    if (pt->classes == NULL)
        return XBR_ENOMEM;
    for (size_t k = 0; k < pt->n_classes; k++) {
        xbr_sweep_class_t *c = &pt->classes[k];
        char *f[5];
        for (int j = 0; j < 5; j++)
            if ((f[j] = next_field(&s)) == NULL)
                return XBR_EINTERNAL;
        snprintf(c->class_name, sizeof c->class_name, "%s", f[0]);
        c->verdict = (xbr_verdict_t)atoi(f[1]);
        c->has_route = atoi(f[2]) != 0;
        c->cost = strtod(f[3], NULL);
        c->days = strtod(f[4], NULL);
    }
    pt->ok = true;
    return XBR_OK;
}

static xbr_status_t sink_put(void *ctx, const char *line, size_t len, bool failed)
{
    (void)failed;
    sink_ctx_t *k = ctx;
    if (k->next >= k->sw->n_points)
        return XBR_EINTERNAL;
    char *s = malloc(len + 1);
    if (s == NULL)
        return XBR_ENOMEM;
    memcpy(s, line, len);
    s[len > 0 && line[len - 1] == '\n' ? len - 1 : len] = '\0';
    xbr_sweep_point_t *pt = &k->sw->points[k->next++];
    xbr_status_t st = read_point(pt, s);
    free(s);
    if (st == XBR_OK && !pt->ok)
        k->sw->n_failed++;
    return st;
}

/* ---- crossovers -------------------------------------------------------------------------------
 */

static const xbr_sweep_class_t *class_in(const xbr_sweep_point_t *p, const char *name)
{
    for (size_t k = 0; k < p->n_classes; k++)
        if (strcmp(p->classes[k].class_name, name) == 0)
            return &p->classes[k];
    return NULL;
}

static const char *winner_name(const xbr_sweep_point_t *p)
{
    return p->ok && p->winner >= 0 ? p->classes[p->winner].class_name : "";
}

/* Where the costs of the old and the new winner cross between points a and b (linear in the
 * value between them), or NAN. */
static double crossing(const xbr_sweep_point_t *a, const xbr_sweep_point_t *b, const char *old,
                       const char *new_)
{
    const xbr_sweep_class_t *oa = class_in(a, old), *na = class_in(a, new_);
    const xbr_sweep_class_t *ob = class_in(b, old), *nb = class_in(b, new_);
    if (oa == NULL || na == NULL || ob == NULL || nb == NULL || !oa->has_route || !na->has_route ||
        !ob->has_route || !nb->has_route)
        return NAN;
    double da = na->cost - oa->cost, db = nb->cost - ob->cost; /* > 0 before, <= 0 after */
    if (!(da > 0.0 && db <= 0.0))
        return NAN;
    return a->value + (b->value - a->value) * da / (da - db);
}

static xbr_status_t find_crossings(xbr_sweep_t *sw)
{
    sw->cross = calloc(sw->n_points ? sw->n_points : 1, sizeof *sw->cross);
    if (sw->cross == NULL)
        return XBR_ENOMEM;
    const xbr_sweep_point_t *prev = NULL;
    for (size_t i = 0; i < sw->n_points; i++) {
        const xbr_sweep_point_t *p = &sw->points[i];
        if (!p->ok)
            continue;
        if (prev != NULL && strcmp(winner_name(prev), winner_name(p)) != 0) {
            xbr_sweep_cross_t *c = &sw->cross[sw->n_cross++];
            c->below = prev->value;
            c->at = p->value;
            snprintf(c->from, sizeof c->from, "%s", winner_name(prev));
            snprintf(c->to, sizeof c->to, "%s", winner_name(p));
            c->estimate = crossing(prev, p, c->from, c->to);
        }
        prev = p;
    }
    return XBR_OK;
}

/* ---- the run ----------------------------------------------------------------------------------
 */

xbr_status_t xbr_sweep_run(const xbr_scenario_t *sc, int product, int market,
                           const xbr_sweep_set_t *set, const char *design, size_t jobs,
                           xbr_sweep_t **out, xbr_diags_t *diags)
{
    return xbr_sweep_run_progress(sc, product, market, set, design, jobs, NULL, NULL, out, diags);
}

xbr_status_t xbr_sweep_run_progress(const xbr_scenario_t *sc, int product, int market,
                                    const xbr_sweep_set_t *set, const char *design, size_t jobs,
                                    void (*progress)(void *ctx, size_t done, size_t total,
                                                     double elapsed_s, bool final),
                                    void *progress_ctx, xbr_sweep_t **out, xbr_diags_t *diags)
{
    *out = NULL;
    xbr_sweep_t *sw = calloc(1, sizeof *sw);
    xbr_path_list_t list;
    xbr_path_list_init(&list);
    xbr_status_t st = sw != NULL ? XBR_OK : XBR_ENOMEM;
    if (st == XBR_OK) {
        sw->set = *set;
        snprintf(sw->product, sizeof sw->product, "%s", sc->products[product].id);
        snprintf(sw->market, sizeof sw->market, "%s", sc->network->nodes[market].id);
        sw->design = design != NULL ? design : "optimize";
        sw->points = calloc(set->n_values ? set->n_values : 1, sizeof *sw->points);
        sw->n_points = set->n_values;
        if (sw->points == NULL)
            st = XBR_ENOMEM;
    }
    for (size_t i = 0; st == XBR_OK && i < set->n_values; i++) {
        char what[32];
        snprintf(what, sizeof what, "%zu", i);
        sw->points[i].value = value_at(set, i);
        sw->points[i].winner = -1;
        st = xbr_path_list_add(&list, what);
    }
    if (st == XBR_OK) {
        sweep_ctx_t cx = {sc, product, market, set, design};
        sink_ctx_t k = {sw, 0};
        xbr_batch_opts_t opts;
        xbr_batch_opts_init(&opts);
        opts.jobs = jobs;
        opts.job = sweep_job;
        opts.job_ctx = &cx;
        xbr_batch_sink_t sink = {.put = sink_put,
                                 .ctx = &k,
                                 .private_fd = -1,
                                 .progress = progress,
                                 .progress_ctx = progress_ctx};
        st = xbr_batch_run(&list, &opts, &sink, diags);
    }
    if (st == XBR_OK)
        st = find_crossings(sw);
    xbr_path_list_free(&list);
    if (st != XBR_OK) {
        xbr_sweep_free(sw);
        return st;
    }
    *out = sw;
    return XBR_OK;
}

void xbr_sweep_free(xbr_sweep_t *sweep)
{
    if (sweep == NULL)
        return;
    for (size_t i = 0; i < sweep->n_points; i++)
        free(sweep->points[i].classes);
    free(sweep->points);
    free(sweep->cross);
    free(sweep);
}
