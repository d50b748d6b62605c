// electron-builder afterPack hook: flips the fuses of the packaged Electron binary.
import path from 'node:path'
import { flipFuses } from '@electron/fuses'
import { FUSE_CONFIG } from './fuse-config.mjs'

export default async function afterPack(context) {
  const name = context.packager.appInfo.productFilename
  const binary = {
    darwin: path.join(context.appOutDir, `${name}.app`),
    win32: path.join(context.appOutDir, `${name}.exe`),
    linux: path.join(context.appOutDir, context.packager.executableName)
  }[context.electronPlatformName]
  await flipFuses(binary, { ...FUSE_CONFIG, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' })
}
