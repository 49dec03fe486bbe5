package dev.gofer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --reveal} and where the store's admin token comes from (a mixin of the secret {@code get} commands): a file
 * ({@code --admin-token-file}), else the environment variable {@value #ENV}. Never the command line.
 */
class AdminTokenOption {

    static final String ENV = "GOFER_STORE_ADMIN_TOKEN";

    // @formatter:off (the house formatter does not wrap annotation arguments)
    @Option(names = "--reveal",
            description = "Also print the value (asks the store with include_secret=true and the admin token).")
    boolean reveal;

    @Option(names = "--admin-token-file", paramLabel = "<file>",
            description = "With --reveal: read the store's admin token from this file (default: env " + ENV + ").")
    Path file;
    // @formatter:on

    /**
     * The admin token for {@code --reveal}, {@code null} without it.
     *
     * @throws CliException if {@code --reveal} is given but there is no token
     */
    String token(Main io) {
        if (!reveal) {
            return null;
        }
        String token;
        if (file != null) {
            try {
                token = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (NoSuchFileException e) {
                throw new CliException("cannot read the admin token: no such file " + file, e);
            } catch (IOException e) {
                throw new CliException("cannot read the admin token from " + file + ": " + e.getMessage(), e);
            }
        } else {
            String fromEnv = io.env.apply(ENV);
            token = fromEnv == null ? "" : fromEnv.strip();
        }
        if (token.isEmpty()) {
            throw new CliException("--reveal needs the store's admin token: set " + ENV + " or give "
                    + "--admin-token-file" + (file == null ? "" : " (" + file + " is empty)"));
        }
        return token;
    }
}
