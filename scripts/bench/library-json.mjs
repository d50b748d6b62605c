// Runs the data-layer library timings (tests/unit/db/library-timings.ts) and prints them as JSON
// on the last line. A .mjs file run by tsx, so that the Node type-check project (tsconfig.node.json)
// does not pull in renderer code, which needs the DOM-typed project.
import { runLibraryBench } from '../../tests/unit/db/library-timings.ts'

process.stdout.write(JSON.stringify(await runLibraryBench()) + '\n')
