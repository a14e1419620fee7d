/**
 * Open file descriptions of the guest process: host files and directories
 * (with guest-side file positions), in-process pipes, captured stdio,
 * synthesized /proc files and the seeded /dev/urandom. A file descriptor
 * table entry points at one of these; dup'ed descriptors share one.
 */
import * as fs from 'node:fs';
import * as tty from 'node:tty';
import { ERRNO, SysError, fail } from './errno.js';
import type { SeededRandom } from './uaccess.js';

// ---- guest open(2) flags (aarch64: O_DIRECTORY/O_NOFOLLOW/O_DIRECT/O_LARGEFILE differ from asm-generic) ----
export const O_ACCMODE = 3;
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DSYNC = 0o10000;
export const O_ASYNC = 0o20000;
export const O_DIRECTORY = 0o40000;
export const O_NOFOLLOW = 0o100000;
export const O_DIRECT = 0o200000;
export const O_LARGEFILE = 0o400000;
export const O_NOATIME = 0o1000000;
export const O_CLOEXEC = 0o2000000;
export const O_SYNC = 0o4010000;
export const O_PATH = 0o10000000;
export const O_TMPFILE = 0o20000000;

// ---- st_mode file types ----
export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;
export const SEEK_DATA = 3;
export const SEEK_HOLE = 4;

export const PIPE_BUF_SIZE = 65536;

/** A stat result with every field, as bigints where Linux has 64-bit fields. */
export interface StatInfo {
  dev: bigint;
  ino: bigint;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: bigint;
  size: bigint;
  blksize: number;
  blocks: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  birthtimeNs: bigint;
}

export function statInfoOf(s: fs.BigIntStats): StatInfo {
  return {
    dev: s.dev,
    ino: s.ino,
    mode: Number(s.mode),
    nlink: Number(s.nlink),
    uid: Number(s.uid),
    gid: Number(s.gid),
    rdev: s.rdev,
    size: s.size,
    blksize: Number(s.blksize),
    blocks: s.blocks,
    atimeNs: s.atimeNs,
    mtimeNs: s.mtimeNs,
    ctimeNs: s.ctimeNs,
    birthtimeNs: s.birthtimeNs,
  };
}

let fakeIno = 0x1000n;
const startNs = BigInt(Date.now()) * 1_000_000n;

/** A stat for objects with no host file (pipes, captured stdio, synthesized files). */
export function syntheticStat(mode: number, size = 0, ino?: bigint): StatInfo {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const gid = typeof process.getgid === 'function' ? process.getgid() : 0;
  return {
    dev: 0xdn,
    ino: ino ?? ++fakeIno,
    mode,
    nlink: 1,
    uid,
    gid,
    rdev: 0n,
    size: BigInt(size),
    blksize: 4096,
    blocks: BigInt(Math.ceil(size / 512)),
    atimeNs: startNs,
    mtimeNs: startNs,
    ctimeNs: startNs,
    birthtimeNs: startNs,
  };
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Block the thread for ms milliseconds (really sleeps; no busy wait). */
export function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(sleepCell, 0, 0, ms);
}

