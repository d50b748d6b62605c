// A small fault-injecting HTTP proxy in front of the test Orthanc, on loopback: it passes
// requests through, or drops the connection, stalls, cuts the response short, answers 500 or
// sends an endless body — the failures a hospital network really produces.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'stall' }
  /** `holdAfterBytes`: stop there, the body never finished, until the client gives up (a transfer
   *  that is surely still running when Cancel is clicked, however loaded the machine). */
  | { kind: 'slow'; chunkBytes: number; delayMs: number; holdAfterBytes?: number }
  | { kind: 'truncate' }
  | { kind: 'status'; status: number }
  | { kind: 'huge' }
  | { kind: 'redirect'; location: string }

export interface FaultProxy {
  url: string
  fault: Fault
  requests: number
  close(): Promise<void>
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target)
  const sockets = new Set<import('node:net').Socket>()
  const state: FaultProxy = { url: '', fault: { kind: 'pass' }, requests: 0, close: async () => undefined }

  function forward(req: IncomingMessage, res: ServerResponse, onResponse: (up: IncomingMessage) => void) {
    const up = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      onResponse
    )
    up.on('error', () => res.destroy())
    req.pipe(up)
  }

  /** Reads the whole upstream answer, sends its status and headers, then lets `send` write the body. */
  function forwardWhole(req: IncomingMessage, res: ServerResponse, send: (body: Buffer) => void) {
    forward(req, res, (up) => {
      const chunks: Buffer[] = []
      up.on('data', (c: Buffer) => chunks.push(c))
      up.on('end', () => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        send(Buffer.concat(chunks))
      })
    })
  }

  const server: Server = createServer((req, res) => {
    state.requests++
    const fault = state.fault
    switch (fault.kind) {
      case 'drop':
        req.socket.destroy()
        return
      case 'stall':
        return // never answers; the client's idle timeout must end it
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('injected failure')
        return
      case 'redirect':
        res.writeHead(302, { location: fault.location }).end()
        return
      case 'huge': {
        res.writeHead(200, { 'content-type': 'multipart/related; type="application/dicom"; boundary=x' })
        const chunk = Buffer.alloc(1024 * 1024, 0x41)
        let sent = 0
        const pump = () => {
          while (sent < 2048 && res.write(chunk)) sent++
          if (sent < 2048) res.once('drain', pump)
          else res.end()
        }
        res.on('close', () => (sent = 2048))
        pump()
        return
      }
      case 'truncate':
        forwardWhole(req, res, (body) => {
          res.write(body.subarray(0, Math.floor(body.length / 2)))
          setTimeout(() => res.socket?.destroy(), 20)
        })
        return
      case 'slow':
        forwardWhole(req, res, (body) => {
          let at = 0
          const tick = () => {
            if (res.destroyed) return
            if (at >= body.length) return void res.end()
            if (fault.holdAfterBytes !== undefined && at >= fault.holdAfterBytes) return
            res.write(body.subarray(at, at + fault.chunkBytes))
            at += fault.chunkBytes
            setTimeout(tick, fault.delayMs)
          }
          tick()
        })
        return
      default:
        forward(req, res, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers)
          up.pipe(res)
        })
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  return state
}
