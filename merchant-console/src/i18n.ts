import { ref } from 'vue'

export type Locale = 'zh-CN' | 'en'

const MESSAGES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'app.title': '思域商城 · 商家后台',
    'login.merchant': '商家',
    'login.guide': '导购',
    'login.username': '账号',
    'login.password': '密码',
    'login.submit': '登录',
    'logout': '退出',
    'menu.dashboard': '数据概览',
    'menu.products': '商品',
    'menu.orders': '订单',
    'menu.accounts': '账号管理',
    'menu.customers': '我的客户',
    'menu.qrcode': '我的二维码',
    'dashboard.today': '今日',
    'dashboard.yesterday': '昨日',
    'dashboard.week': '近7日日均',
    'dashboard.visitors': '访客',
    'dashboard.newMembers': '新会员',
    'dashboard.payingMembers': '支付会员',
    'dashboard.orders': '订单',
    'dashboard.gmv': '成交额',
    'dashboard.checkIns': '签到',
    'dashboard.conversion': '转化率',
    'common.keyword': '关键词',
    'common.search': '查询',
    'common.status': '状态',
    'common.all': '全部',
    'common.createdAt': '创建时间',
    'product.name': '商品名称',
    'product.price': '最低价',
    'product.sales': '销量',
    'product.new': '新建商品',
    'product.category': '类目',
    'product.newCategory': '新类目名称',
    'product.subtitle': '副标题',
    'product.images': '图片',
    'product.imagesHint': '图片地址，每行一个',
    'product.launchAt': '上架时间',
    'product.onShelf': '上架',
    'product.skus': '规格',
    'product.specsHint': '如 尺码:M, 颜色:黑',
    'product.priceYuan': '价格（元）',
    'product.stock': '库存',
    'product.addSku': '添加规格',
    'common.add': '添加',
    'common.remove': '删除',
    'common.save': '保存',
    'order.no': '订单号',
    'order.member': '会员',
    'order.amount': '实付',
    'order.paidAt': '支付时间',
    'order.address': '收货地址',
    'order.shipment': '物流',
    'order.items': '商品明细',
    'order.specs': '规格',
    'order.quantity': '数量',
    'order.price': '单价',
    'order.history': '状态记录',
    'order.ship': '发货',
    'order.carrier': '快递公司',
    'order.trackingNo': '运单号',
    'order.detail': '详情',
    'account.username': '账号',
    'account.name': '名称',
    'account.role': '角色',
    'account.lastLogin': '最近登录',
    'customer.lastVisit': '最近访问',
    'customer.orders': '已付订单',
    'customer.spent': '累计消费',
    'customer.none': '还没有绑定的客户',
    'customer.issue': '发券',
    'customer.issued': '已发放',
    'customer.give': '发给TA',
    'customer.noQuota': '暂无可发的券',
    'qrcode.make': '生成我的二维码',
    'qrcode.hint': '请顾客用微信扫码，即绑定为您的客户',
  },
  en: {
    'app.title': 'SiyuMall · Merchant console',
    'login.merchant': 'Merchant',
    'login.guide': 'Guide',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'logout': 'Log out',
    'menu.dashboard': 'Dashboard',
    'menu.products': 'Products',
    'menu.orders': 'Orders',
    'menu.accounts': 'Accounts',
    'menu.customers': 'My customers',
    'menu.qrcode': 'My QR code',
    'dashboard.today': 'Today',
    'dashboard.yesterday': 'Yesterday',
    'dashboard.week': '7-day average',
    'dashboard.visitors': 'Visitors',
    'dashboard.newMembers': 'New members',
    'dashboard.payingMembers': 'Paying members',
    'dashboard.orders': 'Orders',
    'dashboard.gmv': 'GMV',
    'dashboard.checkIns': 'Check-ins',
    'dashboard.conversion': 'Conversion',
    'common.keyword': 'Keyword',
    'common.search': 'Search',
    'common.status': 'Status',
    'common.all': 'All',
    'common.createdAt': 'Created',
    'product.name': 'Name',
    'product.price': 'From',
    'product.sales': 'Sales',
    'product.new': 'New product',
    'product.category': 'Category',
    'product.newCategory': 'New category name',
    'product.subtitle': 'Subtitle',
    'product.images': 'Images',
    'product.imagesHint': 'Image URLs, one per line',
    'product.launchAt': 'Launch at',
    'product.onShelf': 'On shelf',
    'product.skus': 'SKUs',
    'product.specsHint': 'e.g. 尺码:M, 颜色:黑',
    'product.priceYuan': 'Price (yuan)',
    'product.stock': 'Stock',
    'product.addSku': 'Add a SKU',
    'common.add': 'Add',
    'common.remove': 'Remove',
    'common.save': 'Save',
    'order.no': 'Order',
    'order.member': 'Member',
    'order.amount': 'Paid',
    'order.paidAt': 'Paid at',
    'order.address': 'Address',
    'order.shipment': 'Shipment',
    'order.items': 'Items',
    'order.specs': 'Specs',
    'order.quantity': 'Qty',
    'order.price': 'Price',
    'order.history': 'History',
    'order.ship': 'Ship',
    'order.carrier': 'Carrier',
    'order.trackingNo': 'Tracking no.',
    'order.detail': 'Detail',
    'account.username': 'Username',
    'account.name': 'Name',
    'account.role': 'Role',
    'account.lastLogin': 'Last login',
    'customer.lastVisit': 'Last visit',
    'customer.orders': 'Paid orders',
    'customer.spent': 'Spent',
    'customer.none': 'No customers bound to you yet',
    'customer.issue': 'Give a coupon',
    'customer.issued': 'Given:',
    'customer.give': 'Give',
    'customer.noQuota': 'No coupons to give',
    'qrcode.make': 'Make my QR code',
    'qrcode.hint': 'A customer who scans it in WeChat becomes yours',
  },
}

const STORED = 'siyumall.console.locale'

/** zh-CN unless the user switched to English (kept in this browser). */
export const locale = ref<Locale>((globalThis.localStorage?.getItem(STORED) as Locale) === 'en' ? 'en' : 'zh-CN')

export function setLocale(next: Locale): void {
  locale.value = next
  globalThis.localStorage?.setItem(STORED, next)
}

/** The message of a key in the current language; the key itself when there is none (visible, not blank). */
export function t(key: string): string {
  return MESSAGES[locale.value][key] ?? MESSAGES['zh-CN'][key] ?? key
}

export function messageKeys(of: Locale): string[] {
  return Object.keys(MESSAGES[of])
}

/** Fen as yuan with two decimals: 12345 → ¥123.45. */
export function yuan(fen: number | null | undefined): string {
  return `¥${((fen ?? 0) / 100).toFixed(2)}`
}

/** An instant the API sent (ISO-8601) as Shanghai wall time, yyyy-MM-dd HH:mm; a dash for none. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—'
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}
