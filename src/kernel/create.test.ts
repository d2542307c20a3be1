/** BPF_MAP_CREATE validation (spec 3.1-3.4) and struct bpf_map_info. */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { Errno, MapFlag, MapInfo, MapType } from './uapi'

const { EINVAL, E2BIG, ENOTSUPP, ENOMEM, EPERM } = Errno
const F = MapFlag

function proc() {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 16 << 20 })
  return new TestProc(k)
}

/** Create and return the result; closes a successful fd so the numbering stays at 3. */
function create(p: TestProc, type: number, ks: number, vs: number, max: number, flags = 0, extra = {}) {
  const fd = p.bpf_map_create(type, 'm', ks, vs, max, { map_flags: flags, ...extra })
  if (fd >= 0) {
    p.close(fd)
    return 'ok'
  }
  return fd
}

describe('generic attribute errors (3.1)', () => {
  it('map_extra, RDONLY|WRONLY, unknown types', () => {
    const p = proc()
    expect(create(p, MapType.HASH, 4, 4, 8, 0, { map_extra: 1n })).toBe(-EINVAL)
    expect(create(p, MapType.HASH, 4, 4, 8, F.RDONLY | F.WRONLY)).toBe(-EINVAL)
    expect(create(p, 0, 4, 4, 8)).toBe(-EINVAL)
    expect(create(p, 34, 4, 4, 8)).toBe(-EINVAL)
    expect(create(p, 1000, 4, 4, 8)).toBe(-EINVAL)
  })
  it('ARENA: EPERM, as the reference kernel answers root, once the common checks pass', () => {
    const p = proc()
    expect(create(p, MapType.ARENA, 0, 0, 1, 1024)).toBe(-Errno.EPERM)
    expect(create(p, MapType.ARENA, 4, 4, 4, 1 << 30, { map_extra: 1n })).toBe(-Errno.EPERM)
    expect(create(p, MapType.ARENA, 0, 0, 1, F.RDONLY | F.WRONLY)).toBe(-EINVAL)
  })
  it('NUMA node: node 0 exists, node 1 does not; not on per-CPU types', () => {
    const p = proc()
    expect(create(p, MapType.HASH, 4, 4, 8, F.NUMA_NODE, { numa_node: 0 })).toBe('ok')
    expect(create(p, MapType.HASH, 4, 4, 8, F.NUMA_NODE, { numa_node: 1 })).toBe(-EINVAL)
    expect(create(p, MapType.PERCPU_HASH, 4, 4, 8, F.NUMA_NODE)).toBe(-EINVAL)
    expect(create(p, MapType.PERCPU_ARRAY, 4, 4, 8, F.NUMA_NODE)).toBe(-EINVAL)
    expect(create(p, MapType.LRU_HASH, 4, 4, 8, F.NUMA_NODE | F.NO_COMMON_LRU)).toBe(-EINVAL)
  })
  it('attribute errors win over name errors', () => {
    const p = proc()
    expect(p.createRawName(MapType.HASH, [0x2d], 0, 4, 8)).toBe(-EINVAL)
    expect(p.createRawName(MapType.HASH, [0x2d], 4, 4, 1 << 30)).toBe(-E2BIG)
  })
})

