/** Host CPU time (runtime/host-cpu.ts): the main thread's time from /proc on Linux, and the process's. */
import t from 'tap';
import { cpuSince, hostCpu } from '../../src/runtime/host-cpu.js';

t.test('a busy main thread shows up in both readings', (t) => {
  const a = hostCpu();
  // Spin until the process has used 150 ms of CPU (however busy the machine is); it is all this thread's.
  let x = 0;
  while (cpuSince(a).allMs < 150) for (let k = 0; k < 1e5; k++) x = (x + Math.sqrt(x + 1)) % 1e9;
  const d = cpuSince(a);
  if (process.platform === 'linux') {
    t.type(d.mainMs, 'number', 'Linux says what the main thread used');
    t.ok(d.mainMs! >= 100 && d.mainMs! <= d.allMs + 20, `the main thread used most of it (${d.mainMs} of ${d.allMs.toFixed(0)} ms; ${x > -1})`);
  } else {
    t.equal(d.mainMs, undefined, 'elsewhere the main thread is not measured');
  }
  t.end();
});
