/**
 * Spinlocks on one Int32 word of the kernel's SharedArrayBuffer, shared by every worker that
 * attached to the kernel. The word is 0 (free), 1 (held) or 2 (held, someone waiting), as in
 * Drepper's "Futexes are tricky" mutex: the fast path is one compareExchange to lock and one
 * atomic subtract to unlock. A waiter first spins (critical sections are short), then sleeps
 * with Atomics.wait and a short timeout. Atomics.wait throws on a browser main thread; the
 * kernel is only entered from workers there, but if it ever happens we keep spinning instead.
 */

/** Take the lock at word `idx`. */
export function spinLock(i32: Int32Array, idx: number): void {
  if (Atomics.compareExchange(i32, idx, 0, 1) === 0) return
  lockSlow(i32, idx)
}

/** Release the lock at word `idx` (wakes one sleeper if any). */
export function spinUnlock(i32: Int32Array, idx: number): void {
  if (Atomics.sub(i32, idx, 1) !== 1) {
    Atomics.store(i32, idx, 0)
    Atomics.notify(i32, idx, 1)
  }
}

function lockSlow(i32: Int32Array, idx: number): void {
  // Short spin: the holder is usually on another core and about to release.
  for (let i = 0; i < 200; i++) {
    if (Atomics.load(i32, idx) === 0 && Atomics.compareExchange(i32, idx, 0, 1) === 0) return
  }
  let canSleep = true
  let c = Atomics.exchange(i32, idx, 2)
  while (c !== 0) {
    if (canSleep) {
      try {
        // Timeout so a missed wakeup can never hang a CPU worker for good.
        Atomics.wait(i32, idx, 2, 1)
      } catch {
        canSleep = false
      }
    }
    c = Atomics.exchange(i32, idx, 2)
  }
}
