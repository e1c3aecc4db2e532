/*
 * test_output.c - the text buffer, the JSON writer and the format names (base/output.c).
 * Every expected text is written out by hand from the layout and number rules in
 * xbroute/output.h; the fixed-decimal spelling is also checked against the C library's
 * printf("%.*f") on many numbers, the independent method it promises to agree with.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/output.h"

/* The same document in any layout: {"a": 1, "b": [true, null, "x"], "c": {}}. */
static void write_sample(xbr_json_t *j)
{
    xbr_json_object_begin(j, NULL);
    xbr_json_int(j, "a", 1);
    xbr_json_array_begin(j, "b");
    xbr_json_bool(j, NULL, true);
    xbr_json_null(j, NULL);
    xbr_json_string(j, NULL, "x");
    xbr_json_array_end(j);
    xbr_json_object_begin(j, "c");
    xbr_json_object_end(j);
    xbr_json_object_end(j);
}

static void expect_layout(xbr_json_layout_t layout, const char *want)
{
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init_layout(&j, &b, layout, -1);
    write_sample(&j);
    assert_false(b.failed);
    assert_string_equal(b.data, want);
    assert_int_equal(b.len, strlen(want));
    xbr_buf_destroy(&b);
}

static void test_every_layout(void **state)
{
    (void)state;
    expect_layout(XBR_JSON_PRETTY, "{\n"
                                   "  \"a\": 1,\n"
                                   "  \"b\": [\n"
                                   "    true,\n"
                                   "    null,\n"
                                   "    \"x\"\n"
                                   "  ],\n"
                                   "  \"c\": {}\n"
                                   "}\n");
    expect_layout(XBR_JSON_ROWS, "{\n"
                                 "\"a\": 1,\n"
                                 "\"b\": [\n"
                                 "true,\n"
                                 "null,\n"
                                 "\"x\"\n"
                                 "],\n"
                                 "\"c\": {}\n"
                                 "}\n");
    expect_layout(XBR_JSON_LINE, "{\"a\": 1, \"b\": [true, null, \"x\"], \"c\": {}}\n");
    expect_layout(XBR_JSON_COMPACT, "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{}}\n");
}

