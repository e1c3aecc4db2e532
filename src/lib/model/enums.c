/*
 * model/enums.c - the one place that maps each enumeration to its JSON spelling (xbroute/model.h).
 */
#include <string.h>

#include "xbroute/model.h"

static const char *const node_type_names[XBR_NODE_TYPE_COUNT] = {
    "factory", "exporter", "importer",      "wholesaler", "retailer",
    "seaport", "airport",  "rail_terminal", "warehouse",  "market",
};

static const char *const mode_names[XBR_MODE_COUNT] = {
    "truck", "rail", "sea", "air", "express", "post", "last_mile",
};

static const char *const passage_names[XBR_PASSAGE_COUNT] = {
    "suez", "babalmandab", "panama", "malacca", "gibraltar", "hormuz", "cape",
};

static const char *const regime_names[XBR_REGIME_COUNT] = {
    "9610", "9710", "9810", "1210", "0110",
};

static const char *name_of(const char *const *names, int count, int value)
{
    if (value < 0 || value >= count)
        return "unknown";
    return names[value];
}

static int parse_of(const char *const *names, int count, const char *name)
{
    if (name == NULL)
        return -1;
    for (int i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

const char *xbr_node_type_name(xbr_node_type_t type)
{
    return name_of(node_type_names, XBR_NODE_TYPE_COUNT, (int)type);
}

const char *xbr_mode_name(xbr_mode_t mode)
{
    return name_of(mode_names, XBR_MODE_COUNT, (int)mode);
}

const char *xbr_passage_name(xbr_passage_t passage)
{
    return name_of(passage_names, XBR_PASSAGE_COUNT, (int)passage);
}

const char *xbr_regime_name(xbr_regime_t regime)
{
    return name_of(regime_names, XBR_REGIME_COUNT, (int)regime);
}

int xbr_node_type_parse(const char *name)
{
    return parse_of(node_type_names, XBR_NODE_TYPE_COUNT, name);
}

int xbr_mode_parse(const char *name)
{
    return parse_of(mode_names, XBR_MODE_COUNT, name);
}

int xbr_passage_parse(const char *name)
{
    return parse_of(passage_names, XBR_PASSAGE_COUNT, name);
}

int xbr_regime_parse(const char *name)
{
    return parse_of(regime_names, XBR_REGIME_COUNT, name);
}
