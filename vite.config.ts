import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// SharedArrayBuffer needs cross-origin isolation: these headers in dev and preview; on static
// hosts that cannot set headers, public/coi-serviceworker.min.js (loaded by index.html) adds them.
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

export default defineConfig({
  // Relative base: dist/ works under any sub-path of any static host (GitHub Pages /repo/, /playground/).
  base: './',
  plugins: [react()],
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  worker: { format: 'es' },
  build: {
    // Monaco is one big lazily loaded chunk by design (~3 MB before gzip).
    chunkSizeWarningLimit: 4096,
  },
})
