import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createProfilesRepo } from '../../../src/renderer/src/db/profiles-repo'
import { createSettingsRepo } from '../../../src/renderer/src/db/settings-repo'
import { createSystemsRepo, SystemValidationError } from '../../../src/renderer/src/db/systems-repo'
import { changeParam, confirmParam, copyProfile, shippedProfileRecord, unconfirmedKeys } from '../../../src/renderer/src/features/settings/profile-record'
import { emptySystemForm, systemFromForm } from '../../../src/renderer/src/features/settings/system-form'
import type { ImplantSystem } from '../../../src/shared/catalog/types'

let db: OsseoDb
beforeEach(async () => {
  db = new OsseoDb(`settings-${Math.random()}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

function stem(id: string, tip = '20'): ImplantSystem {
  const r = systemFromForm(
    { ...emptySystemForm(), id, name: id, bones: ['tibia'], diameters: { mode: 'list', list: '10 11', from: '', to: '', step: '' }, lengths: { mode: 'list', list: '80', from: '', to: '', step: '' }, engagementMm: '1', minCortexMm: '2', minContactMm: '30', tipMarginMm: tip },
    { base: null, version: '1', by: 'A', at: 0 }
  )
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.system
}

describe('settings repository', () => {
  it('stores the acknowledgement with its time and the name as the user name', async () => {
    const repo = createSettingsRepo(db)
    expect(await repo.getAcknowledgement()).toBeNull()
    await repo.acknowledge({ at: 123, name: '  Dr\u0000 A  ' })
    expect(await repo.getAcknowledgement()).toEqual({ at: 123, name: 'Dr  A' })
    expect(await repo.getUserName()).toBe('Dr  A')
  })

  it('falls back to defaults for damaged preference rows and refuses unknown values', async () => {
    const repo = createSettingsRepo(db)
    expect(await repo.getDisplayPrefs()).toEqual({ lengthUnit: 'mm', massUnit: 'kg', paperSize: 'A4' })
    await db.settings.put({ key: 'display.lengthUnit', value: { evil: true } })
    await repo.setDisplayPrefs({ massUnit: 'lb', paperSize: 'Tabloid' as 'A4' })
    expect(await repo.getDisplayPrefs()).toEqual({ lengthUnit: 'mm', massUnit: 'lb', paperSize: 'A4' })
    await db.settings.put({ key: 'acknowledgement', value: { at: 'yesterday' } })
    expect(await repo.getAcknowledgement()).toBeNull()
  })
})

describe('profiles repository', () => {
  it('serves the shipped profile until something is stored', async () => {
    const repo = createProfilesRepo(db)
    const d = await repo.getDefault()
    expect(d).toMatchObject({ id: 'default', isDefault: true })
    expect(await db.profiles.count()).toBe(0)
  })

  it('keeps exactly one default across saves, adds and default changes', async () => {
    const repo = createProfilesRepo(db)
    const edited = changeParam(shippedProfileRecord(), 'soft.targetMm', 10, 'A', 1)
    if (!edited.ok) throw new Error('invalid')
    await repo.save(edited.record)
    const strict = copyProfile(edited.record, 'strict', 'Strict')
    if (!strict.ok) throw new Error('invalid')
    await repo.add(strict.record)
    await expect(repo.add(strict.record)).rejects.toThrow(/exists/)
    expect((await repo.getDefault()).id).toBe('default')
    await repo.setDefault('strict')
    const list = await repo.list()
    expect(list.profiles.filter((p) => p.isDefault).map((p) => p.id)).toEqual(['strict'])
    expect((await db.profiles.where('isDefault').equals(1).toArray()).map((r) => r.id)).toEqual(['strict'])
    await expect(repo.remove('strict')).rejects.toThrow(/default profile cannot be deleted/)
    await repo.remove('default')
    expect((await repo.list()).profiles.map((p) => p.id)).toEqual(['strict'])
  })

  it('writes nothing invalid and skips a damaged stored row', async () => {
    const repo = createProfilesRepo(db)
    const bad = shippedProfileRecord()
    await expect(repo.save({ ...bad, profile: { ...bad.profile, name: '' } })).rejects.toThrow(/not saved/)
    expect(await db.profiles.count()).toBe(0)
    await db.profiles.put({ id: 'broken', isDefault: 1, profile: { profile: { id: 'broken' } }, updatedAt: 1 })
    const list = await repo.list()
    expect(list.damaged).toEqual(['broken'])
    expect(list.profiles.map((p) => p.id)).toEqual(['default'])
  })
})

describe('systems repository', () => {
  it('saves a custom system and gives a changed one the next version', async () => {
    const repo = createSystemsRepo(db)
    expect(await repo.save(stem('a'), { isNew: true })).toMatchObject({ version: '1' })
    await expect(repo.save(stem('a'), { isNew: true })).rejects.toBeInstanceOf(SystemValidationError)
    expect(await repo.save(stem('a'), { isNew: false })).toMatchObject({ version: '1' })
    expect(await repo.save(stem('a', '25'), { isNew: false })).toMatchObject({ version: '2' })
    expect((await repo.list()).systems.map((s) => [s.id, s.version, s.tipMarginMm.value])).toEqual([['a', '2', 25]])
  })

  it('refuses an invalid system and built-in ids', async () => {
    const repo = createSystemsRepo(db)
    await expect(repo.save({ ...stem('b'), id: 'opra-femur' }, { isNew: true })).rejects.toThrow(/built-in/)
    await expect(repo.save({ ...stem('b'), bones: [] }, { isNew: true })).rejects.toThrow(/bone/)
    expect(await db.implantSystems.count()).toBe(0)
  })

  it('imports all or nothing', async () => {
    const repo = createSystemsRepo(db)
    await repo.save(stem('x'), { isNew: true })
    await expect(repo.importAll([stem('y'), stem('x', '30')])).rejects.toThrow(/different custom system "x"/)
    expect((await repo.list()).systems.map((s) => s.id)).toEqual(['x'])
    expect(await repo.importAll([stem('y'), stem('x')])).toEqual({ added: 1, unchanged: 1 })
  })
})

describe('profile edits', () => {
  it('apply to the stored profile, so two quick confirmations both land', async () => {
    const repo = createProfilesRepo(db)
    const shipped = shippedProfileRecord()
    const [a, b] = unconfirmedKeys(shipped.profile)
    expect(a && b).toBeTruthy()
    // Both edits start from the same rendered profile, as two fast clicks would.
    await Promise.all([
      repo.edit(shipped.profile.id, (current) => confirmParam(current, a!, 'Dr A', 1)),
      repo.edit(shipped.profile.id, (current) => confirmParam(current, b!, 'Dr A', 2))
    ])
    const stored = (await repo.getDefault()).record.profile
    expect(unconfirmedKeys(stored)).not.toContain(a)
    expect(unconfirmedKeys(stored)).not.toContain(b)
    expect(unconfirmedKeys(stored)).toHaveLength(unconfirmedKeys(shipped.profile).length - 2)
  })

  it('write nothing when the edit is invalid', async () => {
    const repo = createProfilesRepo(db)
    const id = shippedProfileRecord().profile.id
    const result = await repo.edit(id, (current) => changeParam(current, 'soft.targetMm', -5, 'Dr A', 1))
    expect(result.ok).toBe(false)
    expect((await repo.getDefault()).record.profile.version).toBe(shippedProfileRecord().profile.version)
  })
})
