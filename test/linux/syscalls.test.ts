import t from 'tap';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Perm } from '../../src/runtime/memory.js';
import { SYS } from '../../src/runtime/linux/syscall-numbers.js';
import { ERRNO } from '../../src/runtime/linux/errno.js';
import { HostFile } from '../../src/runtime/linux/files.js';
import { getStr, newProcess, putStr, scratch, sys } from './support/helpers.js';

const AT_FDCWD = -100;
const O_RDONLY = 0;
const O_WRONLY = 1;
const O_RDWR = 2;
const O_CREAT = 0o100;
const O_EXCL = 0o200;
const O_TRUNC = 0o1000;
const O_APPEND = 0o2000;
const O_DIRECTORY = 0o40000;
const O_CLOEXEC = 0o2000000;

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jitvisor-linux-'));
}

t.test('write goes to the captured stdout and stderr', (t) => {
  const { p, out, err } = newProcess();
  const buf = scratch(p);
  putStr(p, buf, 'hello, world\n');
  t.equal(sys(p, SYS.write, 1, buf, 13), 13);
  t.equal(sys(p, SYS.write, 2, buf, 5), 5);
  t.equal(out(), 'hello, world\n');
  t.equal(err(), 'hello');
  // writev gathers
  const iov = buf + 0x100;
  p.ua.setU64(iov, buf);
  p.ua.setU64(iov + 8, 5);
  p.ua.setU64(iov + 16, buf + 6);
  p.ua.setU64(iov + 24, 7);
  t.equal(sys(p, SYS.writev, 1, iov, 2), 12);
  t.equal(out(), 'hello, world\nhello world\n');
  t.equal(sys(p, SYS.write, 9, buf, 1), -ERRNO.EBADF, 'bad fd');
  t.equal(sys(p, SYS.write, 0, buf, 1), -ERRNO.EBADF, 'stdin is not writable');
  t.equal(p.syscallCounts.get('write'), 4);
  t.end();
});

t.test('openat, read, lseek, pread, fstat and close on a host file', (t) => {
  const dir = tmpdir();
  const file = path.join(dir, 'data.txt');
  fs.writeFileSync(file, 'abcdefghijklmnopqrstuvwxyz');
  const { p } = newProcess({ cwd: dir });
  const buf = scratch(p);
  putStr(p, buf, 'data.txt');
  const fd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY, 0);
  t.equal(fd, 3, 'lowest free descriptor');
  t.equal(sys(p, SYS.read, fd, buf + 0x100, 5), 5);
  t.equal(getStr(p, buf + 0x100, 5), 'abcde');
  t.equal(sys(p, SYS.lseek, fd, 0, 1), 5, 'SEEK_CUR');
  t.equal(sys(p, SYS.lseek, fd, -3, 2), 23, 'SEEK_END');
  t.equal(sys(p, SYS.read, fd, buf + 0x100, 100), 3);
  t.equal(getStr(p, buf + 0x100, 3), 'xyz');
  t.equal(sys(p, SYS.read, fd, buf + 0x100, 100), 0, 'EOF');
  t.equal(sys(p, SYS.pread64, fd, buf + 0x100, 4, 10), 4);
  t.equal(getStr(p, buf + 0x100, 4), 'klmn');
  t.equal(sys(p, SYS.lseek, fd, 0, 1), 26, 'pread leaves the position alone');
  t.equal(sys(p, SYS.lseek, fd, -100, 0), -ERRNO.EINVAL);
  // fstat: struct stat, aarch64 layout
  const st = buf + 0x200;
  t.equal(sys(p, SYS.fstat, fd, st), 0);
  const host = fs.statSync(file, { bigint: true });
  t.equal(p.ua.u64(st + 8), Number(host.ino), 'st_ino');
  t.equal(p.ua.u32(st + 16), Number(host.mode), 'st_mode');
  t.equal(p.ua.u32(st + 20), 1, 'st_nlink');
  t.equal(p.ua.u64(st + 48), 26, 'st_size');
  t.equal(p.ua.u32(st + 56), Number(host.blksize), 'st_blksize');
  t.equal(p.ua.u64(st + 88), Number(host.mtimeNs / 1_000_000_000n), 'st_mtime');
  t.equal(p.ua.u64(st + 96), Number(host.mtimeNs % 1_000_000_000n), 'st_mtime_nsec');
  // newfstatat by path and by AT_EMPTY_PATH agree
  const st2 = buf + 0x300;
  t.equal(sys(p, SYS.newfstatat, AT_FDCWD, buf, st2, 0), 0);
  t.same(p.ua.read(st2, 128), p.ua.read(st, 128));
  putStr(p, buf + 0x400, '');
  t.equal(sys(p, SYS.newfstatat, fd, buf + 0x400, st2, 0x1000), 0);
  t.same(p.ua.read(st2, 128), p.ua.read(st, 128));
  t.equal(sys(p, SYS.newfstatat, fd, buf + 0x400, st2, 0), -ERRNO.ENOENT, 'empty path without AT_EMPTY_PATH');
  // statx
  const sx = buf + 0x800;
  t.equal(sys(p, SYS.statx, AT_FDCWD, buf, 0, 0x7ff, sx), 0);
  t.equal(p.ua.u32(sx) & 0x7ff, 0x7ff, 'stx_mask basic stats');
  t.equal(p.ua.u64(sx + 40), 26, 'stx_size');
  t.equal(p.ua.read(sx + 28, 2)[0]! | (p.ua.read(sx + 28, 2)[1]! << 8), Number(host.mode), 'stx_mode');
  t.equal(sys(p, SYS.close, fd), 0);
  t.equal(sys(p, SYS.close, fd), -ERRNO.EBADF, 'closed');
  putStr(p, buf, 'missing.txt');
  t.equal(sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY, 0), -ERRNO.ENOENT);
  t.end();
});

