package org.familyjourney.incidents;

import io.camunda.client.CamundaClient;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.result.DefaultResultProcessorStrategy;
import io.camunda.client.jobhandling.result.DocumentResultProcessorFailureHandlingStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SDK's own handling of what a worker returns, plus one thing: when a worker's handler finishes
 * without failing, a job a manager retried is marked resolved. This is the one place the SDK tells us
 * a handler succeeded (failures reach {@code JobFailures}).
 */
@Configuration(proxyBeanMethods = false)
class ResolvedAfterRetry {

    @Bean
    ResultProcessorStrategy resultProcessorStrategy(CamundaClient client, DocumentResultProcessorFailureHandlingStrategy documents,
                                                    Incidents incidents) {
        ResultProcessorStrategy sdk = new DefaultResultProcessorStrategy(client, documents);
        return new ResultProcessorStrategy() {
            @Override
            public ResultProcessor createProcessor(MethodInfo method) {
                ResultProcessor inner = sdk.createProcessor(method);
                return new ResultProcessor() {
                    @Override
                    public Object process(ResultProcessorContext context) {
                        Object result = inner.process(context);
                        incidents.jobDone(context.getJob());
                        return result;
                    }
                };
            }
        };
    }
}
