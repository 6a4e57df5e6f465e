package com.siyumall.common.persistence;

import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Intercepts;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnceReadSignaturesInterceptorTest {

    /** An executor that records what reaches it, and fails its commit. */
    private static Executor recording(List<String> reached) {
        return (Executor) Proxy.newProxyInstance(Executor.class.getClassLoader(), new Class<?>[] {Executor.class}, (proxy, method, args) -> {
            reached.add(method.getName());
            if (method.getName().equals("commit")) {
                throw new SQLException("commit refused");
            }
            return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
    }

    @Test
    void theInterceptedMethodsAreThoseMybatisPlusDeclares() {
        Map<Class<?>, Set<Method>> signatures = OnceReadSignaturesInterceptor.signaturesOf(MybatisPlusInterceptor.class);
        int declared = MybatisPlusInterceptor.class.getAnnotation(Intercepts.class).value().length;
        assertThat(signatures.values().stream().mapToInt(Set::size).sum()).isEqualTo(declared);
        assertThat(signatures).containsKeys(Executor.class, StatementHandler.class);
        assertThat(signatures.get(Executor.class)).extracting(Method::getName).contains("query", "update");
        assertThat(signatures.get(StatementHandler.class)).extracting(Method::getName).contains("prepare");
    }

    @Test
    void executorsAreWrappedAndWhatIsNotInterceptedGoesStraightThroughWithItsOwnExceptions() {
        OnceReadSignaturesInterceptor interceptor = new OnceReadSignaturesInterceptor();
        Object notAnExecutor = "a parameter handler";
        assertThat(interceptor.plugin(notAnExecutor)).isSameAs(notAnExecutor);

        List<String> reached = new ArrayList<>();
        Executor target = recording(reached);
        Object wrapped = interceptor.plugin(target);
        assertThat(wrapped).isNotSameAs(target).isInstanceOf(Executor.class);
        Executor executor = (Executor) wrapped;
        assertThat(executor.isClosed()).isTrue();
        assertThatThrownBy(() -> executor.commit(true)).isInstanceOf(SQLException.class).hasMessage("commit refused");
        assertThat(reached).containsExactly("isClosed", "commit");
        assertThat(interceptor.plugin(recording(reached))).as("a second executor of the same type").isInstanceOf(Executor.class);
    }
}
