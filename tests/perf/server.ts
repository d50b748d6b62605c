// The built web renderer, served for the browser benchmark: builds it into its own directory
// (BENCH_WEB_OUT_DIR, default out/web-bench) and serves it with vite preview on its own port
// (BENCH_PORT, default 4302), in this process, so that stopping the bench stops the server.
import { build, preview, type Plugin } from 'vite'

export interface BenchServer {
  url: string
  outDir: string
  stop: () => Promise<void>
}

/** `plugins`: added to the preview server only (e.g. a benchmark's own same-origin endpoint). */
export async function startBenchServer(plugins: Plugin[] = []): Promise<BenchServer> {
  const outDir = process.env['BENCH_WEB_OUT_DIR'] ?? 'out/web-bench'
  const port = Number(process.env['BENCH_PORT'] ?? 4302)
  // vite.web.config.ts reads both at load time.
  process.env['WEB_OUT_DIR'] = outDir
  process.env['E2E_PORT'] = String(port)
  await build({ configFile: 'vite.web.config.ts', logLevel: 'warn' })
  const server = await preview({ configFile: 'vite.web.config.ts', logLevel: 'warn', plugins, preview: { host: '127.0.0.1', port, strictPort: true, open: false } })
  return { url: `http://127.0.0.1:${port}/`, outDir, stop: () => server.close() }
}
