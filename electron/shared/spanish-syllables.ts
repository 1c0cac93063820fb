/**
 * Spanish syllable counting for the readability meter. Spanish spelling is regular enough
 * that counting vowel nuclei is close to exact, unlike English where we rely on a word list.
 */

/** a, e, o are strong; an accent on i or u makes it a nucleus of its own (día, búho). */
const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó'])
const ACCENTED_WEAK = new Set(['í', 'ú'])
const WEAK = new Set(['i', 'u', 'ü'])

function isVowel(char: string): boolean {
  return STRONG.has(char) || ACCENTED_WEAK.has(char) || WEAK.has(char)
}

/** Nuclei in a run of vowels with no accented i/u: each strong vowel is one, glides join them. */
function nucleiWithoutAccentedWeak(run: string): number {
  if (run.length === 0) return 0
  const strong = [...run].filter((char) => STRONG.has(char)).length
  // Only weak vowels (cuidado, ciudad, muy) still make one diphthong.
  return strong === 0 ? 1 : strong
}

/** Nuclei in one run of adjacent vowels: an accented i/u splits the run into hiatus parts. */
function nucleiInVowelRun(run: string): number {
  let count = 0
  let part = ''
  for (const char of run) {
    if (ACCENTED_WEAK.has(char)) {
      count += nucleiWithoutAccentedWeak(part) + 1
      part = ''
    } else part += char
  }
  return count + nucleiWithoutAccentedWeak(part)
}

/**
 * Counts the syllables of one Spanish word (letters only; callers split off punctuation and
 * hyphens). Returns at least 1 for any word with letters, so abbreviations still weigh something.
 */
export function countSpanishSyllables(word: string): number {
  const letters = word
    .toLowerCase()
    .normalize('NFD')
    // Keep only the acute accent and diaeresis, the marks that change Spanish syllables.
    .replace(/[\u0300\u0302-\u0307\u0309-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[^a-zñáéíóúü]/g, '')
  if (letters.length === 0) return 0

  const spoken = letters
    // A silent h never separates vowels: ahora is a-o-ra, búho keeps its hiatus from the accent.
    .replace(/h/g, '')
    // The u of que, qui, gue, gui is only spelling; güe and güi keep theirs (pingüino).
    .replace(/([qg])u(?=[eiéí])/g, '$1')
  if (spoken.length === 0) return 1

  // A final y after a vowel is the end of a diphthong (hoy, muy); the word "y" is a vowel too.
  const chars = [...spoken]
  const last = chars.length - 1
  const vowelAt = (index: number): boolean => {
    const char = chars[index] ?? ''
    if (char === 'y')
      return chars.length === 1 || (index === last && isVowel(chars[index - 1] ?? ''))
    return isVowel(char)
  }

  let syllables = 0
  let run = ''
  chars.forEach((char, index) => {
    if (vowelAt(index)) {
      run += char === 'y' ? 'i' : char
      return
    }
    syllables += run ? nucleiInVowelRun(run) : 0
    run = ''
  })
  syllables += run ? nucleiInVowelRun(run) : 0
  return Math.max(1, syllables)
}
