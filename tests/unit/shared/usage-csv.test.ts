import { describe, expect, it } from 'vitest'
import { csvCell, usageToCsv, type UsageDay } from '../../../electron/shared/usage-csv'

function day(date: string, counts: Partial<Omit<UsageDay, 'date'>> = {}): UsageDay {
  return {
    date,
    visits: 0,
    idleResets: 0,
    sections: {},
    prints: {},
    printFailures: {},
    languages: { en: 0, es: 0 },
    ...counts,
  }
}

/** Splits CSV text that has no quoted line breaks into rows of cells. */
function rows(csv: string): string[][] {
  expect(csv.endsWith('\r\n')).toBe(true)
  return csv
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','))
}

describe('usageToCsv', () => {
  it('writes only the fixed columns when there is no data', () => {
    expect(usageToCsv([])).toBe('date,visits,idle_resets,language_en,language_es\r\n')
    expect(usageToCsv([day('2026-11-21')])).toBe(
      'date,visits,idle_resets,language_en,language_es\r\n2026-11-21,0,0,0,0\r\n',
    )
  })

  it('adds a column for every id on any day and fills the gaps with zeros', () => {
    const csv = usageToCsv([
      day('2026-11-20', {
        visits: 12,
        idleResets: 4,
        languages: { en: 8, es: 5 },
        sections: { 'what-is': { views: 6, seconds: 300 } },
        prints: { 'home-care/en': 2 },
      }),
      day('2026-11-21', {
        visits: 3,
        sections: { causes: { views: 1, seconds: 40 } },
        prints: { 'home-care/es': 1 },
        printFailures: { stretches: 2 },
      }),
    ])
    expect(rows(csv)).toEqual([
      [
        'date',
        'visits',
        'idle_resets',
        'language_en',
        'language_es',
        'section_causes_views',
        'section_causes_seconds',
        'section_what-is_views',
        'section_what-is_seconds',
        'prints_home-care_en',
        'prints_home-care_es',
        'print_failures_stretches',
      ],
      ['2026-11-20', '12', '4', '8', '5', '0', '0', '6', '300', '2', '0', '0'],
      ['2026-11-21', '3', '0', '0', '0', '1', '40', '0', '0', '0', '1', '2'],
    ])
  })

  it('keeps the days in the order given', () => {
    const csv = usageToCsv([day('2026-11-21'), day('2026-11-19')])
    expect(rows(csv).map((row) => row[0])).toEqual(['date', '2026-11-21', '2026-11-19'])
  })
})

describe('csvCell', () => {
  it('leaves plain values alone', () => {
    expect(csvCell('what-is')).toBe('what-is')
    expect(csvCell(42)).toBe('42')
    expect(csvCell('')).toBe('')
  })

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"')
  })

  it('stops spreadsheets from running a cell as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
    expect(csvCell('a=1')).toBe('a=1')
  })

  it('applies the guard to every cell the export writes', () => {
    const csv = usageToCsv([day('=1+1', { visits: 1 })])
    expect(csv.split('\r\n')[1]).toBe("'=1+1,1,0,0,0")
  })
})
