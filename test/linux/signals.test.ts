import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import { Perm } from '../../src/runtime/memory.js';
import { SYS } from '../../src/runtime/linux/syscall-numbers.js';
import { ERRNO } from '../../src/runtime/linux/errno.js';
import {
  FPSIMD_MAGIC,
  MC_FAULT_ADDRESS,
  MC_PC,
  MC_PSTATE,
  MC_REGS,
  MC_RESERVED,
  MC_SP,
  SA_NODEFER,
  SA_ONSTACK,
  SA_RESETHAND,
  SA_RESTART,
  SA_RESTORER,
  SA_SIGINFO,
  SIGFRAME_SIZE,
  UC_SIGMASK,
  UC_STACK,
} from '../../src/runtime/linux/signals.js';
import type { LinuxProcess } from '../../src/runtime/linux/process.js';
import { newProcess, scratch, sys } from './support/helpers.js';

const HANDLER = 0x400100;
const RESTORER = 0x400200;
const bit = (sig: number) => 1n << BigInt(sig - 1);

function sigaction(p: LinuxProcess, sig: number, handler: number, flags: number, mask = 0n, restorer = RESTORER): number {
  const a = scratch(p, 0x1000);
  p.ua.setU64(a, handler);
  p.ua.setU64(a + 8, flags);
  p.ua.setU64(a + 16, restorer);
  p.ua.setU64(a + 24, mask);
  return sys(p, SYS.rt_sigaction, sig, a, 0, 8);
}

/** Fill every register with a recognisable pseudo-random value; returns a snapshot. */
function scramble(p: LinuxProcess, seed: number): { s: Int32Array; v: Uint8Array } {
  const cpu = p.cpu;
  let x = seed;
  const rnd = () => {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    return x;
  };
  const sp = Number(cpu.sp) - 0x1000;
  for (let r = 0; r < 31; r++) cpu.setX(r, (BigInt(rnd() >>> 0) << 32n) | BigInt(rnd() >>> 0));
  cpu.sp = BigInt(sp - (sp % 16));
  cpu.pc = 0x400004n;
  cpu.s[Slot.NZCV] = 0xa0000000 | 0;
  cpu.s[Slot.FPCR] = 0x03c00000;
  cpu.s[Slot.FPSR] = 0x0800009f;
  for (let i = 0; i < 512; i++) cpu.v.u8[i] = rnd() & 0xff;
  return { s: cpu.s.slice(0, Slot.FPSR + 1), v: cpu.v.u8.slice() };
}

