import t from 'tap';
import { Perm } from '../../src/runtime/memory.js';
import {
  AT_BASE,
  AT_CLKTCK,
  AT_EGID,
  AT_ENTRY,
  AT_EUID,
  AT_EXECFN,
  AT_FLAGS,
  AT_GID,
  AT_HWCAP,
  AT_HWCAP2,
  AT_MINSIGSTKSZ,
  AT_PAGESZ,
  AT_PHDR,
  AT_PHENT,
  AT_PHNUM,
  AT_PLATFORM,
  AT_RANDOM,
  AT_SECURE,
  AT_UID,
  STACK_TOP,
} from '../../src/runtime/linux/stack.js';
import { getStr, newProcess } from './support/helpers.js';

function readAuxv(p: ReturnType<typeof newProcess>['p'], sp: number) {
  const ua = p.ua;
  const argc = ua.u64(sp);
  const argv: string[] = [];
  let a = sp + 8;
  for (let i = 0; i < argc; i++, a += 8) argv.push(ua.cstring(ua.u64(a)));
  const argvNull = ua.u64(a);
  a += 8;
  const envp: string[] = [];
  for (; ua.u64(a) !== 0; a += 8) envp.push(ua.cstring(ua.u64(a)));
  a += 8;
  const auxv = new Map<number, number>();
  const order: number[] = [];
  for (;;) {
    const type = ua.u64(a);
    const val = ua.u64(a + 8);
    a += 16;
    if (type === 0) break;
    auxv.set(type, val);
    order.push(type);
  }
  return { argc, argv, argvNull, envp, auxv, order };
}

t.test('the initial stack holds argc, argv, envp and the auxiliary vector', (t) => {
  const { p, cpu, space } = newProcess();
  const sp = Number(cpu.sp);
  t.equal(sp % 16, 0, 'sp is 16-byte aligned');
  t.ok(sp < STACK_TOP && sp > STACK_TOP - 256 * 1024, 'sp inside the stack');
  t.equal(cpu.pc, 0x400000n, 'pc at the entry point');
  for (let r = 0; r < 31; r++) if (cpu.getX(r) !== 0n) t.fail(`x${r} not zero`);
  t.equal(space.perms(STACK_TOP / 4096 - 1), Perm.R | Perm.W, 'stack mapped read/write');
  t.equal(space.perms(STACK_TOP / 4096), undefined, 'nothing above the stack top');

  const { argc, argv, argvNull, envp, auxv, order } = readAuxv(p, sp);
  t.equal(argc, 3);
  t.same(argv, ['/bin/tiny', 'one', 'two']);
  t.equal(argvNull, 0, 'argv is NULL-terminated');
  t.same(envp, ['HOME=/home/guest', 'LANG=C']);

  const elf = p.elf!;
  t.equal(auxv.get(AT_PHDR), elf.phdr);
  t.equal(auxv.get(AT_PHENT), 56);
  t.equal(auxv.get(AT_PHNUM), 2);
  t.equal(auxv.get(AT_PAGESZ), 4096);
  t.equal(auxv.get(AT_BASE), 0);
  t.equal(auxv.get(AT_FLAGS), 0);
  t.equal(auxv.get(AT_ENTRY), 0x400000);
  t.equal(auxv.get(AT_UID), p.uid);
  t.equal(auxv.get(AT_EUID), p.uid);
  t.equal(auxv.get(AT_GID), p.gid);
  t.equal(auxv.get(AT_EGID), p.gid);
  t.equal(auxv.get(AT_HWCAP), 0x8ff);
  t.equal(auxv.get(AT_HWCAP2), 0);
  t.equal(auxv.get(AT_CLKTCK), 100);
  t.equal(auxv.get(AT_SECURE), 0);
  t.equal(auxv.get(AT_MINSIGSTKSZ), 5120);
  t.equal(getStr(p, auxv.get(AT_PLATFORM)!), 'aarch64');
  t.equal(getStr(p, auxv.get(AT_EXECFN)!), '/bin/tiny');
  const rnd = auxv.get(AT_RANDOM)!;
  t.equal(rnd + 16, auxv.get(AT_PLATFORM), 'the random bytes sit right below the platform string');
  t.ok(rnd > sp, 'AT_RANDOM above the tables');
  t.equal(order[order.length - 1], AT_PLATFORM, 'AT_PLATFORM last before AT_NULL, as Linux orders them');
  t.ok(p.ua.u64(STACK_TOP - 8) === 0, 'a zero word at the very top');
  t.end();
});

t.test('AT_RANDOM is deterministic from the seed', (t) => {
  const bytesOf = (seed: number) => {
    const { p, cpu } = newProcess({ seed });
    const { auxv } = readAuxv(p, Number(cpu.sp));
    return Buffer.from(p.ua.read(auxv.get(AT_RANDOM)!, 16)).toString('hex');
  };
  const a = bytesOf(1);
  t.equal(bytesOf(1), a, 'same seed, same bytes');
  t.not(bytesOf(2), a, 'another seed, other bytes');
  t.not(a, '00'.repeat(16));
  t.end();
});

t.test('arguments too large for the stack are reported', (t) => {
  t.throws(() => newProcess({ argv: ['x'.repeat(300 * 1024)] }), /do not fit/);
  t.end();
});
