import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { useSession } from './stores/session'

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(ElementPlus)

// a session that ends anywhere (logout, a refused refresh, a 401) returns to the login page
const sessions = useSession()
watch(
  () => sessions.session,
  (session) => {
    if (!session && router.currentRoute.value.path !== '/login') {
      void router.replace('/login')
    }
  },
)
app.mount('#app')
