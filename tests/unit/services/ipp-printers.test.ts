import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import ipp from '@sealsystems/ipp'
import { afterEach, describe, expect, it } from 'vitest'
import { createIppPrinters } from '../../../electron/services/ipp-printers'

/**
 * A print system on 127.0.0.1 that speaks IPP with the same encoder, so the client's requests
 * and its reading of real IPP answers are tested without CUPS (the tests in tests/hardware ask
 * the real one).
 */
interface Answer {
  statusCode: string
  printer?: Record<string, unknown>
}
let server: Server | undefined
const asked: { operation: string; uri: string; path: string }[] = []

async function printSystem(answer: (operation: string, path: string) => Answer): Promise<string> {
  const codec = ipp as unknown as {
    parse(buffer: Buffer): { operation: string; 'operation-attributes-tag': Record<string, string> }
    serialize(message: unknown): Buffer
  }
  server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const message = codec.parse(Buffer.concat(chunks))
      asked.push({
        operation: message.operation,
        uri: message['operation-attributes-tag']['printer-uri'] ?? '',
        path: request.url ?? '',
      })
      const { statusCode, printer } = answer(message.operation, request.url ?? '')
      response.writeHead(200, { 'content-type': 'application/ipp' })
      response.end(
        codec.serialize({
          version: '2.0',
          statusCode,
          id: 1,
          'operation-attributes-tag': {
            'attributes-charset': 'utf-8',
            'attributes-natural-language': 'en-us',
          },
          ...(printer ? { 'printer-attributes-tag': printer } : {}),
        }),
      )
    })
  })
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

afterEach(async () => {
  asked.length = 0
  await new Promise((done) => (server ? server.close(done) : done(undefined)))
  server = undefined
})

describe('the IPP client', () => {
  it('asks CUPS for its default queue, as lpstat -d does', async () => {
    const url = await printSystem(() => ({
      statusCode: 'successful-ok',
      printer: { 'printer-name': 'Front_Desk' },
    }))
    expect(await createIppPrinters({ server: url }).defaultPrinter()).toBe('Front_Desk')
    expect(asked[0]?.operation).toBe('CUPS-Get-Default')
  })

  it('reads a queue’s state, reasons and whether it takes jobs', async () => {
    const url = await printSystem(() => ({
      statusCode: 'successful-ok',
      printer: {
        'printer-state': 'stopped',
        'printer-state-reasons': ['paused', 'media-empty-error'],
        'printer-is-accepting-jobs': false,
      },
    }))
    const attributes = await createIppPrinters({ server: url }).attributes('Front Desk')
    expect(attributes).toEqual({
      'printer-state': 'stopped',
      'printer-state-reasons': ['paused', 'media-empty-error'],
      'printer-is-accepting-jobs': false,
    })
    expect(asked[0]).toMatchObject({
      operation: 'Get-Printer-Attributes',
      path: '/printers/Front%20Desk',
    })
  })

  it('answers null for a queue the print system does not have', async () => {
    const url = await printSystem(() => ({ statusCode: 'client-error-not-found' }))
    expect(await createIppPrinters({ server: url }).attributes('Gone')).toBeNull()
  })

  it('rejects when nothing answers, so the kiosk knows it does not know', async () => {
    const url = await printSystem(() => ({ statusCode: 'successful-ok' }))
    const closed = url
    await new Promise((done) => server!.close(done))
    server = undefined
    await expect(
      createIppPrinters({ server: closed, timeoutMs: 500 }).defaultPrinter(),
    ).rejects.toThrow()
  })
})
