// Plan library data-layer benchmark (10,000 plans, fake-indexeddb): `npx tsx scripts/bench/library.ts`.
// The measurements live in tests/unit/db/library-timings.ts, which type-checks with the renderer
// (DOM) project; this script runs it in its own Node process and passes its table through.
import { spawnSync } from 'node:child_process'

const run = spawnSync('npx', ['tsx', 'tests/unit/db/library-timings.ts'], { stdio: 'inherit' })
process.exit(run.status ?? 1)
