import json, random, struct, subprocess, sys
cases = json.load(open('words.json'))
rnd = random.Random(1234)

def pack_lanes(vals, fmt):
    return int.from_bytes(b''.join(struct.pack('<' + fmt, v) for v in vals), 'little')

def rand_int_reg():
    # mixed lanes: mostly random, some special bytes/halves/words
    b = bytearray(rnd.getrandbits(8) for _ in range(16))
    for _ in range(4):
        i = rnd.randrange(16)
        b[i] = rnd.choice([0, 0xff, 0x80, 0x7f, 0x01, 0xfe])
    return int.from_bytes(b, 'little')

def edge_reg(k):
    pats = [
        pack_lanes([0x80, 0x7f, 0xff, 0x00, 0x01, 0xfe, 0x81, 0x40, 0xc0, 0x3f, 0x7e, 0x02, 0x10, 0xf0, 0x55, 0xaa], 'B'),
        pack_lanes([0x8000, 0x7fff, 0xffff, 0x0000, 0x0001, 0xfffe, 0x4000, 0xc000], 'H'),
        pack_lanes([0x80000000, 0x7fffffff, 0xffffffff, 0x00000001], 'I'),
        pack_lanes([0x8000000000000000, 0x7fffffffffffffff], 'Q'),
        pack_lanes([0xffffffffffffffff, 0x0000000000000001], 'Q'),
        pack_lanes([0x7f, 0x80, 0x02, 0xf8, 0x07, 0xf9, 0x40, 0xc1, 0x20, 0xe0, 0x3f, 0xc0, 0x08, 0x00, 0x1f, 0x81], 'B'),  # shift counts
        pack_lanes([0x00000020, 0xffffffe0, 0x0000001f, 0xffffffc1], 'I'),
        pack_lanes([0x8000, 0x8000, 0x7fff, 0x8001, 0x0001, 0xffff, 0x4000, 0x8000], 'H'),
    ]
    return pats[k]

def f32s():
    pool = [1.5, -2.25, 0.0, -0.0, float('inf'), float('-inf'), float('nan'), 3.4e38, -1e-40, 1e-45, 2.5, -3.5, 0.5, 1e10, -7.75, 100.0, 4294967296.0, -2147483649.0, 65536.5, 1.0/3]
    return pool
def f64s():
    return [1.5, -2.25, 0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1.7e308, -1e-310, 5e-324, 2.5, -3.5, 0.5, 1e20, -7.75, 1.0/3, 9.3e18, -9.3e18, 1.8e19, 3.4e38*2, 1e-39]
def fp_reg(kind):
    if kind == 's':
        vals = [rnd.choice(f32s()) for _ in range(4)]
        return int.from_bytes(b''.join(struct.pack('<f', v) for v in vals), 'little')
    vals = [rnd.choice(f64s()) for _ in range(2)]
    return int.from_bytes(b''.join(struct.pack('<d', v) for v in vals), 'little')

def xs():
    return [rnd.getrandbits(64) for _ in range(3)]

sets = []
# A: random integers; v5 = TBL indices
A = [rand_int_reg() for _ in range(8)]
A[5] = int.from_bytes(bytes(rnd.randrange(70) for _ in range(16)), 'little')
sets.append({'v': A, 'x': xs(), 'fpcr': 0})
# B: edge values (v2 holds shift counts for register shifts)
B = [edge_reg(i) for i in range(8)]
B[1], B[2] = edge_reg(1), edge_reg(5)
B[0], B[3] = edge_reg(2), edge_reg(7)
sets.append({'v': B, 'x': [0xffffffff80000000, 0x7f, 0x8000000000000000], 'fpcr': 0})
FPCR_ALT = (1 << 25) | (1 << 24) | (2 << 22)
for kind, fpcr in [('s', 0), ('d', 0), ('s', FPCR_ALT), ('d', FPCR_ALT)]:
    sets.append({'v': [fp_reg(kind) for _ in range(8)], 'x': xs(), 'fpcr': fpcr})

def is_fp(id):
    return id.startswith('F') or id.startswith('SCVTF') or id.startswith('UCVTF') or id in ('URECPE_vector', 'URSQRTE_vector')

def runs_for(id):
    return [0, 2, 3, 4, 5] if is_fp(id) else [0, 1]

