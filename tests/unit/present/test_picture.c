/*
 * test_picture.c - what every picture writer shares (src/lib/present/picture.c): escaping for
 * XML, HTML and cut text, the pixel number format, the SVG primitives, the colours of route
 * classes and node types, and the check of routes (through the map and GeoJSON writers).
 * Expected strings are written out by hand from the rules in present/internal.h.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picture_fixture.h"
#include "present/internal.h"
#include "xbroute/picture.h"

/* Runs `write` on a fresh buffer and compares the whole text with `expected`. */
#define ASSERT_WRITES(expected, write)                                                             \
    do {                                                                                           \
        xbr_buf_t b_;                                                                              \
        xbr_buf_init(&b_);                                                                         \
        xbr_buf_t *b = &b_;                                                                        \
        write;                                                                                     \
        assert_false(b_.failed);                                                                   \
        assert_string_equal(b_.data != NULL ? b_.data : "", expected);                             \
        xbr_buf_destroy(&b_);                                                                      \
    } while (0)

static void test_escaping_for_xml_html_and_cut_text(void **state)
{
    (void)state;
    ASSERT_WRITES("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;",
                  xbr__pic_xml(b, "a & b <c> \"d\" 'e'"));
    /* control characters but tab and newline become spaces in XML */
    ASSERT_WRITES("x y\tz\n", xbr__pic_xml(b, "x\001y\tz\n"));
    ASSERT_WRITES("", xbr__pic_xml(b, NULL));
    /* HTML keeps the apostrophe and control characters */
    ASSERT_WRITES("a &amp; b &lt;c&gt; &quot;d&quot; 'e'\001",
                  xbr__pic_html(b, "a & b <c> \"d\" 'e'\001"));
    /* cut: at most max characters, the last one an ellipsis when longer; UTF-8 counts code
     * points ("é" is one) */
    ASSERT_WRITES("abcde", xbr__pic_xml_cut(b, "abcde", 5));
    ASSERT_WRITES("abc\xE2\x80\xA6", xbr__pic_xml_cut(b, "abcdef", 4));
    ASSERT_WRITES("\xC3\xA9t\xE2\x80\xA6", xbr__pic_xml_cut(b, "\xC3\xA9t\xC3\xA9s", 3));
    ASSERT_WRITES("&lt;\xE2\x80\xA6", xbr__pic_xml_cut(b, "<<<", 2));
    /* a table of one's own */
    const xbr__pic_escape_t stars = {"*", (const char *const[]){"[star]"}, false};
    ASSERT_WRITES("a[star]b[star]", xbr__pic_escape(b, "a*b*", &stars));
}

static void test_pixels_have_at_most_two_decimals_and_no_minus_zero(void **state)
{
    (void)state;
    ASSERT_WRITES("142.86", xbr__pic_px(b, 142.857142));
    ASSERT_WRITES("92", xbr__pic_px(b, 92.0));
    ASSERT_WRITES("1.5", xbr__pic_px(b, 1.50));
    ASSERT_WRITES("-3.25", xbr__pic_px(b, -3.25));
    ASSERT_WRITES("0", xbr__pic_px(b, -0.001)); /* rounds to -0.00: written 0 */
    ASSERT_WRITES("0", xbr__pic_px(b, -0.0));
    ASSERT_WRITES("0", xbr__pic_px(b, NAN));
    ASSERT_WRITES("0", xbr__pic_px(b, INFINITY));
    ASSERT_WRITES("10 -2.5", xbr__pic_xy(b, 10.0, -2.5));
}

static void test_svg_primitives(void **state)
{
    (void)state;
    ASSERT_WRITES("<rect x=\"1\" y=\"2.5\" width=\"30\" height=\"4\"",
                  xbr__pic_rect(b, 1.0, 2.5, 30.0, 4.0));
    ASSERT_WRITES("<line x1=\"0\" y1=\"1\" x2=\"2\" y2=\"3\"", xbr__pic_line(b, 0, 1, 2, 3));
    ASSERT_WRITES("<circle cx=\"5\" cy=\"6\"", xbr__pic_circle(b, 5, 6));
    ASSERT_WRITES("<text x=\"1\" y=\"2\" text-anchor=\"end\" font-size=\"12\" "
                  "font-weight=\"bold\">a &amp; b</text>\n",
                  xbr__pic_text(b, 1, 2, "end", 12, "bold", "a & b"));
    /* no anchor, no size, normal weight: left out */
    ASSERT_WRITES("<text x=\"1\" y=\"2\">", xbr__pic_text_open(b, 1, 2, NULL, 0, "normal"));
    ASSERT_WRITES("<text x=\"1\" y=\"2\" font-size=\"11\">ab\xE2\x80\xA6</text>\n",
                  xbr__pic_text_cut(b, 1, 2, NULL, 11, "abcd", 3));
    ASSERT_WRITES("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"200\" "
                  "viewBox=\"0 0 300 200\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" "
                  "font-size=\"13\">\n<title>T &lt;1&gt;</title>\n"
                  "<rect x=\"0\" y=\"0\" width=\"300\" height=\"200\" fill=\"#ffffff\"/>\n",
                  xbr__pic_svg_begin(b, 300, 200, "T <1>"));
    /* 0.6 em per character, code points counted */
    assert_close(xbr__pic_text_width("abc", 10.0), 18.0);
    assert_close(xbr__pic_text_width("\xC3\xA9", 10.0), 6.0);
    assert_close(xbr__pic_text_width(NULL, 10.0), 0.0);
}

