/*
 * batch_journal.c - the journal of a batch run (xbroute/batch.h): where records go as they
 * come, what a killed run leaves, and the sorted outputs at the end.
 *
 * Durability: with an output file OUT each record, in list order, is appended to OUT.partial
 * and fsync'ed before the next; at commit OUT.partial's records and the earlier ones (resume)
 * are sorted by scenario path into OUT, written whole (xbr_write_file_atomic), then
 * OUT.partial is removed. A run killed at any point therefore leaves OUT as it was and
 * OUT.partial holding a prefix of the records (its last line possibly cut, which resume drops);
 * resume skips every scenario recorded in either and appends the rest.
 *
 * One run per OUT: OUT.partial is opened without following a symbolic link, must be a regular
 * file, and is locked (fcntl, whole file, not waiting) before it is emptied or read, for as
 * long as the journal is open; a second run on the same OUT fails at once, touching nothing.
 *
 * Invariants: `old` (the records found on resume, those of OUT before those of OUT.partial) is
 * sorted by scenario, one record a scenario (the first read), once opened, for the lookups of
 * xbr_batch_journal_skip(); `fresh` holds the records appended since, in order, when `keep`.
 * Sorts are stable, so of records with the same scenario the first one is kept. A record's
 * `line` ends with its '\n'.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "xbroute/batch.h"

#include "base/internal.h"

/* ---- a set of records ---------------------------------------------------------------------- */

typedef struct {
    char *scenario; /* the record's "scenario" */
    char *line;     /* the record with its '\n' */
    size_t len;
    bool failed;
    int file; /* for merges: which shard file it came from, and its line there */
    size_t line_no;
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

/* Makes room for one more record; false when out of memory. */
static bool records_grow(records_t *r)
{
    if (r->n < r->cap)
        return true;
    size_t cap = r->cap ? 2 * r->cap : 256;
    record_t *p = realloc(r->items, cap * sizeof *p);
    if (p == NULL)
        return false;
    r->items = p;
    r->cap = cap;
    return true;
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
    char *copy = records_grow(r) ? malloc(len + 1) : NULL;
    if (copy == NULL) {
        free(scenario);
        return -1;
    }
    memcpy(copy, line, len);
    copy[len] = '\n';
    r->items[r->n++] = (record_t){scenario, copy, len + 1, failed, 0, 0};
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

static const char *record_scenario(const void *ctx, int i)
{
    return ((const records_t *)ctx)->items[i].scenario;
}

/* Sorts by scenario, stably, and keeps only the first record of each scenario. XBR_ENOMEM
 * leaves `r` as it was. */
static xbr_status_t records_sort_unique(records_t *r)
{
    int *order = xbr__order_by_string(r->n, record_scenario, r);
    record_t *items = malloc((r->cap ? r->cap : 1) * sizeof *items);
    if (order == NULL || items == NULL) {
        free(order);
        free(items);
        return XBR_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        record_t *it = &r->items[order[i]];
        if (k > 0 && strcmp(items[k - 1].scenario, it->scenario) == 0) {
            free(it->scenario);
            free(it->line);
        } else {
            items[k++] = *it;
        }
    }
    free(order);
    free(r->items);
    r->items = items;
    r->n = k;
    return XBR_OK;
}

/* Whether the records `sorted` (by scenario) hold one of `path`. */
static bool records_have(const records_t *sorted, const char *path)
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

/* ---- files ----------------------------------------------------------------------------------- */

static xbr_status_t file_diag(xbr_diags_t *diags, const char *path, const char *what, int err)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, path, 0, 0, NULL, NULL, what, strerror(err));
    return XBR_EIO;
}

/* Adds the records of `text` (`len` bytes, or NULL: none) to `r`, freeing the text;
 * *complete (when not NULL) gets the length of its complete lines. XBR_OK or XBR_ENOMEM. */