t.test('creating, appending, truncating and removing files', (t) => {
  const dir = tmpdir();
  const { p } = newProcess({ cwd: dir });
  const buf = scratch(p);
  putStr(p, buf, 'new.txt');
  putStr(p, buf + 0x100, 'first line\n');
  const fd = sys(p, SYS.openat, AT_FDCWD, buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644);
  t.ok(fd >= 3);
  t.equal(sys(p, SYS.fcntl, fd, 1, 0), 1, 'FD_CLOEXEC set by O_CLOEXEC');
  t.equal(sys(p, SYS.write, fd, buf + 0x100, 11), 11);
  t.equal(sys(p, SYS.openat, AT_FDCWD, buf, O_WRONLY | O_CREAT | O_EXCL, 0o644), -ERRNO.EEXIST);
  t.equal(sys(p, SYS.close, fd), 0);
  const afd = sys(p, SYS.openat, AT_FDCWD, buf, O_WRONLY | O_APPEND, 0);
  t.equal(sys(p, SYS.write, afd, buf + 0x100, 11), 11);
  t.equal(sys(p, SYS.fcntl, afd, 3, 0) & (O_APPEND | 3), O_APPEND | O_WRONLY, 'F_GETFL');
  t.equal(fs.readFileSync(path.join(dir, 'new.txt'), 'utf8'), 'first line\nfirst line\n');
  t.equal(sys(p, SYS.ftruncate, afd, 5), 0);
  t.equal(fs.statSync(path.join(dir, 'new.txt')).size, 5);
  t.equal(sys(p, SYS.close, afd), 0);
  t.equal((fs.statSync(path.join(dir, 'new.txt')).mode & 0o777) & ~0o022, 0o644 & ~0o022, 'mode honours the umask');
  const tfd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDWR | O_TRUNC, 0);
  t.equal(fs.statSync(path.join(dir, 'new.txt')).size, 0, 'O_TRUNC');
  sys(p, SYS.close, tfd);
  putStr(p, buf + 0x200, 'sub');
  t.equal(sys(p, SYS.mkdirat, AT_FDCWD, buf + 0x200, 0o755), 0);
  putStr(p, buf + 0x300, 'sub/moved.txt');
  t.equal(sys(p, SYS.renameat, AT_FDCWD, buf, AT_FDCWD, buf + 0x300), 0);
  t.ok(fs.existsSync(path.join(dir, 'sub/moved.txt')));
  t.equal(sys(p, SYS.unlinkat, AT_FDCWD, buf + 0x200, 0x200), -ERRNO.ENOTEMPTY, 'rmdir of a non-empty directory');
  t.equal(sys(p, SYS.unlinkat, AT_FDCWD, buf + 0x300, 0), 0);
  t.equal(sys(p, SYS.unlinkat, AT_FDCWD, buf + 0x200, 0x200), 0, 'AT_REMOVEDIR');
  t.notOk(fs.existsSync(path.join(dir, 'sub')));
  // symlinks and readlinkat
  putStr(p, buf, 'target-name');
  putStr(p, buf + 0x100, 'link');
  t.equal(sys(p, SYS.symlinkat, buf, AT_FDCWD, buf + 0x100), 0);
  t.equal(sys(p, SYS.readlinkat, AT_FDCWD, buf + 0x100, buf + 0x200, 64), 11);
  t.equal(getStr(p, buf + 0x200, 11), 'target-name');
  t.equal(sys(p, SYS.readlinkat, AT_FDCWD, buf + 0x100, buf + 0x200, 4), 4, 'truncated to the buffer');
  t.equal(sys(p, SYS.faccessat, AT_FDCWD, buf + 0x100, 0), -ERRNO.ENOENT, 'dangling link');
  t.end();
});

t.test('getdents64 lists a directory with resumable offsets', (t) => {
  const dir = tmpdir();
  const names = ['alpha', 'beta', 'gamma-with-a-longer-name', 'delta'];
  for (const n of names) fs.writeFileSync(path.join(dir, n), n);
  fs.mkdirSync(path.join(dir, 'subdir'));
  fs.symlinkSync('alpha', path.join(dir, 'lnk'));
  const { p } = newProcess({ cwd: dir });
  const buf = scratch(p);
  putStr(p, buf, '.');
  const fd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY | O_DIRECTORY, 0);
  t.ok(fd >= 3);
  const seen = new Map<string, { ino: number; type: number; off: number }>();
  const dirp = buf + 0x1000;
  let calls = 0;
  for (;;) {
    // a small buffer forces several calls
    const n = sys(p, SYS.getdents64, fd, dirp, 64);
    t.ok(n >= 0, 'no error');
    if (n === 0) break;
    calls++;
    let at = 0;
    while (at < n) {
      const ino = p.ua.u64(dirp + at);
      const off = p.ua.u64(dirp + at + 8);
      const b = p.ua.read(dirp + at + 16, 3);
      const reclen = b[0]! | (b[1]! << 8);
      const type = b[2]!;
      const name = p.ua.cstring(dirp + at + 19);
      t.equal(reclen % 8, 0, 'reclen is 8-aligned');
      seen.set(name, { ino, type, off });
      at += reclen;
    }
  }
  t.ok(calls > 1, 'resumed across calls');
  t.same([...seen.keys()].sort(), ['.', '..', ...names, 'lnk', 'subdir'].sort());
  t.equal(seen.get('alpha')!.type, 8, 'DT_REG');
  t.equal(seen.get('subdir')!.type, 4, 'DT_DIR');
  t.equal(seen.get('lnk')!.type, 10, 'DT_LNK');
  t.equal(seen.get('.')!.type, 4);
  t.equal(seen.get('beta')!.ino, Number(fs.lstatSync(path.join(dir, 'beta'), { bigint: true }).ino), 'd_ino from lstat');
  t.equal(seen.get('lnk')!.ino, Number(fs.lstatSync(path.join(dir, 'lnk'), { bigint: true }).ino), 'd_ino of the link itself');
  // seek back to an entry's d_off and continue from there
  const third = [...seen.values()].sort((a, b) => a.off - b.off)[2]!;
  t.equal(sys(p, SYS.lseek, fd, third.off, 0), third.off);
  const n = sys(p, SYS.getdents64, fd, dirp, 4096);
  t.equal(p.ua.u64(dirp + 8), third.off + 1, 'continues after the seek');
  t.ok(n > 0);
  t.equal(sys(p, SYS.getdents64, fd, dirp, 8), 0, 'at the end');
  sys(p, SYS.lseek, fd, 0, 0);
  t.equal(sys(p, SYS.getdents64, fd, dirp, 8), -ERRNO.EINVAL, 'buffer too small for one entry');
  putStr(p, buf, 'alpha');
  const ffd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY, 0);
  t.equal(sys(p, SYS.getdents64, ffd, dirp, 4096), -ERRNO.ENOTDIR);
  t.equal(sys(p, SYS.read, fd, dirp, 10), -ERRNO.EISDIR);
  // openat relative to a directory fd
  putStr(p, buf, 'delta');
  const dfd = sys(p, SYS.openat, fd, buf, O_RDONLY, 0);
  t.equal(sys(p, SYS.read, dfd, dirp, 10), 5);
  t.equal(getStr(p, dirp, 5), 'delta');
  t.end();
});