/* Route classes by the name before '-', the stocked classes by their fill mode; node types with
 * the intermediaries alike (Okabe & Ito 2008; Paul Tol for wine and indigo). */
static void test_colours_of_classes_and_node_types(void **state)
{
    (void)state;
    assert_string_equal(xbr_route_class_colour("sea"), "#0072B2");
    assert_string_equal(xbr_route_class_colour("air"), "#D55E00");
    assert_string_equal(xbr_route_class_colour("express"), "#CC79A7");
    assert_string_equal(xbr_route_class_colour("post"), "#E69F00");
    assert_string_equal(xbr_route_class_colour("rail"), "#009E73");
    assert_string_equal(xbr_route_class_colour("road"), "#999999");
    assert_string_equal(xbr_route_class_colour("domestic"), "#999999");
    assert_string_equal(xbr_route_class_colour("b2b2c"), "#F0E442");
    assert_string_equal(xbr_route_class_colour("traditional"), "#000000");
    assert_string_equal(xbr_route_class_colour("short-chain"), "#999933"); /* not "short" */
    assert_string_equal(xbr_route_class_colour("warehouse-sea"), "#56B4E9");
    assert_string_equal(xbr_route_class_colour("warehouse-rail"), "#882255");
    assert_string_equal(xbr_route_class_colour("warehouse-air"), "#332288");
    assert_string_equal(xbr_route_class_colour("sea-whatever"), "#0072B2");
    assert_string_equal(xbr_route_class_colour("seaside"), "#000000"); /* a prefix is not enough */
    assert_string_equal(xbr_route_class_colour("unknown"), "#000000");
    assert_string_equal(xbr_route_class_colour(NULL), "#000000");

    assert_string_equal(xbr_node_type_colour(XBR_NODE_FACTORY), "#D55E00");
    assert_string_equal(xbr_node_type_colour(XBR_NODE_IMPORTER), "#E69F00");
    assert_string_equal(xbr_node_type_colour(XBR_NODE_RETAILER), "#E69F00");
    assert_string_equal(xbr_node_type_colour(XBR_NODE_SEAPORT), "#0072B2");
    assert_string_equal(xbr_node_type_colour(XBR_NODE_MARKET), "#000000");
    assert_string_equal(xbr_node_type_colour(XBR_NODE_TYPE_COUNT), "#999999");
    /* white text on the dark fills */
    assert_string_equal(xbr__pic_node_ink(XBR_NODE_FACTORY), "#ffffff");
    assert_string_equal(xbr__pic_node_ink(XBR_NODE_MARKET), "#ffffff");
    assert_string_equal(xbr__pic_node_ink(XBR_NODE_WAREHOUSE), "#000000");
    assert_string_equal(xbr__pic_node_ink(XBR_NODE_TYPE_COUNT), "#000000");
}

/* Route checks: no links, an index out of range, links that do not join up. */
static void test_route_check_names_the_route_and_link(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_pic_route_t r = pf_route();
    assert_int_equal(xbr__pic_route_check(net, &r, 0, &diags), XBR_OK);
    static const int gap[] = {0, 2};
    r.n_links = 2;
    r.links = gap;
    assert_int_equal(xbr__pic_route_check(net, &r, 2, &diags), XBR_EINPUT);
    assert_string_equal(diags.items[0].what, "route 3: link 2 does not start where link 1 ends");
    static const int bad[] = {-1};
    r.n_links = 1;
    r.links = bad;
    assert_int_equal(xbr__pic_route_check(net, &r, 0, &diags), XBR_EINPUT);
    assert_string_equal(diags.items[1].what, "route 1: link index -1 out of range");
    r.n_links = 0;
    assert_int_equal(xbr__pic_route_check(net, &r, 0, &diags), XBR_EINPUT);
    assert_string_equal(diags.items[2].what, "route 1 has no links");
    assert_int_equal(xbr__pic_routes_check(NULL, NULL, 0, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 4);
    xbr_diags_destroy(&diags);
    xbr_network_free(net);
}

static void test_broken_route_is_rejected(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    static const int gap[] = {0, 2}; /* F1>CNSHA then USLAX>W1: not consecutive */
    static const int bad[] = {0, 99};
    xbr_pic_route_t r = pf_route();
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_t b;
    xbr_buf_init(&b);
    r.n_links = 2;
    r.links = gap;
    assert_int_equal(xbr_svg_map(&b, NULL, net, &r, 1, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    r.links = bad;
    assert_int_equal(xbr_geojson_routes(&b, net, &r, 1, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 2);
    assert_non_null(strstr(diags.items[1].what, "out of range"));
    xbr_buf_destroy(&b);
    xbr_diags_destroy(&diags);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaping_for_xml_html_and_cut_text),
        cmocka_unit_test(test_pixels_have_at_most_two_decimals_and_no_minus_zero),
        cmocka_unit_test(test_svg_primitives),
        cmocka_unit_test(test_colours_of_classes_and_node_types),
        cmocka_unit_test(test_route_check_names_the_route_and_link),
        cmocka_unit_test(test_broken_route_is_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
