import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { FUSE_CONFIG } from '../../../build-tools/fuse-config.mjs'

describe('Electron fuses for packaged builds', () => {
  it('set every fuse explicitly', () => {
    expect(FUSE_CONFIG.strictlyRequireAllFuses).toBe(true)
    const numeric = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number')
    for (const fuse of numeric) expect(typeof (FUSE_CONFIG as Record<number, unknown>)[fuse], FuseV1Options[fuse]).toBe('boolean')
  })
  it('turn off Node entry points and force the integrity-checked asar', () => {
    const c = FUSE_CONFIG as Record<number, boolean>
    expect(c[FuseV1Options.RunAsNode]).toBe(false)
    expect(c[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(c[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(c[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(c[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(c[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })
})
