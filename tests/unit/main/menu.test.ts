import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate } from '../../../src/main/menu'

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((menu) => [menu, ...items((menu.submenu as MenuItemConstructorOptions[] | undefined) ?? [])])
}

describe('native menu', () => {
  it('has the plan commands with the usual shortcuts, each sent to the renderer', () => {
    const send = vi.fn()
    const all = items(buildMenuTemplate(send, false))
    const expected: Array<[string, string, string]> = [
      ['New plan', 'CmdOrCtrl+N', 'new-plan'],
      ['Open library', 'CmdOrCtrl+O', 'open-library'],
      ['Save', 'CmdOrCtrl+S', 'save'],
      ['Print…', 'CmdOrCtrl+P', 'print'],
      ['Export PDF…', 'CmdOrCtrl+Shift+E', 'export-pdf'],
      ['Theatre sheet', 'CmdOrCtrl+Shift+T', 'theatre-sheet'],
      ['Settings', 'CmdOrCtrl+,', 'open-settings']
    ]
    for (const [label, accelerator, command] of expected) {
      const item = all.find((i) => i.label === label)
      expect(item?.accelerator).toBe(accelerator)
      ;(item?.click as () => void)()
      expect(send).toHaveBeenLastCalledWith(command)
    }
    expect(all.find((i) => i.role === 'quit')?.accelerator).toBe('Ctrl+Q')
  })
  it('puts Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate(() => undefined, true)
    expect(template[0]?.label).toBe('OsseoPlan')
    expect(items([template[0]!]).some((i) => i.role === 'quit')).toBe(true)
    const file = template.find((m) => m.label === 'File')!
    expect(items([file]).some((i) => i.role === 'quit')).toBe(false)
  })
})
