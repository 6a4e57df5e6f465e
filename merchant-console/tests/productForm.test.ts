import { describe, expect, it } from 'vitest'
import { categoryOptions, infoFormOf, parseSpecs, specsText, skuEditRowOf, toFen, toInfoRequest, toNewSku, toRequest, toSkuChange } from '../src/pages/productForm'

describe('the product form', () => {
  it('reads specs typed as key:value pairs, with Chinese or Latin punctuation', () => {
    expect(parseSpecs('尺码:M, 颜色：黑')).toEqual({ 尺码: 'M', 颜色: '黑' })
    expect(parseSpecs('尺码：L，颜色:白')).toEqual({ 尺码: 'L', 颜色: '白' })
    expect(parseSpecs('')).toEqual({})
  })

  it('turns yuan into fen exactly, never through floating point', () => {
    expect(toFen('199')).toBe(19_900)
    expect(toFen('0.1')).toBe(10)
    expect(toFen('19.99')).toBe(1_999)
    expect(toFen('1.005')).toBeNaN()
    expect(toFen('-1')).toBeNaN()
    expect(toFen('abc')).toBeNaN()
  })

  it('builds the API request: images one per line, launch time in Shanghai time, stock 0 when left empty', () => {
    const request = toRequest({
      categoryId: '42', name: ' 连衣裙 ', subtitle: '', images: 'https://img.test/a.jpg\nhttps://img.test/b.jpg',
      launchAt: '2026-12-24 10:00:00', onShelf: true,
      skus: [{ specs: '尺码:M', price: '199', stock: '5' }, { specs: '尺码:L', price: '209.5', stock: '' }],
    })
    expect(request).toEqual({
      categoryId: '42', name: '连衣裙', subtitle: undefined, images: ['https://img.test/a.jpg', 'https://img.test/b.jpg'],
      launchAt: '2026-12-24T10:00:00+08:00', onShelf: true,
      skus: [{ specs: { 尺码: 'M' }, price: 19_900, stock: 5 }, { specs: { 尺码: 'L' }, price: 20_950, stock: 0 }],
    })
  })
})

describe('editing a product', () => {
  it('shows the launch time as Shanghai wall time and sends it back as the same instant', () => {
    const form = infoFormOf({ categoryId: '3', name: '风衣', images: ['https://img.test/a.jpg'], launchAt: '2027-03-01T02:00:00Z' })
    expect(form.launchAt).toBe('2027-03-01 10:00:00')
    expect(toInfoRequest(form, ['新品'])).toEqual({ categoryId: '3', name: '风衣', subtitle: undefined, images: ['https://img.test/a.jpg'],
      tags: ['新品'], launchAt: '2027-03-01T10:00:00+08:00' })
  })

  it('edits a SKU in yuan and keeps what the form does not show (barcode, weight)', () => {
    const sku = { skuId: '9', specs: { 尺码: 'M' }, price: 19_900, originalPrice: 25_900, barcode: '690123', weightGrams: 300, lowStockThreshold: 5 }
    const row = skuEditRowOf(sku)
    expect(row).toEqual({ skuId: '9', specs: '尺码:M', price: '199', originalPrice: '259', lowStockThreshold: '5' })
    expect(toSkuChange({ ...row, price: '179.9' }, sku)).toEqual({ price: 17_990, originalPrice: 25_900, barcode: '690123', weightGrams: 300,
      lowStockThreshold: 5 })
  })

  it('adds a SKU with its opening stock, nothing typed being zero', () => {
    expect(toNewSku({ specs: '尺码:XL', price: '199', stock: '', lowStockThreshold: '' })).toEqual({ specs: { 尺码: 'XL' }, price: 19_900,
      stock: 0, lowStockThreshold: 0 })
    expect(toNewSku({ specs: '尺码:XL', price: '199', stock: 'ten', lowStockThreshold: '2' }).stock).toBeNaN()
  })
})

describe('specs and categories as the pages show them', () => {
  it('writes specs the way the form reads them back', () => {
    expect(specsText({ 尺码: 'M', 颜色: '黑' })).toBe('尺码:M, 颜色:黑')
    expect(parseSpecs(specsText({ 尺码: 'M', 颜色: '黑' }))).toEqual({ 尺码: 'M', 颜色: '黑' })
    expect(specsText(undefined)).toBe('')
  })

  it('lists every category with its parents in the label', () => {
    expect(categoryOptions([{ id: '1', name: '女装', children: [{ id: '2', name: '连衣裙' }] }, { id: '3', name: '男装' }]))
      .toEqual([{ id: '1', label: '女装' }, { id: '2', label: '女装 / 连衣裙' }, { id: '3', label: '男装' }])
  })
})
