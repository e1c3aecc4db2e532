/*
 * test_batch_journal.c - the journal of a batch run: records appended to OUT.partial as they
 * come; at commit OUT sorted by scenario (one record a scenario), the CSV, OUT.partial gone;
 * resume keeps OUT's and OUT.partial's records, cuts a torn last line and skips what they hold;
 * without resume OUT.partial starts empty; errors name the file; OUT.partial is never opened
 * through a link or as a FIFO, and a second run on the same OUT (another process) is refused at
 * once without touching the first's records. Every file lives in a fresh
 * folder from mkdtemp() under $TMPDIR (else /tmp), removed at the end.
 *
 * Records are written by hand in the documented layout (xbroute/batch.h).
 */
#include "xbr_test.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xbroute/batch.h"

#define OK_A                                                                                       \
    "{\"scenario\":\"a\",\"status\":\"ok\",\"error\":null,\"compare\":null,\"optimize\":null}\n"
#define OK_B                                                                                       \
    "{\"scenario\":\"b\",\"status\":\"ok\",\"error\":null,\"compare\":null,\"optimize\":null}\n"
#define OK_C                                                                                       \
    "{\"scenario\":\"c\",\"status\":\"ok\",\"error\":null,\"compare\":null,\"optimize\":null}\n"
#define TORN_C "{\"scenario\":\"c\",\"sta" /* OK_C cut by a kill */
#define BAD_A                                                                                      \
    "{\"scenario\":\"a\",\"status\":\"error\",\"error\":\"a: error: x\",\"compare\":null,"         \
    "\"optimize\":null}\n"
#define BAD_D                                                                                      \
    "{\"scenario\":\"d\",\"status\":\"error\",\"error\":\"d: error: x\",\"compare\":null,"         \
    "\"optimize\":null}\n"

typedef struct {
    char dir[512];
    char out[600], partial[600], csv[600];
} files_t;

static int setup(void **state)
{
    files_t *f = calloc(1, sizeof *f);
    const char *tmp = getenv("TMPDIR");
    if (f == NULL)
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s/xbr-journal-XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
    if (mkdtemp(f->dir) == NULL) {
        free(f);
        return -1;
    }
    snprintf(f->out, sizeof f->out, "%s/out.jsonl", f->dir);
    snprintf(f->partial, sizeof f->partial, "%s/out.jsonl.partial", f->dir);
    snprintf(f->csv, sizeof f->csv, "%s/out.csv", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    files_t *f = *state;
    unlink(f->out);
    unlink(f->partial);
    unlink(f->csv);
    rmdir(f->dir);
    free(f);
    return 0;
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
}

/* The whole file `path` as a new string (caller frees); NULL when it does not exist. */
static char *read_text(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char *text = calloc(1, 1 << 16);
    assert_non_null(text);
    size_t n = fread(text, 1, (1 << 16) - 1, fp);
    text[n] = '\0';
    fclose(fp);
    return text;
}

static void expect_file(const char *path, const char *want)
{
    char *text = read_text(path);
    assert_non_null(text);
    assert_string_equal(text, want);
    free(text);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void append(xbr_batch_journal_t *j, const char *line, bool failed)
{
    assert_int_equal(xbr_batch_journal_append(j, line, strlen(line), failed), XBR_OK);
}

/* A list of the given paths, in order. */
static void make_list(xbr_path_list_t *list, const char *const *paths, size_t n)
{
    xbr_path_list_init(list);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(xbr_path_list_add(list, paths[i]), XBR_OK);
}

static void test_a_run_appends_then_commits_sorted(void **state)
{
    files_t *f = *state;
    write_text(f->partial, "left over from an earlier run\n");
    xbr_batch_journal_t *j = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_batch_journal_open(f->out, f->csv, false, &j, &diags), XBR_OK);
    /* Without resume OUT.partial starts empty, then holds each record as it comes. */
    expect_file(f->partial, "");
    append(j, OK_C, false);
    append(j, BAD_A, true);
    expect_file(f->partial, OK_C BAD_A);
    append(j, OK_B, false);
    assert_false(exists(f->out));
    size_t n_records = 0, n_failed = 0;
    assert_int_equal(xbr_batch_journal_commit(j, &n_records, &n_failed, &diags), XBR_OK);
    assert_int_equal(n_records, 3);
    assert_int_equal(n_failed, 1);
    expect_file(f->out, BAD_A OK_B OK_C);
    assert_false(exists(f->partial));
    expect_file(f->csv, "scenario,status,pairs,late,unserved,total_cost_per_week,mean_days,"
                        "winners,optimize_status,optimize_total_cost_per_week,optimize_gap,error\n"
                        "a,error,,,,,,,,,,a: error: x\n"
                        "b,ok,,,,,,,,,,\n"
                        "c,ok,,,,,,,,,,\n");
    assert_int_equal(diags.count, 0);
    xbr_batch_journal_free(j);
    xbr_diags_destroy(&diags);
}

static void test_resume_keeps_records_cuts_a_torn_line_and_skips(void **state)
{
    files_t *f = *state;
    /* A killed run: OUT from before, OUT.partial with one whole record and a torn one. */
    write_text(f->out, OK_A);
    write_text(f->partial, OK_B TORN_C);
    xbr_batch_journal_t *j = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, true, &j, &diags), XBR_OK);
    expect_file(f->partial, OK_B); /* the torn line is cut off the file */
    const char *paths[] = {"a", "b", "c", "d"};
    xbr_path_list_t list;
    make_list(&list, paths, 4);
    assert_int_equal(xbr_batch_journal_skip(j, &list), 2);
    assert_int_equal(list.n, 2);
    assert_string_equal(list.paths[0], "c");
    assert_string_equal(list.paths[1], "d");
    append(j, OK_C, false);
    append(j, BAD_D, true);
    expect_file(f->partial, OK_B OK_C BAD_D);
    size_t n_records = 0, n_failed = 0;
    assert_int_equal(xbr_batch_journal_commit(j, &n_records, &n_failed, &diags), XBR_OK);
    assert_int_equal(n_records, 4);
    assert_int_equal(n_failed, 1);
    expect_file(f->out, OK_A OK_B OK_C BAD_D);
    assert_false(exists(f->partial));
    assert_false(exists(f->csv));
    xbr_path_list_free(&list);
    xbr_batch_journal_free(j);
    xbr_diags_destroy(&diags);
}

