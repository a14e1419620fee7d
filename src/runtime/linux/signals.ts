/**
 * POSIX signals for the single-threaded guest process: dispositions
 * (rt_sigaction), the blocked mask, pending signals, the alternate signal
 * stack, and delivery by building the arm64 rt_sigframe on the guest stack
 * exactly as Linux does (siginfo + ucontext with the fpsimd record, then the
 * frame record), undone by rt_sigreturn.
 */
import { Slot } from '../../backend-js/abi.js';
import type { CpuState } from '../cpu-state.js';
import { ERRNO, SysError, fail } from './errno.js';
import { StructWriter, type UAccess } from './uaccess.js';
import { CONTINUE, type SigInfo, type SyscallResult } from './types.js';

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGILL = 4;
export const SIGTRAP = 5;
export const SIGABRT = 6;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGKILL = 9;
export const SIGUSR1 = 10;
export const SIGSEGV = 11;
export const SIGUSR2 = 12;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGSTKFLT = 16;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGTTIN = 21;
export const SIGTTOU = 22;
export const SIGURG = 23;
export const SIGXCPU = 24;
export const SIGXFSZ = 25;
export const SIGVTALRM = 26;
export const SIGPROF = 27;
export const SIGWINCH = 28;
export const SIGIO = 29;
export const SIGPWR = 30;
export const SIGSYS = 31;
export const SIGRTMIN = 32;
export const NSIG = 64;

const NAMES = [
  '',
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGKILL',
  'SIGUSR1',
  'SIGSEGV',
  'SIGUSR2',
  'SIGPIPE',
  'SIGALRM',
  'SIGTERM',
  'SIGSTKFLT',
  'SIGCHLD',
  'SIGCONT',
  'SIGSTOP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGURG',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPROF',
  'SIGWINCH',
  'SIGIO',
  'SIGPWR',
  'SIGSYS',
];

export function signalName(sig: number): string {
  if (sig > 0 && sig < NAMES.length) return NAMES[sig]!;
  if (sig >= SIGRTMIN && sig <= NSIG) return sig === SIGRTMIN ? 'SIGRTMIN' : `SIGRTMIN+${sig - SIGRTMIN}`;
  return `signal ${sig}`;
}

// si_code values
export const SI_USER = 0;
export const SI_KERNEL = 0x80;
export const SI_QUEUE = -1;
export const SI_TIMER = -2;
export const SI_TKILL = -6;
export const SEGV_MAPERR = 1;
export const SEGV_ACCERR = 2;
export const BUS_ADRALN = 1;
export const BUS_ADRERR = 2;
export const ILL_ILLOPC = 1;
export const ILL_ILLOPN = 2;
export const ILL_PRVREG = 6;
export const FPE_INTDIV = 1;
export const TRAP_BRKPT = 1;
export const TRAP_HWBKPT = 4;

// sa_flags
export const SA_NOCLDSTOP = 0x00000001;
export const SA_NOCLDWAIT = 0x00000002;
export const SA_SIGINFO = 0x00000004;
export const SA_UNSUPPORTED = 0x00000400;
export const SA_EXPOSE_TAGBITS = 0x00000800;
export const SA_RESTORER = 0x04000000;
export const SA_ONSTACK = 0x08000000;
export const SA_RESTART = 0x10000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;
const SA_KNOWN =
  SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_EXPOSE_TAGBITS | SA_RESTORER | SA_ONSTACK | SA_RESTART | SA_NODEFER | SA_RESETHAND;

export const SIG_DFL = 0;
export const SIG_IGN = 1;

export const SIG_BLOCK = 0;
export const SIG_UNBLOCK = 1;
export const SIG_SETMASK = 2;

export const SS_ONSTACK = 1;
export const SS_DISABLE = 2;
export const SS_AUTODISARM = 0x80000000;

