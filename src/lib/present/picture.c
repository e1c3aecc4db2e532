/*
 * present/picture.c - what every picture writer shares (present/internal.h): escaping text for
 * XML, HTML and DOT; the SVG primitives (numbers, the prolog, text, rect, line, circle); the
 * colours of route classes and node types (xbroute/picture.h); errors and route checks.
 *
 * Units: pixels. Coordinates are written by xbr_buf_number() with at most 2 decimals, trailing
 * zeros dropped and never "-0", so the output is byte-identical across runs. Colours: the
 * Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design", jfly.uni-koeln.de/color/) with
 * two more from Paul Tol's colour-blind-safe schemes; the names are in present/internal.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/internal.h"
#include "xbroute/route.h"

/* ---- escaping ---- */

void xbr__pic_escape(xbr_buf_t *b, const char *s, const xbr__pic_escape_t *e)
{
    if (s == NULL)
        return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *hit = strchr(e->chars, *p);
        const char *r = NULL;
        if (hit != NULL)
            r = e->reps[hit - e->chars];
        else if (e->controls && (unsigned char)*p < 0x20 && *p != '\t' && *p != '\n')
            r = " ";
        if (r != NULL) {
            xbr_buf_append(b, run, (size_t)(p - run));
            xbr_buf_puts(b, r);
            run = p + 1;
        }
    }
    xbr_buf_puts(b, run);
}

/* HTML text and attributes: the four characters with a meaning there. */
static const xbr__pic_escape_t HTML = {
    "&<>\"", (const char *const[]){"&amp;", "&lt;", "&gt;", "&quot;"}, false};
/* XML: the HTML four and the apostrophe; control characters other than tab and newline, which
 * XML 1.0 does not allow, become spaces. */
static const xbr__pic_escape_t XML = {
    "&<>\"'", (const char *const[]){"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}, true};

void xbr__pic_xml(xbr_buf_t *b, const char *s)
{
    xbr__pic_escape(b, s, &XML);
}

void xbr__pic_html(xbr_buf_t *b, const char *s)
{
    xbr__pic_escape(b, s, &HTML);
}

void xbr__pic_xml_cut(xbr_buf_t *b, const char *s, size_t max_chars)
{
    if (s == NULL)
        return;
    size_t chars = 0;
    const char *p = s;
    const char *cut = NULL;
    for (; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80) {
            if (chars == (max_chars > 0 ? max_chars - 1 : 0) && cut == NULL)
                cut = p;
            chars++;
        }
    }
    if (chars <= max_chars || cut == NULL) {
        xbr__pic_xml(b, s);
        return;
    }
    char *head = malloc((size_t)(cut - s) + 1);
    if (head == NULL) {
        b->failed = 1;
        return;
    }
    memcpy(head, s, (size_t)(cut - s));
    head[cut - s] = '\0';
    xbr__pic_xml(b, head);
    xbr_buf_puts(b, "\xE2\x80\xA6"); /* U+2026 horizontal ellipsis */
    free(head);
}

/* ---- SVG primitives ---- */

void xbr__pic_px(xbr_buf_t *b, double v)
{
    xbr_buf_number(b, isfinite(v) ? v : 0.0, 2);
}

void xbr__pic_xy(xbr_buf_t *b, double x, double y)
{
    xbr__pic_px(b, x);
    xbr_buf_puts(b, " ");
    xbr__pic_px(b, y);
}

/* Appends ` name="v"` with v in pixels. */
static void attr(xbr_buf_t *b, const char *name, double v)
{
    xbr_buf_printf(b, " %s=\"", name);
    xbr__pic_px(b, v);
    xbr_buf_puts(b, "\"");
}

/* Appends `<tag` and n attributes in pixels. */
static void open_tag(xbr_buf_t *b, const char *tag, const char *const *names, const double *v,
                     size_t n)
{
    xbr_buf_printf(b, "<%s", tag);
    for (size_t i = 0; i < n; i++)
        attr(b, names[i], v[i]);
}

void xbr__pic_rect(xbr_buf_t *b, double x, double y, double w, double h)
{
    static const char *const names[] = {"x", "y", "width", "height"};
    open_tag(b, "rect", names, (const double[]){x, y, w, h}, 4);
}

void xbr__pic_line(xbr_buf_t *b, double x1, double y1, double x2, double y2)
{
    static const char *const names[] = {"x1", "y1", "x2", "y2"};
    open_tag(b, "line", names, (const double[]){x1, y1, x2, y2}, 4);
}

void xbr__pic_circle(xbr_buf_t *b, double cx, double cy)
{
    static const char *const names[] = {"cx", "cy"};
    open_tag(b, "circle", names, (const double[]){cx, cy}, 2);
}

void xbr__pic_svg_begin(xbr_buf_t *b, double width, double height, const char *title)
{
    xbr_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"");
    attr(b, "width", width);
    attr(b, "height", height);
    xbr_buf_puts(b, " viewBox=\"0 0 ");
    xbr__pic_xy(b, width, height);
    xbr_buf_puts(b, "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" "
                    "font-size=\"13\">\n<title>");
    xbr__pic_xml(b, title != NULL ? title : "xbroute chart");
    xbr_buf_puts(b, "</title>\n");
    xbr__pic_rect(b, 0.0, 0.0, width, height);
    xbr_buf_puts(b, " fill=\"#ffffff\"/>\n");
}