static void test_resume_of_a_finished_run_changes_nothing(void **state)
{
    files_t *f = *state;
    write_text(f->out, OK_A OK_B);
    xbr_batch_journal_t *j = NULL;
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, true, &j, NULL), XBR_OK);
    const char *paths[] = {"a", "b"};
    xbr_path_list_t list;
    make_list(&list, paths, 2);
    assert_int_equal(xbr_batch_journal_skip(j, &list), 2);
    assert_int_equal(list.n, 0);
    size_t n_records = 0, n_failed = 9;
    assert_int_equal(xbr_batch_journal_commit(j, &n_records, &n_failed, NULL), XBR_OK);
    assert_int_equal(n_records, 2);
    assert_int_equal(n_failed, 0);
    expect_file(f->out, OK_A OK_B);
    xbr_path_list_free(&list);
    xbr_batch_journal_free(j);
}

static void test_a_scenario_recorded_twice_is_kept_once_the_first(void **state)
{
    files_t *f = *state;
    /* Gathered shards may hold a scenario twice: the first read (OUT before OUT.partial,
     * earlier lines before later) is kept. */
    write_text(f->out, BAD_A);
    write_text(f->partial, OK_B OK_A OK_B);
    xbr_batch_journal_t *j = NULL;
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, true, &j, NULL), XBR_OK);
    size_t n_records = 0, n_failed = 0;
    assert_int_equal(xbr_batch_journal_commit(j, &n_records, &n_failed, NULL), XBR_OK);
    assert_int_equal(n_records, 2);
    assert_int_equal(n_failed, 1);
    expect_file(f->out, BAD_A OK_B);
    xbr_batch_journal_free(j);
}

static void test_an_uncommitted_journal_leaves_the_partial_file(void **state)
{
    files_t *f = *state;
    xbr_batch_journal_t *j = NULL;
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, false, &j, NULL), XBR_OK);
    append(j, OK_A, false);
    xbr_batch_journal_free(j); /* as after a failed run */
    assert_false(exists(f->out));
    expect_file(f->partial, OK_A);
}

static void test_errors_name_the_file(void **state)
{
    files_t *f = *state;
    xbr_batch_journal_t *j = (xbr_batch_journal_t *)f; /* not NULL: open must reset it */
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    /* OUT.partial in a folder that does not exist cannot be opened. */
    char out[700];
    snprintf(out, sizeof out, "%s/no-such-folder/out.jsonl", f->dir);
    assert_int_equal(xbr_batch_journal_open(out, NULL, false, &j, &diags), XBR_EIO);
    assert_null(j);
    assert_int_equal(diags.n_errors, 1);
    assert_non_null(strstr(diags.items[0].file, "no-such-folder/out.jsonl.partial"));
    /* OUT that is a folder cannot be read on resume. */
    xbr_diags_clear(&diags);
    assert_int_equal(xbr_batch_journal_open(f->dir, NULL, true, &j, &diags), XBR_EIO);
    assert_null(j);
    assert_string_equal(diags.items[0].file, f->dir);
    /* Resume needs a file. */
    xbr_diags_clear(&diags);
    assert_int_equal(xbr_batch_journal_open("-", NULL, true, &j, &diags), XBR_EUSAGE);
    assert_int_equal(xbr_batch_journal_open(NULL, NULL, true, &j, &diags), XBR_EUSAGE);
    assert_null(j);
    xbr_diags_destroy(&diags);
}

