import { describe, expect, it } from 'vitest'
import { BpfCmd, Errno, MapType } from '../../kernel/uapi'
import { explainFailure } from './explain'
import { errnoLabel, errnoText, mapFlagNames, mapTypeName } from './names'

describe('failed call explanations', () => {
  it('tells EEXIST on an array apart from EEXIST on a hash map', () => {
    expect(explainFailure(BpfCmd.MAP_UPDATE_ELEM, Errno.EEXIST, MapType.ARRAY)).toMatch(/every index exists/)
    expect(explainFailure(BpfCmd.MAP_UPDATE_ELEM, Errno.EEXIST, MapType.HASH)).toMatch(/already in the map/)
  })

  it('explains EINVAL for delete on an array and ENOSPC for a bucket larger than count', () => {
    expect(explainFailure(BpfCmd.MAP_DELETE_ELEM, Errno.EINVAL, MapType.PERCPU_ARRAY)).toMatch(/cannot be deleted/)
    expect(explainFailure(BpfCmd.MAP_LOOKUP_BATCH, Errno.ENOSPC, MapType.HASH)).toMatch(/never splits a bucket/)
  })

  it('says nothing when it has nothing to add', () => {
    expect(explainFailure(BpfCmd.MAP_LOOKUP_ELEM, Errno.EMFILE, MapType.HASH)).toBeNull()
  })

  it('names errno values as the kernel and glibc do, ENOTSUPP included', () => {
    expect(errnoLabel(17)).toBe('EEXIST')
    expect(errnoLabel(524)).toBe('ENOTSUPP')
    expect(errnoText(2)).toBe('No such file or directory')
    expect(errnoText(524)).toBe('Unknown error 524')
  })

  it('names map types and flags as bpftool does', () => {
    expect(mapTypeName(MapType.PERCPU_HASH)).toBe('percpu_hash')
    expect(mapFlagNames(0x41)).toEqual(['BPF_F_NO_PREALLOC', 'BPF_F_ZERO_SEED'])
    expect(mapFlagNames(0)).toEqual([])
  })
})
