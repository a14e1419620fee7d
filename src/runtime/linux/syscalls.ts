/**
 * The syscall table: one handler per implemented aarch64 Linux syscall. A
 * handler reads its arguments from the process's x0..x5 and returns the
 * value for x0 (a negative errno is returned by throwing SysError, or a host
 * error that maps to one). Syscalls missing here return -ENOSYS and are
 * counted in LinuxProcess.unknownSyscalls.
 */
import * as fs from 'node:fs';
import { PAGE_SIZE } from '../../backend-js/abi.js';
import { ERRNO, SysError, fail } from './errno.js';
import { AT_FDCWD } from './fs.js';
import { MAP_ANONYMOUS, MAP_SHARED, MAP_SHARED_VALIDATE, MAP_TYPE } from './mm.js';
import type { LinuxProcess } from './process.js';
import {
  NSIG,
  SIGKILL,
  SIGSTOP,
  SI_TKILL,
  SI_USER,
} from './signals.js';
import type { SyscallName } from './syscall-numbers.js';
import {
  TIMER_ABSTIME,
  encodeTimespec,
  encodeTimeval,
  readTimespec,
  readTimeval,
} from './time.js';
import { Interrupted } from './types.js';
import { StructWriter } from './uaccess.js';

export { LinuxProcess, type LinuxProcessOptions } from './process.js';
export type { SyscallResult } from './types.js';

/** Returned by a handler that already set x0 (rt_sigreturn). */
export const KEEP_X0 = Symbol('keep x0');

type Handler = (p: LinuxProcess) => number | typeof KEEP_X0;

const NS = 1_000_000_000n;

const FUTEX_WAIT = 0;
const FUTEX_WAKE = 1;
const FUTEX_FD = 2;
const FUTEX_REQUEUE = 3;
const FUTEX_CMP_REQUEUE = 4;
const FUTEX_WAKE_OP = 5;
const FUTEX_LOCK_PI = 6;
const FUTEX_UNLOCK_PI = 7;
const FUTEX_TRYLOCK_PI = 8;
const FUTEX_WAIT_BITSET = 9;
const FUTEX_WAKE_BITSET = 10;
const FUTEX_CLOCK_REALTIME = 256;

const GRND_NONBLOCK = 1;
const GRND_RANDOM = 2;
const GRND_INSECURE = 4;

const PR_SET_PDEATHSIG = 1;
const PR_GET_PDEATHSIG = 2;
const PR_GET_DUMPABLE = 3;
const PR_SET_DUMPABLE = 4;
const PR_GET_KEEPCAPS = 7;
const PR_SET_KEEPCAPS = 8;
const PR_SET_NAME = 15;
const PR_GET_NAME = 16;
const PR_GET_TIMERSLACK = 30;
const PR_SET_TIMERSLACK = 29;
const PR_SET_CHILD_SUBREAPER = 36;
const PR_GET_CHILD_SUBREAPER = 37;
const PR_SET_NO_NEW_PRIVS = 38;
const PR_GET_NO_NEW_PRIVS = 39;
const PR_SET_THP_DISABLE = 41;
const PR_GET_THP_DISABLE = 42;
const PR_SET_VMA = 0x53564d41;

const MEMBARRIER_CMD_QUERY = 0;
const MEMBARRIER_SUPPORTED = 1 | 8 | 16 | 32 | 64; // GLOBAL, PRIVATE_EXPEDITED (+REGISTER), SYNC_CORE (+REGISTER)

/** Write a value or throw EFAULT (NULL pointers skipped). */
function put(p: LinuxProcess, addr: number, bytes: Uint8Array): void {
  if (addr !== 0) p.ua.write(addr, bytes);
}

/** Deliver a signal sent by the process to itself: pending until the syscall returns. */
function sendSelf(p: LinuxProcess, sig: number, code: number): number {
  if (sig < 0 || sig > NSIG) fail('EINVAL');
  if (sig === 0) return 0;
  p.signals.raise(sig, { code, pid: p.pid, uid: p.uid });
  if (sig === SIGKILL || sig === SIGSTOP) {
    // Neither can be caught, blocked or ignored (SIGSTOP: nobody could continue us; treat as a no-op).
    if (sig === SIGSTOP) p.signals.pending.splice(p.signals.pending.findIndex((x) => x.sig === SIGSTOP), 1);
  }
  return 0;
}

function sleepFor(p: LinuxProcess, ns: bigint, remAddr: number): number {
  const deadline = p.clock.monoNs() + ns;
  if (p.sleepUntil(deadline)) {
    if (remAddr !== 0) {
      const left = deadline - p.clock.monoNs();
      p.ua.write(remAddr, encodeTimespec(left > 0n ? left : 0n));
    }
    throw new Interrupted(false);
  }
  return 0;
}

function getRlimit(p: LinuxProcess, res: number): [bigint, bigint] {
  const r = p.rlimits.get(res);
  if (!r) fail('EINVAL');
  return r;
}

