#!/usr/bin/env node
// `npm run build` compiles src/ to dist/ and bundles the CLI into one file, dist/jitvisor.cjs:
// loading one script instead of ~120 modules starts the machine 70-80 ms sooner. The bundle is
// used only when it is at least as new as the compiled modules (after a plain `tsc`, the modules
// run). It is compiled with a V8 code cache (dist/jitvisor.cjs.cache, written at the exit of a
// run that had none): the bundle's functions that the last such run compiled load already
// compiled instead of being parsed and compiled again. JITVISOR_CODE_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// V8 retires optimized code that allocates at a site whose pretenuring decision changes (at a
// GC); that kept throwing away the dispatcher loop mid-run (qsort: 4-6 recompiles of ~20-70 ms
// each on the compiler thread, against 2 without). Objects here are short-lived or few.
// (Set before the bundle is compiled: V8 accepts a code cache only under the flags it was made with.)
setFlagsFromString('--no-allocation-site-pretenuring');

const dist = new URL('../dist/', import.meta.url);
const stat = (name) => statSync(new URL(name, dist), { throwIfNoEntry: false });
const bundle = stat('jitvisor.cjs'), modules = stat('src/cli/main.js');
const main = bundle && modules && bundle.mtimeMs >= modules.mtimeMs ? loadBundle() : (await import('../dist/src/cli/main.js')).main;
process.exitCode = main(process.argv.slice(2));

/**
 * Compile and run the bundle (CommonJS) with its code cache. V8 checks a cache against the
 * source's length only, so the cache file starts with a line naming the bundle's SHA-1 (a
 * rebuild that changes nothing keeps its cache) and the Node version; a cache for anything
 * else is ignored and replaced.
 */
function loadBundle() {
  const path = fileURLToPath(new URL('jitvisor.cjs', dist));
  const cachePath = `${path}.cache`;
  const useCache = process.env.JITVISOR_CODE_CACHE !== '0';
  const text = readFileSync(path, 'utf8');
  let header, cachedData;
  if (useCache) {
    header = Buffer.from(`jitvisor code cache 1 ${createHash('sha1').update(text).digest('hex')} ${process.version}\n`);
    try {
      const file = readFileSync(cachePath);
      if (file.subarray(0, header.length).equals(header)) cachedData = file.subarray(header.length);
    } catch {
      // no cache yet
    }
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const script = new Script(source, { filename: path, cachedData });
  if (useCache && (cachedData === undefined || script.cachedDataRejected)) {
    // Written when the run ends, so it holds the functions this run compiled. Best effort: a
    // read-only installation simply runs without one.
    process.once('exit', () => {
      const tmp = `${cachePath}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
        renameSync(tmp, cachePath);
      } catch {
        try {
          unlinkSync(tmp);
        } catch {
          // nothing was written
        }
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(path), module, path, fileURLToPath(dist));
  return module.exports.main;
}
