/** browser tier: Debian's Chromium, installed here where apt exists (as root or with sudo); else a clear message. */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

export default function setup(): void {
  if (existsSync(CHROMIUM)) return
  const root = process.getuid?.() === 0
  const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0
  if (!existsSync('/usr/bin/apt-get') || (!root && !sudo)) {
    throw new Error(
      `The browser tier needs Chromium at ${CHROMIUM}: install Debian's 'chromium' package (apt-get install chromium) or set CHROMIUM to a Chromium binary.`
    )
  }
  process.stderr.write('[browser tier] installing Debian chromium (apt-get) ...\n')
  const apt = (args: string[]) =>
    execFileSync(sudo ? 'sudo' : 'apt-get', sudo ? ['-n', 'apt-get', ...args] : args, {
      stdio: ['ignore', 'ignore', 2],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 20 * 60_000
    })
  apt(['update', '-qq'])
  apt(['install', '-y', '-qq', 'chromium', 'fonts-noto-color-emoji'])
}
