// `npm test`: every test of the project, in order of cost, with one closing summary line.
//   1. type check (tsc --noEmit)
//   2. unit, golden and kernel-differential tests (vitest)
//   3. seed conformance: `bpfplay run` on ../shared/conformance/seeds vs the real kernel's output
//   4. lessons: `bpfplay lessons --check`
//   5. the web app: vite build, then Playwright in /usr/bin/chromium (e2e/)
import { spawnSync } from 'node:child_process'
import { readFileSync, existsSync, rmSync } from 'node:fs'

const results = { passed: 0, failed: 0, skipped: 0 }
const steps = []

function run(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  steps.push({ name, ok: r.status === 0 })
  return r.status === 0
}

// 1. types
if (run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) results.passed++
else results.failed++

// 2. vitest (JSON report to count tests)
const report = '.vitest-results.json'
rmSync(report, { force: true })
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'))
  results.passed += j.numPassedTests
  results.failed += j.numFailedTests + (j.numFailedTestSuites ?? 0)
  results.skipped += j.numPendingTests + (j.numTodoTests ?? 0)
} else results.failed++

// 3. seed conformance through the real CLI
if (run('seed conformance', 'node', ['scripts/seed-conformance.mjs'])) results.passed++
else results.failed++

// 4. every lesson: reference solutions pass their checks, starter code fails them
if (run('lessons', 'node', ['bin/bpfplay.mjs', 'lessons', '--check'])) results.passed++
else results.failed++

// 5. the web app in Debian's Chromium (Playwright), against the built static site
const e2eReport = '.playwright-results.json'
rmSync(e2eReport, { force: true })
if (run('build site', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = e2eReport
  run('e2e (chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'])
  if (existsSync(e2eReport)) {
    const s = JSON.parse(readFileSync(e2eReport, 'utf8')).stats
    results.passed += s.expected + s.flaky
    results.failed += s.unexpected
    results.skipped += s.skipped
  } else results.failed++
} else results.failed++

console.log('\n' + steps.map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.name}`).join('\n'))
console.log(`tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`)
process.exitCode = results.failed === 0 && steps.every((s) => s.ok) ? 0 : 1