describe('hash types (3.3)', () => {
  const types = [MapType.HASH, MapType.PERCPU_HASH, MapType.LRU_HASH, MapType.LRU_PERCPU_HASH]
  it('sizes', () => {
    const p = proc()
    for (const t of types) {
      expect(create(p, t, 0, 4, 8)).toBe(-EINVAL)
      expect(create(p, t, 4, 0, 8)).toBe(-EINVAL)
      expect(create(p, t, 4, 4, 0)).toBe(-EINVAL)
    }
    expect(create(p, MapType.HASH, 4194255 - 4, 4, 1, F.NO_PREALLOC)).toBe('ok')
    expect(create(p, MapType.HASH, 4194256 - 4, 4, 1, F.NO_PREALLOC)).toBe(-E2BIG)
    expect(create(p, MapType.HASH, 1 << 20, 4, 1, F.NO_PREALLOC)).toBe('ok') // no 512-byte key limit
    expect(create(p, MapType.PERCPU_HASH, 4, 32768, 1)).toBe('ok')
    expect(create(p, MapType.PERCPU_HASH, 4, 32761, 1)).toBe('ok') // rounds up to 32768
    expect(create(p, MapType.PERCPU_HASH, 4, 32769, 1)).toBe(-E2BIG)
    expect(create(p, MapType.LRU_PERCPU_HASH, 4, 32769, 1)).toBe(-E2BIG)
    expect(create(p, MapType.HASH, 4, 4, 2 ** 27, F.NO_PREALLOC)).toBe('ok')
    for (const max of [2 ** 27 + 1, 2 ** 31, 2 ** 32 - 1]) expect(create(p, MapType.HASH, 4, 4, max, F.NO_PREALLOC)).toBe(-E2BIG)
  })
  it('flags', () => {
    const p = proc()
    for (const t of types) {
      for (const f of [F.STACK_BUILD_ID, F.CLONE, F.MMAPABLE, F.PRESERVE_ELEMS, F.INNER_MAP, 1 << 20]) expect(create(p, t, 4, 4, 8, f)).toBe(-EINVAL)
      expect(create(p, t, 4, 4, 8, F.RDONLY_PROG | F.WRONLY_PROG)).toBe(-EINVAL)
      for (const f of [F.RDONLY, F.WRONLY, F.RDONLY_PROG, F.WRONLY_PROG, F.ZERO_SEED]) expect(create(p, t, 4, 4, 8, f)).toBe('ok')
    }
    expect(create(p, MapType.HASH, 4, 4, 8, F.NO_COMMON_LRU)).toBe(-EINVAL)
    expect(create(p, MapType.PERCPU_HASH, 4, 4, 8, F.NO_COMMON_LRU)).toBe(-EINVAL)
    expect(create(p, MapType.LRU_HASH, 4, 4, 8, F.NO_PREALLOC)).toBe(-ENOTSUPP)
    expect(create(p, MapType.LRU_PERCPU_HASH, 4, 4, 8, F.NO_PREALLOC)).toBe(-ENOTSUPP)
    expect(create(p, MapType.HASH, 4, 4, 8, F.NO_PREALLOC)).toBe('ok')
  })
  it('a large preallocated map that does not fit in kernel memory is ENOMEM', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20 })
    const p = new TestProc(k)
    expect(p.bpf_map_create(MapType.ARRAY, 'big', 4, 1024, 1 << 16)).toBe(-ENOMEM)
  })
})

describe('array and queue types (3.3)', () => {
  it('ARRAY / PERCPU_ARRAY', () => {
    const p = proc()
    for (const t of [MapType.ARRAY, MapType.PERCPU_ARRAY]) {
      for (const ks of [0, 2, 8]) expect(create(p, t, ks, 4, 8)).toBe(-EINVAL)
      expect(create(p, t, 4, 0, 8)).toBe(-EINVAL)
      expect(create(p, t, 4, 4, 0)).toBe(-EINVAL)
      for (const f of [F.NO_PREALLOC, F.ZERO_SEED, F.NO_COMMON_LRU, F.PRESERVE_ELEMS]) expect(create(p, t, 4, 4, 8, f)).toBe(-EINVAL)
    }
    expect(create(p, MapType.ARRAY, 4, 2 ** 31, 1)).toBe(-E2BIG)
    expect(create(p, MapType.PERCPU_ARRAY, 4, 32769, 1)).toBe(-E2BIG)
    expect(create(p, MapType.ARRAY, 4, 4, 8, F.MMAPABLE)).toBe('ok')
    expect(create(p, MapType.ARRAY, 4, 4, 8, F.INNER_MAP)).toBe('ok')
    expect(create(p, MapType.ARRAY, 4, 4, 8, F.NUMA_NODE)).toBe('ok')
    expect(create(p, MapType.PERCPU_ARRAY, 4, 4, 8, F.MMAPABLE)).toBe(-EINVAL)
    expect(create(p, MapType.ARRAY, 4, 4, 2 ** 32 - 1)).toBe(-ENOMEM)
    expect(create(p, MapType.ARRAY, 4, 4, 1000)).toBe('ok')
  })
  it('QUEUE / STACK', () => {
    const p = proc()
    for (const t of [MapType.QUEUE, MapType.STACK]) {
      expect(create(p, t, 4, 4, 8)).toBe(-EINVAL)
      expect(create(p, t, 0, 0, 8)).toBe(-EINVAL)
      expect(create(p, t, 0, 4, 0)).toBe(-EINVAL)
      expect(create(p, t, 0, 4194305, 1)).toBe(-E2BIG)
      expect(create(p, t, 0, 4194304, 1)).toBe('ok')
      for (const f of [F.NO_PREALLOC, F.ZERO_SEED, F.MMAPABLE]) expect(create(p, t, 0, 4, 8, f)).toBe(-EINVAL)
      expect(create(p, t, 0, 4, 2 ** 32 - 1)).toBe('ok')
    }
  })
})