t.test('cwd, chdir, fchdir and /proc/self/exe', (t) => {
  const dir = fs.realpathSync(tmpdir());
  fs.mkdirSync(path.join(dir, 'inner'));
  const { p } = newProcess({ cwd: dir });
  const buf = scratch(p);
  t.equal(sys(p, SYS.getcwd, buf, 4096), dir.length + 1);
  t.equal(getStr(p, buf), dir);
  t.equal(sys(p, SYS.getcwd, buf, 3), -ERRNO.ERANGE);
  putStr(p, buf, 'inner');
  t.equal(sys(p, SYS.chdir, buf), 0);
  sys(p, SYS.getcwd, buf + 0x100, 4096);
  t.equal(getStr(p, buf + 0x100), path.join(dir, 'inner'));
  putStr(p, buf, dir);
  const dfd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY | O_DIRECTORY, 0);
  t.equal(sys(p, SYS.fchdir, dfd), 0);
  sys(p, SYS.getcwd, buf + 0x100, 4096);
  t.equal(getStr(p, buf + 0x100), dir);
  putStr(p, buf, '/proc/self/exe');
  const n = sys(p, SYS.readlinkat, AT_FDCWD, buf, buf + 0x200, 256);
  t.equal(getStr(p, buf + 0x200, n), '/bin/tiny', 'the guest path, not node');
  putStr(p, buf, '/proc/self/maps');
  const mfd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY, 0);
  const len = sys(p, SYS.read, mfd, buf + 0x1000, 0x4000);
  const maps = getStr(p, buf + 0x1000, len);
  t.match(maps, /^00400000-00401000 r-xp 00001000 00:00 0 +\/bin\/tiny$/m, 'text mapping');
  t.match(maps, /\[stack\]$/m, 'stack mapping');
  putStr(p, buf, '/proc/self/cmdline');
  const cfd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY, 0);
  const cl = sys(p, SYS.read, cfd, buf + 0x1000, 100);
  t.equal(getStr(p, buf + 0x1000, cl), '/bin/tiny\0one\0two\0');
  t.end();
});

t.test('brk grows and shrinks the heap', (t) => {
  const { p, space } = newProcess();
  const start = sys(p, SYS.brk, 0);
  t.equal(start, 0x413000, 'starts at the page-aligned end of the image');
  t.equal(sys(p, SYS.brk, start + 0x2100), start + 0x2100);
  t.equal(space.perms(start / 4096), Perm.R | Perm.W);
  t.equal(space.perms(start / 4096 + 2), Perm.R | Perm.W);
  t.equal(space.perms(start / 4096 + 3), undefined);
  p.ua.write(start + 0x2000, new Uint8Array([42]));
  t.equal(sys(p, SYS.brk, start + 0x1000), start + 0x1000, 'shrink');
  t.equal(space.perms(start / 4096 + 1), undefined, 'pages above the break are gone');
  t.equal(sys(p, SYS.brk, start - 0x1000), start + 0x1000, 'below the start: unchanged');
  t.equal(sys(p, SYS.brk, 0), start + 0x1000);
  // an mmap in the way stops the heap
  t.equal(sys(p, SYS.mmap, start + 0x5000, 0x1000, 3, 0x32, -1, 0), start + 0x5000);
  t.equal(sys(p, SYS.brk, start + 0x8000), start + 0x1000, 'cannot grow over a mapping');
  t.end();
});