function setRlimit(p: LinuxProcess, res: number, cur: bigint, max: bigint): void {
  const old = getRlimit(p, res);
  if (cur > max) fail('EINVAL');
  if (max > old[1] && p.uid !== 0) fail('EPERM');
  if (res === 7 /* NOFILE */) {
    if (cur > 1n << 20n) fail('EPERM');
    p.fds.limit = Number(cur);
  }
  p.rlimits.set(res, [cur, max]);
}

/**
 * Supplementary groups of the host process. Node's process.getgroups() adds the
 * effective gid, which getgroups(2) does not, so read /proc/self/status on Linux.
 */
function hostGroups(): number[] {
  try {
    const m = /^Groups:[ \t]*(.*)$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return m[1]!.trim() === '' ? [] : m[1]!.trim().split(/\s+/).map(Number);
  } catch {
    // not Linux
  }
  return typeof process.getgroups === 'function' ? process.getgroups() : [];
}

function utsname(): Uint8Array {
  const w = new StructWriter(390);
  const fields = ['Linux', 'jitvisor', '6.1.0', '#1 SMP PREEMPT jitvisor', 'aarch64', '(none)'];
  fields.forEach((f, i) => w.str(65 * i, f, 65));
  return w.bytes;
}

function rusage(p: LinuxProcess, who: number): Uint8Array {
  const w = new StructWriter(144);
  if (who === -1) return w.bytes; // RUSAGE_CHILDREN: none
  const u = process.cpuUsage();
  w.u64(0, Math.floor(u.user / 1e6)).u64(8, u.user % 1e6);
  w.u64(16, Math.floor(u.system / 1e6)).u64(24, u.system % 1e6);
  w.u64(32, Math.ceil(p.residentBytes() / 1024)); // ru_maxrss (KiB)
  return w.bytes;
}

function futex(p: LinuxProcess): number {
  const uaddr = p.arg(0);
  const op = p.int(1);
  const val = p.uint(2);
  const cmd = op & 0x7f;
  if (uaddr % 4 !== 0) fail('EINVAL');
  switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
      if (cmd === FUTEX_WAIT_BITSET && p.uint(5) === 0) fail('EINVAL');
      const cur = p.ua.u32(uaddr);
      if (cur !== val) fail('EAGAIN');
      const tp = p.arg(3);
      if (tp === 0) {
        // No other thread can wake us: wait for a signal (restarted under SA_RESTART).
        return p.waitForever(true);
      }
      const t = readTimespec(p.ua, tp);
      let deadline: bigint;
      if (cmd === FUTEX_WAIT) deadline = p.clock.monoNs() + t;
      else if (op & FUTEX_CLOCK_REALTIME) deadline = p.clock.monoNs() + (t - p.clock.realNs());
      else deadline = t;
      if (p.sleepUntil(deadline)) throw new Interrupted(false);
      return fail('ETIMEDOUT');
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
      if (cmd === FUTEX_WAKE_BITSET && p.uint(5) === 0) fail('EINVAL');
      return 0;
    case FUTEX_REQUEUE:
      return 0;
    case FUTEX_CMP_REQUEUE:
      if (p.ua.u32(uaddr) !== p.uint(5)) fail('EAGAIN');
      return 0;
    case FUTEX_WAKE_OP: {
      // Atomically *uaddr2 = *uaddr2 OP oparg; wake waiters (none) on both.
      const uaddr2 = p.arg(4);
      const v3 = p.uint(5);
      const opKind = (v3 >>> 28) & 7;
      const shift = (v3 >>> 28) & 8;
      let oparg = (v3 << 8) >> 20;
      if (shift) oparg = 1 << (oparg & 31);
      const old = p.ua.u32(uaddr2);
      const ops = [oparg, old + oparg, old | oparg, old & ~oparg, old ^ oparg];
      if (opKind > 4) fail('ENOSYS');
      p.ua.setU32(uaddr2, ops[opKind]!);
      return 0;
    }
    case FUTEX_LOCK_PI:
    case FUTEX_TRYLOCK_PI: {
      const cur = p.ua.u32(uaddr);
      if ((cur & 0x3fffffff) === 0) {
        p.ua.setU32(uaddr, p.pid);
        return 0;
      }
      if ((cur & 0x3fffffff) === p.pid) fail('EDEADLK');
      return cmd === FUTEX_TRYLOCK_PI ? fail('EAGAIN') : fail('EDEADLK');
    }
    case FUTEX_UNLOCK_PI: {
      const cur = p.ua.u32(uaddr);
      if ((cur & 0x3fffffff) !== p.pid) fail('EPERM');
      p.ua.setU32(uaddr, 0);
      return 0;
    }
    case FUTEX_FD:
    default:
      return fail('ENOSYS');
  }
}

