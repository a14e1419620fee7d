/**
 * File-system system calls: descriptors, paths (relative to the process cwd
 * or a directory fd, passed through to the host), stat/statx/getdents64 in
 * the aarch64 layouts, pipes, fcntl/ioctl, poll/select, and the few /proc
 * and /dev files that must describe the guest rather than the host.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { ERRNO, SysError, fail, hostErrno } from './errno.js';
import {
  DirFile,
  type FdTable,
  HostFile,
  MemFile,
  O_ACCMODE,
  O_APPEND,
  O_ASYNC,
  O_CLOEXEC,
  O_CREAT,
  O_DIRECT,
  O_DIRECTORY,
  O_DSYNC,
  O_EXCL,
  O_LARGEFILE,
  O_NOATIME,
  O_NOCTTY,
  O_NOFOLLOW,
  O_NONBLOCK,
  O_PATH,
  O_RDONLY,
  O_RDWR,
  O_SYNC,
  O_TMPFILE,
  O_TRUNC,
  O_WRONLY,
  type OpenFile,
  DT_DIR,
  DT_LNK,
  DT_REG,
  PathFile,
  PipeBuffer,
  SynthDirFile,
  PipeEnd,
  RandomDevice,
  S_IFDIR,
  S_IFMT,
  type StatInfo,
  WouldBlock,
  statInfoOf,
  syntheticStat,
} from './files.js';
import type { MapSource } from './mm.js';
import { type SeededRandom, StructWriter, type UAccess } from './uaccess.js';
import { Perm } from '../memory.js';

export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_EACCESS = 0x200;
export const AT_REMOVEDIR = 0x200;
export const AT_SYMLINK_FOLLOW = 0x400;
export const AT_NO_AUTOMOUNT = 0x800;
export const AT_EMPTY_PATH = 0x1000;
export const AT_STATX_SYNC_TYPE = 0x6000;

export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_GETLK = 5;
export const F_SETLK = 6;
export const F_SETLKW = 7;
export const F_SETOWN = 8;
export const F_GETOWN = 9;
export const F_SETSIG = 10;
export const F_GETSIG = 11;
export const F_OFD_GETLK = 36;
export const F_OFD_SETLK = 37;
export const F_OFD_SETLKW = 38;
export const F_SETLEASE = 1024;
export const F_GETLEASE = 1025;
export const F_DUPFD_CLOEXEC = 1030;
export const F_SETPIPE_SZ = 1031;
export const F_GETPIPE_SZ = 1032;
export const F_ADD_SEALS = 1033;
export const F_GET_SEALS = 1034;
export const FD_CLOEXEC = 1;
export const F_UNLCK = 2;

export const TCGETS = 0x5401;
export const TCSETS = 0x5402;
export const TCSETSW = 0x5403;
export const TCSETSF = 0x5404;
export const TCSBRK = 0x5409;
export const TCXONC = 0x540a;
export const TCFLSH = 0x540b;
export const TIOCSCTTY = 0x540e;
export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;
export const TIOCOUTQ = 0x5411;
export const TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414;
export const FIONREAD = 0x541b;
export const TIOCNOTTY = 0x5422;
export const FIONBIO = 0x5421;
export const FIONCLEX = 0x5450;
export const FIOCLEX = 0x5451;
export const FIOASYNC = 0x5452;
export const TIOCGSID = 0x5429;

export const POLLIN = 0x1;
export const POLLPRI = 0x2;
export const POLLOUT = 0x4;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;
export const POLLNVAL = 0x20;
export const POLLRDNORM = 0x40;
export const POLLWRNORM = 0x100;

export const STATX_TYPE = 0x1;
export const STATX_MODE = 0x2;
export const STATX_NLINK = 0x4;
export const STATX_UID = 0x8;
export const STATX_GID = 0x10;
export const STATX_ATIME = 0x20;
export const STATX_MTIME = 0x40;
export const STATX_CTIME = 0x80;
export const STATX_INO = 0x100;
export const STATX_SIZE = 0x200;
export const STATX_BLOCKS = 0x400;
export const STATX_BASIC_STATS = 0x7ff;
export const STATX_BTIME = 0x800;

export const RENAME_NOREPLACE = 1;
export const RENAME_EXCHANGE = 2;
export const RENAME_WHITEOUT = 4;

export const UTIME_NOW = (1 << 30) - 1;
export const UTIME_OMIT = (1 << 30) - 2;

/** Largest single read/write moved through the host at once (Linux caps at 0x7ffff000). */
const IO_CAP = 1 << 26;
const UIO_MAXIOV = 1024;

/** Default terminal settings (kernel struct termios, 36 bytes): cooked mode, 38400 baud, 8N1. */
function defaultTermios(): Uint8Array {
  const w = new StructWriter(36);
  w.u32(0, 0x500) // ICRNL | IXON
    .u32(4, 0x5) // OPOST | ONLCR
    .u32(8, 0xbf) // B38400 | CS8 | CREAD
    .u32(12, 0x8a3b); // ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN
  const cc = [3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0, 0, 0];
  cc.forEach((v, i) => w.u8(17 + i, v));
  return w.bytes;
}

/** Timespec in ns -> (sec, nsec) with nsec in [0, 1e9). */
function splitNs(ns: bigint): [bigint, bigint] {
  let sec = ns / 1_000_000_000n;
  let nsec = ns % 1_000_000_000n;
  if (nsec < 0n) {
    nsec += 1_000_000_000n;
    sec -= 1n;
  }
  return [sec, nsec];
}

/** struct stat (aarch64, 128 bytes). */
export function encodeStat(st: StatInfo): Uint8Array {
  const w = new StructWriter(128);
  w.u64(0, st.dev).u64(8, st.ino).u32(16, st.mode).u32(20, st.nlink).u32(24, st.uid).u32(28, st.gid);
  w.u64(32, st.rdev).u64(48, st.size).i32(56, st.blksize).u64(64, st.blocks);
  const ts = (off: number, ns: bigint) => {
    const [s, n] = splitNs(ns);
    w.u64(off, s).u64(off + 8, n);
  };
  ts(72, st.atimeNs);
  ts(88, st.mtimeNs);
  ts(104, st.ctimeNs);
  return w.bytes;
}