export const FPSIMD_MAGIC = 0x46508001;
export const FPSIMD_SIZE = 528;
export const ESR_MAGIC = 0x45535201;
export const EXTRA_MAGIC = 0x45585401;
export const SVE_MAGIC = 0x53564501;

// struct rt_sigframe layout (arm64)
export const SIGINFO_SIZE = 128;
export const UC_OFFSET = 128;
export const UC_FLAGS = UC_OFFSET + 0;
export const UC_LINK = UC_OFFSET + 8;
export const UC_STACK = UC_OFFSET + 16;
export const UC_SIGMASK = UC_OFFSET + 40;
export const MCONTEXT = UC_OFFSET + 176;
export const MC_FAULT_ADDRESS = MCONTEXT + 0;
export const MC_REGS = MCONTEXT + 8;
export const MC_SP = MCONTEXT + 256;
export const MC_PC = MCONTEXT + 264;
export const MC_PSTATE = MCONTEXT + 272;
export const MC_RESERVED = MCONTEXT + 288;
export const RESERVED_SIZE = 4096;
/** sizeof(struct rt_sigframe), a multiple of 16. */
export const SIGFRAME_SIZE = MC_RESERVED + RESERVED_SIZE;

const SYNCHRONOUS = new Set([SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGSYS]);
const DEFAULT_IGNORE = new Set([SIGCHLD, SIGCONT, SIGURG, SIGWINCH]);
/** Job-control stops: a lone emulated process has no one to continue it, so they are ignored. */
const DEFAULT_STOP = new Set([SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU]);

const bit = (sig: number) => 1n << BigInt(sig - 1);
const UNBLOCKABLE = bit(SIGKILL) | bit(SIGSTOP);
const MASK64 = (1n << 64n) - 1n;

export interface SigAction {
  handler: number;
  flags: number;
  restorer: number;
  mask: bigint;
}

interface Pending {
  sig: number;
  info: SigInfo;
}

export interface SignalHost {
  pid: number;
  uid: number;
  /** Address of a `mov x8, #139; svc #0` trampoline, for handlers installed without SA_RESTORER. */
  sigreturnTrampoline(): number;
}

export class Signals {
  readonly actions: SigAction[] = [];
  blocked = 0n;
  readonly pending: Pending[] = [];
  altstack = { sp: 0, size: 0, flags: SS_DISABLE };
  /** Set when a signal killed the process. */
  fatalSignal: number | undefined;
  fatalInfo: SigInfo | undefined;
  /** Signals delivered to a handler, by number (diagnostics). */
  delivered = new Map<number, number>();
  /** Handler frames set up so far. */
  framesBuilt = 0;

  constructor(
    private readonly cpu: CpuState,
    private readonly ua: UAccess,
    private readonly host: SignalHost,
  ) {
    for (let i = 0; i <= NSIG; i++) this.actions.push({ handler: SIG_DFL, flags: 0, restorer: 0, mask: 0n });
  }

  // ------------------------------------------------------------ syscalls

  rtSigaction(sig: number, act: number, oact: number, sigsetsize: number): number {
    if (sigsetsize !== 8) fail('EINVAL');
    if (sig < 1 || sig > NSIG) fail('EINVAL');
    if (act !== 0 && (sig === SIGKILL || sig === SIGSTOP)) fail('EINVAL');
    const old = { ...this.actions[sig]! };
    let next: SigAction | undefined;
    if (act !== 0) {
      const b = this.ua.read(act, 32);
      const dv = new DataView(b.buffer, b.byteOffset, 32);
      next = {
        handler: Number(dv.getBigUint64(0, true)),
        flags: dv.getUint32(8, true) & SA_KNOWN,
        restorer: Number(dv.getBigUint64(16, true)),
        mask: dv.getBigUint64(24, true) & ~UNBLOCKABLE,
      };
    }
    if (oact !== 0) {
      const w = new StructWriter(32);
      w.u64(0, old.handler).u64(8, old.flags >>> 0).u64(16, old.restorer).u64(24, old.mask);
      this.ua.write(oact, w.bytes);
    }
    if (next) {
      this.actions[sig] = next;
      if (this.isIgnored(sig)) this.discardPending(sig);
    }
    return 0;
  }

