/**
 * Load namespaces a run made and has not removed yet, in a file of the run's private temp dir: the post
 * step removes what a cancelled or crashed run left (the runner runs it after a cancel, too).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const FILE = 'load-namespaces.json'

function read(tempDir: string): string[] {
  try {
    return JSON.parse(readFileSync(path.join(tempDir, FILE), 'utf8')) as string[]
  } catch {
    return []
  }
}

function write(tempDir: string, namespaces: readonly string[]): void {
  writeFileSync(path.join(tempDir, FILE), JSON.stringify(namespaces), { mode: 0o600 })
}

/** Called before the namespace is created: a cancel right after still finds it. */
export function recordLoadNamespace(tempDir: string, namespace: string): void {
  write(tempDir, [...new Set([...read(tempDir), namespace])])
}

export function forgetLoadNamespace(tempDir: string, namespace: string): void {
  write(
    tempDir,
    read(tempDir).filter(n => n !== namespace)
  )
}

export function leftoverLoadNamespaces(tempDir: string): string[] {
  return read(tempDir)
}
