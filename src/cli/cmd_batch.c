/*
 * cmd_batch.c - `xbroute batch PATH...`: one summary record per scenario, for thousands of
 * scenarios, over a pool of worker processes, shardable across machines and resumable after a
 * kill.
 *
 * Processes, not threads: Debian's igraph keeps its error state per process (built without
 * thread-local storage). Each worker is a fork() of this process with two pipes: the parent
 * writes a task (an index into the list) to one, the worker answers on the other with the
 * index, the record's length, whether it failed, and the record. The parent hands the next
 * task to whichever worker answers, keeps answers that arrive early, and writes records
 * strictly in list order, so the output does not depend on --jobs or on timing. A worker that
 * dies (a crash in one scenario) costs that scenario an error record and is replaced.
 *
 * Durability: with --out FILE each record, in list order, is appended to FILE.partial and
 * fsync'ed before the next; at the end FILE.partial's records and the earlier ones (--resume)
 * are sorted by scenario path into FILE, written whole through a temporary file and rename,
 * then FILE.partial is removed. A run killed at any point therefore leaves FILE as it was and
 * FILE.partial holding a prefix of the records (its last line possibly cut, which is dropped);
 * --resume skips every scenario recorded in either and appends the rest.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "xbroute/batch.h"

#define MAX_JOBS 256
/* Tasks a worker may hold at once: 2, so that it starts the next scenario while the parent
 * writes and fsyncs the previous record. */
#define DEPTH 2

static void help(void)
{
    printf(
        "Usage: xbroute batch PATH... [--jobs N] [--out FILE.jsonl] [--csv FILE] [--shard I/N]\n"
        "                     [--resume] [--no-optimize] [--time-limit S]\n\n"
        "Runs compare (and optimize) on every scenario named or found under the folders\n"
        "(recursively: every *.json file except *.schema.json and networks), in the order of\n"
        "their paths, and writes one line of JSON per scenario: scenario, status (ok or error),\n"
        "error (the first diagnostic), a compare summary (pairs, late, unserved, winners by\n"
        "class, total weekly landed cost of the winners, demand-weighted mean days) and an\n"
        "optimize summary (status, total cost per week, gap). A scenario that fails gets an\n"
        "error record and the others go on. The output is the same bytes for any --jobs.\n\n"
        "Options:\n"
        "  --jobs N         worker processes (default: the number of processors)\n"
        "  --out FILE       write the records to FILE (default: stdout). Records are appended\n"
        "                   to FILE.partial as they complete; FILE is replaced at the end\n"
        "  --csv FILE       also write a CSV summary, one row per scenario\n"
        "  --shard I/N      only the scenarios at positions I, I+N, I+2N ... (1-based) of the\n"
        "                   sorted list: N runs with I = 1..N cover the list exactly once\n"
        "  --resume         with --out: keep the records already in FILE and FILE.partial\n"
        "                   (e.g. after a kill) and run only the scenarios they lack\n"
        "  --no-optimize    skip the optimizer (\"optimize\": null)\n"
        "  --time-limit S   the optimizer's time limit per scenario in seconds (default none;\n"
        "                   a limit that is reached makes results depend on machine speed)\n\n"
        "A progress bar (done/total, rate, ETA) goes to stderr when it is a terminal.\n\n"
        "Shards side by side (GNU Parallel), then merged: the shards' records gathered into\n"
        "ALL.partial and --resume, which finds nothing left to run and writes them sorted:\n"
        "  parallel xbroute batch DIR --jobs 1 --shard {}/4 --out out.{}.jsonl ::: 1 2 3 4\n"
        "  cat out.*.jsonl > all.jsonl.partial && xbroute batch DIR --resume --out all.jsonl\n"
        "(name DIR the same way in every run: records are matched by path as written).\n"
        "Exit codes: 0 every scenario ok, 1 usage, 2 some scenario failed or a file could not\n"
        "be read or written, 4 internal error.\n");
}

/* ---- small I/O helpers ----------------------------------------------------------------------- */

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

