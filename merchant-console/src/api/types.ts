/** The shapes the console reads, as the services' OpenAPI documents give them (ids and money as the API sends them). */

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface DayFigures {
  day: string
  visitors: number
  newMembers: number
  payingMembers: number
  orders: number
  gmv: number
  conversion: number
  refunds: number
  refundAmount: number
  checkIns: number
}

export interface WeekAverage {
  from: string
  to: string
  visitors: number
  newMembers: number
  payingMembers: number
  orders: number
  gmv: number
  conversion: number
  refunds: number
  refundAmount: number
  checkIns: number
}

export interface Dashboard {
  today: DayFigures
  yesterday: DayFigures
  sevenDayAverage: WeekAverage
}

export interface AdminSku {
  skuId: string
  price: number
  stock?: number
}

export interface AdminProduct {
  spuId: string
  categoryId: string
  name: string
  subtitle: string | null
  status: string
  minPrice: number
  sales: number
  images: string[]
  createdAt: string
}

export interface OrderSummary {
  orderNo: string
  memberId: string
  status: string
  payAmount: number
  createdAt: string
  paidAt: string | null
}

export interface Account {
  accountId: string
  username: string
  displayName: string
  role: string
  status: string
  lastLoginAt: string | null
  createdAt: string
}

export interface GuideCustomer {
  memberId: string
  nickname: string | null
  avatarUrl: string | null
  phone: string | null
  source: string | null
  boundAt: string
  lastVisitAt: string | null
  paidOrderCount: number | null
  paidAmount: number | null
  lastPaidAt: string | null
}

export interface GuideQrCode {
  scene: string
  imageBase64: string
}
