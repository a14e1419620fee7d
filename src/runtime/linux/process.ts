/**
 * A Linux process for a static AArch64 executable: loads the ELF, builds the
 * initial stack, and services system calls (SVC #0: number in x8, arguments
 * in x0..x5, result in x0, -errno on failure) and signals for the
 * dispatcher.
 *
 * Dispatcher contract:
 *   const p = new LinuxProcess({ cpu, mem, space, argv, envp, hwcap, seed });
 *   p.load(elfBytes, path);                 // sets SP, PC and the registers
 *   after an SVC (PC already past it):      r = p.syscall();
 *   on a guest fault / UNDEFINED / BRK:     r = p.deliverSignal(SIGSEGV, { code, addr });
 *     (CPU state must be the state before the faulting instruction, PC = its address)
 *   optionally at instruction boundaries:  r = p.pollSignals();   // interval timers
 *   r.kind === 'exit' -> stop with exit status r.code; p.fatalSignal says if a signal killed it.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { PAGE_SIZE, Slot } from '../../backend-js/abi.js';
import type { CpuState } from '../cpu-state.js';
import { GuestFault } from '../fault.js';
import { type Memory, Perm } from '../memory.js';
import type { UserSpace } from '../user-space.js';
import { ERRNO, errnoName } from './errno.js';
import { type LoadedElf, loadElf, parseElf } from './elf.js';
import { FdTable, HostFile, O_LARGEFILE, O_RDONLY, O_RDWR, O_WRONLY, type OpenFile, SinkFile, SourceFile, sleepMs } from './files.js';
import { LinuxFs, errnoOf } from './fs.js';
import { MemoryManager } from './mm.js';
import { SEGV_ACCERR, SEGV_MAPERR, SIGPIPE, SIGSEGV, SI_KERNEL, SI_USER, Signals, signalName } from './signals.js';
import { DEFAULT_STACK_SIZE, STACK_TOP, type StackLayout, buildStack } from './stack.js';
import { SYSCALL_NAMES, syscallName } from './syscall-numbers.js';
import { HANDLERS, KEEP_X0 } from './syscalls.js';
import { Clock, ITimers } from './time.js';
import { CONTINUE, Interrupted, type SigInfo, type SyscallResult } from './types.js';
import { SeededRandom, UAccess } from './uaccess.js';

export type { SyscallResult } from './types.js';

export interface LinuxProcessOptions {
  cpu: CpuState;
  mem: Memory;
  space: UserSpace;
  /** argv[0] included. */
  argv: string[];
  envp: string[];
  /** AT_HWCAP (and AT_HWCAP2) for the CPU features the engine implements. */
  hwcap: number | bigint;
  hwcap2?: number | bigint;
  /** Seed for AT_RANDOM, getrandom and /dev/urandom: the same seed gives the same bytes. Default 0. */
  seed?: number;
  /** Initial working directory (host path). Default process.cwd(). */
  cwd?: string;
  /** Captured output; default: the host's fd 1 and 2. */
  stdout?: (b: Uint8Array) => void;
  stderr?: (b: Uint8Array) => void;
  /** Captured input (return an empty array at end of file); default: the host's fd 0. */
  stdin?: (max: number) => Uint8Array;
  /** Stack size mapped below the stack top (default 8 MiB). */
  stackSize?: number;
  /** Process ids the guest sees (default pid 4242, ppid 4241). */
  pid?: number;
  ppid?: number;
  /** Receives one line per syscall, strace-like. */
  strace?: (line: string) => void;
}

/** Sigreturn trampoline for handlers without SA_RESTORER: mov x8, #139; svc #0. */
const TRAMPOLINE = new Uint8Array([0x68, 0x11, 0x80, 0xd2, 0x01, 0x00, 0x00, 0xd4]);

export class LinuxProcess {
  readonly cpu: CpuState;
  readonly mem: Memory;
  readonly space: UserSpace;
  readonly ua: UAccess;
  readonly mm: MemoryManager;
  readonly fds = new FdTable();
  readonly fs: LinuxFs;
  readonly signals: Signals;
  readonly clock = new Clock();
  readonly timers: ITimers;
  readonly rng: SeededRandom;

  /** Unknown (unimplemented) syscall numbers -> times called; they returned -ENOSYS. */
  readonly unknownSyscalls = new Map<number, number>();
  /** Calls per syscall name (including unknown ones, as "syscall_N"). */
  readonly syscallCounts = new Map<string, number>();