static xbr_status_t add_records(char *text, size_t len, records_t *r, size_t *complete)
{
    size_t ok = records_add_text(r, text ? text : "", len);
    free(text);
    if (ok == (size_t)-1)
        return XBR_ENOMEM;
    if (complete != NULL)
        *complete = ok;
    return XBR_OK;
}

/* Adds the records of file `path` (missing: none) to `r`. XBR_EIO with a diagnostic (the file
 * cannot be read, or is not a regular file), XBR_ENOMEM. */
static xbr_status_t read_records(const char *path, records_t *r, xbr_diags_t *diags)
{
    char *text = NULL;
    size_t len = 0;
    int err = 0;
    xbr_status_t st = xbr_read_file(path, 0, &text, &len, &err);
    if (st == XBR_ENOMEM)
        return st;
    if (st != XBR_OK && err != ENOENT)
        return file_diag(diags, path, "cannot read", err);
    return add_records(text, len, r, NULL);
}

/* Reports that OUT.partial `partial` is not a file the journal may use; returns XBR_EIO. */
static xbr_status_t refuse(xbr_diags_t *diags, const char *partial, const char *what)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, partial, 0, 0, NULL, NULL, what,
                      "a regular file or none (the journal of --out FILE is FILE.partial)");
    return XBR_EIO;
}

/* Reports that OUT.partial `partial` (open as fd) is locked by another run, naming its
 * process when fcntl() tells it; returns XBR_EIO. */
static xbr_status_t locked_by_another(xbr_diags_t *diags, const char *partial, int fd)
{
    struct flock held = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    char what[160];
    if (fcntl(fd, F_GETLK, &held) == 0 && held.l_type != F_UNLCK)
        snprintf(what, sizeof what, "another batch run (process %ld) is writing this output",
                 (long)held.l_pid);
    else
        snprintf(what, sizeof what, "another batch run is writing this output");
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, partial, 0, 0, NULL, NULL, what,
                      "one run at a time on an --out file: wait for it, or choose another file");
    return XBR_EIO;
}

/*
 * Opens OUT.partial `partial` for appending and locks it, into *fd: never through a symbolic
 * link (O_NOFOLLOW: a link is refused, so its target cannot be emptied), only a regular file
 * (opened O_NONBLOCK, so a FIFO cannot block; refused), and only when no other run holds it:
 * an fcntl() write lock on the whole file, tried without waiting and kept until the descriptor
 * is closed (closing any other descriptor of the file in this process would drop it, so the
 * journal reads the file only through this one). A lock won on a file that its former holder
 * removed meanwhile (a run that just finished) is given up and the open is tried again.
 */
static xbr_status_t lock_partial(const char *partial, int *fd, xbr_diags_t *diags)
{
    const int flags = O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
    for (int attempt = 0; attempt < 16; attempt++) {
        struct stat sb, now;
        struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
        int f = open(partial, flags, 0666);
        if (f < 0 && errno == ELOOP)
            return refuse(diags, partial, "refusing to write through a symbolic link");
        if (f < 0)
            return file_diag(diags, partial, "cannot open", errno);
        if (fstat(f, &sb) != 0 || !S_ISREG(sb.st_mode)) {
            close(f);
            return refuse(diags, partial, "not a regular file");
        }
        if (fcntl(f, F_SETLK, &lock) != 0) {
            int err = errno;
            xbr_status_t st = err == EACCES || err == EAGAIN
                                  ? locked_by_another(diags, partial, f)
                                  : file_diag(diags, partial, "cannot lock", err);
            close(f);
            return st;
        }
        if (lstat(partial, &now) == 0 && now.st_dev == sb.st_dev && now.st_ino == sb.st_ino &&
            fcntl(f, F_SETFL, O_APPEND) == 0) { /* blocking again */
            *fd = f;
            return XBR_OK;
        }
        close(f);
    }
    return file_diag(diags, partial, "cannot lock", EAGAIN);
}

