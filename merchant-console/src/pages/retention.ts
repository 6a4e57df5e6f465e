import type { RetentionCohort } from '../api/types'

export const RETURN_DAYS = ['d1', 'd3', 'd7', 'd14', 'd30'] as const

/**
 * Each Dn over the cohorts that have reached it, weighted by cohort size (members back / members registered) — what
 * the period's retention was, not an average of small cohorts' rates. Null where no cohort has reached the day yet.
 */
export function periodRetention(cohorts: RetentionCohort[]): Record<string, number | null> {
  const rates: Record<string, number | null> = {}
  for (const day of RETURN_DAYS) {
    let back = 0
    let members = 0
    for (const cohort of cohorts) {
      const returned = cohort.returned?.[day]
      if (returned && returned.rate !== null && returned.rate !== undefined) {
        back += returned.members ?? 0
        members += cohort.members ?? 0
      }
    }
    rates[day] = members === 0 ? null : back / members
  }
  return rates
}
