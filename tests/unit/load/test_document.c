/*
 * test_document.c - documents with positions and diagnostics (load/document.c): the line and
 * code-point column of every value and key, diagnostics placed there (and only counted past
 * the cap), numbers quoted as written, syntax errors, read errors placed at the spot that
 * named the file, and source lines quoted only from text that opens as JSON. Positions are counted
 * by hand in the texts below.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "load/internal.h"

/* Line 2 has "é" (2 bytes, 1 column) before "b". */
static const char text[] = "{\"a\": 1.50e+2,\n"
                           " \"\xc3\xa9\": 0, \"b\": [true, {\"c\": null}]}";

static void test_positions_of_values_and_keys(void **state)
{
    (void)state;
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__ldoc_init(&doc, "t.json", text, sizeof text - 1, &d), XBR_OK);
    int line, col;
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(doc.root, "a");
    xbr__ldoc_pos(&doc, a, 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 7); /* {"a": 1 : the value starts in column 7 */
    xbr__ldoc_pos(&doc, a, 1, &line, &col);
    assert_int_equal(col, 2); /* its key's opening quote */
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(doc.root, "b");
    xbr__ldoc_pos(&doc, b, 1, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 10); /* ␠"é": 0, "b : é counts once */
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(b, 1), "c");
    xbr__ldoc_pos(&doc, c, 0, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 28);
    xbr__ldoc_pos(&doc, doc.root, 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    xbr__ldoc_pos(&doc, NULL, 0, &line, &col); /* unknown: 0:0 */
    assert_int_equal(line, 0);
    assert_int_equal(col, 0);
    /* a number as written, not as reprinted */
    char num[48];
    xbr__ldoc_number_text(&doc, a, num, sizeof num);
    assert_string_equal(num, "1.50e+2");
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

/* Columns asked for out of order on one line that holds "é" twice: the column found last is
 * counted on from only when the next spot lies after it on the same line, so every answer is
 * the count from the line's start. By hand: {"a": 1, "b": "é", "c": 2, "d": "é", "e": 3}
 * puts the values of a, b, c, d, e in columns 7, 15, 25, 33 and 43 (each é one column). */
static void test_columns_asked_out_of_order_on_one_line(void **state)
{
    (void)state;
    static const char one[] = "{\"a\": 1, \"b\": \"\xc3\xa9\", \"c\": 2, \"d\": \"\xc3\xa9\", "
                              "\"e\": 3}";
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__ldoc_init(&doc, "one.json", one, sizeof one - 1, &d), XBR_OK);
    static const char keys[] = "ecbdaee";
    static const int want[] = {43, 25, 15, 33, 7, 43, 43};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        char key[2] = {keys[k], '\0'};
        int line, col;
        xbr__ldoc_pos(&doc, cJSON_GetObjectItemCaseSensitive(doc.root, key), 0, &line, &col);
        assert_int_equal(line, 1);
        assert_int_equal(col, want[k]);
    }
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

static void test_diagnostics_at_the_value_and_over_the_cap(void **state)
{
    (void)state;
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    d.max_errors = 2;
    assert_int_equal(xbr__ldoc_init(&doc, "t.json", text, sizeof text - 1, &d), XBR_OK);
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(doc.root, "b");
    xbr__ldoc_diag(&doc, XBR_SEV_ERROR, b, 0, "obj", "b", "a number", "wrong type: %s", "an array");
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, "t.json");
    assert_int_equal(d.items[0].line, 2);
    assert_int_equal(d.items[0].col, 15);
    assert_string_equal(d.items[0].what, "wrong type: an array");
    assert_string_equal(d.items[0].expected, "a number");
    xbr__ldoc_diag(&doc, XBR_SEV_WARNING, NULL, 0, NULL, NULL, NULL, "whole file");
    assert_int_equal(d.items[1].line, 0);
    xbr__ldoc_diag(&doc, XBR_SEV_ERROR, b, 0, NULL, NULL, NULL, "second");
    xbr__ldoc_diag(&doc, XBR_SEV_ERROR, b, 0, NULL, NULL, NULL, "third: past the cap");
    assert_int_equal(doc.n_errors, 3);
    assert_int_equal(d.n_errors, 3);
    assert_true(d.truncated);
    assert_int_equal(d.count, 3); /* the third error is counted, not kept */
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

