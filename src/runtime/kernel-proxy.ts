/**
 * A kernel handle with some methods replaced, for observers that wrap what a process calls
 * (freed-maps.ts, syscall-trace.ts). A Proxy, not a subclass: every other method (including
 * ones outside KernelApi) reaches the real kernel unchanged. Bound methods are cached to keep
 * syscalls cheap.
 */
export function withOverrides<K extends object>(kernel: K, overrides: Partial<Record<keyof K, unknown>>): K {
  const bound = new Map<PropertyKey, unknown>()
  return new Proxy(kernel, {
    get(target, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop as keyof K]
      const v: unknown = Reflect.get(target, prop, target)
      if (typeof v !== 'function') return v
      let b = bound.get(prop)
      if (b === undefined) {
        b = (v as (...a: unknown[]) => unknown).bind(target)
        bound.set(prop, b)
      }
      return b
    },
  })
}
