/** Conditional tests that say why they were skipped, in the test's own name. */
import { it } from '@jest/globals'

type TestFn = Parameters<typeof it>[1]

/** `it` when `condition` holds; otherwise a skipped test whose name ends with the reason. */
export function itWhen(condition: boolean, reason: string) {
  return (name: string, fn: TestFn, timeout?: number) =>
    condition ? it(name, fn, timeout) : it.skip(`${name} [skipped: ${reason}]`, fn, timeout)
}

/** Helm archives here are linux-amd64, as the action downloads them on GitHub's runners. */
export const itOnAmd64 = itWhen(process.arch === 'x64', 'needs an x64 machine (linux-amd64 helm archives)')
