// An upgrade test's starting point: a database exactly as an earlier schema version wrote it
// (every version up to it declared, as the app of that day did), and the plan row it holds.
import Dexie from 'dexie'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'

export async function openOldDatabase(name: string, version: number): Promise<Dexie> {
  const db = new Dexie(name)
  for (const s of SCHEMA_VERSIONS.filter((x) => x.version <= version)) db.version(s.version).stores(s.stores)
  await db.open()
  return db
}

/** An approved transfemoral plan as every schema version stored it. */
export const OLD_PLAN = { id: 'a', patientCode: 'P-1', surgeon: 'Dr Okafor', level: 'transfemoral', side: 'left', systemId: 'opra-femur', status: 'approved', archived: 0, createdAt: 1, updatedAt: 2, parentId: '', caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'P-1' } }, notes: '' }
