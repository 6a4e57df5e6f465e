import { ref } from 'vue'
import { fieldErrorsOf, messageOf } from '../api/problem'

/**
 * One write a form sends: the API's refusal to show (its detail, and each field's message for the form's items),
 * whether it is on its way (a second click sends nothing), and its Idempotency-Key. The key stays the same until the
 * API accepts the write, so a save retried after a lost answer is answered with the first result; the API gives the
 * key back when it refuses, so a corrected retry with it runs.
 */
export function useSubmission() {
  const errors = ref<Record<string, string>>({})
  const message = ref('')
  const busy = ref(false)
  let key = crypto.randomUUID()

  function clear(): void {
    errors.value = {}
    message.value = ''
  }

  /** Runs the call with this submission's key; its result, or undefined when it was refused (the refusal is shown). */
  async function submit<T>(call: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    if (busy.value) {
      return undefined
    }
    busy.value = true
    clear()
    try {
      const result = await call(key)
      key = crypto.randomUUID()
      return result
    } catch (e) {
      message.value = messageOf(e)
      errors.value = fieldErrorsOf(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { errors, message, busy, submit, clear }
}
