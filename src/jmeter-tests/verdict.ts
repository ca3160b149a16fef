/** Keptn's pass/fail rules for one JMeter run, computed from its JTL rather than from JMeter's summary line. */
import type { FailureCause } from '../contracts/run.js'
import { readJtls, type FileRead } from '../results-file/jtl-read.js'
import { FailureCauses, SampleSink } from '../results-file/sli.js'
import { FUNCTIONAL, type Workload } from './workloads.js'

export interface JtlCounts {
  readonly samples: number
  readonly errors: number
  /** Mean `elapsed` in ms; null without samples. */
  readonly avgMs: number | null
  /** What the reader warned about (a cut-off last line or sample): said, never dropped. */
  readonly warnings?: readonly string[]
  /** The most frequent reasons samples failed, most frequent first. */
  readonly causes?: readonly FailureCause[]
}

/** Causes a test result keeps for the summary. */
export const SHOWN_CAUSES = 5

export interface Verdict {
  readonly verdict: 'pass' | 'fail'
  readonly reason: string
}

/**
 * Reads the JTL with the gate engine's reader (CSV or XML, quote-aware, fixed memory). A damaged file
 * (a quote, comment or CDATA section never closed, a missing closing tag) throws ResultsFileError naming
 * its line; the caller fails the test with it.
 */
export function countJtl(file: string): Promise<JtlCounts> {
  return countJtls([file])
}

/** The same over several results files (load generators) as one test, with each file's sample count. */
export async function countJtls(
  files: readonly string[]
): Promise<JtlCounts & { readonly files: readonly FileRead[] }> {
  const sink = new SampleSink()
  const causes = new FailureCauses()
  sink.causes = causes
  const reads = await readJtls(files, sink)
  const { count, failed, hist } = sink.total
  return {
    samples: count,
    errors: failed,
    avgMs: hist.count > 0 ? hist.sum / hist.count : null,
    warnings: sink.warnings,
    causes: causes.top(SHOWN_CAUSES),
    files: reads
  }
}

/** The number of failed samples a workload tolerates. */
export function allowedErrors(workload: Workload, samples: number): number {
  if (workload.teststrategy === FUNCTIONAL) return 0
  // 0.29 × 100 is 28.999999999999996 in floating point: nudge before flooring.
  return Math.floor(workload.acceptederrorrate * samples + 1e-9)
}

export function judge(workload: Workload, counts: JtlCounts): Verdict {
  const { samples, errors, avgMs } = counts
  if (samples === 0) return fail('JMeter recorded no samples')
  const allowed = allowedErrors(workload, samples)
  const percent = ((100 * errors) / samples).toFixed(2)
  if (errors > allowed) {
    const rule =
      workload.teststrategy === FUNCTIONAL
        ? 'a functional test allows none'
        : `more than the accepted ${allowed} (acceptederrorrate ${workload.acceptederrorrate} × ${samples})`
    const first = counts.causes?.[0]
    const cause = first ? `; most frequent: ${first.cause} ×${first.count}` : ''
    return fail(`${errors} of ${samples} samples failed (${percent} %): ${rule}${cause}`)
  }
  const avg = avgMs === null ? 'n/a' : `${avgMs.toFixed(1)} ms`
  if (workload.avgrtvalidation > 0 && avgMs !== null && avgMs > workload.avgrtvalidation) {
    return fail(`average response time ${avg} is above avgrtvalidation ${workload.avgrtvalidation} ms`)
  }
  return { verdict: 'pass', reason: `${samples} samples, ${errors} failed (${percent} %), average ${avg}` }
}

function fail(reason: string): Verdict {
  return { verdict: 'fail', reason }
}
