/**
 * Checks the shipped content: validates every locale as the app does, measures reading level
 * and compares section and sheet ids across locales. Exits non-zero on any failure so CI stops.
 *
 *   tsx scripts/content-check.ts [--markdown <file>]
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkContent, formatConsoleReport, formatMarkdownReport } from './content-check-core'

const contentDir = fileURLToPath(new URL('../content', import.meta.url))

const usage = 'Usage: tsx scripts/content-check.ts [--markdown <file>]'

async function main(): Promise<number> {
  let markdown: string | undefined
  try {
    markdown = parseArgs({ options: { markdown: { type: 'string' } } }).values.markdown
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
    return 2
  }
  const result = await checkContent(contentDir)
  process.stdout.write(formatConsoleReport(result))
  if (markdown) {
    const file = resolve(markdown)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, formatMarkdownReport(result), 'utf8')
    console.log(`\nReport written to ${markdown}`)
  }
  return result.failures.length === 0 ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 2
  },
)