/* ---- the journal ----------------------------------------------------------------------------- */

struct xbr_batch_journal {
    const char *out;            /* the output file, or NULL: standard output */
    const char *csv;            /* the CSV summary, or NULL */
    char *partial;              /* OUT.partial, or NULL */
    FILE *stream;               /* OUT.partial (ours), or stdout; flushed after each record */
    bool keep;                  /* keep the records for OUT or the CSV */
    records_t old;              /* found on resume, sorted */
    records_t fresh;            /* appended since, when keep */
    size_t n_written, n_failed; /* records appended, and of failed scenarios */
    int io_error;               /* errno of the first failed write, or 0 */
};

/* Opens and locks OUT.partial of journal `j` (lock_partial); with `resume` first reads the
 * records of OUT and of OUT.partial into j->old and cuts a torn last line off OUT.partial,
 * else empties it (only once it is locked: a run never empties another's). */
static xbr_status_t open_partial(xbr_batch_journal_t *j, bool resume, xbr_diags_t *diags)
{
    size_t keep = 0;
    int fd = -1;
    xbr_status_t st = lock_partial(j->partial, &fd, diags);
    if (st == XBR_OK && (j->stream = fdopen(fd, "a")) == NULL) {
        st = file_diag(diags, j->partial, "cannot open", errno);
        close(fd);
    }
    if (st != XBR_OK || !resume) {
        if (st == XBR_OK && ftruncate(fd, 0) != 0)
            st = file_diag(diags, j->partial, "cannot empty", errno);
        return st;
    }
    char *text = NULL;
    size_t len = 0;
    int err = 0;
    st = read_records(j->out, &j->old, diags);
    if (st == XBR_OK && (st = xbr__read_fd(fd, 65536, 0, &text, &len, &err)) == XBR_EIO)
        st = file_diag(diags, j->partial, "cannot read", err);
    if (st == XBR_OK)
        st = add_records(text, len, &j->old, &keep);
    if (st == XBR_OK && ftruncate(fd, (off_t)keep) != 0) /* appends go to the new end */
        st = file_diag(diags, j->partial, "cannot resume", errno);
    return st == XBR_OK ? records_sort_unique(&j->old) : st;
}

xbr_status_t xbr_batch_journal_open(const char *out, const char *csv, bool resume,
                                    xbr_batch_journal_t **journal, xbr_diags_t *diags)
{
    *journal = NULL;
    if (out != NULL && strcmp(out, "-") == 0)
        out = NULL;
    if (resume && out == NULL) {
        if (diags != NULL)
            xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL,
                          "resuming needs an output file", NULL);
        return XBR_EUSAGE;
    }
    xbr_batch_journal_t *j = calloc(1, sizeof *j);
    if (j == NULL)
        return XBR_ENOMEM;
    j->out = out;
    j->csv = csv;
    j->stream = stdout;
    j->keep = out != NULL || csv != NULL;
    xbr_status_t st = XBR_OK;
    if (out != NULL) {
        size_t n = strlen(out);
        j->stream = NULL;
        j->partial = malloc(n + sizeof ".partial");
        if (j->partial == NULL) {
            st = XBR_ENOMEM;
        } else {
            memcpy(j->partial, out, n);
            memcpy(j->partial + n, ".partial", sizeof ".partial");
            st = open_partial(j, resume, diags);
        }
    }
    if (st != XBR_OK)
        xbr_batch_journal_free(j);
    else
        *journal = j;
    return st;
}

xbr_status_t xbr_batch_journal_open_summary(const char *csv, xbr_batch_journal_t **journal)
{
    *journal = NULL;
    xbr_batch_journal_t *j = calloc(1, sizeof *j);
    if (j == NULL)
        return XBR_ENOMEM;
    j->csv = csv != NULL ? csv : "-";
    j->keep = true; /* the records are kept for the summary and written nowhere else */
    *journal = j;
    return XBR_OK;
}

