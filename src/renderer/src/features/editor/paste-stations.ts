// Canal stations pasted from a spreadsheet: rows separated by newlines, cells by tabs (or
// commas/semicolons when there is no tab). Columns are read from a header row when there is
// one ("distance", "endosteal", "periosteal", optional "AP"/"Lat"); without a header, 3
// columns are distance, endosteal, periosteal and 5 columns add the second plane. A unit in a
// header cell ("Distance (cm)") is that column's unit; otherwise the table's unit applies.
import type { RawStation } from '../../../../shared/case/types'
import { readDecimal, type LengthUnit } from '../../../../shared/units'

type Column = keyof RawStation

export interface PasteResult {
  stations: RawStation[]
  /** Plain-English problems with the pasted text (nothing is applied when there are any). */
  problems: string[]
  /** The paste uses decimal commas throughout (14,5), read as typed: offer to read them as points. */
  decimalCommas: boolean
}

const DECIMAL_COMMA_CELL = /^[+-]?\d+,\d+$/
const INTEGER_CELL = /^[+-]?\d+$/

/**
 * Whether every number in the paste is written with a decimal comma or as a whole number, with at
 * least one comma and cells separated by tabs or semicolons (so a comma cannot be a separator):
 * then "14,5" can only mean 14.5. A paste that mixes points and commas is never reinterpreted.
 */
export function usesDecimalCommas(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '')
  if (lines.length === 0 || !lines.every((l) => l.includes('\t') || l.includes(';'))) return false
  const cells = lines.flatMap(splitRow).filter((c) => /\d/.test(c))
  return cells.some((c) => DECIMAL_COMMA_CELL.test(c)) && cells.every((c) => DECIMAL_COMMA_CELL.test(c) || INTEGER_CELL.test(c))
}

const THREE: Column[] = ['fromDistalEnd', 'endosteal', 'periosteal']
const FIVE: Column[] = ['fromDistalEnd', 'endostealAP', 'endostealLat', 'periostealAP', 'periostealLat']

function headerColumn(cell: string): Column | null {
  const c = cell.toLowerCase()
  const plane = /\bap\b/.test(c) ? 'AP' : /\blat/.test(c) ? 'Lat' : ''
  if (/dist|from|level|\bz\b|station/.test(c)) return 'fromDistalEnd'
  if (/endo|canal|inner/.test(c)) return `endosteal${plane}` as Column
  if (/peri|outer|bone/.test(c)) return `periosteal${plane}` as Column
  return null
}

/** The unit a header cell states ("Distance (cm)", "Endosteal [in]", "periosteal mm"), if any:
 *  the spreadsheet's own unit for that column wins over the table's unit selector. */
function headerUnit(cell: string): LengthUnit | null {
  const c = cell.toLowerCase()
  const m = /[([]\s*(mm|cm|in|inch|inches|")\s*[)\]]/.exec(c) ?? /\b(mm|cm|inch|inches|millimet(?:re|er)s?|centimet(?:re|er)s?)\b/.exec(c)
  if (!m) return null
  const u = m[1]!
  return u.startsWith('mm') || u.startsWith('milli') ? 'mm' : u.startsWith('cm') || u.startsWith('centi') ? 'cm' : 'in'
}

function splitRow(line: string): string[] {
  const sep = line.includes('\t') ? '\t' : line.includes(';') ? ';' : ','
  return line.split(sep).map((c) => c.trim())
}

/** A cell as a raw length: plain numbers are in `unit` (stored exactly), text is kept as typed. */
function cellValue(cell: string, unit: LengthUnit): number | string {
  const n = readDecimal(cell)
  if (n !== null) return unit === 'mm' ? n : `${cell} ${unit}`
  return cell
}

/** `readCommasAsPoints`: the surgeon accepted reading a consistent decimal-comma paste as points. */
export function parseStationsPaste(text: string, unit: LengthUnit = 'mm', readCommasAsPoints = false): PasteResult {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '')
  const decimalCommas = usesDecimalCommas(text)
  if (lines.length === 0) return { stations: [], problems: ['Nothing to paste.'], decimalCommas }
  const convert = readCommasAsPoints && decimalCommas
  let rows = lines.map((l) => splitRow(l).map((c) => (convert && DECIMAL_COMMA_CELL.test(c) ? c.replace(',', '.') : c)))
  let columns: (Column | null)[]
  let units: (LengthUnit | null)[] = []
  const first = rows[0] as string[]
  // A header cell has letters and no digits ("2 cm" or "14,5" are values).
  const looksLikeHeader = first.some((c) => /[a-z]/i.test(c) && !/\d/.test(c))
  if (looksLikeHeader) {
    columns = first.map(headerColumn)
    units = first.map(headerUnit)
    rows = rows.slice(1)
    if (!columns.includes('fromDistalEnd')) return { stations: [], problems: ['The header has no distance column (e.g. "distance from distal end").'], decimalCommas }
  } else {
    const width = first.length
    if (width !== 3 && width !== 5)
      return { stations: [], problems: [`Expected 3 columns (distance, endosteal, periosteal) or 5 (distance, endosteal AP, endosteal Lat, periosteal AP, periosteal Lat); found ${width}.`], decimalCommas }
    columns = width === 3 ? THREE : FIVE
  }
  const problems: string[] = []
  const stations = rows.map((cells, r) => {
    const station: RawStation = { fromDistalEnd: '' }
    columns.forEach((column, i) => {
      const cell = cells[i] ?? ''
      if (column && cell !== '') station[column] = cellValue(cell, units[i] ?? unit)
    })
    if (station.fromDistalEnd === '') problems.push(`Row ${r + 1} has no distance from the distal end.`)
    return station
  })
  return { stations, problems, decimalCommas: decimalCommas && !convert }
}
