import { describe, expect, it } from 'vitest'
import { hasSecondPlane, toOnePlane, toTwoPlanes } from '../../../src/renderer/src/features/editor/station-planes'

describe('switching the stations between one plane and two (#13 item 9)', () => {
  const two = [
    { fromDistalEnd: 0, endostealAP: 25, endostealLat: 23, periostealAP: 34, periostealLat: 36 },
    { fromDistalEnd: 46, endostealAP: '2.1 cm', endostealLat: 20, periostealAP: 32, periostealLat: 31 }
  ]

  it('two → one keeps the smaller diameter of each station (what the plan used) and keeps the planes aside', () => {
    const one = toOnePlane(two)
    expect(one.stations).toEqual([
      { fromDistalEnd: 0, endosteal: 23, periosteal: 34 },
      { fromDistalEnd: 46, endosteal: 20, periosteal: 31 }
    ])
    expect(one.stations.some(hasSecondPlane)).toBe(false)
    expect(one.aside).toEqual(two)
    expect(one.notice).toMatch(/kept aside/)
  })

  it('one → two restores the kept values while the stations are unchanged', () => {
    const one = toOnePlane(two)
    expect(toTwoPlanes(one.stations, one.aside, one.stations).stations).toEqual(two)
  })

  it('one → two after an edit moves each single diameter to the AP column (never hidden)', () => {
    const one = toOnePlane(two)
    const edited = [{ ...one.stations[0]!, endosteal: 22 }, one.stations[1]!]
    const back = toTwoPlanes(edited, one.aside, one.stations)
    expect(back.stations[0]).toEqual({ fromDistalEnd: 0, endostealAP: 22, periostealAP: 34 })
  })
})
