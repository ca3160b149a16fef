/**
 * `evaluate --results` should not load the YAML parser and ajv (about a third of its start-up): they come
 * in by dynamic import only for an slo.yaml or a Prometheus gate. Walks the static imports of the command.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

function staticPackages(entry: string): Set<string> {
  const packages = new Set<string>()
  const seen = new Set<string>()
  const walk = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    // `import type` is erased; `import('…')` is dynamic and does not match (no `from`).
    for (const [, spec] of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'/gms)) {
      if (!spec!.startsWith('.')) packages.add(spec!)
      else {
        const ts = resolve(dirname(file), spec!.replace(/\.js$/, '.ts'))
        if (existsSync(ts)) walk(ts)
      }
    }
  }
  walk(resolve(entry))
  return packages
}

test('the evaluate command imports neither yaml nor ajv up front', () => {
  const packages = staticPackages('src/cli/commands/evaluate.ts')
  expect(packages).toContain('commander')
  expect([...packages].filter(p => p === 'yaml' || p === 'ajv')).toEqual([])
})
