import { reactive, ref, type Ref } from 'vue'
import { messageOf } from '../api/problem'
import type { Page } from '../api/types'

/**
 * A server-paginated list: the page the API answered, its total, and the API's refusal to show. `load` asks for the
 * current page; changing `page` or `size` and calling it again moves through the list.
 */
export function usePagedList<T>(fetchPage: (page: number, size: number) => Promise<Page<T>>) {
  const state = reactive({ page: 1, size: 20, total: 0 })
  const items = ref([]) as Ref<T[]>
  const error = ref('')
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = ''
    try {
      const answer = await fetchPage(state.page, state.size)
      items.value = answer.items
      state.total = answer.total
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  return { state, items, error, loading, load }
}
