/** The test cluster itself: helm --wait and kubectl rollout succeed; a never-ready version times out and rolls back. */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { REPO } from '../helpers/paths.js'

describe('the kwok test cluster', () => {
  it.each(['helm3', 'helm4'])(
    'passes the smoke test with %s',
    helm => {
      const run = spawnSync('bash', [path.join(REPO, 'e2e/cluster/smoke.sh'), helm], {
        encoding: 'utf8',
        timeout: 300_000
      })
      if (run.status !== 0) console.error(run.stdout, run.stderr)
      expect(run.status).toBe(0)
    },
    300_000
  )
})
