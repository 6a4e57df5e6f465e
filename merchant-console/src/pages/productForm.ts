import type { ProductRequest } from '../api/types'

/** A SKU as the form holds it: specs as text ("尺码:M, 颜色:黑"), money in yuan as typed. */
export interface SkuRow {
  specs: string
  price: string
  stock: string
}

export interface ProductForm {
  categoryId: string
  name: string
  subtitle: string
  images: string
  /** Shanghai wall time as the picker gives it, "YYYY-MM-DD HH:mm:ss": the mall's business time, wherever the browser is. */
  launchAt: string | null
  onShelf: boolean
  skus: SkuRow[]
}

/** "尺码:M, 颜色:黑" → {尺码: 'M', 颜色: '黑'}; a part without a colon is left for the API to refuse. */
export function parseSpecs(text: string): Record<string, string> {
  const specs: Record<string, string> = {}
  for (const part of text.split(/[,，]/)) {
    const [key, ...rest] = part.split(/[:：]/)
    if (key.trim()) {
      specs[key.trim()] = rest.join(':').trim()
    }
  }
  return specs
}

/** Yuan as typed ("199", "199.9", "199.90") → fen; NaN for anything else, which the API refuses by field. */
export function toFen(yuan: string): number {
  const text = yuan.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    return Number.NaN
  }
  const [whole, fraction = ''] = text.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

/** A whole number as typed; NaN for anything else (sent as null), which the API refuses by field. */
export function whole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN
}

/**
 * Shanghai wall time as the pickers give it ("YYYY-MM-DD HH:mm:ss") → the instant the API takes: the mall's business
 * time, wherever the merchant's browser is. Undefined for none, which the API refuses by field when it needs one.
 */
export function shanghaiInstant(wallTime: string | null | undefined): string | undefined {
  return wallTime ? wallTime.replace(' ', 'T') + '+08:00' : undefined
}

/** The request the API takes, from what the form holds. */
export function toRequest(form: ProductForm): ProductRequest {
  return {
    categoryId: form.categoryId,
    name: form.name.trim(),
    subtitle: form.subtitle.trim() || undefined,
    images: form.images.split(/\s+/).filter(Boolean),
    launchAt: shanghaiInstant(form.launchAt),
    onShelf: form.onShelf,
    skus: form.skus.map((row) => ({
      specs: parseSpecs(row.specs),
      price: toFen(row.price),
      stock: row.stock.trim() === '' ? 0 : Number(row.stock),
    })),
  }
}
