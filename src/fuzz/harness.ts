/**
 * The fuzz test program: one static AArch64 ELF holding many cases, written
 * by the fuzzer itself (elf-writer.ts, asm.ts). Each case loads its whole
 * starting state (X0-X30, SP, NZCV, FPCR, FPSR, V0-V31, and for memory cases
 * a fresh copy of the scratch area), runs its instructions, and reaches an
 * exit that dumps the whole state to stdout; a signal (SIGSEGV, SIGILL,
 * SIGBUS, SIGTRAP, SIGFPE) is caught on an alternate stack, its handler dumps
 * the state the signal frame holds and resumes at the next case. The harness
 * itself never touches the stack, so a case may leave SP anywhere.
 *
 * Memory map (all addresses below 4 GiB, far from each other, nothing mapped
 * between them, so a stray access faults the same way in every implementation):
 *   TEXT      code: entry, shared routines, then the cases
 *   STATES    read-only: each case's starting state record
 *   SCRATCH   4 KiB read/write: where loads and stores aim
 *   PRISTINE  64 KiB read-only: seeded contents copied into SCRATCH before a memory case
 *   DATA      read/write: variables, the output record, the alternate signal stack
 */
import {
  CodeBuffer, FPCR, FPSR, NZCV, TPIDR_EL0, addImm, b, bl, bne, br, cbz, ldpQ, ldpQPost, ldpX, ldrW, ldrX, mov32, movz, mrs, msr, ret, stpQ,
  stpQPost, stpX, strX, subsImm, svc,
} from './asm.js';
import { PF_R, PF_W, PF_X, writeElf } from './elf-writer.js';
import { type CpuSnapshot, type Outcome, REC, packState, unpackOutcome } from './state.js';

export const TEXT = 0x0040_0000;
export const STATES = 0x1000_0000;
export const SCRATCH = 0x2000_0000;
export const SCRATCH_SIZE = 0x1000;
export const PRISTINE = 0x2100_0000;
export const PRISTINE_SIZE = 0x10000;
export const DATA = 0x3000_0000;
/** The current case's state record. */
const VAR_CUR = 0;
const VAR_ALTSTACK = 0x10; // stack_t
const VAR_SIGACTION = 0x40; // struct sigaction
const OUT = DATA + 0x100;
const ALTSTACK = DATA + 0x1000;
const ALTSTACK_SIZE = 0x10000;
const DATA_SIZE = ALTSTACK - DATA + ALTSTACK_SIZE;

/** Words of one exit stub (after the fuzzed slots): a branch to the shared exit. */
export const EXIT_WORDS = 1;

/** Signals the harness catches: SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV. */
export const CAUGHT_SIGNALS = [4, 5, 7, 8, 11] as const;

// arm64 ucontext_t: uc_mcontext at 176 = {fault_address, regs[31], sp, pc, pstate, __reserved}; fpsimd_context first in __reserved.
const MC_REGS = 184;
const MC_SP = 432;
const MC_PC = 440;
const MC_PSTATE = 448;
const MC_FPSIMD = 464;

const SYS_WRITE = 64;
const SYS_EXIT_GROUP = 94;
const SYS_SIGALTSTACK = 132;
const SYS_RT_SIGACTION = 134;
const SYS_RT_SIGRETURN = 139;
const SA_SIGINFO = 4;
const SA_ONSTACK = 0x08000000;
const SA_RESTORER = 0x04000000;

export interface HarnessCase {
  /** The fuzzed instruction words, run in order from the first. */
  words: number[];
  /** Load SCRATCH from PRISTINE + pristineOffset before, and dump it after. */
  memory: boolean;
  /** Place a second exit after the first (single branches: taken and not taken end in different exits). */
  twoExits: boolean;
  state: CpuSnapshot;
  /** Offset into PRISTINE (multiple of 32, at most PRISTINE_SIZE - SCRATCH_SIZE). */
  pristineOffset: number;
  /** Registers to set to the address of a code position: slot index (words.length = first exit, words.length + EXIT_WORDS = second). */
  codeRefs?: { reg: number; slot: number }[];
}

export interface HarnessProgram {
  elf: Uint8Array;
  /** Address of each case's first fuzzed instruction. */
  slotBase: number[];
  /** Expected size of the output of a complete run. */
  outputBytes: number;
}

/** Where register `r` (0..30, or 31 = SP) lives in a state record. */
function regOffset(r: number): number {
  return r === 31 ? REC.SP : REC.X + 8 * r;
}

