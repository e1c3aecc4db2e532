/*
 * model/tariff.c - what is true of a country's tariff components whatever the route (README,
 * "Tariffs"): the names of channels and forms, whether a component is in force on a day, covers
 * a category, applies to an origin; and freeing them.
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

bool xbr_tariff_part_in_force(const xbr_tariff_part_t *part, xbr_day_t day)
{
    if (day == XBR_NO_DAY)
        return part->from == XBR_NO_DAY && part->until == XBR_NO_DAY;
    return (part->from == XBR_NO_DAY || part->from <= day) &&
           (part->until == XBR_NO_DAY || day < part->until);
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
    memset(p, 0, sizeof *p);
}

void xbr__country_tariff_free(xbr_country_t *c)
{
    for (size_t i = 0; i < c->n_tariff; i++)
        xbr__tariff_part_free(&c->tariff[i]);
    free(c->tariff);
    c->tariff = NULL;
    c->n_tariff = 0;
}
