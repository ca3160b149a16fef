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

/** Keys whose value is a credential, in YAML or JSON kubeconfigs (users[].user and auth-provider config). */
const CREDENTIAL_KEYS =
  /["']?(token|client-key-data|client-certificate-data|password|id-token|refresh-token|access-token|client-secret)["']?\s*:\s*["']?([^"'\s,}]+)/g

/** The shortest credential value masked: shorter ones (`v1`, `[]`) are not secrets. */
const MIN_MASKED = 4
/**
 * The shortest line masked. A short line (`- name: c`, `user:`) is structure, and as a mask it would star
 * out parts of unrelated log lines (`name: carts`); every credential is also masked on its own below.
 */
const MIN_MASKED_LINE = 12

/**
 * Every string the log must never show for this kubeconfig input: each of its lines (the runner masks
 * values line by line, so a multi-line value is never matched whole), the same for its base64-decoded text,
 * and each embedded credential on its own (token, client key and certificate data, password, ...), with
 * the decoded text of a *-data value (a PEM) line by line.
 */
export function kubeconfigSecrets(input: string): string[] {
  const secrets = new Set<string>()
  const addLines = (text: string, min = MIN_MASKED_LINE) => {
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim()
      // A bare key (`users:`) or a PEM armour line is structure, not a secret.
      if (trimmed.length < min || /^[\w-]+:$/.test(trimmed) || /^-----(BEGIN|END) /.test(trimmed)) continue
      secrets.add(trimmed)
    }
  }
  addLines(input)
  const text = kubeconfigText(input)
  if (text.trim() !== input.trim()) addLines(text)
  for (const match of text.matchAll(CREDENTIAL_KEYS)) {
    const value = match[2]
    if (value.length < MIN_MASKED) continue
    secrets.add(value)
    if (match[1].endsWith('-data')) addLines(Buffer.from(value, 'base64').toString('utf8'), MIN_MASKED)
  }
  return [...secrets]
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
