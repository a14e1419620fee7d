/**
 * The prebuilt fast AdvSIMD helper factories (scripts/gen-simd-prebuilt.mjs, run by
 * `npm run build`, which `npm test` runs first) must be exactly the source that
 * simd-fast-gen.ts generates for each spec: a change to a generator without a rebuild, or a
 * generator that is not deterministic, would otherwise run other code than the one tested.
 */
import t from 'tap';
import '../../src/runtime/helpers/simd.js';
import { allSpecs, factorySource } from '../../src/runtime/helpers/simd-fast-gen.js';
import { PREBUILT } from '../../src/runtime/helpers/simd-fast-prebuilt.js';

t.test('every fast AdvSIMD factory is prebuilt, as the generator writes it', (t) => {
  const specs = allSpecs();
  t.ok(specs.length > 100, `the families have their specs (${specs.length})`);
  const keys = Object.keys(PREBUILT);
  t.equal(keys.length, specs.length, 'npm run build prebuilt one factory per spec');
  let same = 0;
  const differ: string[] = [];
  for (const s of specs) {
    const f = PREBUILT[s.key];
    if (f && f.toString() === factorySource(s)) same++;
    else differ.push(s.key);
  }
  t.same(differ, [], 'no spec is missing or prebuilt from other source');
  t.equal(same, specs.length, `all ${specs.length} match`);
  t.end();
});
