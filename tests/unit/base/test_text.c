/*
 * test_text.c - text hygiene helpers (base/util.c): xbr__utf8_seq_len, xbr__text_clean,
 * xbr__text_is_clean, xbr__utf8_trim (README "Reliability": text hygiene). Every expected
 * string is spelled out by hand from RFC 3629's byte patterns: e-acute U+00E9 is C3 A9, the euro
 * sign U+20AC is E2 82 AC, ESC is 1B, the C1 control CSI U+009B is C2 9B.
 */
#include "xbr_test.h"

#include <stdlib.h>
#include <string.h>

#include "base/internal.h"

static void expect_clean(const char *in, const char *want)
{
    char *got = xbr__text_clean(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_true(xbr__text_is_clean(got, strlen(got)));
    free(got);
}

static void test_sequence_lengths(void **state)
{
    (void)state;
    const unsigned char e_acute[] = {0xC3, 0xA9}, euro[] = {0xE2, 0x82, 0xAC};
    const unsigned char overlong[] = {0xC0, 0xAF}, surrogate[] = {0xED, 0xA0, 0x80};
    const unsigned char beyond[] = {0xF4, 0x90, 0x80, 0x80};
    assert_int_equal(xbr__utf8_seq_len((const unsigned char *)"a", 1), 1);
    assert_int_equal(xbr__utf8_seq_len(e_acute, 2), 2);
    assert_int_equal(xbr__utf8_seq_len(e_acute, 1), 0); /* cut short */
    assert_int_equal(xbr__utf8_seq_len(euro, 3), 3);
    assert_int_equal(xbr__utf8_seq_len(overlong, 2), 0);
    assert_int_equal(xbr__utf8_seq_len(surrogate, 3), 0);
    assert_int_equal(xbr__utf8_seq_len(beyond, 4), 0);
}

static void test_controls_are_escaped(void **state)
{
    (void)state;
    expect_clean("plain \xC3\xA9 \xE2\x82\xAC", "plain \xC3\xA9 \xE2\x82\xAC"); /* unchanged */
    expect_clean("a\x1B[2Jb", "a\\x1b[2Jb");                                    /* ESC */
    expect_clean("t\tn\n\x7F", "t\\x09n\\x0a\\x7f");                            /* tab, LF, DEL */
    expect_clean("x\xC2\x9B"
                 "31m",
                 "x\\u009b31m");          /* C1 CSI */
    expect_clean("\xC2\xA0", "\xC2\xA0"); /* U+00A0, the first character after C1, kept */
}

static void test_invalid_bytes_and_cut_characters(void **state)
{
    (void)state;
    expect_clean("a\xFF"
                 "b",
                 "a\\xffb"); /* never valid in UTF-8 */
    expect_clean("a\xC0\xAF"
                 "b",
                 "a\\xc0\\xafb"); /* overlong '/' */
    /* a character cut short, as "%.2s" of "\xC3\xA9\xC3\xA9" after one byte more: dropped */
    expect_clean("\xC3\xA9\xC3\"", "\xC3\xA9\"");
    expect_clean("\xE2\x82", "");
}

static void test_trim_cuts_between_characters(void **state)
{
    (void)state;
    char a[] = "ab\xC3\xA9\xC3"; /* the last e-acute cut after its first byte */
    char b[] = "ab\xE2\x82";     /* the euro cut after two of three */
    char c[] = "ab\xC3\xA9";     /* whole: kept */
    char d[] = "abc";
    xbr__utf8_trim(a);
    xbr__utf8_trim(b);
    xbr__utf8_trim(c);
    xbr__utf8_trim(d);
    assert_string_equal(a, "ab\xC3\xA9");
    assert_string_equal(b, "ab");
    assert_string_equal(c, "ab\xC3\xA9");
    assert_string_equal(d, "abc");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequence_lengths),
        cmocka_unit_test(test_controls_are_escaped),
        cmocka_unit_test(test_invalid_bytes_and_cut_characters),
        cmocka_unit_test(test_trim_cuts_between_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
