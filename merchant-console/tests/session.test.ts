import { describe, expect, it } from 'vitest'
import { refreshDelay, sessionFrom } from '../src/api/session'
import { homeOf, mayOpen, menusFor } from '../src/menus'
import { dateTime, messageKeys, yuan } from '../src/i18n'

describe('menus by role', () => {
  it('a merchant sees account management, an operator does not, a guide sees only the workspace', () => {
    expect(menusFor('MERCHANT').map((p) => p.path)).toContain('/accounts')
    expect(menusFor('MERCHANT_OPERATOR').map((p) => p.path)).not.toContain('/accounts')
    expect(menusFor('GUIDE').map((p) => p.path)).toEqual(['/guide/customers', '/guide/qrcode', '/guide/pickup', '/guide/performance'])
  })

  it('routes a role may not open are refused, and each role lands on its first page', () => {
    expect(mayOpen('MERCHANT_OPERATOR', '/accounts')).toBe(false)
    expect(mayOpen('GUIDE', '/orders')).toBe(false)
    expect(mayOpen('MERCHANT', '/guide/customers')).toBe(false)
    expect(mayOpen('MERCHANT', '/orders')).toBe(true)
    expect(mayOpen('MERCHANT_OPERATOR', '/members/42')).toBe(true)
    expect(mayOpen('GUIDE', '/products/42')).toBe(false)
    expect(homeOf('GUIDE')).toBe('/guide/customers')
    expect(homeOf('MERCHANT_OPERATOR')).toBe('/dashboard')
  })
})

describe('silent refresh', () => {
  const session = sessionFrom({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer', role: 'MERCHANT' }, 'm', 0)

  it('waits until a fifth of the life is left', () => {
    expect(refreshDelay(session, 0)).toBe(720_000)
  })

  it('refreshes at least 5 s before the end, and at once when it is that close or past', () => {
    expect(refreshDelay(session, 880_000)).toBe(15_000)
    expect(refreshDelay(session, 897_000)).toBe(0)
    expect(refreshDelay(session, 901_000)).toBe(0)
  })
})

describe('messages', () => {
  it('English has every key Chinese has', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('zh-CN').sort())
  })

  it('instants are shown in Shanghai time, whatever the browser zone', () => {
    expect(dateTime('2026-12-03T14:09:20Z')).toBe('2026-12-03 22:09')
    expect(dateTime('2026-12-03T22:09:20+08:00')).toBe('2026-12-03 22:09')
    expect(dateTime(null)).toBe('—')
  })

  it('fen are shown as yuan', () => {
    expect(yuan(12345)).toBe('¥123.45')
    expect(yuan(null)).toBe('¥0.00')
  })
})
