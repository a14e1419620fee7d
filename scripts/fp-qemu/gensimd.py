import random, subprocess, re, json, sys
random.seed(20240601)
insns = []
def add(text, kinds): insns.append((text, kinds))
for p, r in (('s','S'),('d','D')):
    for op in ['frecps','frsqrts','fmulx','fcmeq','fcmge','fcmgt','facge','facgt','fabd']:
        add(f'{op} {p}0, {p}1, {p}2', r*2)
add('fcvtxn s0, d1', 'D')
open('all.s','w').write('\n'.join(t for t,_ in insns)+'\n')
subprocess.check_call(['aarch64-linux-gnu-as','-o','all.o','all.s'])
dump = subprocess.check_output(['aarch64-linux-gnu-objdump','-d','all.o']).decode()
words = [int(m.group(1),16) for m in re.finditer(r'^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s', dump, re.M)]
assert len(words) == len(insns), (len(words), len(insns))

def r32(): return random.getrandbits(32)
def genS():
    k = random.randrange(9); sg = random.getrandbits(1) << 31
    if k == 0: return r32()
    if k == 1: return random.choice([0,0x80000000,0x7f800000,0xff800000,0x7fc00000,0x7fa00001,0xffc12345,1,0x807fffff,0x00800000,0x7f7fffff,0x3f800000,0xbf800000,0x3f000000,0x40200000,0xbfc00000,0x4f000000,0x5f000000,0xdf000000,0x4effffff,0xcf000000,0x4f800000])
    if k == 2: return (0x3f800000 + random.randrange(-32,32)) | sg
    if k == 3: return ((random.randrange(117,137))<<23) | random.getrandbits(3) | sg
    if k == 4: return (random.randrange(249,255)<<23) | random.getrandbits(23) | sg
    if k == 5: return (random.randrange(0,30)<<23) | random.getrandbits(23) | sg
    if k == 6: return (random.randrange(120,160)<<23) | (random.getrandbits(23) & ~((1<<random.randrange(23))-1)) | sg
    if k == 7: return ((random.randrange(126,130))<<23) | random.choice([0, 1<<22, 3<<21, 0x7fffff, 0x400001]) | sg
    return (random.randrange(97,157)<<23) | random.getrandbits(23) | sg
def genD():
    k = random.randrange(9); sg = random.getrandbits(1) << 63
    hr = lambda e: (e<<52) | random.getrandbits(52)
    if k == 0: return random.getrandbits(64)
    if k == 1: return random.choice([0,1<<63,0x7ff0000000000000,0xfff0000000000000,0x7ff8000000000000,0x7ff4000000000001,0xfff8000000abcdef,1,0x800fffffffffffff,0x0010000000000000,0x7fefffffffffffff,0x3ff0000000000000,0xbff0000000000000,0x3fe0000000000000,0x4004000000000000,0x41e0000000000000,0x43e0000000000000,0xc3e0000000000000,0x41dfffffffc00000,0xc1e0000000200000,0x43f0000000000000,0x3810000000000000,0x36a0000000000000,0x47efffffe0000000,0x47effffff0000000])
    if k == 2: return (0x3ff0000000000000 + random.randrange(-32,32)) | sg
    if k == 3: return hr(random.randrange(1003,1043)) | sg
    if k == 4: return hr(random.randrange(2017,2047)) | sg
    if k == 5: return hr(random.randrange(0,80)) | sg
    if k == 6: return ((random.randrange(1010,1090))<<52) | (random.getrandbits(52) & ~((1<<random.randrange(52))-1)) | sg
    if k == 7: return hr(random.randrange(880,930)) | sg
    return hr(random.randrange(1,2047)) | sg
def genH():
    k = random.randrange(4)
    if k == 0: return random.getrandbits(16)
    if k == 1: return random.choice([0,0x8000,0x7c00,0xfc00,0x7e00,0x7d01,0x0001,0x03ff,0x0400,0x7bff,0x3c00,0xfe55])
    return (random.randrange(0,32)<<10) | random.getrandbits(10) | (random.getrandbits(1)<<15)
def genI():
    k = random.randrange(5)
    if k == 0: return random.getrandbits(64)
    if k == 1: return random.getrandbits(random.randrange(1,64))
    if k == 2: return (1<<64) - random.getrandbits(random.randrange(1,60))
    if k == 3: return random.choice([0,1,(1<<63),(1<<64)-1,(1<<63)-1,0x7fffffff,0x80000000,0xffffffff,0x100000000,0x7fffffffffffffc0,0x1000001,0x1000003,0x20000000000001])
    return random.getrandbits(random.randrange(1,64)) << random.randrange(0,10)
def gen0(k):
    return {'S':genS,'D':genD,'H':genH,'I':genI}[k]()
