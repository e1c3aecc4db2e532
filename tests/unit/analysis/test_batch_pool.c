/*
 * test_batch_pool.c - xbr_batch_run(), the worker pool: records reach the sink in list order
 * whatever the timing, with several workers; a worker that crashes, exits or hangs past the
 * worker timeout costs its task an error record and the run goes on; a sink that fails stops
 * the run; no worker is left behind; the sink's private descriptor is closed in the workers;
 * the progress callback and the progress line.
 *
 * The jobs here are test functions (opts.job), run in the forked workers: the path says what
 * to do. Expected records are written out by hand from the documented record layout.
 */
#include "xbr_test.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "xbroute/batch.h"

/* ---- the test jobs ---- */

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR)
        ;
}

/*
 * Paths "tNN" sleep (12 - NN) x 4 ms, so later tasks tend to finish first, and answer
 * {"scenario":"tNN","pid":PID}; "crash" kills itself with SIGKILL; "exit3" exits with status 3;
 * "hang" waits forever; "fail" answers an error record; "fdN" answers whether descriptor N is
 * open in the worker.
 */
static xbr_status_t test_job(const char *path, const struct xbr_batch_opts *opts, xbr_buf_t *line,
                             bool *failed)
{
    (void)opts;
    *failed = false;
    if (strcmp(path, "crash") == 0)
        raise(SIGKILL);
    if (strcmp(path, "exit3") == 0)
        _exit(3);
    if (strcmp(path, "hang") == 0)
        for (;;)
            pause();
    if (strcmp(path, "fail") == 0) {
        *failed = true;
        return xbr_batch_error_record(path, "fail: error: as asked", line);
    }
    if (strncmp(path, "fd", 2) == 0) {
        int fd = atoi(path + 2);
        xbr_buf_printf(line, "{\"scenario\":\"%s\",\"open\":%s}\n", path,
                       fcntl(fd, F_GETFD) != -1 ? "true" : "false");
        return XBR_OK;
    }
    if (path[0] == 't')
        sleep_ms(4 * (12 - atoi(path + 1)));
    xbr_buf_printf(line, "{\"scenario\":\"%s\",\"pid\":%ld}\n", path, (long)getpid());
    return XBR_OK;
}

/* ---- a sink that keeps what it gets ---- */

typedef struct {
    xbr_buf_t text;     /* the records, in the order received */
    size_t n, n_failed; /* records received, and of failed tasks */
    size_t stop_after;  /* put() fails (XBR_EIO) on record number stop_after; 0: never */
    size_t n_progress, last_done, last_total, n_final;
    xbr_diags_t diags; /* the run's */
} kept_t;

static xbr_status_t keep_put(void *ctx, const char *line, size_t len, bool failed)
{
    kept_t *k = ctx;
    k->n++;
    k->n_failed += failed;
    xbr_buf_append(&k->text, line, len);
    return k->stop_after > 0 && k->n == k->stop_after ? XBR_EIO : XBR_OK;
}

static void keep_progress(void *ctx, size_t done, size_t total, double elapsed_s, bool final)
{
    kept_t *k = ctx;
    assert_true(done >= k->last_done); /* never backwards */
    assert_true(elapsed_s >= 0.0);
    k->n_progress++;
    k->last_done = done;
    k->last_total = total;
    k->n_final += final;
}

/* A list of the given paths (in this order: the pool does not sort). */
static void make_list(xbr_path_list_t *list, const char *const *paths, size_t n)
{
    xbr_path_list_init(list);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(xbr_path_list_add(list, paths[i]), XBR_OK);
}

/* Runs `paths` over `jobs` workers into `k`; returns the run's status. */
static xbr_status_t run(const char *const *paths, size_t n, size_t jobs, double timeout_s,
                        kept_t *k)
{
    xbr_path_list_t list;
    make_list(&list, paths, n);
    xbr_batch_opts_t opts;
    xbr_batch_opts_init(&opts);
    opts.jobs = jobs;
    opts.worker_timeout_s = timeout_s;
    opts.job = test_job;
    xbr_batch_sink_t sink = {keep_put, k, -1, keep_progress, k};
    xbr_status_t st = xbr_batch_run(&list, &opts, &sink, &k->diags);
    xbr_path_list_free(&list);
    return st;
}

static void kept_init(kept_t *k)
{
    memset(k, 0, sizeof *k);
    xbr_buf_init(&k->text);
    xbr_diags_init(&k->diags);
}

/* No child of this process is left (running or a zombie). */
static void assert_no_children(void)
{
    errno = 0;
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
}

