// Issue #18, item 1: a restored backup is checked, not believed. Each test edits a backup the app
// itself wrote the way a hostile editor would (recomputing the content hash where it matters) and
// expects the restore to refuse it with the library unchanged, or to take only what is true.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createPlansRepo, unconfirmedSiteDefaults } from '../../../src/renderer/src/db/plans-repo'
import { createBackupRepo, libraryBackupText, RestoreConflict } from '../../../src/renderer/src/db/backup-repo'
import { validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { revisionContentHash } from '../../../src/renderer/src/db/content-hash'
import { createFilingsRepo } from '../../../src/renderer/src/db/filings-repo'
import { completeCase, engineResult, useTestDb } from './helpers'

const t = useTestDb(Date.UTC(2026, 10, 1))
const plans = () => createPlansRepo(t.db, t.now)
const backups = () => createBackupRepo(t.db, t.now)

/** One approved plan (with a draft revising it) and one draft; returns the backup text. */
async function approvedLibrary(): Promise<string> {
  const a = await plans().create({ caseFile: completeCase('EX-TF-01'), surgeon: 'Dr A' })
  await plans().markReviewed(a.id, { caseFile: a.caseFile, result: engineResult(a.caseFile), author: 'Dr A' })
  await plans().approve(a.id, { caseFile: a.caseFile, result: engineResult(a.caseFile), author: 'Dr A', acknowledgedSiteDefaults: unconfirmedSiteDefaults(engineResult(a.caseFile)) })
  await plans().create({ caseFile: completeCase('EX-TF-02'), surgeon: 'Dr B' })
  return libraryBackupText(await backups().exportLibrary())
}

type Doc = Record<string, any>

/** Edits the backup and recomputes every revision's hash, as an editor who knows the format would. */
async function forge(text: string, edit: (doc: Doc) => void): Promise<string> {
  const doc = JSON.parse(text) as Doc
  edit(doc)
  for (const r of doc['revisions']) r.contentHash = await revisionContentHash(r.caseFile, r.result)
  return JSON.stringify(doc)
}

async function everything() {
  return {
    plans: await t.db.plans.orderBy('id').toArray(),
    index: await t.db.planIndex.orderBy('id').toArray(),
    revisions: await t.db.revisions.orderBy('id').toArray(),
    audit: await t.db.audit.orderBy('seq').toArray()
  }
}

/** Validate, then import as BackupControls does; returns the refusal (validation or conflict) or null. */
async function restore(text: string): Promise<string | null> {
  const checked = await validateLibraryBackup(text)
  if (!checked.ok) return checked.problem
  try {
    await backups().importLibrary(checked.value, 'forged.json')
  } catch (error) {
    if (error instanceof RestoreConflict) return error.message
    throw error
  }
  return null
}

async function expectRefused(text: string, problem: RegExp, into: 'empty' | 'same' = 'empty') {
  if (into === 'empty') await backups().wipeLibrary()
  const before = await everything()
  const refusal = await restore(text)
  expect(refusal).toMatch(problem)
  expect(refusal).not.toMatch(/bulkAdd|operations failed|ConstraintError|\n\s+at /)
  expect(await everything()).toEqual(before)
}

const approved = (d: Doc) => d['plans'].find((p: Doc) => p.status === 'approved')

describe('recompute, never trust', () => {
  it('refuses a stored result that does not follow from its case, even with a matching hash', async () => {
    const text = await approvedLibrary()
    await expectRefused(await forge(text, (d) => d['revisions'].forEach((r: Doc) => (r.result.implant.diameterMm = 22))), /does not follow from its case/)
  })

  it('refuses an ill-typed stored result at restore', async () => {
    const text = await approvedLibrary()
    await expectRefused(await forge(text, (d) => (d['revisions'][1].result.implant = 'large')), /does not follow from its case/)
  })

  it('refuses a result computed with a profile or engine this library does not have', async () => {
    const text = await approvedLibrary()
    await expectRefused(await forge(text, (d) => d['revisions'].forEach((r: Doc) => (r.result.profileVersion = r.profileVersion = '9.9.9'))), /profile "default" version "9\.9\.9", which this library does not have/)
    await expectRefused(await forge(text, (d) => d['revisions'].forEach((r: Doc) => (r.result.engineVersion = r.engineVersion = '0.0.1'))), /engine "0\.0\.1"/)
  })

  it.each(['1.0.0', '1.1.0'])("restores an earlier engine's (%s) result that this engine computes the same; refuses one it computes differently", async (version) => {
    const text = await approvedLibrary()
    const earlier = (d: Doc) => d['revisions'].forEach((r: Doc) => (r.result.engineVersion = r.engineVersion = version))
    await backups().wipeLibrary()
    expect(await restore(await forge(text, earlier))).toBeNull()
    expect((await t.db.revisions.toArray()).map((r) => r.engineVersion)).toEqual([version, version])
    await expectRefused(
      await forge(text, (d) => {
        earlier(d)
        d['revisions'][0].result.implant.diameterMm = 22
      }),
      new RegExp(`computed by engine "${version.replace(/\./g, '\\.')}", and this OsseoPlan \\(engine 1\\.2\\.0\\) computes different numbers or findings for its case: the rules were corrected since`)
    )
  })

  it('refuses an unknown implant system behind a correct hash', async () => {
    const text = await approvedLibrary()
    await expectRefused(
      await forge(text, (d) => {
        approved(d).caseFile.implant.systemId = 'made-up-stem'
        for (const r of d['revisions']) r.caseFile.implant.systemId = 'made-up-stem'
      }),
      /cannot be computed|made-up-stem/
    )
  })

  it('derives the library columns from the case, never from the file', async () => {
    const text = await approvedLibrary()
    const forged = JSON.parse(text) as Doc
    Object.assign(forged['plans'][1], { patientCode: 'EX-TF-99', side: 'right', level: 'transtibial', systemId: 'opra-femur' })
    await backups().wipeLibrary()
    expect(await restore(JSON.stringify(forged))).toBeNull()
    const row = await t.db.plans.get(forged['plans'][1].id)
    expect(row).toMatchObject({ patientCode: 'EX-TF-02', side: 'left', level: 'transfemoral', systemId: 'generic-press-fit' })
    expect(await t.db.planIndex.get(forged['plans'][1].id)).toMatchObject({ patientCode: 'EX-TF-02', side: 'left' })
  })
})

describe('approval exists only with an approved revision', () => {
  it('refuses an approved plan without revisions, and a draft claiming approval by its status', async () => {
    const text = await approvedLibrary()
    await expectRefused(await forge(text, (d) => (d['revisions'] = [])), /marked approved, but it has no approved revision/)
    await expectRefused(await forge(text, (d) => (d['plans'][1].status = 'approved')), /EX-TF-02\) is marked approved/)
  })

  it('refuses a revision with status draft, a numbering gap and an approval without a review', async () => {
    const text = await approvedLibrary()
    await expectRefused(await forge(text, (d) => (d['revisions'][0].status = 'draft')), /status must be one of reviewed, approved/)
    await expectRefused(await forge(text, (d) => (d['revisions'][1].number = 3)), /revision 3 where revision 2 should be/)
    await expectRefused(await forge(text, (d) => (d['revisions'][0].status = 'approved')), /approval without a review|revisions after its approval/)
  })

  it('refuses a duplicated status key (JSON.parse would keep the last one)', async () => {
    const text = await approvedLibrary()
    const doubled = text.replace(/"status":"draft"/, '"status":"draft","status":"approved"')
    expect(doubled).not.toBe(text)
    await expectRefused(doubled, /status appears twice/)
  })

  it('keeps forged audit entries out of a plan this library already has, and never lets them approve anything', async () => {
    const text = await approvedLibrary()
    const draft = (await plans().list()).find((p) => p.patientCode === 'EX-TF-02')!
    const forged = await forge(text, (d) => {
      d['plans'] = d['plans'].filter((p: Doc) => p.id !== draft.id)
      d['audit'].push({ seq: 999, planId: draft.id, at: Date.parse(d['exportedAt']), action: 'status', field: 'status', oldValue: 'reviewed', newValue: 'approved', appVersion: '0.1.0', changes: [] })
    })
    const before = await t.db.audit.where('planId').equals(draft.id).toArray()
    expect(await restore(forged)).toBeNull()
    expect(await t.db.audit.where('planId').equals(draft.id).toArray()).toEqual(before)
    expect((await t.db.plans.get(draft.id))?.status).toBe('draft')
  })
})

