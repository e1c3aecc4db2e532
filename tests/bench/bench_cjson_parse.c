/*
 * bench_cjson_parse.c - the peer of tests/bench/bench_load.sh: reads a file whole and parses it
 * with cJSON_ParseWithLength, nothing else (what issue #15 measures the loader against). Prints
 * the number of top-level members, so the parse cannot be optimised away; exit 1 when the file
 * cannot be read, 2 when it is not JSON.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_cjson_parse FILE\n");
        return 1;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL || fseek(f, 0, SEEK_END) != 0) {
        perror(argv[1]);
        return 1;
    }
    long n = ftell(f);
    rewind(f);
    char *buf = malloc(n > 0 ? (size_t)n : 1);
    if (buf == NULL || n < 0 || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 1;
    }
    fclose(f);
    cJSON *root = cJSON_ParseWithLength(buf, (size_t)n);
    if (root == NULL)
        return 2;
    printf("%d\n", cJSON_GetArraySize(root));
    cJSON_Delete(root);
    free(buf);
    return 0;
}
