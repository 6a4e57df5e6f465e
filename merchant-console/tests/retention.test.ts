import { describe, expect, it } from 'vitest'
import type { RetentionCohort } from '../src/api/types'
import { periodRetention } from '../src/pages/retention'

describe("the period's retention", () => {
  it('weights each cohort by its size and leaves out cohorts that have not reached the day', () => {
    // the API sends rate null for a day not yet reached (the document cannot say a Double may be null)
    const rates = periodRetention(([
      { day: '2026-11-01', members: 100, returned: { d1: { members: 20, rate: 0.2 }, d30: { members: 5, rate: 0.05 } } },
      { day: '2026-11-30', members: 10, returned: { d1: { members: 5, rate: 0.5 }, d30: { members: 0, rate: null } } },
    ] as unknown) as RetentionCohort[])
    expect(rates.d1).toBeCloseTo(25 / 110, 10)
    expect(rates.d30).toBeCloseTo(0.05, 10)
    expect(rates.d7).toBeNull()
  })
})