describe('the revisions graph is a forest of the file’s own plans', () => {
  it('refuses cycles, missing parents, self-parents and a parent that was never approved', async () => {
    const text = await approvedLibrary()
    await expectRefused(await forge(text, (d) => (d['plans'][1].parentId = 'nowhere')), /revises plan nowhere, which is not in the file/)
    await expectRefused(await forge(text, (d) => (d['plans'][1].parentId = d['plans'][1].id)), /revises itself/)
    await expectRefused(
      await forge(text, (d) => {
        const [a, b] = d['plans']
        a.parentId = b.id
        b.parentId = a.id
      }),
      /never approved|loop/
    )
  })

  it('refuses a plan that revises an approved plan of this library outside the file', async () => {
    const text = await approvedLibrary()
    const mine = (await plans().list()).find((p) => p.status === 'approved')!
    const forged = await forge(text, (d) => {
      d['plans'] = d['plans'].filter((p: Doc) => p.status === 'draft').map((p: Doc) => ({ ...p, id: 'foreign1', parentId: mine.id }))
      d['revisions'] = []
      d['audit'] = []
    })
    await expectRefused(forged, /revises plan \w+, which is not in the file/, 'same')
  })

  it('refuses ids that collide with different records of this library, in plain words', async () => {
    const text = await approvedLibrary()
    const other = JSON.parse(text) as Doc
    // Same plan id, different plan.
    const sameId = await forge(text, (d) => (d['plans'][1].caseFile.patient.code = 'EX-TF-77'))
    await expectRefused(sameId, /has the identifier of a different plan in this library/, 'same')
    // New plan ids, revision ids already taken by this library's revisions.
    const revisionClash = await forge(text, (d) => {
      for (const p of d['plans']) p.id = `${p.id}x`
      for (const r of d['revisions']) r.planId = `${r.planId}x`
      d['audit'] = []
    })
    expect(other['revisions'].length).toBe(2)
    await expectRefused(revisionClash, /revision 1 of plan \w+ has the identifier of a revision already in this library/, 'same')
  })

  it('refuses times before 2000 or after the file’s export, and an export time in the future', async () => {
    const text = await approvedLibrary()
    await expectRefused(await forge(text, (d) => (d['plans'][1].createdAt = Date.UTC(1999, 11, 31))), /before the year 2000/)
    await expectRefused(await forge(text, (d) => (d['plans'][1].updatedAt = Date.parse(d['exportedAt']) + 1)), /later than the backup itself/)
    await expectRefused(await forge(text, (d) => (d['audit'][0].at = Date.parse(d['exportedAt']) + 60_000)), /later than the backup itself/)
    await expectRefused(await forge(text, (d) => (d['exportedAt'] = '2099-01-01T00:00:00.000Z')), /exportedAt is in the future/)
  })
})

