/**
 * Tab completion for the bpftool pane: objects, map subcommands, MAP handles and their values
 * (map ids, names, pinned paths read from the kernel's lock-free snapshots, so completing
 * never enters the kernel), element keywords and map types for `map create`.
 */
import type { KernelApi } from '../kernel/api'
import { MAP_COMMANDS } from './map'

export interface Completion {
  /** Offset in the line where the word being completed starts. */
  start: number
  /** Candidates for that word, sorted. */
  options: string[]
}

const OBJECTS = ['help', 'map', 'version']
const HANDLE_CMDS = new Set(['show', 'list', 'dump', 'update', 'lookup', 'getnext', 'delete', 'pin', 'peek', 'push', 'pop', 'enqueue', 'dequeue', 'freeze'])
const AFTER_HANDLE: Record<string, string[]> = {
  update: ['key', 'value'],
  lookup: ['key'],
  getnext: ['key'],
  delete: ['key'],
  push: ['value'],
  enqueue: ['value'],
}
const CREATE_WORDS = ['entries', 'flags', 'key', 'name', 'type', 'value']
const CREATE_TYPES = ['array', 'hash', 'lru_hash', 'lru_percpu_hash', 'percpu_array', 'percpu_hash', 'queue', 'stack']
const UPDATE_FLAGS = ['any', 'exist', 'noexist']

function values(kernel: KernelApi, what: string): string[] {
  const maps = kernel.maps()
  if (what === 'id') return maps.map((m) => String(m.id))
  if (what === 'name') return [...new Set(maps.map((m) => m.name).filter(Boolean))]
  return kernel
    .bpffs()
    .filter((e) => e.kind === 'map')
    .map((e) => e.path)
}

function candidates(kernel: KernelApi, done: string[]): string[] {
  if (done.length === 0) return OBJECTS
  if (done[0] !== 'map') return []
  if (done.length === 1) return [...new Set(MAP_COMMANDS)]
  const cmd = done[1]
  const last = done[done.length - 1]
  if (cmd === 'create') {
    if (done.length === 2) return ['/sys/fs/bpf/']
    if (last === 'type') return CREATE_TYPES
    if (['key', 'value', 'entries', 'flags', 'name'].includes(last)) return []
    return CREATE_WORDS.filter((w) => !done.slice(3).includes(w))
  }
  if (!HANDLE_CMDS.has(cmd)) return []
  if (done.length === 2) return ['id', 'name', 'pinned']
  if (done.length === 3 && ['id', 'name', 'pinned'].includes(last)) return values(kernel, last)
  if (done.length === 4) {
    if (cmd === 'pin') return ['/sys/fs/bpf/']
    return AFTER_HANDLE[cmd] ?? []
  }
  if (cmd === 'update' && done.includes('value')) return UPDATE_FLAGS
  return []
}

export function complete(kernel: KernelApi, line: string): Completion {
  const m = /(\S*)$/.exec(line)!
  const start = m.index
  const partial = m[1]
  const done = line
    .slice(0, start)
    .split(/\s+/)
    .filter((w) => w !== '' && !w.startsWith('-'))
  const options = candidates(kernel, done)
    .filter((o) => o.startsWith(partial))
    .sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0))
  return { start, options }
}
