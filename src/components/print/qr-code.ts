import QRCode from 'qrcode'

/** A QR code as a data: URL, made offline (the page's CSP allows data: images only). */
export function qrCodeDataUrl(text: string, widthPx = 240): Promise<string> {
  return QRCode.toDataURL(text, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: widthPx,
    color: { dark: '#000000', light: '#ffffff' },
  })
}
