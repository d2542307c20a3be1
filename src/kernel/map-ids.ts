/**
 * BPF_MAP_GET_NEXT_ID and BPF_MAP_GET_FD_BY_ID: how tools that did not create a map find it.
 * `bpftool map show` walks the ids with GET_NEXT_ID and opens each map with GET_FD_BY_ID;
 * `bpftool map dump id 7` opens map 7 the same way. Mirrors kernel/bpf/syscall.c
 * (bpf_obj_get_next_id, bpf_map_get_fd_by_id) in Linux 6.1+, errno order included:
 *
 *   GET_NEXT_ID:   attr tail after next_id non-zero -> EINVAL; (not CAP_SYS_ADMIN -> EPERM;
 *                  every simulated process is root); no live id > start_id -> ENOENT;
 *                  next_id written back to the caller's attr (EFAULT if it cannot be).
 *                  start_id is a u32 and the kernel computes start_id + 1 in u32, so
 *                  start_id 0xffffffff wraps and finds the lowest id.
 *   GET_FD_BY_ID:  tail after open_flags non-zero, or open_flags other than
 *                  BPF_F_RDONLY / BPF_F_WRONLY -> EINVAL; both together -> EINVAL;
 *                  no live map with that id -> ENOENT; then a new fd (EMFILE when full)
 *                  with the permissions asked for.
 *
 * The command numbers are defined here (uapi.ts, a contract, lists the commands the core
 * started with); syscall.ts dispatches them.
 */
import type { Kernel } from './kernel'
import type { SyscallState } from './syscall'
import { D } from './maps/desc'
import { fdPermsFor, installMapFd } from './fdtable'
import { Attr, Errno, MapFlag } from './uapi'

/** enum bpf_cmd values (include/uapi/linux/bpf.h). */
export const BPF_MAP_GET_NEXT_ID = 12
export const BPF_MAP_GET_FD_BY_ID = 14

/** `union bpf_attr` for the *_GET_NEXT_ID / *_GET_FD_BY_ID commands (anonymous struct). */
export const IdAttr = {
  start_id: 0, // also map_id, prog_id, btf_id, link_id
  map_id: 4,
  next_id: 8,
  open_flags: 12,
  NEXT_ID_SIZE: 12, // offsetofend(next_id): CHECK_ATTR(BPF_OBJ_GET_NEXT_ID)
  FD_BY_ID_SIZE: 16, // offsetofend(open_flags): CHECK_ATTR(BPF_MAP_GET_FD_BY_ID)
} as const

/** bpf_obj_get_next_id(&map_idr): the smallest live map id greater than start_id. */
export function mapGetNextId(k: Kernel, s: SyscallState): number {
  if (s.tailNonZero(IdAttr.NEXT_ID_SIZE)) return -Errno.EINVAL
  const from = (s.u32(IdAttr.start_id) + 1) >>> 0 // u32 arithmetic, as in the kernel
  const i32 = k.mem.i32
  let best = 0
  k.mem.lockKernel() // map_idr_lock: ids appear and disappear under the kernel lock
  try {
    for (const slot of k.mapTable.liveSlots()) {
      const id = i32[k.mapTable.slotW(slot) + D.ID] >>> 0
      if (id >= from && (best === 0 || id < best)) best = id
    }
  } finally {
    k.mem.unlockKernel()
  }
  if (best === 0) return -Errno.ENOENT
  const at = s.base + Attr.SIZE // the spare bytes after the attr copy (SyscallState.ensure)
  s.i32[at >> 2] = best | 0
  if (!s.user.copyToUser(s.attrAddr + IdAttr.next_id, s.u8, at, 4)) return -Errno.EFAULT
  return 0
}

/** bpf_map_get_fd_by_id: a new fd on a live map, with the permissions of open_flags. */
export function mapGetFdById(k: Kernel, s: SyscallState): number {
  const flags = s.u32(IdAttr.open_flags)
  if (s.tailNonZero(IdAttr.FD_BY_ID_SIZE) || (flags & ~(MapFlag.RDONLY | MapFlag.WRONLY)) !== 0) return -Errno.EINVAL
  // bpf_get_file_flag: RDONLY and WRONLY together are EINVAL.
  if ((flags & MapFlag.RDONLY) !== 0 && (flags & MapFlag.WRONLY) !== 0) return -Errno.EINVAL
  const id = s.u32(IdAttr.map_id)
  k.mem.lockKernel()
  try {
    const slot = k.mapTable.slotOfId(id)
    if (slot < 0) return -Errno.ENOENT
    s.evMap = id
    return installMapFd(k, s.procSlot, slot, fdPermsFor(flags))
  } finally {
    k.mem.unlockKernel()
  }
}
