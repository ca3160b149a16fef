/**
 * The cluster credentials of a run. The kubeconfig input (masked by inputs.ts) is written 0600 into the
 * run's private temp dir (removed by the post step) and handed to our child processes through their
 * environment only: process.env is never changed, so nothing else in the job sees it.
 */
import { chmod, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const KUBECONFIG_FILE = 'kubeconfig'

/** The input as YAML: accepts the file's text, or the same base64-encoded (as some secrets hold it). */
export function kubeconfigText(input: string): string {
  const text = input.trim()
  if (/^[A-Za-z0-9+/=\s]+$/.test(text) && !text.includes(':')) {
    const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
    if (/apiVersion|clusters:/.test(decoded)) return decoded
  }
  return `${text}\n`
}

/** The file written, or undefined when the input is empty (the runner's current context is used). */
export async function writeKubeconfig(
  input: string | undefined,
  tempDir: string
): Promise<string | undefined> {
  if (!input?.trim()) return undefined
  const file = path.join(tempDir, KUBECONFIG_FILE)
  await writeFile(file, kubeconfigText(input), { mode: 0o600 })
  // mode applies only when the file is created; make sure a pre-existing file is private too.
  await chmod(file, 0o600)
  return file
}

/** Environment additions for helm/kubectl: KUBECONFIG only when we wrote one. */
export function kubeEnv(file: string | undefined): Record<string, string> {
  return file ? { KUBECONFIG: file } : {}
}