/** The file offset of a host descriptor (Linux: /proc/self/fdinfo), if it can be known. */
function hostOffset(fd: number): number | undefined {
  try {
    const m = /^pos:\s*(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function isEagain(e: unknown): boolean {
  return typeof e === 'object' && e !== null && ((e as { code?: string }).code === 'EAGAIN' || (e as { code?: string }).code === 'EWOULDBLOCK');
}

/** Thrown by a blocking operation that cannot complete now (the caller waits or reports EAGAIN). */
export class WouldBlock extends Error {
  constructor() {
    super('would block');
  }
}

/** An open file description. */
export abstract class OpenFile {
  /** Descriptors referring to this description (plus mappings holding it). */
  refs = 0;
  /** Guest access mode and status flags (O_APPEND, O_NONBLOCK, ...). */
  flags: number;
  abstract readonly kind: 'file' | 'dir' | 'stream' | 'pipe' | 'sink' | 'source' | 'mem' | 'random' | 'path';

  constructor(
    /** Host path (absolute) or a pseudo name like "pipe:[3]". */
    public path: string,
    flags: number,
  ) {
    this.flags = flags;
  }

  get readable(): boolean {
    return (this.flags & O_PATH) === 0 && (this.flags & O_ACCMODE) !== O_WRONLY;
  }
  get writable(): boolean {
    const m = this.flags & O_ACCMODE;
    return (this.flags & O_PATH) === 0 && (m === O_WRONLY || m === O_RDWR);
  }

  read(_n: number): Uint8Array {
    return fail('EINVAL');
  }
  write(_data: Uint8Array): number {
    return fail('EINVAL');
  }
  pread(_n: number, _pos: number): Uint8Array {
    return fail('ESPIPE');
  }
  pwrite(_data: Uint8Array, _pos: number): number {
    return fail('ESPIPE');
  }
  seek(_off: number, _whence: number): number {
    return fail('ESPIPE');
  }
  abstract stat(): StatInfo;
  isTty(): boolean {
    return false;
  }
  /** The host fd behind this description, if any. */
  get hostFd(): number | undefined {
    return undefined;
  }
  /** Readiness for poll/select. */
  pollIn(): boolean {
    return true;
  }
  pollOut(): boolean {
    return true;
  }
  pollHup(): boolean {
    return false;
  }
  /** Bytes available to read without blocking (FIONREAD). */
  available(): number {
    return 0;
  }
  retain(): void {
    this.refs++;
  }
  release(): void {
    if (--this.refs === 0) this.closeNow();
  }
  protected closeNow(): void {}
}

/** A file, device or FIFO opened on the host. */
export class HostFile extends OpenFile {
  readonly kind: 'file' | 'stream';
  /** Guest file position (for positional files: the host fd is then always accessed with pread/pwrite). */
  pos = 0;
  /**
   * Whether reads and writes use the guest position. False for streams and
   * for borrowed writable host descriptors (stdout redirected to a file),
   * whose file offset is shared with other host processes and left to the
   * host. A borrowed read-only regular file (stdin from a file) is read at a
   * guest position starting at the host offset, and the host offset is moved
   * up to it when the guest lets go of it (Node can read a file offset but
   * can only move it forwards, by reading).
   */
  readonly positional: boolean;
  private readonly syncHostOffset: boolean = false;
  private readonly tty: boolean;
  /**
   * For streams (terminals, host pipes): a second, non-blocking open file
   * description of the same object (via /proc/self/fd) to test for input
   * without blocking; bytes read through it wait in `peeked`. undefined: not
   * opened yet; null: not possible here (then a stream always looks ready).
   */
  private peekFd: number | null | undefined;
  private peeked: Uint8Array[] = [];
  private peekEof = false;

  constructor(
    path: string,
    flags: number,
    private readonly fd: number,
    /** false for borrowed descriptors (the host's 0/1/2): never closed. */
    private readonly owned: boolean,
    st?: fs.BigIntStats,
  ) {
    super(path, flags);
    const s = st ?? fs.fstatSync(fd, { bigint: true });
    this.kind = s.isFile() || s.isBlockDevice() ? 'file' : 'stream';
    let positional = this.kind === 'file' && owned;
    if (this.kind === 'file' && !owned && this.readable && !this.writable) {
      const at = hostOffset(fd);
      if (at !== undefined) {
        positional = true;
        this.pos = at;
        this.syncHostOffset = true;
      }
    }
    this.positional = positional;
    this.tty = tty.isatty(fd);
  }

  override get hostFd(): number {
    return this.fd;
  }
  override isTty(): boolean {
    return this.tty;
  }

  override read(n: number): Uint8Array {
    if (!this.readable) fail('EBADF');
    if (this.positional) {
      const out = this.pread(n, this.pos);
      this.pos += out.length;
      return out;
    }
    if (this.peeked.length > 0) return this.takePeeked(n);
    if (this.peekEof) {
      this.peekEof = false;
      return new Uint8Array(0);
    }
    const buf = Buffer.alloc(n);
    for (;;) {
      try {
        const got = fs.readSync(this.fd, buf, 0, n, null);
        return buf.subarray(0, got);
      } catch (e) {
        if (isEagain(e) && (this.flags & O_NONBLOCK) === 0) {
          sleepMs(5);
          continue;
        }
        throw e;
      }
    }
  }

  override write(data: Uint8Array): number {
    if (!this.writable) fail('EBADF');
    if (this.positional) {
      if (this.flags & O_APPEND) this.pos = Number(fs.fstatSync(this.fd, { bigint: true }).size);
      const n = this.pwrite(data, this.pos);
      this.pos += n;
      return n;
    }
    let done = 0;
    while (done < data.length) {
      try {
        done += fs.writeSync(this.fd, data, done, data.length - done, null);
      } catch (e) {
        if (isEagain(e)) {
          if (this.flags & O_NONBLOCK) {
            if (done > 0) return done;
            throw e;
          }
          sleepMs(1);
          continue;
        }
        if (done > 0) return done;
        throw e;
      }
    }
    return done;
  }

  override pread(n: number, pos: number): Uint8Array {
    if (!this.readable) fail('EBADF');
    if (this.kind !== 'file') fail('ESPIPE');
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const r = fs.readSync(this.fd, buf, got, n - got, pos + got);
      if (r === 0) break;
      got += r;
    }
    return buf.subarray(0, got);
  }

  override pwrite(data: Uint8Array, pos: number): number {
    if (!this.writable) fail('EBADF');
    if (this.kind !== 'file') fail('ESPIPE');
    let done = 0;
    while (done < data.length) done += fs.writeSync(this.fd, data, done, data.length - done, pos + done);
    return done;
  }

  override seek(off: number, whence: number): number {
    if (this.kind !== 'file') fail('ESPIPE');
    if (!this.positional) return this.seekShared(off, whence);
    let base: number;
    switch (whence) {
      case SEEK_SET:
        base = 0;
        break;
      case SEEK_CUR:
        base = this.pos;
        break;
      case SEEK_END:
        base = Number(fs.fstatSync(this.fd, { bigint: true }).size);
        break;
      case SEEK_DATA:
      case SEEK_HOLE: {
        const size = Number(fs.fstatSync(this.fd, { bigint: true }).size);
        if (off < 0 || off >= size) fail('ENXIO');
        this.pos = whence === SEEK_DATA ? off : size;
        return this.pos;
      }
      default:
        return fail('EINVAL');
    }
    const p = base + off;
    if (p < 0) fail('EINVAL');
    this.pos = p;
    return p;
  }

  /**
   * lseek on a borrowed writable regular file (stdout redirected to a file):
   * Node can read the shared host offset (/proc/self/fdinfo) but not set it,
   * so only the query lseek(fd, 0, SEEK_CUR) works; moving is ESPIPE, as if
   * it were a pipe.
   */
  private seekShared(off: number, whence: number): number {
    const hostPos = hostOffset(this.fd);
    if (hostPos === undefined || whence !== SEEK_CUR || off !== 0) fail('ESPIPE');
    return hostPos;
  }

  /** Move the shared host offset forward to the guest position (by reading), when letting go of a borrowed file. */
  private syncOffset(): void {
    const at = hostOffset(this.fd);
    if (at === undefined || at >= this.pos) return;
    const chunk = Buffer.alloc(Math.min(this.pos - at, 1 << 20));
    for (let done = at; done < this.pos; ) {
      const got = fs.readSync(this.fd, chunk, 0, Math.min(chunk.length, this.pos - done), null);
      if (got === 0) break;
      done += got;
    }
  }

  override stat(): StatInfo {
    return statInfoOf(fs.fstatSync(this.fd, { bigint: true }));
  }

  override pollIn(): boolean {
    if (!this.readable) return false;
    if (this.kind === 'file' || this.peeked.length > 0 || this.peekEof) return true;
    if (this.peekFd === undefined) {
      try {
        const c = fs.constants;
        this.peekFd = fs.openSync(`/proc/self/fd/${this.fd}`, c.O_RDONLY | c.O_NONBLOCK | c.O_NOCTTY);
      } catch {
        this.peekFd = null;
      }
    }
    if (this.peekFd === null) return true;
    try {
      const b = Buffer.alloc(4096);
      const got = fs.readSync(this.peekFd, b, 0, b.length, null);
      if (got === 0) this.peekEof = true;
      else this.peeked.push(b.subarray(0, got));
      return true;
    } catch (e) {
      return !isEagain(e);
    }
  }

  private takePeeked(n: number): Uint8Array {
    const out: Uint8Array[] = [];
    let got = 0;
    while (got < n && this.peeked.length > 0) {
      const c = this.peeked[0]!;
      const take = Math.min(c.length, n - got);
      out.push(c.subarray(0, take));
      got += take;
      if (take === c.length) this.peeked.shift();
      else this.peeked[0] = c.subarray(take);
    }
    return Buffer.concat(out);
  }

  override pollOut(): boolean {
    return this.writable;
  }
  override available(): number {
    if (!this.positional && this.peeked.length > 0) return this.peeked.reduce((a, c) => a + c.length, 0);
    if (this.positional) return Math.max(0, Number(fs.fstatSync(this.fd, { bigint: true }).size) - this.pos);
    return 0;
  }

  protected override closeNow(): void {
    if (this.syncHostOffset) {
      try {
        this.syncOffset();
      } catch {
        // the host file went away
      }
    }
    if (this.peekFd) {
      try {
        fs.closeSync(this.peekFd);
      } catch {
        // ignore
      }
      this.peekFd = undefined;
    }
    if (this.owned) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // already gone
      }
    }
  }
}

