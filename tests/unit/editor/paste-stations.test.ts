import { describe, expect, it } from 'vitest'
import { parseStationsPaste, usesDecimalCommas } from '../../../src/renderer/src/features/editor/paste-stations'

describe('pasting canal stations from a spreadsheet', () => {
  it('reads three tab-separated columns as distance, endosteal, periosteal', () => {
    const r = parseStationsPaste('20\t14\t28\r\n60\t12.5\t27\n')
    expect(r.problems).toEqual([])
    expect(r.stations).toEqual([
      { fromDistalEnd: 20, endosteal: 14, periosteal: 28 },
      { fromDistalEnd: 60, endosteal: 12.5, periosteal: 27 }
    ])
  })

  it('keeps plain numbers exact in the chosen unit', () => {
    expect(parseStationsPaste('1\t0.5\t1.1', 'in').stations).toEqual([{ fromDistalEnd: '1 in', endosteal: '0.5 in', periosteal: '1.1 in' }])
  })

  it('reads five columns as two planes', () => {
    expect(parseStationsPaste('20\t14\t15\t28\t29').stations[0]).toEqual({ fromDistalEnd: 20, endostealAP: 14, endostealLat: 15, periostealAP: 28, periostealLat: 29 })
  })

  it('maps columns by a header row, in any order', () => {
    const r = parseStationsPaste('Periosteal\tDistance from distal end\tEndosteal\n28\t20\t14')
    expect(r.stations).toEqual([{ fromDistalEnd: 20, endosteal: 14, periosteal: 28 }])
    const planes = parseStationsPaste('z\tendo AP\tendo lat\tperi AP\tperi lat\n20\t14\t15\t28\t29')
    expect(planes.stations[0]).toEqual({ fromDistalEnd: 20, endostealAP: 14, endostealLat: 15, periostealAP: 28, periostealLat: 29 })
  })

  it("reads a unit written in a header cell as that column's unit, over the table's (was ignored: 2 cm read as 2 mm)", () => {
    const r = parseStationsPaste('Distance (cm)\tEndosteal [mm]\tPeriosteal mm\n2\t14\t28\n6\t12.5\t27', 'mm')
    expect(r.problems).toEqual([])
    expect(r.stations).toEqual([
      { fromDistalEnd: '2 cm', endosteal: 14, periosteal: 28 },
      { fromDistalEnd: '6 cm', endosteal: 12.5, periosteal: 27 }
    ])
    // A header without a unit keeps the table's; "in" alone in words is not a unit, "(in)" is.
    const inches = parseStationsPaste('distance in table units\tendosteal (in)\tperiosteal (inches)\n20\t0.5\t1.1', 'cm')
    expect(inches.stations).toEqual([{ fromDistalEnd: '20 cm', endosteal: '0.5 in', periosteal: '1.1 in' }])
  })

  it('keeps cells with units or typos as typed, so the core names the problem at the field', () => {
    expect(parseStationsPaste('2 cm\t14,5\t28').stations[0]).toEqual({ fromDistalEnd: '2 cm', endosteal: '14,5', periosteal: 28 })
  })

  it('refuses an unexpected number of columns and empty text, applying nothing', () => {
    expect(parseStationsPaste('20\t14').problems[0]).toMatch(/Expected 3 columns/)
    expect(parseStationsPaste('20\t14').stations).toEqual([])
    expect(parseStationsPaste('  \n').problems).toEqual(['Nothing to paste.'])
  })

  it('offers to read a paste written with decimal commas throughout as decimal points (#13 item 12)', () => {
    const text = 'Distance\tEndosteal\tPeriosteal\n0\t25,3\t34,5\n46\t20,7\t32\n92;17,25;31,05'
    const asWritten = parseStationsPaste(text)
    expect(asWritten.decimalCommas).toBe(true)
    expect(asWritten.stations[0]?.endosteal).toBe('25,3')
    const read = parseStationsPaste(text, 'mm', true)
    expect(read.stations).toEqual([
      { fromDistalEnd: 0, endosteal: 25.3, periosteal: 34.5 },
      { fromDistalEnd: 46, endosteal: 20.7, periosteal: 32 },
      { fromDistalEnd: 92, endosteal: 17.25, periosteal: 31.05 }
    ])
    expect(read.decimalCommas).toBe(false)
    // In inches, the unit still applies after the conversion.
    expect(parseStationsPaste('0\t1,5\t2', 'in', true).stations[0]).toEqual({ fromDistalEnd: '0 in', endosteal: '1.5 in', periosteal: '2 in' })
  })

  it('never reinterprets a paste that mixes points and commas, or separates cells with commas', () => {
    expect(usesDecimalCommas('0\t25,3\t34.5')).toBe(false)
    expect(usesDecimalCommas('0,25,34')).toBe(false)
    expect(usesDecimalCommas('0\t25\t34')).toBe(false)
    expect(parseStationsPaste('0\t25,3\t34.5', 'mm', true).stations[0]?.endosteal).toBe('25,3')
  })
})
