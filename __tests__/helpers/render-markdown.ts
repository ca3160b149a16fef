/** Renders job-summary markdown to an HTML page the way GitHub shows it: GFM tables, mermaid diagrams. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { marked } from 'marked'

const require = createRequire(import.meta.url)

export function summaryPage(markdown: string): string {
  const renderer = new marked.Renderer()
  const code = renderer.code.bind(renderer)
  renderer.code = token =>
    token.lang === 'mermaid' ? `<pre class="mermaid">${token.text}</pre>` : code(token)
  const body = marked.parse(markdown, { gfm: true, renderer, async: false })
  const mermaid = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8')
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head>
<body><main class="markdown-body">${body}</main>
<script>${mermaid}</script>
<script>mermaid.initialize({ startOnLoad: false }); mermaid.run().then(() => { document.body.dataset.rendered = 'yes' })</script>
</body></html>`
}

// Close to GitHub's markdown styles for the parts a summary uses.
const CSS = `
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: 1012px; padding: 24px; color: #1f2328;
  font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
h3 { font-size: 1.25em; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
`
