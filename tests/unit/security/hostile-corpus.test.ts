// Every item of the hostile input corpus (tests/fixtures/hostile/manifest.json) through the code
// that reads it in the app: refused with a clear message naming the problem (and the field), or
// taken with its text kept literally; nothing already stored changes; no prototype is polluted.
import 'fake-indexeddb/auto'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { planFromRaw } from '../../../src/shared/plan'
import { buildSummary } from '../../../src/shared/summary'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createBackupRepo } from '../../../src/renderer/src/db/backup-repo'
import { validateCaseFileText, validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { plainTextToRaw, textToRaw, type DisplayUnit } from '../../../src/renderer/src/components/unit-value'
import { parseSystemsFile } from '../../../src/renderer/src/features/settings/system-io'
import { changeParam, parseParamText, readProfileRecord, shippedProfileRecord } from '../../../src/renderer/src/features/settings/profile-record'
import type { ProfileKey } from '../../../src/shared/profile/types'
import { makeMeta } from '../print/summary-fixtures'
import { exampleCase, getPath, itemText, loadCorpus, patchedCase, setPath, type HostileItem } from './corpus'
import { findNonFinite } from './non-finite'
import { alteredRevisionBackup, protoHistoryProfileRecord, protoParamProfileRecord } from './generated'
import { FORGED_BACKUPS, FORGED_FILES } from './generated-backups'
import { OUTCOME_BACKUPS } from './generated-outcome-backups'
import { parseStrictJson } from '../../../src/shared/strict-json'
import { IMPORTED_CLAIM } from '../../../src/renderer/src/features/settings/system-io'
import { SYSTEM_PARAM_NAMES } from '../../../src/renderer/src/features/settings/system-record'

/** The text of an item, from the forged generators (issue #18) or the corpus's own. */
async function inputText(item: HostileItem): Promise<string> {
  const forged = item.generate ? (FORGED_BACKUPS[item.generate] ?? OUTCOME_BACKUPS[item.generate] ?? FORGED_FILES[item.generate]) : undefined
  if (forged) return forged()
  if (item.generate === 'backup-altered-revision') return alteredRevisionBackup()
  return itemText(item)
}

const corpus = loadCorpus()
const tried: Record<string, number> = {}
const count = (item: HostileItem) => (tried[item.target] = (tried[item.target] ?? 0) + 1)

afterAll(() => {
  const total = Object.values(tried).reduce((a, b) => a + b, 0)
  console.log(`hostile corpus: ${total} inputs tried (${Object.entries(tried).map(([k, v]) => `${k} ${v}`).join(', ')}), ${corpus.filter((i) => i.expect === 'reject').length} refused, ${corpus.filter((i) => i.expect === 'accept').length} taken as inert text`)
})

function messagePattern(item: HostileItem): RegExp {
  return new RegExp(item.message ?? '', 'i')
}

/** Nothing on Object.prototype may have been added by an input. */
function expectNoPollution() {
  const probe = {} as Record<string, unknown>
  for (const key of ['polluted', 'isAdmin']) expect(probe[key], `Object.prototype.${key}`).toBeUndefined()
}

const items = (target: HostileItem['target']) => corpus.filter((i) => i.target === target)

describe('hostile case files (Import case file → validateCaseFileText; the engine → planFromRaw)', () => {
  it.each(items('case').map((i) => [i.id, i] as const))('%s', async (_id, item) => {
    count(item)
    const text = await inputText(item)
    const checked = validateCaseFileText(text)
    // The engine reads what the app's one strict JSON reader gives it.
    const read = parseStrictJson(text)
    const raw: unknown = read.ok ? read.value : undefined
    const planned = raw === undefined ? null : planFromRaw(raw)
    if (item.expect === 'reject') {
      expect(checked.ok, item.import === 'draft' ? 'the import keeps it as a draft' : 'the import refuses it').toBe(item.import === 'draft')
      if (!checked.ok) {
        expect(checked.problem).toMatch(messagePattern(item))
        if (item.path) expect(checked.problem).toContain(item.path)
        expect(checked.problem).not.toMatch(/\n\s+at |TypeError|undefined/)
      }
      if (planned) {
        expect(planned.ok, 'the engine refuses it').toBe(false)
        if (!planned.ok && item.path) {
          const hit = planned.errors.filter((e) => e.path === item.path || e.path.startsWith(`${item.path}.`))
          expect(hit.map((e) => e.message).join(' | '), `an error at ${item.path}`).toMatch(messagePattern(item))
        }
      }
    } else {
      expect(checked.ok, checked.ok ? '' : checked.problem).toBe(true)
      expect(planned?.ok, 'the engine computes a plan').toBe(true)
      if (planned?.ok) {
        expect(findNonFinite(planned.result)).toEqual([])
        for (const [p, literal] of Object.entries(item.literal ?? {})) {
          expect(getPath(raw, p), `${p} as stored`).toBe(literal)
          expect(getPath(planned.case, p), `${p} in the normalised case`).toBe(literal)
        }
        const code = item.literal?.['patient.code']
        if (code !== undefined) expect(buildSummary(planned.case, planned.result, makeMeta()).header.patientCode).toBe(code)
      }
    }
    expectNoPollution()
    // The large items (30,000 keys) take over 5 s on a loaded 2-core machine.
  }, 20_000)
})

describe('hostile library backups (Restore library): refused with the library unchanged', () => {
  let db: OsseoDb
  let clock = 1_000
  beforeEach(async () => {
    db = new OsseoDb(`hostile-${Math.random()}`)
    await db.open()
    const plans = createPlansRepo(db, () => ++clock)
    await plans.create({ caseFile: exampleCase('transfemoral'), surgeon: 'Dr A' })
    const b = await plans.create({ caseFile: exampleCase('transtibial'), surgeon: 'Dr B' })
    await plans.updateCase(b.id, { ...exampleCase('transtibial'), notes: 'edited' })
    // Outcome records too: a refused backup must not touch them either.
    const outcomes = createOutcomesRepo(db, () => ++clock)
    await outcomes.saveVisit({ planId: b.id, kind: 'follow-up', date: '2026-01-05', pain: 3 })
    await outcomes.saveEvent({ planId: b.id, type: 'fracture', date: '2026-02-01' })
  })
  afterEach(async () => {
    await db.delete()
  })
  const everything = async () => ({
    plans: await db.plans.orderBy('id').toArray(),
    index: await db.planIndex.orderBy('id').toArray(),
    revisions: await db.revisions.orderBy('id').toArray(),
    audit: await db.audit.orderBy('seq').toArray(),
    drafts: await db.drafts.toArray(),
    operations: await db.operations.orderBy('id').toArray(),
    visits: await db.visits.orderBy('id').toArray(),
    events: await db.outcomeEvents.orderBy('id').toArray()
  })

  it.each(items('backup').map((i) => [i.id, i] as const))('%s', async (_id, item) => {
    count(item)
    const text = await inputText(item)
    const before = await everything()
    // What BackupControls does: validate the whole file, write only what was accepted.
    const checked = await validateLibraryBackup(text, item.limit ? { limit: item.limit } : {})
    if (checked.ok) await createBackupRepo(db).importLibrary(checked.value)
    const after = await everything()
    if (item.expect === 'reject') {
      expect(checked.ok, 'the restore refuses it').toBe(false)
      if (!checked.ok) {
        expect(checked.problem).toMatch(messagePattern(item))
        expect(checked.problem).not.toMatch(/\n\s+at |TypeError|undefined/)
      }
      expect(after).toEqual(before)
    } else {
      expect(checked.ok, checked.ok ? '' : checked.problem).toBe(true)
      expect(after.plans.length).toBeGreaterThan(before.plans.length)
      for (const old of before.plans) expect(after.plans.find((row) => row.id === old.id)).toEqual(old)
      // The file's history is marked as imported; the restore adds one entry of its own.
      const added = after.audit.slice(before.audit.length)
      expect(added.filter((a) => a.action === 'restore-backup')).toHaveLength(1)
      expect(added.filter((a) => a.action !== 'restore-backup').every((a) => a.importedFrom)).toBe(true)
      const doc = JSON.parse(text) as Record<string, unknown>
      // A version 2 file's outcome records arrive with their plans; the library's own stay.
      for (const key of ['operations', 'visits', 'events'] as const) {
        expect(after[key].length, key).toBe(before[key].length + ((doc[key] as unknown[] | undefined)?.length ?? 0))
        for (const old of before[key]) expect(after[key]).toContainEqual(old)
      }
      for (const [p, literal] of Object.entries(item.literal ?? {})) {
        expect(getPath(doc, p)).toBe(literal)
        const id = getPath(doc, `${p.slice(0, p.indexOf(']') + 1)}.id`) as string
        const row = await db.plans.get(id)
        expect(getPath(row, p.slice(p.indexOf(']') + 2)), `${p} as stored`).toBe(literal)
      }
    }
    expectNoPollution()
  })
})

describe('hostile implant-catalogue files (Settings → Import systems)', () => {
  it.each(items('systems').map((i) => [i.id, i] as const))('%s', async (_id, item) => {
    count(item)
    const result = parseSystemsFile(await inputText(item))
    if (item.expect === 'reject') {
      expect(result.ok).toBe(false)
      if (!result.ok) {
        const hits = item.path ? result.errors.filter((e) => e.path === item.path || e.path.startsWith(`${item.path}.`)) : result.errors
        expect(hits.length, `an error at ${item.path ?? 'the file'}: ${JSON.stringify(result.errors)}`).toBeGreaterThan(0)
        expect(hits.map((e) => `${e.path} ${e.message}`).join(' | ')).toMatch(messagePattern(item))
        for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0)
      }
    } else {
      expect(result.ok, JSON.stringify(result)).toBe(true)
      if (result.ok) for (const [p, literal] of Object.entries(item.literal ?? {})) expect(getPath({ systems: result.systems }, p)).toBe(literal)
      // A file is a claim: nothing arrives confirmed, and a published value is marked as the file's.
      for (const system of result.ok ? result.systems : []) {
        for (const name of SYSTEM_PARAM_NAMES) {
          const p = system[name]
          if (!p) continue
          expect(p.confirmed, `${system.id}.${name}.confirmed`).toBeUndefined()
          if (p.provenance.kind === 'published') expect(p.provenance.note).toBe(IMPORTED_CLAIM)
        }
      }
    }
    expectNoPollution()
  })
})