const devMajor = (d: bigint) => Number(((d >> 8n) & 0xfffn) | ((d >> 32n) & ~0xfffn & 0xffffffffn));
const devMinor = (d: bigint) => Number((d & 0xffn) | ((d >> 12n) & ~0xffn & 0xffffffffn));

/** struct statx (256 bytes). */
export function encodeStatx(st: StatInfo): Uint8Array {
  const w = new StructWriter(256);
  w.u32(0, STATX_BASIC_STATS | STATX_BTIME).u32(4, st.blksize).u64(8, 0).u32(16, st.nlink).u32(20, st.uid).u32(24, st.gid);
  w.u16(28, st.mode).u64(32, st.ino).u64(40, st.size).u64(48, st.blocks).u64(56, 0);
  const ts = (off: number, ns: bigint) => {
    const [s, n] = splitNs(ns);
    w.u64(off, s).u32(off + 8, Number(n));
  };
  ts(64, st.atimeNs);
  ts(80, st.birthtimeNs);
  ts(96, st.ctimeNs);
  ts(112, st.mtimeNs);
  w.u32(128, devMajor(st.rdev)).u32(132, devMinor(st.rdev)).u32(136, devMajor(st.dev)).u32(140, devMinor(st.dev));
  return w.bytes;
}

/** What the file layer needs from the process. */
export interface FsHost {
  ua: UAccess;
  rng: SeededRandom;
  pid: number;
  pgid: number;
  /** Absolute host path of the running executable (/proc/self/exe). */
  exePath(): string;
  /** Contents of a synthesized /proc/self file ("maps", "cmdline", "environ", "stat", "status"), if provided. */
  procFile(name: string): Uint8Array | undefined;
  /** Writing to a pipe with no reader: raise SIGPIPE. */
  brokenPipe(): void;
  /** Window size of the host terminal, for TIOCGWINSZ. */
  winsize(): { rows: number; cols: number };
  /** Wait for a signal, then throw Interrupted (a blocking read with nothing to read). */
  block(): never;
  /** Put the host terminal in raw (non-canonical, no echo) or cooked mode. */
  setTermRaw(raw: boolean): void;
}

type Special =
  | { kind: 'exe' }
  | { kind: 'cwd' }
  | { kind: 'fd'; fd: number }
  | { kind: 'fddir' }
  | { kind: 'proc'; name: string }
  | { kind: 'random' }
  | { kind: 'self' };

/** Entries of the synthesized /proc/self directory. */
const SELF_ENTRIES: [string, number][] = [
  ['exe', DT_LNK],
  ['cwd', DT_LNK],
  ['fd', DT_DIR],
  ['maps', DT_REG],
  ['cmdline', DT_REG],
  ['environ', DT_REG],
  ['comm', DT_REG],
  ['stat', DT_REG],
  ['status', DT_REG],
  ['auxv', DT_REG],
];

export class LinuxFs {
  cwd: string;
  umask = 0o022;
  private termios = defaultTermios();

  constructor(
    readonly fds: FdTable,
    private readonly host: FsHost,
    cwd: string,
  ) {
    this.cwd = cwd;
  }

  private get ua(): UAccess {
    return this.host.ua;
  }

  // ------------------------------------------------------------ paths

  /** The path argument of a *at() call, as a host path. */
  resolve(dirfd: number, path: string): string {
    if (path === '') fail('ENOENT');
    if (path.startsWith('/')) return path;
    let base: string;
    if (dirfd === AT_FDCWD) base = this.cwd;
    else {
      const f = this.fds.file(dirfd);
      if (!this.isDirFile(f)) fail('ENOTDIR');
      base = f.path;
    }
    return base.endsWith('/') ? base + path : base + '/' + path;
  }

  private isDirFile(f: OpenFile): boolean {
    return f.kind === 'dir' || (f.kind === 'path' && (f.stat().mode & S_IFMT) === S_IFDIR);
  }

  /** Path argument read from guest memory and resolved. */
  private pathArg(dirfd: number, addr: number): string {
    return this.resolve(dirfd, this.ua.cstring(addr));
  }

  /** /proc and /dev names that describe the guest process instead of the host. */
  special(p: string): Special | undefined {
    if (!p.startsWith('/proc/') && !p.startsWith('/dev/')) return undefined;
    const n = nodePath.posix.normalize(p);
    const self = new RegExp(`^/proc/(?:self|thread-self|${this.host.pid}(?:/task/${this.host.pid})?)(?=/|$)`);
    const m = self.exec(n);
    if (m) {
      const rest = n.slice(m[0].length);
      if (rest === '' || rest === '/') return { kind: 'self' };
      if (rest === '/exe') return { kind: 'exe' };
      if (rest === '/cwd') return { kind: 'cwd' };
      if (rest === '/fd' || rest === '/fd/') return { kind: 'fddir' };
      const fdm = /^\/fd\/(\d+)$/.exec(rest);
      if (fdm) return { kind: 'fd', fd: Number(fdm[1]) };
      const name = rest.slice(1);
      if (this.host.procFile(name) !== undefined) return { kind: 'proc', name };
      return undefined;
    }
    if (n === '/proc/meminfo' || n === '/proc/cpuinfo') return { kind: 'proc', name: n.slice(6) };
    if (n === '/dev/fd') return { kind: 'fddir' };
    const dev = /^\/dev\/(?:fd\/(\d+)|std(in|out|err))$/.exec(n);
    if (dev) return { kind: 'fd', fd: dev[1] !== undefined ? Number(dev[1]) : ['in', 'out', 'err'].indexOf(dev[2]!) };
    if (n === '/dev/urandom' || n === '/dev/random') return { kind: 'random' };
    return undefined;
  }

  /** The file behind /proc/self/fd/N: a closed descriptor is a missing file there. */
  private procFd(fd: number): OpenFile {
    if (!this.fds.has(fd)) fail('ENOENT');
    return this.fds.file(fd);
  }