static void test_syntax_errors_and_limits(void **state)
{
    (void)state;
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    static const char bad[] = "{\"a\": 1,\n \"b\": 01}";
    assert_int_equal(xbr__ldoc_init(&doc, "bad.json", bad, sizeof bad - 1, &d), XBR_EINPUT);
    assert_int_equal(doc.n_errors, 1);
    assert_int_equal(d.items[0].line, 2);
    assert_int_equal(d.items[0].col, 7);
    assert_string_equal(d.items[0].expected, "valid JSON (RFC 8259)");
    assert_string_equal(d.items[0].source, " \"b\": 01}"); /* the line, quoted */
    xbr__ldoc_destroy(&doc);
    /* a length over the limit is refused before the text is read */
    assert_int_equal(xbr__ldoc_init(&doc, "huge", "", XBR_LOAD_MAX_BYTES + 1, &d), XBR_EINPUT);
    assert_string_equal(d.items[1].what, "input larger than 256 MiB");
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

static void test_read_errors_go_where_the_file_was_named(void **state)
{
    (void)state;
    xbr__ldoc_t doc, ref;
    xbr_diags_t d;
    xbr_diags_init(&d);
    /* named by another file: placed at the value that named it, line 4 column 14 (two
     * spaces, "network" in quotes, a colon and a space come before it), with that line */
    static const char sc[] = "{\n  \"name\": \"s\",\n  \"products\": [],\n"
                             "  \"network\": \"x/missing.json\"\n}\n";
    assert_int_equal(xbr__ldoc_init(&ref, "scenario.json", sc, sizeof sc - 1, &d), XBR_OK);
    const cJSON *at = cJSON_GetObjectItemCaseSensitive(ref.root, "network");
    assert_int_equal(xbr__ldoc_init_file(&doc, BAD_DIR "/missing.json", &d, &ref, at), XBR_EIO);
    assert_int_equal(doc.n_errors, 1);
    assert_int_equal(ref.n_errors, 1);
    assert_string_equal(d.items[0].file, "scenario.json");
    assert_int_equal(d.items[0].line, 4);
    assert_int_equal(d.items[0].col, 14);
    assert_string_equal(d.items[0].source, "  \"network\": \"x/missing.json\"");
    assert_non_null(strstr(d.items[0].what, "cannot read file \"" BAD_DIR "/missing.json\""));
    assert_non_null(strstr(d.items[0].expected, "relative to the file that names them"));
    xbr__ldoc_destroy(&doc);
    xbr__ldoc_destroy(&ref);
    /* named by no one: at the file itself; a folder says so */
    assert_int_equal(xbr__ldoc_init_file(&doc, BAD_DIR, &d, NULL, NULL), XBR_EIO);
    assert_string_equal(d.items[1].file, BAD_DIR);
    assert_int_equal(d.items[1].line, 0);
    assert_null(d.items[1].source);
    assert_non_null(strstr(d.items[1].what, ": it is a directory"));
    assert_string_equal(d.items[1].expected, "a readable JSON file");
    xbr__ldoc_destroy(&doc);
    /* a good file opens, owning its text */
    assert_int_equal(xbr__ldoc_init_file(&doc, GOOD_DIR "/net_small.json", &d, NULL, NULL), XBR_OK);
    assert_non_null(doc.buf);
    assert_ptr_equal(doc.text, doc.buf);
    assert_true(cJSON_IsObject(doc.root));
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

static void test_source_lines_only_from_json_input(void **state)
{
    (void)state;
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    /* a line ending in CR LF is quoted without its CR */
    assert_int_equal(xbr__ldoc_init(&doc, "crlf.json", "[1,\r\n x]", 9, &d), XBR_EINPUT);
    assert_int_equal(d.items[0].line, 2);
    assert_string_equal(d.items[0].source, " x]");
    xbr__ldoc_destroy(&doc);
    /* a file that does not open as JSON is never quoted, though its error has a place */
    static const char secret[] = "password=hunter2\n";
    assert_int_equal(xbr__ldoc_init(&doc, "secret.txt", secret, sizeof secret - 1, &d), XBR_EINPUT);
    assert_int_equal(d.items[1].line, 1);
    assert_int_equal(d.items[1].col, 1);
    assert_null(d.items[1].source);
    xbr__ldoc_destroy(&doc);
    /* nor is a value's line of a text that is JSON but not an object or array */
    assert_int_equal(xbr__ldoc_init(&doc, "n.json", "42", 2, &d), XBR_OK);
    xbr__ldoc_diag(&doc, XBR_SEV_ERROR, doc.root, 0, NULL, NULL, NULL, "not an object");
    assert_int_equal(d.items[2].line, 1);
    assert_null(d.items[2].source);
    xbr__ldoc_destroy(&doc);
    /* a long line is quoted up to XBR_DIAG_SOURCE_MAX bytes */
    char long_text[600];
    memset(long_text, ' ', sizeof long_text);
    long_text[0] = '[';
    memcpy(long_text + sizeof long_text - 2, "x]", 2);
    assert_int_equal(xbr__ldoc_init(&doc, "long.json", long_text, sizeof long_text, &d),
                     XBR_EINPUT);
    assert_int_equal(strlen(d.items[3].source), XBR_DIAG_SOURCE_MAX);
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

/* A network-shaped text: "nodes" and "links" are streamed, "sources" is built, "stray" (a key
 * no format knows) is not; line 3 has "é" (2 bytes, 1 column) before the second link. */
static const char streamed[] =
    "{\"nodes\": [{\"id\": \"A\"}, 7],\n"
    " \"sources\": [1, 2], \"stray\": [3],\n"
    " \"links\": [ {\"id\": \"\xc3\xa9\"}, {\"x\": [1, 2, {\"y\": 3}]},\n"
    "   true ]}";

static void test_streamed_arrays_one_element_at_a_time(void **state)
{
    (void)state;
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__ldoc_init(&doc, "s.json", streamed, sizeof streamed - 1, &d), XBR_OK);
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(doc.root, "links");
    const cJSON *other = cJSON_GetObjectItemCaseSensitive(doc.root, "sources");
    const cJSON *stray = cJSON_GetObjectItemCaseSensitive(doc.root, "stray");
    assert_true(cJSON_IsArray(links));
    assert_null(links->child);                      /* not in the tree */
    assert_int_equal(cJSON_GetArraySize(other), 2); /* built */
    assert_false(xbr__ldoc_array_empty(&doc, links));
    assert_int_equal(xbr__ldoc_array_objects(&doc, links), 2);
    assert_int_equal(xbr__ldoc_array_objects(&doc, other), 0);
    int line, col;
    assert_non_null(stray);
    assert_false(cJSON_IsArray(stray));         /* not built */
    xbr__ldoc_pos(&doc, stray, 1, &line, &col); /* but its key's place is known */
    assert_int_equal(line, 2);
    assert_int_equal(col, 21);
    xbr__ldoc_pos(&doc, links, 1, &line, &col); /* the placeholder keeps its key's place */
    assert_int_equal(line, 3);
    assert_int_equal(col, 2);

    xbr__ldoc_iter_t it;
    const cJSON *e;
    size_t root_locs = doc.locs.count;
    xbr__ldoc_iter_init(&it, &doc, links);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 1);
    assert_true(it.is_object);
    assert_int_equal(it.k, 1);
    xbr__ldoc_pos(&doc, e, 0, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 13);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 1);
    const cJSON *y = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(e, "x"), 2), "y");
    xbr__ldoc_pos(&doc, y, 0, &line, &col); /* after "é": one column */
    assert_int_equal(line, 3);
    assert_int_equal(col, 45);
    xbr__ldoc_pos(&doc, y, 1, &line, &col);
    assert_int_equal(col, 40);
    assert_int_equal(xbr__ldoc_iter_next(&it, false, &e), 1); /* skipped: not built */
    assert_null(e);
    assert_false(it.is_object);
    assert_int_equal(it.k, 3);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 0);
    assert_int_equal(doc.locs.count, root_locs);  /* the last element's positions went too */
    assert_int_equal(doc.streams[1].indexed, -1); /* not all objects: no index kept */

    /* an array of the tree reads the same way */
    xbr__ldoc_iter_init(&it, &doc, other);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 1);
    assert_ptr_equal(e, other->child);
    assert_int_equal(xbr__ldoc_iter_next(&it, false, &e), 1);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 0);
    xbr__ldoc_destroy(&doc);

    /* a key spelt with an escape is not streamed: built whole, as before */
    static const char esc[] = "{\"\\u006cinks\": [{}], \"nodes\": []}";
    assert_int_equal(xbr__ldoc_init(&doc, "e.json", esc, sizeof esc - 1, &d), XBR_OK);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc.root, "links")), 1);
    assert_true(xbr__ldoc_array_empty(&doc, cJSON_GetObjectItemCaseSensitive(doc.root, "nodes")));
    xbr__ldoc_destroy(&doc);
    assert_int_equal(d.count, 0);
    xbr_diags_destroy(&d);
}

