// What the Audit screen and the printed cohort report show, against the project's rounding rule
// ("Rounding never crosses a limit": 0 % only when exactly 0, 100 % only when exactly 1; an
// interval's lower limit rounded down, its upper limit up) and against what the survival estimate
// can say: nothing past the last follow-up. Hand cases from the display audit.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { auditCohort, removalFreeSurvival, SHIPPED_OUTCOME_SETTINGS, type CohortAudit, type IncidenceRow } from '../../../src/shared/outcomes'
import { incidenceRate, kaplanMeier, share, type KmCurve, type ShareWithInterval, type SurvivalObservation } from '../../../src/shared/stats'
import { dueListRest, FIGURE_NOTES, percentIntervalText, percentText, rateText, shareText } from '../../../src/renderer/src/features/outcomes/audit-format'
import { IncidenceTable } from '../../../src/renderer/src/features/outcomes/audit-tables'
import { SurvivalChart } from '../../../src/renderer/src/features/outcomes/charts'
import { CohortReport } from '../../../src/renderer/src/features/outcomes/CohortReport'
import { event, patient, plusDays, visit } from './fixtures'

/** Tags stripped, entities of the markup decoded. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'").replace(/&quot;/g, '"')
}

/** Each table row as "header: cell | cell …" (tags stripped). */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => {
    const cells = [...(m[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => text(c[1] ?? ''))
    return `${cells[0]}: ${cells.slice(1).join(' | ')}`
  })
}

/** The numbers of "a–b" (an en dash between two numbers). */
function limits(s: string): [number, number] {
  const m = /(-?[\d.]+)–(-?[\d.]+)/.exec(s)
  if (!m) throw new Error(`No interval in "${s}"`)
  return [Number(m[1]), Number(m[2])]
}

function survivalChart(curve: KmCurve, atRiskTimes: number[], atRisk: number[]): string {
  return renderToStaticMarkup(<SurvivalChart curve={curve} atRiskTimes={atRiskTimes} atRisk={atRisk} />)
}

/** x coordinates of the drawn step line (its M and H commands) and of the band's polygon. */
function drawn(html: string): { line: number[]; band: number[] } {
  const d = /<path d="([^"]+)" class="oc-step"/.exec(html)![1]!
  const points = /<polygon points="([^"]*)" class="oc-band"/.exec(html)?.[1] ?? ''
  return {
    line: [...d.matchAll(/[MH](-?[\d.]+)/g)].map((m) => Number(m[1])),
    band: points.trim() === '' ? [] : points.trim().split(/\s+/).map((p) => Number(p.split(',')[0]))
  }
}

/** The chart's x scale (charts.tsx: 520 wide, 64 on the left for "at risk", 10 on the right). */
const sx = (t: number, xMax: number) => 64 + (t / xMax) * (520 - 10 - 64)

describe('rounding never crosses a limit: shares', () => {
  it('1 of 250 is 0.4 %, 249 of 250 is 99.6 %; 0 and 100 % only when exact', () => {
    expect(shareText(share(1, 250))).toMatch(/^0\.4 % \(1 of 250; 95 % CI /)
    expect(shareText(share(249, 250))).toMatch(/^99\.6 % \(249 of 250; 95 % CI /)
    expect(shareText(share(0, 250))).toMatch(/^0 % \(0 of 250; 95 % CI 0–/)
    expect(shareText(share(250, 250))).toMatch(/^100 % \(250 of 250; 95 % CI [\d.]+–100 %\)$/)
    expect(shareText(share(1, 1))).toMatch(/^100 % \(1 of 1; /)
  })

  it('rounds the lower limit down and the upper up: 27.6–79.4 is "27–80", never "28–79"', () => {
    const s: ShareWithInterval = { count: 5, n: 10, share: 0.5, interval: { lower: 0.276, upper: 0.794 } }
    expect(shareText(s)).toBe('50 % (5 of 10; 95 % CI 27–80 %)')
  })

  it('never prints a limit of 0 or 100 % that is not exactly 0 or 1, and never narrows the interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const count = Math.round(f * n)
        const s = share(count, n)
        const t = shareText(s)
        const shown = Number(/^([\d.]+) %/.exec(t)![1])
        const [lo, hi] = limits(t)
        const l = s.interval!.lower * 100
        const u = s.interval!.upper * 100
        return (
          (shown === 0) === (count === 0) &&
          (shown === 100) === (count === n) &&
          lo <= l + 1e-9 &&
          hi >= u - 1e-9 &&
          (lo === 0) === (l === 0) &&
          (hi === 100) === (u === 100)
        )
      }),
      { numRuns: 500 }
    )
  })

  it('percentages beside the limits 0 and 100: one more decimal below 1 %', () => {
    expect(percentText(0.996)).toBe('99.6 %')
    expect(percentText(0.004)).toBe('0.4 %')
    expect(percentText(0.006)).toBe('0.6 %')
    expect(percentText(0.5)).toBe('50 %')
    expect(percentText(1)).toBe('100 %')
    expect(percentText(0)).toBe('0 %')
    expect(percentText(0.9996, 1)).toBe('99.96 %')
    expect(percentIntervalText(0.005983, 0.91041, 1)).toBe('0.59–91.1 %')
    expect(percentIntervalText(1, 1, 1)).toBe('100–100 %')
  })
})

