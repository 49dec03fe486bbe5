// Gofer's "simple" example pipeline as a single-file Java program. It prints the pipeline JSON on stdout;
// `gofer pipeline register examples/simple/SimplePipeline.java` runs it and registers the result.
//
// Run it by hand:  java -cp <gofer-sdk and jackson jars> examples/simple/SimplePipeline.java
// GOFER_EXAMPLE_IMAGE overrides the image (default ubuntu:latest).

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.Pipeline;

public class SimplePipeline {

    public static void main(String[] args) {
        String image = System.getenv().getOrDefault("GOFER_EXAMPLE_IMAGE", "ubuntu:latest");

        Pipeline.of("simple", "Simple Pipeline")
                .description("This pipeline shows off a very simple Gofer pipeline that simply pulls in a container"
                        + " and runs a command.")
                .tasks(CustomTask.of("simple_task", image)
                        .description("This task simply prints our hello-world message and exists!")
                        .command("echo", "Hello from Gofer!"))
                .finish();
    }
}
