import { describe, expect, it } from '@jest/globals'
import { readImage, writeImage } from '../../../src/config-branch/values-file.js'

const image = { repository: 'docker.io/keptnexamples/carts', tag: '0.8.1' }
const FILE = 'p/dev/carts/values.yaml'

describe('writeImage', () => {
  it('creates a minimal file', () => {
    expect(writeImage(undefined, image, FILE)).toBe(
      'image:\n  repository: docker.io/keptnexamples/carts\n  tag: 0.8.1\n'
    )
  })

  it('changes only the two scalars, keeping other keys, comments, order and quoting', () => {
    const text = [
      '# values for carts',
      'replicaCount: 2 # scaled by hand',
      'image:',
      '  # registry mirror',
      '  repository: old/carts',
      "  tag: '0.7.0' # pinned",
      '  pullPolicy: IfNotPresent',
      'resources: {limits: {cpu: 500m, memory: 256Mi}}',
      'args: [--port, "8080"]',
      'description: a long line that must not be folded even though it is far longer than eighty characters',
      ''
    ].join('\n')
    const expected = text.replace('old/carts', image.repository).replace("'0.7.0'", "'0.8.1'")
    expect(writeImage(text, image, FILE)).toBe(expected)
  })

  it('adds the image to a file that has other keys only', () => {
    expect(writeImage('# mine\nreplicaCount: 1\n', image, FILE)).toBe(
      '# mine\nreplicaCount: 1\nimage:\n  repository: docker.io/keptnexamples/carts\n  tag: 0.8.1\n'
    )
    expect(writeImage('image:\nother: 1\n', image, FILE)).toBe(
      'image:\n  repository: docker.io/keptnexamples/carts\n  tag: 0.8.1\nother: 1\n'
    )
  })

  it('keeps tags that look like numbers or booleans strings', () => {
    for (const tag of ['1.10', '10', 'true', '1e3', '0x1F']) {
      const text = writeImage('image:\n  repository: x\n  tag: 1\n', { repository: 'x', tag }, FILE)
      expect(readImage(text, FILE)).toEqual({ repository: 'x', tag })
    }
  })

  it('refuses files it cannot edit, naming the file and line', () => {
    expect(() => writeImage('- a\n- b\n', image, FILE)).toThrow(`${FILE}:1: expected a map`)
    expect(() => writeImage('image: carts:1\n', image, FILE)).toThrow(`${FILE}: image: expected a map`)
    expect(() => writeImage('a: [\n', image, FILE)).toThrow(/^p\/dev\/carts\/values.yaml:\d+: invalid YAML/)
  })
})

describe('readImage', () => {
  it('reads the image, or undefined when there is none', () => {
    expect(readImage(writeImage(undefined, image, FILE), FILE)).toEqual(image)
    expect(readImage(undefined, FILE)).toBeUndefined()
    expect(readImage('replicaCount: 1\n', FILE)).toBeUndefined()
    expect(readImage('image:\n  repository: x\n', FILE)).toBeUndefined()
  })

  it('reads a tag as written even when YAML would make it a number', () => {
    expect(readImage('image:\n  repository: x\n  tag: 1.10\n', FILE)).toEqual({
      repository: 'x',
      tag: '1.10'
    })
  })
})