/* The end of a test's run: no worker is left behind; frees `k`. */
static void kept_destroy(kept_t *k)
{
    assert_no_children();
    xbr_buf_destroy(&k->text);
    xbr_diags_destroy(&k->diags);
}

/* Splits `text` into its lines (the '\n's replaced by NULs); returns how many. */
static size_t split_lines(char *text, char **lines, size_t max)
{
    size_t n = 0;
    for (char *p = text; *p && n < max; n++) {
        lines[n] = p;
        char *nl = strchr(p, '\n');
        assert_non_null(nl);
        *nl = '\0';
        p = nl + 1;
    }
    return n;
}

/* The pid in `line`, the test job's answer for `path` (asserted). */
static long answer_pid(const char *line, const char *path)
{
    char name[16] = "";
    long pid = 0;
    assert_int_equal(sscanf(line, "{\"scenario\":\"%15[^\"]\",\"pid\":%ld}", name, &pid), 2);
    assert_string_equal(name, path);
    assert_true(pid > 0 && pid != (long)getpid());
    return pid;
}

/* ---- tests ---- */

static void test_records_in_list_order_over_several_workers(void **state)
{
    (void)state;
    const char *paths[] = {"t00", "t01", "t02", "t03", "t04", "t05",
                           "t06", "t07", "t08", "t09", "t10", "t11"};
    kept_t k;
    kept_init(&k);
    assert_int_equal(run(paths, 12, 3, 0.0, &k), XBR_OK);
    assert_int_equal(k.n, 12);
    assert_int_equal(k.n_failed, 0);
    char *lines[16];
    assert_int_equal(split_lines(k.text.data, lines, 16), 12);
    long pids[12];
    for (size_t i = 0; i < 12; i++)
        pids[i] = answer_pid(lines[i], paths[i]);
    /* Each of the 3 workers is first handed 2 tasks (t00-t05): 3 different processes. */
    assert_true(pids[0] != pids[2] && pids[0] != pids[4] && pids[2] != pids[4]);
    /* Progress: at the end, once, with all done. */
    assert_int_equal(k.n_final, 1);
    assert_int_equal(k.last_done, 12);
    assert_int_equal(k.last_total, 12);
    kept_destroy(&k);
}

static void test_dead_workers_cost_their_task_an_error_record(void **state)
{
    (void)state;
    const char *paths[] = {"t00", "crash", "t02", "exit3", "fail", "t05", "crash", "t07"};
    kept_t k;
    kept_init(&k);
    assert_int_equal(run(paths, 8, 2, 0.0, &k), XBR_OK);
    assert_int_equal(k.n, 8);
    assert_int_equal(k.n_failed, 4);
    char *lines[16];
    assert_int_equal(split_lines(k.text.data, lines, 16), 8);
    assert_string_equal(lines[1], "{\"scenario\":\"crash\",\"status\":\"error\",\"error\":\"crash: "
                                  "error: worker process killed by signal 9\",\"compare\":null,"
                                  "\"optimize\":null}");
    assert_string_equal(lines[3], "{\"scenario\":\"exit3\",\"status\":\"error\",\"error\":\"exit3: "
                                  "error: worker process exited with status 3\",\"compare\":null,"
                                  "\"optimize\":null}");
    assert_string_equal(lines[4], "{\"scenario\":\"fail\",\"status\":\"error\",\"error\":\"fail: "
                                  "error: as asked\",\"compare\":null,\"optimize\":null}");
    assert_string_equal(lines[1], lines[6]);
    const size_t good[] = {0, 2, 5, 7};
    for (size_t g = 0; g < 4; g++)
        answer_pid(lines[good[g]], paths[good[g]]);
    kept_destroy(&k);
}

static void test_a_hung_worker_is_stopped_at_the_timeout(void **state)
{
    (void)state;
    const char *paths[] = {"t10", "hang", "t11", "t09"};
    kept_t k;
    kept_init(&k);
    alarm(60); /* a hang fails the test instead of blocking it */
    assert_int_equal(run(paths, 4, 2, 0.25, &k), XBR_OK);
    alarm(0);
    assert_int_equal(k.n, 4);
    assert_int_equal(k.n_failed, 1);
    char *lines[8];
    assert_int_equal(split_lines(k.text.data, lines, 8), 4);
    assert_string_equal(lines[1], "{\"scenario\":\"hang\",\"status\":\"error\",\"error\":\"hang: "
                                  "error: worker process stopped after 0.25 s\",\"compare\":null,"
                                  "\"optimize\":null}");
    answer_pid(lines[0], "t10");
    answer_pid(lines[2], "t11");
    answer_pid(lines[3], "t09");
    kept_destroy(&k);
}

