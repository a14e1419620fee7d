/** Readable form of generated code for --dump-js: parsed by acorn, printed by astring. */
import * as acorn from 'acorn';
import { generate } from 'astring';
import { PARAMS } from './abi.js';

export function formatRegion(source: string, title: string): string {
  const ast = acorn.parse(`function region(${PARAMS.join(', ')}) {\n${source}\n}`, { ecmaVersion: 2022 });
  return `// ${title}\n${generate(ast as never, { indent: '  ' })}`;
}