describe('unknown fields are dropped, not stored nor exported again', () => {
  it('patient.fullName in a plan and in its revisions never reaches the library', async () => {
    const text = await approvedLibrary()
    const forged = await forge(text, (d) => {
      for (const p of d['plans']) p.caseFile.patient.fullName = 'Jane Example'
      for (const r of d['revisions']) r.caseFile.patient.fullName = 'Jane Example'
    })
    await backups().wipeLibrary()
    expect(await restore(forged)).toBeNull()
    const again = libraryBackupText(await backups().exportLibrary())
    expect(again).not.toContain('fullName')
    expect(again).not.toContain('Jane Example')
    // The stored hashes are of what is stored: the export restores again.
    await backups().wipeLibrary()
    expect(await restore(again)).toBeNull()
  })
})

describe('every kind of entry the app writes restores', () => {
  it('a plan filed to the PACS keeps its filing in the restored history, marked imported', async () => {
    await approvedLibrary()
    const plan = (await plans().list()).find((p) => p.status === 'approved')!
    await createFilingsRepo(t.db).record(plan.id, 'revision 2', { serverId: 's1', serverLabel: 'PACS', studyUid: '1.2.3', seriesUid: '1.2.3.4', seriesNumber: 901, seriesDescription: 'OsseoPlan', filedAt: new Date(t.now()).toISOString(), instances: [] })
    const text = libraryBackupText(await backups().exportLibrary())
    await backups().wipeLibrary()
    expect(await restore(text)).toBeNull()
    const filings = await createFilingsRepo(t.db).list(plan.id)
    expect(filings.map((f) => f.studyUid)).toEqual(['1.2.3'])
    expect((await t.db.audit.where('planId').equals(plan.id).toArray()).every((a) => a.importedFrom)).toBe(true)
  })
})

describe('revision numbers across a revised plan', () => {
  it('a revision approved after Revise (numbered on from its parent) restores; a gap does not', async () => {
    await approvedLibrary()
    const parent = (await plans().list()).find((p) => p.status === 'approved')!
    const child = await plans().revise(parent.id)
    const result = engineResult(child.caseFile)
    await plans().markReviewed(child.id, { caseFile: child.caseFile, result, author: 'Dr A' })
    await plans().approve(child.id, { caseFile: child.caseFile, result, author: 'Dr A', acknowledgedSiteDefaults: unconfirmedSiteDefaults(result) })
    const text = libraryBackupText(await backups().exportLibrary())
    expect((JSON.parse(text) as Doc)['revisions'].filter((r: Doc) => r.planId === child.id).map((r: Doc) => r.number)).toEqual([3, 4])
    await backups().wipeLibrary()
    expect(await restore(text)).toBeNull()
    expect((await t.db.plans.get(parent.id))?.status).toBe('superseded')
    await expectRefused(await forge(text, (d) => d['revisions'].filter((r: Doc) => r.planId === child.id).forEach((r: Doc) => (r.number += 2))), /revision 5 where revision [13] should be/)
  })
})