/** Build the program running `cases` in order; `pristine` is the 64 KiB scratch source. */
export function buildHarness(cases: HarnessCase[], pristine: Uint8Array): HarnessProgram {
  if (pristine.length !== PRISTINE_SIZE) throw new Error('harness: pristine area must be 64 KiB');
  const c = new CodeBuffer(TEXT);
  const entryJump = c.hole();

  // dump_state: x0 = OUT, guest X0 in TPIDR_EL0, guest X30 already stored; X30 = the exit's return address.
  const dumpState = c.here;
  c.emit(strX(1, 0, REC.X + 8));
  for (let r = 2; r < 30; r += 2) c.emit(stpX(r, r + 1, 0, REC.X + 8 * r));
  for (let q = 0; q < 32; q += 2) c.emit(stpQ(q, q + 1, 0, REC.V + 16 * q));
  c.emit(addImm(1, 31, 0), strX(1, 0, REC.SP));
  c.emit(mrs(1, NZCV), strX(1, 0, REC.NZCV), mrs(1, FPSR), strX(1, 0, REC.FPSR), mrs(1, FPCR), strX(1, 0, REC.FPCR));
  c.emit(mrs(1, TPIDR_EL0), strX(1, 0, REC.X));
  c.emit(strX(30, 0, REC.EXIT), strX(31, 0, REC.STATUS), strX(31, 0, REC.ADDR), ret());

  // The signal handler: x0 = signo, x1 = siginfo, x2 = ucontext. Record the frame's state, resume at the next case.
  const handler = c.here;
  c.emit(...mov32(3, OUT), strX(0, 3, REC.STATUS), ldrX(4, 1, 16), strX(4, 3, REC.ADDR));
  c.emit(ldrX(4, 2, MC_PC), strX(4, 3, REC.EXIT), ldrX(4, 2, MC_PSTATE), strX(4, 3, REC.NZCV), ldrX(4, 2, MC_SP), strX(4, 3, REC.SP));
  for (let r = 0; r < 30; r += 2) c.emit(ldpX(4, 5, 2, MC_REGS + 8 * r), stpX(4, 5, 3, REC.X + 8 * r));
  c.emit(ldrX(4, 2, MC_REGS + 240), strX(4, 3, REC.X + 240));
  c.emit(ldrW(4, 2, MC_FPSIMD + 8), strX(4, 3, REC.FPSR), ldrW(4, 2, MC_FPSIMD + 12), strX(4, 3, REC.FPCR));
  for (let q = 0; q < 32; q += 2) c.emit(ldpQ(0, 1, 2, MC_FPSIMD + 16 + 16 * q), stpQ(0, 1, 3, REC.V + 16 * q));
  const resumeHole = c.here;
  c.emit(0, 0, strX(4, 2, MC_PC), ret()); // x4 = resume (patched below)
  const restorer = c.here;
  c.emit(movz(8, SYS_RT_SIGRETURN), svc(0));

  // start: x0 = the case's record. Copy the scratch area (memory cases), load the state, jump to the case's code.
  const start = c.here;
  c.emit(...mov32(1, DATA), strX(0, 1, VAR_CUR), ldrX(2, 0, REC.ADDR));
  const skipCopy = c.hole();
  c.emit(...mov32(1, SCRATCH), movz(3, SCRATCH_SIZE / 32));
  const loop = c.here;
  c.emit(ldpQPost(0, 1, 2, 32), stpQPost(0, 1, 1, 32), subsImm(3, 3, 1), bne(c.here + 12, loop));
  c.patch(skipCopy, cbz(2, skipCopy, c.here));
  c.emit(ldrX(1, 0, REC.NZCV), msr(NZCV, 1), ldrX(1, 0, REC.FPCR), msr(FPCR, 1), ldrX(1, 0, REC.FPSR), msr(FPSR, 1));
  c.emit(ldrX(1, 0, REC.SP), addImm(31, 1, 0));
  for (let q = 0; q < 32; q += 2) c.emit(ldpQ(q, q + 1, 0, REC.V + 16 * q));
  c.emit(ldrX(1, 0, REC.X + 8));
  for (let r = 2; r < 30; r += 2) c.emit(ldpX(r, r + 1, 0, REC.X + 8 * r));
  c.emit(ldrX(30, 0, REC.STATUS), br(30)); // the case's code sets X30 and X0 itself

  // The two exits: save X0 and X30, dump (the BL's return address tells which exit), resume.
  const exits: number[] = [];
  const toResume: number[] = [];
  for (let e = 0; e < 2; e++) {
    exits.push(c.here);
    c.emit(msr(TPIDR_EL0, 0), ...mov32(0, OUT), strX(30, 0, REC.X + 240), bl(c.here + 16, dumpState));
    toResume.push(c.hole());
  }
  // resume (also where a signal handler returns): write the record (and the scratch area), go to the next case.
  const resume = c.here;
  for (const h of toResume) c.patch(h, b(h, resume));
  const [rlo, rhi] = mov32(4, resume);
  c.patch(resumeHole, rlo!);
  c.patch(resumeHole + 4, rhi!);
  c.emit(movz(0, 1), ...mov32(1, OUT), movz(2, REC.SIZE), movz(8, SYS_WRITE), svc(0));
  c.emit(...mov32(9, DATA), ldrX(9, 9, VAR_CUR), ldrX(2, 9, REC.ADDR));
  const skipDump = c.hole();
  c.emit(movz(0, 1), ...mov32(1, SCRATCH), movz(2, SCRATCH_SIZE), movz(8, SYS_WRITE), svc(0));
  c.patch(skipDump, cbz(2, skipDump, c.here));
  c.emit(ldrX(0, 9, REC.EXIT));
  const toExit = c.hole();
  c.emit(b(c.here, start));
  const exitProgram = c.here;
  c.patch(toExit, cbz(0, toExit, exitProgram));
  c.emit(movz(0, 0), movz(8, SYS_EXIT_GROUP), svc(0));

  // Entry: alternate stack, handlers, then the first case.
  const entry = c.here;
  c.patch(entryJump, b(entryJump, entry));
  c.emit(...mov32(0, DATA + VAR_ALTSTACK), movz(1, 0), movz(8, SYS_SIGALTSTACK), svc(0));
  for (const sig of CAUGHT_SIGNALS) c.emit(movz(0, sig), ...mov32(1, DATA + VAR_SIGACTION), movz(2, 0), movz(3, 8), movz(8, SYS_RT_SIGACTION), svc(0));
  c.emit(...mov32(0, STATES), b(c.here + 8, start)); // the first record

  const states = new Uint8Array(cases.length * REC.SIZE);
  const statesDv = new DataView(states.buffer);
  const slotBase: number[] = [];
  let outputBytes = 0;
  cases.forEach((k, i) => {
    const rec = STATES + i * REC.SIZE;
    const code = c.here;
    c.emit(ldrX(30, 0, REC.X + 240), ldrX(0, 0, REC.X));
    slotBase.push(c.here);
    const base = c.here;
    c.emit(...k.words);
    c.emit(b(c.here, exits[0]!));
    if (k.twoExits) c.emit(b(c.here, exits[1]!));
    outputBytes += REC.SIZE + (k.memory ? SCRATCH_SIZE : 0);
    // The starting state, with code references resolved (slot n = first exit, n + 1 = second).
    const st = { ...k.state, x: [...k.state.x] };
    for (const ref of k.codeRefs ?? []) {
      const addr = BigInt(base + 4 * ref.slot);
      if (ref.reg === 31) st.sp = addr;
      else st.x[ref.reg] = addr;
    }
    packState(st, k.memory ? BigInt(PRISTINE + k.pristineOffset) : 0n, states, i * REC.SIZE);
    statesDv.setBigUint64(i * REC.SIZE + REC.STATUS, BigInt(code), true);
    statesDv.setBigUint64(i * REC.SIZE + REC.EXIT, i + 1 < cases.length ? BigInt(rec + REC.SIZE) : 0n, true);
  });

  const data = new Uint8Array(0x100);
  const dv = new DataView(data.buffer);
  dv.setBigUint64(VAR_ALTSTACK, BigInt(ALTSTACK), true);
  dv.setUint32(VAR_ALTSTACK + 8, 0, true);
  dv.setBigUint64(VAR_ALTSTACK + 16, BigInt(ALTSTACK_SIZE), true);
  dv.setBigUint64(VAR_SIGACTION, BigInt(handler), true);
  dv.setBigUint64(VAR_SIGACTION + 8, BigInt(SA_SIGINFO | SA_ONSTACK | SA_RESTORER), true);
  dv.setBigUint64(VAR_SIGACTION + 16, BigInt(restorer), true);
  dv.setBigUint64(VAR_SIGACTION + 24, 0n, true);

  const code = c.bytes();
  const elf = writeElf(TEXT, [
    { vaddr: TEXT, data: code, memsz: code.length, flags: PF_R | PF_X },
    { vaddr: STATES, data: states, memsz: Math.max(states.length, 1), flags: PF_R },
    { vaddr: SCRATCH, data: new Uint8Array(0), memsz: SCRATCH_SIZE, flags: PF_R | PF_W },
    { vaddr: PRISTINE, data: pristine, memsz: PRISTINE_SIZE, flags: PF_R },
    { vaddr: DATA, data, memsz: DATA_SIZE, flags: PF_R | PF_W },
  ]);
  return { elf, slotBase, outputBytes };
}

/** Split a run's output into one outcome per case (fewer when the run stopped early). */
export function parseOutput(out: Uint8Array, cases: HarnessCase[]): Outcome[] {
  const res: Outcome[] = [];
  let at = 0;
  for (const k of cases) {
    if (at + REC.SIZE > out.length) break;
    const o = unpackOutcome(out, at);
    at += REC.SIZE;
    if (k.memory) {
      if (at + SCRATCH_SIZE > out.length) break;
      o.scratch = out.slice(at, at + SCRATCH_SIZE);
      at += SCRATCH_SIZE;
    }
    res.push(o);
  }
  return res;
}
