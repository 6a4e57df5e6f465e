import { describe, expect, it } from 'vitest'
import { firstPurchaseRequest, groupBuyRequest, repurchaseRequest, skuOptions } from '../src/pages/activities'

describe('activity forms', () => {
  it('send the period as Shanghai instants and prices in fen, leaving out empty price rows', () => {
    const request = firstPurchaseRequest({
      name: ' 新人首单价 ', period: ['2027-01-01 00:00:00', '2027-01-31 23:59:59'], withinDaysOfJoining: '30', couponTemplateId: '',
      prices: [{ skuId: '11', price: '9.9' }, { skuId: '', price: '' }],
    })
    expect(request).toEqual({
      name: '新人首单价', startsAt: '2027-01-01T00:00:00+08:00', endsAt: '2027-01-31T23:59:59+08:00', withinDaysOfJoining: 30,
      couponTemplateId: undefined, prices: [{ skuId: '11', price: 990 }],
    })
  })

  it('send what the API must refuse as what it is: no period, a day count that is not a number', () => {
    const request = firstPurchaseRequest({ name: 'x', period: null, withinDaysOfJoining: '3 days', couponTemplateId: '7', prices: [] })
    expect(request.startsAt).toBeUndefined()
    expect(Number.isNaN(request.withinDaysOfJoining)).toBe(true)
    // NaN goes out as null, which the API refuses on that field
    expect(JSON.parse(JSON.stringify(request)).withinDaysOfJoining).toBeNull()
  })

  it('send only the fields of the repurchase rule kind', () => {
    const form = { name: '二单返券', kind: 'COUPON_AFTER_NTH_ORDER' as const, nthOrder: '2', couponTemplateId: '5', validFromDay: '7',
      validToDay: '30', windowDays: '30', pointsMultiplierPercent: '200' }
    expect(repurchaseRequest(form)).toEqual({ name: '二单返券', kind: 'COUPON_AFTER_NTH_ORDER', nthOrder: 2, couponTemplateId: '5',
      validFromDay: 7, validToDay: 30 })
    expect(repurchaseRequest({ ...form, kind: 'POINTS_WITHIN_WINDOW' })).toEqual({ name: '二单返券', kind: 'POINTS_WITHIN_WINDOW',
      windowDays: 30, pointsMultiplierPercent: 200 })
  })

  it('send a group-buy with its group price in fen and its switches', () => {
    expect(groupBuyRequest({ name: '两人团', skuId: '9', groupPrice: '99', groupSize: '2', durationMinutes: '1440', perMemberLimit: '1',
      newMembersOnly: true, virtualCompletion: false, period: ['2027-01-01 10:00:00', '2027-01-02 10:00:00'] })).toEqual({
      name: '两人团', skuId: '9', groupPrice: 9900, groupSize: 2, durationMinutes: 1440, perMemberLimit: 1, newMembersOnly: true,
      virtualCompletion: false, startsAt: '2027-01-01T10:00:00+08:00', endsAt: '2027-01-02T10:00:00+08:00' })
  })

  it('show every SKU of the products found with its specs and price', () => {
    expect(skuOptions([{ name: '连衣裙', skus: [{ skuId: '1', specs: { 尺码: 'M' }, price: 19900 }, { skuId: '2', specs: {}, price: 100 }] }]))
      .toEqual([{ skuId: '1', label: '连衣裙 · 尺码:M · ¥199.00' }, { skuId: '2', label: '连衣裙 · ¥1.00' }])
  })
})
