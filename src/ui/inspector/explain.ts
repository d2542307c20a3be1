/**
 * Why a bpf() call failed, in the words of the kernel's rules for that command and map type
 * (../shared/spec/map-semantics.md sections 2-10). The errno alone ("File exists") rarely tells
 * a learner what happened; the command and the map type usually do.
 */
import { BpfCmd, Errno, MapType } from '../../kernel/uapi'

type Family = 'hash' | 'array' | 'queue' | 'other'

function familyOf(type: number | undefined): Family {
  switch (type) {
    case MapType.HASH:
    case MapType.PERCPU_HASH:
    case MapType.LRU_HASH:
    case MapType.LRU_PERCPU_HASH:
      return 'hash'
    case MapType.ARRAY:
    case MapType.PERCPU_ARRAY:
      return 'array'
    case MapType.QUEUE:
    case MapType.STACK:
      return 'queue'
    default:
      return 'other'
  }
}

type Rule = string | Partial<Record<Family | 'any', string>>

const PERM = 'the map is frozen (userspace lost write access on every fd) or the fd was opened read-only / write-only'
const FAULT = 'a pointer passed to the kernel is NULL or outside the process memory'
const BADF = 'the fd is not open in this process'

const RULES: Record<number, Partial<Record<number, Rule>>> = {
  [BpfCmd.MAP_CREATE]: {
    [Errno.EINVAL]: 'the attributes are invalid for this map type: key or value size, max_entries, flags or name (for example value_size 0, key_size ≠ 4 for an array, or a type bpfplay does not implement)',
    [Errno.E2BIG]: 'the key or value is larger than this map type allows',
    [Errno.ENOMEM]: 'the kernel could not allocate the map (max_entries × value size is too large)',
    [Errno.EPERM]: 'creating this kind of map needs a privilege or a flag combination that is not allowed',
  },
  [BpfCmd.MAP_UPDATE_ELEM]: {
    [Errno.EEXIST]: {
      array: 'BPF_NOEXIST on an array always fails: every index exists from creation',
      any: 'BPF_NOEXIST was given and the key is already in the map',
    },
    [Errno.ENOENT]: 'BPF_EXIST was given and the key is not in the map',
    [Errno.E2BIG]: {
      array: 'the index is ≥ max_entries',
      queue: 'the queue/stack is full (BPF_EXIST would drop the oldest element instead)',
      any: 'the map already holds max_entries elements and this key is new (replacing an existing key would work)',
    },
    [Errno.EINVAL]: {
      queue: 'a queue/stack takes a NULL key, and BPF_NOEXIST is not allowed for push',
      any: 'the flags are invalid: only BPF_ANY, BPF_NOEXIST or BPF_EXIST (BPF_F_LOCK needs a bpf_spin_lock in the value), or the fd is not a map',
    },
    [Errno.EPERM]: PERM,
    [Errno.EFAULT]: FAULT,
    [Errno.EBADF]: BADF,
  },
  [BpfCmd.MAP_LOOKUP_ELEM]: {
    [Errno.ENOENT]: { array: 'the index is ≥ max_entries', queue: 'the queue/stack is empty (peek)', any: 'no element has this key' },
    [Errno.EINVAL]: 'flags must be 0 (BPF_F_LOCK needs a bpf_spin_lock in the value), or the fd is not a map',
    [Errno.EPERM]: 'the fd was opened write-only',
    [Errno.EFAULT]: FAULT,
    [Errno.EBADF]: BADF,
  },
  [BpfCmd.MAP_DELETE_ELEM]: {
    [Errno.ENOENT]: 'no element has this key',
    [Errno.EINVAL]: { array: 'elements of an array cannot be deleted: every index always exists (set the value to zero instead)', queue: 'a queue/stack has no delete: pop it with lookup_and_delete', any: 'invalid key or the fd is not a map' },
    [Errno.EPERM]: PERM,
    [Errno.EFAULT]: FAULT,
    [Errno.EBADF]: BADF,
  },
  [BpfCmd.MAP_GET_NEXT_KEY]: {
    [Errno.ENOENT]: 'the key given was the last one in iteration order, or the map is empty: this is how a walk ends, not a real failure',
    [Errno.EINVAL]: 'a queue/stack cannot be iterated',
    [Errno.EPERM]: 'the fd was opened write-only',
    [Errno.EFAULT]: FAULT,
    [Errno.EBADF]: BADF,
  },
  [BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM]: {
    [Errno.ENOENT]: { queue: 'the queue/stack is empty', any: 'no element has this key' },
    [Errno.ENOTSUPP]: 'lookup_and_delete exists only for hash maps (and as pop for queue/stack); arrays cannot lose elements',
    [Errno.EINVAL]: 'flags must be 0 (a queue/stack takes no flags at all)',
    [Errno.EPERM]: 'the call needs read and write access: the map is frozen or the fd is read-only / write-only',
    [Errno.EFAULT]: FAULT,
  },
  [BpfCmd.MAP_FREEZE]: {
    [Errno.EPERM]: 'the map is already frozen (a frozen map has no write access left, and freeze needs it: EPERM, not EBUSY), or the fd is read-only',
    [Errno.EBUSY]: 'a writable mmap of the map exists',
    [Errno.ENOTSUPP]: 'maps whose value holds special fields (bpf_spin_lock, timers) cannot be frozen',
  },
  [BpfCmd.MAP_LOOKUP_BATCH]: {
    [Errno.ENOENT]: {
      hash: 'the walk reached the last bucket. This call can still return elements (count > 0): a loop that stops on ENOENT without using them loses the final partial batch',
      any: 'no more elements after in_batch. The call may still have returned some (count > 0)',
    },
    [Errno.ENOSPC]: 'the next non-empty bucket holds more elements than count: the kernel never splits a bucket. Retry from out_batch with a larger count',
    [Errno.EINVAL]: 'elem_flags must be 0 (or BPF_F_LOCK with a spin lock) and flags must be 0',
    [Errno.ENOTSUPP]: 'this map type has no batch lookup (queue, stack)',
    [Errno.EFAULT]: 'out_batch, keys or values is NULL or outside the process memory',
  },
  [BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH]: {
    [Errno.ENOENT]: 'the walk reached the last bucket; this call may still have returned (and deleted) elements',
    [Errno.ENOSPC]: 'the next non-empty bucket holds more elements than count: nothing was deleted. Retry with a larger count',
    [Errno.ENOTSUPP]: 'only hash maps support lookup_and_delete_batch',
    [Errno.EPERM]: PERM,
  },
  [BpfCmd.MAP_UPDATE_BATCH]: {
    [Errno.EINVAL]: 'elem_flags must be 0 or BPF_F_LOCK: BPF_NOEXIST / BPF_EXIST are rejected for batch updates',
    [Errno.E2BIG]: 'the map filled up (or an index was ≥ max_entries) part-way: count says how many elements were written before the error',
    [Errno.ENOTSUPP]: 'this map type has no batch update',
    [Errno.EPERM]: PERM,
    [Errno.EFAULT]: FAULT,
  },
  [BpfCmd.MAP_DELETE_BATCH]: {
    [Errno.ENOENT]: 'one of the keys is not in the map: the batch stopped there and count says how many were deleted before it',
    [Errno.ENOTSUPP]: 'arrays (and queues/stacks) have no batch delete',
    [Errno.EINVAL]: 'elem_flags must be 0 or BPF_F_LOCK',
    [Errno.EPERM]: PERM,
  },
  [BpfCmd.OBJ_PIN]: {
    [Errno.EEXIST]: 'something is already pinned at this path. Pins outlive programs: unlink() it first, or Reboot',
    [Errno.ENOENT]: 'the parent directory does not exist (or the path is empty)',
    [Errno.EPERM]: 'the path is not on bpffs (/sys/fs/bpf), or its last component contains a "."',
    [Errno.EINVAL]: 'the fd is not a BPF object (or file_flags is not 0)',
  },
  [BpfCmd.OBJ_GET]: {
    [Errno.ENOENT]: 'nothing is pinned at this path (pins disappear on Reboot)',
    [Errno.EACCES]: 'the path is a directory or not a BPF object',
    [Errno.EINVAL]: 'file_flags must be 0, BPF_F_RDONLY or BPF_F_WRONLY',
  },
}

/** A sentence explaining this failure, or null when there is nothing to add to strerror(). */
export function explainFailure(cmd: number, errno: number, mapType: number | undefined): string | null {
  const rule = RULES[cmd]?.[errno]
  if (rule === undefined) return null
  if (typeof rule === 'string') return rule
  return rule[familyOf(mapType)] ?? rule.any ?? null
}

/**
 * Failures that are how a loop normally ends rather than a mistake: ENOENT from get_next_key
 * (past the last key) and from the batch lookups (the walk reached the end).
 */
export function isEndOfWalk(cmd: number, errno: number): boolean {
  return errno === Errno.ENOENT && (cmd === BpfCmd.MAP_GET_NEXT_KEY || cmd === BpfCmd.MAP_LOOKUP_BATCH || cmd === BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH)
}
