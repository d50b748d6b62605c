// Runs the editor recompute timings (tests/unit/editor/recompute-timings.ts) and prints them as
// JSON on the last line (a .mjs file run by tsx: see library-json.mjs).
import { runRecomputeBench } from '../../tests/unit/editor/recompute-timings.ts'

process.stdout.write(JSON.stringify(runRecomputeBench()) + '\n')
