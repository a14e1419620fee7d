/**
 * Debug/test check of generated code: it must parse, and every identifier
 * it references must be an abi parameter, an allowed global, or a local the
 * backend declares (register, value, flag and control locals).
 */
import * as acorn from 'acorn';
import { ALLOWED_GLOBALS, LINK_PARAMS, PARAMS } from './abi.js';

const LOCAL = /^(x\d+[lh]|[abfv]\d+|nz|nk|n[1-7]|pc|pch|bud|ex|mg|cf|cd|run|[kl]\d+|t|o|l|h|x|y|u|r|xh|yh|uh|rl|rh)$/;
const ALLOWED = new Set<string>([...PARAMS, ...LINK_PARAMS, ...ALLOWED_GLOBALS]);

export class GeneratedCodeError extends Error {}

export function checkGenerated(source: string): void {
  let ast: acorn.Node;
  try {
    ast = acorn.parse(`(function (${PARAMS.join(', ')}) {\n${source}\n})`, { ecmaVersion: 2022 });
  } catch (e) {
    throw new GeneratedCodeError(`generated code does not parse: ${(e as Error).message}`);
  }
  const walk = (node: unknown, parentKey?: string, parent?: Record<string, unknown>): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n, parentKey, parent);
      return;
    }
    const n = node as Record<string, unknown> & { type?: string };
    if (n.type === 'Identifier') {
      const name = n.name as string;
      const isProperty = parent?.type === 'MemberExpression' && parentKey === 'property' && !parent.computed;
      if (!isProperty && !ALLOWED.has(name) && !LOCAL.test(name)) {
        throw new GeneratedCodeError(`generated code references '${name}', which is not in the backend ABI`);
      }
    }
    if (n.type === 'Literal' && typeof n.value !== 'number' && typeof n.value !== 'boolean') {
      // The backend writes numbers only: no string, regular expression or other literal.
      throw new GeneratedCodeError(`generated code contains a literal ${String(n.raw)}`);
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type') walk(v, k, n);
  };
  walk(ast);
}
