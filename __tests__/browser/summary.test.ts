/** The job summary, rendered as GitHub renders it and looked at in headless Chromium. */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chromium, type Browser, type Page } from 'playwright-core'
import { renderSummary } from '../../src/report/summary.js'
import { STAGING_FAIL } from '../fixtures/summary/staging-fail.js'
import { REPO } from '../helpers/paths.js'
import { summaryPage } from '../helpers/render-markdown.js'

const OUT = path.join(REPO, 'coverage/summary')
let browser: Browser
let page: Page
const markdown = renderSummary(STAGING_FAIL)

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  page = await browser.newPage({ viewport: { width: 1012, height: 900 } })
  mkdirSync(OUT, { recursive: true })
  const file = path.join(OUT, 'staging-fail.html')
  writeFileSync(file, summaryPage(markdown))
  await page.goto(`file://${file}`)
  await page.waitForSelector('body[data-rendered="yes"]', { timeout: 30_000 })
  await page.screenshot({ path: path.join(OUT, 'staging-fail.png'), fullPage: true })
}, 60_000)

afterAll(async () => browser?.close())

describe('the rendered job summary', () => {
  it('is far below the 1 MiB limit', () => {
    expect(Buffer.byteLength(markdown)).toBeLessThan(16 * 1024)
  })

  it('shows the decision as the first line a person reads', async () => {
    expect(await page.locator('h2').first().innerText()).toBe('❌ carts:0.8.2 in staging')
    expect(await page.locator('p strong').first().innerText()).toBe('Quality gate failed: rolled back')
  })

  it('renders the objectives as a table whose columns fit the summary width', async () => {
    const table = page.locator('table').nth(1)
    expect(await table.locator('th').allInnerTexts()).toEqual([
      'SLI',
      'source',
      'value',
      'compared',
      'pass criteria',
      'warning criteria',
      'status',
      'score'
    ])
    expect(await table.locator('tbody tr').count()).toBe(STAGING_FAIL.evaluation?.indicators.length)
    const fits = await table.evaluate(el => el.scrollWidth <= el.clientWidth + 1)
    expect(fits).toBe(true)
    expect(await table.locator('del').count()).toBeGreaterThan(0)
  })

  it('draws the trend chart from the mermaid block', async () => {
    const svg = page.locator('pre.mermaid svg')
    expect(await svg.count()).toBe(1)
    const box = await svg.boundingBox()
    expect(box?.width).toBeGreaterThan(300)
    expect(box?.height).toBeGreaterThan(150)
    expect(await page.locator('pre.mermaid').innerText()).not.toContain('Syntax error')
  })

  it('shows the links and the reason for the fail', async () => {
    expect(await page.locator('a', { hasText: 'this run' }).getAttribute('href')).toBe(STAGING_FAIL.runUrl)
    expect(await page.locator('h3', { hasText: 'Why' }).count()).toBe(1)
  })
})
