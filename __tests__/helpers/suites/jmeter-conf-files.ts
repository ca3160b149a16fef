/**
 * The jmeter.conf.yaml tests that hold for the project's fixtures and for Keptn's own files alike: each
 * file reads unchanged with the built-ins added, and a workload keeps the numbers the file gives it.
 */
import { expect, it } from '@jest/globals'
import { parseWorkloads, workloadFor, type Workload } from '../../../src/jmeter-tests/workloads.js'

/** Registers '<file> reads unchanged, with the built-ins added' for each of files, read by read. */
export function itReadsEachUnchanged(files: string[], read: (file: string) => string): void {
  it.each(files)('%s reads unchanged, with the built-ins added', file => {
    const set = parseWorkloads(read(file), file)
    const strategies = [...read(file).matchAll(/teststrategy: (\S+)/g)].map(m => m[1])
    expect(strategies.length).toBeGreaterThanOrEqual(2)
    for (const s of strategies) expect(set.workloads.get(s)?.origin).toMatch(new RegExp(`^${file}:\\d+$`))
    expect(set.workloads.get('healthcheck')?.origin).toBe('built-in')
    expect(set.workloads.get('functional')?.origin).toBe('built-in')
  })
}

/** What a workload of a file must hold: its strategy, and the values it has (those given and defaults). */
export interface ExpectedWorkload {
  strategy: string
  values: Partial<Workload>
}

/** Registers a test that the workload of strategy in file (read by read) has the values expected. */
export function itTakesTheWorkload(
  title: string,
  read: (file: string) => string,
  file: string,
  { strategy, values }: ExpectedWorkload
): void {
  it(title, () => {
    const w = workloadFor(parseWorkloads(read(file), file), strategy)
    expect(w).toMatchObject(values)
  })
}