def gen(k): return gen0(k) & ((1<<64)-1)
def genFpcr(k):
    if random.random() < 0.35: return 0
    v = random.randrange(4) << 22
    if random.random() < 0.3: v |= 1 << 24
    if random.random() < 0.25: v |= 1 << 25
    if random.random() < 0.5: v |= 1 << 26
    return v

PER = int(sys.argv[1]) if len(sys.argv) > 1 else 28
cases = []
for idx,(text,kinds) in enumerate(insns):
    n = 3 if kinds == '' else PER
    for _ in range(n):
        ops = [gen(k) for k in kinds] + [0]*(3-len(kinds))
        # correlated operands now and then
        if len(kinds) >= 2 and kinds[0] in 'SD' and random.random() < 0.25:
            ops[1] = ops[0] ^ (random.getrandbits(1) << (31 if kinds[0]=='S' else 63))
            if random.random() < 0.5: ops[1] += random.randrange(-2,3)
            ops[1] &= (1<<(32 if kinds[0]=='S' else 64))-1
        if len(kinds) == 3 and random.random() < 0.3:
            # addend close to -(b*c)
            import struct
            if kinds[0]=='D':
                b = struct.unpack('<d', struct.pack('<Q', ops[1]))[0]; c = struct.unpack('<d', struct.pack('<Q', ops[2]))[0]
                try:
                    p = -(b*c)
                    ops[0] = struct.unpack('<Q', struct.pack('<d', p))[0]
                except OverflowError: pass
            else:
                b = struct.unpack('<f', struct.pack('<I', ops[1]))[0]; c = struct.unpack('<f', struct.pack('<I', ops[2]))[0]
                try:
                    ops[0] = struct.unpack('<I', struct.pack('<f', -(b*c)))[0]
                except OverflowError: pass
        cases.append((idx, genFpcr(kinds), ops[0], ops[1], ops[2], random.randrange(16) << 28))

# harness
c = ['#include <stdio.h>', '#include <stdint.h>', 'typedef struct { int insn; uint64_t fpcr, a, b, c, nzcv; } Case;', 'static const Case cases[] = {']
for k in cases: c.append('{%d,0x%xull,0x%xull,0x%xull,0x%xull,0x%xull},' % k)
c.append('};')
for idx,(text,_) in enumerate(insns):
    c.append(f'''static void f{idx}(const uint64_t *in, uint64_t *out) {{
  asm volatile("ldr x13, [%0, #0]\\n ldr x10, [%0, #8]\\n ldr x11, [%0, #16]\\n ldr x12, [%0, #24]\\n ldr x14, [%0, #32]\\n"
   "msr fpcr, x13\\n msr fpsr, xzr\\n msr nzcv, x14\\n fmov d1, x10\\n fmov d2, x11\\n fmov d3, x12\\n"
   "movi v0.2d, #0xffffffffffffffff\\n mov v1.d[1], x12\\n mov x9, #-1\\n"
   "{text}\\n"
   "mrs x15, fpsr\\n mrs x16, nzcv\\n fmov x17, d0\\n mov x19, v0.d[1]\\n msr fpcr, xzr\\n"
   "str x15, [%1, #0]\\n str x16, [%1, #8]\\n str x17, [%1, #16]\\n str x19, [%1, #24]\\n str x9, [%1, #32]\\n"
   : : "r"(in), "r"(out) : "x9","x10","x11","x12","x13","x14","x15","x16","x17","x19","v0","v1","v2","v3","memory","cc");
}}''')
c.append('typedef void (*fn)(const uint64_t*, uint64_t*);')
c.append('static const fn fns[] = {' + ','.join(f'f{i}' for i in range(len(insns))) + '};')
c.append('''int main(void) {
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const Case *k = &cases[i];
    uint64_t in[5] = {k->fpcr, k->a, k->b, k->c, k->nzcv}, out[5];
    fns[k->insn](in, out);
    printf("%u %llx %llx %llx %llx %llx\\n", i, (unsigned long long)out[0], (unsigned long long)out[1], (unsigned long long)out[2], (unsigned long long)out[3], (unsigned long long)out[4]);
  }
  return 0;
}''')
open('h.c','w').write('\n'.join(c))
subprocess.check_call(['aarch64-linux-gnu-gcc','-O1','-static','-o','h','h.c'])
outp = subprocess.check_output(['qemu-aarch64','./h']).decode().split('\n')
rows = []
for line in outp:
    if not line: continue
    i, fpsr, nzcv, d0, v0hi, x9 = line.split()
    k = cases[int(i)]
    rows.append([k[0]] + ['%x' % x for x in (k[1], k[2], k[3], k[4], k[5], int(fpsr,16), int(nzcv,16), int(d0,16), int(v0hi,16), int(x9,16))])
json.dump({'insns': [[t, w] for (t,_),w in zip(insns, words)], 'rows': rows}, open('simd.json','w'))
print(len(insns), len(rows))