export interface DirEntry {
  name: string;
  ino: bigint;
  type: number;
}

export const DT_UNKNOWN = 0;
export const DT_FIFO = 1;
export const DT_CHR = 2;
export const DT_DIR = 4;
export const DT_BLK = 6;
export const DT_REG = 8;
export const DT_LNK = 10;
export const DT_SOCK = 12;

function direntType(d: fs.Dirent): number {
  if (d.isFile()) return DT_REG;
  if (d.isDirectory()) return DT_DIR;
  if (d.isSymbolicLink()) return DT_LNK;
  if (d.isFIFO()) return DT_FIFO;
  if (d.isCharacterDevice()) return DT_CHR;
  if (d.isBlockDevice()) return DT_BLK;
  if (d.isSocket()) return DT_SOCK;
  return DT_UNKNOWN;
}

/** A directory opened on the host: getdents64 reads a snapshot taken at offset 0. */
export class DirFile extends OpenFile {
  readonly kind = 'dir';
  /** Index of the next entry (what getdents64 reports as d_off of the previous one). */
  pos = 0;
  private entries: DirEntry[] | undefined;

  constructor(
    path: string,
    flags: number,
    private readonly fd: number,
  ) {
    super(path, flags);
  }

  override get hostFd(): number | undefined {
    return this.fd;
  }