static void test_a_partial_file_that_is_a_link_or_fifo_is_refused(void **state)
{
    files_t *f = *state;
    char victim[700];
    snprintf(victim, sizeof victim, "%s/victim.txt", f->dir);
    write_text(victim, "precious\n");
    /* OUT.partial -> victim: opening it would have emptied the victim */
    assert_int_equal(symlink(victim, f->partial), 0);
    xbr_batch_journal_t *j = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, false, &j, &diags), XBR_EIO);
    assert_null(j);
    assert_string_equal(diags.items[0].file, f->partial);
    assert_string_equal(diags.items[0].what, "refusing to write through a symbolic link");
    expect_file(victim, "precious\n");
    struct stat sb;
    assert_int_equal(lstat(f->partial, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    unlink(f->partial);
    unlink(victim);
    /* a FIFO is refused too, at once (no writer or reader will ever come) */
    assert_int_equal(mkfifo(f->partial, 0600), 0);
    xbr_diags_clear(&diags);
    alarm(20);
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, true, &j, &diags), XBR_EIO);
    alarm(0);
    assert_string_equal(diags.items[0].what, "not a regular file");
    xbr_diags_destroy(&diags);
}

static void test_a_second_run_on_the_same_out_fails_at_once(void **state)
{
    files_t *f = *state;
    xbr_batch_journal_t *j = NULL;
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, false, &j, NULL), XBR_OK);
    append(j, OK_A, false);
    /* Another process opens a journal on the same OUT, with and without resume: refused, the
     * holder named, the first run's OUT.partial neither emptied nor cut. (Exit status 0 when
     * all of that held; the child makes no cmocka assertion.) */
    pid_t holder = getpid(), pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char want[64];
        snprintf(want, sizeof want, "(process %ld)", (long)holder);
        int bad = 0;
        for (int resume = 0; resume < 2; resume++) {
            xbr_batch_journal_t *j2 = NULL;
            xbr_diags_t d;
            xbr_diags_init(&d);
            bad |= xbr_batch_journal_open(f->out, NULL, resume, &j2, &d) != XBR_EIO;
            bad |= j2 != NULL || d.count != 1 || strstr(d.items[0].what, want) == NULL;
            xbr_diags_destroy(&d);
        }
        char *text = read_text(f->partial);
        bad |= text == NULL || strcmp(text, OK_A) != 0;
        free(text);
        _exit(bad);
    }
    int status = -1;
    alarm(20);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    alarm(0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    append(j, OK_B, false);
    assert_int_equal(xbr_batch_journal_commit(j, NULL, NULL, NULL), XBR_OK);
    expect_file(f->out, OK_A OK_B);
    xbr_batch_journal_free(j);
    /* once the run is over, the next one may start */
    assert_int_equal(xbr_batch_journal_open(f->out, NULL, true, &j, NULL), XBR_OK);
    xbr_batch_journal_free(j);
}

static void test_stdout_journal_counts_what_it_wrote(void **state)
{
    (void)state;
    /* To standard output without a CSV nothing is kept: the counts are of the records
     * written. (Standard output goes to /dev/null meanwhile.) */
    fflush(stdout);
    int saved = dup(STDOUT_FILENO), null = open("/dev/null", O_WRONLY);
    assert_true(saved >= 0 && null >= 0);
    assert_int_equal(dup2(null, STDOUT_FILENO), STDOUT_FILENO);
    close(null);
    xbr_batch_journal_t *j = NULL;
    assert_int_equal(xbr_batch_journal_open("-", NULL, false, &j, NULL), XBR_OK);
    append(j, OK_B, false);
    append(j, BAD_A, true);
    append(j, OK_B, false);
    size_t n_records = 0, n_failed = 0;
    xbr_status_t st = xbr_batch_journal_commit(j, &n_records, &n_failed, NULL);
    xbr_batch_journal_free(j);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    assert_int_equal(st, XBR_OK);
    assert_int_equal(n_records, 3);
    assert_int_equal(n_failed, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_run_appends_then_commits_sorted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resume_keeps_records_cuts_a_torn_line_and_skips, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_resume_of_a_finished_run_changes_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_scenario_recorded_twice_is_kept_once_the_first,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_uncommitted_journal_leaves_the_partial_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_errors_name_the_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_partial_file_that_is_a_link_or_fifo_is_refused,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_second_run_on_the_same_out_fails_at_once, setup,
                                        teardown),
        cmocka_unit_test(test_stdout_journal_counts_what_it_wrote),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