static void test_element_over_the_budget_is_refused(void **state)
{
    (void)state;
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__ldoc_init(&doc, "s.json", streamed, sizeof streamed - 1, &d), XBR_OK);
    assert_int_equal(doc.budget, XBR_LOAD_ELEMENT_MIN_VALUES);
    /* an element may hold what the root's tree left of the budget: 4 (the second link holds 6
     * values) */
    doc.budget = doc.root_values + 4;
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(doc.root, "links");
    const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(doc.root, "nodes");
    xbr__ldoc_iter_t it;
    const cJSON *e;
    xbr__ldoc_iter_init(&it, &doc, links);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 1);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), -1);
    assert_null(e);
    assert_int_equal(doc.n_errors, 1);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_int_equal(d.items[0].col, 26);
    assert_string_equal(d.items[0].field, "links");
    assert_string_equal(d.items[0].what, "element #2 of \"links\" holds 6 JSON values, more than "
                                         "the loader builds at once");
    assert_false(doc.nomem);
    /* every streamed array ends there: nothing more is read or reported */
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 0);
    xbr__ldoc_iter_init(&it, &doc, nodes);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 0);
    assert_int_equal(d.count, 1);
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

/* A scenario's "products" and "changes" are streamed too; an element read earlier is built
 * again from its mark, with its positions, after the iteration moved on, in a streamed array
 * whose elements are all objects (found by index), in one that is not (found by offset) and in
 * an array of the tree (the same item). */