  /** Receives one line per syscall, strace-like (settable at any time). */
  strace: ((line: string) => void) | undefined;

  /** Exit status once the process has ended (exit, exit_group, or 128+signal). */
  exitCode: number | undefined;
  /** Path given to load() (AT_EXECFN) and its absolute host form (/proc/self/exe). */
  execPath = '';
  exePath = '';
  elf: LoadedElf | undefined;
  stack: StackLayout | undefined;

  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly gid: number;
  comm = '';
  clearChildTid = 0;
  robustList = { head: 0, len: 0 };
  personality = 0;
  readonly rlimits = new Map<number, [bigint, bigint]>();
  readonly startNs: bigint;

  /** Set by exit/exit_group while a syscall runs. */
  private exitRequest: number | undefined;
  /** ppoll/pselect6 interrupted under their temporary mask: deliver with it, then restore this. */
  private restoreMask: bigint | undefined;
  private trampoline = 0;
  private readonly opts: LinuxProcessOptions;

  constructor(opts: LinuxProcessOptions) {
    this.opts = opts;
    this.strace = opts.strace;
    this.cpu = opts.cpu;
    this.mem = opts.mem;
    this.space = opts.space;
    this.ua = new UAccess(this.mem, this.space);
    this.mm = new MemoryManager(this.space);
    this.rng = new SeededRandom(opts.seed ?? 0);
    this.pid = opts.pid ?? 4242;
    this.ppid = opts.ppid ?? this.pid - 1;
    this.uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    this.gid = typeof process.getgid === 'function' ? process.getgid() : 0;
    this.timers = new ITimers(this.clock);
    this.startNs = this.clock.monoNs();
    this.signals = new Signals(this.cpu, this.ua, {
      pid: this.pid,
      uid: this.uid,
      sigreturnTrampoline: () => this.sigreturnTrampoline(),
    });
    const self = this;
    this.fs = new LinuxFs(
      this.fds,
      {
        ua: this.ua,
        rng: this.rng,
        pid: this.pid,
        pgid: this.pid,
        exePath: () => this.exePath,
        procFile: (name) => this.procFile(name),
        brokenPipe: () => this.signals.raise(SIGPIPE, { code: SI_USER, pid: this.pid, uid: this.uid }),
        winsize: () => winsize(),
        block(): never {
          return self.waitForever(true);
        },
        setTermRaw: (raw) => setTermRaw(raw),
      },
      opts.cwd ?? process.cwd(),
    );
    this.setupStdio();
    const RLIM_INF = (1n << 64n) - 1n;
    for (let r = 0; r < 16; r++) this.rlimits.set(r, [RLIM_INF, RLIM_INF]);
    this.rlimits.set(RLIMIT_STACK, [BigInt(opts.stackSize ?? DEFAULT_STACK_SIZE), RLIM_INF]);
    this.rlimits.set(RLIMIT_NOFILE, [1024n, 4096n]);
    this.rlimits.set(RLIMIT_CORE, [0n, RLIM_INF]);
    this.rlimits.set(RLIMIT_NPROC, [4096n, 4096n]);
    this.rlimits.set(RLIMIT_MEMLOCK, [8n * 1024n * 1024n, 8n * 1024n * 1024n]);
    this.rlimits.set(RLIMIT_SIGPENDING, [4096n, 4096n]);
    this.rlimits.set(RLIMIT_MSGQUEUE, [819200n, 819200n]);
    this.rlimits.set(RLIMIT_NICE, [0n, 0n]);
    this.rlimits.set(RLIMIT_RTPRIO, [0n, 0n]);
  }

  private setupStdio(): void {
    const o = this.opts;
    const hostStd = (fd: number, write: boolean): OpenFile | undefined => {
      let name = ['/dev/stdin', '/dev/stdout', '/dev/stderr'][fd]!;
      try {
        name = fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        // not on Linux: keep the generic name
      }
      try {
        const f = new HostFile(name, (write ? O_WRONLY : O_RDONLY) | O_LARGEFILE, fd, false);
        if (f.isTty()) f.flags = O_RDWR | O_LARGEFILE;
        return f;
      } catch {
        return undefined; // the host's descriptor is closed
      }
    };
    const f0 = o.stdin ? new SourceFile('pipe:[stdin]', o.stdin) : hostStd(0, false);
    const f1 = o.stdout ? new SinkFile('pipe:[stdout]', o.stdout) : hostStd(1, true);
    const f2 = o.stderr ? new SinkFile('pipe:[stderr]', o.stderr) : hostStd(2, true);
    [f0, f1, f2].forEach((f, fd) => {
      if (f) this.fds.set(fd, f, false);
    });
  }

