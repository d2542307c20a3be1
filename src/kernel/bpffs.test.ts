/** Pinning, bpffs paths, fd numbering and map lifetime (spec 10, 1.2). */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { Errno, MapFlag, MapType } from './uapi'

const { EEXIST, EPERM, ENOENT, EINVAL, EACCES, EFAULT, ENOTDIR } = Errno

function boot() {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
  return { k, p: new TestProc(k) }
}

describe('BPF_OBJ_PIN (10.1)', () => {
  it('the table', () => {
    const { k, p } = boot()
    const fd = p.bpf_map_create(MapType.HASH, 'm', 4, 4, 8)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/my_map')).toBe(0)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/my_map')).toBe(-EEXIST)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf')).toBe(-EEXIST)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/')).toBe(-EEXIST)
    expect(p.bpf_obj_pin(fd, '/')).toBe(-EEXIST)
    expect(p.bpf_obj_pin(fd, '/tmp')).toBe(-EEXIST)
    expect(p.bpf_obj_pin(fd, '/etc/passwd')).toBe(-EEXIST)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/my.map')).toBe(-EPERM)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/nodir/x')).toBe(-ENOENT)
    expect(p.bpf_obj_pin(fd, '/tmp/my_map')).toBe(-EPERM)
    expect(p.bpf_obj_pin(fd, 'my_map')).toBe(-EPERM) // relative: resolved in the cwd (/root)
    expect(p.bpf_obj_pin(fd, '')).toBe(-ENOENT)
    expect(p.bpf_obj_pin(fd, 0)).toBe(-EFAULT)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/x', 1)).toBe(-EINVAL)
    expect(p.bpf_obj_pin(99, '/sys/fs/bpf/x')).toBe(-EINVAL)
    expect(p.bpf_obj_pin(0, '/sys/fs/bpf/x')).toBe(-EINVAL)
    expect(p.bpf_obj_pin(fd, '/etc/passwd/x')).toBe(-ENOTDIR)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/second')).toBe(0)
    expect(k.bpffs().map((e) => e.path)).toEqual(['/sys/fs/bpf', '/sys/fs/bpf/my_map', '/sys/fs/bpf/second'])
    expect(k.maps()[0].pins).toEqual(['/sys/fs/bpf/my_map', '/sys/fs/bpf/second'])
  })

  it('subdirectories: mkdir, dots, rename, rmdir', () => {
    const { k, p } = boot()
    const fd = p.bpf_map_create(MapType.HASH, 'm', 4, 4, 8)
    expect(k.sysMkdir(p.pid, '/sys/fs/bpf/tc')).toBe(0)
    expect(k.sysMkdir(p.pid, '/sys/fs/bpf/tc')).toBe(-EEXIST)
    expect(k.sysMkdir(p.pid, '/sys/fs/bpf/a.b')).toBe(-EPERM)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/tc/globals')).toBe(0)
    expect(p.bpf_obj_get('/sys/fs/bpf/tc')).toBe(-EACCES)
    expect(p.bpf_obj_get('/sys/fs/bpf/tc/globals')).toBe(4)
    expect(k.sysRename(p.pid, '/sys/fs/bpf/tc/globals', '/sys/fs/bpf/tc/renamed')).toBe(0)
    expect(p.bpf_obj_get('/sys/fs/bpf/tc/globals')).toBe(-ENOENT)
    expect(p.bpf_obj_get('/sys/fs/bpf/tc/renamed')).toBe(5)
    expect(k.sysRmdir(p.pid, '/sys/fs/bpf/tc')).toBe(-Errno.ENOTEMPTY)
    expect(k.sysUnlink(p.pid, '/sys/fs/bpf/tc/renamed')).toBe(0)
    expect(k.sysRmdir(p.pid, '/sys/fs/bpf/tc')).toBe(0)
    expect(k.sysRmdir(p.pid, '/sys/fs/bpf')).toBe(-Errno.EBUSY)
    expect(k.sysMkdir(p.pid, '/tmp/work')).toBe(0)
    expect(p.bpf_obj_pin(fd, '/tmp/work/m')).toBe(-EPERM)
  })
})

describe('BPF_OBJ_GET (10.2)', () => {
  it('the table', () => {
    const { p } = boot()
    const fd = p.bpf_map_create(MapType.HASH, 'm', 4, 4, 8)
    p.put(fd, 5, 500)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/m')).toBe(0)
    const fd2 = p.bpf_obj_get('/sys/fs/bpf/m')
    expect(fd2).toBe(4)
    expect(p.info(fd2).id).toBe(p.info(fd).id)
    expect(p.get(fd2, 5)).toBe(500)
    expect(p.bpf_obj_get('/sys/fs/bpf/missing')).toBe(-ENOENT)
    expect(p.bpf_obj_get('/sys/fs/bpf/x.y')).toBe(-EPERM)
    expect(p.bpf_obj_get('/sys/fs/bpf')).toBe(-EACCES)
    expect(p.bpf_obj_get('/etc/passwd')).toBe(-EACCES)
    expect(p.bpf_obj_get('/tmp')).toBe(-EACCES)
    expect(p.bpf_obj_get('/sys/fs/bpf/m', MapFlag.RDONLY | MapFlag.WRONLY)).toBe(-EINVAL)
    expect(p.bpf_obj_get('/sys/fs/bpf/m', 0x20)).toBe(-EINVAL)
    expect(p.bpf_obj_get('/sys/fs/bpf/m', 0, 3)).toBe(-EINVAL) // bpf_fd must be 0
    const ro = p.bpf_obj_get('/sys/fs/bpf/m', MapFlag.RDONLY)
    expect(p.put(ro, 1, 1)).toBe(-EPERM)
    expect(p.get(ro, 5)).toBe(500)
    const wo = p.bpf_obj_get('/sys/fs/bpf/m', MapFlag.WRONLY)
    expect(p.get(wo, 5)).toBe(-EPERM)
    expect(p.put(wo, 1, 1)).toBe(0)
    expect(p.bpf_map_freeze(fd)).toBe(0)
    const after = p.bpf_obj_get('/sys/fs/bpf/m')
    expect(p.put(after, 1, 2)).toBe(-EPERM) // frozen state is shared by every fd
  })
})

