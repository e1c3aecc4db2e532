/*
 * model/tariff.c - what is true of a country's tariff components whatever the route (README,
 * "Tariffs"): the names of channels and forms, whether a component is in force on a day, covers
 * a category, applies to an origin, is excluded for a category on a day; a country's thresholds
 * on a day and its VAT base; and freeing them.
 */
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"

static const char *const channel_names[XBR_CHANNEL_COUNT] = {"postal", "express", "bulk"};
static const char *const form_names[XBR_TARIFF_FORM_COUNT] = {"percent", "per_item", "per_parcel"};

const char *xbr_channel_name(xbr_channel_t channel)
{
    return (unsigned)channel < XBR_CHANNEL_COUNT ? channel_names[channel] : "unknown";
}

int xbr_channel_parse(const char *name)
{
    for (int i = 0; name != NULL && i < XBR_CHANNEL_COUNT; i++)
        if (strcmp(channel_names[i], name) == 0)
            return i;
    return -1;
}

const char *xbr_tariff_form_name(xbr_tariff_form_t form)
{
    return (unsigned)form < XBR_TARIFF_FORM_COUNT ? form_names[form] : "unknown";
}

int xbr_tariff_form_parse(const char *name)
{
    for (int i = 0; name != NULL && i < XBR_TARIFF_FORM_COUNT; i++)
        if (strcmp(form_names[i], name) == 0)
            return i;
    return -1;
}

static bool dates_hold(xbr_day_t from, xbr_day_t until, xbr_day_t day);

bool xbr_tariff_part_in_force(const xbr_tariff_part_t *part, xbr_day_t day)
{
    return dates_hold(part->from, part->until, day);
}

static bool listed(char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; s != NULL && i < n; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

bool xbr_tariff_part_covers(const xbr_tariff_part_t *part, const char *category)
{
    if (part->n_categories > 0 && !listed(part->categories, part->n_categories, category))
        return false;
    return !listed(part->exclude_categories, part->n_exclude_categories, category);
}

/* In force on `day` by the rule of xbr_tariff_part_in_force(). */
static bool dates_hold(xbr_day_t from, xbr_day_t until, xbr_day_t day)
{
    if (day == XBR_NO_DAY)
        return from == XBR_NO_DAY && until == XBR_NO_DAY;
    return (from == XBR_NO_DAY || from <= day) && (until == XBR_NO_DAY || day < until);
}

bool xbr_tariff_part_excluded(const xbr_tariff_part_t *part, const char *category, xbr_day_t day)
{
    for (size_t i = 0; i < part->n_exclusions; i++) {
        const xbr_tariff_exclusion_t *x = &part->exclusions[i];
        if (dates_hold(x->from, x->until, day) && listed(x->categories, x->n_categories, category))
            return true;
    }
    return false;
}

double xbr_country_threshold(const xbr_country_t *c, xbr_threshold_tax_t tax, xbr_day_t day)
{
    for (size_t i = 0; i < c->n_thresholds; i++) {
        const xbr_threshold_t *t = &c->thresholds[i];
        if (t->tax == tax && dates_hold(t->from, t->until, day))
            return t->value;
    }
    return tax == XBR_THRESHOLD_DUTY ? c->de_minimis : c->vat_de_minimis;
}

unsigned xbr_country_vat_base(const xbr_country_t *c, bool below)
{
    unsigned bits = below ? c->vat_base_below_de_minimis : c->vat_base;
    return bits != 0 ? bits : XBR_VAT_CUSTOMS_VALUE | XBR_VAT_DUTY;
}

static const char *const vat_part_names[XBR_VAT_PART_COUNT] = {"customs_value", "goods", "freight",
                                                               "insurance", "duty"};

const char *xbr_vat_part_name(int i)
{
    return i >= 0 && i < XBR_VAT_PART_COUNT ? vat_part_names[i] : "unknown";
}

int xbr_vat_part_parse(const char *name)
{
    for (int i = 0; name != NULL && i < XBR_VAT_PART_COUNT; i++)
        if (strcmp(vat_part_names[i], name) == 0)
            return i;
    return -1;
}

bool xbr_tariff_part_for_origin(const xbr_tariff_part_t *part, const char *origin)
{
    if (part->n_origins > 0 && !listed(part->origins, part->n_origins, origin))
        return false;
    return !listed(part->exclude_origins, part->n_exclude_origins, origin);
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void xbr__tariff_part_free(xbr_tariff_part_t *p)
{
    free(p->id);
    free_list(p->categories, p->n_categories);
    free_list(p->exclude_categories, p->n_exclude_categories);
    free_list(p->origins, p->n_origins);
    free_list(p->exclude_origins, p->n_exclude_origins);
    for (size_t i = 0; i < p->n_exclusions; i++)
        free_list(p->exclusions[i].categories, p->exclusions[i].n_categories);
    free(p->exclusions);
    memset(p, 0, sizeof *p);
}

void xbr__country_thresholds_free(xbr_country_t *c)
{
    for (size_t i = 0; i < c->n_thresholds; i++)
        free(c->thresholds[i].id);
    free(c->thresholds);
    c->thresholds = NULL;
    c->n_thresholds = 0;
}

void xbr__country_tariff_free(xbr_country_t *c)
{
    for (size_t i = 0; i < c->n_tariff; i++)
        xbr__tariff_part_free(&c->tariff[i]);
    free(c->tariff);
    c->tariff = NULL;
    c->n_tariff = 0;
}