  // ------------------------------------------------------------ loading

  /** Load a static executable and build the initial stack; sets SP/PC/registers. */
  load(bytes: Uint8Array, path: string): LoadedElf {
    const info = parseElf(bytes);
    const elf = loadElf(bytes, this.space, {}, info);
    this.elf = elf;
    this.execPath = path;
    this.exePath = nodePath.resolve(this.fs.cwd, path);
    try {
      this.exePath = fs.realpathSync(this.exePath);
    } catch {
      // a path that does not exist on the host (bytes given directly): keep it as is
    }
    this.comm = nodePath.basename(path).slice(0, 15);
    for (const seg of elf.segments) this.mm.adopt(seg.firstPage, seg.pageCount, this.exePath, Math.max(0, seg.offset - (seg.vaddr % PAGE_SIZE)));
    // The heap starts at the end of the image.
    this.mm.brkStart = elf.brk;
    this.mm.brkCur = elf.brk;
    const stackSize = this.opts.stackSize ?? DEFAULT_STACK_SIZE;
    this.stack = buildStack(this.cpu, this.space, {
      argv: this.opts.argv,
      envp: this.opts.envp,
      execfn: path,
      elf,
      hwcap: this.opts.hwcap,
      hwcap2: this.opts.hwcap2,
      random: this.rng.bytes(16),
      uid: this.uid,
      gid: this.gid,
      stackTop: STACK_TOP,
      stackSize,
    });
    this.mm.adopt(this.stack.low / PAGE_SIZE, stackSize / PAGE_SIZE, '[stack]');
    if (elf.execStack) this.mm.mprotect(this.stack.low, stackSize, 7);
    return elf;
  }

  // ------------------------------------------------------------ syscalls

  /** Argument n (x0..x5) as an unsigned 64-bit number (exact below 2^53). */
  arg(n: number): number {
    return this.cpu.xNum(n);
  }
  /** Argument n as a C int. */
  int(n: number): number {
    return this.cpu.s[2 * n]!;
  }
  /** Argument n as a C unsigned int. */
  uint(n: number): number {
    return this.cpu.s[2 * n]! >>> 0;
  }
  /** Argument n as a signed 64-bit (off_t, long). */
  long(n: number): number {
    return Number(BigInt.asIntN(64, this.cpu.getX(n)));
  }

  /** Handle the SVC that just executed. */
  syscall(): SyscallResult {
    if (this.exitCode !== undefined) return { kind: 'exit', code: this.exitCode };
    const cpu = this.cpu;
    const nrBig = cpu.getX(8);
    const nr = nrBig > 0xffffn ? -1 : Number(nrBig);
    const name = SYSCALL_NAMES.get(nr);
    const label = name ?? `syscall_${nrBig}`;
    this.syscallCounts.set(label, (this.syscallCounts.get(label) ?? 0) + 1);
    const handler = name ? HANDLERS[name] : undefined;
    const origX0 = cpu.getX(0);
    const trace = this.strace;
    const argText = trace ? this.argText() : '';
    let ret: number | typeof KEEP_X0;
    let restart = false;
    if (!handler) {
      const key = nrBig > 0xffffffffn ? -1 : Number(nrBig);
      this.unknownSyscalls.set(key, (this.unknownSyscalls.get(key) ?? 0) + 1);
      ret = -ERRNO.ENOSYS;
    } else {
      try {
        ret = handler(this);
      } catch (e) {
        if (e instanceof Interrupted) {
          ret = -ERRNO.EINTR;
          restart = e.restartable && this.nextHandlerRestarts();
        } else if (e instanceof GuestFault) {
          ret = -ERRNO.EFAULT;
        } else if (e instanceof RangeError && /RAM exhausted/.test(e.message)) {
          ret = -ERRNO.ENOMEM;
        } else {
          const en = errnoOf(e);
          if (en === undefined) throw e;
          ret = -en;
        }
      }
    }
    if (trace) trace(`${label}(${argText}) = ${this.retText(ret, restart)}`);
    if (this.exitRequest !== undefined) return this.exit(this.exitRequest);
    if (restart) {
      // -ERESTARTSYS with SA_RESTART: re-execute the SVC after the handler.
      cpu.setX(0, origX0);
      cpu.pc = cpu.pc - 4n;
    } else if (ret !== KEEP_X0) cpu.setXNum(0, ret);
    if (this.restoreMask !== undefined) {
      const saved = this.restoreMask;
      this.restoreMask = undefined;
      const before = this.signals.framesBuilt;
      const r = this.afterSyscall(saved);
      if (this.signals.framesBuilt === before) this.signals.blocked = saved;
      return r;
    }
    return this.afterSyscall();
  }

