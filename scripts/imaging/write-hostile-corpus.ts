// Writes the hostile image files into the hostile corpus (tests/fixtures/hostile/image/) from the
// generators in hostile.ts, and prints the manifest items for them. Files over 64 kB stay
// generated at test time (`generate: "image:<id>"`), like the corpus's other large inputs.
//   npx tsx scripts/imaging/write-hostile-corpus.ts [--manifest]
import { mkdirSync, writeFileSync } from 'node:fs'
import { HOSTILE_IMAGES, hostileImageCategory, hostileImageFileName } from './hostile'

export const COMMIT_LIMIT = 64 * 1024
const DIR = 'tests/fixtures/hostile/image'

mkdirSync(DIR, { recursive: true })
const items: Record<string, unknown>[] = []
for (const h of HOSTILE_IMAGES) {
  const bytes = h.bytes()
  const input: Record<string, string> = bytes.length <= COMMIT_LIMIT ? { file: `image/${hostileImageFileName(h)}` } : { generate: `image:${h.id}` }
  if (input.file) writeFileSync(`tests/fixtures/hostile/${input.file}`, bytes)
  items.push({ id: `image.${hostileImageCategory(h)}.${h.id}`, target: 'image', ...input, what: h.what, expect: h.expect === 'reject' ? 'reject' : 'accept', message: h.message.source })
}
if (process.argv.includes('--manifest')) for (const i of items) console.log(`    ${JSON.stringify(i).replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/","/g, '", "').replace(/":"/g, '": "')},`)
else console.log(`${items.filter((i) => i.file).length} files written to ${DIR}; ${items.filter((i) => i.generate).length} generated at test time`)