t.test('a fault signal builds the arm64 rt_sigframe and rt_sigreturn restores every register', (t) => {
  const { p } = newProcess();
  const cpu = p.cpu;
  t.equal(sigaction(p, 11, HANDLER, SA_SIGINFO | SA_RESTORER, bit(10)), 0);
  const before = scramble(p, 1);
  const userSp = Number(cpu.sp);
  const r = p.deliverSignal(11, { code: 1, addr: 0xdead008n });
  t.same(r, { kind: 'continue' });
  const frame = Number(cpu.sp);
  t.equal(frame % 16, 0, 'sp 16-byte aligned');
  t.equal(frame, Math.floor((userSp - 16) / 16) * 16 - SIGFRAME_SIZE, 'frame right below the frame record');
  t.equal(cpu.pc, BigInt(HANDLER), 'pc = handler');
  t.equal(cpu.getX(0), 11n, 'x0 = signal');
  t.equal(cpu.xNum(1), frame, 'x1 = &info');
  t.equal(cpu.xNum(2), frame + 128, 'x2 = &uc');
  t.equal(cpu.xNum(29), frame + SIGFRAME_SIZE, 'x29 = frame record');
  t.equal(cpu.xNum(30), RESTORER, 'x30 = sa_restorer');
  const ua = p.ua;
  // siginfo
  t.equal(ua.i32(frame), 11, 'si_signo');
  t.equal(ua.i32(frame + 8), 1, 'si_code SEGV_MAPERR');
  t.equal(ua.u64(frame + 16), 0xdead008, 'si_addr');
  // ucontext
  t.equal(ua.u64(frame + 128), 0, 'uc_flags');
  t.equal(ua.u64(frame + 136), 0, 'uc_link');
  t.equal(ua.i32(frame + UC_STACK + 8), 2, 'uc_stack.ss_flags SS_DISABLE');
  t.equal(ua.big64(frame + UC_SIGMASK), 0n, 'uc_sigmask = the mask before the handler');
  t.equal(ua.u64(frame + MC_FAULT_ADDRESS), 0xdead008, 'fault_address');
  for (let r = 0; r < 31; r++) {
    const v = ua.big64(frame + MC_REGS + 8 * r);
    const want = (BigInt(before.s[2 * r + 1]! >>> 0) << 32n) | BigInt(before.s[2 * r]! >>> 0);
    if (v !== want) t.fail(`regs[${r}]`);
  }
  t.equal(ua.u64(frame + MC_SP), userSp, 'sp');
  t.equal(ua.u64(frame + MC_PC), 0x400004, 'pc');
  t.equal(ua.u64(frame + MC_PSTATE), 0xa0000000, 'pstate NZCV');
  t.equal(ua.u32(frame + MC_RESERVED), FPSIMD_MAGIC, 'fpsimd magic');
  t.equal(ua.u32(frame + MC_RESERVED + 4), 528, 'fpsimd size');
  t.equal(ua.u32(frame + MC_RESERVED + 8), 0x0800009f, 'fpsr');
  t.equal(ua.u32(frame + MC_RESERVED + 12), 0x03c00000, 'fpcr');
  t.same(ua.read(frame + MC_RESERVED + 16, 512), before.v, 'vregs');
  t.equal(ua.u64(frame + MC_RESERVED + 528), 0, 'terminator record');
  t.equal(ua.big64(frame + SIGFRAME_SIZE), cpu.getX(29) === 0n ? 0n : BigInt.asUintN(64, (BigInt(before.s[59]!) << 32n) | BigInt(before.s[58]! >>> 0)), 'frame record fp = old x29');
  t.equal(p.signals.blocked, bit(11) | bit(10), 'blocked: the signal and sa_mask');

  // The handler clobbers everything, then returns through the restorer.
  scramble(p, 99);
  cpu.sp = BigInt(frame);
  cpu.setX(8, 139n);
  cpu.pc = BigInt(RESTORER + 8);
  t.same(p.syscall(), { kind: 'continue' });
  t.same(cpu.s.slice(0, Slot.FPSR + 1), before.s, 'X0-X30, SP, PC, NZCV, FPCR, FPSR restored');
  t.same(cpu.v.u8, before.v, 'V0-V31 restored');
  t.equal(p.signals.blocked, 0n, 'mask restored');
  t.equal(p.signals.delivered.get(11), 1);
  t.end();
});

t.test('a handler can change the saved context (skip the faulting instruction)', (t) => {
  const { p } = newProcess();
  const cpu = p.cpu;
  sigaction(p, 4, HANDLER, SA_SIGINFO | SA_RESTORER);
  scramble(p, 5);
  p.deliverSignal(4, { code: 1, addr: 0x400004n });
  const uc = cpu.xNum(2);
  t.equal(p.ua.i32(cpu.xNum(1) + 8), 1, 'ILL_ILLOPC');
  t.equal(p.ua.u64(cpu.xNum(1) + 16), 0x400004, 'si_addr = pc');
  p.ua.setU64(uc + MC_PC - 128, 0x400008);
  p.ua.setU64(uc + MC_REGS - 128, 77);
  cpu.setX(8, 139n);
  p.syscall();
  t.equal(cpu.pc, 0x400008n);
  t.equal(cpu.getX(0), 77n);
  t.end();
});

