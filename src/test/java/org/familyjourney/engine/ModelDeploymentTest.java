package org.familyjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.processes.ProcessIds;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ModelDeploymentTest extends ApplicationTest {

    @Autowired
    ModelDeployer deployer;

    @Autowired
    ProcessCatalog processes;

    @Test
    void unchangedModelsDeployedAgainKeepTheirVersion() {
        long before = processes.versions().stream().filter(v -> v.bpmnProcessId().equals(ProcessIds.FAMILY_JOURNEY)).count();
        deployer.afterPropertiesSet();
        assertThat(processes.versions()).filteredOn(v -> v.bpmnProcessId().equals(ProcessIds.FAMILY_JOURNEY))
                .hasSize((int) before).allSatisfy(v -> assertThat(v.resourceName()).isEqualTo("family-journey.bpmn"));
    }
}
