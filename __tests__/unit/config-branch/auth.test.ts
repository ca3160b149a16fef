import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { getImage, setImage } from '../../../src/config-branch/config-branch.js'
import { basicCredential, gitEnv } from '../../../src/programs/git.js'
import { startGitHttpServer, type GitHttpServer } from '../../helpers/git-http-server.js'
import { commits, sandbox } from '../../helpers/repos.js'

// Real git processes: slow when the machine is busy.
jest.setTimeout(60_000)

const TOKEN = 'ghs_FakeTokenForTests0123456789'
const box = sandbox()
let server: GitHttpServer
let repo: string
beforeAll(async () => {
  repo = box.bare('auth.git')
  server = await startGitHttpServer(box.root, `basic ${basicCredential(TOKEN)}`)
})
afterAll(async () => {
  await server.close()
  box.cleanup()
})

const key = { project: 'sockshop', stage: 'dev', service: 'carts' }
const image = { repository: 'docker.io/keptnexamples/carts', tag: '0.8.1' }

/** Every file under dir, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(name => join(dir, name))
    .filter(path => statSync(path).isFile())
    .map(path => readFileSync(path, 'latin1'))
    .join('\n')
}

describe('a token for an https remote', () => {
  it('is sent as a basic auth header that git itself never writes to disk', async () => {
    const tempRoot = box.root
    const url = `${server.url}/auth.git`
    const target = { repo: url, branch: 'config', auth: { token: TOKEN } }
    const first = await setImage(target, key, image) // creates the branch
    const second = await setImage(target, key, { ...image, tag: '0.8.2' }, { tempRoot, keepClone: true })
    expect(commits(repo)).toEqual([second.sha, first.sha])
    expect(server.seen.length).toBeGreaterThan(0)
    expect(new Set(server.seen)).toEqual(new Set([`basic ${basicCredential(TOKEN)}`]))
    const clone = readdirSync(tempRoot).find(name => name.startsWith('carts-deploy-branch-'))
    const written = allText(join(tempRoot, clone ?? 'missing'))
    expect(written).toContain(url) // the clone's config names the remote ...
    expect(written).not.toContain(TOKEN) // ... but holds no token,
    expect(written).not.toContain(basicCredential(TOKEN)) // in any form
    expect(written.toLowerCase()).not.toContain('extraheader')
  })

  it('is required by the server: without it git fails fast instead of prompting', async () => {
    const attempt = getImage({ repo: `${server.url}/auth.git`, branch: 'config' }, key)
    await expect(attempt).rejects.toMatchObject({ name: 'ToolError' })
    await expect(attempt).rejects.toThrow(/git clone failed/)
  })

  it('is not in error messages when the server refuses it', async () => {
    const wrong = 'ghs_WrongToken'
    const attempt = getImage(
      { repo: `${server.url}/auth.git`, branch: 'config', auth: { token: wrong } },
      key
    )
    await expect(attempt).rejects.toThrow(/git clone failed/)
    const message = await attempt.catch((error: Error) => `${error.message} ${JSON.stringify(error)}`)
    expect(message).not.toContain(wrong)
    expect(message).not.toContain(basicCredential(wrong))
  })
})

describe('an oversized token', () => {
  it('is refused before git runs, naming the limit, not quoting it (no spawn E2BIG)', async () => {
    const huge = 'ghs_' + 'x'.repeat(1024 * 1024)
    const attempt = getImage({ repo: `${server.url}/auth.git`, branch: 'config', auth: { token: huge } }, key)
    await expect(attempt).rejects.toMatchObject({ name: 'InputError' })
    await expect(attempt).rejects.toThrow(
      "Input 'github-token': expected at most 16 KiB (this value is 1025 KiB)"
    )
  })
})

describe('a remote that redirects to another host', () => {
  const elsewhereBox = sandbox()
  let elsewhere: GitHttpServer
  let elsewhereRepo: string
  beforeAll(async () => {
    elsewhereRepo = elsewhereBox.bare('auth.git')
    // Another host (127.0.0.2), recording every Authorization header; it would accept anything.
    elsewhere = await startGitHttpServer(elsewhereBox.root, '', { host: '127.0.0.2' })
  })
  afterAll(async () => {
    await elsewhere.close()
    elsewhereBox.cleanup()
  })

  it.each([301, 302, 307] as const)('answering %d gets neither the token nor the push', async status => {
    const redirector = await startGitHttpServer(box.root, '', {
      redirectTo: elsewhere.url,
      redirectStatus: status
    })
    elsewhere.seen.length = 0
    try {
      const target = { repo: `${redirector.url}/auth.git`, branch: 'config', auth: { token: TOKEN } }
      const read = getImage(target, key)
      await expect(read).rejects.toThrow(/git clone failed/)
      await expect(setImage(target, key, image)).rejects.toThrow(/git clone failed/)
      expect(redirector.seen).toContain(`basic ${basicCredential(TOKEN)}`) // its origin got it ...
      expect(elsewhere.seen.join('\n')).not.toContain(basicCredential(TOKEN)) // ... the other host did not
      expect(elsewhere.seen).toEqual([]) // nor any request at all
      expect(() => commits(elsewhereRepo)).toThrow() // and no branch landed there
    } finally {
      await redirector.close()
    }
  })
})

describe('gitEnv', () => {
  it('scopes the header to the remote origin, after config entries the environment already has', () => {
    const env = gitEnv('https://github.com/o/r.git', { token: 'T' }, { GIT_CONFIG_COUNT: '1' })
    expect(env).toMatchObject({
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: '4',
      GIT_CONFIG_KEY_1: 'http.followRedirects',
      GIT_CONFIG_VALUE_1: 'false',
      GIT_CONFIG_KEY_2: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_2: '',
      GIT_CONFIG_KEY_3: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_3: `AUTHORIZATION: basic ${Buffer.from('x-access-token:T').toString('base64')}`
    })
  })

  it('sends no token to a local or ssh remote, nor over plain http to another machine', () => {
    for (const remote of [
      '/srv/repo.git',
      'file:///srv/repo.git',
      'ssh://git@github.com/o/r',
      'http://example.com/r'
    ]) {
      const env = gitEnv(remote, { token: 'T' }, {})
      expect(env).toMatchObject({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.followRedirects' })
      expect(JSON.stringify(env)).not.toMatch(/extraheader|AUTHORIZATION/i)
    }
  })
})