  /**
   * A syscall with a temporary signal mask (ppoll, pselect6) was interrupted:
   * signals it unblocked are delivered on return, and the frame saves the
   * original mask, as Linux does.
   */
  deliverUnderMask(mask: bigint): void {
    this.restoreMask = this.signals.blocked;
    this.signals.blocked = mask;
  }

  private argText(): string {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const v = this.cpu.getX(i);
      out.push(v > 0xffff_ffff_0000_0000n ? String(BigInt.asIntN(64, v)) : v < 4096n ? String(v) : '0x' + v.toString(16));
    }
    return out.join(', ');
  }

  private retText(ret: number | typeof KEEP_X0, restart: boolean): string {
    if (restart) return '? ERESTARTSYS';
    if (ret === KEEP_X0) return '?';
    if (ret < 0 && ret > -4096) return `-1 ${errnoName(-ret)}`;
    return ret >= 0x10000 ? '0x' + ret.toString(16) : String(ret);
  }

  /** Whether the signal that will be delivered next has SA_RESTART. */
  private nextHandlerRestarts(): boolean {
    const sigs = this.signals.pending.filter((p) => (this.signals.blocked & (1n << BigInt(p.sig - 1))) === 0n);
    if (sigs.length === 0) return false;
    const sig = Math.min(...sigs.map((p) => p.sig));
    const act = this.signals.actions[sig]!;
    return act.handler > 1 && (act.flags & 0x10000000) !== 0;
  }

  /** Timers and pending signals, at the return to user mode. */
  private afterSyscall(savedMask?: bigint): SyscallResult {
    for (const sig of this.timers.expired()) this.signals.raise(sig, { code: SI_KERNEL });
    if (this.signals.pending.length === 0) return CONTINUE;
    const r = this.signals.deliverPending(savedMask);
    if (r.kind === 'exit') return this.die();
    return r;
  }

  /**
   * Deliver pending asynchronous signals (interval timers). The dispatcher may
   * call this at any instruction boundary, with the CPU state exact.
   */
  pollSignals(): SyscallResult {
    if (this.exitCode !== undefined) return { kind: 'exit', code: this.exitCode };
    if (!this.timers.armed() && this.signals.pending.length === 0) return CONTINUE;
    return this.afterSyscall();
  }

  /**
   * A synchronous signal from the current instruction: SIGSEGV/SIGBUS for
   * faults (si_code SEGV_MAPERR/SEGV_ACCERR, addr = fault address), SIGILL
   * (ILL_ILLOPC, addr = pc), SIGTRAP (BRK), SIGFPE. The CPU state must be
   * the state before the instruction, with PC = its address.
   */
  deliverSignal(sig: number, info: SigInfo): SyscallResult {
    if (this.exitCode !== undefined) return { kind: 'exit', code: this.exitCode };
    let i = info;
    if (sig === SIGSEGV && info.code === SEGV_MAPERR && info.addr !== undefined && info.addr < 1n << 48n) {
      // A page reserved with PROT_NONE has no frame, so it faults as a translation fault: Linux says ACCERR.
      if (this.mm.find(Number(info.addr / BigInt(PAGE_SIZE)))) i = { ...info, code: SEGV_ACCERR };
    }
    const r = this.signals.force(sig, i);
    if (r.kind === 'exit') return this.die();
    return this.afterSyscall();
  }

  /** Signal that killed the process, if any. */
  get fatalSignal(): number | undefined {
    return this.signals.fatalSignal;
  }

  /** "jitvisor: guest killed by signal SIGSEGV at pc 0x..." text helper. */
  describeFatal(): string | undefined {
    const sig = this.signals.fatalSignal;
    if (sig === undefined) return undefined;
    const info = this.signals.fatalInfo;
    const addr = info?.addr !== undefined && sig !== 4 && sig !== 5 ? ` (fault address 0x${info.addr.toString(16)})` : '';
    let word = '';
    if (sig === 4) {
      // SIGILL: name the instruction word that was UNDEFINED.
      try {
        const pc = this.cpu.pc;
        const w = this.mem.ld32(Number(pc & 0xffffffffn) | 0, Number(pc >> 32n) | 0) >>> 0;
        word = ` (instruction word 0x${w.toString(16).padStart(8, '0')})`;
      } catch {
        // the PC is not readable: say nothing more
      }
    }
    return `guest killed by signal ${signalName(sig)} at pc 0x${this.cpu.pc.toString(16)}${addr}${word}`;
  }

  private die(): SyscallResult {
    return this.exit(128 + this.signals.fatalSignal!);
  }

  /** End the process: write back shared mappings, close host files. */
  exit(code: number): SyscallResult {
    if (this.exitCode === undefined) {
      this.exitCode = code & 0xff;
      this.finish();
    }
    return { kind: 'exit', code: this.exitCode };
  }

  private finish(): void {
    this.mm.flushAll();
    this.fds.closeAll();
  }

  /** Called by exit/exit_group handlers. */
  requestExit(code: number): void {
    this.exitRequest = code & 0xff;
  }

  // ------------------------------------------------------------ waiting

  /**
   * Sleep until `deadlineNs` (monotonic) or forever (null), waking early when
   * a signal becomes deliverable. Returns true if a signal interrupted it.
   */
  sleepUntil(deadlineNs: bigint | null, mask = this.signals.blocked, ready?: () => boolean): boolean {
    for (;;) {
      for (const sig of this.timers.expired()) this.signals.raise(sig, { code: SI_KERNEL });
      if (this.signals.hasDeliverable(mask)) return true;
      if (ready?.()) return false;
      const now = this.clock.monoNs();
      if (deadlineNs !== null && now >= deadlineNs) return false;
      // With a readiness condition (poll on host input), look again every few milliseconds.
      const slice = ready ? 5 : 1000;
      let ms = deadlineNs === null ? slice : Math.min(slice, Number(deadlineNs - now) / 1e6);
      const t = this.timers.msUntilReal();
      if (t !== undefined) ms = Math.min(ms, t);
      sleepMs(Math.max(ms, 0.05));
    }
  }

  /** Block until a signal arrives (a single thread waiting on itself), then throw Interrupted. */
  waitForever(restartable: boolean): never {
    this.sleepUntil(null);
    throw new Interrupted(restartable);
  }

  // ------------------------------------------------------------ helpers

  private sigreturnTrampoline(): number {
    if (this.trampoline === 0) this.trampoline = this.mm.mapBlob(TRAMPOLINE, Perm.R | Perm.X, '[vdso]');
    return this.trampoline;
  }

  /** Synthesized /proc/self files. */
  procFile(name: string): Uint8Array | undefined {
    const text = (s: string) => Buffer.from(s, 'utf8');
    const nulList = (l: string[]) => Buffer.from(l.map((s) => s + '\0').join(''), 'utf8');
    switch (name) {
      case 'maps':
        return text(this.mm.mapsText());
      case 'cmdline':
        return nulList(this.opts.argv);
      case 'environ':
        return nulList(this.opts.envp);
      case 'comm':
        return text(this.comm + '\n');
      case 'auxv': {
        const aux = this.stack?.auxv ?? [];
        const b = Buffer.alloc((aux.length + 1) * 16);
        aux.forEach(([t, v], i) => {
          b.writeBigUInt64LE(BigInt(t), 16 * i);
          b.writeBigUInt64LE(v, 16 * i + 8);
        });
        return b;
      }
      case 'stat': {
        const ticks = Number(this.clock.cpuNs() / 10_000_000n);
        const vsize = this.mm.vmas.reduce((a, v) => a + (v.end - v.start) * PAGE_SIZE, 0);
        const rss = this.mm.vmas.reduce((a, v) => a + (v.lazy ? 0 : v.end - v.start), 0);
        const f = [
          this.pid, `(${this.comm})`, 'R', this.ppid, this.pid, this.pid, 0, -1, 0x400000, 0, 0, 0, 0, ticks, 0, 0, 0, 20, 0, 1, 0,
          Number(this.startNs / 10_000_000n), vsize, rss, '18446744073709551615', this.elf?.start ?? 0, this.elf?.end ?? 0,
          this.stack?.top ?? 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        return text(f.join(' ') + '\n');
      }
      case 'status': {
        const rssKb = (this.mm.vmas.reduce((a, v) => a + (v.lazy ? 0 : v.end - v.start), 0) * PAGE_SIZE) / 1024;
        const lines = [
          `Name:\t${this.comm}`,
          'State:\tR (running)',
          `Tgid:\t${this.pid}`,
          `Pid:\t${this.pid}`,
          `PPid:\t${this.ppid}`,
          `Uid:\t${this.uid}\t${this.uid}\t${this.uid}\t${this.uid}`,
          `Gid:\t${this.gid}\t${this.gid}\t${this.gid}\t${this.gid}`,
          `VmRSS:\t${rssKb} kB`,
          'Threads:\t1',
          `SigBlk:\t${this.signals.blocked.toString(16).padStart(16, '0')}`,
          'Cpus_allowed:\t1',
          'Cpus_allowed_list:\t0',
        ];
        return text(lines.join('\n') + '\n');
      }
      case 'meminfo': {
        const { total, free } = this.ramFigures();
        const kb = (n: number) => `${Math.floor(n / 1024)} kB`.padStart(11);
        const rows: [string, number][] = [
          ['MemTotal', total],
          ['MemFree', free],
          ['MemAvailable', free],
          ['Buffers', 0],
          ['Cached', 0],
          ['SwapCached', 0],
          ['Active', total - free],
          ['Inactive', 0],
          ['SwapTotal', 0],
          ['SwapFree', 0],
          ['Shmem', 0],
          ['SReclaimable', 0],
        ];
        return text(rows.map(([k, v]) => `${(k + ':').padEnd(15)}${kb(v)}`).join('\n') + '\n');
      }
      case 'cpuinfo': {
        const hw = BigInt(this.opts.hwcap);
        const features = HWCAP_NAMES.filter((_, i) => (hw >> BigInt(i)) & 1n).join(' ');
        return text(
          [
            'processor\t: 0',
            'BogoMIPS\t: 100.00',
            `Features\t: ${features}`,
            'CPU implementer\t: 0x41',
            'CPU architecture: 8',
            'CPU variant\t: 0x0',
            'CPU part\t: 0xd03',
            'CPU revision\t: 4',
            '',
            '',
          ].join('\n'),
        );
      }
      default:
        return undefined;
    }
  }

  /** Host RAM figures for sysinfo: the guest RAM size and what is still free. */
  ramFigures(): { total: number; free: number } {
    return { total: this.mem.ram.byteLength, free: this.space.framesLeft() * PAGE_SIZE };
  }

  /** Resident pages (for getrusage/maxrss). */
  residentBytes(): number {
    return (this.mem.ram.byteLength / PAGE_SIZE - this.space.framesLeft()) * PAGE_SIZE;
  }

  /** Instructions retired so far (for diagnostics). */
  get instructions(): number {
    return this.cpu.icount;
  }
}

