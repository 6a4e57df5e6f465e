import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ApiClient } from '../api/client'
import type { Session } from '../api/session'
import { refreshDelay } from '../api/session'

const STORED = 'siyumall.console.session'

function stored(): Session | null {
  try {
    const text = globalThis.localStorage?.getItem(STORED)
    return text ? (JSON.parse(text) as Session) : null
  } catch {
    return null
  }
}

/**
 * The signed-in account, kept in this browser so a reload stays signed in, refreshed silently before the access token
 * ends; when the API refuses the refresh the session ends and the router returns to the login page.
 */
export const useSession = defineStore('session', () => {
  const session = ref<Session | null>(stored())
  let timer: ReturnType<typeof setTimeout> | undefined

  const api = new ApiClient({
    current: () => session.value,
    replace: (next) => {
      session.value = next
      globalThis.localStorage?.setItem(STORED, JSON.stringify(next))
      schedule()
    },
    ended: () => {
      session.value = null
      globalThis.localStorage?.removeItem(STORED)
      clearTimeout(timer)
    },
  })

  function schedule(): void {
    clearTimeout(timer)
    if (session.value) {
      timer = setTimeout(() => void api.refresh(), refreshDelay(session.value, Date.now()))
    }
  }

  schedule()
  return { session, api }
})
