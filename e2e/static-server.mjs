// A plain static file server for dist/ under /playground/, on 127.0.0.1:8090, sending no
// COOP/COEP headers: it stands for GitHub Pages and other hosts where the page gets
// cross-origin isolation only through coi-serviceworker. Usage: node e2e/static-server.mjs [port]
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

// (DIST_DIR: another build, e.g. a second e2e run beside the first)
const root = process.env.DIST_DIR ?? fileURLToPath(new URL('../dist/', import.meta.url))
const port = Number(process.argv[2] ?? 8090)
const prefix = '/playground/'
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.c': 'text/plain; charset=utf-8',
  '.h': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/playground') {
    res.writeHead(301, { Location: prefix })
    return res.end()
  }
  if (!url.pathname.startsWith(prefix)) {
    res.writeHead(404)
    return res.end('not found')
  }
  let rel = decodeURIComponent(url.pathname.slice(prefix.length))
  if (rel === '' || rel.endsWith('/')) rel += 'index.html'
  const file = normalize(join(root, rel))
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    res.writeHead(403)
    return res.end()
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file')
    const body = await readFile(file)
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' })
    res.end(req.method === 'HEAD' ? undefined : body)
  } catch {
    res.writeHead(404)
    res.end('not found')
  }
}).listen(port, '127.0.0.1', () => console.log(`static server (no COOP/COEP headers): http://127.0.0.1:${port}${prefix}`))