size_t xbr_batch_journal_skip(const xbr_batch_journal_t *journal, xbr_path_list_t *list)
{
    size_t k = 0;
    for (size_t i = 0; i < list->n; i++) {
        if (records_have(&journal->old, list->paths[i]))
            free(list->paths[i]);
        else
            list->paths[k++] = list->paths[i];
    }
    size_t dropped = list->n - k;
    list->n = k;
    return dropped;
}

xbr_status_t xbr_batch_journal_append(xbr_batch_journal_t *journal, const char *line, size_t len,
                                      bool failed)
{
    xbr_batch_journal_t *j = journal;
    if (failed)
        j->n_failed++;
    j->n_written++;
    if (j->stream != NULL && !j->io_error &&
        (fwrite(line, 1, len, j->stream) != len || fflush(j->stream) != 0 ||
         (j->partial != NULL && fsync(fileno(j->stream)) != 0)))
        j->io_error = errno ? errno : EIO;
    if (j->keep && len > 0 && records_add(&j->fresh, line, len - 1) < 0)
        return XBR_ENOMEM;
    return XBR_OK;
}

static xbr_status_t journal_put(void *ctx, const char *line, size_t len, bool failed)
{
    return xbr_batch_journal_append(ctx, line, len, failed);
}

void xbr_batch_journal_sink(xbr_batch_journal_t *journal, xbr_batch_sink_t *sink)
{
    sink->put = journal_put;
    sink->ctx = journal;
    sink->private_fd =
        journal->partial != NULL && journal->stream != NULL ? fileno(journal->stream) : -1;
    sink->progress = NULL;
    sink->progress_ctx = NULL;
}

/* Writes every record of `all` (sorted) to `out` when not NULL, then the CSV `csv` when not
 * NULL, each whole or not at all. */
static xbr_status_t write_outputs(const char *out, const char *csv, const records_t *all,
                                  xbr_diags_t *diags)
{
    xbr_status_t st = XBR_OK;
    xbr_buf_t b;
    xbr_buf_init(&b);
    if (out != NULL) {
        for (size_t i = 0; i < all->n; i++)
            xbr_buf_append(&b, all->items[i].line, all->items[i].len);
        st = b.failed ? XBR_ENOMEM : xbr_write_file_atomic(out, b.data ? b.data : "", b.len, diags);
    }
    xbr_buf_destroy(&b);
    if (st != XBR_OK || csv == NULL)
        return st;
    xbr_buf_init(&b);
    xbr_batch_csv_header(&b);
    for (size_t i = 0; i < all->n; i++)
        if (xbr_batch_csv_row(all->items[i].line, all->items[i].len - 1, &b) == XBR_ENOMEM)
            st = XBR_ENOMEM;
    if (b.failed)
        st = XBR_ENOMEM;
    if (st == XBR_OK)
        st = xbr_write_file_atomic(csv, b.data, b.len, diags);
    xbr_buf_destroy(&b);
    return st;
}

xbr_status_t xbr_batch_journal_commit(xbr_batch_journal_t *journal, size_t *n_records,
                                      size_t *n_failed, xbr_diags_t *diags)
{
    xbr_batch_journal_t *j = journal;
    if (j->io_error)
        return file_diag(diags, j->partial != NULL ? j->partial : "<stdout>", "cannot write",
                         j->io_error);
    size_t records = j->n_written, failed = j->n_failed;
    if (j->keep) {
        /* Merge: the new records and the earlier ones, by scenario path. */
        for (size_t i = 0; i < j->old.n; i++) {
            if (!records_grow(&j->fresh))
                return XBR_ENOMEM;
            j->fresh.items[j->fresh.n++] = j->old.items[i];
            j->old.items[i] = (record_t){NULL, NULL, 0, false, 0, 0}; /* moved */
        }
        j->old.n = 0;
        xbr_status_t st = records_sort_unique(&j->fresh);
        if (st == XBR_OK)
            st = write_outputs(j->out, j->csv, &j->fresh, diags);
        if (st != XBR_OK)
            return st;
        records = j->fresh.n;
        failed = 0;
        for (size_t i = 0; i < j->fresh.n; i++)
            failed += j->fresh.items[i].failed;
    }
    if (j->partial != NULL) {
        fclose(j->stream);
        j->stream = NULL;
        unlink(j->partial);
    }
    if (n_records != NULL)
        *n_records = records;
    if (n_failed != NULL)
        *n_failed = failed;
    return XBR_OK;
}