# ---- harness ----
asm = ['.text']
for i, (id, a, w) in enumerate(cases):
    asm += [f'.global case_{i}', f'case_{i}:', 'mov x9, x0',
            'ldp q0, q1, [x9]', 'ldp q2, q3, [x9, #32]', 'ldp q4, q5, [x9, #64]', 'ldp q6, q7, [x9, #96]',
            'ldr x10, [x9, #168]', 'msr fpcr, x10', 'ldr x10, [x9, #160]', 'msr fpsr, x10',
            'ldr x1, [x9, #136]', 'ldr x2, [x9, #144]', 'ldr x3, [x9, #152]',
            f'.inst {w:#010x}',
            'stp q0, q1, [x9]', 'stp q2, q3, [x9, #32]', 'stp q4, q5, [x9, #64]', 'stp q6, q7, [x9, #96]',
            'str x1, [x9, #136]', 'str x2, [x9, #144]', 'str x3, [x9, #152]',
            'mrs x10, fpsr', 'str x10, [x9, #160]', 'msr fpcr, xzr', 'ret']
open('h.s', 'w').write('\n'.join(asm) + '\n')
c = ['#include <stdio.h>', '#include <string.h>', '#include <stdint.h>',
     'typedef struct { uint8_t v[8][16]; uint64_t x[4]; uint64_t fpsr, fpcr; } St;']
c += [f'void case_{i}(St*);' for i in range(len(cases))]
c.append('typedef void (*F)(St*);')
c.append('static F fns[] = {' + ','.join(f'case_{i}' for i in range(len(cases))) + '};')
# input sets
c.append('static St sets[] = {')
for s in sets:
    vb = ','.join('{' + ','.join(str(b) for b in v.to_bytes(16, 'little')) + '}' for v in s['v'])
    c.append('{{' + vb + '},{0,' + ','.join(f'{x}ull' for x in s['x']) + '},0,' + f'{s["fpcr"]}' + '},')
c.append('};')
runs = [(i, k) for i, (id, a, w) in enumerate(cases) for k in runs_for(id)]
c.append('static int runs[][2] = {' + ','.join(f'{{{i},{k}}}' for i, k in runs) + '};')
c.append('''int main(void) {
  for (unsigned r = 0; r < sizeof runs / sizeof runs[0]; r++) {
    St s = sets[runs[r][1]];
    fns[runs[r][0]](&s);
    printf("%d %d", runs[r][0], runs[r][1]);
    for (int k = 0; k < 8; k++) { printf(" "); for (int b = 15; b >= 0; b--) printf("%02x", s.v[k][b]); }
    for (int k = 1; k < 4; k++) printf(" %016llx", (unsigned long long)s.x[k]);
    printf(" %08llx\\n", (unsigned long long)s.fpsr);
  }
  return 0;
}''')
open('h.c', 'w').write('\n'.join(c) + '\n')
r = subprocess.run('aarch64-linux-gnu-gcc -O0 -static -o h h.c h.s', shell=True, capture_output=True, text=True)
if r.returncode: print(r.stderr[:3000]); sys.exit(1)
out = subprocess.run(['qemu-aarch64', './h'], capture_output=True, text=True, check=True).stdout.splitlines()
assert len(out) == len(runs)
res = []
for line in out:
    p = line.split()
    i, k = int(p[0]), int(p[1])
    vs = [int(h, 16) for h in p[2:10]]
    x = [int(h, 16) for h in p[10:13]]
    fpsr = int(p[13], 16)
    s = sets[k]
    dv = {j: vs[j] for j in range(8) if vs[j] != s['v'][j]}
    dx = {j + 1: x[j] for j in range(3) if x[j] != s['x'][j]}
    res.append((i, k, dv, dx, fpsr))
json.dump({'sets': [{'v': [f'{v:032x}' for v in s['v']], 'x': [f'{x:016x}' for x in s['x']], 'fpcr': s['fpcr']} for s in sets],
           'res': [[i, k, {str(j): f'{v:032x}' for j, v in dv.items()}, {str(j): f'{v:016x}' for j, v in dx.items()}, fpsr] for i, k, dv, dx, fpsr in res]},
          open('golden.json', 'w'))
print(len(runs), 'runs')
