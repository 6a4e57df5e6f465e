import { createRouter, createWebHashHistory } from 'vue-router'
import { homeOf, mayOpen } from './menus'
import { useSession } from './stores/session'

// Hash history: every page is /console/ to the gateway, which serves one index.html and needs no fallback route.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('./pages/LoginPage.vue') },
    {
      path: '/',
      component: () => import('./layouts/ConsoleLayout.vue'),
      children: [
        { path: 'dashboard', component: () => import('./pages/DashboardPage.vue') },
        { path: 'retention', component: () => import('./pages/RetentionPage.vue') },
        { path: 'insights', component: () => import('./pages/InsightsPage.vue') },
        { path: 'products', component: () => import('./pages/ProductsPage.vue') },
        { path: 'products/new', component: () => import('./pages/ProductFormPage.vue') },
        { path: 'products/:spuId', component: () => import('./pages/ProductEditPage.vue') },
        { path: 'stock', component: () => import('./pages/StockPage.vue') },
        { path: 'orders', component: () => import('./pages/OrdersPage.vue') },
        { path: 'orders/:orderNo', component: () => import('./pages/OrderDetailPage.vue') },
        { path: 'refunds', component: () => import('./pages/RefundsPage.vue') },
        { path: 'coupons', component: () => import('./pages/CouponsPage.vue') },
        { path: 'activities', component: () => import('./pages/ActivitiesPage.vue') },
        { path: 'banners', component: () => import('./pages/BannersPage.vue') },
        { path: 'members/:memberId', component: () => import('./pages/MemberProfilePage.vue') },
        { path: 'members', component: () => import('./pages/MembersPage.vue') },
        { path: 'membership', component: () => import('./pages/MembershipPage.vue') },
        { path: 'points-mall', component: () => import('./pages/PointsMallPage.vue') },
        { path: 'subscriptions', component: () => import('./pages/SubscriptionsPage.vue') },
        { path: 'stores', component: () => import('./pages/StoresPage.vue') },
        { path: 'accounts', component: () => import('./pages/AccountsPage.vue') },
        { path: 'guide/customers', component: () => import('./pages/guide/CustomersPage.vue') },
        { path: 'guide/qrcode', component: () => import('./pages/guide/QrCodePage.vue') },
        { path: 'guide/pickup', component: () => import('./pages/guide/PickupPage.vue') },
        { path: 'guide/performance', component: () => import('./pages/guide/PerformancePage.vue') },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  const { session } = useSession()
  if (to.path === '/login') {
    return session ? homeOf(session.role) : true
  }
  if (!session) {
    return '/login'
  }
  if (to.path === '/' || !mayOpen(session.role, to.path)) {
    return homeOf(session.role)
  }
  return true
})
