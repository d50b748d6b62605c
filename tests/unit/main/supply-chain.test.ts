// Release tools run with the versions in package-lock.json, never with whatever npx would fetch
// on the day: electron-builder (which also runs the fuse step) is a pinned devDependency, and no
// script or CI step downloads a tool at run time.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> }

describe('supply chain', () => {
  it('pins electron-builder and every build and test tool to an exact version', () => {
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/)
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      if (name.startsWith('@types/')) continue // type declarations only, never run
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/)
    }
  })
  it('fetches no tool at run time (no npx --yes, no npx -p) in CI or the scripts', () => {
    for (const text of [read('.ci/run'), ...Object.values(pkg.scripts)]) expect(text).not.toMatch(/npx\s+(--yes|-y\b|-p\b|--package)/)
  })
})
