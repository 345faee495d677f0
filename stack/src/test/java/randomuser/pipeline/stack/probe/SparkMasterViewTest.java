package randomuser.pipeline.stack.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SparkMasterViewTest {
    private static final String JSON = """
            {"url":"spark://127.0.0.1:7077","status":"ALIVE","aliveworkers":2,"workers":[
              {"id":"worker-1","host":"127.0.0.1","webuiaddress":"http://127.0.0.1:8091","cores":1,"state":"ALIVE"},
              {"id":"worker-old","host":"127.0.0.1","webuiaddress":"http://127.0.0.1:8092","cores":1,"state":"DEAD"},
              {"id":"worker-2","host":"127.0.0.1","webuiaddress":"http://127.0.0.1:8092","cores":1,"state":"ALIVE"}],
             "activeapps":[
              {"id":"app-20261121215120-0000","name":"job-picture","cores":1,"state":"RUNNING"},
              {"id":"app-20261121215130-0005","name":"job-profile","cores":0,"state":"WAITING"},
              {"id":"app-20261121215100-0003","name":"job-profile","cores":1,"state":"RUNNING"}]}
            """;

    @Test
    void readsTheWorkersAndTheirUiPorts() {
        SparkMasterView view = SparkMasterView.parse(JSON);
        assertEquals("ALIVE", view.status());
        assertEquals(
                List.of(8091, 8092, 8092),
                view.workers().stream().map(SparkMasterView.Worker::webUiPort).toList());
        assertEquals(2, view.aliveWorkers());
        assertEquals(Health.up("master ALIVE, 2 workers ALIVE"), view.masterHealth());
    }

    @Test
    void aWorkerIsHealthyWhenAnAliveEntryHasItsPort() {
        SparkMasterView view = SparkMasterView.parse(JSON);
        assertEquals(Health.up("ALIVE at the master, 1 core, worker-2"), view.workerHealth(8092));
        assertEquals(Health.down("not ALIVE at the master (2 workers ALIVE)"), view.workerHealth(8093));
    }

    @Test
    void listsTheActiveApplicationsByNameNewestFirst() {
        SparkMasterView view = SparkMasterView.parse(JSON);
        assertEquals(
                List.of(
                        new SparkMasterView.App("app-20261121215130-0005", "job-profile", "WAITING", 0),
                        new SparkMasterView.App("app-20261121215100-0003", "job-profile", "RUNNING", 1)),
                view.activeApps("job-profile"));
        assertEquals(List.of(), view.activeApps("job-contact"));
    }

    @Test
    void anUnreachableMasterMakesEveryWorkerDown() {
        SparkMasterView view = SparkMasterView.unreachable("ConnectException");
        assertEquals(Health.down("ConnectException"), view.masterHealth());
        assertEquals(Health.down("master not reachable: ConnectException"), view.workerHealth(8091));
    }
}
