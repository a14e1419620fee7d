#define _GNU_SOURCE
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <signal.h>
#include <setjmp.h>
#include <sys/mman.h>
#include <unistd.h>
#define STATE_SIZE 776
#define MEM_SIZE 0x10000
extern int run_guest(uint8_t *state);
extern char exit_stub[];
static uint8_t state[STATE_SIZE] __attribute__((aligned(16)));
static sigjmp_buf jb;
static void on_sig(int sig, siginfo_t *si, void *uc) {
  (void)si; (void)uc;
  uint64_t saved;
  /* restore tpidr if exit stub was mid-way: not needed for guest faults */
  (void)saved;
  siglongjmp(jb, sig);
}
static int readn(void *p, size_t n) { size_t d = 0; while (d < n) { ssize_t r = read(0, (char*)p + d, n - d); if (r <= 0) return -1; d += r; } return 0; }
static void writen(const void *p, size_t n) { size_t d = 0; while (d < n) { ssize_t r = write(1, (const char*)p + d, n - d); if (r <= 0) exit(3); d += r; } }
int main(void) {
  uint32_t *code = mmap((void*)0x10000, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_FIXED|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
  uint8_t *mem = mmap((void*)0x20000, MEM_SIZE, PROT_READ|PROT_WRITE, MAP_FIXED|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
  if (code != (void*)0x10000 || mem != (void*)0x20000) { fprintf(stderr, "mmap failed\n"); return 1; }
  static char altstack[65536];
  stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
  sigaltstack(&ss, 0);
  struct sigaction sa; memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sig; sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigaction(SIGSEGV, &sa, 0); sigaction(SIGBUS, &sa, 0); sigaction(SIGILL, &sa, 0);
  uint64_t saved_tp; asm volatile("mrs %0, tpidr_el0" : "=r"(saved_tp));
  for (;;) {
    uint32_t n;
    if (readn(&n, 4)) break;
    if (readn(code, 4 * n)) return 2;
    int32_t off = (int32_t)(((intptr_t)exit_stub - (intptr_t)(code + n)) / 4);
    code[n] = 0x14000000u | ((uint32_t)off & 0x3ffffff);
    __builtin___clear_cache((char*)code, (char*)(code + n + 1));
    if (readn(state, STATE_SIZE)) return 2;
    if (readn(mem, MEM_SIZE)) return 2;
    /* clear the exclusive monitor */
    asm volatile("clrex" ::: "memory");
    uint32_t status = 0;
    int sig = sigsetjmp(jb, 1);
    if (sig == 0) run_guest(state);
    else { status = sig; asm volatile("msr tpidr_el0, %0" :: "r"(saved_tp)); }
    writen(&status, 4);
    writen(state, STATE_SIZE);
    writen(mem, MEM_SIZE);
  }
  return 0;
}
