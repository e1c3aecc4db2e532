/*
 * batch_pool.c - xbr_batch_run(): one job per path over a pool of worker processes, the
 * records handed to a sink in list order (xbroute/batch.h).
 *
 * Processes, not threads: Debian's igraph keeps its error state per process (built without
 * thread-local storage). Each worker is a fork() of this process with two pipes: the parent
 * writes a task (an index into the list) to one, the worker answers on the other with the
 * index, the record's length, whether it failed, and the record. The parent hands the next
 * task to whichever worker answers, keeps answers that arrive early, and gives records to the
 * sink strictly in list order, so the output does not depend on the number of workers or on
 * timing. A worker that dies (a crash in one scenario), or that the parent kills for running
 * one scenario longer than the worker timeout, costs that scenario an error record and is
 * replaced; the tasks it had not started go to another worker.
 *
 * Invariants: a worker holds at most DEPTH tasks, answered oldest first; slot i of `lines` is
 * filled exactly once (by an answer or an error record) and handed on once next_write reaches
 * it. Times are seconds of CLOCK_MONOTONIC.
 */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "xbroute/batch.h"

/* Tasks a worker may hold at once: 2, so that it starts the next scenario while the parent
 * writes and fsyncs the previous record. */
#define DEPTH 2

/* ---- pipes ------------------------------------------------------------------------------- */

/* Writes all `len` bytes; 0, or -1 with errno. */
static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Reads exactly `len` bytes; returns 1, 0 at end of file before any byte, -1 on error or a
 * short read. */
