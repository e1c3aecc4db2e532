/*
 * test_file.c - whole files in and out (base/file.c): xbr_read_file reads exactly the bytes,
 * refuses what is too large, a directory, a missing file or a FIFO (without blocking) with the
 * system's error code, and reads standard input for "-"; xbr_write_file_atomic leaves a
 * regular target whole (old or new, with its mode), never a part or a temporary file, follows
 * symbolic links to their target, and writes through to a FIFO instead of replacing it.
 * Everything happens in a fresh folder under /tmp (FIFOs included: no device is touched).
 */
#include "xbr_test.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tmpdir.h"
#include "xbroute/output.h"

static const char *path_of(const char *name)
{
    return tmpdir_path(name);
}

static void put_file(const char *name, const char *text, size_t n)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, n, f), n);
    fclose(f);
}

/* The names in a folder, space-separated and sorted (small folders only). */
static void listing(const char *d, char *out, size_t size)
{
    char names[16][64];
    size_t n = 0;
    DIR *dp = opendir(d);
    assert_non_null(dp);
    for (struct dirent *e; (e = readdir(dp)) != NULL;)
        if (e->d_name[0] != '.' && n < 16)
            snprintf(names[n++], sizeof names[0], "%.63s", e->d_name);
    closedir(dp);
    for (size_t a = 1; a < n; a++)
        for (size_t b = a; b > 0 && strcmp(names[b - 1], names[b]) > 0; b--) {
            char t[64];
            memcpy(t, names[b], sizeof t);
            memcpy(names[b], names[b - 1], sizeof t);
            memcpy(names[b - 1], t, sizeof t);
        }
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", names[i]);
}

static void test_read_gives_the_bytes(void **state)
{
    (void)state;
    static const char text[] = "{\"a\":\n1}\0tail"; /* a NUL inside is just a byte */
    put_file("r.json", text, sizeof text - 1);
    char *data = NULL;
    size_t len = 99;
    int err = -1;
    assert_int_equal(xbr_read_file(path_of("r.json"), 0, &data, &len, &err), XBR_OK);
    assert_int_equal(err, 0);
    assert_int_equal(len, sizeof text - 1);
    assert_memory_equal(data, text, len);
    assert_int_equal(data[len], '\0');
    free(data);
    /* exactly at the limit is fine; one byte over is refused before reading */
    assert_int_equal(xbr_read_file(path_of("r.json"), sizeof text - 1, &data, &len, NULL), XBR_OK);
    free(data);
    assert_int_equal(xbr_read_file(path_of("r.json"), sizeof text - 2, &data, &len, &err),
                     XBR_EINPUT);
    assert_int_equal(err, EFBIG);
    assert_null(data);
    assert_int_equal(len, 0);
}

static void test_read_empty_file_gives_empty_text(void **state)
{
    (void)state;
    put_file("empty", "", 0);
    char *data = NULL;
    size_t len = 5;
    assert_int_equal(xbr_read_file(path_of("empty"), 0, &data, &len, NULL), XBR_OK);
    assert_non_null(data);
    assert_string_equal(data, "");
    assert_int_equal(len, 0);
    free(data);
}

static void test_read_errors_carry_the_system_code(void **state)
{
    (void)state;
    char *data = (char *)1;
    size_t len = 5;
    int err = 0;
    assert_int_equal(xbr_read_file(path_of("missing.json"), 0, &data, &len, &err), XBR_EIO);
    assert_int_equal(err, ENOENT);
    assert_null(data);
    assert_int_equal(len, 0);
    assert_int_equal(xbr_read_file(tmpdir(), 0, &data, &len, &err), XBR_EIO);
    assert_int_equal(err, EISDIR);
    assert_null(data);
}

static void test_read_refuses_a_fifo_without_blocking(void **state)
{
    (void)state;
    /* No writer ever opens this FIFO: a reader that opened it the usual way would wait for
     * one forever (the alarm ends the test then). It is refused as not a regular file. */
    const char *fifo = path_of("fifo-in");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    char *data = (char *)1;
    size_t len = 5;
    int err = 0;
    alarm(20);
    assert_int_equal(xbr_read_file(fifo, 0, &data, &len, &err), XBR_EIO);
    alarm(0);
    assert_int_equal(err, ENODEV);
    assert_null(data);
    assert_int_equal(len, 0);
    unlink(fifo);
}

/* Runs xbr_read_file("-") with standard input the read end of a pipe into which a child
 * writes `blocks` blocks of 4096 'x'; returns the status. */
static xbr_status_t read_stdin_from_child(size_t blocks, size_t max, char **data, size_t *len,
                                          int *err)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        char block[4096];
        memset(block, 'x', sizeof block);
        for (size_t i = 0; i < blocks; i++)
            if (write(p[1], block, sizeof block) != (ssize_t)sizeof block)
                break;
        _exit(0);
    }
    close(p[1]);
    int saved = dup(STDIN_FILENO);
    assert_true(saved >= 0);
    assert_int_equal(dup2(p[0], STDIN_FILENO), STDIN_FILENO);
    close(p[0]);
    xbr_status_t st = xbr_read_file("-", max, data, len, err);
    dup2(saved, STDIN_FILENO); /* the child gets EPIPE if we stopped early, and exits */
    close(saved);
    waitpid(pid, NULL, 0);
    return st;
}