t.test('mmap, mprotect, munmap and mremap', (t) => {
  const { p, space } = newProcess();
  const PROT_RW = 3;
  const MAP_PRIVATE_ANON = 0x22;
  const a = sys(p, SYS.mmap, 0, 0x3000, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
  t.ok(a > 0x10000 && a < 0x7f00_0000_0000 && a % 4096 === 0, `placed top-down: 0x${a.toString(16)}`);
  const b = sys(p, SYS.mmap, 0, 0x1000, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
  t.equal(b, a - 0x1000, 'next mapping right below');
  t.equal(space.perms(a / 4096), Perm.R | Perm.W);
  t.equal(p.ua.u32(a + 0x2ffc), 0, 'anonymous memory is zero');
  p.ua.setU32(a + 0x1000, 0xdeadbeef);
  t.equal(sys(p, SYS.mprotect, a + 0x1000, 0x1000, 1), 0);
  t.equal(space.perms(a / 4096 + 1), Perm.R, 'read-only now');
  t.equal(sys(p, SYS.write, 1, a + 0x1000, 4), 4, 'readable');
  t.equal(sys(p, SYS.read, 0, a + 0x1000, 4), -ERRNO.EFAULT, 'not writable by the kernel either');
  t.equal(sys(p, SYS.mprotect, a + 0x1000, 0x1000, 0), 0);
  t.equal(space.perms(a / 4096 + 1), 0, 'PROT_NONE');
  t.equal(sys(p, SYS.mprotect, a + 0x1000, 0x1000, 3), 0);
  t.equal(p.ua.u32(a + 0x1000), 0xdeadbeef, 'contents survive mprotect');
  t.equal(sys(p, SYS.mprotect, a + 1, 0x1000, 1), -ERRNO.EINVAL, 'unaligned');
  t.equal(sys(p, SYS.mprotect, 0x1000_0000, 0x1000, 1), -ERRNO.ENOMEM, 'unmapped');
  t.equal(sys(p, SYS.mmap, 0, 0, PROT_RW, MAP_PRIVATE_ANON, -1, 0), -ERRNO.EINVAL, 'zero length');
  t.equal(sys(p, SYS.mmap, 0, 0x1000, PROT_RW, 0x20, -1, 0), -ERRNO.EINVAL, 'neither shared nor private');
  t.equal(sys(p, SYS.mmap, 0, 0x1000, PROT_RW, 0x2, 99, 0), -ERRNO.EBADF, 'file mapping of a bad fd');
  // MAP_FIXED replaces, MAP_FIXED_NOREPLACE refuses
  t.equal(sys(p, SYS.mmap, a, 0x1000, PROT_RW, MAP_PRIVATE_ANON | 0x100000, -1, 0), -ERRNO.EEXIST);
  t.equal(sys(p, SYS.mmap, a + 0x1000, 0x1000, PROT_RW, MAP_PRIVATE_ANON | 0x10, -1, 0), a + 0x1000);
  t.equal(p.ua.u32(a + 0x1000), 0, 'MAP_FIXED gives fresh zero pages');
  t.equal(sys(p, SYS.mmap, 0x2000_0000, 0x1000, PROT_RW, MAP_PRIVATE_ANON, -1, 0), 0x2000_0000, 'a free hint is honoured');
  // munmap
  t.equal(sys(p, SYS.munmap, a + 0x1000, 0x1000), 0);
  t.equal(space.perms(a / 4096 + 1), undefined);
  t.equal(space.perms(a / 4096), Perm.R | Perm.W, 'neighbours stay');
  t.equal(sys(p, SYS.munmap, a + 0x1000, 0x1000), 0, 'unmapping a hole is fine');
  t.equal(sys(p, SYS.munmap, a + 1, 0x1000), -ERRNO.EINVAL);
  // mremap: grow in place, then move
  const c = sys(p, SYS.mmap, 0, 0x2000, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
  p.ua.setU32(c, 0x1234);
  t.equal(sys(p, SYS.mremap, c, 0x2000, 0x1000, 0, 0), c, 'shrink in place');
  t.equal(space.perms(c / 4096 + 1), undefined);
  t.equal(sys(p, SYS.mremap, c, 0x1000, 0x2000, 0, 0), c, 'grow in place into the hole');
  const d = sys(p, SYS.mmap, c + 0x2000, 0x1000, PROT_RW, MAP_PRIVATE_ANON | 0x10, -1, 0);
  t.equal(d, c + 0x2000);
  t.equal(sys(p, SYS.mremap, c, 0x2000, 0x10000, 0, 0), -ERRNO.ENOMEM, 'blocked without MREMAP_MAYMOVE');
  const e = sys(p, SYS.mremap, c, 0x2000, 0x10000, 1, 0);
  t.ok(e > 0 && e !== c, 'moved');
  t.equal(p.ua.u32(e), 0x1234, 'contents moved');
  t.equal(space.perms(c / 4096), undefined, 'old range unmapped');
  t.equal(space.perms(e / 4096 + 15), Perm.R | Perm.W, 'new tail mapped');
  t.equal(sys(p, SYS.madvise, e, 0x1000, 4), 0, 'MADV_DONTNEED');
  t.equal(p.ua.u32(e), 0, 'zero after MADV_DONTNEED');
  t.end();
});

t.test('PROT_NONE reservations take no RAM until made accessible', (t) => {
  const { p, space } = newProcess({}, 16 << 20);
  const before = space.framesLeft();
  const big = sys(p, SYS.mmap, 0, 1 << 30, 0, 0x4022, -1, 0); // 1 GiB PROT_NONE, MAP_NORESERVE
  t.ok(big > 0, 'reserved 1 GiB with 16 MiB of RAM');
  t.equal(space.framesLeft(), before, 'no frames used');
  t.equal(sys(p, SYS.mprotect, big + 0x10000, 0x2000, 3), 0);
  t.equal(space.framesLeft(), before - 2, 'two pages materialised');
  p.ua.setU32(big + 0x10000, 7);
  t.equal(p.ua.u32(big + 0x10000), 7);
  const r = p.deliverSignal(11, { code: 1, addr: BigInt(big) });
  t.same(r, { kind: 'exit', code: 139 });
  t.equal(p.signals.fatalInfo!.code, 2, 'a fault in a reserved page is SEGV_ACCERR');
  t.end();
});

t.test('file-backed mmap copies the file; MAP_SHARED writes back', (t) => {
  const dir = tmpdir();
  const file = path.join(dir, 'm.bin');
  const content = Buffer.alloc(0x1800);
  for (let i = 0; i < content.length; i++) content[i] = i & 0xff;
  fs.writeFileSync(file, content);
  const { p } = newProcess({ cwd: dir });
  const buf = scratch(p);
  putStr(p, buf, 'm.bin');
  const fd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDWR, 0);
  const m = sys(p, SYS.mmap, 0, 0x1000, 1, 2, fd, 0x1000);
  t.ok(m > 0);
  t.equal(p.ua.read(m, 1)[0], 0, 'offset 0x1000 -> byte 0x00');
  t.equal(p.ua.read(m + 0x7ff, 1)[0], 0xff);
  t.equal(p.ua.read(m + 0x800, 1)[0], 0, 'past end of file: zero');
  t.equal(sys(p, SYS.mmap, 0, 0x1000, 1, 2, fd, 0x123), -ERRNO.EINVAL, 'unaligned offset');
  const s = sys(p, SYS.mmap, 0, 0x2000, 3, 1, fd, 0);
  p.ua.write(s + 3, new Uint8Array([0xee, 0xee]));
  t.equal(sys(p, SYS.msync, s, 0x2000, 4), 0);
  const after = fs.readFileSync(file);
  t.equal(after[3], 0xee, 'msync wrote back');
  t.equal(after.length, 0x1800, 'the file does not grow');
  p.ua.write(s + 0x10, new Uint8Array([0x77]));
  t.equal(sys(p, SYS.close, fd), 0, 'closing the fd keeps the mapping');
  t.equal(sys(p, SYS.munmap, s, 0x2000), 0);
  t.equal(fs.readFileSync(file)[0x10], 0x77, 'munmap wrote back');
  t.end();
});

t.test('pipes, dup3, fcntl', (t) => {
  const { p } = newProcess();
  const buf = scratch(p);
  t.equal(sys(p, SYS.pipe2, buf, O_CLOEXEC), 0);
  const r = p.ua.i32(buf);
  const w = p.ua.i32(buf + 4);
  t.equal([r, w].join(), '3,4');
  putStr(p, buf + 0x100, 'through the pipe');
  t.equal(sys(p, SYS.write, w, buf + 0x100, 16), 16);
  t.equal(sys(p, SYS.ioctl, r, 0x541b, buf + 0x200), 0, 'FIONREAD');
  t.equal(p.ua.u32(buf + 0x200), 16);
  t.equal(sys(p, SYS.read, r, buf + 0x300, 7), 7);
  t.equal(getStr(p, buf + 0x300, 7), 'through');
  const d = sys(p, SYS.dup3, r, 10, 0);
  t.equal(d, 10);
  t.equal(sys(p, SYS.fcntl, 10, 1, 0), 0, 'dup3 without O_CLOEXEC');
  t.equal(sys(p, SYS.dup3, r, r, 0), -ERRNO.EINVAL);
  t.equal(sys(p, SYS.read, 10, buf + 0x300, 100), 9, 'the duplicate shares the pipe');
  t.equal(sys(p, SYS.fcntl, r, 4, 0o4000), 0, 'F_SETFL O_NONBLOCK');
  t.equal(sys(p, SYS.read, r, buf + 0x300, 100), -ERRNO.EAGAIN, 'empty non-blocking pipe');
  t.equal(sys(p, SYS.fcntl, w, 0, 20), 20, 'F_DUPFD');
  t.equal(sys(p, SYS.fcntl, w, 1030, 0), 5, 'F_DUPFD_CLOEXEC lowest');
  t.equal(sys(p, SYS.fcntl, 5, 1, 0), 1);
  t.equal(sys(p, SYS.fcntl, w, 1032, 0), 65536, 'F_GETPIPE_SZ');
  for (const fd of [w, 20, 5]) sys(p, SYS.close, fd);
  t.equal(sys(p, SYS.read, r, buf + 0x300, 100), 0, 'EOF once every writer is closed');
  const p2 = buf + 0x400;
  sys(p, SYS.pipe2, p2, 0);
  sys(p, SYS.close, p.ua.i32(p2));
  t.ok(Number.isNaN(sys(p, SYS.write, p.ua.i32(p2 + 4), buf, 1)), 'writing to a broken pipe raises SIGPIPE, which kills');
  t.equal(p.fatalSignal, 13);
  t.equal(p.exitCode, 128 + 13);
  t.end();
});

t.test('ioctl on captured and host descriptors', (t) => {
  const { p } = newProcess();
  const buf = scratch(p);
  t.equal(sys(p, SYS.ioctl, 1, 0x5401, buf), -ERRNO.ENOTTY, 'TCGETS on a captured stdout');
  t.equal(sys(p, SYS.ioctl, 1, 0x5413, buf), -ERRNO.ENOTTY, 'TIOCGWINSZ');
  t.equal(sys(p, SYS.ioctl, 1, 0x1234, buf), -ERRNO.ENOTTY, 'unknown request');
  t.equal(sys(p, SYS.ioctl, 77, 0x5401, buf), -ERRNO.EBADF);
  t.end();
});

t.test('identity, uname, time, randomness and limits', (t) => {
  const { p } = newProcess();
  const buf = scratch(p);
  t.equal(sys(p, SYS.getpid), p.pid);
  t.equal(sys(p, SYS.gettid), p.pid);
  t.equal(sys(p, SYS.getppid), p.ppid);
  t.equal(sys(p, SYS.getuid), p.uid);
  t.equal(sys(p, SYS.set_tid_address, buf), p.pid);
  t.equal(sys(p, SYS.set_robust_list, buf, 24), 0);
  t.equal(sys(p, SYS.rseq, buf, 32, 0, 0), -ERRNO.ENOSYS);
  t.equal(p.unknownSyscalls.size, 0, 'rseq is known, just unsupported');
  t.equal(sys(p, SYS.uname, buf), 0);
  t.equal(getStr(p, buf), 'Linux');
  t.equal(getStr(p, buf + 65), 'jitvisor');
  t.equal(getStr(p, buf + 130), '6.1.0');
  t.equal(getStr(p, buf + 260), 'aarch64');
  t.equal(sys(p, SYS.clock_gettime, 0, buf), 0);
  const now = Date.now() / 1000;
  t.ok(Math.abs(p.ua.u64(buf) - now) < 5, 'CLOCK_REALTIME is the host time');
  t.ok(p.ua.u64(buf + 8) < 1e9);
  sys(p, SYS.clock_gettime, 1, buf);
  const m1 = p.ua.u64(buf) * 1e9 + p.ua.u64(buf + 8);
  t.equal(sys(p, SYS.nanosleep, putTimespec(p, buf + 0x100, 0, 20_000_000), 0), 0);
  sys(p, SYS.clock_gettime, 1, buf);
  const m2 = p.ua.u64(buf) * 1e9 + p.ua.u64(buf + 8);
  t.ok(m2 - m1 >= 19_000_000, `nanosleep really sleeps (${(m2 - m1) / 1e6} ms)`);
  t.equal(sys(p, SYS.nanosleep, putTimespec(p, buf + 0x100, 0, 2e9), 0), -ERRNO.EINVAL, 'tv_nsec out of range');
  t.equal(sys(p, SYS.clock_gettime, 99, buf), -ERRNO.EINVAL);
  t.equal(sys(p, SYS.gettimeofday, buf, 0), 0);
  t.ok(p.ua.u64(buf + 8) < 1e6, 'tv_usec');
  t.equal(sys(p, SYS.getrandom, buf, 16, 0), 16);
  const r1 = Buffer.from(p.ua.read(buf, 16)).toString('hex');
  const q = newProcess().p;
  const qb = scratch(q);
  sys(q, SYS.getrandom, qb, 16, 0);
  t.equal(Buffer.from(q.ua.read(qb, 16)).toString('hex'), r1, 'getrandom is deterministic from the seed');
  t.equal(sys(p, SYS.prlimit64, 0, 3, 0, buf), 0);
  t.equal(p.ua.u64(buf), 256 * 1024, 'RLIMIT_STACK is the stack size');
  t.equal(sys(p, SYS.getrlimit, 7, buf), 0);
  t.equal(p.ua.u64(buf), 1024, 'RLIMIT_NOFILE');
  t.equal(sys(p, SYS.sched_getaffinity, 0, 128, buf), 8);
  t.equal(p.ua.u64(buf), 1, 'one CPU');
  t.equal(sys(p, SYS.sysinfo, buf), 0);
  t.equal(p.ua.u64(buf + 32), 64 << 20, 'totalram is the guest RAM');
  t.equal(sys(p, SYS.umask, 0o077), 0o022);
  t.equal(sys(p, SYS.umask, 0o022), 0o077);
  t.equal(sys(p, SYS.getcpu, buf, buf + 4, 0), 0);
  t.equal(sys(p, SYS.membarrier, 0, 0) & 1, 1, 'MEMBARRIER_CMD_QUERY');
  t.end();
});

function putTimespec(p: ReturnType<typeof newProcess>['p'], addr: number, sec: number, nsec: number): number {
  p.ua.setU64(addr, sec);
  p.ua.setU64(addr + 8, nsec);
  return addr;
}

t.test('futex on a single thread', (t) => {
  const { p } = newProcess();
  const buf = scratch(p);
  p.ua.setU32(buf, 5);
  t.equal(sys(p, SYS.futex, buf, 0x80, 6, 0), -ERRNO.EAGAIN, 'FUTEX_WAIT with a stale value');
  const ts = putTimespec(p, buf + 0x100, 0, 5_000_000);
  t.equal(sys(p, SYS.futex, buf, 0x80, 5, ts), -ERRNO.ETIMEDOUT, 'FUTEX_WAIT times out');
  t.equal(sys(p, SYS.futex, buf, 0x81, 1), 0, 'FUTEX_WAKE: nobody to wake');
  t.equal(sys(p, SYS.futex, buf + 2, 0x81, 1), -ERRNO.EINVAL, 'unaligned');
  t.equal(sys(p, SYS.futex, 0x10, 0x80, 5, 0), -ERRNO.EFAULT, 'bad address');
  t.end();
});

t.test('unknown syscalls and bad pointers', (t) => {
  const { p } = newProcess();
  t.equal(sys(p, 4000), -ERRNO.ENOSYS);
  t.equal(sys(p, 4000), -ERRNO.ENOSYS);
  t.equal(sys(p, 220, 0x11, 0), -ERRNO.ENOSYS, 'clone is not implemented');
  t.equal(p.unknownSyscalls.get(4000), 2, 'counted');
  t.equal(p.unknownSyscalls.get(220), 1);
  t.equal(p.syscallCounts.get('syscall_4000'), 2);
  t.equal(p.syscallCounts.get('clone'), 1);
  t.equal(sys(p, SYS.write, 1, 0x1234, 10), -ERRNO.EFAULT, 'write from an unmapped buffer');
  t.equal(sys(p, SYS.read, 0, 0x400000, 10), -ERRNO.EFAULT, 'read into read-only text');
  t.equal(sys(p, SYS.openat, AT_FDCWD, 0, 0, 0), -ERRNO.EFAULT, 'NULL path');
  t.equal(sys(p, SYS.fstat, 1, 0xdead0000), -ERRNO.EFAULT);
  t.equal(sys(p, SYS.uname, 2n ** 63n), -ERRNO.EFAULT, 'a kernel address');
  t.equal(sys(p, SYS.clock_gettime, 0, 0x7fff_ffff_fff8), -ERRNO.EFAULT, 'straddling the end of the stack');
  t.equal(sys(p, SYS.writev, 1, 0x400000, 2000), -ERRNO.EINVAL, 'too many iovecs');
  t.end();
});

t.test('exit and exit_group end the process', (t) => {
  const { p } = newProcess();
  p.cpu.setX(8, BigInt(SYS.exit_group));
  p.cpu.setX(0, 0x1234n);
  t.same(p.syscall(), { kind: 'exit', code: 0x34 }, 'the status is truncated to 8 bits');
  t.equal(p.exitCode, 0x34);
  t.equal(p.fatalSignal, undefined);
  t.same(p.syscall(), { kind: 'exit', code: 0x34 }, 'stays exited');
  t.end();
});

t.test('strace-like tracing', (t) => {
  const lines: string[] = [];
  const { p } = newProcess({ strace: (l) => lines.push(l) });
  sys(p, SYS.close, 42);
  sys(p, SYS.getpid);
  t.match(lines[0], /^close\(42, .*\) = -1 EBADF$/);
  t.match(lines[1], /^getpid\(.*\) = 4242$/);
  t.end();
});

t.test('utimensat, linkat, fchmodat, statfs and faccessat', (t) => {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'f'), 'x');
  const { p } = newProcess({ cwd: dir });
  const buf = scratch(p);
  putStr(p, buf, 'f');
  // times: atime = 1000.5 s, mtime = UTIME_OMIT
  p.ua.setU64(buf + 0x100, 1000);
  p.ua.setU64(buf + 0x108, 500_000_000);
  p.ua.setU64(buf + 0x110, 0);
  p.ua.setU64(buf + 0x118, (1 << 30) - 2);
  const mtimeBefore = fs.statSync(path.join(dir, 'f')).mtimeMs;
  t.equal(sys(p, SYS.utimensat, AT_FDCWD, buf, buf + 0x100, 0), 0);
  const st = fs.statSync(path.join(dir, 'f'));
  t.equal(Math.round(st.atimeMs), 1000500, 'atime set');
  t.equal(Math.round(st.mtimeMs), Math.round(mtimeBefore), 'mtime omitted');
  putStr(p, buf + 0x200, 'g');
  t.equal(sys(p, SYS.linkat, AT_FDCWD, buf, AT_FDCWD, buf + 0x200, 0), 0);
  t.equal(fs.statSync(path.join(dir, 'g')).nlink, 2);
  t.equal(sys(p, SYS.fchmodat, AT_FDCWD, buf + 0x200, 0o600), 0);
  t.equal(fs.statSync(path.join(dir, 'f')).mode & 0o777, 0o600);
  t.equal(sys(p, SYS.faccessat, AT_FDCWD, buf, 4), 0, 'R_OK');
  putStr(p, buf + 0x300, 'nope');
  t.equal(sys(p, SYS.faccessat, AT_FDCWD, buf + 0x300, 0), -ERRNO.ENOENT);
  t.equal(sys(p, SYS.faccessat2, AT_FDCWD, buf, 0, 0x100), 0, 'AT_SYMLINK_NOFOLLOW');
  t.equal(sys(p, SYS.faccessat, AT_FDCWD, buf, 8), -ERRNO.EINVAL, 'bad mode');
  t.equal(sys(p, SYS.statfs, buf, buf + 0x400), 0);
  t.ok(p.ua.u64(buf + 0x400 + 8) > 0, 'f_bsize');
  t.equal(sys(p, SYS.truncate, buf, 100), 0);
  t.equal(fs.statSync(path.join(dir, 'f')).size, 100);
  t.equal(sys(p, SYS.fchownat, AT_FDCWD, buf, -1, -1, 0), 0, 'chown to -1/-1 changes nothing');
  t.equal(sys(p, SYS.fchownat, AT_FDCWD, buf, -5, -1, 0), -ERRNO.EINVAL, 'host argument validation is EINVAL, not a crash');
  t.end();
});

