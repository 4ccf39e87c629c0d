package tw.straitcheck.cli;

import io.micronaut.runtime.Micronaut;

/**
 * StraitCheck. With no arguments it starts the service; with a command it runs that command and
 * exits (see {@code java -jar straitcheck.jar help}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            Micronaut.build(args).mainClass(Application.class).defaultEnvironments("default").start();
            return;
        }
        System.exit(Cli.run(args));
    }
}