  rtSigprocmask(how: number, set: number, oset: number, sigsetsize: number): number {
    if (sigsetsize !== 8) fail('EINVAL');
    const old = this.blocked;
    let next = old;
    if (set !== 0) {
      const m = this.ua.big64(set);
      if (how === SIG_BLOCK) next = old | m;
      else if (how === SIG_UNBLOCK) next = old & ~m;
      else if (how === SIG_SETMASK) next = m;
      else fail('EINVAL');
    }
    if (oset !== 0) this.ua.setU64(oset, old);
    this.blocked = next & ~UNBLOCKABLE & MASK64;
    return 0;
  }

  rtSigpending(set: number, sigsetsize: number): number {
    if (sigsetsize > 8) fail('EINVAL');
    let m = 0n;
    for (const p of this.pending) m |= bit(p.sig);
    const b = new StructWriter(8).u64(0, m & this.blocked).bytes;
    this.ua.write(set, b.subarray(0, sigsetsize));
    return 0;
  }

  private onSigStack(sp: number): boolean {
    const a = this.altstack;
    return a.size !== 0 && sp > a.sp && sp - a.sp <= a.size;
  }

  private ssFlags(sp: number): number {
    if (this.altstack.size === 0 || this.altstack.flags & SS_DISABLE) return SS_DISABLE;
    return this.onSigStack(sp) ? SS_ONSTACK : 0;
  }

  sigaltstack(ss: number, oss: number): number {
    const sp = Number(this.cpu.sp);
    let next: { sp: number; size: number; flags: number } | undefined;
    if (ss !== 0) {
      const b = this.ua.read(ss, 24);
      const dv = new DataView(b.buffer, b.byteOffset, 24);
      const ssSp = Number(dv.getBigUint64(0, true));
      const flags = dv.getInt32(8, true) >>> 0;
      const size = Number(dv.getBigUint64(16, true));
      if (this.onSigStack(sp)) fail('EPERM');
      const mode = flags & ~SS_AUTODISARM;
      if (mode !== SS_DISABLE && mode !== SS_ONSTACK && mode !== 0) fail('EINVAL');
      if (mode === SS_DISABLE) next = { sp: 0, size: 0, flags: SS_DISABLE };
      else {
        if (size < MINSIGSTKSZ_KERNEL) fail('ENOMEM');
        next = { sp: ssSp, size, flags: flags & SS_AUTODISARM };
      }
    }
    if (oss !== 0) {
      const a = this.altstack;
      const w = new StructWriter(24);
      w.u64(0, a.sp)
        .u32(8, this.ssFlags(sp) | (a.flags & SS_AUTODISARM))
        .u64(16, a.size);
      this.ua.write(oss, w.bytes);
    }
    if (next) this.altstack = next;
    return 0;
  }

  // ------------------------------------------------------------ generation

  isIgnored(sig: number): boolean {
    const h = this.actions[sig]!.handler;
    return h === SIG_IGN || (h === SIG_DFL && (DEFAULT_IGNORE.has(sig) || DEFAULT_STOP.has(sig)));
  }

  private discardPending(sig: number): void {
    for (let i = this.pending.length - 1; i >= 0; i--) if (this.pending[i]!.sig === sig) this.pending.splice(i, 1);
  }

  /** Make a signal pending (kill/tgkill/timers/SIGPIPE). Ignored signals are dropped at once. */
  raise(sig: number, info: SigInfo): void {
    if (sig < 1 || sig > NSIG) throw new SysError(ERRNO.EINVAL);
    if (this.isIgnored(sig) && (this.blocked & bit(sig)) === 0n) return;
    if (sig < SIGRTMIN && this.pending.some((p) => p.sig === sig)) return;
    this.pending.push({ sig, info });
  }

