import { describe, expect, it } from '@jest/globals'
import { parseEvaluations, parseDeployment, prependEvaluation } from '../../../src/config-branch/records.js'
import { checkAuthor, commitStream, parseBatch, parsePush } from '../../../src/programs/git-format.js'

describe('commitStream', () => {
  const spec = {
    ref: 'refs/carts-deploy/commit-1',
    author: { name: 'bot', email: 'bot@example.com' },
    message: 'subject ü\n',
    time: new Date('2026-11-27T05:00:00Z'),
    files: new Map([['p/dev/carts/values.yaml', 'tag: é\n']])
  }

  it('writes one commit with byte counts, and asks for its sha', () => {
    expect(commitStream({ ...spec, parent: 'a'.repeat(40) })).toBe(
      'commit refs/carts-deploy/commit-1\nmark :1\n' +
        'author bot <bot@example.com> 1795755600 +0000\ncommitter bot <bot@example.com> 1795755600 +0000\n' +
        'data 11\nsubject ü\n\n' +
        `from ${'a'.repeat(40)}\n` +
        'M 100644 inline p/dev/carts/values.yaml\ndata 8\ntag: é\n\n' +
        '\nget-mark :1\n'
    )
  })

  it('writes a root commit without a parent, and refuses paths that are not plain', () => {
    expect(commitStream(spec)).not.toContain('from ')
    for (const path of ['../x', '/x', 'a\nb', 'a b', 'a/../b', '.git/config']) {
      expect(() => commitStream({ ...spec, files: new Map([[path, '']]) })).toThrow(/refusing to write/)
    }
  })

  it('refuses author names that would forge a header', () => {
    expect(() => checkAuthor({ name: 'x>\ncommitter y', email: 'a@b' })).toThrow(/author name/)
    expect(() => checkAuthor({ name: 'x', email: 'not an email' })).toThrow(/author email/)
  })
})

describe('parseBatch', () => {
  it('walks bytes, so multi-byte content does not shift what follows', () => {
    const out = Buffer.from(`c1 commit 3\nabc\nmissing-name missing\nb1 blob 3\né\n\n`)
    const objects = parseBatch(out, ['ref', 'missing-name', 'ref:path'])
    expect(objects.get('ref')).toEqual({ sha: 'c1', type: 'commit', content: 'abc' })
    expect(objects.has('missing-name')).toBe(false)
    expect(objects.get('ref:path')).toEqual({ sha: 'b1', type: 'blob', content: 'é\n' })
  })

  it('fails clearly on truncated output', () => {
    expect(() => parseBatch(Buffer.from('c1 commit 10\nabc'), ['ref'])).toThrow(/unexpected output for ref/)
  })
})

describe('parsePush', () => {
  const ref = 'refs/heads/config'
  it('reads pushed, rejected and other outcomes', () => {
    expect(parsePush(`To /r\n*\tabc:${ref}\t[new branch]\nDone\n`, ref)).toEqual({ kind: 'pushed' })
    expect(parsePush(`To /r\n \tabc:${ref}\t1..2\nDone\n`, ref)).toEqual({ kind: 'pushed' })
    expect(parsePush(`!\tabc:${ref}\t[rejected] (fetch first)\n`, ref)).toEqual({
      kind: 'rejected',
      reason: '[rejected] (fetch first)'
    })
    expect(parsePush(`!\tabc:${ref}\t[remote rejected] (failed to update ref)\n`, ref).kind).toBe('rejected')
    expect(parsePush(`!\tabc:${ref}\t[remote rejected] (protected branch hook declined)\n`, ref).kind).toBe(
      'unknown'
    )
    expect(parsePush('fatal: unable to access\n', ref).kind).toBe('unknown')
  })
})

describe('records', () => {
  it('prepends evaluations, newest first, capped', () => {
    let text: string | undefined
    for (let i = 1; i <= 5; i++) text = prependEvaluation(text, { i }, 'e.json', 3)
    expect(parseEvaluations(text, 'e.json')).toEqual([{ i: 5 }, { i: 4 }, { i: 3 }])
    expect(parseEvaluations(undefined, 'e.json')).toEqual([])
    expect(() => parseEvaluations('{"a":1}', 'e.json')).toThrow('e.json: expected a JSON array')
    expect(() => parseEvaluations('[', 'e.json')).toThrow('e.json: invalid JSON')
  })

  it('reads a deployment record back', () => {
    const record = { image: { repository: 'x', tag: '1' }, result: 'deployed', time: 't' }
    expect(parseDeployment(JSON.stringify(record), 'd.json')).toEqual(record)
    expect(() => parseDeployment('{}', 'd.json')).toThrow('d.json: expected a deployment record')
  })
})
