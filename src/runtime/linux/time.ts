/**
 * Clocks, sleeping and interval timers. Time comes from the host:
 * CLOCK_REALTIME from Date.now() refined by process.hrtime, CLOCK_MONOTONIC
 * from process.hrtime, CPU clocks from process.cpuUsage. Sleeps really sleep
 * (Atomics.wait); an armed ITIMER_REAL cuts them short with SIGALRM.
 */
import { fail } from './errno.js';
import { sleepMs } from './files.js';
import { StructWriter, type UAccess } from './uaccess.js';

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const CLOCK_PROCESS_CPUTIME_ID = 2;
export const CLOCK_THREAD_CPUTIME_ID = 3;
export const CLOCK_MONOTONIC_RAW = 4;
export const CLOCK_REALTIME_COARSE = 5;
export const CLOCK_MONOTONIC_COARSE = 6;
export const CLOCK_BOOTTIME = 7;
export const CLOCK_REALTIME_ALARM = 8;
export const CLOCK_BOOTTIME_ALARM = 9;
export const CLOCK_TAI = 11;
export const TIMER_ABSTIME = 1;

export const ITIMER_REAL = 0;
export const ITIMER_VIRTUAL = 1;
export const ITIMER_PROF = 2;

const NS = 1_000_000_000n;

export class Clock {
  private readonly monoStart = process.hrtime.bigint();
  /** realtime = monotonic + offset. */
  private readonly realOffset = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
  /** Uptime reported for CLOCK_MONOTONIC/BOOTTIME starts at a plausible value, not at the host's. */
  private readonly bootOffset = 1000n * NS;

  monoNs(): bigint {
    return process.hrtime.bigint() - this.monoStart + this.bootOffset;
  }
  realNs(): bigint {
    return process.hrtime.bigint() + this.realOffset;
  }
  cpuNs(): bigint {
    const u = process.cpuUsage();
    return BigInt(u.user + u.system) * 1000n;
  }
  userNs(): bigint {
    return BigInt(process.cpuUsage().user) * 1000n;
  }

  /** Time of a clock id, in ns, or EINVAL. */
  now(clk: number): bigint {
    switch (clk) {
      case CLOCK_REALTIME:
      case CLOCK_REALTIME_COARSE:
      case CLOCK_REALTIME_ALARM:
        return this.realNs();
      case CLOCK_TAI:
        return this.realNs() + 37n * NS;
      case CLOCK_MONOTONIC:
      case CLOCK_MONOTONIC_RAW:
      case CLOCK_MONOTONIC_COARSE:
      case CLOCK_BOOTTIME:
      case CLOCK_BOOTTIME_ALARM:
        return this.monoNs();
      case CLOCK_PROCESS_CPUTIME_ID:
      case CLOCK_THREAD_CPUTIME_ID:
        return this.cpuNs();
      default:
        // Negative ids name per-process/thread CPU clocks (clock_getcpuclockid): only ours exist.
        if (clk < 0) return this.cpuNs();
        return fail('EINVAL');
    }
  }

  resolution(clk: number): bigint {
    this.now(clk);
    return clk === CLOCK_REALTIME_COARSE || clk === CLOCK_MONOTONIC_COARSE ? 4_000_000n : 1n;
  }
}

export function readTimespec(ua: UAccess, addr: number): bigint {
  const b = ua.read(addr, 16);
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  const sec = dv.getBigInt64(0, true);
  const nsec = dv.getBigInt64(8, true);
  if (sec < 0n || nsec < 0n || nsec >= NS) fail('EINVAL');
  return sec * NS + nsec;
}

export function encodeTimespec(ns: bigint): Uint8Array {
  return new StructWriter(16).u64(0, ns / NS).u64(8, ns % NS).bytes;
}

export function encodeTimeval(ns: bigint): Uint8Array {
  return new StructWriter(16).u64(0, ns / NS).u64(8, (ns % NS) / 1000n).bytes;
}

export function readTimeval(ua: UAccess, addr: number): bigint {
  const b = ua.read(addr, 16);
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  const sec = dv.getBigInt64(0, true);
  const usec = dv.getBigInt64(8, true);
  if (sec < 0n || usec < 0n || usec >= 1_000_000n) fail('EINVAL');
  return sec * NS + usec * 1000n;
}

interface ITimer {
  /** Expiry on the timer's clock (ns), 0n = disarmed. */
  deadline: bigint;
  interval: bigint;
}

/** The three interval timers of setitimer/getitimer. */
export class ITimers {
  readonly timers: ITimer[] = [
    { deadline: 0n, interval: 0n },
    { deadline: 0n, interval: 0n },
    { deadline: 0n, interval: 0n },
  ];

  constructor(private readonly clock: Clock) {}

  private clockOf(which: number): bigint {
    return which === ITIMER_REAL ? this.clock.monoNs() : which === ITIMER_VIRTUAL ? this.clock.userNs() : this.clock.cpuNs();
  }

  get(which: number): { value: bigint; interval: bigint } {
    if (which < 0 || which > 2) fail('EINVAL');
    const t = this.timers[which]!;
    if (t.deadline === 0n) return { value: 0n, interval: t.interval };
    const left = t.deadline - this.clockOf(which);
    return { value: left > 0n ? left : 1000n, interval: t.interval };
  }

  set(which: number, value: bigint, interval: bigint): void {
    if (which < 0 || which > 2) fail('EINVAL');
    this.timers[which] = { deadline: value === 0n ? 0n : this.clockOf(which) + value, interval };
  }

  /** Signals due now (SIGALRM, SIGVTALRM, SIGPROF), re-arming periodic timers. */
  expired(): number[] {
    const out: number[] = [];
    const sigs = [14, 26, 27];
    this.timers.forEach((t, which) => {
      if (t.deadline === 0n) return;
      const now = this.clockOf(which);
      if (now < t.deadline) return;
      out.push(sigs[which]!);
      if (t.interval > 0n) {
        const missed = (now - t.deadline) / t.interval + 1n;
        t.deadline += missed * t.interval;
      } else t.deadline = 0n;
    });
    return out;
  }

  /** Milliseconds until ITIMER_REAL fires, if armed (the only timer that runs while sleeping). */
  msUntilReal(): number | undefined {
    const t = this.timers[ITIMER_REAL]!;
    if (t.deadline === 0n) return undefined;
    const left = t.deadline - this.clock.monoNs();
    return left <= 0n ? 0 : Number(left) / 1e6;
  }

  armed(): boolean {
    return this.timers.some((t) => t.deadline !== 0n);
  }
}

export { sleepMs };