  /** Whether some pending signal is not blocked (given a mask). */
  hasDeliverable(mask = this.blocked): boolean {
    return this.pending.some((p) => (mask & bit(p.sig)) === 0n);
  }

  /** Remove and return a pending signal in `set` (for rt_sigtimedwait). */
  take(set: bigint): Pending | undefined {
    const i = this.pending.findIndex((p) => (set & bit(p.sig)) !== 0n);
    return i < 0 ? undefined : this.pending.splice(i, 1)[0];
  }

  /**
   * Deliver every pending unblocked signal: run default actions, or set up
   * handler frames (nested, like Linux does on return to user mode).
   * `savedMask` replaces the mask stored in the first frame (sigsuspend).
   */
  deliverPending(savedMask?: bigint): SyscallResult {
    for (let guard = 0; guard < 2 * NSIG; guard++) {
      let i = this.pending.findIndex((p) => SYNCHRONOUS.has(p.sig) && (this.blocked & bit(p.sig)) === 0n);
      if (i < 0) {
        let best = -1;
        this.pending.forEach((p, k) => {
          if ((this.blocked & bit(p.sig)) === 0n && (best < 0 || p.sig < this.pending[best]!.sig)) best = k;
        });
        i = best;
      }
      if (i < 0) break;
      const { sig, info } = this.pending.splice(i, 1)[0]!;
      const r = this.deliverOne(sig, info, savedMask);
      savedMask = undefined;
      if (r.kind === 'exit') return r;
    }
    return CONTINUE;
  }

  /**
   * A synchronous signal caused by the current instruction (fault, undefined
   * instruction, breakpoint). If it is blocked or ignored, the process dies,
   * as Linux's force_sig does.
   */
  force(sig: number, info: SigInfo): SyscallResult {
    const act = this.actions[sig]!;
    if (act.handler === SIG_IGN || (this.blocked & bit(sig)) !== 0n) {
      act.handler = SIG_DFL;
      this.blocked &= ~bit(sig);
    }
    return this.deliverOne(sig, info, undefined);
  }

  private kill(sig: number, info: SigInfo): SyscallResult {
    this.fatalSignal = sig;
    this.fatalInfo = info;
    return { kind: 'exit', code: 128 + sig };
  }

  private deliverOne(sig: number, info: SigInfo, savedMask: bigint | undefined): SyscallResult {
    const act = this.actions[sig]!;
    if (act.handler === SIG_IGN) return CONTINUE;
    if (act.handler === SIG_DFL) {
      if (DEFAULT_IGNORE.has(sig) || DEFAULT_STOP.has(sig)) return CONTINUE;
      return this.kill(sig, info);
    }
    try {
      this.setupFrame(sig, info, act, savedMask ?? this.blocked);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      // Could not write the frame (stack overflow, bad altstack): Linux forces SIGSEGV.
      if (sig === SIGSEGV) return this.kill(SIGSEGV, info);
      this.actions[SIGSEGV]!.handler = SIG_DFL;
      return this.kill(SIGSEGV, { code: SI_KERNEL });
    }
    this.delivered.set(sig, (this.delivered.get(sig) ?? 0) + 1);
    this.framesBuilt++;
    this.blocked = (this.blocked | act.mask | (act.flags & SA_NODEFER ? 0n : bit(sig))) & ~UNBLOCKABLE;
    if (act.flags & SA_RESETHAND) {
      this.actions[sig] = { handler: SIG_DFL, flags: act.flags & ~SA_SIGINFO, restorer: act.restorer, mask: act.mask };
    }
    return CONTINUE;
  }

  // ------------------------------------------------------------ frames

  private writeSiginfo(w: StructWriter, sig: number, info: SigInfo): void {
    if (info.raw) {
      w.bytes.set(info.raw.subarray(0, SIGINFO_SIZE), 0);
      w.i32(0, sig);
      return;
    }
    w.i32(0, sig).i32(4, info.si_errno ?? 0).i32(8, info.code);
    if (info.addr !== undefined) w.u64(16, info.addr);
    else if (info.pid !== undefined) w.i32(16, info.pid).u32(20, info.uid ?? 0);
  }