void xbr_batch_journal_free(xbr_batch_journal_t *journal)
{
    if (journal == NULL)
        return;
    if (journal->partial != NULL && journal->stream != NULL)
        fclose(journal->stream);
    free(journal->partial);
    records_free(&journal->old);
    records_free(&journal->fresh);
    free(journal);
}

/* ---- merging shards ----------------------------------------------------------------------- */

/* At most this many diagnostics per kind of problem, then one that counts the rest. */
#define MERGE_MAX_NAMED 20

/* Reads the records of shard `k` (`path`) into `r`, each tagged with its file and line; a line
 * that is not a record (e.g. cut short by a killed run) is an error naming its place.
 * Returns XBR_OK, XBR_EINPUT (bad lines, reported), XBR_EIO or XBR_ENOMEM. */
static xbr_status_t read_shard(const char *path, int k, records_t *r, xbr_diags_t *diags)
{
    char *text = NULL;
    size_t len = 0, start = 0, line_no = 0;
    int err = 0;
    xbr_status_t st = xbr_read_file(path, 0, &text, &len, &err);
    if (st == XBR_ENOMEM)
        return st;
    if (st != XBR_OK)
        return file_diag(diags, path, "cannot read", err);
    for (size_t i = 0; i <= len && st != XBR_ENOMEM; i++) {
        if (i < len && text[i] != '\n')
            continue;
        line_no++;
        if (i == len && start == len)
            break; /* the file ends with its last '\n' */
        int added = i < len ? records_add(r, text + start, i - start) : 1;
        if (added < 0) {
            st = XBR_ENOMEM;
        } else if (added > 0) {
            if (diags != NULL)
                xbr_diags_add(diags, XBR_SEV_ERROR, path, (int)line_no, 1, NULL, NULL,
                              i < len ? "not a batch record" : "last line cut short",
                              "one record of xbroute batch per line, ending in a newline");
            st = XBR_EINPUT;
        } else {
            r->items[r->n - 1].file = k;
            r->items[r->n - 1].line_no = line_no;
        }
        start = i + 1;
    }
    free(text);
    return st;
}

/* Reports one problem of a merge (or, past MERGE_MAX_NAMED of its kind, only counts it). */
static void merge_problem(xbr_diags_t *diags, size_t *count, const char *file, size_t line,
                          const char *scenario, const char *what, const char *expected)
{
    if (diags != NULL && ++*count <= MERGE_MAX_NAMED)
        xbr_diags_add(diags, XBR_SEV_ERROR, file, (int)line, line > 0 ? 1 : 0, scenario, NULL, what,
                      expected);
}

/* Adds the diagnostic that counts the problems of one kind left unnamed. */
static void merge_more(xbr_diags_t *diags, size_t count, const char *kind)
{
    char what[160];
    if (diags == NULL || count <= MERGE_MAX_NAMED)
        return;
    snprintf(what, sizeof what, "... and %zu more %s (%zu in all)", count - MERGE_MAX_NAMED, kind,
             count);
    xbr_diags_add(diags, XBR_SEV_ERROR, "--scenarios", 0, 0, NULL, NULL, what, NULL);
}

/* Checks the records `all` (sorted by scenario, stably) against `list` (sorted, distinct):
 * every scenario of the list recorded exactly once, and no record of another. */
