// Electron fuses for packaged builds: features baked into the Electron binary that the app never
// needs and an attacker could use. Flipped by build-tools/after-pack.mjs when electron-builder
// packages the app (tests/unit/main/fuses.test.ts checks the settings).
import { FuseV1Options, FuseVersion } from '@electron/fuses'

export const FUSE_CONFIG = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // No ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect: the binary cannot be used as a Node shell.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies (none are used) encrypted at rest anyway.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app's code loads only from its signed-off asar archive, checked for integrity.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true
}
