/**
 * Preprocessor speed: `npx vitest bench --run src/lang/preprocess.bench.ts`.
 * Budgets (after warm-up, on the 2-core dev machine): a seed program with all its headers well under
 * 5 ms, under 2 ms with a shared header cache; the 2000-line generated file under 10 ms.
 */

import { readFileSync } from 'node:fs'
import { bench, describe } from 'vitest'
import { createPreprocessCache, preprocess } from './preprocess'
import { seedsDir } from '../../tests/seed-compare.mjs'

const SEED = readFileSync(seedsDir + '/05-get_next_key.c', 'utf8')

/** 2000 lines of macro-heavy C: object- and function-like macros, variadics, ## and #, conditionals. */
function generated(lines: number): string {
  const out = [
    '#include <stdio.h>',
    '#include <bpf/bpf.h>',
    '#define SQUARE(x) ((x) * (x))',
    '#define CAT(a, b) a ## b',
    '#define STR(x) #x',
    '#define LOG(fmt, ...) fprintf(stderr, "[%s:%d] " fmt "\\n", __FILE__, __LINE__, ##__VA_ARGS__)',
    '#define MAX(a, b) ((a) > (b) ? (a) : (b))',
  ]
  for (let i = 0; out.length < lines; i++) {
    out.push(`#define K${i} ${i}`)
    out.push(`#if K${i} % 3 == 0`)
    out.push(`static int CAT(v, ${i}) = SQUARE(K${i}) + MAX(K${i}, ${i % 7});`)
    out.push('#else')
    out.push(`static const char *CAT(s, ${i}) = STR(K${i});`)
    out.push('#endif')
    out.push(`int f${i}(int a) { if (a > K${i}) LOG("big %d", a); else LOG("small"); return SQUARE(a + K${i}); }`)
  }
  return out.join('\n') + '\n'
}
const BIG = generated(2000)

describe('preprocess', () => {
  const cache = createPreprocessCache()
  bench('seed program, headers lexed per call', () => {
    preprocess({ name: 'seed.c', text: SEED }, { target: 'user' })
  })
  bench('seed program, shared header cache', () => {
    preprocess({ name: 'seed.c', text: SEED }, { target: 'user', cache })
  })
  bench('2000-line generated file', () => {
    const r = preprocess({ name: 'big.c', text: BIG }, { target: 'user', cache })
    if (r.diagnostics.length > 0) throw new Error(r.diagnostics[0].message)
  })
})
