/**
 * Linux user mode: a static AArch64 ELF process on the engine. The run loop
 * hands system calls to the Linux layer and turns guest exceptions into
 * signals (UNDEFINED -> SIGILL, aborts -> SIGSEGV, BRK -> SIGTRAP).
 */
import { CpuState } from './cpu-state.js';
import { Engine, type EngineOptions, type EngineStats } from './engine.js';
import { Memory } from './memory.js';
import { UserSpace } from './user-space.js';
import { LinuxProcess } from './linux/process.js';
import { SIGBUS, SIGILL, SIGSEGV, SIGTRAP } from './linux/signals.js';
import { AT_HWCAP } from '../hyp/sysregs/id.js';
import { cpuSince, hostCpu, type HostCpu } from './host-cpu.js';

export interface UserModeOptions extends EngineOptions {
  argv: string[];
  envp?: string[];
  /** Guest RAM in bytes (default 1 GiB, allocated lazily by the host). */
  ramBytes?: number;
  /** Seed for AT_RANDOM and getrandom (deterministic runs). */
  seed?: number;
  /** Capture the guest's standard streams instead of using the host's (embedding, tests, the fuzzer). */
  stdout?: (b: Uint8Array) => void;
  stderr?: (b: Uint8Array) => void;
  stdin?: (max: number) => Uint8Array;
  /** Stop the guest (as killed, exit code 137) once it has run about this many instructions. */
  maxInstructions?: number;
}

export interface RunResult {
  exitCode: number;
  /** A one-line description of the signal that killed the guest, if one did. */
  fatal?: string;
  /** Set when the guest was killed by a signal it did not handle. */
  signal?: number;
  signalPc?: bigint;
  instructions: number;
  wallMs: number;
  /** Host CPU time of the run: the main thread, and all threads (the rest is mostly V8 compiling regions). */
  cpu: HostCpu;
  stats: EngineStats;
  syscalls: number;
  unknownSyscalls: Map<number, number>;
  /** Soft-TLB misses: accesses that took the slow path and walked the page tables. */
  tlbMisses: number;
}

export class UserModeMachine {
  readonly cpu = new CpuState();
  readonly mem: Memory;
  readonly space: UserSpace;
  readonly engine: Engine;
  readonly process: LinuxProcess;
  private readonly maxInstructions: number | undefined;
  /** Set when the run was stopped by maxInstructions. */
  limitReached = false;

  constructor(elf: Uint8Array, path: string, opts: UserModeOptions) {
    this.mem = new Memory(opts.ramBytes ?? 0x4000_0000);
    this.space = new UserSpace(this.mem);
    this.mem.tbi = true; // Linux runs EL0 with TCR_EL1.TBI0 set: tagged pointers work
    this.engine = new Engine(this.cpu, this.mem, opts);
    this.process = new LinuxProcess({
      cpu: this.cpu,
      mem: this.mem,
      space: this.space,
      argv: opts.argv,
      envp: opts.envp ?? [],
      hwcap: AT_HWCAP,
      seed: opts.seed ?? 1,
      ...(opts.stdout ? { stdout: opts.stdout } : {}),
      ...(opts.stderr ? { stderr: opts.stderr } : {}),
      ...(opts.stdin ? { stdin: opts.stdin } : {}),
    });
    this.maxInstructions = opts.maxInstructions;
    this.process.load(elf, path);
  }

  run(): RunResult {
    const t0 = performance.now(), cpu0 = hostCpu();
    const p = this.process;
    let syscalls = 0;
    let result: { kind: 'continue' } | { kind: 'exit'; code: number } = { kind: 'continue' };
    let signalPc: bigint | undefined;
    while (result.kind === 'continue') {
      const stop = this.engine.run(this.maxInstructions !== undefined ? Math.min(1 << 24, Math.max(1, this.maxInstructions - this.cpu.icount + 1)) : undefined);
      switch (stop.kind) {
        case 'budget':
          if (this.maxInstructions !== undefined && this.cpu.icount >= this.maxInstructions) {
            this.limitReached = true;
            result = { kind: 'exit', code: 137 };
            break;
          }
          result = p.pollSignals(); // interval timers fire at an instruction boundary
          break;
        case 'svc':
          syscalls++;
          result = p.syscall();
          break;
        case 'undefined':
          signalPc = this.cpu.pc;
          result = p.deliverSignal(SIGILL, { code: 1 /* ILL_ILLOPC */, addr: this.cpu.pc });
          break;
        case 'brk':
          signalPc = this.cpu.pc;
          result = p.deliverSignal(SIGTRAP, { code: 1 /* TRAP_BRKPT */, addr: this.cpu.pc });
          break;
        case 'fault': {
          const f = stop.fault;
          signalPc = this.cpu.pc;
          // Linux reports si_addr without the tag byte (no SA_EXPOSE_TAGBITS).
          const addr = ((BigInt(f.vaHi >>> 0) << 32n) | BigInt(f.vaLo >>> 0)) & 0x00ff_ffff_ffff_ffffn;
          result =
            f.kind === 'alignment'
              ? p.deliverSignal(SIGBUS, { code: 1 /* BUS_ADRALN */, addr })
              : p.deliverSignal(SIGSEGV, { code: f.kind === 'permission' ? 2 /* SEGV_ACCERR */ : 1 /* SEGV_MAPERR */, addr });
          break;
        }
      }
    }
    if (process.env.JITVISOR_PROFILE) process.stderr.write(this.engine.profileReport() + '\n');
    const signal = p.fatalSignal;
    return {
      exitCode: result.code,
      ...(signal !== undefined ? { signal, signalPc: signalPc ?? this.cpu.pc, fatal: p.describeFatal() ?? `guest killed by signal ${signal}` } : {}),
      instructions: this.cpu.icount,
      wallMs: performance.now() - t0,
      cpu: cpuSince(cpu0),
      stats: this.engine.stats,
      syscalls,
      unknownSyscalls: p.unknownSyscalls,
      tlbMisses: this.mem.tlbMisses,
    };
  }
}
