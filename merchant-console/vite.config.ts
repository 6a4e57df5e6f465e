import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Served by the gateway under /console/ (same origin as the API, so no CORS). `npm run dev` proxies the API to a
// gateway on :8080 started by ./deploy/run-local.sh.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  server: {
    proxy: {
      '/admin': 'http://localhost:8080',
      '/guide': 'http://localhost:8080',
      '/api': 'http://localhost:8080',
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
  },
})