function mmap(p: LinuxProcess): number {
  const addr = p.arg(0);
  const len = p.arg(1);
  const prot = p.int(2);
  const flags = p.int(3);
  const fd = p.int(4);
  const off = p.long(5);
  const type = flags & MAP_TYPE;
  const shared = type === MAP_SHARED || type === MAP_SHARED_VALIDATE;
  let source;
  if (!(flags & MAP_ANONYMOUS)) {
    if (off < 0 || off % PAGE_SIZE !== 0) fail('EINVAL');
    const f = p.fds.file(fd);
    // /dev/zero maps as anonymous memory.
    if (f.path === '/dev/zero') source = undefined;
    else source = p.fs.mapSource(fd, prot, shared);
  }
  return p.mm.mmap(addr, len, prot, flags, source, source ? off : 0);
}

function itimerval(value: bigint, interval: bigint): Uint8Array {
  const b = new Uint8Array(32);
  b.set(encodeTimeval(interval), 0);
  b.set(encodeTimeval(value), 16);
  return b;
}

function selectTimeout(p: LinuxProcess, addr: number): number | null {
  if (addr === 0) return null;
  return Number(readTimespec(p.ua, addr)) / 1e6;
}

/**
 * Waits for ppoll/pselect: until `ready()` (host input arrived), the timeout
 * (ms, negative = none), or a signal deliverable under `mask` (returns true).
 */
function pollWait(p: LinuxProcess, mask: bigint | undefined) {
  return (ms: number, ready: () => boolean): boolean => {
    const deadline = ms < 0 ? null : p.clock.monoNs() + BigInt(Math.round(ms * 1e6));
    return p.sleepUntil(deadline, mask ?? p.signals.blocked, ready);
  };
}

function withSigmask<T>(p: LinuxProcess, maskAddr: number, size: number, run: (mask: bigint | undefined) => T): T {
  if (maskAddr === 0) return run(undefined);
  if (size !== 8) fail('EINVAL');
  const mask = p.ua.big64(maskAddr) & ~((1n << 8n) | (1n << 18n));
  try {
    return run(mask);
  } catch (e) {
    // Interrupted: deliver what the temporary mask let through, then restore the old mask.
    if (e instanceof SysError && e.errno === ERRNO.EINTR) p.deliverUnderMask(mask);
    throw e;
  }
}

