/**
 * The user's chart, as real Helm 3 renders it (the fixtures are charts in the shapes users bring): the
 * names a strategy needs, the refusals of charts blue/green cannot colour, and what the post-renderer
 * (dist/post-render, run by helm itself) makes of a release.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { chartNamesOf, keptnValues } from '../../../src/charts/chart-names.js'
import { colourRelease } from '../../../src/charts/colouring.js'
import { parseManifest, printManifest, type KubeObject } from '../../../src/charts/manifest.js'
import { REPO } from '../../helpers/paths.js'
import { realHelm } from '../../helpers/tool-archives.js'

const CHARTS = path.join(REPO, '__tests__/fixtures/charts')
const POST_RENDER = path.join(REPO, 'dist/post-render/index.js')
const helm = realHelm()!.path

function render(
  chart: string,
  release: string,
  strategy: 'direct' | 'blue_green_service',
  extra: string[] = []
) {
  const values = keptnValues({ project: 'sockshop', stage: 'staging' }, 'carts', strategy)
  const set = Object.entries(values).flatMap(([k, v]) => ['--set-string', `${k}=${v}`])
  return execFileSync(
    helm,
    ['template', release, path.join(CHARTS, chart), '--namespace', 'sockshop-staging', ...set, ...extra],
    { encoding: 'utf8' }
  )
}

const byKind = (manifest: string, kind: string): KubeObject[] =>
  parseManifest(manifest)
    .map(r => r.object)
    .filter(o => o.kind === kind)

describe('the names a strategy needs, from the chart as users wrote it', () => {
  it.each(['keptn', 'app', 'fixed'])('%s: the service Deployment and the Service that selects it', chart => {
    for (const strategy of ['direct', 'blue_green_service'] as const)
      expect(chartNamesOf(render(chart, 'carts', strategy), 'carts', strategy, chart)).toEqual({
        deployment: 'carts',
        service: 'carts'
      })
  })

  it("needs Keptn's values: a Keptn chart does not render without them", () => {
    expect(() =>
      execFileSync(helm, ['template', 'carts', path.join(CHARTS, 'keptn')], { stdio: 'pipe' })
    ).toThrow(/nil pointer evaluating interface \{\}\.service/)
    const [deployment] = byKind(render('keptn', 'carts-blue', 'blue_green_service'), 'Deployment')
    expect(deployment.spec?.template.metadata.labels).toMatchObject({
      'app.kubernetes.io/instance': 'carts-canary',
      'app.kubernetes.io/part-of': 'sockshop',
      'keptn.sh/stage': 'staging'
    })
  })

  const manifest = (...docs: string[]) => docs.map(d => `---\n# Source: c/templates/${d}`).join('\n')
  const deployment = (name: string, app = name) =>
    `${name}.yaml\nkind: Deployment\nmetadata: {name: ${name}}\nspec: {template: {metadata: {labels: {app: ${app}}}}}\n`
  const service = (name: string, app: string) =>
    `svc-${name}.yaml\nkind: Service\nmetadata: {name: ${name}}\nspec: {selector: {app: ${app}}}\n`

  it.each([
    ['no Deployment', manifest(service('carts', 'carts')), /it renders no Deployment/],
    [
      'two Deployments, neither the service',
      manifest(deployment('web'), deployment('worker'), service('web', 'web')),
      /renders 2 Deployments \(Deployment web \(templates\/web\.yaml\), Deployment worker \(templates\/worker\.yaml\)\) and none of them is named carts/
    ],
    [
      'a Service that selects nothing of it',
      manifest(deployment('carts'), service('carts', 'cart')),
      /no Service selects the pods of Deployment carts \(templates\/carts\.yaml\): a Service whose selector matches some of its pod labels \{"app":"carts"\} is needed/
    ]
  ])('refuses blue/green for a chart with %s, naming the chart and what it needs', (_, text, problem) => {
    expect(() => chartNamesOf(text, 'carts', 'blue_green_service', 'deploy/chart')).toThrow(
      /^chart deploy\/chart cannot be deployed blue\/green: /
    )
    expect(() => chartNamesOf(text, 'carts', 'blue_green_service', 'deploy/chart')).toThrow(problem)
    // direct takes such a chart as it is.
    expect(chartNamesOf(text, 'carts', 'direct', 'deploy/chart').service).toBeDefined()
  })

  it('picks the Deployment named or labelled after the service among several', () => {
    const text = manifest(deployment('carts-db', 'db'), deployment('api', 'carts'), service('api', 'carts'))
    expect(chartNamesOf(text, 'carts', 'blue_green_service', 'c')).toEqual({
      deployment: 'api',
      service: 'api'
    })
  })
})

describe('the post-renderer, run by helm', () => {
  const coloured = (chart: string, colour: 'blue' | 'green') =>
    render(chart, `carts-${colour}`, 'blue_green_service', [
      '--post-renderer',
      process.execPath,
      ...[POST_RENDER, colour, 'carts', `carts-${colour}`].flatMap(a => ['--post-renderer-args', a])
    ])

  it.each(['keptn', 'app', 'fixed'])(
    '%s: every object gets the colour in its name and label; the service selects only its colour',
    chart => {
      const text = coloured(chart, 'green')
      const names = parseManifest(text).map(r => `${r.object.kind}/${r.object.metadata?.name}`)
      expect(names.every(name => name.endsWith('-green'))).toBe(true)
      const [deployment] = byKind(text, 'Deployment')
      const [svc] = byKind(text, 'Service')
      expect(deployment.metadata?.name).toBe('carts-green')
      expect(svc.metadata?.name).toBe('carts-green')
      expect(deployment.spec?.selector.matchLabels.colour).toBe('green')
      expect(deployment.spec?.template.metadata.labels.colour).toBe('green')
      expect(svc.spec?.selector.colour).toBe('green')
      // The blue release of the same chart shares no name with the green one: both can be installed.
      const blue = parseManifest(coloured(chart, 'blue')).map(r => r.object.metadata?.name)
      expect(blue.filter(name => names.some(n => n.endsWith(`/${name}`)))).toEqual([])
    }
  )

  it('app: references follow the new names, and the autoscaled Deployment starts at its minimum', () => {
    const text = coloured('app', 'blue')
    const [deployment] = byKind(text, 'Deployment')
    const [hpa] = byKind(text, 'HorizontalPodAutoscaler')
    const [config] = byKind(text, 'ConfigMap')
    expect(config.metadata?.name).toBe('carts-settings-blue')
    expect(config.spec).toBeUndefined() // a ConfigMap has no spec, and gets none
    expect(deployment.spec?.template.spec.containers[0].envFrom[0].configMapRef.name).toBe(
      'carts-settings-blue'
    )
    expect(hpa.spec?.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'carts-blue' })
    expect(deployment.spec?.replicas).toBe(1)
  })

  it('keeps a reference to an object the chart does not render, and refuses an unfit chart', () => {
    const text =
      '---\nkind: Deployment\nmetadata: {name: carts}\nspec:\n  template:\n    metadata: {labels: {app: carts}}\n' +
      '    spec: {containers: [{name: c, envFrom: [{secretRef: {name: external}}]}]}\n' +
      '---\nkind: Service\nmetadata: {name: carts}\nspec: {selector: {app: carts}}\n'
    const [deployment] = colourRelease(parseManifest(text), {
      service: 'carts',
      release: 'carts-blue',
      colour: 'blue'
    })
    expect(deployment.object.spec?.template.spec.containers[0].envFrom[0].secretRef.name).toBe('external')
    expect(printManifest([deployment])).toMatch(/^---\nkind: Deployment\nmetadata:\n {2}name: carts-blue\n/)
    const noService = parseManifest(text).slice(0, 1)
    expect(() =>
      colourRelease(noService, { service: 'carts', release: 'carts-blue', colour: 'blue' })
    ).toThrow(/cannot be deployed blue\/green: no Service selects/)
  })

  it('fails the helm call with its reason on stdin it cannot colour', () => {
    let error = ''
    try {
      execFileSync(process.execPath, [POST_RENDER, 'blue', 'carts', 'carts-blue'], {
        input: 'kind: ConfigMap\nmetadata: {name: x}\n',
        stdio: 'pipe'
      })
    } catch (e) {
      error = String((e as { stderr: Buffer }).stderr)
    }
    expect(error).toBe(
      'carts-deploy post-renderer: the chart cannot be deployed blue/green: it renders no Deployment (one Deployment for carts is needed)\n'
    )
  })
})
