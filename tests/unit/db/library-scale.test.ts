// 10,000 plans in fake-indexeddb: the data layer of the library stays fast (figures printed;
// docs/performance.md "Library"). Bounds are loose for a shared 2-core machine.
import { expect, it } from 'vitest'
import { runLibraryBench } from './library-timings'

it('with 10,000 plans, the library reads its summaries and filters each keystroke quickly', async () => {
  const rows = await runLibraryBench()
  console.table(rows.map((r) => ({ measure: r.name, ms: Number(r.ms.toFixed(1)) })))
  const ms = (start: string) => rows.find((r) => r.name.startsWith(start))!.ms
  expect(ms('library open')).toBeLessThan(1000)
  expect(ms('search keystroke: filter')).toBeLessThan(30)
  expect(ms('save an edit')).toBeLessThan(200)
}, 60_000)
