import { describe, expect, it } from 'vitest'
import { ApiClient, withQuery, type Fetch, type SessionHolder } from '../src/api/client'
import { ApiError, fieldErrorsOf, messageOf } from '../src/api/problem'
import type { Session } from '../src/api/session'

/** A holder that remembers what the client did to the session. */
function holder(initial: Session | null) {
  const state = { session: initial, ended: 0 }
  const sessions: SessionHolder = {
    current: () => state.session,
    replace: (s) => {
      state.session = s
    },
    ended: () => {
      state.session = null
      state.ended++
    },
  }
  return { state, sessions }
}

function json(status: number, body: unknown): Response {
  return new Response(body === null ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const NOW = 1_000_000

const merchant: Session = {
  accessToken: 'old-access', refreshToken: 'old-refresh', role: 'MERCHANT', realm: 'admin', accountId: '7', storeId: null,
  username: 'merchant', expiresAt: NOW + 60_000,
}

describe('ApiClient', () => {
  it('logs in to the realm asked and keeps a session of the role the API answered', async () => {
    const calls: string[] = []
    const fetcher: Fetch = async (url, init) => {
      calls.push(`${init?.method} ${url} ${init?.body}`)
      return json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer', role: 'GUIDE', accountId: '3', storeId: '9' })
    }
    const { state, sessions } = holder(null)
    const session = await new ApiClient(sessions, fetcher, () => NOW).login('guide', 'guide1', 'secret')

    expect(calls).toEqual(['POST /guide/auth/login {"username":"guide1","password":"secret"}'])
    expect(session).toMatchObject({ role: 'GUIDE', realm: 'guide', storeId: '9', expiresAt: NOW + 900_000 })
    expect(state.session).toEqual(session)
  })

  it('refuses a shopper token: the console is for merchants and guides', async () => {
    const fetcher: Fetch = async () => json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer', role: 'SHOPPER' })
    const { state, sessions } = holder(null)
    await expect(new ApiClient(sessions, fetcher, () => NOW).login('admin', 'x', 'y')).rejects.toThrow(/SHOPPER/)
    expect(state.session).toBeNull()
  })

  it('on a 401 refreshes once in the session realm and repeats the request with the new token', async () => {
    const seen: string[] = []
    const fetcher: Fetch = async (url, init) => {
      const auth = (init?.headers as Record<string, string>).Authorization ?? ''
      seen.push(`${url} ${auth}`)
      if (url === '/admin/auth/refresh') {
        return json(200, { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900, tokenType: 'Bearer', role: 'MERCHANT' })
      }
      return auth === 'Bearer new-access' ? json(200, { items: [], page: 1, size: 20, total: 0 }) : json(401, { code: 'UNAUTHENTICATED', detail: 'expired' })
    }
    const { state, sessions } = holder(merchant)
    const page = await new ApiClient(sessions, fetcher, () => NOW).get('/admin/orders', { page: 1 })

    expect(page).toEqual({ items: [], page: 1, size: 20, total: 0 })
    expect(seen).toEqual(['/admin/orders?page=1 Bearer old-access', '/admin/auth/refresh ', '/admin/orders?page=1 Bearer new-access'])
    expect(state.session).toMatchObject({ accessToken: 'new-access', refreshToken: 'new-refresh', username: 'merchant' })
  })

  it('ends the session when the refresh is refused, and the caller gets the 401', async () => {
    const fetcher: Fetch = async () => json(401, { code: 'REFRESH_TOKEN_INVALID', detail: 'no' })
    const { state, sessions } = holder(merchant)
    const failure = (await new ApiClient(sessions, fetcher, () => NOW).get('/admin/orders').catch((e) => e)) as ApiError

    expect(failure).toBeInstanceOf(ApiError)
    expect(failure.status).toBe(401)
    expect(state.session).toBeNull()
    expect(state.ended).toBeGreaterThanOrEqual(1)
  })

  it('two requests failing at once share one refresh', async () => {
    let refreshes = 0
    const fetcher: Fetch = async (url, init) => {
      if (url === '/admin/auth/refresh') {
        refreshes++
        return json(200, { accessToken: 'new-access', refreshToken: 'n', expiresIn: 900, tokenType: 'Bearer', role: 'MERCHANT' })
      }
      const auth = (init?.headers as Record<string, string>).Authorization
      return auth === 'Bearer new-access' ? json(200, {}) : json(401, {})
    }
    const client = new ApiClient(holder(merchant).sessions, fetcher, () => NOW)
    await Promise.all([client.get('/admin/orders'), client.get('/admin/products')])
    expect(refreshes).toBe(1)
  })

  it('turns a refusal into the problem detail, code and field errors the API sent', async () => {
    const fetcher: Fetch = async () => json(400, {
      type: 'about:blank', title: 'Bad Request', status: 400, code: 'VALIDATION_FAILED', detail: 'name: must not be blank',
      errors: [{ field: 'name', message: 'must not be blank' }],
    })
    const failure = (await new ApiClient(holder(merchant).sessions, fetcher, () => NOW).post('/admin/categories', { name: '' }).catch((e) => e)) as ApiError

    expect(failure.code).toBe('VALIDATION_FAILED')
    expect(failure.detail).toBe('name: must not be blank')
    expect(failure.fieldMessage('name')).toBe('must not be blank')
  })

  it('sends the idempotency key of a write', async () => {
    let key: string | undefined
    const fetcher: Fetch = async (_url, init) => {
      key = (init?.headers as Record<string, string>)['Idempotency-Key']
      return json(200, {})
    }
    await new ApiClient(holder(merchant).sessions, fetcher, () => NOW).post('/admin/orders/1/ship', {}, 'k-1')
    expect(key).toBe('k-1')
  })
})

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/admin/products', { page: 2, keyword: '连衣裙 夏', status: '', categoryId: undefined })).toBe(
      '/admin/products?page=2&keyword=%E8%BF%9E%E8%A1%A3%E8%A3%99+%E5%A4%8F',
    )
    expect(withQuery('/admin/products', { status: null })).toBe('/admin/products')
  })
})

describe('refusals on a page', () => {
  it("show the API's detail and its field errors by field, and an error that never reached the API as itself", () => {
    const refused = new ApiError(400, 'VALIDATION_FAILED', 'skus[1].price: must not be null', [{ field: 'skus[1].price', message: 'must not be null' }])
    expect(messageOf(refused)).toBe('skus[1].price: must not be null')
    expect(fieldErrorsOf(refused)).toEqual({ 'skus[1].price': 'must not be null' })
    expect(messageOf(new TypeError('Failed to fetch'))).toBe('TypeError: Failed to fetch')
    expect(fieldErrorsOf(new TypeError('Failed to fetch'))).toEqual({})
  })
})
