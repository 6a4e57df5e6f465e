/**
 * The shapes the console reads, taken from the types generated out of the services' own OpenAPI documents
 * (openapi/*.json → src/api/generated/, see scripts/generate-api.mjs): a field a service renames or drops fails the
 * console's type check, not a merchant's page.
 */
import type { components as Insight } from './generated/insight'
import type { components as Member } from './generated/member'
import type { components as Order } from './generated/order'
import type { components as Product } from './generated/product'
import type { components as Promotion } from './generated/promotion'

/** mall-common's PageResult: every list the API pages. */
export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export type AdminProduct = Product['schemas']['AdminProduct']
export type ProductRequest = Product['schemas']['ProductRequest']
export type ProductInfoRequest = Product['schemas']['ProductInfoRequest']
export type SkuRequest = Product['schemas']['SkuRequest']
export type SkuChangeRequest = Product['schemas']['SkuChangeRequest']
export type CategoryNode = Product['schemas']['CategoryNode']
export type AdminSku = Product['schemas']['AdminSku']
export type LowStockSku = Product['schemas']['LowStockSku']
export type StockAdjusted = Product['schemas']['AdjustmentResult']
export type ReconcileReport = Product['schemas']['Report']
export type OrderSummary = Order['schemas']['OrderSummary']
export type OrderDetail = Order['schemas']['OrderDetail']
export type Refund = Order['schemas']['RefundView']
export type Account = Member['schemas']['AccountView']
export type GuideCustomer = Member['schemas']['GuideCustomer']
export type GuideQuota = Promotion['schemas']['Quota']
export type CouponTemplate = Promotion['schemas']['TemplateView']
export type CouponTemplateRequest = Promotion['schemas']['TemplateRequest']
export type Guide = Member['schemas']['GuideView']
export type MemberRow = Member['schemas']['MemberRow']
export type MemberCard = Member['schemas']['MemberCard']
export type PointsLine = Member['schemas']['AdminLedgerLine']
export type MemberTags = Member['schemas']['Tags']
export type MemberCoupon = Promotion['schemas']['CouponView']
export type GuideQrCode = Promotion['schemas']['Made']
export type FirstPurchaseActivity = Promotion['schemas']['FirstPurchaseActivity']
export type FirstPurchaseActivityRequest = Promotion['schemas']['FirstPurchaseActivityRequest']
export type GroupBuyActivity = Promotion['schemas']['GroupBuyActivity']
export type GroupBuyActivityRequest = Promotion['schemas']['GroupBuyActivityRequest']
export type RepurchaseRule = Promotion['schemas']['RepurchaseRule']
export type RepurchaseRuleRequest = Promotion['schemas']['RuleRequest']
export type Store = Member['schemas']['StoreView']
export type StoreRequest = Member['schemas']['StoreRequest']
export type NewGuide = Member['schemas']['NewGuide']
export type BindingPolicy = Member['schemas']['BindingPolicy']
export type HandoverResult = Member['schemas']['HandoverResult']

/**
 * insight-service's dashboard: today, yesterday and the 7-day average. Every figure is always sent (counts and sums
 * are primitives), but springdoc marks no property of a record required, so the generated fields are optional: these
 * take the generated names (a rename still fails the build) and say they are there.
 */
export interface Dashboard {
  today: Required<Insight['schemas']['DayFigures']>
  yesterday: Required<Insight['schemas']['DayFigures']>
  sevenDayAverage: Required<Insight['schemas']['WeekAverage']>
}

export type Retention = Insight['schemas']['RetentionView']
export type RetentionCohort = Insight['schemas']['RetentionCohort']
export type Funnel = Insight['schemas']['FunnelView']
export type EventCatalog = Insight['schemas']['Catalog']
export type Rfm = Insight['schemas']['RfmView']
export type Lifecycle = Insight['schemas']['LifecycleView']
export type Acquisition = Insight['schemas']['AcquisitionView']
export type GuidePerformance = Insight['schemas']['GuidePerformanceView']
export type GuidePerformanceRow = Insight['schemas']['GuidePerformanceRow']
export type MemberLevel = Member['schemas']['LevelView']
export type MemberLevelRequest = Member['schemas']['LevelRequest']
export type GrowthRules = Member['schemas']['GrowthRules']
export type PointsSettings = Member['schemas']['PointsSettings']
export type CheckInRules = Member['schemas']['RuleTable']
export type AdminBanner = Product['schemas']['AdminBannerView']
export type BannerRequest = Product['schemas']['BannerRequest']
export type PointsMallItem = Member['schemas']['PointsMallItem']
export type PointsMallItemRequest = Member['schemas']['ItemRequest']
export type SubscriptionTemplate = Member['schemas']['Template']
export type SubscriptionPush = Member['schemas']['PushRequest']
export type SubscriptionPushResult = Member['schemas']['PushResult']
export type InsightSegment = Insight['schemas']['Segment']
export type PayOffer = Promotion['schemas']['Offer']