/* Reads a whole file into a new NUL-terminated buffer; *data NULL and 0 when it does not
 * exist. Returns 0, or -1 with errno. */
static int slurp(const char *path, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return errno == ENOENT ? 0 : -1;
    xbr_buf_t b;
    xbr_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        xbr_buf_append(&b, chunk, n);
    int err = ferror(f) ? EIO : b.failed ? ENOMEM : 0;
    fclose(f);
    if (err) {
        xbr_buf_free(&b);
        errno = err;
        return -1;
    }
    *data = b.data;
    *len = b.len;
    return 0;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* ---- records kept by the parent -------------------------------------------------------------- */

typedef struct {
    char *scenario; /* the record's "scenario" */
    char *line;     /* the record with its '\n' */
    size_t len;
    bool failed;
} record_t;

typedef struct {
    record_t *items;
    size_t n, cap;
} records_t;

static void records_free(records_t *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].scenario);
        free(r->items[i].line);
    }
    free(r->items);
    r->items = NULL;
    r->n = r->cap = 0;
}

/* Appends a copy of the record in line[0..len) ('\n' not included); returns 0, 1 when the line
 * is not a record (skipped), -1 out of memory. */
static int records_add(records_t *r, const char *line, size_t len)
{
    char *scenario = NULL;
    bool failed = false;
    xbr_status_t st = xbr_batch_record_parse(line, len, &scenario, &failed);
    if (st == XBR_EINPUT)
        return 1;
    if (st != XBR_OK)
        return -1;
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 256;
        record_t *p = realloc(r->items, cap * sizeof *p);
        if (p == NULL) {
            free(scenario);
            return -1;
        }
        r->items = p;
        r->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        free(scenario);
        return -1;
    }
    memcpy(copy, line, len);
    copy[len] = '\n';
    r->items[r->n++] = (record_t){scenario, copy, len + 1, failed};
    return 0;
}

/* Adds every complete record line of text[0..len); a last line without '\n' (cut by a kill) is
 * ignored. Returns the length of the complete lines, or (size_t)-1 out of memory. */
static size_t records_add_text(records_t *r, const char *text, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '\n')
            continue;
        if (records_add(r, text + start, i - start) < 0)
            return (size_t)-1;
        start = i + 1;
    }
    return start;
}

static int cmp_records(const void *a, const void *b)
{
    const record_t *x = a, *y = b;
    int c = strcmp(x->scenario, y->scenario);
    /* Equal paths: keep the earlier (the lower address: qsort is not stable). */
    return c != 0 ? c : (x < y ? -1 : x > y);
}