  listing(): DirEntry[] {
    if (this.entries === undefined || this.pos === 0) {
      const synth = this.synthesize();
      if (synth) {
        this.entries = synth;
        return synth;
      }
      const self = fs.statSync(this.path, { bigint: true });
      let parentIno = self.ino;
      try {
        parentIno = fs.statSync(this.path + '/..', { bigint: true }).ino;
      } catch {
        // keep self
      }
      const list: DirEntry[] = [
        { name: '.', ino: self.ino, type: DT_DIR },
        { name: '..', ino: parentIno, type: DT_DIR },
      ];
      // fs.opendirSync yields entries in the host's getdents order (fs.readdirSync sorts them),
      // so guests list directories in the same order as under a real kernel or qemu-user.
      const dir = fs.opendirSync(this.path);
      const entries: fs.Dirent[] = [];
      try {
        for (let d = dir.readSync(); d !== null; d = dir.readSync()) entries.push(d);
      } finally {
        dir.closeSync();
      }
      for (const d of entries) {
        let ino = 0n;
        try {
          ino = fs.lstatSync(this.path + '/' + d.name, { bigint: true }).ino;
        } catch {
          continue; // vanished between readdir and lstat
        }
        list.push({ name: d.name, ino, type: direntType(d) });
      }
      this.entries = list;
    }
    return this.entries;
  }

  /** Entries of a directory that exists only for the guest (overridden by SynthDirFile). */
  protected synthesize(): DirEntry[] | undefined {
    return undefined;
  }

  override read(_n: number): Uint8Array {
    return fail('EISDIR');
  }
  override write(_d: Uint8Array): number {
    return fail('EBADF');
  }
  override pread(_n: number, _p: number): Uint8Array {
    return fail('EISDIR');
  }
  override seek(off: number, whence: number): number {
    if (whence === SEEK_SET) {
      if (off < 0) fail('EINVAL');
      this.pos = off;
    } else if (whence === SEEK_CUR) {
      if (this.pos + off < 0) fail('EINVAL');
      this.pos += off;
    } else fail('EINVAL');
    return this.pos;
  }
  override stat(): StatInfo {
    return statInfoOf(fs.fstatSync(this.fd, { bigint: true }));
  }
  protected override closeNow(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // ignore
    }
  }
}

