/** Issue 12, class 5: error lines never quote a file that is not a user's text file; pseudo-files are refused. */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { ConfigFileError } from '../../../src/contracts/errors.js'
import { clip, excerpt } from '../../../src/files/excerpt.js'
import { mayQuote, readUserFile, readUserJson } from '../../../src/files/user-file.js'
import { readWorkloads } from '../../../src/jmeter-tests/workloads-file.js'
import { loadSlo } from '../../../src/scoring/slo.js'

const dir = mkdtempSync(path.join(tmpdir(), 'user-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function link(name: string, target: string): string {
  const file = path.join(dir, name)
  symlinkSync(target, file)
  return file
}

function thrown(work: () => unknown): Error {
  try {
    work()
  } catch (error) {
    return error as Error
  }
  throw new Error('no error')
}

const shadowLine = (() => {
  try {
    return readFileSync('/etc/shadow', 'utf8').split('\n')[0] ?? ''
  } catch {
    return ''
  }
})()

describe('pseudo-files', () => {
  it('a symlink to /proc/self/environ is refused before a byte is read, in one line', () => {
    process.env.USER_FILE_TEST_SECRET = 'do-not-print-me-42'
    const file = link('environ.yaml', '/proc/self/environ')
    const error = thrown(() => loadSlo(file))
    expect(error).toBeInstanceOf(ConfigFileError)
    expect(error.message).toMatch(
      /environ\.yaml: is not a regular file \(it leads to \/proc\/\d+\/environ\)$/
    )
    expect(error.message).not.toContain('do-not-print-me-42')
    expect(error.message).not.toContain('\n')
  })

  it.each(['/proc/self/status', '/proc/version', '/dev/null'])('%s is refused', target => {
    expect(() => readUserFile(link(`x${Math.random()}`, target), 'yaml')).toThrow(/is not a regular file/)
  })
})

describe('files that are not readable by everyone', () => {
  const secretYaml = () => {
    const file = path.join(dir, `secret-${Math.random()}.yaml`)
    writeFileSync(file, 'hunter2-secret-key: 1\n')
    chmodSync(file, 0o600)
    return file
  }

  it('are read, but a YAML schema error names the file and line without quoting it', () => {
    const file = secretYaml()
    const error = thrown(() => loadSlo(file))
    expect(error).toBeInstanceOf(ConfigFileError)
    expect(error.message).toMatch(/:1: is not valid here; its text is not quoted .*\(mode 0600\)/)
    expect(error.message).not.toContain('hunter2')
    expect(mayQuote(file)).toBe(false)
  })

  it('a YAML syntax error does not quote it either', () => {
    const file = path.join(dir, 'secret-syntax.yaml')
    writeFileSync(file, 'root:*:20228:0:99999:7:::\n  bad: [indent\n')
    chmodSync(file, 0o640)
    const error = thrown(() => loadSlo(file))
    expect(error.message).not.toMatch(/root|20228/)
  })

  it('a JSON error does not quote it (Node quotes the text around a JSON error)', () => {
    const file = path.join(dir, 'secret.json')
    writeFileSync(file, 'root:*:20228:0:99999:7:::\n')
    chmodSync(file, 0o600)
    const error = thrown(() => readUserJson(file))
    expect(error.message).toMatch(/secret\.json: is not valid here; its text is not quoted/)
    expect(error.message).not.toMatch(/root|20228/)
  })

  it('a symlink to /etc/shadow: one line, none of its content', () => {
    const file = link('shadow.yaml', '/etc/shadow')
    const error = thrown(() => loadSlo(file))
    expect(error).toBeInstanceOf(ConfigFileError)
    expect(error.message).not.toContain('\n')
    if (shadowLine) {
      expect(error.message).not.toContain(shadowLine.slice(0, 8))
      expect(error.message).not.toContain(shadowLine.split(':')[0] + ':')
    }
  })

  it('a world-readable file of the user is still quoted (short), so users see what is wrong', () => {
    const file = path.join(dir, 'mine.yaml')
    writeFileSync(file, 'objectives:\n  - sli: a\n    colour: blue\n')
    chmodSync(file, 0o644)
    expect(() => loadSlo(file)).toThrow(/mine\.yaml:2: objectives\.0: unknown key 'colour'/)
    expect(mayQuote(file)).toBe(true)
  })

  it('a world-readable file: quoted keys are capped and kept on one line', () => {
    const file = path.join(dir, 'long.yaml')
    writeFileSync(file, `"${'k'.repeat(5000)}\\nx": 1\n`)
    chmodSync(file, 0o644)
    const error = thrown(() => loadSlo(file))
    expect(error.message.length).toBeLessThan(200)
    expect(error.message).not.toContain('\n')
  })
})

describe('files read under another name than they are reported under', () => {
  it('jmeter-dir/jmeter.conf.yaml -> a file not readable by everyone: reported relative, still not quoted', () => {
    const ws = path.join(dir, 'ws')
    mkdirSync(path.join(ws, 'jm'), { recursive: true })
    const secret = path.join(dir, 'private.yaml')
    writeFileSync(secret, 'secretkey-abc123: 1\n')
    chmodSync(secret, 0o600)
    symlinkSync(secret, path.join(ws, 'jm', 'jmeter.conf.yaml'))
    const log = { info: () => undefined, warning: () => undefined, debug: () => undefined }
    const error = thrown(() => readWorkloads(path.join(ws, 'jm'), ws, log as never))
    expect(error).toBeInstanceOf(ConfigFileError)
    expect(error.message).toMatch(/^jm\/jmeter\.conf\.yaml:1: is not valid here; its text is not quoted/)
    expect(error.message).not.toContain('secretkey')
  })
})

describe('excerpts', () => {
  it('cap the length and escape control characters', () => {
    expect(clip('a\nb\u0007c', 10)).toBe('a\\nb\\u0007c')
    expect(clip('x'.repeat(100), 5)).toBe('xxxxx…')
    expect(excerpt('say "hi"\n')).toBe('"say \\"hi\\"\\n"')
  })
})