static size_t merge_check(const records_t *all, const xbr_path_list_t *list,
                          const char *const *shards, xbr_diags_t *diags)
{
    size_t missing = 0, twice = 0, unknown = 0, i = 0, p = 0;
    while (i < all->n || p < list->n) {
        const record_t *rec = i < all->n ? &all->items[i] : NULL;
        int c = rec == NULL ? 1 : p == list->n ? -1 : strcmp(rec->scenario, list->paths[p]);
        if (c > 0) {
            merge_problem(diags, &missing, list->paths[p++], 0, NULL, "no record in any shard",
                          "every scenario of the list in exactly one shard: run its shard "
                          "again (with --resume)");
            continue;
        }
        if (c < 0)
            merge_problem(diags, &unknown, shards[rec->file], rec->line_no, rec->scenario,
                          "a record of a scenario that is not in the list",
                          "the same scenario folders or files, named the same way, as the "
                          "shards' runs");
        size_t j = i + 1;
        for (; j < all->n && strcmp(all->items[j].scenario, rec->scenario) == 0; j++) {
            char what[96];
            snprintf(what, sizeof what, "recorded again (first at line %zu of %s)", rec->line_no,
                     shards[rec->file]);
            merge_problem(diags, &twice, shards[all->items[j].file], all->items[j].line_no,
                          rec->scenario, what, "each scenario in exactly one shard");
        }
        i = j;
        if (c == 0)
            p++;
    }
    merge_more(diags, missing, "scenarios without a record");
    merge_more(diags, twice, "records of scenarios recorded twice");
    merge_more(diags, unknown, "records of scenarios not in the list");
    return missing + twice + unknown;
}

xbr_status_t xbr_batch_merge(const char *const *shards, size_t n_shards,
                             const xbr_path_list_t *list, const char *out, const char *csv,
                             size_t *n_records, size_t *n_failed, xbr_diags_t *diags)
{
    records_t all = {NULL, 0, 0};
    xbr_status_t st = XBR_OK;
    if (out != NULL && strcmp(out, "-") == 0)
        out = NULL;
    for (size_t k = 0; k < n_shards && st != XBR_ENOMEM && st != XBR_EIO; k++) {
        xbr_status_t s = read_shard(shards[k], (int)k, &all, diags);
        if (s != XBR_OK)
            st = s;
    }
    int *order = NULL;
    if (st == XBR_OK && (order = xbr__order_by_string(all.n, record_scenario, &all)) == NULL)
        st = XBR_ENOMEM;
    if (st == XBR_OK) {
        record_t *sorted = malloc((all.n ? all.n : 1) * sizeof *sorted);
        if (sorted == NULL) {
            st = XBR_ENOMEM;
        } else {
            for (size_t i = 0; i < all.n; i++)
                sorted[i] = all.items[order[i]];
            free(all.items);
            all.items = sorted;
            all.cap = all.n;
        }
    }
    free(order);
    if (st == XBR_OK && merge_check(&all, list, shards, diags) > 0)
        st = XBR_EINPUT;
    if (st == XBR_OK)
        st = write_outputs(out, csv, &all, diags);
    if (st == XBR_OK && out == NULL) { /* standard output */
        for (size_t i = 0; i < all.n; i++)
            if (fwrite(all.items[i].line, 1, all.items[i].len, stdout) != all.items[i].len)
                st = file_diag(diags, "<stdout>", "cannot write", errno ? errno : EIO);
        if (st == XBR_OK && fflush(stdout) != 0)
            st = file_diag(diags, "<stdout>", "cannot write", errno ? errno : EIO);
    }
    if (st == XBR_OK) {
        size_t failed = 0;
        for (size_t i = 0; i < all.n; i++)
            failed += all.items[i].failed;
        if (n_records != NULL)
            *n_records = all.n;
        if (n_failed != NULL)
            *n_failed = failed;
    }
    records_free(&all);
    return st;
}
