/**
 * The helm post-renderer of blue/green releases (dist/post-render/index.js): the rendered release on
 * stdin, the same release in one colour on stdout. Arguments: <colour> <service> <release>.
 */
import { colourRelease } from './charts/colouring.js'
import { parseManifest, printManifest } from './charts/manifest.js'
import { describe } from './contracts/errors.js'

// A release larger than helm's own release limit (1 MiB compressed) is not a chart this handles.
const MAX_BYTES = 64 * 1024 * 1024

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BYTES) throw new Error(`the rendered release is larger than ${MAX_BYTES} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

try {
  const [colour, service, release] = process.argv.slice(2)
  if ((colour !== 'blue' && colour !== 'green') || !service || !release)
    throw new Error(
      `usage: post-render blue|green <service> <release> (got ${process.argv.slice(2).join(' ')})`
    )
  const rendered = parseManifest(await readStdin())
  process.stdout.write(printManifest(colourRelease(rendered, { colour, service, release })))
} catch (error) {
  process.stderr.write(`carts-deploy post-renderer: ${describe(error)}\n`)
  process.exitCode = 1
}