static void test_marked_elements_are_read_again(void **state)
{
    (void)state;
    static const char sc[] = "{\"products\": [{\"id\": \"a\"},\n  {\"id\": \"b\"}],\n"
                             " \"changes\": [1, {\"op\": \"x\"}, 2], \"other\": [{\"k\": 1}, 5]}";
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__ldoc_init(&doc, "m.json", sc, sizeof sc - 1, &d), XBR_OK);
    /* the streamed arrays are not counted; "other" is its array, an object, 1 and 5 */
    assert_int_equal(doc.root_values, 4);
    const char *keys[] = {"products", "changes", "other"};
    /* the element read again: products #2 at 2:3, changes #2 at 3:17, other #1 at 3:44 */
    const size_t pick[] = {2, 2, 1};
    const int line[] = {2, 3, 3}, col[] = {3, 17, 44};
    for (int a = 0; a < 3; a++) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc.root, keys[a]);
        assert_true(cJSON_IsArray(arr));
        assert_int_equal(arr->child == NULL, a < 2); /* streamed: an empty array in the tree */
        xbr__ldoc_iter_t it;
        xbr__ldoc_mark_t mark = {NULL};
        const cJSON *e;
        xbr__ldoc_iter_init(&it, &doc, arr);
        while (xbr__ldoc_iter_next(&it, true, &e) > 0)
            if (it.k == pick[a])
                mark = xbr__ldoc_iter_mark(&it);
        assert_int_equal(xbr__ldoc_reread(&doc, arr, mark, &e), 1);
        assert_true(cJSON_IsObject(e));
        int l = 0, c = 0;
        xbr__ldoc_pos(&doc, e, 0, &l, &c);
        assert_int_equal(l, line[a]);
        assert_int_equal(c, col[a]);
        const cJSON *first = e->child;
        assert_string_equal(first->string, a == 0 ? "id" : a == 1 ? "op" : "k");
        xbr__ldoc_pos(&doc, first, 1, &l, &c);
        assert_int_equal(c, col[a] + 1); /* the key just after the '{' */
    }
    xbr__ldoc_destroy(&doc);
    assert_int_equal(d.count, 0);
    xbr_diags_destroy(&d);
}

/* Every element an object: their starts are found when the document opens, and every pass
 * jumps from one to the next, an element's end found from the next one's start. */
