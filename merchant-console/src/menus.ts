import type { Role } from './api/session'

/** A page of the console: its route, the label's message key, and who may open it. */
export interface ConsolePage {
  path: string
  label: string
  roles: Role[]
}

const MERCHANTS: Role[] = ['MERCHANT', 'MERCHANT_OPERATOR']

/**
 * Every page and who may open it, as the API allows: account management is the MERCHANT's alone (an operator is
 * refused it by the API too); a guide has only the workspace.
 */
export const PAGES: ConsolePage[] = [
  { path: '/dashboard', label: 'menu.dashboard', roles: MERCHANTS },
  { path: '/retention', label: 'menu.retention', roles: MERCHANTS },
  { path: '/insights', label: 'menu.insights', roles: MERCHANTS },
  { path: '/products', label: 'menu.products', roles: MERCHANTS },
  { path: '/stock', label: 'menu.stock', roles: MERCHANTS },
  { path: '/orders', label: 'menu.orders', roles: MERCHANTS },
  { path: '/refunds', label: 'menu.refunds', roles: MERCHANTS },
  { path: '/coupons', label: 'menu.coupons', roles: MERCHANTS },
  { path: '/activities', label: 'menu.activities', roles: MERCHANTS },
  { path: '/banners', label: 'menu.banners', roles: MERCHANTS },
  { path: '/members', label: 'menu.members', roles: MERCHANTS },
  { path: '/membership', label: 'menu.membership', roles: MERCHANTS },
  { path: '/points-mall', label: 'menu.pointsMall', roles: MERCHANTS },
  { path: '/subscriptions', label: 'menu.subscriptions', roles: MERCHANTS },
  { path: '/stores', label: 'menu.stores', roles: MERCHANTS },
  { path: '/accounts', label: 'menu.accounts', roles: ['MERCHANT'] },
  { path: '/guide/customers', label: 'menu.customers', roles: ['GUIDE'] },
  { path: '/guide/qrcode', label: 'menu.qrcode', roles: ['GUIDE'] },
  { path: '/guide/pickup', label: 'menu.pickup', roles: ['GUIDE'] },
  { path: '/guide/performance', label: 'menu.performance', roles: ['GUIDE'] },
]

export function menusFor(role: Role): ConsolePage[] {
  return PAGES.filter((page) => page.roles.includes(role))
}

export function mayOpen(role: Role, path: string): boolean {
  const page = PAGES.find((p) => path === p.path || path.startsWith(p.path + '/'))
  return page ? page.roles.includes(role) : true
}

/** Where a role lands after login, or when it asks for a page it may not open. */
export function homeOf(role: Role): string {
  return menusFor(role)[0].path
}
