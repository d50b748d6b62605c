// The user's image servers, kept by the main process in one JSON file in the app's data folder.
// Passwords and tokens are encrypted with Electron's safeStorage (the OS keychain's key) and never
// leave the main process: the renderer sees each server without its secret.
import type { PublicServer, ServerInput } from '../../shared/pacs-contract'
import type { ServerAuth, ServerConnection } from './dicomweb-client'
import { authorizationHeader } from './dicomweb-client'
import { checkServerUrl } from './server-url'

/** Electron's safeStorage, injected (and faked in tests). */
export interface SecretBox {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

export interface StoreFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>
  writeFile(file: string, data: string, options: { mode: number }): Promise<void>
  rename(from: string, to: string): Promise<void>
}

interface StoredServer {
  id: string
  label: string
  baseUrl: string
  auth: 'none' | 'basic' | 'bearer'
  username: string
  /** base64 of safeStorage's ciphertext; absent when the server needs no secret. */
  secret?: string
}

export type SaveOutcome = { ok: true; server: PublicServer } | { ok: false; kind: 'invalid'; field: 'label' | 'baseUrl' | 'username' | 'secret' | 'auth'; message: string }

const MAX_SERVERS = 20

function publicView(server: StoredServer): PublicServer {
  const url = checkServerUrl(server.baseUrl)
  return {
    id: server.id,
    label: server.label,
    baseUrl: server.baseUrl,
    loopback: url.ok && url.loopback,
    auth: server.auth,
    username: server.username,
    hasSecret: Boolean(server.secret)
  }
}

function isStoredServer(value: unknown): value is StoredServer {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v['id'] === 'string' &&
    typeof v['label'] === 'string' &&
    typeof v['baseUrl'] === 'string' &&
    checkServerUrl(v['baseUrl']).ok &&
    (v['auth'] === 'none' || v['auth'] === 'basic' || v['auth'] === 'bearer') &&
    typeof v['username'] === 'string' &&
    (v['secret'] === undefined || typeof v['secret'] === 'string')
  )
}

export function createServerStore(deps: { file: string; fs: StoreFs; box: SecretBox; newId: () => string }) {
  let cache: StoredServer[] | null = null

  async function load(): Promise<StoredServer[]> {
    if (cache) return cache
    try {
      const parsed = JSON.parse(await deps.fs.readFile(deps.file, 'utf8')) as { servers?: unknown }
      cache = Array.isArray(parsed.servers) ? parsed.servers.filter(isStoredServer).slice(0, MAX_SERVERS) : []
    } catch {
      cache = [] // no file yet, or unreadable: start with no servers rather than fail
    }
    return cache
  }

  async function persist(servers: StoredServer[]): Promise<void> {
    const temp = `${deps.file}.tmp`
    await deps.fs.writeFile(temp, JSON.stringify({ format: 'osseoplan.image-servers', version: 1, servers }, null, 2), { mode: 0o600 })
    await deps.fs.rename(temp, deps.file)
    cache = servers
  }

  return {
    async list(): Promise<PublicServer[]> {
      return (await load()).map(publicView)
    },

    async save(input: ServerInput): Promise<SaveOutcome> {
      const servers = await load()
      const existing = input.id ? servers.find((s) => s.id === input.id) : undefined
      if (input.id && !existing) return { ok: false, kind: 'invalid', field: 'label', message: 'This server is no longer in the list.' }
      const label = input.label.trim()
      if (!label) return { ok: false, kind: 'invalid', field: 'label', message: 'Give the server a name, e.g. "Hospital PACS".' }
      if (servers.some((s) => s.id !== existing?.id && s.label.toLowerCase() === label.toLowerCase())) {
        return { ok: false, kind: 'invalid', field: 'label', message: 'Another server already has this name.' }
      }
      const url = checkServerUrl(input.baseUrl)
      if (!url.ok) return { ok: false, kind: 'invalid', field: 'baseUrl', message: url.error }
      const username = (input.username ?? '').trim()
      if (input.auth === 'basic' && !username) return { ok: false, kind: 'invalid', field: 'username', message: 'Enter the user name for this server.' }
      let secret: string | undefined
      if (input.auth !== 'none') {
        const sameKind = existing?.auth === input.auth
        if (input.secret === undefined || input.secret === '') {
          if (!sameKind || !existing?.secret) return { ok: false, kind: 'invalid', field: 'secret', message: input.auth === 'basic' ? 'Enter the password.' : 'Enter the token.' }
          secret = existing.secret
        } else {
          if (!deps.box.isEncryptionAvailable()) {
            return { ok: false, kind: 'invalid', field: 'secret', message: 'This computer offers no secure storage for passwords, so OsseoPlan will not keep one. Use a server without sign-in, or set up the system keychain.' }
          }
          secret = deps.box.encryptString(input.secret).toString('base64')
        }
      }
      if (!existing && servers.length >= MAX_SERVERS) return { ok: false, kind: 'invalid', field: 'label', message: `At most ${MAX_SERVERS} servers can be configured.` }
      const server: StoredServer = {
        id: existing?.id ?? deps.newId(),
        label,
        baseUrl: url.baseUrl,
        auth: input.auth,
        username: input.auth === 'basic' ? username : '',
        ...(secret ? { secret } : {})
      }
      await persist(existing ? servers.map((s) => (s.id === server.id ? server : s)) : [...servers, server])
      return { ok: true, server: publicView(server) }
    },

    async remove(id: string): Promise<boolean> {
      const servers = await load()
      if (!servers.some((s) => s.id === id)) return false
      await persist(servers.filter((s) => s.id !== id))
      return true
    },

    /** The connection for one server, with its secret decrypted just for the request. */
    async connection(id: string): Promise<{ label: string; connection: ServerConnection } | null> {
      const server = (await load()).find((s) => s.id === id)
      if (!server) return null
      let auth: ServerAuth = { kind: 'none' }
      if (server.auth !== 'none') {
        if (!server.secret) return null
        const plain = deps.box.decryptString(Buffer.from(server.secret, 'base64'))
        auth = server.auth === 'basic' ? { kind: 'basic', username: server.username, password: plain } : { kind: 'bearer', token: plain }
      }
      const authorization = authorizationHeader(auth)
      return { label: server.label, connection: { baseUrl: server.baseUrl, ...(authorization ? { authorization } : {}) } }
    }
  }
}

export type ServerStore = ReturnType<typeof createServerStore>
