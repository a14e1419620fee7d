/* syscalls.c - the Linux system-call surface a static glibc program uses:
 * file I/O in a scratch directory (argv[1], default /tmp), directories,
 * getcwd/chdir, uname, pids, brk and mmap-backed malloc, mmap/mprotect/
 * munmap, clock_gettime, getrandom, pipes and dup, signals (SIGSEGV from a
 * NULL dereference left with siglongjmp, SIGILL from an undefined
 * instruction whose handler skips it by editing the ucontext PC and
 * returning through rt_sigreturn, a self-sent SIGUSR1, blocked and
 * pending signals).  Only deterministic facts are printed (booleans
 * instead of pids, times, addresses or the cwd).  It also writes to
 * stderr and exits with status 3.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#define CHECK(cond) do { int ok_ = (cond); printf("%-44s %s\n", #cond, ok_ ? "ok" : "FAILED"); failures += !ok_; } while (0)

static int failures;
static sigjmp_buf jb;
static volatile sig_atomic_t segv_code, ill_code, usr1_count;
static volatile uintptr_t segv_addr = 1, ill_pc_ok;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    segv_code = si->si_code;
    segv_addr = (uintptr_t)si->si_addr;
    siglongjmp(jb, sig);
}

extern char undef_insn[];   /* label on the undefined instruction below */

static void on_ill(int sig, siginfo_t *si, void *ucv)
{
    (void)sig;
    ucontext_t *uc = ucv;
    ill_code = si->si_code;
    ill_pc_ok = uc->uc_mcontext.pc == (uintptr_t)undef_insn && si->si_addr == (void *)undef_insn;
    uc->uc_mcontext.pc += 4;          /* skip it and return via rt_sigreturn */
    uc->uc_mcontext.regs[0] = 0x5151; /* visible in the interrupted code */
}