static void test_layouts_mix_by_container(void **state)
{
    (void)state;
    /* A pretty document whose rows are compact objects, and a line object inside one: each
     * container keeps the layout it was opened with. */
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init(&j, &b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_array_begin(&j, "rows");
    xbr_json_set_layout(&j, XBR_JSON_COMPACT);
    xbr_json_object_begin(&j, NULL);
    xbr_json_int(&j, "k", 1);
    xbr_json_set_layout(&j, XBR_JSON_LINE);
    xbr_json_object_begin(&j, "in");
    xbr_json_int(&j, "p", 2);
    xbr_json_int(&j, "q", 3);
    xbr_json_object_end(&j);
    xbr_json_int(&j, "z", 4);
    xbr_json_object_end(&j);
    xbr_json_set_layout(&j, XBR_JSON_COMPACT);
    xbr_json_object_begin(&j, NULL);
    xbr_json_object_end(&j);
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
    assert_string_equal(b.data, "{\n"
                                "  \"rows\": [\n"
                                "    {\"k\":1,\"in\":{\"p\": 2, \"q\": 3},\"z\":4},\n"
                                "    {}\n"
                                "  ]\n"
                                "}\n");
    xbr_buf_destroy(&b);
}

static void test_scalar_roots_and_empty_containers(void **state)
{
    (void)state;
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init(&j, &b);
    xbr_json_number(&j, NULL, 2.5); /* a scalar root: no newline */
    assert_string_equal(b.data, "2.5");
    xbr_buf_destroy(&b);
    xbr_json_init(&j, &b);
    xbr_json_array_begin(&j, NULL);
    xbr_json_array_end(&j);
    assert_string_equal(b.data, "[]\n");
    xbr_buf_destroy(&b);
}

/* The text xbr_json_number (decimals -1) or xbr_json_fixed writes for v, as a key's value. */
static void expect_number(double v, int decimals, const char *want)
{
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init_layout(&j, &b, XBR_JSON_COMPACT, -1);
    xbr_json_object_begin(&j, NULL);
    if (decimals == -1)
        xbr_json_number(&j, "v", v);
    else
        xbr_json_fixed(&j, "v", v, decimals);
    xbr_json_object_end(&j);
    char full[96];
    snprintf(full, sizeof full, "{\"v\":%s}\n", want);
    assert_string_equal(b.data, full);
    xbr_buf_destroy(&b);
}

static void test_significant_digit_numbers(void **state)
{
    (void)state;
    expect_number(0.0, -1, "0");
    expect_number(-0.0, -1, "0");
    expect_number(1.0, -1, "1");
    expect_number(0.1, -1, "0.1");
    expect_number(-2.5, -1, "-2.5");
    expect_number(1.0 / 3.0, -1, "0.3333333333"); /* 10 significant digits */
    expect_number(123456789012.0, -1, "1.23456789e+11");
    expect_number(1e21, -1, "1e+21");
    expect_number(0.000012345, -1, "1.2345e-05");
    expect_number(NAN, -1, "null");
    expect_number(INFINITY, -1, "null");
    expect_number(-INFINITY, -1, "null");
}

static void test_fixed_decimal_numbers(void **state)
{
    (void)state;
    expect_number(2.5, 2, "2.5"); /* trailing zero dropped */
    expect_number(2.0, 2, "2");   /* and the bare point */
    expect_number(1234.5678, 3, "1234.568");
    expect_number(-1234.5678, 1, "-1234.6");
    expect_number(-0.004, 2, "0"); /* rounds to zero: never "-0" */
    expect_number(0.0001, 3, "0");
    expect_number(22.3623, 6, "22.3623");
    expect_number(1e6, 0, "1000000");
    expect_number(2.6, -5, "3");                       /* negative decimals act as 0 */
    expect_number(0.1234567891234, 12, "0.123456789"); /* at most 9 decimals */
    expect_number(NAN, 2, "null");
    expect_number(1e15, 2, "1000000000000000"); /* beyond the integer shortcut */
    /* the writer-wide format: fixed decimals for every xbr_json_number */
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init_layout(&j, &b, XBR_JSON_COMPACT, 2);
    xbr_json_array_begin(&j, NULL);
    xbr_json_number(&j, NULL, 3.14159);
    xbr_json_number(&j, NULL, 10.0);
    xbr_json_array_end(&j);
    assert_string_equal(b.data, "[3.14,10]\n");
    xbr_buf_destroy(&b);
}

/* printf("%.*f") with trailing zeros and a bare point dropped, "-0" as "0": the rule. */
static void reference_fixed(double v, int dec, char *out, size_t size)
{
    snprintf(out, size, "%.*f", dec, v);
    char *dot = strchr(out, '.');
    if (dot != NULL) {
        char *end = out + strlen(out) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(out, "-0") == 0)
        strcpy(out, "0");
}

static void test_fixed_agrees_with_printf(void **state)
{
    (void)state;
    uint64_t s = 88172645463325252ull; /* xorshift64 (Marsaglia 2003), independent of the code */
    for (int i = 0; i < 200000; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        double u = (double)(s >> 11) * 0x1p-53;
        int dec = (int)(s % 10);
        double v;
        switch (i % 4) {
        case 0: /* anything in +-1000 */
            v = (u - 0.5) * 2000;
            break;
        case 1: /* values already on a decimal grid, as writers round them */
            v = round((u - 0.5) * 1e6) / pow(10, (double)(s % 7));
            break;
        case 2: /* exact halves of the last digit: ties */
            v = (double)(int64_t)(u * 1e6) / 8.0;
            break;
        default: /* large */
            v = (u - 0.5) * 1e13;
        }
        char want[64];
        reference_fixed(v, dec, want, sizeof want);
        xbr_buf_t b;
        xbr_buf_init(&b);
        xbr_buf_number(&b, v, dec);
        if (strcmp(b.data, want) != 0) {
            print_error("%.17g with %d decimals: %s, expected %s\n", v, dec, b.data, want);
            fail();
        }
        xbr_buf_destroy(&b);
    }
}

static void test_strings_are_escaped(void **state)
{
    (void)state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_json_quote(&b, "a\"b\\c\n\r\t\x01\x1f/\xc3\xa9");
    /* quote, backslash and the short escapes; other control bytes as \u00XX; '/' and UTF-8
     * as they are */
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f/\xc3\xa9\"");
    xbr_buf_destroy(&b);
    xbr_json_quote(&b, "");
    assert_string_equal(b.data, "\"\"");
    xbr_buf_destroy(&b);
    xbr_json_t j;
    xbr_json_init_layout(&j, &b, XBR_JSON_COMPACT, -1);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "k\"", NULL); /* keys are escaped too; a NULL string is null */
    xbr_json_int(&j, "n", -9007199254740993LL);
    xbr_json_bool(&j, "f", false);
    xbr_json_object_end(&j);
    assert_string_equal(b.data, "{\"k\\\"\":null,\"n\":-9007199254740993,\"f\":false}\n");
    xbr_buf_destroy(&b);
}