static void test_read_stdin_whole_and_up_to_the_limit(void **state)
{
    (void)state;
    char *data = NULL;
    size_t len = 0;
    int err = -1;
    /* "-" is standard input: 3 blocks of 4096 come in whole */
    assert_int_equal(read_stdin_from_child(3, 0, &data, &len, &err), XBR_OK);
    assert_int_equal(err, 0);
    assert_int_equal(len, 3 * 4096);
    assert_int_equal(data[0], 'x');
    assert_int_equal(data[len - 1], 'x');
    assert_int_equal(data[len], '\0');
    free(data);
    /* a pipe has no size in advance: the reader stops once past the limit, however much the
     * writer would send (64 blocks = 262144 bytes against a limit of 100000) */
    assert_int_equal(read_stdin_from_child(64, 100000, &data, &len, &err), XBR_EINPUT);
    assert_int_equal(err, EFBIG);
    assert_null(data);
}

static void test_write_is_whole_with_the_new_file_mode(void **state)
{
    (void)state;
    static const char text[] = "first version\n";
    assert_int_equal(mkdir(path_of("w1"), 0755), 0);
    xbr_diags_t d;
    xbr_diags_init(&d);
    /* a new file gets 0666 less the umask, as the shell's > would: 0666 & ~027 = 0640 */
    mode_t mask = umask(027);
    assert_int_equal(xbr_write_file_atomic(path_of("w1/out.txt"), text, sizeof text - 1, &d),
                     XBR_OK);
    umask(mask);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(xbr_read_file(path_of("w1/out.txt"), 0, &data, &len, NULL), XBR_OK);
    assert_string_equal(data, text);
    free(data);
    struct stat sb;
    assert_int_equal(stat(path_of("w1/out.txt"), &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0640);
    /* overwriting replaces the whole file; no temporary file is left beside it */
    assert_int_equal(xbr_write_file_atomic(path_of("w1/out.txt"), "2", 1, &d), XBR_OK);
    assert_int_equal(xbr_read_file(path_of("w1/out.txt"), 0, &data, &len, NULL), XBR_OK);
    assert_string_equal(data, "2");
    free(data);
    char names[256];
    listing(path_of("w1"), names, sizeof names);
    assert_string_equal(names, "out.txt");
    assert_int_equal(d.count, 0);
    xbr_diags_destroy(&d);
}

static void test_write_failure_leaves_nothing(void **state)
{
    (void)state;
    xbr_diags_t d;
    assert_int_equal(mkdir(path_of("w2"), 0755), 0);
    xbr_diags_init(&d);
    /* into a folder that does not exist: no temporary file can be made */
    assert_int_equal(xbr_write_file_atomic(path_of("w2/nope/out.txt"), "x", 1, &d), XBR_EIO);
    assert_int_equal(d.n_errors, 1);
    assert_non_null(strstr(d.items[0].file, "nope/out.txt"));
    assert_string_equal(d.items[0].expected, strerror(ENOENT));
    /* over a folder: the rename fails; the folder stays, the temporary file is removed */
    assert_int_equal(mkdir(path_of("w2/sub"), 0755), 0);
    assert_int_equal(xbr_write_file_atomic(path_of("w2/sub"), "x", 1, &d), XBR_EIO);
    assert_int_equal(d.n_errors, 2);
    struct stat sb;
    assert_int_equal(stat(path_of("w2/sub"), &sb), 0);
    assert_true(S_ISDIR(sb.st_mode));
    char names[256];
    listing(path_of("w2"), names, sizeof names);
    assert_string_equal(names, "sub");
    /* no diagnostics list: the status alone */
    assert_int_equal(xbr_write_file_atomic(path_of("w2/nope/x"), "x", 1, NULL), XBR_EIO);
    rmdir(path_of("w2/sub"));
    xbr_diags_destroy(&d);
}

/* The whole content of file `name` of the folder (a test's own small file). */
static char *content(const char *name)
{
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(xbr_read_file(path_of(name), 0, &data, &len, NULL), XBR_OK);
    return data;
}

static void test_write_keeps_the_mode_of_an_existing_file(void **state)
{
    (void)state;
    assert_int_equal(mkdir(path_of("w3"), 0755), 0);
    put_file("w3/keep.txt", "old", 3);
    assert_int_equal(chmod(path_of("w3/keep.txt"), 0604), 0);
    assert_int_equal(xbr_write_file_atomic(path_of("w3/keep.txt"), "new", 3, NULL), XBR_OK);
    struct stat sb;
    assert_int_equal(stat(path_of("w3/keep.txt"), &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0604);
    char *data = content("w3/keep.txt");
    assert_string_equal(data, "new");
    free(data);
}

static void test_write_through_a_symlink_writes_its_target(void **state)
{
    (void)state;
    /* w4/link -> sub/real.txt (relative to the link's folder): the target is replaced whole,
     * the link stays a link; no temporary file is left in either folder */
    assert_int_equal(mkdir(path_of("w4"), 0755), 0);
    assert_int_equal(mkdir(path_of("w4/sub"), 0755), 0);
    put_file("w4/sub/real.txt", "old", 3);
    assert_int_equal(symlink("sub/real.txt", path_of("w4/link")), 0);
    assert_int_equal(xbr_write_file_atomic(path_of("w4/link"), "via link", 8, NULL), XBR_OK);
    struct stat sb;
    assert_int_equal(lstat(path_of("w4/link"), &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    char *data = content("w4/sub/real.txt");
    assert_string_equal(data, "via link");
    free(data);
    char names[256];
    listing(path_of("w4"), names, sizeof names);
    assert_string_equal(names, "link sub");
    listing(path_of("w4/sub"), names, sizeof names);
    assert_string_equal(names, "real.txt");
    /* a link to a file not there yet makes that file */
    assert_int_equal(symlink("sub/later.txt", path_of("w4/dangling")), 0);
    assert_int_equal(xbr_write_file_atomic(path_of("w4/dangling"), "made", 4, NULL), XBR_OK);
    data = content("w4/sub/later.txt");
    assert_string_equal(data, "made");
    free(data);
    /* a loop of links is an error, ELOOP */
    assert_int_equal(symlink("loop2", path_of("w4/loop1")), 0);
    assert_int_equal(symlink("loop1", path_of("w4/loop2")), 0);
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_write_file_atomic(path_of("w4/loop1"), "x", 1, &d), XBR_EIO);
    assert_int_equal(d.n_errors, 1);
    assert_string_equal(d.items[0].expected, strerror(ELOOP));
    xbr_diags_destroy(&d);
}

/* Forks a reader of the FIFO `fifo` that copies what it reads into file `copy` (NULL: opens
 * the FIFO and closes it at once, reading nothing); returns its pid. */
static pid_t fifo_reader(const char *fifo, const char *copy)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid != 0)
        return pid;
    int in = open(fifo, O_RDONLY);
    if (in < 0 || copy == NULL)
        _exit(in < 0);
    int out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    char buf[4096];
    ssize_t n;
    while (out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n)
            _exit(1);
    _exit(out < 0);
}

static void test_write_to_a_fifo_goes_through(void **state)
{
    (void)state;
    /* a FIFO is not replaced by a regular file: its reader gets the bytes, and it stays a
     * FIFO with nothing beside it */
    assert_int_equal(mkdir(path_of("w5"), 0755), 0);
    const char *fifo = path_of("w5/fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    pid_t pid = fifo_reader(fifo, path_of("copy.txt"));
    alarm(20);
    assert_int_equal(xbr_write_file_atomic(fifo, "through\n", 8, NULL), XBR_OK);
    int status = -1;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    alarm(0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char *data = content("copy.txt");
    assert_string_equal(data, "through\n");
    free(data);
    struct stat sb;
    assert_int_equal(lstat(fifo, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
    char names[256];
    listing(path_of("w5"), names, sizeof names);
    assert_string_equal(names, "fifo");
}

static void test_write_to_a_fifo_whose_reader_left_is_an_error(void **state)
{
    (void)state;
    /* The reader opens and closes without reading; 1 MiB cannot fit the pipe's buffer (64 KiB
     * on Linux), so the writer meets a FIFO with no reader: EPIPE, reported, and this process
     * is not killed by SIGPIPE. */
    const char *fifo = path_of("fifo-gone");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    size_t n = 1 << 20;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'y', n);
    pid_t pid = fifo_reader(fifo, NULL);
    xbr_diags_t d;
    xbr_diags_init(&d);
    alarm(20);
    assert_int_equal(xbr_write_file_atomic(fifo, big, n, &d), XBR_EIO);
    alarm(0);
    waitpid(pid, NULL, 0);
    assert_int_equal(d.n_errors, 1);
    assert_string_equal(d.items[0].file, fifo);
    assert_string_equal(d.items[0].expected, strerror(EPIPE));
    sigset_t pending;
    sigemptyset(&pending);
    assert_int_equal(sigpending(&pending), 0);
    assert_false(sigismember(&pending, SIGPIPE)); /* taken back, not left pending */
    xbr_diags_destroy(&d);
    free(big);
    unlink(fifo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_gives_the_bytes),
        cmocka_unit_test(test_read_empty_file_gives_empty_text),
        cmocka_unit_test(test_read_errors_carry_the_system_code),
        cmocka_unit_test(test_read_refuses_a_fifo_without_blocking),
        cmocka_unit_test(test_read_stdin_whole_and_up_to_the_limit),
        cmocka_unit_test(test_write_is_whole_with_the_new_file_mode),
        cmocka_unit_test(test_write_failure_leaves_nothing),
        cmocka_unit_test(test_write_keeps_the_mode_of_an_existing_file),
        cmocka_unit_test(test_write_through_a_symlink_writes_its_target),
        cmocka_unit_test(test_write_to_a_fifo_goes_through),
        cmocka_unit_test(test_write_to_a_fifo_whose_reader_left_is_an_error),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