static void test_passes_jump_through_the_element_starts(void **state)
{
    (void)state;
    static const char objs[] =
        "{\"nodes\": [],\n \"links\": [{\"a\": 1},\n  {\"b\": 2} , {\"c\": 3}\n ]}";
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__ldoc_init(&doc, "o.json", objs, sizeof objs - 1, &d), XBR_OK);
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(doc.root, "links");
    xbr__ldoc_iter_t it;
    const cJSON *e;
    int line, col, n = 0;
    assert_int_equal(doc.streams[1].indexed, 1); /* every element an object: kept */
    assert_int_equal(doc.streams[1].n_starts, 3);
    xbr__ldoc_iter_init(&it, &doc, links);
    while (xbr__ldoc_iter_next(&it, false, &e) > 0)
        n++;
    assert_int_equal(n, 3);
    /* an element's end: the last one's before the blanks and ']' */
    xbr__ldoc_iter_init(&it, &doc, links);
    for (int k = 0; k < 3; k++)
        assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 1);
    xbr__ldoc_pos(&doc, cJSON_GetObjectItemCaseSensitive(e, "c"), 0, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 20);
    xbr__ldoc_iter_init(&it, &doc, links);
    assert_int_equal(xbr__ldoc_iter_next(&it, false, &e), 1); /* skipped */
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 1);
    assert_non_null(cJSON_GetObjectItemCaseSensitive(e, "b"));
    xbr__ldoc_pos(&doc, cJSON_GetObjectItemCaseSensitive(e, "b"), 0, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 9);
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 1);
    assert_non_null(cJSON_GetObjectItemCaseSensitive(e, "c"));
    assert_int_equal(xbr__ldoc_iter_next(&it, true, &e), 0);
    assert_int_equal(it.k, 3);
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

/* The line:col of every value, asked in file order, backwards and in a scattered order (the
 * cursor, the index of lines, and the two mixed), against a plain count from the start of the
 * text (xbr__json_linecol). */
static void test_positions_in_any_order_match_a_count_from_the_start(void **state)
{
    (void)state;
    char big[8192];
    size_t n = 0;
    n += (size_t)snprintf(big + n, sizeof big - n, "{\"v\": [");
    for (int k = 0; k < 300; k++) /* some lines hold "é" (2 bytes, 1 column), some values */
        n += (size_t)snprintf(big + n, sizeof big - n, "%s%s%d", k ? "," : "",
                              k % 3 == 0   ? "\n"
                              : k % 5 == 0 ? " \"\xc3\xa9\", "
                                           : " ",
                              k);
    n += (size_t)snprintf(big + n, sizeof big - n, "\n]}");
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__ldoc_init(&doc, "t.json", big, n, &d), XBR_OK);
    const cJSON *items[400];
    size_t count = 0;
    for (const cJSON *e = cJSON_GetObjectItemCaseSensitive(doc.root, "v")->child; e; e = e->next)
        items[count++] = e;
    assert_int_equal(count, 340); /* 300 numbers, and a string before each 5th not 3rd */
    for (int pass = 0; pass < 3; pass++)
        for (size_t k = 0; k < count; k++) {
            size_t j = pass == 0 ? k : pass == 1 ? count - 1 - k : (k * 97) % count;
            int line, col, want_line, want_col;
            xbr__ldoc_pos(&doc, items[j], 0, &line, &col);
            xbr__json_linecol(big, n, doc.locs.items[items[j]->valueint].val, &want_line,
                              &want_col);
            assert_int_equal(line, want_line);
            assert_int_equal(col, want_col);
            assert_true(line > 1);
        }
    xbr__ldoc_destroy(&doc);
    xbr_diags_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_positions_of_values_and_keys),
        cmocka_unit_test(test_columns_asked_out_of_order_on_one_line),
        cmocka_unit_test(test_positions_in_any_order_match_a_count_from_the_start),
        cmocka_unit_test(test_diagnostics_at_the_value_and_over_the_cap),
        cmocka_unit_test(test_syntax_errors_and_limits),
        cmocka_unit_test(test_read_errors_go_where_the_file_was_named),
        cmocka_unit_test(test_source_lines_only_from_json_input),
        cmocka_unit_test(test_streamed_arrays_one_element_at_a_time),
        cmocka_unit_test(test_element_over_the_budget_is_refused),
        cmocka_unit_test(test_passes_jump_through_the_element_starts),
        cmocka_unit_test(test_marked_elements_are_read_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
