import { describe, expect, it } from 'vitest'
import { chooseWebGl, isSoftwareRenderer } from '../../../src/renderer/src/features/imaging/webgl-choice'

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'
const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)'

describe('radiograph viewer: WebGL or canvas 2D', () => {
  it('uses WebGL on a GPU', () => {
    expect(chooseWebGl({ withoutCaveat: true, any: true, renderer: GPU, forceSoftware: false })).toBe('webgl')
    expect(chooseWebGl({ withoutCaveat: true, any: true, renderer: 'Apple M1', forceSoftware: false })).toBe('webgl')
  })

  it('stays on canvas 2D when the browser refuses WebGL for a major performance caveat but has a software one', () => {
    expect(chooseWebGl({ withoutCaveat: false, any: true, renderer: SWIFTSHADER, forceSoftware: false })).toBe('software-webgl')
    expect(chooseWebGl({ withoutCaveat: false, any: true, renderer: GPU, forceSoftware: false })).toBe('software-webgl')
  })

  it('stays on canvas 2D when the context given despite the flag is a software rasteriser (Chromium with --disable-gpu)', () => {
    expect(chooseWebGl({ withoutCaveat: true, any: true, renderer: SWIFTSHADER, forceSoftware: false })).toBe('software-webgl')
    for (const r of ['llvmpipe (LLVM 15.0.6, 256 bits)', 'Mesa softpipe', 'Microsoft Basic Render Driver', 'Google SwiftShader']) expect(isSoftwareRenderer(r), r).toBe(true)
    for (const r of [GPU, 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)', 'AMD Radeon Pro 5500M', null]) expect(isSoftwareRenderer(r), String(r)).toBe(false)
  })

  it('says there is no WebGL when no context is given, forced or not', () => {
    expect(chooseWebGl({ withoutCaveat: false, any: false, renderer: null, forceSoftware: false })).toBe('no-webgl')
    expect(chooseWebGl({ withoutCaveat: false, any: false, renderer: null, forceSoftware: true })).toBe('no-webgl')
  })

  it('keeps a software WebGL when tests force it', () => {
    expect(chooseWebGl({ withoutCaveat: false, any: true, renderer: SWIFTSHADER, forceSoftware: true })).toBe('webgl')
  })
})