  private setupFrame(sig: number, info: SigInfo, act: SigAction, mask: bigint): void {
    const cpu = this.cpu;
    const s = cpu.s;
    const userSp = Number(cpu.sp);
    let sp = userSp;
    const a = this.altstack;
    if (act.flags & SA_ONSTACK && a.size !== 0 && !(a.flags & SS_DISABLE) && !this.onSigStack(userSp)) sp = a.sp + a.size;
    const nextFrame = Math.floor((sp - 16) / 16) * 16;
    const frame = nextFrame - SIGFRAME_SIZE;

    const w = new StructWriter(SIGFRAME_SIZE + 16);
    this.writeSiginfo(w, sig, info);
    // ucontext
    w.u64(UC_FLAGS, 0).u64(UC_LINK, 0);
    w.u64(UC_STACK, a.sp)
      .i32(UC_STACK + 8, a.size === 0 ? SS_DISABLE : (a.flags & (SS_AUTODISARM | SS_DISABLE)) | 0)
      .u64(UC_STACK + 16, a.size);
    w.u64(UC_SIGMASK, mask);
    // sigcontext
    const faultSigs = info.addr !== undefined && SYNCHRONOUS.has(sig);
    w.u64(MC_FAULT_ADDRESS, faultSigs ? info.addr! : 0n);
    for (let r = 0; r < 31; r++) {
      w.u32(MC_REGS + 8 * r, s[2 * r]!);
      w.u32(MC_REGS + 8 * r + 4, s[2 * r + 1]!);
    }
    w.u32(MC_SP, s[Slot.SP]!).u32(MC_SP + 4, s[Slot.SP + 1]!);
    w.u32(MC_PC, s[Slot.PC]!).u32(MC_PC + 4, s[Slot.PC + 1]!);
    w.u64(MC_PSTATE, (s[Slot.NZCV]! & 0xf0000000) >>> 0);
    // fpsimd_context, then the terminator (already zero)
    w.u32(MC_RESERVED, FPSIMD_MAGIC).u32(MC_RESERVED + 4, FPSIMD_SIZE);
    w.u32(MC_RESERVED + 8, s[Slot.FPSR]!).u32(MC_RESERVED + 12, s[Slot.FPCR]!);
    w.bytes.set(cpu.v.u8, MC_RESERVED + 16);
    // frame record {fp, lr} just above the sigframe
    w.u32(SIGFRAME_SIZE, s[2 * 29]!).u32(SIGFRAME_SIZE + 4, s[2 * 29 + 1]!);
    w.u32(SIGFRAME_SIZE + 8, s[2 * 30]!).u32(SIGFRAME_SIZE + 12, s[2 * 30 + 1]!);
    // The frame record sits at nextFrame == frame + SIGFRAME_SIZE: one contiguous write.
    this.ua.write(frame, w.bytes);

    const restorer = act.flags & SA_RESTORER ? act.restorer : this.host.sigreturnTrampoline();
    if (a.flags & SS_AUTODISARM && sp !== userSp) this.altstack = { sp: 0, size: 0, flags: SS_DISABLE };
    cpu.setXNum(0, sig);
    if (act.flags & SA_SIGINFO) {
      cpu.setXNum(1, frame);
      cpu.setXNum(2, frame + UC_OFFSET);
    }
    cpu.setXNum(29, nextFrame);
    cpu.setXNum(30, restorer);
    cpu.sp = BigInt(frame);
    cpu.pc = BigInt(act.handler);
    // Exception entry clears the local exclusive monitor: an interrupted LL/SC sequence retries.
    s[Slot.EXCL_SIZE] = 0;
  }

