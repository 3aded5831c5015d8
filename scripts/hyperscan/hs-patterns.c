/*
 * hs-patterns: Hyperscan on the pattern benchmark's corpus and rules, for a side-by-side comparison with
 * `rightsdesk-bench patterns` on the same machine in the same run (docs/benchmarks.md, "Against Hyperscan").
 *
 *   hs-patterns DIR MODE REPEATS COUNT...
 *
 * DIR holds what `rightsdesk-bench patterns --export DIR` wrote: corpus.bin, postings.txt, rules-COUNT.txt.
 * MODE is one of
 *   ends    every match end of every pattern (Hyperscan's default; no start offsets),
 *   single  at most one report per pattern and posting (HS_FLAG_SINGLEMATCH),
 *   som     every match with its leftmost start (HS_FLAG_SOM_LEFTMOST; start and end, as our engine reports).
 * Every pattern is compiled with HS_FLAG_UTF8 | HS_FLAG_UCP. A pattern Hyperscan cannot compile as it stands
 * (lookbehinds, for instance) is compiled with HS_FLAG_PREFILTER instead, which matches a superset; the count of
 * such patterns is printed, since their matches would still need a confirmation that this program does not make.
 * Hyperscan offers no start offsets in prefilter mode, so with MODE som such patterns are left out (and counted).
 * Block mode, one posting per hs_scan call, one thread, one scratch; time is the process's CPU time, best of
 * REPEATS runs. Prints one Markdown table row per COUNT: rules, mode, patterns in prefilter mode, patterns left out,
 * database KB, compile ms, MB per CPU-s, reports, postings with a report.
 *
 * Not part of the build or the tests: scripts/bench-hyperscan.sh compiles it when libhyperscan-dev is installed.
 */
#include <hs/hs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void die(const char *what, const char *detail) {
    fprintf(stderr, "hs-patterns: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    if (fseek(f, 0, SEEK_END) != 0) die("cannot seek", path);
    long size = ftell(f);
    if (size < 0) die("cannot tell the size of", path);
    rewind(f);
    char *data = malloc((size_t)size + 1);
    if (!data) die("out of memory reading", path);
    if (size > 0 && fread(data, 1, (size_t)size, f) != (size_t)size) die("cannot read", path);
    fclose(f);
    data[size] = 0;
    *length = (size_t)size;
    return data;
}

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    unsigned long long matches;
    int matched; /* the current posting had at least one report */
} Tally;