export const RLIMIT_CPU = 0;
export const RLIMIT_FSIZE = 1;
export const RLIMIT_DATA = 2;
export const RLIMIT_STACK = 3;
export const RLIMIT_CORE = 4;
export const RLIMIT_RSS = 5;
export const RLIMIT_NPROC = 6;
export const RLIMIT_NOFILE = 7;
export const RLIMIT_MEMLOCK = 8;
export const RLIMIT_AS = 9;
export const RLIMIT_LOCKS = 10;
export const RLIMIT_SIGPENDING = 11;
export const RLIMIT_MSGQUEUE = 12;
export const RLIMIT_NICE = 13;
export const RLIMIT_RTPRIO = 14;
export const RLIMIT_RTTIME = 15;

/** AT_HWCAP bit names as /proc/cpuinfo prints them. */
const HWCAP_NAMES = [
  'fp', 'asimd', 'evtstrm', 'aes', 'pmull', 'sha1', 'sha2', 'crc32', 'atomics', 'fphp', 'asimdhp', 'cpuid', 'asimdrdm', 'jscvt', 'fcma', 'lrcpc',
  'dcpop', 'sha3', 'sm3', 'sm4', 'asimddp', 'sha512', 'sve', 'asimdfhm', 'dit', 'uscat', 'ilrcpc', 'flagm', 'ssbs', 'sb', 'paca', 'pacg',
];

let rawMode = false;
/** Raw mode on the host terminal (Node restores the original mode when it exits). */
function setTermRaw(raw: boolean): void {
  if (raw === rawMode) return;
  try {
    const stdin = process.stdin as NodeJS.ReadStream & { setRawMode?: (m: boolean) => unknown };
    if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
      stdin.setRawMode(raw);
      rawMode = raw;
    }
  } catch {
    // no controlling terminal to configure
  }
}

function winsize(): { rows: number; cols: number } {
  for (const s of [process.stdout, process.stderr]) {
    if (s.isTTY && s.rows && s.columns) return { rows: s.rows, cols: s.columns };
  }
  return { rows: 24, cols: 80 };
}

export { syscallName };
