// Who the editor store notifies (editor-store.ts, issue #14): a keystroke notifies the fields of
// the path typed in (and paths above or below it), not every field; messages, undo and redo reach
// every field; whole-draft listeners hear everything. And pathsTouch, which decides it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CaseDraft } from '../../../src/shared/case/types'
import { createEditorStore, EMPTY_META, type EditorStore } from '../../../src/renderer/src/features/editor/editor-store'
import { getAt, pathsTouch } from '../../../src/renderer/src/features/editor/draft-path'
import { mapErrors } from '../../../src/renderer/src/features/editor/field-errors'

const baseCase = () => JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft

describe('pathsTouch', () => {
  it('holds for the same path, a path inside the other, and the whole draft', () => {
    expect(pathsTouch('patient.weight', 'patient.weight')).toBe(true)
    expect(pathsTouch('patient', 'patient.weight')).toBe(true)
    expect(pathsTouch('patient.weight', 'patient')).toBe(true)
    expect(pathsTouch('bone.stations', 'bone.stations[2].endosteal')).toBe(true)
    expect(pathsTouch('bone.stations[2]', 'bone.stations[2].endosteal')).toBe(true)
    expect(pathsTouch('', 'bone.stations[2].endosteal')).toBe(true)
    expect(pathsTouch('bone.stations[2].endosteal', 'bone.stations.2.endosteal')).toBe(true)
  })
  it('does not hold for siblings, other rows, or a name that only starts the same', () => {
    expect(pathsTouch('patient.weight', 'patient.height')).toBe(false)
    expect(pathsTouch('bone.stations[2].endosteal', 'bone.stations[3].endosteal')).toBe(false)
    expect(pathsTouch('bone.stations[2].endosteal', 'bone.stations[2].periosteal')).toBe(false)
    expect(pathsTouch('patient.weight', 'patient.weightKg')).toBe(false)
    expect(pathsTouch('bone.stations[1]', 'bone.stations[12]')).toBe(false)
  })
})

/** Counts notifications per listener, and checks that every listener that was NOT notified still
 *  reads the value it had (a field not told of a change must not have missed one). */
function watch(store: EditorStore, paths: readonly string[]) {
  const calls = new Map<string, number>(paths.map((p) => [p, 0]))
  const seen = new Map<string, unknown>(paths.map((p) => [p, getAt(store.draft(), p)]))
  for (const p of paths)
    store.subscribeAt(p, () => {
      calls.set(p, calls.get(p)! + 1)
      seen.set(p, getAt(store.draft(), p))
    })
  let all = 0
  let meta = 0
  store.subscribe(() => all++)
  store.subscribeMeta(() => meta++)
  return {
    notified: () => paths.filter((p) => calls.get(p)! > 0),
    all: () => all,
    meta: () => meta,
    reset: () => {
      for (const p of paths) calls.set(p, 0)
      all = 0
      meta = 0
    },
    /** Every path's listener saw the store's current value. */
    upToDate: () => paths.every((p) => Object.is(seen.get(p), getAt(store.draft(), p)))
  }
}

const PATHS = ['patient.weight', 'patient.height', 'patient', 'bone.stations', 'bone.stations[0].endosteal', 'bone.stations[1].endosteal', 'bone.stations[1].periosteal', 'limb.side']

describe('editor store notifications', () => {
  it('a keystroke notifies that field, the paths above it and the whole-draft listeners only', () => {
    const store = createEditorStore(baseCase())
    const w = watch(store, PATHS)
    store.set('patient.weight', 71)
    expect(w.notified()).toEqual(['patient.weight', 'patient'])
    expect(w.all()).toBe(1)
    expect(w.meta()).toBe(0)
    expect(w.upToDate()).toBe(true)
    w.reset()
    store.set('bone.stations[1].endosteal', 19)
    expect(w.notified()).toEqual(['bone.stations', 'bone.stations[1].endosteal'])
    expect(w.upToDate()).toBe(true)
  })

  it('clearing the last field of an object (which removes the object) still reaches every field below it', () => {
    const store = createEditorStore({ patient: { weight: 70 } } as unknown as CaseDraft)
    const w = watch(store, PATHS)
    store.set('patient.weight', undefined)
    expect(store.draft().patient).toBeUndefined()
    expect(w.upToDate()).toBe(true)
  })

  it('replacing a subtree notifies every field inside it, and replaceMany every path written', () => {
    const store = createEditorStore(baseCase())
    const w = watch(store, PATHS)
    const stations = (getAt(store.draft(), 'bone.stations') as object[]).slice(1)
    store.replace('bone.stations', stations)
    expect(w.notified()).toEqual(['bone.stations', 'bone.stations[0].endosteal', 'bone.stations[1].endosteal', 'bone.stations[1].periosteal'])
    expect(w.upToDate()).toBe(true)
    w.reset()
    store.replaceMany([
      ['patient.height', 180],
      ['limb.side', 'right']
    ])
    expect(w.notified()).toEqual(['patient.height', 'patient', 'limb.side'])
    expect(w.upToDate()).toBe(true)
  })

  it('undo and redo notify every field; new messages notify every field and the message listeners', () => {
    const store = createEditorStore(baseCase())
    store.set('patient.weight', 71)
    const w = watch(store, PATHS)
    store.undo()
    expect(w.notified()).toEqual(PATHS)
    expect(w.upToDate()).toBe(true)
    w.reset()
    store.redo()
    expect(w.notified()).toEqual(PATHS)
    w.reset()
    store.setMeta({ ...EMPTY_META, errors: mapErrors([{ path: 'patient.weight', message: 'Enter a weight.', code: 'invalid' }]) })
    expect(w.notified()).toEqual(PATHS)
    expect(w.meta()).toBe(1)
    expect(w.all()).toBe(1)
  })

  it('a side-state edit that leaves the draft alone notifies no field; unsubscribing stops notifications', () => {
    const store = createEditorStore(baseCase())
    const w = watch(store, PATHS)
    store.edit(() => ({ side: { k: 1 } }))
    expect(w.notified()).toEqual([])
    expect(w.all()).toBe(1)
    let n = 0
    const stop = store.subscribeAt('patient.weight', () => n++)
    store.set('patient.weight', 72)
    stop()
    store.set('patient.weight', 73)
    expect(n).toBe(1)
  })
})