  /**
   * rt_sigreturn: restore the context saved by setupFrame from the frame at
   * SP. Returns CONTINUE, or the result of the SIGSEGV forced by a corrupt frame.
   */
  sigreturn(): SyscallResult {
    const cpu = this.cpu;
    const frame = Number(cpu.sp);
    let b: Uint8Array;
    try {
      if (frame % 16 !== 0) throw new SysError(ERRNO.EFAULT);
      b = this.ua.read(frame, SIGFRAME_SIZE);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      return this.force(SIGSEGV, { code: SI_KERNEL });
    }
    const dv = new DataView(b.buffer, b.byteOffset, SIGFRAME_SIZE);
    // Parse the records first: nothing changes if the frame is corrupt.
    let fp: number | undefined;
    for (let off = MC_RESERVED; ; ) {
      if (off + 8 > MC_RESERVED + RESERVED_SIZE) return this.force(SIGSEGV, { code: SI_KERNEL });
      const magic = dv.getUint32(off, true);
      const size = dv.getUint32(off + 4, true);
      if (magic === 0 && size === 0) break;
      if (size < 16 || size % 16 !== 0 || off + size > MC_RESERVED + RESERVED_SIZE) return this.force(SIGSEGV, { code: SI_KERNEL });
      if (magic === FPSIMD_MAGIC) {
        if (size !== FPSIMD_SIZE || fp !== undefined) return this.force(SIGSEGV, { code: SI_KERNEL });
        fp = off;
      } else if (magic !== ESR_MAGIC) {
        // SVE/ZA/extra records are never produced here; an unknown record is an error, as on Linux.
        return this.force(SIGSEGV, { code: SI_KERNEL });
      }
      off += size;
    }
    if (fp === undefined) return this.force(SIGSEGV, { code: SI_KERNEL });

    const s = cpu.s;
    for (let r = 0; r < 31; r++) {
      s[2 * r] = dv.getInt32(MC_REGS + 8 * r, true);
      s[2 * r + 1] = dv.getInt32(MC_REGS + 8 * r + 4, true);
    }
    s[Slot.SP] = dv.getInt32(MC_SP, true);
    s[Slot.SP + 1] = dv.getInt32(MC_SP + 4, true);
    s[Slot.PC] = dv.getInt32(MC_PC, true);
    s[Slot.PC + 1] = dv.getInt32(MC_PC + 4, true);
    s[Slot.NZCV] = dv.getInt32(MC_PSTATE, true) & 0xf0000000;
    s[Slot.FPSR] = dv.getInt32(fp + 8, true);
    s[Slot.FPCR] = dv.getInt32(fp + 12, true);
    cpu.v.u8.set(b.subarray(fp + 16, fp + 16 + 512));
    s[Slot.EXCL_SIZE] = 0;
    this.blocked = dv.getBigUint64(UC_SIGMASK, true) & ~UNBLOCKABLE;
    // restore_altstack: errors (e.g. EPERM while still on the alternate stack) are ignored.
    const ssSp = Number(dv.getBigUint64(UC_STACK, true));
    const ssFlags = dv.getInt32(UC_STACK + 8, true) >>> 0;
    const ssSize = Number(dv.getBigUint64(UC_STACK + 16, true));
    if (!this.onSigStack(frame)) {
      const mode = ssFlags & ~SS_AUTODISARM;
      if (mode === SS_DISABLE || ssSize === 0) this.altstack = { sp: 0, size: 0, flags: SS_DISABLE };
      else if ((mode === 0 || mode === SS_ONSTACK) && ssSize >= MINSIGSTKSZ_KERNEL) this.altstack = { sp: ssSp, size: ssSize, flags: ssFlags & SS_AUTODISARM };
    }
    return CONTINUE;
  }
}

/** The kernel's minimum alternate stack size on arm64. */
export const MINSIGSTKSZ_KERNEL = 5120;

/** Builds a SigInfo for a signal sent by kill/tgkill from this process. */
export function userSigInfo(code: number, pid: number, uid: number): SigInfo {
  return { code, pid, uid };
}
