import type { AdminProduct, AdminSku, CategoryNode, ProductInfoRequest, ProductRequest, SkuChangeRequest, SkuRequest } from '../api/types'

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

/** {尺码: 'M', 颜色: '黑'} → "尺码:M, 颜色:黑": a SKU's specs as the console shows and takes them (see parseSpecs). */
export function specsText(specs: Record<string, string> | null | undefined): string {
  return Object.entries(specs ?? {}).map(([k, v]) => `${k}:${v}`).join(', ')
}

/** Every category of the tree as a picker's option, children under their parents' names ("女装 / 连衣裙"). */
export function categoryOptions(tree: CategoryNode[]): { id: string; label: string }[] {
  const flat: { id: string; label: string }[] = []
  const walk = (nodes: CategoryNode[], prefix: string) => {
    for (const node of nodes) {
      flat.push({ id: node.id ?? '', label: prefix + (node.name ?? '') })
      walk(node.children ?? [], prefix + (node.name ?? '') + ' / ')
    }
  }
  walk(tree, '')
  return flat
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

/** An instant the API sent as the Shanghai wall time the pickers hold ("YYYY-MM-DD HH:mm:ss"); null for none. */
export function shanghaiWallTime(iso: string | null | undefined): string | null {
  if (!iso) {
    return null
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

/** Fen as the yuan a merchant types: 19900 → "199", 20950 → "209.5". */
export function toYuanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : String(fen / 100)
}

/** A product's details as the edit form holds them (its SKUs are edited one by one). */
export function infoFormOf(product: AdminProduct): Omit<ProductForm, 'skus' | 'onShelf'> {
  return {
    categoryId: product.categoryId ?? '', name: product.name ?? '', subtitle: product.subtitle ?? '',
    images: (product.images ?? []).join('\n'), launchAt: shanghaiWallTime(product.launchAt),
  }
}

export function toInfoRequest(form: Omit<ProductForm, 'skus' | 'onShelf'>, tags: string[] = []): ProductInfoRequest {
  return {
    categoryId: form.categoryId, name: form.name.trim(), subtitle: form.subtitle.trim() || undefined,
    images: form.images.split(/\s+/).filter(Boolean), tags, launchAt: shanghaiInstant(form.launchAt),
  }
}

/** One SKU's price and alert level as its row in the edit form holds them. */
export interface SkuEditRow {
  skuId: string
  specs: string
  price: string
  originalPrice: string
  lowStockThreshold: string
}

export function skuEditRowOf(sku: AdminSku): SkuEditRow {
  return {
    skuId: sku.skuId ?? '', specs: specsText(sku.specs),
    price: toYuanText(sku.price), originalPrice: toYuanText(sku.originalPrice), lowStockThreshold: String(sku.lowStockThreshold ?? 0),
  }
}

export function toSkuChange(row: SkuEditRow, sku: AdminSku): SkuChangeRequest {
  return {
    price: toFen(row.price), originalPrice: row.originalPrice.trim() ? toFen(row.originalPrice) : undefined,
    barcode: sku.barcode, weightGrams: sku.weightGrams, lowStockThreshold: whole(row.lowStockThreshold),
  }
}

/** A SKU added to a product that is already on sale: its specs, price, opening stock and alert level. */
export function toNewSku(row: SkuRow & { lowStockThreshold: string }): SkuRequest {
  return {
    specs: parseSpecs(row.specs), price: toFen(row.price), stock: row.stock.trim() === '' ? 0 : whole(row.stock),
    lowStockThreshold: row.lowStockThreshold.trim() === '' ? 0 : whole(row.lowStockThreshold),
  }
}