t.test('default actions, SIG_IGN and forced signals', (t) => {
  {
    const { p } = newProcess();
    p.cpu.pc = 0x400004n;
    t.same(p.deliverSignal(11, { code: 2, addr: 0x10n }), { kind: 'exit', code: 139 }, 'default SIGSEGV kills: 128+11');
    t.equal(p.fatalSignal, 11);
    t.equal(p.exitCode, 139);
    t.equal(p.describeFatal(), 'guest killed by signal SIGSEGV at pc 0x400004 (fault address 0x10)');
  }
  {
    const { p } = newProcess();
    sigaction(p, 11, 1, 0); // SIG_IGN
    t.same(p.deliverSignal(11, { code: 1, addr: 0n }), { kind: 'exit', code: 139 }, 'an ignored fault signal still kills');
  }
  {
    const { p } = newProcess();
    sigaction(p, 11, HANDLER, SA_RESTORER);
    const buf = scratch(p);
    p.ua.setU64(buf, bit(11));
    sys(p, SYS.rt_sigprocmask, 0, buf, 0, 8);
    t.same(p.deliverSignal(11, { code: 1, addr: 0n }), { kind: 'exit', code: 139 }, 'a blocked fault signal kills');
  }
  {
    const { p } = newProcess();
    t.equal(sys(p, SYS.kill, p.pid, 17), 0, 'SIGCHLD to self');
    t.equal(p.exitCode, undefined, 'ignored by default');
    t.ok(Number.isNaN(sys(p, SYS.tgkill, p.pid, p.pid, 6)), 'abort()');
    t.equal(p.exitCode, 134);
    t.equal(p.fatalSignal, 6);
  }
  {
    const { p } = newProcess();
    t.equal(sys(p, SYS.kill, 1, 15), -ERRNO.ESRCH, 'other processes do not exist');
    t.equal(sys(p, SYS.kill, p.pid, 0), 0, 'signal 0 probes');
    t.equal(sys(p, SYS.kill, p.pid, 65), -ERRNO.EINVAL);
    t.equal(sigaction(p, 9, HANDLER, 0), -ERRNO.EINVAL, 'SIGKILL cannot be caught');
    t.ok(Number.isNaN(sys(p, SYS.kill, 0, 9)), 'SIGKILL kills');
    t.equal(p.exitCode, 137);
  }
  t.end();
});

t.test('kill to self runs the handler when the syscall returns; masks and pending', (t) => {
  const { p } = newProcess();
  const cpu = p.cpu;
  const buf = scratch(p);
  t.equal(sigaction(p, 10, HANDLER, SA_RESTORER), 0);
  // block SIGUSR1, send it: it stays pending
  p.ua.setU64(buf, bit(10));
  t.equal(sys(p, SYS.rt_sigprocmask, 0, buf, buf + 8, 8), 0);
  t.equal(p.ua.big64(buf + 8), 0n, 'old mask');
  cpu.pc = 0x400010n;
  t.equal(sys(p, SYS.kill, p.pid, 10), 0);
  t.equal(cpu.pc, 0x400010n, 'blocked: not delivered');
  t.equal(sys(p, SYS.rt_sigpending, buf + 16, 8), 0);
  t.equal(p.ua.big64(buf + 16), bit(10), 'pending');
  // unblock: delivered at the return of rt_sigprocmask
  t.equal(sys(p, SYS.rt_sigprocmask, 1, buf, 0, 8), 10, 'x0 = the signal number once the handler runs');
  t.equal(cpu.pc, BigInt(HANDLER), 'handler entered');
  t.equal(cpu.getX(0), 10n);
  const frame = Number(cpu.sp);
  t.equal(p.ua.u64(frame + MC_REGS), 0, 'saved x0 = the syscall result');
  t.equal(p.ua.u64(frame + MC_PC), 0x400010, 'saved pc = after the svc');
  t.equal(p.ua.big64(frame + UC_SIGMASK), 0n);
  t.equal(p.signals.blocked, bit(10), 'blocked during the handler');
  cpu.setX(8, 139n);
  p.syscall();
  t.equal(cpu.pc, 0x400010n);
  t.equal(p.signals.blocked, 0n);
  t.equal(sys(p, SYS.rt_sigprocmask, 7, buf, 0, 8), -ERRNO.EINVAL, 'bad how');
  t.equal(sys(p, SYS.rt_sigprocmask, 0, buf, 0, 4), -ERRNO.EINVAL, 'bad sigsetsize');
  t.end();
});

