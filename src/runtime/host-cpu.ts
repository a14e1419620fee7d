/**
 * Host CPU time of this process: the main thread (which runs the guest) apart from V8's
 * compiler and GC threads. On a busy machine it varies less than wall time, and the rest
 * of the process's CPU time is mostly TurboFan compiling regions in the background.
 */
import { readFileSync } from 'node:fs';

export interface HostCpu {
  /** CPU ms of the main thread, or undefined where the OS does not say (not Linux). */
  mainMs: number | undefined;
  /** CPU ms of the whole process, all threads. */
  allMs: number;
}

/** Clock ticks per second of /proc's utime and stime fields (USER_HZ, 100 on every Linux port). */
const USER_HZ = 100;

function mainThreadMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'latin1');
    // Fields after the command name (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

export function hostCpu(): HostCpu {
  const u = process.cpuUsage();
  return { mainMs: mainThreadMs(), allMs: (u.user + u.system) / 1000 };
}

/** CPU time used between two readings. */
export function cpuSince(a: HostCpu, b: HostCpu = hostCpu()): HostCpu {
  return { mainMs: a.mainMs === undefined || b.mainMs === undefined ? undefined : b.mainMs - a.mainMs, allMs: b.allMs - a.allMs };
}