static void test_buffer_grows_and_fails_once(void **state)
{
    (void)state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    for (int i = 0; i < 1000; i++)
        xbr_buf_puts(&b, "0123456789");
    xbr_buf_printf(&b, "[%d|%s]", 42, "x");
    xbr_buf_append(&b, "abc", 2);
    assert_int_equal(b.len, 10000 + 6 + 2);
    assert_int_equal(b.data[b.len], '\0');
    assert_memory_equal(b.data + 10000, "[42|x]ab", 8);
    assert_true(b.cap >= b.len + 1);
    /* a failed buffer ignores what comes after */
    b.failed = 1;
    xbr_buf_puts(&b, "more");
    xbr_buf_printf(&b, "%d", 7);
    assert_int_equal(b.len, 10008);
    xbr_buf_destroy(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.failed, 0);
    /* nesting deeper than the writer can follow marks the buffer failed */
    xbr_json_t j;
    xbr_json_init(&j, &b);
    for (int i = 0; i < XBR_JSON_MAX_DEPTH + 1; i++)
        xbr_json_array_begin(&j, NULL);
    assert_true(b.failed);
    xbr_buf_destroy(&b);
}

static void test_format_names_round_trip(void **state)
{
    (void)state;
    static const char *const names[XBR_FORMAT_COUNT] = {"text", "json", "csv"};
    for (int f = 0; f < XBR_FORMAT_COUNT; f++) {
        assert_string_equal(xbr_format_name((xbr_format_t)f), names[f]);
        assert_int_equal(xbr_format_parse(names[f]), f);
    }
    assert_string_equal(xbr_format_name(XBR_FORMAT_COUNT), "unknown");
    assert_int_equal(xbr_format_parse("JSON"), -1);
    assert_int_equal(xbr_format_parse("xml"), -1);
    assert_int_equal(xbr_format_parse(NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_layout),
        cmocka_unit_test(test_layouts_mix_by_container),
        cmocka_unit_test(test_scalar_roots_and_empty_containers),
        cmocka_unit_test(test_significant_digit_numbers),
        cmocka_unit_test(test_fixed_decimal_numbers),
        cmocka_unit_test(test_fixed_agrees_with_printf),
        cmocka_unit_test(test_strings_are_escaped),
        cmocka_unit_test(test_buffer_grows_and_fails_once),
        cmocka_unit_test(test_format_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
