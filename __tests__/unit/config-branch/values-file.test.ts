import { describe, expect, it } from '@jest/globals'
import { imageShape, readImage, splitRegistry, writeImage } from '../../../src/config-branch/values-file.js'

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
    expect(() => writeImage('image: 3\n', image, FILE)).toThrow(
      `${FILE}: image: expected repo:tag, or a map with repository and tag (and registry)`
    )
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

describe('the image in the shape the chart reads it', () => {
  it("one string (Keptn's example charts): keeps it one string, comments and all", () => {
    const text =
      '# carts\nimage: docker.io/keptnexamples/carts:0.7.0 # set by the pipeline\nreplicaCount: 1\n'
    expect(imageShape(text, FILE)).toBe('string')
    expect(readImage(text, FILE)).toEqual({ repository: 'docker.io/keptnexamples/carts', tag: '0.7.0' })
    expect(writeImage(text, image, FILE)).toBe(
      '# carts\nimage: docker.io/keptnexamples/carts:0.8.1 # set by the pipeline\nreplicaCount: 1\n'
    )
    expect(readImage('image: localhost:5000/carts\n', FILE)).toBeUndefined() // a port is not a tag
  })

  it('registry, repository and tag: the registry goes into its own key, never twice', () => {
    const text =
      'image:\n  registry: quay.io\n  repository: old/carts\n  tag: "0.7.0"\n  pullPolicy: Always\n'
    expect(imageShape(text, FILE)).toBe('registry-repository-tag')
    expect(readImage(text, FILE)).toEqual({ repository: 'quay.io/old/carts', tag: '0.7.0' })
    expect(writeImage(text, image, FILE)).toBe(
      'image:\n  registry: docker.io\n  repository: keptnexamples/carts\n  tag: "0.8.1"\n  pullPolicy: Always\n'
    )
    expect(readImage(writeImage(text, image, FILE), FILE)).toEqual(image)
  })

  it("a new file takes the chart's shape", () => {
    expect(writeImage(undefined, image, FILE, 'string')).toBe('image: docker.io/keptnexamples/carts:0.8.1\n')
    expect(writeImage('replicaCount: 2\n', image, FILE, 'registry-repository-tag')).toBe(
      'replicaCount: 2\nimage:\n  registry: docker.io\n  repository: keptnexamples/carts\n  tag: 0.8.1\n'
    )
    expect(imageShape('replicaCount: 2\n', FILE)).toBeUndefined()
    expect(imageShape(undefined, FILE)).toBeUndefined()
  })

  it('tells the registry as Docker does', () => {
    expect(splitRegistry('keptnexamples/carts')).toEqual({
      registry: 'docker.io',
      path: 'keptnexamples/carts'
    })
    expect(splitRegistry('ghcr.io/org/carts')).toEqual({ registry: 'ghcr.io', path: 'org/carts' })
    expect(splitRegistry('localhost:5000/carts')).toEqual({ registry: 'localhost:5000', path: 'carts' })
    expect(splitRegistry('localhost/carts')).toEqual({ registry: 'localhost', path: 'carts' })
    expect(splitRegistry('carts')).toEqual({ registry: 'docker.io', path: 'carts' })
  })
})
