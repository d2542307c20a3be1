/**
 * The contract between compiled C and whoever runs it (runtime/process for userspace,
 * xdp/cpu for BPF programs). The compiler emits JavaScript that follows exactly these rules;
 * the runtime implements the other side. Nothing here does work: it is the map.
 *
 * Value representation (x86-64 LP64):
 *   _Bool, char, short, int, enum and their unsigned forms  -> JS number, always normalised
 *       (int: x|0, unsigned: x>>>0, char: x<<24>>24, unsigned char: x&255, ...)
 *   long, long long and unsigned forms (also size_t, __u64, __s64) -> JS bigint, normalised
 *       with BigInt.asIntN(64, x) / BigInt.asUintN(64, x)
 *   float, double                                            -> JS number
 *   pointers (object and function)                           -> JS number (an address)
 *   struct/union values live in memory; they are passed around as addresses.
 *
 * Memory: one linear memory per program instance (a process's private ArrayBuffer, or the
 * kernel's SharedArrayBuffer for BPF programs). An address is a byte offset into that buffer.
 * The first NULL_GUARD bytes are never handed out, and generated code reaches memory as
 * `dv.getInt32(addr - NULL_GUARD, true)` through a DataView that starts at NULL_GUARD, so a
 * NULL (or small) pointer, or one past the end, throws a RangeError: the runtime turns that
 * into SIGSEGV. Pointers are stored in memory as 8 bytes (low 32 bits = address, high = 0).
 */

export const NULL_GUARD = 4096

/** Calls into the runtime for functions the program declares but does not define. */
export type ImportFn = (...args: any[]) => number | bigint | void

/**
 * Variadic imports (printf family, ioctl, syscall, ...) receive their fixed parameters, then
 * `types` (one code per variadic argument, after default argument promotions) and `values`.
 */
export type VarArgCode =
  | 'i' // int (number)
  | 'u' // unsigned int (number)
  | 'l' // long / long long (bigint, signed)
  | 'L' // unsigned long / unsigned long long (bigint)
  | 'p' // pointer (number)
  | 'd' // double (number)

/** What the generated factory receives. */
export interface ProgramEnv {
  /** DataView over the program's memory, starting at byte NULL_GUARD of `buffer`. */
  dv: DataView
  /** The whole memory (Atomics need typed arrays over the real buffer). */
  buffer: ArrayBuffer | SharedArrayBuffer
  /** Address at which the program's data segment (Program.data) has been placed and relocated. */
  dataBase: number
  /** Initial stack pointer (the stack grows down) and the lowest address it may reach. */
  stackTop: number
  stackLimit: number
  /** Functions the program imports, by C name. Variadic ones get (fixed..., types, values). */
  imports: Record<string, ImportFn>
  /**
   * Optional, BPF programs only: a helper call site whose first argument is the address of a
   * global (`bpf_map_lookup_elem(&map, key)`) asks once, at instantiation, for a version of
   * import `name` specialised for that address. The site then calls what this returns (with the
   * same arguments, address included) instead of imports[name]; undefined keeps imports[name].
   */
  bindImport?(name: string, firstArg: number): ImportFn | undefined
  /**
   * Optional, BPF programs only: a real 64-bit atomic add of the integer x (|x| < 2^53) at byte
   * address addr (8-aligned, checked by the caller) of `buffer`, for `lock xadd`
   * (src/kernel/atomics64.ts). Without it, two 32-bit atomic adds with the carry.
   */
  atomicAdd64?(addr: number, x: number): void
  /** Optional, with atomicAdd64: atomicAdd64(a, x) then atomicAdd64(b, y) in one call, back to back (two consecutive `lock xadd`s). */
  atomicAdd64x2?(a: number, x: number, b: number, y: number): void
  /**
   * Control words shared with whoever drives the program (CLI, UI). Generated code tests
   * `ctl[0] !== 0` at every hook point (loop back-edges and function entries always; every
   * statement when compiled with hooks: 'statements') and calls `trap(sid)` when set, except
   * that 3 only counts the hook in `ticks`.
   */
  ctl: Int32Array
  /**
   * Called at a hook point when ctl[0] is non-zero: may throw to stop, or block to pause. With
   * hooks: 'statements' the call is trap(sid, scope, [values of the scope's register variables])
   * (see debug-info.ts).
   */
  trap(sid: number, scope?: number, values?: unknown[]): void
  /**
   * Frame records of the live C functions (user target; layout in debug-info.ts). Optional: the
   * generated code makes its own when absent.
   */
  frames?: Int32Array
  /**
   * Hooks reached while ctl[0] is 3 (count): they add one here instead of calling trap, so a
   * debugger can know the exact statement count of a run going at near full speed (time travel
   * replays by that count). Optional: the generated code makes its own when absent.
   */
  ticks?: Float64Array
  /**
   * The fault class generated code throws for faults it detects itself (integer division by zero ->
   * SIGFPE, bad function pointer / misaligned atomic / stack overflow -> SIGSEGV, __builtin_trap ->
   * SIGILL). Optional: without it the code throws plain Errors carrying `signal` and `detail`.
   */
  CFault?: new (signal: CFault['signal'], detail: string) => Error
}

/**
 * What the generated factory returns: every function the program defines, by C name, plus
 * `$fn(address)` which turns a C function pointer value into the JS function to call (imports
 * included): runtime code such as qsort or libbpf_set_print calls back into C through it.
 */
export type ProgramExports = Record<string, (...args: any[]) => any>

/** Function pointer values are FUNC_BASE + FUNC_STEP * index: outside any memory, so dereferencing one faults. */
export const FUNC_BASE = 0xf0000000
export const FUNC_STEP = 16

/** Thrown by generated code for C-level faults it detects itself (not by DataView). */
export class CFault extends Error {
  constructor(
    readonly signal: 'SIGSEGV' | 'SIGFPE' | 'SIGILL' | 'SIGABRT',
    readonly detail: string,
  ) {
    super(`${signal}: ${detail}`)
  }
}