t.test('/proc/self and /dev/fd describe the guest', (t) => {
  const { p } = newProcess();
  const buf = scratch(p);
  putStr(p, buf, '/proc/self/fd');
  const fd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY | O_DIRECTORY, 0);
  const n = sys(p, SYS.getdents64, fd, buf + 0x1000, 4096);
  const names: string[] = [];
  for (let at = 0; at < n; ) {
    names.push(p.ua.cstring(buf + 0x1000 + at + 19));
    at += p.ua.read(buf + 0x1000 + at + 16, 1)[0]! | (p.ua.read(buf + 0x1000 + at + 17, 1)[0]! << 8);
  }
  t.same(names, ['.', '..', '0', '1', '2', String(fd)]);
  putStr(p, buf, '/dev/fd/1');
  t.equal(sys(p, SYS.readlinkat, AT_FDCWD, buf, buf + 0x100, 100), 'pipe:[stdout]'.length);
  putStr(p, buf, '/proc/self/fd/77');
  t.equal(sys(p, SYS.readlinkat, AT_FDCWD, buf, buf + 0x100, 100), -ERRNO.ENOENT, 'closed descriptor');
  putStr(p, buf, '/dev/stdout');
  const out = sys(p, SYS.openat, AT_FDCWD, buf, O_WRONLY, 0);
  t.ok(out > 2, 'opening /dev/stdout gives a new descriptor for the same file');
  putStr(p, buf, '/proc/meminfo');
  const mfd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY, 0);
  const len = sys(p, SYS.read, mfd, buf + 0x1000, 4096);
  t.match(getStr(p, buf + 0x1000, len), /^MemTotal: +65536 kB$/m, 'the guest RAM');
  putStr(p, buf, '/dev/urandom');
  const rfd = sys(p, SYS.openat, AT_FDCWD, buf, O_RDONLY, 0);
  t.equal(sys(p, SYS.read, rfd, buf + 0x100, 32), 32);
  const q = newProcess().p;
  const qb = scratch(q);
  putStr(q, qb, '/dev/urandom');
  sys(q, SYS.read, sys(q, SYS.openat, AT_FDCWD, qb, O_RDONLY, 0), qb + 0x100, 32);
  t.same(q.ua.read(qb + 0x100, 32), p.ua.read(buf + 0x100, 32), '/dev/urandom is the seeded stream');
  t.end();
});