  /** stat (following symlinks unless nofollow) of a host path, with the guest's special files. */
  statPath(p: string, nofollow: boolean): StatInfo {
    const sp = this.special(p);
    if (sp) {
      switch (sp.kind) {
        case 'exe':
          if (nofollow) return syntheticStat(0o120777, this.host.exePath().length);
          return statInfoOf(fs.statSync(this.host.exePath(), { bigint: true }));
        case 'cwd':
          if (nofollow) return syntheticStat(0o120777, this.cwd.length);
          return statInfoOf(fs.statSync(this.cwd, { bigint: true }));
        case 'fddir':
        case 'self':
          return syntheticStat(S_IFDIR | 0o555, 0);
        case 'fd':
          this.procFd(sp.fd);
          if (nofollow) return syntheticStat(0o120700, 64);
          return this.procFd(sp.fd).stat();
        case 'proc':
          return syntheticStat(0o100444, 0);
        case 'random':
          return statInfoOf(fs.statSync('/dev/urandom', { bigint: true }));
      }
    }
    return statInfoOf(nofollow ? fs.lstatSync(p, { bigint: true }) : fs.statSync(p, { bigint: true }));
  }

  // ------------------------------------------------------------ open/close

  openat(dirfd: number, pathAddr: number, flags: number, mode: number): number {
    const p = this.pathArg(dirfd, pathAddr);
    return this.open(p, flags, mode);
  }

  open(p: string, flags: number, mode: number): number {
    const cloexec = (flags & O_CLOEXEC) !== 0;
    if ((flags & O_TMPFILE) === O_TMPFILE) fail('EOPNOTSUPP');
    const sp = this.special(p);
    const statusFlags = (flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)) | O_LARGEFILE;
    if (sp) {
      if (flags & O_CREAT && flags & O_EXCL) fail('EEXIST');
      switch (sp.kind) {
        case 'fd': {
          const f = this.procFd(sp.fd);
          return this.fds.install(f, cloexec);
        }
        case 'exe':
          return this.open(this.host.exePath(), flags, mode);
        case 'cwd':
          return this.open(this.cwd, flags, mode);
        case 'fddir':
          if ((flags & O_ACCMODE) !== O_RDONLY) fail('EISDIR');
          return this.fds.install(
            new SynthDirFile('/proc/self/fd', statusFlags, () =>
              this.fds.list().map((fd) => ({ name: String(fd), ino: BigInt(0x10000 + fd), type: DT_LNK })),
            ),
            cloexec,
          );
        case 'self':
          if ((flags & O_ACCMODE) !== O_RDONLY) fail('EISDIR');
          return this.fds.install(
            new SynthDirFile(`/proc/${this.host.pid}`, statusFlags, () =>
              SELF_ENTRIES.map(([name, type], i) => ({ name, ino: BigInt(0x20000 + i), type })),
            ),
            cloexec,
          );
        case 'proc': {
          if ((flags & O_ACCMODE) !== O_RDONLY) fail('EACCES');
          const data = this.host.procFile(sp.name)!;
          return this.fds.install(new MemFile(p, statusFlags, data), cloexec);
        }
        case 'random': {
          const st = statInfoOf(fs.statSync('/dev/urandom', { bigint: true }));
          return this.fds.install(new RandomDevice(p, statusFlags, this.host.rng, st), cloexec);
        }
      }
    }
    if (flags & O_PATH) {
      const st = this.statPath(p, (flags & O_NOFOLLOW) !== 0);
      if (flags & O_DIRECTORY && (st.mode & S_IFMT) !== S_IFDIR) fail('ENOTDIR');
      return this.fds.install(new PathFile(canonical(p), flags & (O_PATH | O_DIRECTORY | O_NOFOLLOW), st), cloexec);
    }
    const c = fs.constants;
    const acc = flags & O_ACCMODE;
    if (acc === 3) fail('EINVAL');
    let hf = acc === O_WRONLY ? c.O_WRONLY : acc === O_RDWR ? c.O_RDWR : c.O_RDONLY;
    if (flags & O_CREAT) hf |= c.O_CREAT;
    if (flags & O_EXCL) hf |= c.O_EXCL;
    if (flags & O_TRUNC) hf |= c.O_TRUNC;
    if (flags & O_APPEND) hf |= c.O_APPEND;
    if (flags & O_NOCTTY) hf |= c.O_NOCTTY;
    if (flags & O_NONBLOCK) hf |= c.O_NONBLOCK;
    if (flags & O_DIRECTORY) hf |= c.O_DIRECTORY;
    if (flags & O_NOFOLLOW) hf |= c.O_NOFOLLOW;
    if ((flags & O_SYNC) === O_SYNC) hf |= c.O_SYNC;
    else if (flags & O_DSYNC) hf |= c.O_DSYNC;
    const fd = fs.openSync(p, hf, mode & ~this.umask & 0o7777);
    let st: fs.BigIntStats;
    try {
      st = fs.fstatSync(fd, { bigint: true });
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
    const file = st.isDirectory() ? new DirFile(canonical(p), statusFlags, fd) : new HostFile(canonical(p), statusFlags, fd, true, st);
    try {
      return this.fds.install(file, cloexec);
    } catch (e) {
      file.refs = 1;
      file.release();
      throw e;
    }
  }

  close(fd: number): number {
    this.fds.close(fd);
    return 0;
  }

  closeRange(first: number, last: number, flags: number): number {
    if (flags & ~6 || first > last) fail('EINVAL');
    for (const fd of this.fds.list()) {
      if (fd < first || fd > last) continue;
      if (flags & 4) this.fds.get(fd).cloexec = true;
      else this.fds.close(fd);
    }
    return 0;
  }

  // ------------------------------------------------------------ read/write

  read(fd: number, buf: number, count: number): number {
    const f = this.fds.file(fd);
    if (!f.readable) fail('EBADF');
    if (f.kind === 'dir') fail('EISDIR');
    const n = Math.min(count, IO_CAP);
    if (n === 0) return 0;
    this.ua.check(buf, n, Perm.W);
    const data = this.blocking(f, () => f.read(n));
    this.ua.write(buf, data);
    return data.length;
  }

  /** Run a read that may block: EAGAIN for O_NONBLOCK, else wait for a signal (then EINTR or restart). */
  private blocking<T>(f: OpenFile, op: () => T): T {
    try {
      return op();
    } catch (e) {
      if (!(e instanceof WouldBlock)) throw e;
      if (f.flags & O_NONBLOCK) fail('EAGAIN');
      return this.host.block();
    }
  }

