/**
 * The compiled programs of this boot, kept for their C types: the map inspector decodes a map
 * with the types of the program that made it. Whoever runs a program calls `noteProgram` with
 * its compile result (the userspace run in machine/store.ts; an XDP loader for its object), and
 * the kernel view records, for each map the first time it sees it, which program was the newest
 * then: that is the program the map came from (a map exists only once a program created it).
 * A reboot forgets both. No import of the machine store: it imports this module to note programs.
 */
import { create } from 'zustand'
import type { Program } from '../../lang/api'
import type { TypeSource } from './type-match'

export interface NotedProgram extends TypeSource {
  serial: number
}

interface ProgramTypes {
  programs: NotedProgram[]
  /** map id -> serial of the newest program when the map was first seen. */
  owner: Record<number, number>
  noteProgram(p: Program): void
  /** Records the owner of maps seen for the first time; returns nothing, cheap when none is new. */
  claimMaps(ids: number[]): void
}

/** Programs kept per boot (a class reruns the same few programs; older ones rarely own a live map). */
const KEEP = 16

export const useProgramTypes = create<ProgramTypes>()((set, get) => ({
  programs: [],
  owner: {},
  noteProgram(p) {
    const serial = (get().programs[0]?.serial ?? 0) + 1
    const noted: NotedProgram = { serial, filename: p.filename, mapCallTypes: p.mapCallTypes, maps: p.maps }
    set((s) => ({ programs: [noted, ...s.programs].slice(0, KEEP) }))
  },
  claimMaps(ids) {
    const { owner, programs } = get()
    const newest = programs[0]?.serial
    if (newest === undefined) return
    const fresh = ids.filter((id) => owner[id] === undefined)
    if (fresh.length === 0) return
    set({ owner: { ...owner, ...Object.fromEntries(fresh.map((id) => [id, newest])) } })
  },
}))

/** The programs to take a map's types from: its owner first, then the others newest first. */
export function sourcesFor(mapId: number, programs: NotedProgram[], owner: Record<number, number>): TypeSource[] {
  const own = owner[mapId]
  const first = programs.filter((p) => p.serial === own)
  return [...first, ...programs.filter((p) => p.serial !== own)]
}

/** A new kernel has none of the old maps: forget their programs (the kernel view calls this on boot). */
export function forgetPrograms(): void {
  useProgramTypes.setState({ programs: [], owner: {} })
}