export const HANDLERS: Partial<Record<SyscallName, Handler>> = {
  // ---------------------------------------------------------------- files
  openat: (p) => p.fs.openat(p.int(0), p.arg(1), p.int(2), p.uint(3)),
  close: (p) => p.fs.close(p.int(0)),
  close_range: (p) => p.fs.closeRange(p.uint(0), p.uint(1), p.uint(2)),
  read: (p) => p.fs.read(p.int(0), p.arg(1), p.arg(2)),
  write: (p) => p.fs.write(p.int(0), p.arg(1), p.arg(2)),
  readv: (p) => p.fs.readv(p.int(0), p.arg(1), p.int(2)),
  writev: (p) => p.fs.writev(p.int(0), p.arg(1), p.int(2)),
  pread64: (p) => p.fs.pread(p.int(0), p.arg(1), p.arg(2), p.long(3)),
  pwrite64: (p) => p.fs.pwrite(p.int(0), p.arg(1), p.arg(2), p.long(3)),
  preadv: (p) => (p.long(3) < 0 ? fail('EINVAL') : p.fs.readv(p.int(0), p.arg(1), p.int(2), p.long(3))),
  pwritev: (p) => (p.long(3) < 0 ? fail('EINVAL') : p.fs.writev(p.int(0), p.arg(1), p.int(2), p.long(3))),
  preadv2: (p) => (p.long(3) === -1 ? p.fs.readv(p.int(0), p.arg(1), p.int(2)) : p.long(3) < 0 ? fail('EINVAL') : p.fs.readv(p.int(0), p.arg(1), p.int(2), p.long(3))),
  pwritev2: (p) => (p.long(3) === -1 ? p.fs.writev(p.int(0), p.arg(1), p.int(2)) : p.long(3) < 0 ? fail('EINVAL') : p.fs.writev(p.int(0), p.arg(1), p.int(2), p.long(3))),
  lseek: (p) => p.fs.lseek(p.int(0), p.long(1), p.uint(2)),
  sendfile: (p) => p.fs.sendfile(p.int(0), p.int(1), p.arg(2), p.arg(3)),
  copy_file_range: (p) => p.fs.copyFileRange(p.int(0), p.arg(1), p.int(2), p.arg(3), p.arg(4), p.uint(5)),
  fstat: (p) => p.fs.fstat(p.int(0), p.arg(1)),
  newfstatat: (p) => p.fs.newfstatat(p.int(0), p.arg(1), p.arg(2), p.int(3)),
  statx: (p) => p.fs.statx(p.int(0), p.arg(1), p.int(2), p.uint(3), p.arg(4)),
  statfs: (p) => p.fs.statfs(p.fs.resolve(AT_FDCWD, p.ua.cstring(p.arg(0))), p.arg(1)),
  fstatfs: (p) => p.fs.statfs(p.int(0), p.arg(1)),
  getdents64: (p) => p.fs.getdents64(p.int(0), p.arg(1), p.uint(2)),
  readlinkat: (p) => p.fs.readlinkat(p.int(0), p.arg(1), p.arg(2), p.int(3)),
  faccessat: (p) => p.fs.faccessat(p.int(0), p.arg(1), p.int(2), 0),
  faccessat2: (p) => p.fs.faccessat(p.int(0), p.arg(1), p.int(2), p.int(3)),
  getcwd: (p) => p.fs.getcwd(p.arg(0), p.arg(1)),
  chdir: (p) => p.fs.chdir(p.arg(0)),
  fchdir: (p) => p.fs.fchdir(p.int(0)),
  dup: (p) => p.fs.dup(p.int(0)),
  dup3: (p) => p.fs.dup3(p.int(0), p.int(1), p.int(2)),
  pipe2: (p) => p.fs.pipe2(p.arg(0), p.int(1)),
  fcntl: (p) => p.fs.fcntl(p.int(0), p.int(1), p.arg(2)),
  ioctl: (p) => p.fs.ioctl(p.int(0), p.uint(1), p.arg(2)),
  mkdirat: (p) => p.fs.mkdirat(p.int(0), p.arg(1), p.uint(2)),
  mknodat: (p) => {
    const mode = p.uint(2);
    const type = mode & 0o170000;
    if (type !== 0 && type !== 0o100000) fail('EPERM');
    const path = p.fs.resolve(p.int(0), p.ua.cstring(p.arg(1)));
    fs.closeSync(fs.openSync(path, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, mode & ~p.fs.umask & 0o7777));
    return 0;
  },
  unlinkat: (p) => p.fs.unlinkat(p.int(0), p.arg(1), p.int(2)),
  renameat: (p) => p.fs.renameat2(p.int(0), p.arg(1), p.int(2), p.arg(3), 0),
  renameat2: (p) => p.fs.renameat2(p.int(0), p.arg(1), p.int(2), p.arg(3), p.uint(4)),
  symlinkat: (p) => p.fs.symlinkat(p.arg(0), p.int(1), p.arg(2)),
  linkat: (p) => p.fs.linkat(p.int(0), p.arg(1), p.int(2), p.arg(3), p.int(4)),
  fchmod: (p) => p.fs.fchmod(p.int(0), p.uint(1)),
  fchmodat: (p) => p.fs.fchmodat(p.int(0), p.arg(1), p.uint(2), 0),
  fchmodat2: (p) => p.fs.fchmodat(p.int(0), p.arg(1), p.uint(2), p.int(3)),
  fchownat: (p) => p.fs.fchownat(p.int(0), p.arg(1), p.int(2), p.int(3), p.int(4)),
  fchown: (p) => p.fs.fchown(p.int(0), p.int(1), p.int(2)),
  utimensat: (p) => p.fs.utimensat(p.int(0), p.arg(1), p.arg(2), p.int(3)),
  truncate: (p) => p.fs.truncate(p.arg(0), p.long(1)),
  ftruncate: (p) => p.fs.ftruncate(p.int(0), p.long(1)),
  fsync: (p) => p.fs.fsync(p.int(0), false),
  fdatasync: (p) => p.fs.fsync(p.int(0), true),
  sync: () => 0,
  syncfs: (p) => (p.fds.file(p.int(0)), 0),
  sync_file_range: (p) => (p.fds.file(p.int(0)), 0),
  fadvise64: (p) => p.fs.fadvise(p.int(0)),
  readahead: (p) => (p.fds.file(p.int(0)), 0),
  flock: (p) => (p.fds.file(p.int(0)), 0),
  umask: (p) => {
    const old = p.fs.umask;
    p.fs.umask = p.uint(0) & 0o777;
    return old;
  },
  fallocate: (p) => (p.fds.file(p.int(0)), fail('EOPNOTSUPP')),
  getxattr: (p) => (p.fs.statPath(p.fs.resolve(AT_FDCWD, p.ua.cstring(p.arg(0))), false), fail('ENODATA')),
  lgetxattr: (p) => (p.fs.statPath(p.fs.resolve(AT_FDCWD, p.ua.cstring(p.arg(0))), true), fail('ENODATA')),
  fgetxattr: (p) => (p.fds.file(p.int(0)), fail('ENODATA')),
  listxattr: (p) => (p.fs.statPath(p.fs.resolve(AT_FDCWD, p.ua.cstring(p.arg(0))), false), 0),
  llistxattr: (p) => (p.fs.statPath(p.fs.resolve(AT_FDCWD, p.ua.cstring(p.arg(0))), true), 0),
  flistxattr: (p) => (p.fds.file(p.int(0)), 0),
  ppoll: (p) =>
    withSigmask(p, p.arg(3), p.arg(4), (mask) => p.fs.ppoll(p.arg(0), p.uint(1), selectTimeout(p, p.arg(2)), pollWait(p, mask))),
  pselect6: (p) => {
    let maskAddr = 0;
    let size = 8;
    if (p.arg(5) !== 0) {
      maskAddr = p.ua.u64(p.arg(5));
      size = p.ua.u64(p.arg(5) + 8);
    }
    return withSigmask(p, maskAddr, size, (mask) =>
      p.fs.pselect(p.int(0), p.arg(1), p.arg(2), p.arg(3), selectTimeout(p, p.arg(4)), pollWait(p, mask)),
    );
  },

  // ---------------------------------------------------------------- memory
  brk: (p) => p.mm.brk(p.arg(0)),
  mmap,
  munmap: (p) => p.mm.munmap(p.arg(0), p.arg(1)),
  mprotect: (p) => p.mm.mprotect(p.arg(0), p.arg(1), p.int(2)),
  mremap: (p) => p.mm.mremap(p.arg(0), p.arg(1), p.arg(2), p.int(3), p.arg(4)),
  madvise: (p) => p.mm.madvise(p.arg(0), p.arg(1), p.int(2)),
  msync: (p) => p.mm.msync(p.arg(0), p.arg(1), p.int(2)),
  mlock: () => 0,
  mlock2: () => 0,
  munlock: () => 0,
  mlockall: () => 0,
  munlockall: () => 0,
  mincore: (p) => {
    const addr = p.arg(0);
    if (addr % PAGE_SIZE !== 0) fail('EINVAL');
    const pages = Math.ceil(p.arg(1) / PAGE_SIZE);
    const first = addr / PAGE_SIZE;
    if (!p.mm.covered(first, first + pages)) fail('ENOMEM');
    const v = new Uint8Array(pages);
    for (let i = 0; i < pages; i++) v[i] = p.space.isMapped(first + i) ? 1 : 0;
    p.ua.write(p.arg(2), v);
    return 0;
  },
  membarrier: (p) => {
    const cmd = p.int(0);
    if (cmd === MEMBARRIER_CMD_QUERY) return MEMBARRIER_SUPPORTED;
    if ((cmd & MEMBARRIER_SUPPORTED) === cmd && (cmd & (cmd - 1)) === 0) return 0;
    return fail('EINVAL');
  },

  // ---------------------------------------------------------------- process
  exit: (p) => (p.requestExit(p.int(0)), 0),
  exit_group: (p) => (p.requestExit(p.int(0)), 0),
  getpid: (p) => p.pid,
  getppid: (p) => p.ppid,
  gettid: (p) => p.pid,
  getuid: (p) => p.uid,
  geteuid: (p) => p.uid,
  getgid: (p) => p.gid,
  getegid: (p) => p.gid,
  getresuid: (p) => {
    for (let i = 0; i < 3; i++) p.ua.setU32(p.arg(i), p.uid);
    return 0;
  },
  getresgid: (p) => {
    for (let i = 0; i < 3; i++) p.ua.setU32(p.arg(i), p.gid);
    return 0;
  },
  setuid: (p) => (p.uint(0) === p.uid || p.uid === 0 ? 0 : fail('EPERM')),
  setgid: (p) => (p.uint(0) === p.gid || p.uid === 0 ? 0 : fail('EPERM')),
  setreuid: (p) => ([p.int(0), p.int(1)].every((v) => v === -1 || v === p.uid) || p.uid === 0 ? 0 : fail('EPERM')),
  setregid: (p) => ([p.int(0), p.int(1)].every((v) => v === -1 || v === p.gid) || p.uid === 0 ? 0 : fail('EPERM')),
  setresuid: (p) => ([p.int(0), p.int(1), p.int(2)].every((v) => v === -1 || v === p.uid) || p.uid === 0 ? 0 : fail('EPERM')),
  setresgid: (p) => ([p.int(0), p.int(1), p.int(2)].every((v) => v === -1 || v === p.gid) || p.uid === 0 ? 0 : fail('EPERM')),
  setfsuid: (p) => p.uid,
  setfsgid: (p) => p.gid,
  getgroups: (p) => {
    const groups = hostGroups();
    const size = p.int(0);
    if (size < 0) fail('EINVAL');
    if (size === 0) return groups.length;
    if (size < groups.length) fail('EINVAL');
    const w = new StructWriter(groups.length * 4);
    groups.forEach((g, i) => w.u32(4 * i, g));
    p.ua.write(p.arg(1), w.bytes);
    return groups.length;
  },
  setgroups: (p) => (p.uid === 0 ? 0 : fail('EPERM')),
  getpgid: (p) => (p.int(0) === 0 || p.int(0) === p.pid ? p.pid : fail('ESRCH')),
  setpgid: (p) => (p.int(0) === 0 || p.int(0) === p.pid ? (p.int(1) === 0 || p.int(1) === p.pid ? 0 : fail('EPERM')) : fail('ESRCH')),
  getsid: (p) => (p.int(0) === 0 || p.int(0) === p.pid ? p.pid : fail('ESRCH')),
  setsid: () => fail('EPERM'), // already a process group leader
  set_tid_address: (p) => {
    p.clearChildTid = p.arg(0);
    return p.pid;
  },
  set_robust_list: (p) => {
    if (p.arg(1) !== 24) fail('EINVAL');
    p.robustList = { head: p.arg(0), len: p.arg(1) };
    return 0;
  },
  get_robust_list: (p) => {
    if (p.int(0) !== 0 && p.int(0) !== p.pid) fail('ESRCH');
    p.ua.setU64(p.arg(1), p.robustList.head);
    p.ua.setU64(p.arg(2), p.robustList.len);
    return 0;
  },
  // Like qemu: glibc then runs without restartable sequences.
  rseq: () => fail('ENOSYS'),
  prctl: (p) => {
    const opt = p.int(0);
    switch (opt) {
      case PR_SET_NAME: {
        const bytes: number[] = [];
        for (let i = 0; i < 15; i++) {
          const c = p.ua.read(p.arg(1) + i, 1)[0]!;
          if (c === 0) break;
          bytes.push(c);
        }
        p.comm = Buffer.from(bytes).toString('utf8');
        return 0;
      }
      case PR_GET_NAME: {
        const w = new StructWriter(16).str(0, p.comm, 16);
        p.ua.write(p.arg(1), w.bytes);
        return 0;
      }
      case PR_GET_DUMPABLE:
        return 1;
      case PR_SET_DUMPABLE:
        return p.arg(1) > 1 ? fail('EINVAL') : 0;
      case PR_SET_PDEATHSIG:
        return p.arg(1) > NSIG ? fail('EINVAL') : 0;
      case PR_GET_PDEATHSIG:
        p.ua.setU32(p.arg(1), 0);
        return 0;
      case PR_GET_KEEPCAPS:
      case PR_GET_NO_NEW_PRIVS:
      case PR_GET_THP_DISABLE:
      case PR_GET_CHILD_SUBREAPER:
        if (opt === PR_GET_CHILD_SUBREAPER) p.ua.setU32(p.arg(1), 0);
        return 0;
      case PR_SET_KEEPCAPS:
      case PR_SET_NO_NEW_PRIVS:
      case PR_SET_THP_DISABLE:
      case PR_SET_CHILD_SUBREAPER:
      case PR_SET_TIMERSLACK:
      case PR_SET_VMA:
        return 0;
      case PR_GET_TIMERSLACK:
        return 50000;
      default:
        return fail('EINVAL');
    }
  },
  personality: (p) => {
    const old = p.personality;
    if (p.uint(0) !== 0xffffffff) p.personality = p.uint(0);
    return old;
  },
  uname: (p) => (p.ua.write(p.arg(0), utsname()), 0),
  sethostname: () => fail('EPERM'),
  setdomainname: () => fail('EPERM'),
  sysinfo: (p) => {
    const ram = p.ramFigures();
    const w = new StructWriter(112);
    w.u64(0, Number((p.clock.monoNs() / NS) as bigint));
    w.u64(32, ram.total).u64(40, ram.free).u64(80, 0);
    w.u16(80, 1).u32(104, 1);
    p.ua.write(p.arg(0), w.bytes);
    return 0;
  },
  getrusage: (p) => {
    const who = p.int(0);
    if (who !== 0 && who !== -1 && who !== 1) fail('EINVAL');
    p.ua.write(p.arg(1), rusage(p, who));
    return 0;
  },
  times: (p) => {
    const u = process.cpuUsage();
    const tick = (us: number) => Math.floor(us / 10000);
    put(p, p.arg(0), new StructWriter(32).u64(0, tick(u.user)).u64(8, tick(u.system)).bytes);
    return Number(p.clock.monoNs() / 10_000_000n);
  },
  getrlimit: (p) => {
    const [cur, max] = getRlimit(p, p.uint(0));
    p.ua.write(p.arg(1), new StructWriter(16).u64(0, cur).u64(8, max).bytes);
    return 0;
  },
  setrlimit: (p) => {
    const b = p.ua.read(p.arg(1), 16);
    const dv = new DataView(b.buffer, b.byteOffset, 16);
    setRlimit(p, p.uint(0), dv.getBigUint64(0, true), dv.getBigUint64(8, true));
    return 0;
  },
  prlimit64: (p) => {
    const pid = p.int(0);
    if (pid !== 0 && pid !== p.pid) fail('ESRCH');
    const res = p.uint(1);
    const old = getRlimit(p, res);
    let next: [bigint, bigint] | undefined;
    if (p.arg(2) !== 0) {
      const b = p.ua.read(p.arg(2), 16);
      const dv = new DataView(b.buffer, b.byteOffset, 16);
      next = [dv.getBigUint64(0, true), dv.getBigUint64(8, true)];
    }
    put(p, p.arg(3), new StructWriter(16).u64(0, old[0]).u64(8, old[1]).bytes);
    if (next) setRlimit(p, res, next[0], next[1]);
    return 0;
  },
  getcpu: (p) => {
    put(p, p.arg(0), new StructWriter(4).u32(0, 0).bytes);
    put(p, p.arg(1), new StructWriter(4).u32(0, 0).bytes);
    return 0;
  },
  sched_getaffinity: (p) => {
    const pid = p.int(0);
    if (pid !== 0 && pid !== p.pid) fail('ESRCH');
    const size = p.arg(1);
    if (size < 8 || size % 8 !== 0) fail('EINVAL');
    p.ua.write(p.arg(2), new StructWriter(8).u64(0, 1).bytes);
    return 8;
  },
  sched_setaffinity: (p) => {
    const pid = p.int(0);
    if (pid !== 0 && pid !== p.pid) fail('ESRCH');
    const b = p.ua.read(p.arg(2), Math.min(p.arg(1), 128));
    if (b.length === 0 || (b[0]! & 1) === 0) fail('EINVAL');
    return 0;
  },
  sched_yield: () => 0,
  sched_getscheduler: (p) => (p.int(0) === 0 || p.int(0) === p.pid ? 0 : fail('ESRCH')),
  sched_setscheduler: (p) => (p.int(1) === 0 || p.int(1) === 3 || p.int(1) === 5 ? 0 : fail('EPERM')),
  sched_getparam: (p) => (p.ua.setU32(p.arg(1), 0), 0),
  sched_setparam: (p) => (p.ua.i32(p.arg(1)) === 0 ? 0 : fail('EINVAL')),
  sched_get_priority_max: (p) => ([1, 2].includes(p.int(0)) ? 99 : [0, 3, 5].includes(p.int(0)) ? 0 : fail('EINVAL')),
  sched_get_priority_min: (p) => ([1, 2].includes(p.int(0)) ? 1 : [0, 3, 5].includes(p.int(0)) ? 0 : fail('EINVAL')),
  sched_rr_get_interval: (p) => (p.ua.write(p.arg(1), encodeTimespec(100_000_000n)), 0),
  getpriority: (p) => (p.int(1) === 0 || p.int(1) === p.pid ? 20 : fail('ESRCH')),
  setpriority: (p) => (p.int(1) === 0 || p.int(1) === p.pid ? (p.int(2) < 0 && p.uid !== 0 ? fail('EACCES') : 0) : fail('ESRCH')),
  ioprio_get: () => 0,
  ioprio_set: () => 0,
  capget: (p) => {
    const hdr = p.arg(0);
    const version = p.ua.u32(hdr);
    if (version !== 0x20080522 && version !== 0x20071026 && version !== 0x19980330) {
      p.ua.setU32(hdr, 0x20080522);
      return p.arg(1) === 0 ? 0 : fail('EINVAL');
    }
    put(p, p.arg(1), new Uint8Array(version === 0x19980330 ? 12 : 24));
    return 0;
  },
  capset: (p) => (p.uid === 0 ? 0 : fail('EPERM')),
  wait4: () => fail('ECHILD'),
  waitid: () => fail('ECHILD'),

  // ---------------------------------------------------------------- signals
  rt_sigaction: (p) => p.signals.rtSigaction(p.int(0), p.arg(1), p.arg(2), p.arg(3)),
  rt_sigprocmask: (p) => p.signals.rtSigprocmask(p.int(0), p.arg(1), p.arg(2), p.arg(3)),
  rt_sigpending: (p) => p.signals.rtSigpending(p.arg(0), p.arg(1)),
  sigaltstack: (p) => p.signals.sigaltstack(p.arg(0), p.arg(1)),
  rt_sigreturn: (p) => {
    const r = p.signals.sigreturn();
    if (r.kind === 'exit') p.requestExit(r.code);
    return KEEP_X0;
  },
  rt_sigsuspend: (p) => {
    if (p.arg(1) !== 8) fail('EINVAL');
    const mask = p.ua.big64(p.arg(0)) & ~((1n << 8n) | (1n << 18n));
    const old = p.signals.blocked;
    p.signals.blocked = mask;
    p.sleepUntil(null, mask);
    // Deliver under the temporary mask; the frame saves the old one.
    p.cpu.setXNum(0, -ERRNO.EINTR);
    const r = p.signals.deliverPending(old);
    if (p.signals.blocked === mask) p.signals.blocked = old;
    if (r.kind === 'exit') p.requestExit(r.code);
    return KEEP_X0;
  },
  rt_sigtimedwait: (p) => {
    if (p.arg(3) !== 8) fail('EINVAL');
    const set = p.ua.big64(p.arg(0));
    const timeout = p.arg(2) !== 0 ? readTimespec(p.ua, p.arg(2)) : null;
    const deadline = timeout === null ? null : p.clock.monoNs() + timeout;
    for (;;) {
      const got = p.signals.take(set);
      if (got) {
        if (p.arg(1) !== 0) {
          const w = new StructWriter(128).i32(0, got.sig).i32(8, got.info.code);
          if (got.info.pid !== undefined) w.i32(16, got.info.pid).u32(20, got.info.uid ?? 0);
          p.ua.write(p.arg(1), w.bytes);
        }
        return got.sig;
      }
      // Wait for a signal in `set` (treated as unblocked) or any other deliverable one.
      if (!p.sleepUntil(deadline, p.signals.blocked & ~set)) return fail('EAGAIN');
      if (!p.signals.pending.some((x) => (set & (1n << BigInt(x.sig - 1))) !== 0n)) throw new Interrupted(false);
    }
  },
  kill: (p) => {
    const pid = p.int(0);
    if (pid === p.pid || pid === 0 || pid === -1 || pid === -p.pid) return sendSelf(p, p.int(1), SI_USER);
    return fail('ESRCH');
  },
  tkill: (p) => (p.int(0) === p.pid ? sendSelf(p, p.int(1), SI_TKILL) : p.int(0) <= 0 ? fail('EINVAL') : fail('ESRCH')),
  tgkill: (p) =>
    p.int(0) <= 0 || p.int(1) <= 0 ? fail('EINVAL') : p.int(0) === p.pid && p.int(1) === p.pid ? sendSelf(p, p.int(2), SI_TKILL) : fail('ESRCH'),
  rt_sigqueueinfo: (p) => {
    if (p.int(0) !== p.pid) fail('ESRCH');
    const sig = p.int(1);
    if (sig < 1 || sig > NSIG) fail('EINVAL');
    const raw = p.ua.read(p.arg(2), 128).slice();
    const code = new DataView(raw.buffer).getInt32(8, true);
    if (code >= 0 || code === SI_TKILL) fail('EPERM');
    p.signals.raise(sig, { code, raw });
    return 0;
  },
  restart_syscall: () => fail('EINTR'),

  // ---------------------------------------------------------------- time
  clock_gettime: (p) => (p.ua.write(p.arg(1), encodeTimespec(p.clock.now(p.int(0)))), 0),
  clock_getres: (p) => {
    const r = p.clock.resolution(p.int(0));
    put(p, p.arg(1), encodeTimespec(r));
    return 0;
  },
  gettimeofday: (p) => {
    put(p, p.arg(0), encodeTimeval(p.clock.realNs()));
    put(p, p.arg(1), new Uint8Array(8));
    return 0;
  },
  settimeofday: () => fail('EPERM'),
  clock_settime: () => fail('EPERM'),
  clock_adjtime: () => fail('EPERM'),
  nanosleep: (p) => sleepFor(p, readTimespec(p.ua, p.arg(0)), p.arg(1)),
  clock_nanosleep: (p) => {
    const clk = p.int(0);
    const flags = p.int(1);
    const t = readTimespec(p.ua, p.arg(2));
    const now = p.clock.now(clk);
    if (clk === 2 || clk === 3) fail('EINVAL'); // CPU-time clocks: not sleepable here
    if (flags & TIMER_ABSTIME) {
      if (t <= now) return 0;
      if (p.sleepUntil(p.clock.monoNs() + (t - now))) throw new Interrupted(false);
      return 0;
    }
    return sleepFor(p, t, p.arg(3));
  },
  getitimer: (p) => {
    const { value, interval } = p.timers.get(p.int(0));
    p.ua.write(p.arg(1), itimerval(value, interval));
    return 0;
  },
  setitimer: (p) => {
    const which = p.int(0);
    let value = 0n;
    let interval = 0n;
    if (p.arg(1) !== 0) {
      interval = readTimeval(p.ua, p.arg(1));
      value = readTimeval(p.ua, p.arg(1) + 16);
    }
    const old = p.timers.get(which);
    put(p, p.arg(2), itimerval(old.value, old.interval));
    p.timers.set(which, value, interval);
    return 0;
  },

  // ---------------------------------------------------------------- misc
  getrandom: (p) => {
    const flags = p.uint(2);
    if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) fail('EINVAL');
    if (flags & GRND_RANDOM && flags & GRND_INSECURE) fail('EINVAL');
    const n = Math.min(p.arg(1), 33554431);
    if (n === 0) return 0;
    p.ua.check(p.arg(0), n, 2);
    p.ua.write(p.arg(0), p.rng.bytes(n));
    return n;
  },
  futex,
};