  write(fd: number, buf: number, count: number): number {
    const f = this.fds.file(fd);
    if (!f.writable) fail('EBADF');
    const n = Math.min(count, IO_CAP);
    if (n === 0) return 0;
    const data = this.ua.read(buf, n);
    return this.hostWrite(() => f.write(data));
  }

  /** A write to a host pipe whose reader is gone raises SIGPIPE in the guest, as on Linux. */
  private hostWrite(op: () => number): number {
    try {
      return op();
    } catch (e) {
      if (hostErrno(e) === ERRNO.EPIPE) this.host.brokenPipe();
      throw e;
    }
  }

  pread(fd: number, buf: number, count: number, off: number): number {
    if (off < 0) fail('EINVAL');
    const f = this.fds.file(fd);
    if (!f.readable) fail('EBADF');
    if (f.kind === 'dir') fail('EISDIR');
    const n = Math.min(count, IO_CAP);
    if (n === 0) return 0;
    this.ua.check(buf, n, Perm.W);
    const data = f.pread(n, off);
    this.ua.write(buf, data);
    return data.length;
  }

  pwrite(fd: number, buf: number, count: number, off: number): number {
    if (off < 0) fail('EINVAL');
    const f = this.fds.file(fd);
    if (!f.writable) fail('EBADF');
    const n = Math.min(count, IO_CAP);
    if (n === 0) return 0;
    return f.pwrite(this.ua.read(buf, n), off);
  }

  private iovecs(iov: number, iovcnt: number): [number, number][] {
    if (iovcnt < 0 || iovcnt > UIO_MAXIOV) fail('EINVAL');
    const raw = this.ua.read(iov, iovcnt * 16);
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const out: [number, number][] = [];
    let total = 0;
    for (let i = 0; i < iovcnt; i++) {
      const base = Number(dv.getBigUint64(16 * i, true));
      const len = dv.getBigUint64(16 * i + 8, true);
      if (len > 0x7fffffffffffffffn) fail('EINVAL');
      const n = Number(len);
      total += n;
      if (total > 0x7ffff000 * 2) fail('EINVAL');
      out.push([base, n]);
    }
    return out;
  }

  private gather(vecs: [number, number][]): Uint8Array {
    const parts = vecs.filter(([, n]) => n > 0).map(([b, n]) => this.ua.read(b, n));
    return Buffer.concat(parts);
  }

  private scatter(vecs: [number, number][], data: Uint8Array): void {
    let at = 0;
    for (const [b, n] of vecs) {
      if (at >= data.length) break;
      const take = Math.min(n, data.length - at);
      this.ua.write(b, data.subarray(at, at + take));
      at += take;
    }
  }

  readv(fd: number, iov: number, iovcnt: number, off?: number): number {
    const f = this.fds.file(fd);
    if (!f.readable) fail('EBADF');
    if (f.kind === 'dir') fail('EISDIR');
    const vecs = this.iovecs(iov, iovcnt);
    const total = Math.min(
      vecs.reduce((a, [, n]) => a + n, 0),
      IO_CAP,
    );
    for (const [b, n] of vecs) this.ua.check(b, n, Perm.W);
    if (total === 0) return 0;
    const data = this.blocking(f, () => (off === undefined ? f.read(total) : f.pread(total, off)));
    this.scatter(vecs, data);
    return data.length;
  }

  writev(fd: number, iov: number, iovcnt: number, off?: number): number {
    const f = this.fds.file(fd);
    if (!f.writable) fail('EBADF');
    const vecs = this.iovecs(iov, iovcnt);
    const data = this.gather(vecs);
    if (data.length === 0) return 0;
    return this.hostWrite(() => (off === undefined ? f.write(data) : f.pwrite(data, off)));
  }

  lseek(fd: number, off: number, whence: number): number {
    return this.fds.file(fd).seek(off, whence);
  }

  sendfile(outFd: number, inFd: number, offPtr: number, count: number): number {
    const out = this.fds.file(outFd);
    const inp = this.fds.file(inFd);
    if (!inp.readable || !out.writable) fail('EBADF');
    if (inp.kind === 'dir') fail('EINVAL');
    const n = Math.min(count, IO_CAP);
    let data: Uint8Array;
    if (offPtr !== 0) {
      const off = this.ua.i64(offPtr);
      if (off < 0) fail('EINVAL');
      data = inp.pread(n, off);
      const written = data.length ? this.hostWrite(() => out.write(data)) : 0;
      this.ua.setU64(offPtr, off + written);
      return written;
    }
    if (inp.kind !== 'file' && inp.kind !== 'mem') {
      const got = this.blocking(inp, () => inp.read(n));
      return got.length ? this.hostWrite(() => out.write(got)) : 0;
    }
    // Read at the current position, advance it only by what was written.
    const pos = inp.seek(0, 1);
    const chunk = inp.pread(n, pos);
    const written = chunk.length ? this.hostWrite(() => out.write(chunk)) : 0;
    inp.seek(pos + written, 0);
    return written;
  }

  copyFileRange(inFd: number, inOff: number, outFd: number, outOff: number, len: number, flags: number): number {
    if (flags !== 0) fail('EINVAL');
    const inp = this.fds.file(inFd);
    const out = this.fds.file(outFd);
    if (!inp.readable || !out.writable) fail('EBADF');
    if (inp.kind !== 'file' || out.kind !== 'file') fail('EINVAL');
    if (out.flags & O_APPEND) fail('EBADF');
    const n = Math.min(len, IO_CAP);
    const ip = inOff !== 0 ? this.ua.i64(inOff) : inp.seek(0, 1);
    const op = outOff !== 0 ? this.ua.i64(outOff) : out.seek(0, 1);
    if (ip < 0 || op < 0) fail('EINVAL');
    const data = inp.pread(n, ip);
    const w = data.length ? out.pwrite(data, op) : 0;
    if (inOff !== 0) this.ua.setU64(inOff, ip + w);
    else inp.seek(ip + w, 0);
    if (outOff !== 0) this.ua.setU64(outOff, op + w);
    else out.seek(op + w, 0);
    return w;
  }

  // ------------------------------------------------------------ stat

