import { nextTick, onBeforeUnmount, onMounted, ref, shallowRef, useTemplateRef, type Ref } from 'vue'
import * as echarts from 'echarts'
import { messageOf } from '../api/problem'

/**
 * A report page's data and chart: `fetch` loads the report, `option` turns it into an ECharts option; `load` asks
 * again (after a filter changes). The chart is drawn on the page's element `ref="chart"`, made once and let go with
 * the page.
 */
export function useReportChart<T>(fetch: () => Promise<T>, option: (view: T) => echarts.EChartsCoreOption) {
  const view = ref(null) as Ref<T | null>
  const error = ref('')
  const chartEl = useTemplateRef<HTMLDivElement>('chart')
  const chart = shallowRef<echarts.ECharts | null>(null)

  async function load(): Promise<void> {
    error.value = ''
    try {
      view.value = await fetch()
      await nextTick()
      if (chartEl.value && view.value) {
        chart.value ??= echarts.init(chartEl.value)
        chart.value.setOption(option(view.value))
      }
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  onMounted(load)
  onBeforeUnmount(() => chart.value?.dispose())
  return { view, error, load }
}

/** The last `days` business days up to today, as the API's dates (Shanghai): [from, to]. */
export function lastDays(days: number): [string, string] {
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  return [day(days - 1), day(0)]
}

/** A rate the API sent (0..1) as a percentage with one decimal; a dash for none. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`
}
