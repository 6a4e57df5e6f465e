// The console's API types, generated from the services' OpenAPI documents in openapi/ (kept current by the gateway's
// MerchantConsoleInChromiumTest): src/api/generated/<service>.ts, one per document. Run by `npm run build` and `npm test`.
import fs from 'node:fs'
import path from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))
const source = path.join(root, 'openapi')
const target = path.join(root, 'src', 'api', 'generated')
fs.mkdirSync(target, { recursive: true })
for (const file of fs.readdirSync(source).filter((f) => f.endsWith('.json')).sort()) {
  const document = JSON.parse(fs.readFileSync(path.join(source, file), 'utf8'))
  const types = astToString(await openapiTS(document))
  const header = `// Generated from openapi/${file} by scripts/generate-api.mjs: do not edit.\n`
  fs.writeFileSync(path.join(target, file.replace(/\.json$/, '.ts')), header + types)
}
