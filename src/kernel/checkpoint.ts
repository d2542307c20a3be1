/**
 * Checkpoints of the whole kernel, for time travel: a debugged program's kernel is saved once
 * when it starts, and "step back" restores it and replays the program to the earlier statement
 * (src/runtime/time-travel.ts). Every piece of kernel state (maps, fds, bpffs, the event log,
 * the clock offset, the allocator) is in the one SharedArrayBuffer, so a copy of its bytes is a
 * complete checkpoint.
 *
 * A kernel is mostly zeroes (64 MiB, a few hundred KiB in use), so a checkpoint keeps only the
 * non-zero pages, and a restore writes only the pages that differ. The caller guarantees that
 * no other thread changes the kernel meanwhile (no traffic, no other process): a restore under
 * a running CPU would corrupt what that CPU is doing.
 */
const PAGE = 4096
const PAGE_WORDS = PAGE >> 2

export class KernelCheckpoint {
  private constructor(
    private readonly pages: Map<number, Int32Array>,
    readonly bytes: number,
  ) {}

  /** Copy the non-zero pages of a kernel buffer. */
  static capture(sab: SharedArrayBuffer): KernelCheckpoint {
    const words = new Int32Array(sab, 0, sab.byteLength >> 2)
    const pages = new Map<number, Int32Array>()
    const nPages = Math.ceil(words.length / PAGE_WORDS)
    for (let p = 0; p < nPages; p++) {
      const from = p * PAGE_WORDS
      const to = Math.min(from + PAGE_WORDS, words.length)
      if (!allZero(words, from, to)) pages.set(p, words.slice(from, to))
    }
    return new KernelCheckpoint(pages, sab.byteLength)
  }

  /** Put the buffer back as it was at capture; returns the number of pages written. */
  restore(sab: SharedArrayBuffer): number {
    if (sab.byteLength !== this.bytes) throw new Error('a checkpoint restores only the kernel it was taken from')
    const words = new Int32Array(sab, 0, sab.byteLength >> 2)
    const nPages = Math.ceil(words.length / PAGE_WORDS)
    let written = 0
    for (let p = 0; p < nPages; p++) {
      const from = p * PAGE_WORDS
      const to = Math.min(from + PAGE_WORDS, words.length)
      const saved = this.pages.get(p)
      if (saved === undefined) {
        if (allZero(words, from, to)) continue
        words.fill(0, from, to)
      } else {
        if (samePage(words, from, saved)) continue
        words.set(saved, from)
      }
      written++
    }
    return written
  }

  /** Bytes this checkpoint holds. */
  get heldBytes(): number {
    return this.pages.size * PAGE
  }
}

function allZero(words: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (words[i] !== 0) return false
  return true
}

function samePage(words: Int32Array, from: number, saved: Int32Array): boolean {
  for (let i = 0; i < saved.length; i++) if (words[from + i] !== saved[i]) return false
  return true
}
