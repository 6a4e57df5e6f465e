/** Who is signed in to the console: merchant accounts (MERCHANT, MERCHANT_OPERATOR) and guides (GUIDE). */
export type Role = 'MERCHANT' | 'MERCHANT_OPERATOR' | 'GUIDE'

export type Realm = 'admin' | 'guide'

/** What a login or a refresh answers (member-service's TokenResponse). */
export interface TokenResponse {
  accessToken: string
  refreshToken: string
  expiresIn: number
  tokenType: string
  role: string
  accountId?: string | null
  storeId?: string | null
}

export interface Session {
  accessToken: string
  refreshToken: string
  role: Role
  realm: Realm
  accountId: string | null
  storeId: string | null
  username: string
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number
}

const ROLES: Role[] = ['MERCHANT', 'MERCHANT_OPERATOR', 'GUIDE']

export function realmOf(role: Role): Realm {
  return role === 'GUIDE' ? 'guide' : 'admin'
}

/** A session from a login's answer; refused when the account is not one the console serves (a shopper's token). */
export function sessionFrom(tokens: TokenResponse, username: string, now: number): Session {
  const role = tokens.role as Role
  if (!ROLES.includes(role)) {
    throw new Error(`The console is not for the role ${tokens.role}`)
  }
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    role,
    realm: realmOf(role),
    accountId: tokens.accountId ?? null,
    storeId: tokens.storeId ?? null,
    username,
    expiresAt: now + tokens.expiresIn * 1000,
  }
}

/**
 * How long to wait before refreshing silently: until a fifth of the token's remaining life is left, and at least 5 s
 * before it ends — so a console left open keeps working and a refresh never races the expiry.
 */
export function refreshDelay(session: Session, now: number): number {
  const left = session.expiresAt - now
  return Math.max(0, left - Math.max(left * 0.2, 5_000))
}