describe('fd numbering and lifetime (10.3, 1.2)', () => {
  it('lowest free fd first; close; EBADF', () => {
    const { k, p } = boot()
    const a = p.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 1)
    const b = p.bpf_map_create(MapType.ARRAY, 'b', 4, 4, 1)
    const c = p.bpf_map_create(MapType.ARRAY, 'c', 4, 4, 1)
    expect([a, b, c]).toEqual([3, 4, 5])
    expect(p.close(b)).toBe(0)
    expect(p.close(b)).toBe(-Errno.EBADF)
    expect(p.bpf_map_create(MapType.ARRAY, 'd', 4, 4, 1)).toBe(4)
    expect(p.close(0)).toBe(0)
    expect(p.bpf_map_create(MapType.ARRAY, 'e', 4, 4, 1)).toBe(0)
    expect(k.sysDup(p.pid, 3)).toBe(6)
    expect(k.maps().find((m) => m.name === 'a')!.fds).toEqual([
      { pid: p.pid, fd: 3 },
      { pid: p.pid, fd: 6 },
    ])
    const q = new TestProc(k)
    expect(q.bpf_map_create(MapType.ARRAY, 'f', 4, 4, 1)).toBe(3)
  })

  it('an unpinned map dies with its last fd; a pinned one survives the process', () => {
    const { k, p } = boot()
    const fd = p.bpf_map_create(MapType.HASH, 'gone', 4, 4, 8)
    p.put(fd, 1, 1)
    const fd2 = p.bpf_map_create(MapType.HASH, 'kept', 4, 4, 8)
    p.put(fd2, 5, 500)
    expect(p.bpf_obj_pin(fd2, '/sys/fs/bpf/my_map')).toBe(0)
    const used = k.mem.heapUsed()
    const gone = k.maps().find((m) => m.name === 'gone')!.memoryBytes
    expect(gone).toBeGreaterThan(0)
    expect(p.close(fd)).toBe(0)
    expect(k.maps().map((m) => m.name)).toEqual(['kept'])
    expect(k.mem.heapUsed()).toBeLessThanOrEqual(used - gone)
    p.exit()
    expect(k.maps().map((m) => m.name)).toEqual(['kept'])
    const q = new TestProc(k)
    const fd3 = q.bpf_obj_get('/sys/fs/bpf/my_map')
    expect(fd3).toBe(3)
    expect(q.get(fd3, 5)).toBe(500)
    // unlink while an fd is open: alive until the fd closes
    expect(k.sysUnlink(q.pid, '/sys/fs/bpf/my_map')).toBe(0)
    expect(k.maps().length).toBe(1)
    expect(q.close(fd3)).toBe(0)
    expect(k.maps().length).toBe(0)
    expect(k.bpffs()).toEqual([{ path: '/sys/fs/bpf', kind: 'dir' }])
  })

  it('unlink with no fd open frees the map; a program reference keeps it', () => {
    const { k, p } = boot()
    const fd = p.bpf_map_create(MapType.HASH, 'm', 4, 4, 8)
    const id = k.mapIdFromFd(p.pid, fd)
    expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/m')).toBe(0)
    expect(k.mapRef(id)).toBe(0)
    p.exit()
    expect(k.sysUnlink(new TestProc(k).pid, '/sys/fs/bpf/m')).toBe(0)
    expect(k.maps().map((m) => m.id)).toEqual([id])
    k.mapUnref(id)
    expect(k.maps()).toEqual([])
    expect(k.mapRef(id)).toBe(-ENOENT)
  })

  it('map ids grow and are not reused', () => {
    const { k, p } = boot()
    const a = p.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 1)
    const id1 = k.mapIdFromFd(p.pid, a)
    p.close(a)
    const b = p.bpf_map_create(MapType.ARRAY, 'b', 4, 4, 1)
    expect(k.mapIdFromFd(p.pid, b)).toBe(id1 + 1)
    expect(k.mapIdFromFd(p.pid, 1)).toBe(-EINVAL)
    expect(k.mapIdFromFd(p.pid, 50)).toBe(-Errno.EBADF)
  })

  it('EMFILE past 1024 fds', () => {
    const { k, p } = boot()
    const fd = p.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 1)
    let last = fd
    for (let i = 4; i < 1024; i++) last = k.sysDup(p.pid, fd)
    expect(last).toBe(1023)
    expect(k.sysDup(p.pid, fd)).toBe(-Errno.EMFILE)
    expect(p.bpf_map_create(MapType.ARRAY, 'b', 4, 4, 1)).toBe(-Errno.EMFILE)
    expect(k.maps().length).toBe(1) // the map that could not get an fd was freed
  })
})
