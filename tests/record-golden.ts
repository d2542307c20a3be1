/** Records the real kernel's output into golden C files: npx tsx tests/record-golden.ts tests/golden/*.c */
import { readFileSync, writeFileSync } from 'node:fs'
import { realKernelAvailable } from './real-kernel'
import { runReal } from './real-run'
import { writeExpectations } from './golden-format'

const why = realKernelAvailable()
if (why !== true) {
  console.error(`cannot record: ${why}`)
  process.exit(1)
}
for (const file of process.argv.slice(2)) {
  const [run] = runReal([file])
  writeFileSync(file, writeExpectations(readFileSync(file, 'utf8'), run))
  console.log(`${file}: exit ${run.exit}\n${run.stdout}${run.stderr}`)
}