t.test('ppoll and pselect6', (t) => {
  const { p } = newProcess();
  const buf = scratch(p);
  sys(p, SYS.pipe2, buf, 0);
  const r = p.ua.i32(buf);
  const w = p.ua.i32(buf + 4);
  const pfd = buf + 0x100;
  p.ua.write(pfd, new Uint8Array(16));
  p.ua.setU32(pfd, r);
  p.ua.write(pfd + 4, new Uint8Array([1, 0])); // POLLIN
  p.ua.setU32(pfd + 8, w);
  p.ua.write(pfd + 12, new Uint8Array([4, 0])); // POLLOUT
  p.ua.setU64(buf + 0x200, 0);
  p.ua.setU64(buf + 0x208, 1_000_000);
  t.equal(sys(p, SYS.ppoll, pfd, 2, buf + 0x200, 0, 8), 1, 'only the write end is ready');
  t.equal(p.ua.read(pfd + 6, 1)[0], 0);
  t.equal(p.ua.read(pfd + 14, 1)[0], 4);
  sys(p, SYS.write, w, buf, 1);
  t.equal(sys(p, SYS.ppoll, pfd, 2, buf + 0x200, 0, 8), 2);
  t.equal(p.ua.read(pfd + 6, 1)[0], 1, 'POLLIN');
  // select on the read end
  p.ua.write(buf + 0x300, new Uint8Array(8));
  p.ua.write(buf + 0x300, new Uint8Array([1 << r]));
  t.equal(sys(p, SYS.pselect6, r + 1, buf + 0x300, 0, 0, buf + 0x200, 0), 1);
  t.equal(p.ua.read(buf + 0x300, 1)[0], 1 << r);
  sys(p, SYS.read, r, buf + 0x400, 1);
  t.equal(sys(p, SYS.pselect6, r + 1, buf + 0x300, 0, 0, buf + 0x200, 0), 0, 'times out when empty');
  t.equal(p.ua.read(buf + 0x300, 1)[0], 0);
  p.ua.write(buf + 0x300, new Uint8Array([1 << 6]));
  t.equal(sys(p, SYS.pselect6, 7, buf + 0x300, 0, 0, buf + 0x200, 0), -ERRNO.EBADF, 'a closed descriptor in the set');
  t.end();
});

