import json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import C
flat = [(id, a) for id, lst in C.items() for a in lst]
open('all.s', 'w').write('\n'.join(a for _, a in flat) + '\n')
r = subprocess.run(['aarch64-linux-gnu-as', 'all.s', '-o', 'all.o'], capture_output=True, text=True)
if r.returncode:
    print(r.stderr[:5000]); sys.exit(1)
subprocess.run(['aarch64-linux-gnu-objcopy', '-O', 'binary', '-j', '.text', 'all.o', 'all.bin'], check=True)
data = open('all.bin', 'rb').read()
words = [int.from_bytes(data[4*i:4*i+4], 'little') for i in range(len(flat))]
assert len(data) == 4 * len(flat)
json.dump([[id, a, w] for (id, a), w in zip(flat, words)], open('words.json', 'w'))
print(len(flat))
