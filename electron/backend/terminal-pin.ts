import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/** Asks on a terminal without showing what is typed: the PIN must not stay on the screen. */
function askHidden(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<string> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const lines = createInterface({ input, output: silent, terminal: true })
  output.write(question)
  return new Promise((answer) => {
    lines.question('', (typed) => {
      lines.close()
      output.write('\n')
      answer(typed.trim())
    })
  })
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  for await (const line of createInterface({ input })) return line.trim()
  return ''
}

/**
 * The new staff PIN for `--reset-staff-pin`: typed twice at a terminal (hidden), or the first
 * line of what is piped in, for scripts. Null, with the reason said, when there is none.
 */
export async function readNewPinFromTerminal(
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string | null> {
  if (!input.isTTY) {
    const pin = await firstLine(input)
    if (pin === '') output.write('No PIN was given: pipe one line with the new PIN.\n')
    return pin === '' ? null : pin
  }
  const pin = await askHidden('New staff PIN: ', input, output)
  const again = await askHidden('The same PIN again: ', input, output)
  if (pin !== again) {
    output.write('The two PINs were not the same; nothing was changed.\n')
    return null
  }
  return pin
}
