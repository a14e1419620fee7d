/**
 * Object shapes generated code depends on for speed (checked with V8's own %HasFastProperties
 * in a child process started with --allow-natives-syntax): the helper object `H` must have
 * fast properties, or every `H.<name>` in a region is a generic LoadIC instead of a constant
 * (session 7: a dictionary-mode H cost nbody 25%).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const here = fileURLToPath(new URL('.', import.meta.url));

t.test('the helper object generated code calls through has fast properties', (t) => {
  const script = `
    const { Engine } = await import(${JSON.stringify(here + '../../src/runtime/engine.js')});
    const { makeEnv } = await import(${JSON.stringify(here + '../helpers/testenv.js')});
    const env = makeEnv([]);
    const engine = new Engine(env.cpu, env.mem, {});
    const H = engine.args[9];
    const fast = %HasFastProperties(H);
    process.stdout.write(JSON.stringify({ fast, helpers: Object.keys(H).length }));`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  t.equal(r.status, 0, `the check ran (${r.stderr.trim().split('\n').slice(-1)[0] ?? ''})`);
  const out = JSON.parse(r.stdout || '{}') as { fast?: boolean; helpers?: number };
  t.ok((out.helpers ?? 0) > 100, `H holds the helpers (${out.helpers})`);
  t.equal(out.fast, true, 'H is not a dictionary');
  t.end();
});
