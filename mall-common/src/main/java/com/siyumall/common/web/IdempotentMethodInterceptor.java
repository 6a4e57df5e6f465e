package com.siyumall.common.web;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Arrays;

/** Runs an {@link Idempotent} method through {@link IdempotentRequests}: the one wrapper, not code per endpoint. */
final class IdempotentMethodInterceptor implements MethodInterceptor {
    private final ObjectProvider<IdempotentRequests> requests;

    IdempotentMethodInterceptor(ObjectProvider<IdempotentRequests> requests) {
        this.requests = requests;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Idempotent idempotent = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Idempotent.class);
        if (idempotent == null || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)) {
            return invocation.proceed();
        }
        MallPrincipal caller = CurrentPrincipal.get();
        String key = web.getRequest().getHeader(IdempotentRequests.HEADER);
        if ((key == null || key.isBlank()) && !idempotent.keyRequired()) {
            return invocation.proceed();
        }
        @SuppressWarnings("unchecked")
        Class<Object> resultType = (Class<Object>) invocation.getMethod().getReturnType();
        return requests.getObject().execute(idempotent.value() + ":" + caller.role().name(), caller.id(), key,
                Arrays.asList(invocation.getArguments()), resultType, () -> proceed(invocation));
    }

    private static Object proceed(MethodInvocation invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
