// Runs the Audit screen data timings (tests/unit/outcomes/audit-timings.ts) and prints them as JSON
// on the last line (a .mjs file run by tsx: the renderer code needs the DOM-typed project).
import { runAuditBench } from '../../tests/unit/outcomes/audit-timings.ts'

process.stdout.write(JSON.stringify(await runAuditBench()) + '\n')
