package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.Token;

import picocli.CommandLine.Command;

/** {@code gofer token list}: every token but run-scoped ones; never secrets. */
// @formatter:off
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the tokens (admin only; never their secrets; runs' own tokens are not listed).")
// @formatter:on
class TokenListCommand extends GoferCommand {

    @Override
    int execute() {
        List<Token> tokens = client().listTokens();
        if (jsonOutput()) {
            JsonOutput.print(out(), "tokens", tokens);
            return EXIT_OK;
        }
        Table table = Table.withHeaders("ID", "USER", "KIND", "ROLES", "NAMESPACES", "EXPIRES", "DISABLED",
                "LAST USED");
        for (Token token : tokens) {
            table.row(token.id(), token.user(), token.kind(), TokenText.list(token.roles()),
                    TokenText.list(token.namespaces()), TokenText.never(token.expires()),
                    TokenText.yesNo(token.disabled()), TokenText.never(token.lastUsed()));
        }
        table.print(out(), style());
        return EXIT_OK;
    }
}