/** A directory whose entries are generated for the guest (/proc/self, /proc/self/fd). */
export class SynthDirFile extends DirFile {
  private readonly st = syntheticStat(S_IFDIR | 0o555);
  constructor(
    path: string,
    flags: number,
    private readonly make: () => DirEntry[],
  ) {
    super(path, flags, -1);
  }
  override get hostFd(): number | undefined {
    return undefined;
  }
  protected override synthesize(): DirEntry[] {
    return [{ name: '.', ino: this.st.ino, type: DT_DIR }, { name: '..', ino: 1n, type: DT_DIR }, ...this.make()];
  }
  override stat(): StatInfo {
    return this.st;
  }
  protected override closeNow(): void {}
}

/** An O_PATH descriptor: a location only. */
export class PathFile extends OpenFile {
  readonly kind = 'path';
  constructor(
    path: string,
    flags: number,
    private readonly st: StatInfo,
  ) {
    super(path, flags);
  }
  override read(_n: number): Uint8Array {
    return fail('EBADF');
  }
  override write(_d: Uint8Array): number {
    return fail('EBADF');
  }
  override stat(): StatInfo {
    try {
      return statInfoOf(fs.lstatSync(this.path, { bigint: true }));
    } catch {
      return this.st;
    }
  }
}

/** The shared buffer of an in-process pipe. */
export class PipeBuffer {
  chunks: Uint8Array[] = [];
  size = 0;
  readers = 0;
  writers = 0;
  readonly ino = ++fakeIno;
  capacity = PIPE_BUF_SIZE;
}

export class PipeEnd extends OpenFile {
  readonly kind = 'pipe';
  constructor(
    readonly pipe: PipeBuffer,
    readonly isReader: boolean,
    flags: number,
  ) {
    super(`pipe:[${pipe.ino}]`, (flags & ~O_ACCMODE) | (isReader ? O_RDONLY : O_WRONLY));
    if (isReader) pipe.readers++;
    else pipe.writers++;
  }

  override read(n: number): Uint8Array {
    if (!this.isReader) fail('EBADF');
    const p = this.pipe;
    if (p.size === 0) {
      if (p.writers === 0) return new Uint8Array(0);
      // Only a signal handler of this single-threaded process could fill it now.
      throw new WouldBlock();
    }
    const out = new Uint8Array(Math.min(n, p.size));
    let done = 0;
    while (done < out.length) {
      const c = p.chunks[0]!;
      const take = Math.min(c.length, out.length - done);
      out.set(c.subarray(0, take), done);
      done += take;
      if (take === c.length) p.chunks.shift();
      else p.chunks[0] = c.subarray(take);
    }
    p.size -= done;
    return out;
  }

  override write(data: Uint8Array): number {
    if (this.isReader) fail('EBADF');
    const p = this.pipe;
    if (p.readers === 0) fail('EPIPE'); // the caller raises SIGPIPE
    let n = data.length;
    if (this.flags & O_NONBLOCK) {
      n = Math.min(n, p.capacity - p.size);
      if (n <= 0 && data.length > 0) fail('EAGAIN');
    }
    if (n > 0) {
      p.chunks.push(data.slice(0, n));
      p.size += n;
    }
    return n;
  }

  override stat(): StatInfo {
    const s = syntheticStat(S_IFIFO | 0o600, 0, this.pipe.ino);
    return s;
  }
  override pollIn(): boolean {
    return this.isReader && (this.pipe.size > 0 || this.pipe.writers === 0);
  }
  override pollOut(): boolean {
    return !this.isReader && this.pipe.readers > 0 && this.pipe.size < this.pipe.capacity;
  }
  override pollHup(): boolean {
    return this.isReader ? this.pipe.writers === 0 : this.pipe.readers === 0;
  }
  override available(): number {
    return this.isReader ? this.pipe.size : 0;
  }
  protected override closeNow(): void {
    if (this.isReader) this.pipe.readers--;
    else this.pipe.writers--;
  }
}

/** Captured output (the embedder's stdout/stderr callback). */
export class SinkFile extends OpenFile {
  readonly kind = 'sink';
  private readonly st = syntheticStat(S_IFIFO | 0o600);
  constructor(
    name: string,
    private readonly sink: (b: Uint8Array) => void,
  ) {
    super(name, O_WRONLY);
  }
  override read(_n: number): Uint8Array {
    return fail('EBADF');
  }
  override write(data: Uint8Array): number {
    this.sink(data.slice());
    return data.length;
  }
  override stat(): StatInfo {
    return this.st;
  }
  override pollIn(): boolean {
    return false;
  }
}

