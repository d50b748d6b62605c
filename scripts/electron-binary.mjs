// Where an Electron binary is, without require('electron') (which would try to download one):
// $ELECTRON_EXEC_PATH, or the path electron's installer recorded in node_modules/electron/path.txt.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export function findElectronBinary(root = process.cwd()) {
  const fromEnv = process.env.ELECTRON_EXEC_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  const pkg = path.join(root, 'node_modules', 'electron')
  const pathFile = path.join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