describe('rounding never crosses a limit: rates per 100 implant-years', () => {
  const row = (rate: number, lower: number, upper: number): IncidenceRow => ({ type: 'infection', rate: { events: 1, exposure: 100, rate, lower, upper, per: 100, level: 0.95 }, patients: 1 })
  it('a lower limit of 0.005 is not printed as 0; an upper limit is rounded up', () => {
    expect(rateText(row(0.2, 0.005, 1.1))).toBe('0.2 (95 % CI 0.005–1.1)')
    expect(rateText(row(27.6, 27.66, 79.41))).toBe('27.6 (95 % CI 27.6–79.5)')
  })
  it('one more decimal below 1; 0 only when exactly 0', () => {
    const one = incidenceRate(1, 200)
    expect(rateText({ type: 'fracture', rate: one, patients: 1 })).toBe('0.5 (95 % CI 0.01–2.8)')
    const none = incidenceRate(0, 200)
    expect(rateText({ type: 'fracture', rate: none, patients: 0 })).toBe('0 (95 % CI 0–1.9)')
    const tiny = incidenceRate(1, 25_000)
    const t = rateText({ type: 'fracture', rate: tiny, patients: 1 })
    expect(t).toMatch(/^0\.004 /)
    const [lo, hi] = limits(t)
    expect(lo).toBeGreaterThan(0)
    expect(lo).toBeLessThanOrEqual(tiny.lower!)
    expect(hi).toBeGreaterThanOrEqual(tiny.upper!)
  })
})

describe('the survival chart', () => {
  it('1 removal among 250 patients: the caption says 99.6 %, not 100 %', () => {
    const obs: SurvivalObservation[] = [{ time: 0.5, event: true }, ...Array.from({ length: 249 }, (_, i) => ({ time: 1 + i / 100, event: false }))]
    const caption = text(/<figcaption>(.*?)<\/figcaption>/.exec(survivalChart(kaplanMeier(obs), [0, 1, 2, 3, 4], [250, 249, 149, 49, 0]))![1]!)
    expect(caption).toContain('1 removal')
    expect(caption).toContain('99.6 %')
    expect(caption).not.toMatch(/\b100 %/)
  })

  it('ends the curve and its band at the last follow-up, not at the end of the year axis', () => {
    // One removal at 0.41 y, one patient censored at 1.25 y; the axis runs to 2 y.
    const curve = kaplanMeier([{ time: 0.41, event: true }, { time: 1.25, event: false }])
    const { line, band } = drawn(survivalChart(curve, [0, 1, 2], [2, 1, 0]))
    expect(Math.max(...line)).toBeCloseTo(sx(1.25, 2), 6)
    expect(Math.max(...band)).toBeCloseTo(sx(1.25, 2), 6)
  })

  it('ends the band at the step where survival reaches 0 (its interval is not defined there)', () => {
    const curve = kaplanMeier([{ time: 0.5, event: true }, { time: 1, event: true }])
    expect(curve.steps[1]).toMatchObject({ survival: 0, lower: null, upper: null })
    const html = survivalChart(curve, [0, 1, 2], [2, 1, 0])
    const { line, band } = drawn(html)
    expect(Math.max(...line)).toBeCloseTo(sx(1, 2), 6)
    expect(Math.max(...band)).toBeCloseTo(sx(1, 2), 6)
    // No band point at 1 y below the previous step's lower limit or at 0 (the band stops with the drop).
    const points = /<polygon points="([^"]*)" class="oc-band"/.exec(html)![1]!.trim().split(/\s+/).map((p) => p.split(',').map(Number) as [number, number])
    const y0 = 220 - 28
    expect(points.some(([, y]) => Math.abs(y - y0) < 1e-6)).toBe(false)
  })
})

