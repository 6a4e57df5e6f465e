import { describe, expect, it } from 'vitest'
import { parseSpecs, toFen, toRequest } from '../src/pages/productForm'

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
