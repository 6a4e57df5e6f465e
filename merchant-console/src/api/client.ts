import { toApiError } from './problem'
import type { Session, TokenResponse } from './session'
import { sessionFrom } from './session'

/** Where the client keeps and learns of the session (the session store in the app, a plain object in tests). */
export interface SessionHolder {
  current(): Session | null
  replace(session: Session): void
  /** The session is over (refresh refused): the app returns to the login page. */
  ended(): void
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>

export type Query = Record<string, string | number | boolean | null | undefined>

/**
 * Calls the mall's API on the console's own origin. Every request carries the access token; a 401 refreshes once with
 * the refresh token of the session's realm and repeats the request; a refused refresh ends the session. Refusals
 * become {@link ApiError}s carrying the problem+json's code, detail and field errors.
 */
export class ApiClient {
  private refreshing: Promise<boolean> | null = null

  constructor(
    private readonly sessions: SessionHolder,
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
    private readonly clock: () => number = Date.now,
  ) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.call<T>('GET', withQuery(path, query))
  }

  post<T>(path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    return this.call<T>('POST', path, body, idempotencyKey)
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('PUT', path, body)
  }

  delete<T>(path: string): Promise<T> {
    return this.call<T>('DELETE', path)
  }

  /** Logs in to a realm (`admin` for merchant accounts, `guide` for guides) and keeps the session. */
  async login(realm: 'admin' | 'guide', username: string, password: string): Promise<Session> {
    const tokens = await this.send<TokenResponse>('POST', `/${realm}/auth/login`, { username, password }, null)
    const session = sessionFrom(tokens, username, this.clock())
    this.sessions.replace(session)
    return session
  }

  async logout(): Promise<void> {
    const session = this.sessions.current()
    if (session) {
      await this.send('POST', `/${session.realm}/auth/logout`, { refreshToken: session.refreshToken }, null).catch(() => undefined)
    }
    this.sessions.ended()
  }

  /** Trades the refresh token for new tokens; false (and the session ended) when the API refuses it. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.refreshOnce().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  private async refreshOnce(): Promise<boolean> {
    const session = this.sessions.current()
    if (!session) {
      return false
    }
    try {
      const tokens = await this.send<TokenResponse>('POST', `/${session.realm}/auth/refresh`, { refreshToken: session.refreshToken }, null)
      this.sessions.replace(sessionFrom(tokens, session.username, this.clock()))
      return true
    } catch {
      this.sessions.ended()
      return false
    }
  }

  private async call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const token = this.sessions.current()?.accessToken ?? null
    try {
      return await this.send<T>(method, path, body, token, idempotencyKey)
    } catch (e) {
      if ((e as { status?: number }).status === 401 && token && (await this.refresh())) {
        return this.send<T>(method, path, body, this.sessions.current()!.accessToken, idempotencyKey)
      }
      if ((e as { status?: number }).status === 401) {
        this.sessions.ended()
      }
      throw e
    }
  }

  private async send<T>(method: string, path: string, body: unknown, token: string | null, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
    }
    if (token) {
      headers.Authorization = `Bearer ${token}`
    }
    if (idempotencyKey) {
      headers['Idempotency-Key'] = idempotencyKey
    }
    const response = await this.fetcher(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await response.text()
    const parsed = text ? safeJson(text) : null
    if (!response.ok) {
      throw toApiError(response.status, parsed)
    }
    return parsed as T
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path
  }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') {
      params.set(key, String(value))
    }
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}
