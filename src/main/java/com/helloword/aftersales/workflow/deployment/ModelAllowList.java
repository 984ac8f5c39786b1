package com.helloword.aftersales.workflow.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * What a deployed model may call, read from the application's own beans rather than written down: the
 * delegates and listeners ({@code camunda:delegateExpression="${name}"}) and the steps
 * ({@code ${bean.step(execution, 'literal')}}), each declared in the application's packages. Any other bean
 * name is not a process variable and may not appear in an expression at all.
 *
 * @param delegates beans implementing {@link JavaDelegate}, {@link ExecutionListener} or {@link TaskListener}
 * @param steps bean name to its public methods whose first parameter is a {@link DelegateExecution}, each with
 *        the parameter counts it has
 * @param isBean whether a name resolves to a bean (the expression language would hand the bean out)
 */
record ModelAllowList(Set<String> delegates, Map<String, Map<String, Set<Integer>>> steps, Predicate<String> isBean) {

    ModelAllowList {
        delegates = Set.copyOf(delegates);
        steps = Map.copyOf(steps);
    }

    boolean isStep(String bean, String method, int arguments) {
        return steps.getOrDefault(bean, Map.of()).getOrDefault(method, Set.of()).contains(arguments);
    }

    /** The beans of {@code packages} (declared there as a class or by a {@code @Bean} method there), by type. */
    static ModelAllowList fromBeans(ConfigurableListableBeanFactory beans, List<String> packages) {
        Set<String> delegates = new TreeSet<>();
        Map<String, Map<String, Set<Integer>>> steps = new TreeMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            BeanDefinition definition = beans.getBeanDefinition(name);
            if (definition.isAbstract() || !declaredIn(declaringClass(beans, definition), packages)) {
                continue;
            }
            Class<?> type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            if (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
                    || TaskListener.class.isAssignableFrom(type)) {
                delegates.add(name);
            }
            Map<String, Set<Integer>> methods = new TreeMap<>();
            for (Method method : ClassUtils.getUserClass(type).getMethods()) {
                if (method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() > 0
                        && method.getParameterTypes()[0] == DelegateExecution.class) {
                    methods.computeIfAbsent(method.getName(), m -> new TreeSet<>()).add(method.getParameterCount());
                }
            }
            if (!methods.isEmpty()) {
                steps.put(name, methods);
            }
        }
        return new ModelAllowList(delegates, steps, beans::containsBean);
    }

    private static String declaringClass(ConfigurableListableBeanFactory beans, BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
            return annotated.getFactoryMethodMetadata().getDeclaringClassName();
        }
        if (definition.getFactoryBeanName() != null && beans.containsBeanDefinition(definition.getFactoryBeanName())) {
            return beans.getBeanDefinition(definition.getFactoryBeanName()).getBeanClassName();
        }
        return definition.getBeanClassName();
    }

    private static boolean declaredIn(String className, List<String> packages) {
        return className != null && packages.stream().anyMatch(p -> className.startsWith(p + "."));
    }
}