  fstat(fd: number, buf: number): number {
    const st = this.fds.file(fd).stat();
    this.ua.write(buf, encodeStat(st));
    return 0;
  }

  private statAt(dirfd: number, pathAddr: number, flags: number): StatInfo {
    const path = this.ua.cstring(pathAddr);
    if (path === '' && flags & AT_EMPTY_PATH) {
      if (dirfd === AT_FDCWD) return statInfoOf(fs.statSync(this.cwd, { bigint: true }));
      return this.fds.file(dirfd).stat();
    }
    return this.statPath(this.resolve(dirfd, path), (flags & AT_SYMLINK_NOFOLLOW) !== 0);
  }

  newfstatat(dirfd: number, pathAddr: number, buf: number, flags: number): number {
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)) fail('EINVAL');
    this.ua.check(buf, 128, Perm.W);
    const st = this.statAt(dirfd, pathAddr, flags);
    this.ua.write(buf, encodeStat(st));
    return 0;
  }

  statx(dirfd: number, pathAddr: number, flags: number, _mask: number, buf: number): number {
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)) fail('EINVAL');
    if ((flags & AT_STATX_SYNC_TYPE) === AT_STATX_SYNC_TYPE) fail('EINVAL');
    this.ua.check(buf, 256, Perm.W);
    const st = this.statAt(dirfd, pathAddr, flags);
    this.ua.write(buf, encodeStatx(st));
    return 0;
  }

  statfs(pathOrFd: string | number, buf: number): number {
    const p = typeof pathOrFd === 'number' ? this.fds.file(pathOrFd).path : pathOrFd;
    this.ua.check(buf, 120, Perm.W);
    let s: fs.BigIntStatsFs;
    try {
      s = fs.statfsSync(p.startsWith('pipe:') ? '/' : p, { bigint: true });
    } catch (e) {
      if (typeof pathOrFd === 'number') s = fs.statfsSync('/', { bigint: true });
      else throw e;
    }
    const w = new StructWriter(120);
    w.u64(0, s.type).u64(8, s.bsize).u64(16, s.blocks).u64(24, s.bfree).u64(32, s.bavail).u64(40, s.files).u64(48, s.ffree);
    w.u64(64, 255).u64(72, s.bsize).u64(80, 0x20 | 0x1000); // f_namelen, f_frsize, f_flags = ST_VALID | ST_RELATIME
    this.ua.write(buf, w.bytes);
    return 0;
  }

  getdents64(fd: number, dirp: number, count: number): number {
    const f = this.fds.file(fd);
    if (!(f instanceof DirFile)) fail('ENOTDIR');
    const list = f.listing();
    const out: Uint8Array[] = [];
    let used = 0;
    let i = f.pos;
    for (; i < list.length; i++) {
      const e = list[i]!;
      const name = Buffer.from(e.name, 'utf8');
      const reclen = (19 + name.length + 1 + 7) & ~7;
      if (used + reclen > count) {
        if (used === 0) fail('EINVAL');
        break;
      }
      const w = new StructWriter(reclen);
      w.u64(0, e.ino).u64(8, i + 1).u16(16, reclen).u8(18, e.type);
      w.bytes.set(name, 19);
      out.push(w.bytes);
      used += reclen;
    }
    if (used === 0) return 0;
    this.ua.check(dirp, used, Perm.W);
    this.ua.write(dirp, Buffer.concat(out));
    f.pos = i;
    return used;
  }

  readlinkat(dirfd: number, pathAddr: number, buf: number, size: number): number {
    if (size <= 0) fail('EINVAL');
    const path = this.ua.cstring(pathAddr);
    let target: Uint8Array;
    if (path === '') {
      // readlinkat(fd, "", ...) on an O_PATH descriptor of a symlink
      if (dirfd === AT_FDCWD) fail('ENOENT');
      const f = this.fds.file(dirfd);
      target = fs.readlinkSync(f.path, { encoding: 'buffer' });
    } else {
      const p = this.resolve(dirfd, path);
      const sp = this.special(p);
      if (sp?.kind === 'exe') target = Buffer.from(this.host.exePath());
      else if (sp?.kind === 'cwd') target = Buffer.from(this.cwd);
      else if (sp?.kind === 'self' && /^\/proc\/self\/?$/.test(p)) target = Buffer.from(String(this.host.pid));
      else if (sp?.kind === 'fd') target = Buffer.from(this.procFd(sp.fd).path);
      else if (sp) fail('EINVAL');
      else target = fs.readlinkSync(p, { encoding: 'buffer' });
    }
    const n = Math.min(size, target.length);
    this.ua.write(buf, target.subarray(0, n));
    return n;
  }

  faccessat(dirfd: number, pathAddr: number, mode: number, flags: number): number {
    if (mode & ~7) fail('EINVAL');
    if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) fail('EINVAL');
    const path = this.ua.cstring(pathAddr);
    let p: string;
    if (path === '' && flags & AT_EMPTY_PATH) p = dirfd === AT_FDCWD ? this.cwd : this.fds.file(dirfd).path;
    else p = this.resolve(dirfd, path);
    const sp = this.special(p);
    if (sp?.kind === 'exe') p = this.host.exePath();
    else if (sp?.kind === 'cwd') p = this.cwd;
    else if (sp?.kind === 'fddir' || sp?.kind === 'self') return mode & 2 ? fail('EACCES') : 0;
    else if (sp?.kind === 'fd') {
      this.procFd(sp.fd);
      return 0;
    } else if (sp) return mode & 1 ? fail('EACCES') : 0;
    if (flags & AT_SYMLINK_NOFOLLOW && mode === 0) {
      fs.lstatSync(p);
      return 0;
    }
    fs.accessSync(p, mode);
    return 0;
  }

  getcwd(buf: number, size: number): number {
    const b = Buffer.from(this.cwd + '\0', 'utf8');
    if (size < b.length) fail('ERANGE');
    this.ua.write(buf, b);
    return b.length;
  }

  chdir(pathAddr: number): number {
    const p = this.pathArg(AT_FDCWD, pathAddr);
    const st = fs.statSync(p);
    if (!st.isDirectory()) fail('ENOTDIR');
    fs.accessSync(p, fs.constants.X_OK);
    this.cwd = fs.realpathSync(p);
    return 0;
  }

  fchdir(fd: number): number {
    const f = this.fds.file(fd);
    if (!this.isDirFile(f)) fail('ENOTDIR');
    fs.accessSync(f.path, fs.constants.X_OK);
    this.cwd = f.path;
    return 0;
  }

  // ------------------------------------------------------------ descriptors

  dup(fd: number): number {
    return this.fds.install(this.fds.file(fd), false);
  }

  dup3(oldfd: number, newfd: number, flags: number): number {
    if (flags & ~O_CLOEXEC) fail('EINVAL');
    if (oldfd === newfd) fail('EINVAL');
    const f = this.fds.file(oldfd);
    if (newfd < 0 || newfd >= this.fds.limit) fail('EBADF');
    this.fds.set(newfd, f, (flags & O_CLOEXEC) !== 0);
    return newfd;
  }

  pipe2(fdsAddr: number, flags: number): number {
    if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT)) fail('EINVAL');
    this.ua.check(fdsAddr, 8, Perm.W);
    const buf = new PipeBuffer();
    const status = flags & (O_NONBLOCK | O_DIRECT);
    const r = new PipeEnd(buf, true, status);
    const w = new PipeEnd(buf, false, status);
    const cloexec = (flags & O_CLOEXEC) !== 0;
    const rfd = this.fds.install(r, cloexec);
    let wfd: number;
    try {
      wfd = this.fds.install(w, cloexec);
    } catch (e) {
      this.fds.close(rfd);
      throw e;
    }
    this.ua.write(fdsAddr, new StructWriter(8).i32(0, rfd).i32(4, wfd).bytes);
    return 0;
  }

  fcntl(fd: number, cmd: number, arg: number): number {
    const e = this.fds.get(fd);
    const f = e.file;
    switch (cmd) {
      case F_DUPFD:
      case F_DUPFD_CLOEXEC:
        if (arg < 0 || arg >= this.fds.limit) fail('EINVAL');
        return this.fds.install(f, cmd === F_DUPFD_CLOEXEC, arg);
      case F_GETFD:
        return e.cloexec ? FD_CLOEXEC : 0;
      case F_SETFD:
        e.cloexec = (arg & FD_CLOEXEC) !== 0;
        return 0;
      case F_GETFL:
        return f.flags;
      case F_SETFL: {
        const changeable = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME;
        if (f.kind === 'path') fail('EBADF');
        f.flags = (f.flags & ~changeable) | (arg & changeable);
        return 0;
      }
      case F_GETLK:
      case F_OFD_GETLK: {
        // No other process holds locks here: report the region unlocked.
        const addr = arg;
        this.ua.check(addr, 32, Perm.W);
        const cur = this.ua.read(addr, 2);
        cur[0] = F_UNLCK;
        cur[1] = 0;
        this.ua.write(addr, cur);
        return 0;
      }
      case F_SETLK:
      case F_SETLKW:
      case F_OFD_SETLK:
      case F_OFD_SETLKW:
        this.ua.read(arg, 32);
        return 0;
      case F_GETOWN:
      case F_SETOWN:
      case F_GETSIG:
      case F_SETSIG:
      case F_GETLEASE:
        return 0;
      case F_SETLEASE:
        return fail('EAGAIN');
      case F_GETPIPE_SZ:
        if (f.kind !== 'pipe') fail('EBADF');
        return (f as PipeEnd).pipe.capacity;
      case F_SETPIPE_SZ: {
        if (f.kind !== 'pipe') fail('EBADF');
        const want = Math.max(4096, 2 ** Math.ceil(Math.log2(Math.max(arg, 1))));
        if (want > 1048576) fail('EPERM');
        (f as PipeEnd).pipe.capacity = want;
        return want;
      }
      case F_ADD_SEALS:
      case F_GET_SEALS:
        return fail('EINVAL');
      default:
        return fail('EINVAL');
    }
  }

  ioctl(fd: number, req: number, arg: number): number {
    const e = this.fds.get(fd);
    const f = e.file;
    const tty = f.isTty();
    switch (req >>> 0) {
      case TCGETS:
        if (!tty) fail('ENOTTY');
        this.ua.write(arg, this.termios);
        return 0;
      case TCSETS:
      case TCSETSW:
      case TCSETSF:
        if (!tty) fail('ENOTTY');
        this.termios = this.ua.read(arg, 36).slice();
        {
          const lflag = new DataView(this.termios.buffer).getUint32(12, true);
          const ICANON = 2;
          const ECHO = 8;
          this.host.setTermRaw((lflag & ICANON) === 0 || (lflag & ECHO) === 0);
        }
        return 0;
      case TIOCGWINSZ: {
        if (!tty) fail('ENOTTY');
        const { rows, cols } = this.host.winsize();
        this.ua.write(arg, new StructWriter(8).u16(0, rows).u16(2, cols).bytes);
        return 0;
      }
      case TIOCSWINSZ:
        if (!tty) fail('ENOTTY');
        this.ua.read(arg, 8);
        return 0;
      case TIOCGPGRP:
      case TIOCGSID:
        if (!tty) fail('ENOTTY');
        this.ua.setU32(arg, this.host.pgid);
        return 0;
      case TIOCSPGRP:
        if (!tty) fail('ENOTTY');
        this.ua.read(arg, 4);
        return 0;
      case TCSBRK:
      case TCXONC:
      case TCFLSH:
      case TIOCSCTTY:
      case TIOCNOTTY:
        if (!tty) fail('ENOTTY');
        return 0;
      case TIOCOUTQ:
        if (!tty) fail('ENOTTY');
        this.ua.setU32(arg, 0);
        return 0;
      case FIONREAD:
        if (f.kind === 'dir') fail('EINVAL');
        this.ua.setU32(arg, f.available());
        return 0;
      case FIONBIO: {
        const on = this.ua.i32(arg) !== 0;
        f.flags = on ? f.flags | O_NONBLOCK : f.flags & ~O_NONBLOCK;
        return 0;
      }
      case FIOCLEX:
        e.cloexec = true;
        return 0;
      case FIONCLEX:
        e.cloexec = false;
        return 0;
      case FIOASYNC:
        this.ua.i32(arg);
        return 0;
      default:
        return fail('ENOTTY');
    }
  }

  // ------------------------------------------------------------ namespace changes

  mkdirat(dirfd: number, pathAddr: number, mode: number): number {
    fs.mkdirSync(this.pathArg(dirfd, pathAddr), { mode: mode & ~this.umask & 0o7777 });
    return 0;
  }

  unlinkat(dirfd: number, pathAddr: number, flags: number): number {
    if (flags & ~AT_REMOVEDIR) fail('EINVAL');
    const p = this.pathArg(dirfd, pathAddr);
    if (flags & AT_REMOVEDIR) fs.rmdirSync(p);
    else fs.unlinkSync(p);
    return 0;
  }

  renameat2(olddirfd: number, oldAddr: number, newdirfd: number, newAddr: number, flags: number): number {
    if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) fail('EINVAL');
    if (flags & RENAME_NOREPLACE && flags & RENAME_EXCHANGE) fail('EINVAL');
    if (flags & (RENAME_EXCHANGE | RENAME_WHITEOUT)) fail('EINVAL');
    const from = this.pathArg(olddirfd, oldAddr);
    const to = this.pathArg(newdirfd, newAddr);
    if (flags & RENAME_NOREPLACE) {
      fs.lstatSync(from);
      let exists = true;
      try {
        fs.lstatSync(to);
      } catch {
        exists = false;
      }
      if (exists) fail('EEXIST');
    }
    fs.renameSync(from, to);
    return 0;
  }

  symlinkat(targetAddr: number, newdirfd: number, linkAddr: number): number {
    const target = this.ua.cstring(targetAddr);
    if (target === '') fail('ENOENT');
    fs.symlinkSync(target, this.pathArg(newdirfd, linkAddr));
    return 0;
  }

  linkat(olddirfd: number, oldAddr: number, newdirfd: number, newAddr: number, flags: number): number {
    if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) fail('EINVAL');
    const oldPath = this.ua.cstring(oldAddr);
    let from: string;
    if (oldPath === '' && flags & AT_EMPTY_PATH) from = this.fds.file(olddirfd).path;
    else from = this.resolve(olddirfd, oldPath);
    if (flags & AT_SYMLINK_FOLLOW) from = fs.realpathSync(from);
    fs.linkSync(from, this.pathArg(newdirfd, newAddr));
    return 0;
  }

  fchmod(fd: number, mode: number): number {
    const f = this.fds.file(fd);
    if (f.hostFd !== undefined) fs.fchmodSync(f.hostFd, mode & 0o7777);
    else if (f.kind === 'path') fail('EBADF');
    return 0;
  }

  fchmodat(dirfd: number, pathAddr: number, mode: number, flags: number): number {
    if (flags & ~AT_SYMLINK_NOFOLLOW) fail('EINVAL');
    const p = this.pathArg(dirfd, pathAddr);
    if (flags & AT_SYMLINK_NOFOLLOW && fs.lstatSync(p).isSymbolicLink()) fail('EOPNOTSUPP');
    fs.chmodSync(p, mode & 0o7777);
    return 0;
  }

  fchownat(dirfd: number, pathAddr: number, uid: number, gid: number, flags: number): number {
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) fail('EINVAL');
    const path = this.ua.cstring(pathAddr);
    if (path === '' && flags & AT_EMPTY_PATH) return this.fchown(dirfd, uid, gid);
    const p = this.resolve(dirfd, path);
    if (flags & AT_SYMLINK_NOFOLLOW) fs.lchownSync(p, uid, gid);
    else fs.chownSync(p, uid, gid);
    return 0;
  }

  fchown(fd: number, uid: number, gid: number): number {
    const f = this.fds.file(fd);
    if (f.hostFd !== undefined) fs.fchownSync(f.hostFd, uid, gid);
    else if (f.kind === 'path') fs.chownSync(f.path, uid, gid);
    return 0;
  }

  utimensat(dirfd: number, pathAddr: number, timesAddr: number, flags: number): number {
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) fail('EINVAL');
    const now = Date.now() / 1000;
    let times: [number | null, number | null] = [now, now];
    if (timesAddr !== 0) {
      const b = this.ua.read(timesAddr, 32);
      const dv = new DataView(b.buffer, b.byteOffset, 32);
      const one = (o: number): number | null => {
        const sec = Number(dv.getBigInt64(o, true));
        const nsec = Number(dv.getBigInt64(o + 8, true));
        if (nsec === UTIME_NOW) return now;
        if (nsec === UTIME_OMIT) return null;
        if (nsec < 0 || nsec >= 1e9) fail('EINVAL');
        return sec + nsec / 1e9;
      };
      times = [one(0), one(16)];
    }
    let target: { fd: number } | { path: string; nofollow: boolean };
    if (pathAddr === 0) {
      // futimens(fd, times)
      const f = this.fds.file(dirfd);
      target = f.hostFd !== undefined ? { fd: f.hostFd } : { path: f.path, nofollow: false };
    } else {
      const path = this.ua.cstring(pathAddr);
      if (path === '' && flags & AT_EMPTY_PATH) {
        const f = this.fds.file(dirfd);
        target = f.hostFd !== undefined ? { fd: f.hostFd } : { path: f.path, nofollow: false };
      } else target = { path: this.resolve(dirfd, path), nofollow: (flags & AT_SYMLINK_NOFOLLOW) !== 0 };
    }
    if (times[0] === null && times[1] === null) return 0;
    if (times[0] === null || times[1] === null) {
      const st = 'fd' in target ? fs.fstatSync(target.fd) : target.nofollow ? fs.lstatSync(target.path) : fs.statSync(target.path);
      times = [times[0] ?? st.atimeMs / 1000, times[1] ?? st.mtimeMs / 1000];
    }
    const [a, m] = times as [number, number];
    if ('fd' in target) fs.futimesSync(target.fd, a, m);
    else if (target.nofollow) fs.lutimesSync(target.path, a, m);
    else fs.utimesSync(target.path, a, m);
    return 0;
  }

  truncate(pathAddr: number, len: number): number {
    if (len < 0) fail('EINVAL');
    const p = this.pathArg(AT_FDCWD, pathAddr);
    if (fs.statSync(p).isDirectory()) fail('EISDIR');
    fs.truncateSync(p, len);
    return 0;
  }

  ftruncate(fd: number, len: number): number {
    if (len < 0) fail('EINVAL');
    const f = this.fds.file(fd);
    if (f.kind !== 'file' || !f.writable) fail('EINVAL');
    fs.ftruncateSync(f.hostFd!, len);
    return 0;
  }

  fsync(fd: number, dataOnly: boolean): number {
    const f = this.fds.file(fd);
    if (f.kind === 'pipe' || f.kind === 'sink' || f.kind === 'source') fail('EINVAL');
    if (f.kind === 'file' && f.hostFd !== undefined && f.hostFd > 2) {
      if (dataOnly) fs.fdatasyncSync(f.hostFd);
      else fs.fsyncSync(f.hostFd);
    }
    return 0;
  }

  fadvise(fd: number): number {
    const f = this.fds.file(fd);
    if (f.kind === 'pipe') fail('ESPIPE');
    return 0;
  }

  // ------------------------------------------------------------ poll/select

  private readiness(fd: number, events: number): number {
    if (!this.fds.has(fd)) return POLLNVAL;
    const f = this.fds.file(fd);
    let r = 0;
    if (f.pollIn()) r |= POLLIN | POLLRDNORM;
    if (f.pollOut()) r |= POLLOUT | POLLWRNORM;
    if (f.pollHup()) r |= f.kind === 'pipe' && !(f as PipeEnd).isReader ? POLLERR : POLLHUP;
    return r & (events | POLLERR | POLLHUP | POLLNVAL);
  }

  /**
   * ppoll: returns the number of ready descriptors. `wait(ms, ready)` sleeps
   * until ready() or the timeout (negative: none), returning true if a signal
   * arrived instead.
   */
  ppoll(fdsAddr: number, nfds: number, timeoutMs: number | null, wait: (ms: number, ready: () => boolean) => boolean): number {
    if (nfds > this.fds.limit) fail('EINVAL');
    const raw = this.ua.read(fdsAddr, nfds * 8);
    this.ua.check(fdsAddr, nfds * 8, Perm.W);
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const scan = () => {
      let ready = 0;
      for (let i = 0; i < nfds; i++) {
        const fd = dv.getInt32(8 * i, true);
        const events = dv.getInt16(8 * i + 4, true) & 0xffff;
        const rev = fd < 0 ? 0 : this.readiness(fd, events);
        dv.setInt16(8 * i + 6, rev, true);
        if (rev) ready++;
      }
      return ready;
    };
    let ready = scan();
    if (ready === 0 && timeoutMs !== 0) {
      // Only host input (a terminal, a host pipe) or a signal can change anything while we wait.
      if (wait(timeoutMs ?? -1, () => scan() > 0)) fail('EINTR');
      ready = scan();
    }
    this.ua.write(fdsAddr, raw);
    return ready;
  }

  pselect(
    nfds: number,
    rAddr: number,
    wAddr: number,
    eAddr: number,
    timeoutMs: number | null,
    wait: (ms: number, ready: () => boolean) => boolean,
  ): number {
    if (nfds < 0 || nfds > this.fds.limit) fail('EINVAL');
    const bytes = Math.ceil(nfds / 64) * 8;
    const rd = rAddr ? this.ua.read(rAddr, bytes) : undefined;
    const wr = wAddr ? this.ua.read(wAddr, bytes) : undefined;
    const ex = eAddr ? this.ua.read(eAddr, bytes) : undefined;
    const isSet = (b: Uint8Array | undefined, fd: number) => b !== undefined && (b[fd >> 3]! & (1 << (fd & 7))) !== 0;
    for (let fd = 0; fd < nfds; fd++) {
      if ((isSet(rd, fd) || isSet(wr, fd) || isSet(ex, fd)) && !this.fds.has(fd)) fail('EBADF');
    }
    const scan = () => {
      const ro = new Uint8Array(bytes);
      const wo = new Uint8Array(bytes);
      const eo = new Uint8Array(bytes);
      let n = 0;
      for (let fd = 0; fd < nfds; fd++) {
        if (!(isSet(rd, fd) || isSet(wr, fd))) continue;
        const r = this.readiness(fd, POLLIN | POLLOUT);
        if (isSet(rd, fd) && r & (POLLIN | POLLHUP | POLLERR)) {
          ro[fd >> 3]! |= 1 << (fd & 7);
          n++;
        }
        if (isSet(wr, fd) && r & (POLLOUT | POLLERR)) {
          wo[fd >> 3]! |= 1 << (fd & 7);
          n++;
        }
      }
      return { n, ro, wo, eo };
    };
    let res = scan();
    if (res.n === 0 && timeoutMs !== 0) {
      if (wait(timeoutMs ?? -1, () => scan().n > 0)) fail('EINTR');
      res = scan();
    }
    if (rAddr) this.ua.write(rAddr, res.ro);
    if (wAddr) this.ua.write(wAddr, res.wo);
    if (eAddr) this.ua.write(eAddr, res.eo);
    return res.n;
  }

  // ------------------------------------------------------------ mmap support

  /** The MapSource for mmap of fd, after the access checks mmap(2) makes. */
  mapSource(fd: number, prot: number, shared: boolean): MapSource {
    const f = this.fds.file(fd);
    if (f.kind !== 'file' && f.kind !== 'mem') fail(f.kind === 'dir' ? 'ENODEV' : f.kind === 'path' ? 'EBADF' : 'ENODEV');
    if (!f.readable) fail('EACCES');
    if (shared && prot & 2 && (!f.writable || f.flags & O_APPEND)) fail('EACCES');
    return {
      path: f.path,
      readAt: (n, pos) => f.pread(n, pos),
      writeAt: (data, pos) => f.pwrite(data, pos),
      size: () => Number(f.stat().size),
      retain: () => f.retain(),
      release: () => f.release(),
    };
  }
}

/** Canonical form of a path for /proc/self/fd and fchdir: symlinks resolved when possible. */
function canonical(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return nodePath.posix.normalize(p);
  }
}

/** The Linux errno for a thrown value, or undefined if it is not an OS error (a bug: rethrow). */
export function errnoOf(e: unknown): number | undefined {
  if (e instanceof SysError) return e.errno;
  return hostErrno(e);
}
