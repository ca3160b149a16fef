import { describe, expect, it } from '@jest/globals'
import { deployedRevision, describeRecovery, planRecovery } from '../../../src/deployment/recovery.js'
import {
  deploymentsIn,
  explainFailure,
  restoredRevision,
  shortImage
} from '../../../src/deployment/release.js'
import type { HistoryEntry } from '../../../src/programs/helm.js'

const h = (revision: number, status: string, description?: string): HistoryEntry => ({
  revision,
  status,
  description
})

describe('recovery of a stuck release', () => {
  it.each(['pending-upgrade', 'pending-rollback', 'failed'])(
    'rolls %s back to the last deployed revision',
    status => {
      const recovery = planRecovery([h(1, 'superseded'), h(2, 'deployed'), h(3, status)])
      expect(recovery).toMatchObject({ kind: 'rollback', revision: 2 })
      expect(describeRecovery('carts', recovery)).toBe(
        `carts was left ${status} at revision 3 by an earlier run; rolled back to revision 2`
      )
    }
  )

  it('uninstalls a release that never deployed', () => {
    expect(planRecovery([h(1, 'pending-install')]).kind).toBe('uninstall')
    expect(planRecovery([h(1, 'failed'), h(2, 'failed')]).kind).toBe('uninstall')
  })

  it('does not uninstall when pruned revisions may have been deployed', () => {
    const recovery = planRecovery([h(11, 'failed'), h(12, 'pending-upgrade')])
    expect(recovery.kind).toBe('manual')
    expect(describeRecovery('carts', recovery)).toMatch(/repair it by hand/)
  })

  it('leaves healthy and missing releases alone', () => {
    expect(planRecovery([]).kind).toBe('none')
    expect(planRecovery([h(1, 'superseded'), h(2, 'deployed')]).kind).toBe('none')
    expect(describeRecovery('carts', { kind: 'none' })).toBeUndefined()
  })

  it('knows the deployed revision', () => {
    expect(deployedRevision([h(1, 'superseded'), h(2, 'deployed'), h(3, 'failed')])).toBe(2)
    expect(deployedRevision([])).toBeUndefined()
  })
})

describe('failure messages', () => {
  const facts = { image: 'carts:0.8.2', namespace: 'sockshop-staging', timeoutSeconds: 300 }

  it('says which image did not become ready and where the release went back to', () => {
    const output =
      'Error: UPGRADE FAILED: release carts failed, and has been rolled back due to atomic being set: context deadline exceeded'
    expect(explainFailure({ ...facts, output, restored: 2 })).toBe(
      'carts:0.8.2 did not become ready within 300s in sockshop-staging; helm rolled back to revision 2'
    )
  })

  it('reads Helm 4 watcher timeouts the same way', () => {
    const output =
      'Error: UPGRADE FAILED: release carts failed, and has been rolled back due to rollback-on-failure being set: resource Deployment/sockshop-staging/carts not ready. status: InProgress, message: Available: 1/2\ncontext deadline exceeded'
    expect(explainFailure({ ...facts, output, restored: 7 })).toBe(
      'carts:0.8.2 did not become ready within 300s in sockshop-staging; helm rolled back to revision 7'
    )
  })

  it('says a failed first install was removed', () => {
    const output = 'Error: INSTALL FAILED: ... timed out waiting for the condition'
    expect(explainFailure({ ...facts, output, restored: 'removed' })).toMatch(
      /did not become ready.*helm removed the failed first install$/
    )
  })

  it('quotes helm for other failures', () => {
    const output =
      'Error: UPGRADE FAILED: template: carts/templates/deployment.yaml:2:4: colour must be blue, green or empty'
    expect(explainFailure({ ...facts, output, restored: 2 })).toBe(
      `carts:0.8.2 could not be deployed to sockshop-staging: ${output}; helm rolled back to revision 2`
    )
  })

  it('reads the revision a rollback restored', () => {
    expect(restoredRevision([h(1, 'superseded'), h(2, 'failed'), h(3, 'deployed', 'Rollback to 1')])).toBe(1)
    expect(restoredRevision([h(1, 'deployed', 'Install complete')])).toBe(1)
    expect(restoredRevision([])).toBe('removed')
    expect(restoredRevision([h(1, 'pending-upgrade')])).toBeUndefined()
  })

  it('finds the Deployments of a manifest and names the image short', () => {
    const manifest =
      '---\nkind: Service\nmetadata: {name: carts}\n---\nkind: Deployment\nmetadata:\n  name: carts-blue\n'
    expect(deploymentsIn(manifest)).toEqual(['carts-blue'])
    expect(deploymentsIn('')).toEqual([])
    expect(shortImage('docker.io/keptnexamples/carts', '0.8.2')).toBe('carts:0.8.2')
  })
})
