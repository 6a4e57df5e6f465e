import { describe, expect, it } from 'vitest'
import { ApiError } from '../src/api/problem'
import { useSubmission } from '../src/pages/submission'

const refused = new ApiError(400, 'VALIDATION_FAILED', 'Request validation failed', [{ field: 'name', message: 'must not be blank' }])

describe('useSubmission', () => {
  it('shows a refusal on its fields and keeps the key, so the corrected retry is the same write', async () => {
    const form = useSubmission()
    const keys: string[] = []

    const first = await form.submit(async (key) => {
      keys.push(key)
      throw refused
    })
    expect(first).toBeUndefined()
    expect(form.message.value).toBe('Request validation failed')
    expect(form.errors.value).toEqual({ name: 'must not be blank' })

    const second = await form.submit(async (key) => {
      keys.push(key)
      return { storeId: '7' }
    })
    expect(second).toEqual({ storeId: '7' })
    expect(form.message.value).toBe('')
    expect(form.errors.value).toEqual({})
    expect(keys[1]).toBe(keys[0])
  })

  it('takes a new key once a write was accepted, so the next write is not answered with the last one', async () => {
    const form = useSubmission()
    const keys: string[] = []
    await form.submit(async (key) => keys.push(key))
    await form.submit(async (key) => keys.push(key))
    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
  })

  it('sends nothing while a write is on its way', async () => {
    const form = useSubmission()
    let release: () => void = () => {}
    let calls = 0
    const first = form.submit(() => {
      calls++
      return new Promise<void>((resolve) => (release = resolve))
    })
    expect(form.busy.value).toBe(true)
    expect(await form.submit(async () => calls++)).toBeUndefined()
    release()
    await first
    expect(calls).toBe(1)
    expect(form.busy.value).toBe(false)
  })

  it('shows a failure that never reached the API as itself', async () => {
    const form = useSubmission()
    await form.submit(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(form.message.value).toBe('TypeError: Failed to fetch')
    expect(form.errors.value).toEqual({})
  })
})
