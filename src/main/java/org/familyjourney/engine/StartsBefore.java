package org.familyjourney.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes every bean of a type depend on one bean, so an embedded server is up before the beans
 * that connect to it (beans we do not declare ourselves, e.g. the DataSource or the Camunda client).
 */
public record StartsBefore(String serverBean, Class<?> dependentType) implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        for (String name : factory.getBeanNamesForType(dependentType, true, false)) {
            BeanDefinition definition = factory.getBeanDefinition(name);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
            }
            dependsOn.add(serverBean);
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
