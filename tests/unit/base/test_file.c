/*
 * test_file.c - whole files in and out (base/file.c): xbr_read_file reads exactly the bytes,
 * refuses what is too large, a directory or a missing file with the system's error code;
 * xbr_write_file_atomic leaves the target whole (old or new), never a part or a temporary
 * file. Everything happens in a fresh folder under /tmp.
 */
#include "xbr_test.h"

#include <dirent.h>
#include <errno.h>
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

static void test_read_pipe_stops_at_the_limit(void **state)
{
    (void)state;
    /* A FIFO has no size in advance: the reader grows its buffer and stops once past the
     * limit, however much the writer would send. */
    const char *fifo = path_of("fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        FILE *f = fopen(fifo, "wb");
        char block[4096];
        memset(block, 'x', sizeof block);
        for (int i = 0; f != NULL && i < 64; i++)
            if (fwrite(block, 1, sizeof block, f) != sizeof block)
                break;
        _exit(0);
    }
    char *data = NULL;
    size_t len = 0;
    int err = 0;
    assert_int_equal(xbr_read_file(fifo, 100000, &data, &len, &err), XBR_EINPUT);
    assert_int_equal(err, EFBIG);
    assert_null(data);
    waitpid(pid, NULL, 0);
    unlink(fifo);
}

static void test_write_is_whole_with_usual_mode(void **state)
{
    (void)state;
    static const char text[] = "first version\n";
    assert_int_equal(mkdir(path_of("w1"), 0755), 0);
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_write_file_atomic(path_of("w1/out.txt"), text, sizeof text - 1, &d),
                     XBR_OK);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(xbr_read_file(path_of("w1/out.txt"), 0, &data, &len, NULL), XBR_OK);
    assert_string_equal(data, text);
    free(data);
    struct stat sb;
    assert_int_equal(stat(path_of("w1/out.txt"), &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0644);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_gives_the_bytes),
        cmocka_unit_test(test_read_empty_file_gives_empty_text),
        cmocka_unit_test(test_read_errors_carry_the_system_code),
        cmocka_unit_test(test_read_pipe_stops_at_the_limit),
        cmocka_unit_test(test_write_is_whole_with_usual_mode),
        cmocka_unit_test(test_write_failure_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