static bool recorded(const records_t *sorted, const char *path)
{
    size_t lo = 0, hi = sorted->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(sorted->items[mid].scenario, path);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* ---- the worker pool ------------------------------------------------------------------------- */

typedef struct {
    pid_t pid;
    int task_fd;       /* parent writes task indices */
    int result_fd;     /* parent reads answers */
    long queue[DEPTH]; /* the task indices sent to it and not answered yet, oldest first */
    size_t n_queue;
} worker_t;

typedef struct {
    uint64_t index;
    uint64_t len;
    uint64_t failed;
} answer_t;

typedef struct {
    const char *const *paths; /* the tasks */
    size_t n;
    const xbr_batch_opts_t *opts;
    worker_t workers[MAX_JOBS];
    size_t n_workers;
    int keep_fd; /* the parent's output file, closed in workers; -1 */
} pool_t;

static void worker_main(const pool_t *pool, int task_fd, int result_fd)
{
    uint64_t index;
    while (read_all(task_fd, &index, sizeof index) == 1 && index < pool->n) {
        xbr_buf_t line;
        xbr_buf_init(&line);
        bool failed = false;
        xbr_status_t st = xbr_batch_record(pool->paths[index], pool->opts, &line, &failed);
        answer_t a = {index, st == XBR_OK ? line.len : 0, failed};
        int bad = write_all(result_fd, &a, sizeof a) != 0 ||
                  (a.len > 0 && write_all(result_fd, line.data, line.len) != 0);
        xbr_buf_free(&line);
        if (bad)
            break;
    }
    _exit(0);
}

/* Starts worker slot k; returns 0 or -1 (errno). */
static int spawn(pool_t *pool, size_t k)
{
    int task[2], result[2];
    if (pipe(task) != 0)
        return -1;
    if (pipe(result) != 0) {
        close(task[0]);
        close(task[1]);
        return -1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(task[0]);
        close(task[1]);
        close(result[0]);
        close(result[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        /* The child keeps only its own ends, so the other workers see end of file. */
        for (size_t i = 0; i < pool->n_workers; i++)
            if (i != k && pool->workers[i].pid > 0) {
                close(pool->workers[i].task_fd);
                close(pool->workers[i].result_fd);
            }
        if (pool->keep_fd >= 0)
            close(pool->keep_fd);
        close(task[1]);
        close(result[0]);
        worker_main(pool, task[0], result[1]);
    }
    close(task[0]);
    close(result[1]);
    pool->workers[k] = (worker_t){pid, task[1], result[0], {0}, 0};
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

/* A record for a scenario whose worker died. */
static char *crash_record(const char *path, int status, size_t *len)
{
    char what[128];
    if (WIFSIGNALED(status))
        snprintf(what, sizeof what, "worker process killed by signal %d", WTERMSIG(status));
    else
        snprintf(what, sizeof what, "worker process exited with status %d",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    xbr_buf_t b;
    xbr_buf_init(&b);
    char msg[256];
    snprintf(msg, sizeof msg, ": error: %s", what);
    xbr_buf_puts(&b, "{\"scenario\":");
    xbr_json_quote(&b, path);
    xbr_buf_puts(&b, ",\"status\":\"error\",\"error\":");
    xbr_buf_t e;
    xbr_buf_init(&e);
    xbr_buf_puts(&e, path);
    xbr_buf_puts(&e, msg);
    xbr_json_quote(&b, e.failed ? "" : e.data);
    xbr_buf_free(&e);
    xbr_buf_puts(&b, ",\"compare\":null,\"optimize\":null}\n");
    if (b.failed) {
        xbr_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.data;
}

/* ---- progress -------------------------------------------------------------------------------- */

typedef struct {
    bool on;
    double start, last;
    size_t total;
} progress_t;

static void progress_show(progress_t *p, size_t done, bool final)
{
    if (!p->on)
        return;
    double t = now_s();
    if (!final && t - p->last < 0.1)
        return;
    p->last = t;
    double el = t - p->start;
    double rate = el > 0 ? (double)done / el : 0.0;
    char bar[31];
    size_t fill = p->total ? 30 * done / p->total : 30;
    for (size_t i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[30] = '\0';
    char eta[32] = "--:--";
    if (rate > 0 && done < p->total) {
        long s = lround((double)(p->total - done) / rate);
        snprintf(eta, sizeof eta, "%ld:%02ld", s / 60, s % 60);
    } else if (done >= p->total) {
        snprintf(eta, sizeof eta, "0:00");
    }
    fprintf(stderr, "\r[%s] %zu/%zu  %.1f/s  ETA %s ", bar, done, p->total, rate, eta);
    if (final)
        fputc('\n', stderr);
    fflush(stderr);
}

/* ---- the run --------------------------------------------------------------------------------- */

typedef struct {
    const char *out; /* NULL: stdout */
    const char *csv; /* NULL: none */
    int jobs;
    bool resume;
    bool have_shard;
    size_t shard_i, shard_n;
    xbr_batch_opts_t opts;
} batch_args_t;

/* Where finished records go, in task order. */
typedef struct {
    int fd;          /* FILE.partial, or stdout */
    bool sync;       /* fsync after each record */
    bool keep;       /* keep the records for the final merge */
    records_t *kept; /* when keep */
    size_t n_failed; /* records written that failed */
    int io_error;    /* errno of a failed write, 0 */
} sink_t;

static int sink_put(sink_t *s, char *line, size_t len, bool failed)
{
    if (failed)
        s->n_failed++;
    if (!s->io_error && (write_all(s->fd, line, len) != 0 || (s->sync && fsync(s->fd) != 0)))
        s->io_error = errno ? errno : EIO;
    int rc = 0;
    if (s->keep && records_add(s->kept, line, len - 1) != 0)
        rc = -1;
    free(line);
    return rc;
}

/*
 * Runs tasks paths[0..n) over `jobs` workers, handing each finished record to `sink` in task
 * order. Returns 0, or an exit code (4) when the pool itself failed.
 */
static int run_pool(const char *const *paths, size_t n, const batch_args_t *a, sink_t *sink,
                    progress_t *prog)
{
    pool_t pool = {.paths = paths, .n = n, .opts = &a->opts, .n_workers = 0, .keep_fd = -1};
    if (sink->fd != STDOUT_FILENO)
        pool.keep_fd = sink->fd;
    char **lines = calloc(n ? n : 1, sizeof *lines);
    size_t *lens = calloc(n ? n : 1, sizeof *lens);
    bool *failed = calloc(n ? n : 1, sizeof *failed);
    int rc = 0;
    if (lines == NULL || lens == NULL || failed == NULL) {
        rc = 4;
        goto out;
    }
    size_t jobs = (size_t)a->jobs;
    if (jobs > n)
        jobs = n;
    for (size_t k = 0; k < jobs; k++) {
        pool.workers[k].pid = -1;
        if (spawn(&pool, k) != 0) {
            fprintf(stderr, "xbroute batch: cannot start a worker: %s\n", strerror(errno));
            if (k == 0) {
                rc = 4;
                goto out;
            }
            break;
        }
        pool.n_workers = k + 1;
    }
    size_t next_send = 0, next_write = 0, done = 0;
    size_t retry[MAX_JOBS * DEPTH], n_retry = 0; /* tasks of dead workers, to send again */
    while (next_write < n && rc == 0) {
        /* Hand out tasks: each worker holds up to DEPTH. */
        for (size_t k = 0; k < pool.n_workers; k++) {
            worker_t *w = &pool.workers[k];
            while (w->pid > 0 && w->n_queue < DEPTH && (n_retry > 0 || next_send < n)) {
                size_t task = n_retry > 0 ? retry[n_retry - 1] : next_send;
                uint64_t idx = task;
                if (write_all(w->task_fd, &idx, sizeof idx) != 0)
                    break; /* dead: its result pipe reports end of file below */
                if (n_retry > 0)
                    n_retry--;
                else
                    next_send++;
                w->queue[w->n_queue++] = (long)task;
            }
        }
        struct pollfd fds[MAX_JOBS];
        size_t map[MAX_JOBS], nf = 0;
        for (size_t k = 0; k < pool.n_workers; k++)
            if (pool.workers[k].pid > 0) {
                fds[nf] = (struct pollfd){pool.workers[k].result_fd, POLLIN, 0};
                map[nf++] = k;
            }
        if (nf == 0) {
            rc = 4;
            break;
        }
        if (poll(fds, (nfds_t)nf, -1) < 0) {
            if (errno == EINTR)
                continue;
            rc = 4;
            break;
        }
        for (size_t f = 0; f < nf && rc == 0; f++) {
            if (!(fds[f].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            size_t k = map[f];
            worker_t *w = &pool.workers[k];
            answer_t ans;
            int r = read_all(w->result_fd, &ans, sizeof ans);
            char *line = NULL;
            if (r == 1 && w->n_queue > 0 && ans.index == (uint64_t)w->queue[0] && ans.len > 0) {
                line = malloc((size_t)ans.len);
                if (line == NULL || read_all(w->result_fd, line, (size_t)ans.len) != 1) {
                    free(line);
                    line = NULL;
                    r = -1;
                }
            } else if (r == 1) {
                r = -1; /* a worker out of memory, or a confused answer: treat as dead */
            }
            if (r == 1) {
                size_t idx = (size_t)w->queue[0];
                lines[idx] = line;
                lens[idx] = (size_t)ans.len;
                failed[idx] = ans.failed != 0;
                memmove(w->queue, w->queue + 1, (w->n_queue - 1) * sizeof *w->queue);
                w->n_queue--;
                continue;
            }
            /* Dead: the task it was working on (the oldest) gets an error record; the ones it
             * had not started go to another worker. */
            long queue[DEPTH];
            size_t n_queue = w->n_queue;
            memcpy(queue, w->queue, sizeof queue);
            int status = reap(&pool, k);
            if (n_queue > 0) {
                long was = queue[0];
                lines[was] = crash_record(paths[was], status, &lens[was]);
                failed[was] = true;
                if (lines[was] == NULL)
                    rc = 4;
            }
            for (size_t q = n_queue; q > 1; q--)
                retry[n_retry++] = (size_t)queue[q - 1];
            if (rc == 0 && spawn(&pool, k) != 0)
                fprintf(stderr, "xbroute batch: cannot restart a worker: %s\n", strerror(errno));
        }
        /* Write what is ready, in order. */
        while (rc == 0 && next_write < n && lines[next_write] != NULL) {
            if (sink_put(sink, lines[next_write], lens[next_write], failed[next_write]) != 0)
                rc = 4;
            lines[next_write++] = NULL;
            done++;
            progress_show(prog, done, false);
        }
    }
    progress_show(prog, done, true);
out:
    for (size_t k = 0; k < pool.n_workers; k++)
        reap(&pool, k);
    if (lines != NULL)
        for (size_t i = 0; i < n; i++)
            free(lines[i]);
    free(lines);
    free(lens);
    free(failed);
    return rc;
}

static int parse_args(int argc, char **argv, batch_args_t *a, const char ***paths, size_t *n)
{
    long nproc = sysconf(_SC_NPROCESSORS_ONLN);
    a->out = NULL;
    a->csv = NULL;
    a->jobs = nproc > 0 ? (int)(nproc < MAX_JOBS ? nproc : MAX_JOBS) : 1;
    a->resume = false;
    a->have_shard = false;
    xbr_batch_opts_init(&a->opts);
    *n = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (cli_is_help(s)) {
            help();
            return 0;
        } else if (strcmp(s, "--jobs") == 0 || strcmp(s, "-j") == 0) {
            char *end = NULL;
            long v = val ? strtol(val, &end, 10) : 0;
            if (val == NULL || *end != '\0' || v < 1 || v > MAX_JOBS)
                return cli_usage_error("batch", "--jobs takes a number from 1 to %d", MAX_JOBS);
            a->jobs = (int)v;
            i++;
        } else if (strcmp(s, "--out") == 0 || strcmp(s, "-o") == 0) {
            if (val == NULL)
                return cli_usage_error("batch", "--out takes a file name");
            a->out = strcmp(val, "-") == 0 ? NULL : val;
            i++;
        } else if (strcmp(s, "--csv") == 0) {
            if (val == NULL)
                return cli_usage_error("batch", "--csv takes a file name");
            a->csv = val;
            i++;
        } else if (strcmp(s, "--shard") == 0) {
            if (val == NULL || !xbr_batch_parse_shard(val, &a->shard_i, &a->shard_n))
                return cli_usage_error("batch", "--shard takes I/N with 1 <= I <= N");
            a->have_shard = true;
            i++;
        } else if (strcmp(s, "--resume") == 0) {
            a->resume = true;
        } else if (strcmp(s, "--no-optimize") == 0) {
            a->opts.optimize = false;
        } else if (strcmp(s, "--time-limit") == 0) {
            char *end = NULL;
            double v = val ? strtod(val, &end) : -1.0;
            if (val == NULL || *end != '\0' || !(v >= 0.0) || !isfinite(v))
                return cli_usage_error("batch", "--time-limit takes seconds >= 0");
            a->opts.time_limit_s = v;
            i++;
        } else if (s[0] == '-' && s[1] != '\0') {
            return cli_usage_error("batch", "unknown option or missing value '%s'", s);
        } else {
            (*paths)[(*n)++] = s;
        }
    }
    if (*n == 0)
        return cli_usage_error("batch", "no scenario file or folder given");
    if (a->resume && a->out == NULL)
        return cli_usage_error("batch", "--resume needs --out FILE");
    return -1; /* go on */
}

static char *partial_path(const char *out)
{
    size_t n = strlen(out);
    char *p = malloc(n + sizeof ".partial");
    if (p != NULL) {
        memcpy(p, out, n);
        memcpy(p + n, ".partial", sizeof ".partial");
    }
    return p;
}

/*
 * Opens FILE.partial for appending. With `resume`, first adds the records of FILE and of
 * FILE.partial to `old` and cuts a torn last line off FILE.partial; without, empties it.
 * Returns the descriptor, or -1 after printing why.
 */
static int open_partial(const char *out, const char *partial, bool resume, records_t *old)
{
    if (resume) {
        char *text = NULL;
        size_t len = 0;
        if (slurp(out, &text, &len) != 0) {
            fprintf(stderr, "xbroute batch: error: %s: cannot read: %s\n", out, strerror(errno));
            return -1;
        }
        size_t ok = records_add_text(old, text ? text : "", len);
        free(text);
        if (ok == (size_t)-1)
            return -1;
    }
    int fd = open(partial, O_RDWR | O_CREAT | (resume ? 0 : O_TRUNC), 0644);
    if (fd < 0) {
        fprintf(stderr, "xbroute batch: error: %s: cannot open: %s\n", partial, strerror(errno));
        return -1;
    }
    if (resume) {
        char *text = NULL;
        size_t len = 0;
        if (slurp(partial, &text, &len) != 0) {
            fprintf(stderr, "xbroute batch: error: %s: cannot read: %s\n", partial,
                    strerror(errno));
            close(fd);
            return -1;
        }
        size_t keep = records_add_text(old, text ? text : "", len);
        free(text);
        if (keep == (size_t)-1 || ftruncate(fd, (off_t)keep) != 0 || lseek(fd, 0, SEEK_END) < 0) {
            fprintf(stderr, "xbroute batch: error: %s: cannot resume\n", partial);
            close(fd);
            return -1;
        }
    }
    return fd;
}

/* Writes FILE (and the CSV) from every record, sorted by scenario; returns an exit code. */
static int finish_outputs(const batch_args_t *a, records_t *all, bool to_file)
{
    if (all->n > 1)
        qsort(all->items, all->n, sizeof *all->items, cmp_records);
    size_t k = 0;
    for (size_t i = 0; i < all->n; i++) {
        if (k > 0 && strcmp(all->items[k - 1].scenario, all->items[i].scenario) == 0) {
            free(all->items[i].scenario);
            free(all->items[i].line);
        } else {
            all->items[k++] = all->items[i];
        }
    }
    all->n = k;
    int rc = 0;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    if (to_file) {
        xbr_buf_t b;
        xbr_buf_init(&b);
        for (size_t i = 0; i < all->n; i++)
            xbr_buf_append(&b, all->items[i].line, all->items[i].len);
        if (b.failed)
            rc = 4;
        else if (xbr_write_file_atomic(a->out, b.data ? b.data : "", b.len, &diags) != XBR_OK)
            rc = 2;
        xbr_buf_free(&b);
    }
    if (rc == 0 && a->csv != NULL) {
        xbr_buf_t b;
        xbr_buf_init(&b);
        xbr_batch_csv_header(&b);
        for (size_t i = 0; i < all->n; i++)
            if (xbr_batch_csv_row(all->items[i].line, all->items[i].len - 1, &b) == XBR_ENOMEM)
                rc = 4;
        if (b.failed)
            rc = 4;
        else if (rc == 0 && xbr_write_file_atomic(a->csv, b.data, b.len, &diags) != XBR_OK)
            rc = 2;
        xbr_buf_free(&b);
    }
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    batch_args_t a;
    const char **args = calloc((size_t)argc + 1, sizeof *args);
    size_t n_args = 0;
    xbr_path_list_t list;
    xbr_path_list_init(&list);
    records_t old = {NULL, 0, 0}, kept = {NULL, 0, 0};
    const char **todo = NULL;
    char *partial = NULL;
    int fd = -1;
    int rc;
    if (args == NULL)
        return 4;
    rc = parse_args(argc, argv, &a, &args, &n_args);
    if (rc >= 0)
        goto out;
    rc = 0;

    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_batch_discover(args, n_args, &list, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        rc = xbr_status_exit_code(st);
        goto out;
    }
    if (a.have_shard)
        xbr_batch_shard(&list, a.shard_i, a.shard_n);

    if (a.out != NULL) {
        partial = partial_path(a.out);
        if (partial == NULL) {
            rc = 4;
            goto out;
        }
        fd = open_partial(a.out, partial, a.resume, &old);
        if (fd < 0) {
            rc = 2;
            goto out;
        }
    }
    /* Records found by --resume are sorted once, for the lookups and the merge. */
    if (old.n > 1)
        qsort(old.items, old.n, sizeof *old.items, cmp_records);
    todo = calloc(list.n ? list.n : 1, sizeof *todo);
    if (todo == NULL) {
        rc = 4;
        goto out;
    }
    size_t n_todo = 0;
    for (size_t i = 0; i < list.n; i++)
        if (!recorded(&old, list.paths[i]))
            todo[n_todo++] = list.paths[i];
    if (a.resume)
        fprintf(stderr, "xbroute batch: %zu of %zu scenarios already recorded, %zu to run\n",
                list.n - n_todo, list.n, n_todo);

    signal(SIGPIPE, SIG_IGN); /* a dead worker's pipe must not kill the parent */
    sink_t sink = {
        a.out != NULL ? fd : STDOUT_FILENO, a.out != NULL, a.out != NULL || a.csv, &kept, 0, 0};
    progress_t prog = {isatty(STDERR_FILENO) != 0, now_s(), 0.0, n_todo};
    rc = run_pool(todo, n_todo, &a, &sink, &prog);
    if (rc == 0 && sink.io_error) {
        fprintf(stderr, "xbroute batch: error: %s: cannot write: %s\n",
                a.out ? partial : "<stdout>", strerror(sink.io_error));
        rc = 2;
    }
    if (rc != 0)
        goto out;

    /* Merge: the earlier records and the new ones, by scenario path. */
    for (size_t i = 0; i < old.n; i++) {
        if (kept.n == kept.cap) {
            size_t cap = kept.cap ? 2 * kept.cap : 256;
            record_t *p = realloc(kept.items, cap * sizeof *p);
            if (p == NULL) {
                rc = 4;
                goto out;
            }
            kept.items = p;
            kept.cap = cap;
        }
        kept.items[kept.n++] = old.items[i];
    }
    free(old.items);
    old = (records_t){NULL, 0, 0};
    rc = finish_outputs(&a, &kept, a.out != NULL);
    if (rc == 0 && a.out != NULL) {
        close(fd);
        fd = -1;
        unlink(partial);
    }
    /* Kept records are counted after the merge dropped duplicates. */
    size_t n_failed = sink.keep ? 0 : sink.n_failed;
    size_t n_records = sink.keep ? kept.n : n_todo;
    for (size_t i = 0; sink.keep && i < kept.n; i++)
        n_failed += kept.items[i].failed;
    if (rc == 0 && n_failed > 0) {
        fprintf(stderr, "xbroute batch: %zu of %zu scenarios failed\n", n_failed, n_records);
        rc = 2;
    }
out:
    if (fd >= 0)
        close(fd);
    free(partial);
    free(todo);
    records_free(&old);
    records_free(&kept);
    xbr_path_list_free(&list);
    free(args);
    return rc;
}
