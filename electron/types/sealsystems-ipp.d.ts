/** The part of @sealsystems/ipp (which ships no types) the kiosk uses. */
declare module '@sealsystems/ipp' {
  namespace ipp {
    interface Response {
      statusCode: string
      'printer-attributes-tag'?: Record<string, unknown>
    }
    interface Printer {
      execute(
        operation: string,
        message: Record<string, unknown>,
        callback: (error: Error | null, response: Response) => void,
      ): void
    }
  }
  const ipp: {
    Printer(url: string, options?: { timeout?: number }): ipp.Printer
  }
  export default ipp
}