void xbr__pic_text_open(xbr_buf_t *b, double x, double y, const char *anchor, double size_px,
                        const char *weight)
{
    xbr_buf_puts(b, "<text");
    attr(b, "x", x);
    attr(b, "y", y);
    if (anchor != NULL)
        xbr_buf_printf(b, " text-anchor=\"%s\"", anchor);
    if (size_px > 0.0)
        attr(b, "font-size", size_px);
    if (weight != NULL && strcmp(weight, "normal") != 0)
        xbr_buf_printf(b, " font-weight=\"%s\"", weight);
    xbr_buf_puts(b, ">");
}

void xbr__pic_text(xbr_buf_t *b, double x, double y, const char *anchor, double size_px,
                   const char *weight, const char *s)
{
    xbr__pic_text_open(b, x, y, anchor, size_px, weight);
    xbr__pic_xml(b, s);
    xbr_buf_puts(b, "</text>\n");
}

void xbr__pic_text_cut(xbr_buf_t *b, double x, double y, const char *anchor, double size_px,
                       const char *s, size_t max_chars)
{
    xbr__pic_text_open(b, x, y, anchor, size_px, NULL);
    xbr__pic_xml_cut(b, s, max_chars);
    xbr_buf_puts(b, "</text>\n");
}

double xbr__pic_text_width(const char *s, double size_px)
{
    size_t chars = 0;
    if (s != NULL)
        for (const char *p = s; *p; p++)
            if (((unsigned char)*p & 0xC0) != 0x80)
                chars++;
    return 0.6 * size_px * (double)chars;
}

/* ---- colours ---- */

const char *xbr_route_class_colour(const char *route_class)
{
    /* By class, in the order of XBR_ROUTE_CLASS_LIST. */
    static const char *const by_class[XBR_CLASS_COUNT] = {
        [XBR_CLASS_AIR] = XBR__VERMILLION, [XBR_CLASS_EXPRESS] = XBR__PURPLE,
        [XBR_CLASS_POST] = XBR__ORANGE,    [XBR_CLASS_SEA] = XBR__BLUE,
        [XBR_CLASS_RAIL] = XBR__GREEN,     [XBR_CLASS_ROAD] = XBR__GREY,
        [XBR_CLASS_DOMESTIC] = XBR__GREY,  [XBR_CLASS_WAREHOUSE] = XBR__SKY_BLUE,
        [XBR_CLASS_B2B2C] = XBR__YELLOW,   [XBR_CLASS_TRADITIONAL] = XBR__BLACK,
        [XBR_CLASS_BONDED] = XBR__TEAL,    [XBR_CLASS_SHORT_CHAIN] = XBR__OLIVE,
        [XBR_CLASS_B2B] = XBR__WINE,
    };
    /* Stocked classes by the mode that fills the warehouse: sky blue for sea (the common case),
     * then two colours from Paul Tol's colour-blind-safe palette so they stay apart. */
    static const struct {
        const char *name;
        const char *colour;
    } exact[] = {{"warehouse-rail", XBR__WINE}, {"warehouse-air", XBR__INDIGO}};
    if (route_class == NULL)
        return XBR__BLACK;
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (strcmp(exact[i].name, route_class) == 0)
            return exact[i].colour;
    size_t len = strcspn(route_class, "-");
    for (int k = 0; k < XBR_CLASS_COUNT; k++) {
        const char *name = xbr_route_class_name((xbr_route_class_t)k);
        if (strcmp(name, route_class) == 0 ||
            (strlen(name) == len && strncmp(name, route_class, len) == 0))
            return by_class[k];
    }
    return XBR__BLACK;
}