describe('the printed survival table by year', () => {
  const today = '2026-06-01'
  const start = '2024-01-01'
  // One removal 150 days after surgery (0.41 y), one patient last seen 457 days after (1.25 y).
  const ps = [patient('a', start, { events: [event('a', 'removal', plusDays(start, 150))] }), patient('b', start, { visits: [visit('b', plusDays(start, 457))] })]
  const audit: CohortAudit = auditCohort(ps, {}, today)
  const html = renderToStaticMarkup(<CohortReport audit={audit} total={2} view="all patients" settings={SHIPPED_OUTCOME_SETTINGS} today={today} userName="" paperSize="A4" />)
  const table = /<caption>Survival at each year since surgery<\/caption>(.*?)<\/table>/.exec(html)![1]!

  it('says "not estimable" where nobody is at risk, keeping the 0 at risk', () => {
    expect(audit.survival.atRiskTimes).toEqual([0, 1, 2])
    expect(audit.survival.atRisk).toEqual([2, 1, 0])
    const rows = rowsOf(`<table>${table}</table>`)
    expect(rows[0]).toBe('Years: At risk | Survival | 95 % interval (log-log)')
    expect(rows[1]).toBe('0: 2 | 100 % | 100–100 %')
    expect(rows[2]).toBe('1: 1 | 50 % | 0.59–91.1 %')
    expect(rows[3]).toMatch(/^2: 0 \| not estimable/)
    expect(rows[3]).not.toContain('50 %')
  })

  it('prints 0 % (interval not defined) after everyone has had a removal', () => {
    const all = [patient('c', start, { events: [event('c', 'removal', plusDays(start, 200))] }), patient('d', start, { events: [event('d', 'removal', plusDays(start, 300))] })]
    const a = auditCohort(all, {}, today)
    const h = renderToStaticMarkup(<CohortReport audit={a} total={2} view="all patients" settings={SHIPPED_OUTCOME_SETTINGS} today={today} userName="" paperSize="A4" />)
    const rows = rowsOf(`<table>${/<caption>Survival at each year since surgery<\/caption>(.*?)<\/table>/.exec(h)![1]!}</table>`)
    expect(rows[2]).toBe('1: 0 | 0 % | not defined')
  })
})

describe('numbers at risk on the anniversary', () => {
  it('counts patients seen exactly 365 days after surgery (the 12-month due day) at 1 year', () => {
    const start = '2025-01-01'
    const ps = ['a', 'b', 'c'].map((id) => patient(id, start, { visits: [visit(id, plusDays(start, 365))] }))
    expect(removalFreeSurvival(ps, '2026-06-01').atRisk).toEqual([3, 3])
  })
})

describe('the due / overdue list', () => {
  it('says what is true about the patients not listed: no CSV holds them', () => {
    const t = dueListRest(37, 200)
    expect(t).toContain('37 more')
    expect(t).toContain('first 200')
    expect(t).toContain('earliest due first')
    expect(t).toMatch(/filter/i)
    expect(t).not.toMatch(/CSV/)
    const page = readFileSync(join(__dirname, '../../../src/renderer/src/features/outcomes/AuditPage.tsx'), 'utf8')
    expect(page).not.toContain('in the CSV export')
  })
})

describe('limbs, not people', () => {
  it('the incidence table counts limbs (plans) and says so', () => {
    const audit = auditCohort([patient('a', '2024-01-01', { events: [event('a', 'infection', '2024-06-01')] })], {}, '2026-06-01')
    const html = renderToStaticMarkup(<IncidenceTable incidence={audit.incidence} scale={SHIPPED_OUTCOME_SETTINGS.scale} />)
    expect(rowsOf(html)[0]).toBe('Event: Events | Limbs (plans) | Per 100 implant-years (exact 95 % CI)')
    expect(FIGURE_NOTES.limbs).toMatch(/both sides/)
  })
  it('the printed report has the small print', () => {
    const audit = auditCohort([patient('a', '2024-01-01')], {}, '2026-06-01')
    const html = renderToStaticMarkup(<CohortReport audit={audit} total={1} view="all patients" settings={SHIPPED_OUTCOME_SETTINGS} today="2026-06-01" userName="" paperSize="A4" />)
    expect(text(html)).toContain(FIGURE_NOTES.limbs)
  })
})
