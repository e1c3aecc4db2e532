/*
 * fuzz_batch_record.c - libFuzzer entry point for the batch record reader (README
 * "Reliability": fuzzing): what `batch --resume` reads back from a journal and `--csv` turns
 * into rows. Each input is cut into lines as the journal reader cuts them; every line goes
 * through xbr_batch_record_parse() and xbr_batch_csv_row(). Seeds: tests/data/batch, the
 * records of a run, tests/data/JSONTestSuite.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/batch.h"
#include "xbroute/output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl != NULL ? nl : end) - p);
        char *scenario = NULL;
        bool failed = false;
        xbr_status_t st = xbr_batch_record_parse(p, len, &scenario, &failed);
        if (st == XBR_OK && scenario == NULL)
            abort(); /* a record names its scenario */
        free(scenario);
        xbr_buf_t row;
        xbr_buf_init(&row);
        if (xbr_batch_csv_row(p, len, &row) == XBR_OK &&
            (row.len == 0 || row.data[row.len - 1] != '\n'))
            abort(); /* a row ends with its newline */
        xbr_buf_destroy(&row);
        p += len + (nl != NULL);
    }
    return 0;
}
