#!/usr/bin/env node
// `npm run build` compiles src/ to dist/ and bundles the CLI into one file, dist/jitvisor.mjs:
// loading one module instead of ~120 starts the machine 70-80 ms sooner. The bundle is used
// only when it is at least as new as the compiled modules (after a plain `tsc`, the modules run).
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// V8 retires optimized code that allocates at a site whose pretenuring decision changes (at a
// GC); that kept throwing away the dispatcher loop mid-run (qsort: 4-6 recompiles of ~20-70 ms
// each on the compiler thread, against 2 without). Objects here are short-lived or few.
setFlagsFromString('--no-allocation-site-pretenuring');

const dist = new URL('../dist/', import.meta.url);
const mtime = (name) => {
  try {
    return statSync(new URL(name, dist)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundled = mtime('jitvisor.mjs') >= mtime('src/cli/main.js') && mtime('src/cli/main.js') >= 0;
const { main } = await import(bundled ? '../dist/jitvisor.mjs' : '../dist/src/cli/main.js');
process.exitCode = main(process.argv.slice(2));