t.test('memory map bookkeeping: partial unmaps, reservations, mremap of reserved ranges', (t) => {
  const { p, space } = newProcess();
  const a = sys(p, SYS.mmap, 0, 0x10000, 0, 0x22, -1, 0); // PROT_NONE reservation
  t.equal(sys(p, SYS.mprotect, a + 0x4000, 0x4000, 3), 0);
  t.equal(sys(p, SYS.munmap, a + 0x2000, 0x4000), 0, 'unmap across a reserved/materialised boundary');
  t.equal(space.perms(a / 4096 + 5), undefined);
  t.equal(space.perms(a / 4096 + 6), Perm.R | Perm.W);
  t.equal(p.mm.find(a / 4096 + 1)?.lazy, true, 'the head is still reserved');
  t.equal(p.mm.find(a / 4096 + 3), undefined, 'the hole is free');
  const b = sys(p, SYS.mremap, a + 0x6000, 0x2000, 0x20000, 1, 0);
  t.ok(b > 0, 'moved');
  t.equal(space.perms(b / 4096), Perm.R | Perm.W);
  t.equal(space.perms(b / 4096 + 0x1f), Perm.R | Perm.W, 'grown with the same permissions');
  const maps = p.procFile('maps')!.toString();
  t.match(maps, new RegExp(`^${a.toString(16).padStart(8, '0')}-${(a + 0x2000).toString(16).padStart(8, '0')} ---p`, 'm'));
  t.equal(sys(p, SYS.mmap, 0, 2 ** 47, 3, 0x22, -1, 0), -ERRNO.ENOMEM, 'more RAM than exists');
  t.end();
});

t.test('a borrowed stdin file keeps its shared offset in step (head; cat) < file', { skip: process.platform !== 'linux' && 'needs /proc/self/fdinfo' }, (t) => {
  const dir = tmpdir();
  const file = path.join(dir, 'in.txt');
  fs.writeFileSync(file, 'line1\nline2\nline3\n');
  const hostFd = fs.openSync(file, 'r');
  const offset = () => Number(/^pos:\s*(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${hostFd}`, 'utf8'))![1]);
  const f = new HostFile(file, O_RDONLY, hostFd, false);
  f.retain();
  t.equal(Buffer.from(f.read(100)).toString(), 'line1\nline2\nline3\n', 'reads ahead like a buffered reader');
  t.equal(f.seek(-12, 1), 6, 'then seeks back to the end of the first line');
  t.equal(offset(), 0, 'the host offset has not moved yet');
  f.release();
  t.equal(offset(), 6, 'letting go moves the host offset to where the guest left it');
  t.equal(fs.readSync(hostFd, Buffer.alloc(6), 0, 6, null), 6, 'the next process reads on from there');
  fs.closeSync(hostFd);
  t.end();
});