static void on_usr1(int sig) { (void)sig; usr1_count++; }

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv)
{
    const char *base = argc > 1 ? argv[1] : "/tmp";
    char dir[4096], path[4200], path2[4200];
    snprintf(dir, sizeof dir, "%s/jitvisor-syscalls-%d", base, (int)getpid());

    printf("== syscalls guest\n");
    fprintf(stderr, "syscalls: this line goes to stderr\n");

    /* --- process facts --- */
    struct utsname u;
    CHECK(uname(&u) == 0);
    printf("uname: sysname=%s machine=%s\n", u.sysname, u.machine);
    CHECK(getpid() > 0);
    CHECK(getppid() >= 0);
    CHECK(getuid() == geteuid());
    CHECK(getauxval(AT_PAGESZ) == 4096);
    CHECK(sysconf(_SC_PAGESIZE) == 4096);
    CHECK(getauxval(AT_ENTRY) != 0);
    CHECK(getauxval(AT_RANDOM) != 0);
    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL && cwd[0] == '/');

    /* --- time and randomness --- */
    struct timespec t0, t1, tr;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &t0) == 0);
    for (volatile int i = 0; i < 100000; i++) ;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &t1) == 0);
    CHECK(t1.tv_sec > t0.tv_sec || (t1.tv_sec == t0.tv_sec && t1.tv_nsec >= t0.tv_nsec));
    CHECK(clock_gettime(CLOCK_REALTIME, &tr) == 0 && tr.tv_sec > 1600000000);
    CHECK(time(NULL) > 1600000000);
    struct timespec nap = { 0, 1000 };
    CHECK(nanosleep(&nap, NULL) == 0);
    unsigned char rbuf[32];
    CHECK(getrandom(rbuf, sizeof rbuf, 0) == (ssize_t)sizeof rbuf);
    CHECK(getrandom(rbuf, 7, GRND_NONBLOCK) == 7);

    /* --- files --- */
    CHECK(mkdir(dir, 0755) == 0);
    CHECK(mkdir(dir, 0755) == -1 && errno == EEXIST);
    snprintf(path, sizeof path, "%s/data.bin", dir);
    int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
    CHECK(fd >= 0);
    char block[1000];
    for (int i = 0; i < 1000; i++) block[i] = (char)('a' + i % 26);
    CHECK(write(fd, block, 1000) == 1000);
    CHECK(write(fd, "tail", 4) == 4);
    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size == 1004 && S_ISREG(st.st_mode));
    CHECK((st.st_mode & 0777) == (0644 & ~umask(022)));
    CHECK(lseek(fd, 0, SEEK_CUR) == 1004);
    CHECK(lseek(fd, 26, SEEK_SET) == 26);
    char rb[64] = { 0 };
    CHECK(read(fd, rb, 5) == 5 && memcmp(rb, "abcde", 5) == 0);
    CHECK(lseek(fd, -4, SEEK_END) == 1000);
    CHECK(read(fd, rb, 64) == 4 && memcmp(rb, "tail", 4) == 0);
    CHECK(read(fd, rb, 64) == 0);
    CHECK(pwrite(fd, "XYZ", 3, 100) == 3);
    CHECK(pread(fd, rb, 5, 99) == 5 && memcmp(rb, "vXYZz", 5) == 0);
    struct iovec iov[3] = { { "one ", 4 }, { "two ", 4 }, { "three", 5 } };
    CHECK(lseek(fd, 0, SEEK_END) == 1004 && writev(fd, iov, 3) == 13);
    char v1[4], v2[9];
    struct iovec rv[2] = { { v1, 4 }, { v2, 9 } };
    CHECK(lseek(fd, 1004, SEEK_SET) == 1004 && readv(fd, rv, 2) == 13);
    CHECK(memcmp(v1, "one ", 4) == 0 && memcmp(v2, "two three", 9) == 0);
    CHECK(ftruncate(fd, 500) == 0 && fstat(fd, &st) == 0 && st.st_size == 500);
    char *fm = mmap(NULL, 500, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(fm != MAP_FAILED && fm[0] == 'a' && fm[100] == 'X' && fm[499] == block[499]);
    if (fm != MAP_FAILED) munmap(fm, 500);
    int fd2 = dup(fd);
    CHECK(fd2 > fd && lseek(fd2, 0, SEEK_CUR) == lseek(fd, 0, SEEK_CUR));
    CHECK(fcntl(fd, F_GETFD) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
    CHECK(close(fd2) == 0 && close(fd) == 0);
    CHECK(close(fd) == -1 && errno == EBADF);
    CHECK(open("/nonexistent/jitvisor", O_RDONLY) == -1 && errno == ENOENT);

    /* stdio on a file */
    snprintf(path2, sizeof path2, "%s/text.txt", dir);
    FILE *f = fopen(path2, "w");
    CHECK(f != NULL);
    for (int i = 0; i < 100; i++) fprintf(f, "line %d: %d\n", i, i * i);
    CHECK(fclose(f) == 0);
    f = fopen(path2, "r");
    char line[64];
    long total = 0;
    int lines = 0;
    while (fgets(line, sizeof line, f)) { lines++; total += strtol(strchr(line, ':') + 1, NULL, 10); }
    fclose(f);
    printf("text file: %d lines, sum of squares %ld\n", lines, total);
    CHECK(stat(path2, &st) == 0 && st.st_size == 1344);
    CHECK(access(path2, R_OK | W_OK) == 0);

    /* rename, more files, directory listing */
    snprintf(path2, sizeof path2, "%s/renamed.bin", dir);
    CHECK(rename(path, path2) == 0);
    CHECK(access(path, F_OK) == -1 && errno == ENOENT);
    static const char *names[] = { "zeta", "alpha", "mid", "Beta", "_under" };
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        int t = open(path, O_CREAT | O_WRONLY, 0600);
        if (t >= 0) { (void)!write(t, names[i], strlen(names[i])); close(t); }
    }
    snprintf(path, sizeof path, "%s/subdir", dir);
    CHECK(mkdir(path, 0700) == 0);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    char *ents[32];
    int ne = 0;
    struct dirent *de;
    while (d && (de = readdir(d)) && ne < 32) ents[ne++] = strdup(de->d_name);
    if (d) closedir(d);
    qsort(ents, ne, sizeof ents[0], cmpstr);
    printf("directory entries (%d):", ne);
    for (int i = 0; i < ne; i++) printf(" %s", ents[i]);
    printf("\n");
    CHECK(chdir(dir) == 0);
    CHECK(getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd + strlen(cwd) - strlen(strrchr(dir, '/')), strrchr(dir, '/')) == 0);
    CHECK(stat("subdir", &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(rmdir("subdir") == 0);
    for (int i = 0; i < ne; i++) {
        if (strcmp(ents[i], ".") && strcmp(ents[i], "..") && strcmp(ents[i], "subdir"))
            if (unlink(ents[i]) != 0) printf("unlink %s failed\n", ents[i]);
        free(ents[i]);
    }
    CHECK(chdir("..") == 0);
    CHECK(rmdir(dir) == 0);
    CHECK(access(dir, F_OK) == -1);

    /* --- pipes --- */
    int p[2];
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], "through the pipe", 16) == 16);
    memset(rb, 0, sizeof rb);
    CHECK(read(p[0], rb, sizeof rb) == 16 && strcmp(rb, "through the pipe") == 0);
    CHECK(close(p[0]) == 0 && close(p[1]) == 0);

    /* --- memory --- */
    void *brk0 = sbrk(0);
    CHECK(brk0 != (void *)-1);
    CHECK(sbrk(65536) == brk0 && sbrk(0) == (char *)brk0 + 65536);
    memset(brk0, 0x5a, 65536);
    CHECK(((unsigned char *)brk0)[65535] == 0x5a);
    CHECK(sbrk(-65536) != (void *)-1 && sbrk(0) == brk0);
    size_t big = 32u << 20;   /* above the mmap threshold */
    unsigned char *m = malloc(big);
    CHECK(m != NULL);
    for (size_t i = 0; i < big; i += 4096) m[i] = (unsigned char)(i >> 12);
    unsigned sum = 0;
    for (size_t i = 0; i < big; i += 4096) sum += m[i];
    printf("32 MiB malloc page-touch sum %u\n", sum);
    m = realloc(m, 2 * big);
    CHECK(m != NULL && m[4096 * 3] == 3);
    free(m);
    void *small[1000];
    for (int i = 0; i < 1000; i++) { small[i] = malloc(16 + i * 7); memset(small[i], i, 16 + i * 7); }
    int good = 1;
    for (int i = 0; i < 1000; i++) { good &= ((unsigned char *)small[i])[i * 7] == (unsigned char)i; free(small[i]); }
    CHECK(good);
    unsigned char *pg = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(pg != MAP_FAILED);
    CHECK(pg[0] == 0 && pg[3 * 4096 - 1] == 0);
    pg[4096] = 42;
    CHECK(mprotect(pg + 4096, 4096, PROT_READ) == 0 && pg[4096] == 42);
    CHECK(munmap(pg + 8192, 4096) == 0);
    void *fixed = mmap(pg + 8192, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(fixed == pg + 8192);
    CHECK(munmap(pg, 3 * 4096) == 0);
    /* mremap needs a single mapping (the mprotect above split pg's) */
    unsigned char *rm = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(rm != MAP_FAILED);
    rm[4096] = 43;
    unsigned char *grown = mremap(rm, 2 * 4096, 64 * 4096, MREMAP_MAYMOVE);
    CHECK(grown != MAP_FAILED && grown[4096] == 43 && grown[63 * 4096] == 0);
    CHECK(munmap(grown, 64 * 4096) == 0);

    /* --- signals --- */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);
    int caught = sigsetjmp(jb, 1);
    if (caught == 0) {
        volatile int *nullp = NULL;
        int v = *nullp;          /* faults */
        printf("not reached %d\n", v);
    }
    printf("SIGSEGV caught: %s (signal %d, si_code %d, si_addr %s)\n", caught == SIGSEGV ? "yes" : "no",
           caught, (int)segv_code, segv_addr == 0 ? "NULL" : "non-NULL");
    /* write to a read-only page */
    unsigned char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    caught = sigsetjmp(jb, 1);
    if (caught == 0) {
        ((volatile unsigned char *)ro)[10] = 1;
        printf("not reached\n");
    }
    printf("SIGSEGV on read-only page caught: %s (si_code %d = SEGV_ACCERR? %s, addr ok %s)\n",
           caught == SIGSEGV ? "yes" : "no", (int)segv_code, segv_code == SEGV_ACCERR ? "yes" : "no",
           segv_addr == (uintptr_t)ro + 10 ? "yes" : "no");
    munmap(ro, 4096);

    sa.sa_sigaction = on_ill;
    CHECK(sigaction(SIGILL, &sa, NULL) == 0);
    uint64_t x0;
    __asm__ volatile("mov x0, #7\n\t"
                     ".globl undef_insn\n"
                     "undef_insn:\n\t"
                     ".inst 0x00000000\n\t"
                     "mov %0, x0"
                     : "=r"(x0) : : "x0", "memory");
    /* Linux reports ILL_ILLOPC for UDF, qemu-user ILL_ILLOPN: accept both. */
    printf("SIGILL caught: %s (si_code ILL_ILLOPC or ILL_ILLOPN: %s, pc ok %s, resumed with x0=%#llx)\n",
           ill_code ? "yes" : "no", ill_code == ILL_ILLOPC || ill_code == ILL_ILLOPN ? "yes" : "no",
           ill_pc_ok ? "yes" : "no", (unsigned long long)x0);

    CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
    CHECK(raise(SIGUSR1) == 0 && usr1_count == 1);
    CHECK(kill(getpid(), SIGUSR1) == 0 && usr1_count == 2);
    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0);
    CHECK(raise(SIGUSR1) == 0 && usr1_count == 2);
    CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1) == 1);
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0 && usr1_count == 3);
    CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
    CHECK(pipe(p) == 0 && close(p[0]) == 0);
    CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE);
    close(p[1]);

    printf("== %d failures\n", failures);
    fprintf(stderr, "syscalls: exiting with status 3\n");
    fflush(stdout);
    return 3;
}