/* Fill and text colour of each node type: the four intermediaries alike; white text on the
 * darker fills. */
static const struct {
    const char *fill, *ink;
} NODE_STYLE[XBR_NODE_TYPE_COUNT] = {
    [XBR_NODE_FACTORY] = {XBR__VERMILLION, XBR__WHITE},
    [XBR_NODE_EXPORTER] = {XBR__ORANGE, XBR__BLACK},
    [XBR_NODE_IMPORTER] = {XBR__ORANGE, XBR__BLACK},
    [XBR_NODE_WHOLESALER] = {XBR__ORANGE, XBR__BLACK},
    [XBR_NODE_RETAILER] = {XBR__ORANGE, XBR__BLACK},
    [XBR_NODE_SEAPORT] = {XBR__BLUE, XBR__WHITE},
    [XBR_NODE_AIRPORT] = {XBR__PURPLE, XBR__BLACK},
    [XBR_NODE_RAIL_TERMINAL] = {XBR__GREEN, XBR__WHITE},
    [XBR_NODE_WAREHOUSE] = {XBR__SKY_BLUE, XBR__BLACK},
    [XBR_NODE_MARKET] = {XBR__BLACK, XBR__WHITE},
};

static bool known_type(xbr_node_type_t type)
{
    return (int)type >= 0 && type < XBR_NODE_TYPE_COUNT;
}

const char *xbr_node_type_colour(xbr_node_type_t type)
{
    return known_type(type) ? NODE_STYLE[type].fill : XBR__GREY;
}

const char *xbr__pic_node_ink(xbr_node_type_t type)
{
    return known_type(type) ? NODE_STYLE[type].ink : XBR__BLACK;
}

/* ---- errors ---- */

xbr_status_t xbr__pic_error(xbr_diags_t *diags, const char *field, const char *what,
                            const char *expected)
{
    if (diags != NULL)
        (void)xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, field, what, expected);
    return XBR_EINPUT;
}

xbr_status_t xbr__pic_done(const xbr_buf_t *b)
{
    return b->failed ? XBR_ENOMEM : XBR_OK;
}

xbr_status_t xbr__pic_route_check(const xbr_network_t *net, const xbr_pic_route_t *route,
                                  size_t index, xbr_diags_t *diags)
{
    char what[160];
    if (route->n_links == 0 || route->links == NULL) {
        snprintf(what, sizeof what, "route %zu has no links", index + 1);
        return xbr__pic_error(diags, "links", what, "at least one link");
    }
    for (size_t i = 0; i < route->n_links; i++) {
        int l = route->links[i];
        if (l < 0 || (size_t)l >= net->n_links) {
            snprintf(what, sizeof what, "route %zu: link index %d out of range", index + 1, l);
            return xbr__pic_error(diags, "links", what, "link indices of the network");
        }
        if (i > 0 && net->links[route->links[i - 1]].to != net->links[l].from) {
            snprintf(what, sizeof what, "route %zu: link %zu does not start where link %zu ends",
                     index + 1, i + 1, i);
            return xbr__pic_error(diags, "links", what, "consecutive links");
        }
    }
    return XBR_OK;
}

xbr_status_t xbr__pic_routes_check(const xbr_network_t *net, const xbr_pic_route_t *routes,
                                   size_t n_routes, xbr_diags_t *diags)
{
    if (net == NULL)
        return xbr__pic_error(diags, "network", "no network", "a network");
    for (size_t r = 0; r < n_routes; r++) {
        xbr_status_t st = xbr__pic_route_check(net, &routes[r], r, diags);
        if (st != XBR_OK)
            return st;
    }
    return XBR_OK;
}
