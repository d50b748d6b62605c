// Reads an image file as the app does and prints what would be kept (or the refusal):
//   npx tsx scripts/imaging/read-file.ts <file.dcm>     (no file: a small generated phantom)
import { readFileSync } from 'node:fs'
import { readDicom } from '../../src/shared/imaging'
import { phantomDicom } from './phantom'

const file = process.argv[2]
const bytes = file ? new Uint8Array(readFileSync(file)) : phantomDicom({ rows: 40, columns: 30 })
const r = readDicom(bytes)
console.log(JSON.stringify(r.ok ? { ok: true, rows: r.image.header.rows, columns: r.image.header.columns, kept: r.image.header.kept, dropped: r.image.header.dropped, spacing: r.image.header.spacing } : r))
