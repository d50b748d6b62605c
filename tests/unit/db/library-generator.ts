// A generated library backup of N plans (format osseoplan.library) for the scale measurements:
// the example case files of resources/cases with varied codes, surgeons, statuses and dates.
// Used by library-timings.ts (fake-indexeddb) and, as a command, by tests/e2e/library-scale.spec.ts:
//   npx tsx tests/unit/db/library-generator.ts <out.json> <count>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SURGEONS = ['Dr Ng', 'Dr Okafor', 'Dr Brånemark', 'Dr Hagberg', 'Dr Aschoff', 'Dr Al Muderis', 'Dr Frossard', 'Dr Örtengren']
const STATUSES = ['draft', 'draft', 'draft', 'reviewed', 'approved', 'approved', 'superseded'] as const
const DAY = 86_400_000

export function generatedLibrary(count: number, start = Date.UTC(2025, 0, 1)): Record<string, unknown> {
  const dir = 'resources/cases'
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, any>)
  const plans = []
  const audit = []
  for (let i = 0; i < count; i++) {
    const base = cases[i % cases.length]!
    const code = `P-${String(i).padStart(5, '0')}`
    const caseFile = { ...base, patient: { ...base['patient'], code, weight: 60 + (i % 50) }, notes: `Generated plan ${i} ${i % 13 === 0 ? 'revision after infection' : ''}`.trim() }
    const implant = base['implant'] as Record<string, any>
    const createdAt = start + Math.floor((i * 730 * DAY) / count)
    const id = `gen${String(i).padStart(6, '0')}`
    plans.push({
      id,
      patientCode: code,
      surgeon: SURGEONS[i % SURGEONS.length],
      level: base['limb'].level,
      side: i % 2 ? 'right' : 'left',
      systemId: implant['systemId'] ?? implant['system']?.id ?? '',
      status: STATUSES[i % STATUSES.length],
      archived: i % 10 === 9 ? 1 : 0,
      createdAt,
      updatedAt: createdAt + (i % 30) * DAY,
      parentId: '',
      caseFile: { ...caseFile, limb: { ...base['limb'], side: i % 2 ? 'right' : 'left' } },
      notes: ''
    })
    audit.push({ seq: i + 1, planId: id, at: createdAt, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0', changes: [] })
  }
  return { format: 'osseoplan.library', version: 1, exportedAt: new Date(start).toISOString(), appVersion: '0.1.0', plans, revisions: [], audit }
}

if (process.argv[1]?.endsWith('library-generator.ts')) {
  const [out, count] = process.argv.slice(2)
  if (!out) throw new Error('usage: library-generator.ts <out.json> [count]')
  writeFileSync(out, JSON.stringify(generatedLibrary(Number(count ?? 10_000))))
}
