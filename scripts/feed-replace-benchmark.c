// What publishing a feed costs the lane that does it, per way of replacing the file (issue 11).
// Build and run: scripts/feed-replace-benchmark.sh [FOLDER] [ROUNDS] [BYTES]
//
// Each round writes BYTES into a temporary file beside feed.json and puts it under that name, 20 ms after the
// last (so each call meets a quiet disk, as a file arriving alone does), and times the calls the lane makes:
//   rename          open a new file, write, rename over feed.json (the replaced file's last link: freed in the call)
//   rename-kept     the same, the replaced file keeping a second name (link made before, untimed)
//   spare-kept      the file opened ahead (untimed), write, rename over feed.json with the second name kept
//   spare-swap      the file opened ahead, write, renameat2(RENAME_EXCHANGE): the old file keeps the temporary name
// and prints p50 and p90 of the open, the write, the rename and their sum, in microseconds.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int ascending(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(double *v, int n, int p) {
    qsort(v, n, sizeof *v, ascending);
    return v[n * p / 100];
}

enum way { RENAME, RENAME_KEPT, SPARE_KEPT, SPARE_SWAP };
static const char *names[] = {"rename", "rename-kept", "spare-kept", "spare-swap"};

static void run(enum way way, int rounds, size_t bytes, const char *data) {
    double *open_t = calloc(rounds, sizeof(double)), *write_t = calloc(rounds, sizeof(double));
    double *rename_t = calloc(rounds, sizeof(double)), *total_t = calloc(rounds, sizeof(double));
    const int flags = O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC;
    int fd = open("feed.json", flags, 0644);
    if (fd < 0 || write(fd, data, bytes) != (ssize_t)bytes || fsync(fd) != 0) { perror("feed.json"); exit(1); }
    close(fd);
    for (int i = 0; i < rounds; i++) {
        int spare = -1;
        if (way == SPARE_KEPT || way == SPARE_SWAP) spare = open(".feed.tmp", flags, 0644);
        if (way == RENAME_KEPT || way == SPARE_KEPT) {
            unlink(".feed.kept");
            if (link("feed.json", ".feed.kept") != 0) { perror("link"); exit(1); }
        }
        usleep(20000);
        double a = now_us();
        fd = spare >= 0 ? spare : open(".feed.tmp", flags, 0644);
        double b = now_us();
        if (fd < 0 || write(fd, data, bytes) != (ssize_t)bytes) { perror("write"); exit(1); }
        double c = now_us();
        int r = way == SPARE_SWAP ? renameat2(AT_FDCWD, ".feed.tmp", AT_FDCWD, "feed.json", RENAME_EXCHANGE)
                                  : rename(".feed.tmp", "feed.json");
        double d = now_us();
        if (r != 0) { perror("rename"); exit(1); }
        close(fd);
        if (way == SPARE_SWAP) unlink(".feed.tmp");
        open_t[i] = b - a, write_t[i] = c - b, rename_t[i] = d - c, total_t[i] = d - a;
        usleep(20000);
    }
    unlink(".feed.kept");
    printf("%-12s open p50 %5.0f  write p50 %4.0f  rename p50 %5.0f  sum p50 %5.0f p90 %5.0f us\n", names[way],
        percentile(open_t, rounds, 50), percentile(write_t, rounds, 50), percentile(rename_t, rounds, 50),
        percentile(total_t, rounds, 50), percentile(total_t, rounds, 90));
    free(open_t), free(write_t), free(rename_t), free(total_t);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    size_t bytes = argc > 2 ? (size_t)atol(argv[2]) : 8000;
    char *data = malloc(bytes);
    memset(data, 'x', bytes);
    // Twice each, interleaved, so a change in the disk's load shows as a difference between the two passes.
    for (int pass = 0; pass < 2; pass++)
        for (enum way way = RENAME; way <= SPARE_SWAP; way++) run(way, rounds, bytes, data);
    return 0;
}