static int read_all(int fd, void *data, size_t len)
{
    char *p = data;
    size_t got = 0;
    while (got < len) {
        ssize_t r = read(fd, p + got, len - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            return got == 0 ? 0 : -1;
        got += (size_t)r;
    }
    return 1;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* ---- the pool's state ---------------------------------------------------------------------- */

typedef struct {
    pid_t pid;           /* -1: no process in this slot */
    int task_fd;         /* parent writes task indices */
    int result_fd;       /* parent reads answers */
    size_t queue[DEPTH]; /* the task indices sent to it and not answered yet, oldest first */
    size_t n_queue;
    double started; /* when it started queue[0] (the time it was sent or the previous answered) */
    bool timed_out; /* killed by the parent for passing the worker timeout ... */
    size_t killed;  /* ... while running this task */
} worker_t;

/* What a worker sends before a record. */
typedef struct {
    uint64_t index;
    uint64_t len; /* 0: no record (the job ran out of memory) */
    uint64_t failed;
} answer_t;

typedef struct {
    const xbr_path_list_t *list; /* the tasks */
    const xbr_batch_opts_t *opts;
    xbr_batch_job_fn job;
    const xbr_batch_sink_t *sink;
    xbr_diags_t *diags;
    worker_t workers[XBR_BATCH_MAX_JOBS];
    size_t n_workers;
    char **lines; /* finished records not yet handed on, by task */
    size_t *lens;
    bool *failed;
    size_t next_send, next_write;
    size_t retry[XBR_BATCH_MAX_JOBS * DEPTH]; /* tasks of dead workers, to send again */
    size_t n_retry;
    double start, last_progress; /* when the run started, and progress was last reported */
    xbr_status_t st;
} pool_t;

/* Records a pool-level problem as a diagnostic of `severity`, naming the system error. */
static void pool_diag(pool_t *pool, xbr_severity_t severity, const char *what, int err)
{
    if (pool->diags != NULL)
        xbr_diags_add(pool->diags, severity, NULL, 0, 0, NULL, NULL, what, strerror(err));
}

/* ---- workers ------------------------------------------------------------------------------- */

/* A worker's life: runs the job on each task index read until end of file; never returns. */
static void worker_main(const pool_t *pool, int task_fd, int result_fd)
{
    uint64_t index;
    while (read_all(task_fd, &index, sizeof index) == 1 && index < pool->list->n) {
        xbr_buf_t line;
        xbr_buf_init(&line);
        bool failed = false;
        xbr_status_t st = pool->job(pool->list->paths[index], pool->opts, &line, &failed);
        answer_t a = {index, st == XBR_OK && !line.failed ? line.len : 0, failed};
        int bad = write_all(result_fd, &a, sizeof a) != 0 ||
                  (a.len > 0 && write_all(result_fd, line.data, line.len) != 0);
        xbr_buf_destroy(&line);
        if (bad)
            break;
    }
    _exit(0);
}

static void close_pair(int fds[2])
{
    close(fds[0]);
    close(fds[1]);
}

/* In a new worker of slot k: keeps only its own pipe ends, so that the other workers see end
 * of file when the parent closes theirs, and drops the sink's private descriptor. */
static void worker_close_others(const pool_t *pool, size_t k)
{
    for (size_t i = 0; i < pool->n_workers; i++)
        if (i != k && pool->workers[i].pid > 0) {
            close(pool->workers[i].task_fd);
            close(pool->workers[i].result_fd);
        }
    if (pool->sink->private_fd >= 0)
        close(pool->sink->private_fd);
}

/* Starts worker slot k; returns 0 or -1 (errno). */
static int spawn(pool_t *pool, size_t k)
{
    int task[2], result[2];
    if (pipe(task) != 0)
        return -1;
    if (pipe(result) != 0) {
        close_pair(task);
        return -1;
    }
    fflush(stdout); /* nothing buffered is written twice */
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close_pair(task);
        close_pair(result);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        worker_close_others(pool, k);
        close(task[1]);
        close(result[0]);
        worker_main(pool, task[0], result[1]);
    }
    close(task[0]);
    close(result[1]);
    pool->workers[k] = (worker_t){pid, task[1], result[0], {0}, 0, 0.0, false, 0};
    return 0;
}

/* Stops worker k (closing its pipes ends its loop) and waits for it; returns its wait status. */
static int reap(pool_t *pool, size_t k)
{
    worker_t *w = &pool->workers[k];
    int status = 0;
    if (w->pid <= 0)
        return 0;
    close(w->task_fd);
    close(w->result_fd);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    w->pid = -1;
    return status;
}

/* Starts min(jobs, n) workers; XBR_OK when at least one runs (the others are warnings). */
static xbr_status_t start_workers(pool_t *pool)
{
    size_t jobs = pool->opts->jobs < pool->list->n ? pool->opts->jobs : pool->list->n;
    for (size_t k = 0; k < jobs; k++) {
        pool->workers[k].pid = -1;
        if (spawn(pool, k) != 0) {
            pool_diag(pool, k == 0 ? XBR_SEV_ERROR : XBR_SEV_WARNING, "cannot start a worker",
                      errno);
            return k == 0 ? XBR_EINTERNAL : XBR_OK;
        }
        pool->n_workers = k + 1;
    }
    return XBR_OK;
}

/* ---- tasks and answers --------------------------------------------------------------------- */

/* Hands out tasks (those of dead workers first) until each live worker holds DEPTH. */
static void hand_out(pool_t *pool)
{
    for (size_t k = 0; k < pool->n_workers; k++) {
        worker_t *w = &pool->workers[k];
        while (w->pid > 0 && w->n_queue < DEPTH &&
               (pool->n_retry > 0 || pool->next_send < pool->list->n)) {
            size_t task = pool->n_retry > 0 ? pool->retry[pool->n_retry - 1] : pool->next_send;
            uint64_t idx = task;
            if (write_all(w->task_fd, &idx, sizeof idx) != 0)
                break; /* dead: its result pipe reports end of file */
            if (pool->n_retry > 0)
                pool->n_retry--;
            else
                pool->next_send++;
            if (w->n_queue == 0)
                w->started = now_s();
            w->queue[w->n_queue++] = task;
        }
    }
}

/* The error message of a worker that died with wait status `status`. */
static void death_text(const pool_t *pool, const worker_t *w, int status, char *buf, size_t size)
{
    if (w->timed_out)
        snprintf(buf, size, "worker process stopped after %g s", pool->opts->worker_timeout_s);
    else if (WIFSIGNALED(status))
        snprintf(buf, size, "worker process killed by signal %d", WTERMSIG(status));
    else
        snprintf(buf, size, "worker process exited with status %d",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* Puts the error record of task `task`, whose worker died with `what`, in its slot. */
static void crash_record(pool_t *pool, size_t task, const char *what)
{
    const char *path = pool->list->paths[task];
    xbr_buf_t msg, line;
    xbr_buf_init(&msg);
    xbr_buf_init(&line);
    xbr_buf_printf(&msg, "%s: error: %s", path, what);
    if (msg.failed || xbr_batch_error_record(path, msg.data, &line) != XBR_OK) {
        xbr_buf_destroy(&line);
        pool->st = XBR_ENOMEM;
    } else {
        pool->lines[task] = line.data; /* taken */
        pool->lens[task] = line.len;
        pool->failed[task] = true;
    }
    xbr_buf_destroy(&msg);
}

/*
 * Worker k is dead (or confused): reaps it, gives the task it was running an error record,
 * queues the ones it had not started for another worker, and starts a new one in its slot. A
 * worker killed for the timeout whose slow task was answered meanwhile has all its tasks run
 * again instead.
 */
static void bury(pool_t *pool, size_t k)
{
    worker_t was = pool->workers[k];
    int status = reap(pool, k);
    size_t first_retry = 0;
    if (was.n_queue > 0 && !(was.timed_out && was.queue[0] != was.killed)) {
        char what[128];
        death_text(pool, &was, status, what, sizeof what);
        crash_record(pool, was.queue[0], what);
        first_retry = 1;
    }
    for (size_t q = was.n_queue; q > first_retry; q--)
        pool->retry[pool->n_retry++] = was.queue[q - 1];
    if (pool->st == XBR_OK && spawn(pool, k) != 0)
        pool_diag(pool, XBR_SEV_WARNING, "cannot restart a worker", errno);
}

/* Reads one answer of worker k into its task's slot; false when the worker is dead or its
 * answer makes no sense (a worker out of memory, a confused answer). */
static bool take_answer(pool_t *pool, size_t k)
{
    worker_t *w = &pool->workers[k];
    answer_t ans;
    if (read_all(w->result_fd, &ans, sizeof ans) != 1 || w->n_queue == 0 ||
        ans.index != (uint64_t)w->queue[0] || ans.len == 0)
        return false;
    char *line = malloc((size_t)ans.len);
    if (line == NULL || read_all(w->result_fd, line, (size_t)ans.len) != 1) {
        free(line);
        return false;
    }
    size_t idx = w->queue[0];
    pool->lines[idx] = line;
    pool->lens[idx] = (size_t)ans.len;
    pool->failed[idx] = ans.failed != 0;
    memmove(w->queue, w->queue + 1, (w->n_queue - 1) * sizeof *w->queue);
    w->n_queue--;
    w->started = now_s();
    return true;
}

/* Kills the workers whose current task has run past the worker timeout; returns the poll()
 * timeout in milliseconds until the next one could (-1: none). */
static int check_timeouts(pool_t *pool)
{
    double limit = pool->opts->worker_timeout_s, t = now_s(), next = INFINITY;
    if (!(limit > 0.0))
        return -1;
    for (size_t k = 0; k < pool->n_workers; k++) {
        worker_t *w = &pool->workers[k];
        if (w->pid <= 0 || w->n_queue == 0 || w->timed_out)
            continue;
        double left = w->started + limit - t;
        if (left <= 0.0) {
            w->timed_out = true;
            w->killed = w->queue[0];
            kill(w->pid, SIGKILL); /* its pipe then reports end of file */
        } else if (left < next) {
            next = left;
        }
    }
    return isfinite(next) ? (int)ceil(next * 1000.0) : -1;
}

/* Waits for answers and takes them (or buries their workers). */
static void collect(pool_t *pool)
{
    struct pollfd fds[XBR_BATCH_MAX_JOBS];
    size_t map[XBR_BATCH_MAX_JOBS], nf = 0;
    int timeout_ms = check_timeouts(pool);
    for (size_t k = 0; k < pool->n_workers; k++)
        if (pool->workers[k].pid > 0) {
            fds[nf] = (struct pollfd){pool->workers[k].result_fd, POLLIN, 0};
            map[nf++] = k;
        }
    if (nf == 0) {
        pool_diag(pool, XBR_SEV_ERROR, "no worker process left", ECHILD);
        pool->st = XBR_EINTERNAL;
        return;
    }
    if (poll(fds, (nfds_t)nf, timeout_ms) < 0) {
        if (errno != EINTR) {
            pool_diag(pool, XBR_SEV_ERROR, "cannot wait for the workers", errno);
            pool->st = XBR_EINTERNAL;
        }
        return;
    }
    for (size_t f = 0; f < nf && pool->st == XBR_OK; f++)
        if ((fds[f].revents & (POLLIN | POLLHUP | POLLERR)) && !take_answer(pool, map[f]))
            bury(pool, map[f]);
}

/* Calls the sink's progress callback, at most every 0.1 s unless `final`. */
static void report_progress(pool_t *pool, bool final)
{
    const xbr_batch_sink_t *sink = pool->sink;
    double t = now_s();
    if (sink->progress == NULL || (!final && t - pool->last_progress < 0.1))
        return;
    pool->last_progress = t;
    sink->progress(sink->progress_ctx, pool->next_write, pool->list->n, t - pool->start, final);
}

/* Hands the records that are ready to the sink, in list order. */
static void hand_on(pool_t *pool)
{
    const xbr_batch_sink_t *sink = pool->sink;
    size_t n = pool->list->n;
    while (pool->st == XBR_OK && pool->next_write < n && pool->lines[pool->next_write] != NULL) {
        size_t i = pool->next_write++;
        pool->st = sink->put(sink->ctx, pool->lines[i], pool->lens[i], pool->failed[i]);
        free(pool->lines[i]);
        pool->lines[i] = NULL;
        report_progress(pool, false);
    }
}

/* ---- progress ------------------------------------------------------------------------------ */

void xbr_batch_progress_text(xbr_buf_t *out, size_t done, size_t total, double elapsed_s)
{
    double rate = elapsed_s > 0 ? (double)done / elapsed_s : 0.0;
    char bar[31], eta[32] = "--:--";
    size_t fill = total ? 30 * done / total : 30;
    for (size_t i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[30] = '\0';
    if (rate > 0 && done < total) {
        long s = lround((double)(total - done) / rate);
        snprintf(eta, sizeof eta, "%ld:%02ld", s / 60, s % 60);
    } else if (done >= total) {
        snprintf(eta, sizeof eta, "0:00");
    }
    xbr_buf_printf(out, "[%s] %zu/%zu  %.1f/s  ETA %s ", bar, done, total, rate, eta);
}

/* ---- the run ------------------------------------------------------------------------------- */

/* The pool loop: starts the workers, then hands out tasks, collects answers and hands records
 * on until every record is out or something fails. */
static void run_pool(pool_t *pool)
{
    size_t n = pool->list->n;
    pool->st = start_workers(pool);
    if (pool->st != XBR_OK)
        return;
    while (pool->st == XBR_OK && pool->next_write < n) {
        hand_out(pool);
        collect(pool);
        hand_on(pool);
    }
    report_progress(pool, true);
}

xbr_status_t xbr_batch_run(const xbr_path_list_t *list, const xbr_batch_opts_t *opts,
                           const xbr_batch_sink_t *sink, xbr_diags_t *diags)
{
    xbr_batch_opts_t defaults;
    if (opts == NULL) {
        xbr_batch_opts_init(&defaults);
        opts = &defaults;
    }
    if (opts->jobs < 1 || opts->jobs > XBR_BATCH_MAX_JOBS) {
        char range[32];
        snprintf(range, sizeof range, "1 to %d", XBR_BATCH_MAX_JOBS);
        if (diags != NULL)
            xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, "jobs",
                          "the number of worker processes is out of range", range);
        return XBR_EUSAGE;
    }
    size_t n = list->n;
    pool_t *pool = calloc(1, sizeof *pool); /* workers' pids 0: no process */
    if (pool == NULL)
        return XBR_ENOMEM;
    pool->list = list;
    pool->opts = opts;
    pool->sink = sink;
    pool->diags = diags;
    pool->start = now_s();
    pool->job = opts->job != NULL ? opts->job : xbr_batch_record;
    pool->lines = calloc(n ? n : 1, sizeof *pool->lines);
    pool->lens = calloc(n ? n : 1, sizeof *pool->lens);
    pool->failed = calloc(n ? n : 1, sizeof *pool->failed);
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old_pipe;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old_pipe); /* a dead worker's pipe must not kill us */
    xbr_status_t st = XBR_ENOMEM;
    if (pool->lines != NULL && pool->lens != NULL && pool->failed != NULL) {
        run_pool(pool);
        st = pool->st;
    }
    for (size_t k = 0; k < pool->n_workers; k++) {
        if (st != XBR_OK && pool->workers[k].pid > 0)
            kill(pool->workers[k].pid, SIGKILL); /* stopped early: their work is not wanted */
        reap(pool, k);
    }
    sigaction(SIGPIPE, &old_pipe, NULL);
    for (size_t i = 0; pool->lines != NULL && i < n; i++)
        free(pool->lines[i]);
    free(pool->lines);
    free(pool->lens);
    free(pool->failed);
    free(pool);
    return st;
}