t.test('SA_RESETHAND, SA_NODEFER and reading back sigaction', (t) => {
  const { p } = newProcess();
  const buf = scratch(p);
  sigaction(p, 12, HANDLER, SA_RESTORER | SA_RESETHAND | SA_NODEFER | SA_SIGINFO, bit(3));
  t.equal(sys(p, SYS.rt_sigaction, 12, 0, buf, 8), 0);
  t.equal(p.ua.u64(buf), HANDLER);
  t.equal(p.ua.u64(buf + 8), (SA_RESTORER | SA_RESETHAND | SA_NODEFER | SA_SIGINFO) >>> 0);
  t.equal(p.ua.u64(buf + 16), RESTORER);
  t.equal(p.ua.big64(buf + 24), bit(3));
  sys(p, SYS.kill, p.pid, 12);
  t.equal(p.cpu.pc, BigInt(HANDLER));
  t.equal(p.signals.blocked, bit(3), 'SA_NODEFER: the signal itself is not blocked');
  sys(p, SYS.rt_sigaction, 12, 0, buf, 8);
  t.equal(p.ua.u64(buf), 0, 'SA_RESETHAND: back to SIG_DFL');
  t.end();
});

t.test('sigaltstack and SA_ONSTACK', (t) => {
  const { p } = newProcess();
  const cpu = p.cpu;
  const alt = scratch(p, 0x10000);
  const ss = scratch(p, 0x1000);
  p.ua.setU64(ss, alt);
  p.ua.setU32(ss + 8, 0);
  p.ua.setU64(ss + 16, 0x10000);
  t.equal(sys(p, SYS.sigaltstack, ss, 0), 0);
  p.ua.setU64(ss + 16, 100);
  t.equal(sys(p, SYS.sigaltstack, ss, 0), -ERRNO.ENOMEM, 'too small');
  t.equal(sys(p, SYS.sigaltstack, 0, ss + 32), 0);
  t.equal(p.ua.u64(ss + 32), alt);
  t.equal(p.ua.i32(ss + 40), 0, 'enabled, not on it');
  t.equal(p.ua.u64(ss + 48), 0x10000);
  sigaction(p, 11, HANDLER, SA_SIGINFO | SA_RESTORER | SA_ONSTACK);
  scramble(p, 3);
  const userSp = cpu.sp;
  p.deliverSignal(11, { code: 1, addr: 0n });
  const frame = Number(cpu.sp);
  t.ok(frame >= alt && frame < alt + 0x10000, 'frame on the alternate stack');
  t.equal(frame, alt + 0x10000 - 16 - SIGFRAME_SIZE);
  t.equal(p.ua.u64(frame + UC_STACK), alt, 'uc_stack.ss_sp');
  t.equal(p.ua.u64(frame + UC_STACK + 16), 0x10000, 'uc_stack.ss_size');
  t.equal(sys(p, SYS.sigaltstack, 0, ss + 32), 0);
  t.equal(p.ua.i32(ss + 40), 1, 'SS_ONSTACK while running on it');
  t.equal(sys(p, SYS.sigaltstack, ss, 0), -ERRNO.EPERM, 'cannot change it while on it');
  cpu.setX(8, 139n);
  p.syscall();
  t.equal(cpu.sp, userSp, 'back on the normal stack');
  t.end();
});

t.test('handlers without SA_RESTORER return through a sigreturn trampoline', (t) => {
  const { p, space, mem } = newProcess();
  sigaction(p, 10, HANDLER, 0, 0n, 0);
  sys(p, SYS.kill, p.pid, 10);
  const tramp = p.cpu.xNum(30);
  t.ok(tramp !== 0, 'x30 points at the trampoline');
  t.equal(space.perms(tramp / 4096), Perm.R | Perm.X);
  t.equal(mem.fetch32(tramp >>> 0, Math.floor(tramp / 2 ** 32)) >>> 0, 0xd2801168, 'mov x8, #139');
  t.equal(mem.fetch32((tramp + 4) >>> 0, Math.floor(tramp / 2 ** 32)) >>> 0, 0xd4000001, 'svc #0');
  t.end();
});

t.test('a corrupt frame on rt_sigreturn is a SIGSEGV', (t) => {
  const { p } = newProcess();
  sigaction(p, 10, HANDLER, SA_RESTORER);
  sys(p, SYS.kill, p.pid, 10);
  const frame = Number(p.cpu.sp);
  p.ua.setU32(frame + MC_RESERVED, 0x12345678);
  p.cpu.setX(8, 139n);
  t.same(p.syscall(), { kind: 'exit', code: 139 });
  t.equal(p.fatalSignal, 11);
  t.end();
});