/** Captured input: the embedder's stdin callback (returns an empty array at end of file). */
export class SourceFile extends OpenFile {
  readonly kind = 'source';
  private readonly st = syntheticStat(S_IFIFO | 0o600);
  constructor(
    name: string,
    private readonly source: (max: number) => Uint8Array,
  ) {
    super(name, O_RDONLY);
  }
  override read(n: number): Uint8Array {
    const b = this.source(n);
    return b.length > n ? b.subarray(0, n) : b;
  }
  override write(_d: Uint8Array): number {
    return fail('EBADF');
  }
  override stat(): StatInfo {
    return this.st;
  }
  override pollOut(): boolean {
    return false;
  }
}

/** A read-only file whose bytes are generated when opened (/proc/self/maps, cmdline, ...). */
export class MemFile extends OpenFile {
  readonly kind = 'mem';
  pos = 0;
  private readonly st: StatInfo;
  constructor(
    path: string,
    flags: number,
    readonly data: Uint8Array,
  ) {
    super(path, flags);
    // /proc files report size 0, as Linux does.
    this.st = syntheticStat(S_IFREG | 0o444, path.startsWith('/proc/') ? 0 : data.length);
  }
  override read(n: number): Uint8Array {
    const out = this.pread(n, this.pos);
    this.pos += out.length;
    return out;
  }
  override pread(n: number, pos: number): Uint8Array {
    if (!this.readable) fail('EBADF');
    return this.data.slice(Math.min(pos, this.data.length), Math.min(pos + n, this.data.length));
  }
  override write(_d: Uint8Array): number {
    return fail('EBADF');
  }
  override seek(off: number, whence: number): number {
    const base = whence === SEEK_SET ? 0 : whence === SEEK_CUR ? this.pos : whence === SEEK_END ? this.data.length : NaN;
    if (Number.isNaN(base)) fail('EINVAL');
    if (base + off < 0) fail('EINVAL');
    this.pos = base + off;
    return this.pos;
  }
  override stat(): StatInfo {
    return this.st;
  }
  override available(): number {
    return Math.max(0, this.data.length - this.pos);
  }
}

/** /dev/urandom and /dev/random: the process's seeded stream, so runs are reproducible. */
export class RandomDevice extends OpenFile {
  readonly kind = 'random';
  constructor(
    path: string,
    flags: number,
    private readonly rng: SeededRandom,
    private readonly st: StatInfo,
  ) {
    super(path, flags);
  }
  override read(n: number): Uint8Array {
    if (!this.readable) fail('EBADF');
    return this.rng.bytes(n);
  }
  override write(data: Uint8Array): number {
    if (!this.writable) fail('EBADF');
    return data.length;
  }
  override seek(_o: number, _w: number): number {
    return 0;
  }
  override stat(): StatInfo {
    return this.st;
  }
}

/** One slot of the descriptor table. */
export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

export const NOFILE_LIMIT = 1024;

/** The process's file descriptor table. */
export class FdTable {
  private readonly slots: (FdEntry | undefined)[] = [];
  limit = NOFILE_LIMIT;

  get(fd: number): FdEntry {
    const e = fd >= 0 ? this.slots[fd] : undefined;
    if (!e) throw new SysError(ERRNO.EBADF);
    return e;
  }
  file(fd: number): OpenFile {
    return this.get(fd).file;
  }
  has(fd: number): boolean {
    return fd >= 0 && this.slots[fd] !== undefined;
  }
  /** Lowest free descriptor >= min. */
  lowestFree(min = 0): number {
    let fd = min;
    while (fd < this.limit && this.slots[fd] !== undefined) fd++;
    if (fd >= this.limit) throw new SysError(ERRNO.EMFILE);
    return fd;
  }
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    const fd = this.lowestFree(min);
    this.set(fd, file, cloexec);
    return fd;
  }
  /** Put file at fd, closing what was there. */
  set(fd: number, file: OpenFile, cloexec: boolean): void {
    if (fd < 0 || fd >= this.limit) throw new SysError(ERRNO.EBADF);
    file.retain();
    const old = this.slots[fd];
    this.slots[fd] = { file, cloexec };
    old?.file.release();
  }
  close(fd: number): void {
    const e = this.get(fd);
    this.slots[fd] = undefined;
    e.file.release();
  }
  closeAll(): void {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]) this.close(fd);
  }
  /** Open descriptors, ascending. */
  list(): number[] {
    const out: number[] = [];
    this.slots.forEach((e, fd) => {
      if (e) out.push(fd);
    });
    return out;
  }
}
