// The native menu as a pure template builder: each command is sent to the renderer, which owns
// the action (the main process holds no plan state).
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc'

export function buildMenuTemplate(send: (command: MenuCommand) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command)
  })
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('New plan', 'new-plan', 'CmdOrCtrl+N'),
      item('Open library', 'open-library', 'CmdOrCtrl+O'),
      item('Save', 'save', 'CmdOrCtrl+S'),
      { type: 'separator' },
      item('Print…', 'print', 'CmdOrCtrl+P'),
      item('Export PDF…', 'export-pdf', 'CmdOrCtrl+Shift+E'),
      item('Theatre sheet', 'theatre-sheet', 'CmdOrCtrl+Shift+T'),
      { type: 'separator' },
      item('Settings', 'open-settings', 'CmdOrCtrl+,'),
      ...(isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as MenuItemConstructorOptions])
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }]
  }
  const app: MenuItemConstructorOptions[] = isMac
    ? [{ label: 'OsseoPlan', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit', label: 'Quit OsseoPlan', accelerator: 'Cmd+Q' }] }]
    : []
  return [...app, file, edit, view]
}
