/** The sheets a visitor can print, by id, with the title each prints under in each language. */
export const sheetTitles = {
  en: {
    prevention: 'Preventing back spasms',
    stretches: 'Gentle stretches',
    'home-care': 'Caring for a back spasm at home',
  },
  es: {
    prevention: 'Cómo prevenir los espasmos de espalda',
    stretches: 'Estiramientos suaves',
    'home-care': 'Cómo cuidar un espasmo de espalda en casa',
  },
} as const