describe('hostile text typed into editor fields (the form keeps it; the core names the problem at the field)', () => {
  it.each(items('field').map((i) => [i.id, i] as const))('%s', (_id, item) => {
    count(item)
    const raw = item.kind === 'plain' ? plainTextToRaw(item.text ?? '') : textToRaw(item.text ?? '', item.kind!, item.unit as DisplayUnit)
    const doc = patchedCase(item.patch ?? {})
    setPath(doc, item.path!, raw)
    const planned = planFromRaw(doc)
    if (item.expect === 'reject') {
      expect(planned.ok).toBe(false)
      if (!planned.ok) {
        const hit = planned.errors.filter((e) => e.path === item.path)
        expect(hit.map((e) => e.message).join(' | '), `an error at ${item.path}: ${JSON.stringify(planned.errors)}`).toMatch(messagePattern(item))
      }
    } else {
      expect(planned.ok, JSON.stringify(planned.ok ? '' : planned.errors)).toBe(true)
    }
  })
})

describe('hostile text typed into planning-profile parameters', () => {
  it.each(items('profile').map((i) => [i.id, i] as const))('%s', (_id, item) => {
    count(item)
    const key = item.key as ProfileKey
    let message: string | null = null
    const typed = parseParamText(key, item.text ?? '')
    if (!typed.ok) message = typed.message
    else {
      const changed = changeParam(shippedProfileRecord(), key, typed.value, 'Dr A', 1)
      if (!changed.ok) message = changed.errors.map((e) => `${e.path} ${e.message}`).join(' | ')
    }
    expect(message, 'refused').not.toBeNull()
    expect(message).toMatch(messagePattern(item))
    expectNoPollution()
  })

  it.each(items('profile-record').map((i) => [i.id, i] as const))('%s', (_id, item) => {
    count(item)
    const read = readProfileRecord(item.generate === 'profile-record-proto-param' ? protoParamProfileRecord() : protoHistoryProfileRecord())
    if (item.expect === 'reject') {
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.errors.map((e) => `${e.path} ${e.message}`).join(' | ')).toMatch(messagePattern(item))
    } else {
      expect(read.ok, JSON.stringify(read)).toBe(true)
      if (read.ok) {
        expect(read.record.history.map((c) => c.key)).toEqual(['soft.targetMm'])
        expect(Object.getPrototypeOf(read.record.profile.params)).toBe(Object.prototype)
      }
    }
    expectNoPollution()
  })
})

it('the corpus covers every kind of hostile input the issue names', () => {
  const ids = corpus.map((i) => i.id)
  for (const kind of ['malformed', 'type', 'range', 'boundary', 'unit', 'locale', 'inert', 'proto', 'large']) {
    expect(ids.some((id) => id.split('.')[1] === kind), kind).toBe(true)
  }
  expect(new Set(ids).size).toBe(ids.length)
})