static int on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags,
                    void *context) {
    (void)id; (void)from; (void)to; (void)flags;
    Tally *tally = context;
    tally->matches++;
    tally->matched = 1;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 5) die("usage: hs-patterns DIR ends|single|som REPEATS COUNT...", NULL);
    const char *dir = argv[1], *mode = argv[2];
    unsigned modeFlag;
    if (strcmp(mode, "ends") == 0) modeFlag = 0;
    else if (strcmp(mode, "single") == 0) modeFlag = HS_FLAG_SINGLEMATCH;
    else if (strcmp(mode, "som") == 0) modeFlag = HS_FLAG_SOM_LEFTMOST;
    else die("MODE must be ends, single or som", mode);
    int repeats = atoi(argv[3]);
    if (repeats < 1) die("REPEATS must be a positive integer", argv[3]);

    char path[4096];
    size_t corpusLength, lengthsLength;
    snprintf(path, sizeof path, "%s/corpus.bin", dir);
    char *corpus = read_file(path, &corpusLength);
    snprintf(path, sizeof path, "%s/postings.txt", dir);
    char *lengthsText = read_file(path, &lengthsLength);
    size_t postings = 0, capacity = 1024, total = 0;
    size_t *lengths = malloc(capacity * sizeof *lengths);
    for (char *line = strtok(lengthsText, "\n"); line; line = strtok(NULL, "\n")) {
        if (postings == capacity) lengths = realloc(lengths, (capacity *= 2) * sizeof *lengths);
        if (!lengths) die("out of memory", NULL);
        lengths[postings++] = strtoull(line, NULL, 10);
        total += lengths[postings - 1];
    }
    if (total != corpusLength) die("postings.txt does not add up to corpus.bin's size", NULL);
    double megabytes = (double)corpusLength / 1e6;

    for (int c = 4; c < argc; c++) {
        size_t rulesLength;
        snprintf(path, sizeof path, "%s/rules-%s.txt", dir, argv[c]);
        char *rulesText = read_file(path, &rulesLength);
        size_t count = 0;
        for (size_t i = 0; i < rulesLength; i++) count += rulesText[i] == '\n';
        const char **expressions = malloc(count * sizeof *expressions);
        unsigned *flags = malloc(count * sizeof *flags), *ids = malloc(count * sizeof *ids);
        if (!expressions || !flags || !ids) die("out of memory", NULL);
        size_t n = 0, prefiltered = 0, left = 0;
        for (char *line = strtok(rulesText, "\n"); line && n + left < count; line = strtok(NULL, "\n")) {
            expressions[n] = line;
            ids[n] = (unsigned)(n + left);
            flags[n] = HS_FLAG_UTF8 | HS_FLAG_UCP | modeFlag;
            hs_database_t *single = NULL;
            hs_compile_error_t *error = NULL;
            if (hs_compile(line, flags[n], HS_MODE_BLOCK, NULL, &single, &error) == HS_SUCCESS) {
                hs_free_database(single);
                n++;
                continue;
            }
            hs_free_compile_error(error);
            if (modeFlag == HS_FLAG_SOM_LEFTMOST) {
                left++;
                continue;
            }
            flags[n++] |= HS_FLAG_PREFILTER;
            prefiltered++;
        }
        hs_database_t *database = NULL;
        hs_compile_error_t *error = NULL;
        double compileStart = cpu_seconds();
        if (hs_compile_multi(expressions, flags, ids, (unsigned)n, HS_MODE_BLOCK, NULL, &database, &error)
            != HS_SUCCESS) {
            fprintf(stderr, "hs-patterns: %s rules, expression %d: %s\n", argv[c], error->expression, error->message);
            hs_free_compile_error(error);
            return 1;
        }
        double compileSeconds = cpu_seconds() - compileStart;
        size_t databaseBytes = 0;
        hs_database_size(database, &databaseBytes);
        hs_scratch_t *scratch = NULL;
        if (hs_alloc_scratch(database, &scratch) != HS_SUCCESS) die("cannot allocate scratch", NULL);

        double best = 0;
        Tally kept = {0, 0};
        size_t postingsMatched = 0;
        for (int r = 0; r < repeats; r++) {
            Tally tally = {0, 0};
            size_t matchedHere = 0, offset = 0;
            double start = cpu_seconds();
            for (size_t p = 0; p < postings; p++) {
                tally.matched = 0;
                if (hs_scan(database, corpus + offset, (unsigned)lengths[p], 0, scratch, on_match, &tally)
                    != HS_SUCCESS) die("hs_scan failed", NULL);
                matchedHere += (size_t)tally.matched;
                offset += lengths[p];
            }
            double seconds = cpu_seconds() - start;
            if (r == 0 || seconds < best) best = seconds;
            kept = tally;
            postingsMatched = matchedHere;
        }
        printf("| %s | %s | %zu | %zu | %.1f | %.0f | %.1f | %llu | %zu |\n", argv[c], mode, prefiltered, left,
               (double)databaseBytes / 1024, compileSeconds * 1000, megabytes / best, kept.matches, postingsMatched);
        fflush(stdout);
        hs_free_scratch(scratch);
        hs_free_database(database);
        free(expressions); free(flags); free(ids); free(rulesText);
    }
    free(lengths); free(lengthsText); free(corpus);
    return 0;
}