t.test('an interval timer interrupts nanosleep and restarts SA_RESTART syscalls', (t) => {
  const { p } = newProcess();
  const cpu = p.cpu;
  const buf = scratch(p);
  sigaction(p, 14, HANDLER, SA_RESTORER);
  // setitimer(ITIMER_REAL, 20 ms)
  p.ua.setU64(buf, 0);
  p.ua.setU64(buf + 8, 0);
  p.ua.setU64(buf + 16, 0);
  p.ua.setU64(buf + 24, 20_000);
  p.ua.setU64(buf + 64, 5);
  p.ua.setU64(buf + 72, 0);
  cpu.pc = 0x400020n;
  const t0 = performance.now();
  t.equal(sys(p, SYS.setitimer, 0, buf, 0), 0);
  sys(p, SYS.nanosleep, buf + 64, buf + 96);
  const slept = performance.now() - t0;
  t.ok(slept >= 19 && slept < 2000, `woken by the timer after ${slept.toFixed(1)} ms`);
  t.equal(cpu.pc, BigInt(HANDLER), 'SIGALRM handler entered');
  const frame = Number(cpu.sp);
  t.equal(Number(BigInt.asIntN(64, p.ua.big64(frame + MC_REGS))), -ERRNO.EINTR, 'nanosleep returned EINTR');
  t.ok(p.ua.u64(buf + 96) >= 4, 'remaining time written');
  cpu.setX(8, 139n);
  p.syscall();

  // futex wait without timeout, woken by SIGALRM with SA_RESTART: the svc is re-executed
  sigaction(p, 14, HANDLER, SA_RESTORER | SA_RESTART);
  p.ua.setU64(buf + 24, 10_000);
  sys(p, SYS.setitimer, 0, buf, 0);
  p.ua.setU32(buf + 128, 3);
  cpu.pc = 0x400040n;
  sys(p, SYS.futex, buf + 128, 0x80, 3, 0);
  t.equal(cpu.pc, BigInt(HANDLER));
  const f2 = Number(cpu.sp);
  t.equal(p.ua.u64(f2 + MC_PC), 0x40003c, 'saved pc = the svc itself');
  t.equal(p.ua.u64(f2 + MC_REGS), buf + 128, 'saved x0 = the original first argument');
  t.end();
});

t.test('ppoll with a signal mask lets a blocked signal in, and restores the mask after the handler', (t) => {
  const { p } = newProcess();
  const cpu = p.cpu;
  const buf = scratch(p);
  sigaction(p, 14, HANDLER, SA_RESTORER);
  p.ua.setU64(buf, bit(14));
  sys(p, SYS.rt_sigprocmask, 0, buf, 0, 8); // block SIGALRM
  p.ua.write(buf + 0x20, new Uint8Array(32));
  p.ua.setU64(buf + 0x38, 10_000); // it_value = 10 ms
  sys(p, SYS.setitimer, 0, buf + 0x20, 0);
  p.ua.setU64(buf + 0x80, 0); // the temporary mask: nothing blocked
  cpu.pc = 0x400030n;
  sys(p, SYS.ppoll, 0, 0, 0, buf + 0x80, 8);
  t.equal(cpu.pc, BigInt(HANDLER), 'the handler runs although SIGALRM is blocked outside ppoll');
  const frame = Number(cpu.sp);
  t.equal(Number(BigInt.asIntN(64, p.ua.big64(frame + MC_REGS))), -ERRNO.EINTR, 'ppoll returned EINTR');
  t.equal(p.ua.big64(frame + UC_SIGMASK), bit(14), 'the frame saves the mask from before ppoll');
  cpu.setX(8, 139n);
  p.syscall();
  t.equal(p.signals.blocked, bit(14), 'blocked again after the handler');
  // not interrupted: the old mask comes back at once
  p.ua.setU64(buf + 0x90, 0);
  p.ua.setU64(buf + 0x98, 1000);
  t.equal(sys(p, SYS.ppoll, 0, 0, buf + 0x90, buf + 0x80, 8), 0, 'timed out');
  t.equal(p.signals.blocked, bit(14));
  t.end();
});