describe('map names (3.4) and map info', () => {
  it('libbpf truncates to 15 characters; info shows the name', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.HASH, 'hash_map_example', 4, 4, 1024)
    expect(fd).toBe(3)
    const info = p.info(fd)
    expect(info).toMatchObject({ ret: 0, type: MapType.HASH, key_size: 4, value_size: 4, max_entries: 1024, map_flags: 0, name: 'hash_map_exampl' })
    expect(info.id).toBeGreaterThan(0)
  })
  it('raw names', () => {
    const p = proc()
    const raw = (s: string) => [...new TextEncoder().encode(s)]
    expect(p.createRawName(MapType.HASH, raw('abcdefghijklmnop'), 4, 4, 8)).toBe(-EINVAL) // 16 chars, no NUL
    for (const bad of ['a-b', 'a b', 'a/b', 'é']) expect(p.createRawName(MapType.HASH, raw(bad), 4, 4, 8)).toBe(-EINVAL)
    let fd = 3
    for (const good of ['', '0abc', 'a.b_C9', 'abcdefghijklmno']) {
      expect(p.createRawName(MapType.HASH, raw(good), 4, 4, 8)).toBe(fd)
      expect(p.info(fd).name).toBe(good)
      fd++
    }
  })
  it('info_len handling', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.ARRAY, 'a', 4, 8, 5, { map_flags: F.RDONLY_PROG })
    const info = p.mem.alloc(200)
    const len = p.mem.u32(8)
    expect(p.bpf_obj_get_info_by_fd(fd, info, len)).toBe(0)
    expect(p.mem.getU32(len)).toBe(8)
    expect(p.mem.getU32(info + MapInfo.key_size)).toBe(0) // only 8 bytes were copied
    p.mem.setU32(len, 200)
    expect(p.bpf_obj_get_info_by_fd(fd, info, len)).toBe(0)
    expect(p.mem.getU32(len)).toBe(MapInfo.SIZE)
    expect(p.mem.getU32(info + MapInfo.map_flags)).toBe(F.RDONLY_PROG)
    p.mem.u8[info + 150] = 1
    p.mem.setU32(len, 200)
    expect(p.bpf_obj_get_info_by_fd(fd, info, len)).toBe(-E2BIG)
    expect(p.bpf_obj_get_info_by_fd(99, info, len)).toBe(-Errno.EBADFD) // not EBADF: what the real kernel answers
    expect(p.bpf_obj_get_info_by_fd(1, info, len)).toBe(-EINVAL)
  })
  it('BTF ids without BTF objects', () => {
    const p = proc()
    expect(create(p, MapType.HASH, 4, 4, 8, 0, { btf_key_type_id: 1 })).toBe(-EINVAL)
    expect(create(p, MapType.HASH, 4, 4, 8, 0, { btf_value_type_id: 1, btf_fd: 77 })).toBe(-Errno.EBADF)
    expect(create(p, MapType.HASH, 4, 4, 8, 0, { btf_value_type_id: 1, btf_fd: 0 })).toBe(-EINVAL)
    expect(create(p, MapType.HASH, 4, 4, 8, 0, { map_ifindex: 1 })).toBe(-EINVAL)
  })
  it('ZERO_SEED needs CAP_SYS_ADMIN, and the playground user is root', () => {
    const p = proc()
    expect(create(p, MapType.HASH, 4, 4, 8, F.ZERO_SEED)).not.toBe(-EPERM)
  })
})
