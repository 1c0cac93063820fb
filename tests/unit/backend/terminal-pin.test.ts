import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readNewPinFromTerminal } from '../../../electron/backend/terminal-pin'

function terminal(isTTY: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY })
  const output = new PassThrough()
  let shown = ''
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()))
  return { input, output, shown: () => shown }
}

describe('reading the new PIN for --reset-staff-pin', () => {
  it('takes the first line of what is piped in', async () => {
    const { input, output } = terminal(false)
    const pin = readNewPinFromTerminal(input, output)
    input.end('739152\nignored\n')
    expect(await pin).toBe('739152')
  })

  it('says so when nothing is piped in', async () => {
    const { input, output, shown } = terminal(false)
    const pin = readNewPinFromTerminal(input, output)
    input.end('')
    expect(await pin).toBeNull()
    expect(shown()).toContain('No PIN was given')
  })

  it('asks twice at a terminal without showing the digits', async () => {
    const { input, output, shown } = terminal(true)
    const pin = readNewPinFromTerminal(input, output)
    input.write('739152\r')
    await new Promise((next) => setTimeout(next, 10))
    input.write('739152\r')
    expect(await pin).toBe('739152')
    expect(shown()).toContain('New staff PIN: ')
    expect(shown()).toContain('The same PIN again: ')
    expect(shown()).not.toContain('739152')
  })

  it('refuses two different PINs', async () => {
    const { input, output, shown } = terminal(true)
    const pin = readNewPinFromTerminal(input, output)
    input.write('739152\r')
    await new Promise((next) => setTimeout(next, 10))
    input.write('739153\r')
    expect(await pin).toBeNull()
    expect(shown()).toContain('The two PINs were not the same; nothing was changed.')
  })
})
