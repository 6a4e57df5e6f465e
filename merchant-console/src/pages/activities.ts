import type {
  AdminProduct, FirstPurchaseActivityRequest, GroupBuyActivityRequest, RepurchaseRuleRequest,
} from '../api/types'
import { yuan } from '../i18n'
import { shanghaiInstant, specsText, toFen, whole } from './productForm'

/** What a form's period picker holds: start and end as Shanghai wall time, or nothing yet. */
export type Period = [string, string] | null

export interface FirstPurchaseForm {
  name: string
  period: Period
  withinDaysOfJoining: string
  couponTemplateId: string
  prices: { skuId: string; price: string }[]
}

export function firstPurchaseRequest(form: FirstPurchaseForm): FirstPurchaseActivityRequest {
  return {
    name: form.name.trim(),
    startsAt: shanghaiInstant(form.period?.[0]) as string,
    endsAt: shanghaiInstant(form.period?.[1]) as string,
    withinDaysOfJoining: whole(form.withinDaysOfJoining),
    couponTemplateId: form.couponTemplateId || undefined,
    prices: form.prices.filter((p) => p.skuId).map((p) => ({ skuId: p.skuId, price: toFen(p.price) })),
  }
}

export interface GroupBuyForm {
  name: string
  skuId: string
  groupPrice: string
  groupSize: string
  durationMinutes: string
  perMemberLimit: string
  newMembersOnly: boolean
  virtualCompletion: boolean
  period: Period
}

export function groupBuyRequest(form: GroupBuyForm): GroupBuyActivityRequest {
  return {
    name: form.name.trim(),
    skuId: form.skuId,
    groupPrice: toFen(form.groupPrice),
    groupSize: whole(form.groupSize),
    durationMinutes: whole(form.durationMinutes),
    perMemberLimit: whole(form.perMemberLimit),
    newMembersOnly: form.newMembersOnly,
    virtualCompletion: form.virtualCompletion,
    startsAt: shanghaiInstant(form.period?.[0]) as string,
    endsAt: shanghaiInstant(form.period?.[1]) as string,
  }
}

export interface RepurchaseForm {
  name: string
  kind: RepurchaseRuleRequest['kind']
  nthOrder: string
  couponTemplateId: string
  validFromDay: string
  validToDay: string
  windowDays: string
  pointsMultiplierPercent: string
}

/** Only the fields of the rule's kind are sent: the API reads the others as a mistake. */
export function repurchaseRequest(form: RepurchaseForm): RepurchaseRuleRequest {
  const base = { name: form.name.trim(), kind: form.kind }
  return form.kind === 'COUPON_AFTER_NTH_ORDER'
    ? { ...base, nthOrder: whole(form.nthOrder), couponTemplateId: form.couponTemplateId || undefined,
        validFromDay: whole(form.validFromDay), validToDay: whole(form.validToDay) }
    : { ...base, windowDays: whole(form.windowDays), pointsMultiplierPercent: whole(form.pointsMultiplierPercent) }
}

/** Every SKU of the products found, as a picker shows it: "连衣裙 · 尺码:M · ¥199.00". */
export function skuOptions(products: AdminProduct[]): { skuId: string; label: string }[] {
  return products.flatMap((product) => (product.skus ?? []).map((sku) => {
    return { skuId: sku.skuId ?? '', label: [product.name, specsText(sku.specs), yuan(sku.price)].filter(Boolean).join(' · ') }
  }))
}