static void test_a_failing_sink_stops_the_run(void **state)
{
    (void)state;
    const char *paths[] = {"t11", "t11", "t11", "t11", "t11", "t11", "t11", "t11"};
    kept_t k;
    kept_init(&k);
    k.stop_after = 3;
    assert_int_equal(run(paths, 8, 2, 0.0, &k), XBR_EIO);
    assert_int_equal(k.n, 3);
    kept_destroy(&k);
}

static void test_private_fd_is_closed_in_workers(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/xbr-pool-XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(tmpl));
    char file[600];
    snprintf(file, sizeof file, "%s/private", tmpl);
    int fd = open(file, O_RDWR | O_CREAT, 0600);
    int other = open(file, O_RDONLY);
    assert_true(fd >= 0 && other >= 0);
    char p1[16], p2[16];
    snprintf(p1, sizeof p1, "fd%d", fd);
    snprintf(p2, sizeof p2, "fd%d", other);
    const char *paths[] = {p1, p2};
    xbr_path_list_t list;
    make_list(&list, paths, 2);
    xbr_batch_opts_t opts;
    xbr_batch_opts_init(&opts);
    opts.jobs = 1;
    opts.job = test_job;
    kept_t k;
    kept_init(&k);
    xbr_batch_sink_t sink = {keep_put, &k, fd, NULL, NULL};
    assert_int_equal(xbr_batch_run(&list, &opts, &sink, NULL), XBR_OK);
    char want[128];
    snprintf(want, sizeof want,
             "{\"scenario\":\"%s\",\"open\":false}\n"
             "{\"scenario\":\"%s\",\"open\":true}\n",
             p1, p2);
    assert_string_equal(k.text.data, want);
    assert_true(fcntl(fd, F_GETFD) != -1); /* still open here */
    close(fd);
    close(other);
    unlink(file);
    rmdir(tmpl);
    xbr_path_list_free(&list);
    kept_destroy(&k);
}

static void test_empty_list_and_bad_jobs(void **state)
{
    (void)state;
    kept_t k;
    kept_init(&k);
    /* Nothing to do: no worker, no record, the final progress with 0 of 0. */
    assert_int_equal(run(NULL, 0, 4, 0.0, &k), XBR_OK);
    assert_int_equal(k.n, 0);
    assert_int_equal(k.n_final, 1);
    assert_int_equal(k.last_total, 0);
    const char *paths[] = {"t11"};
    assert_int_equal(run(paths, 1, 0, 0.0, &k), XBR_EUSAGE);
    assert_int_equal(run(paths, 1, XBR_BATCH_MAX_JOBS + 1, 0.0, &k), XBR_EUSAGE);
    assert_int_equal(k.diags.n_errors, 2);
    assert_int_equal(k.n, 0);
    kept_destroy(&k);
}

/* The progress line of done/total after elapsed_s is `want`. */
static void expect_progress(size_t done, size_t total, double elapsed_s, const char *want)
{
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_batch_progress_text(&b, done, total, elapsed_s);
    assert_non_null(b.data);
    assert_string_equal(b.data, want);
    xbr_buf_destroy(&b);
}

static void test_progress_text(void **state)
{
    (void)state;
    /* Bars of 30 characters: 30 x done / total '#', rounded down. Nothing done yet: rate 0, no
     * ETA. */
    expect_progress(0, 10, 0.0, "[..............................] 0/10  0.0/s  ETA --:-- ");
    /* 5 of 10 in 10 s: 0.5/s, 15 '#', 5 left / 0.5 per s = 10 s. */
    expect_progress(5, 10, 10.0, "[###############...............] 5/10  0.5/s  ETA 0:10 ");
    /* 3 of 1000 in 1 s: 3.0/s, 0 '#', 997 / 3 = 332.3 s = 5 min 32 s. */
    expect_progress(3, 1000, 1.0, "[..............................] 3/1000  3.0/s  ETA 5:32 ");
    /* All done (also 0 of 0): a full bar and 0:00. */
    expect_progress(8, 8, 4.0, "[##############################] 8/8  2.0/s  ETA 0:00 ");
    expect_progress(0, 0, 0.0, "[##############################] 0/0  0.0/s  ETA 0:00 ");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records_in_list_order_over_several_workers),
        cmocka_unit_test(test_dead_workers_cost_their_task_an_error_record),
        cmocka_unit_test(test_a_hung_worker_is_stopped_at_the_timeout),
        cmocka_unit_test(test_a_failing_sink_stops_the_run),
        cmocka_unit_test(test_private_fd_is_closed_in_workers),
        cmocka_unit_test(test_empty_list_and_bad_jobs),
        cmocka_unit_test(test_progress_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
