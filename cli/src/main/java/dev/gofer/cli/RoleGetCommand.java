package dev.gofer.cli;

import dev.gofer.sdk.Role;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer role get <id>}. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a role and its permissions.")
class RoleGetCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Role id (admin, user, viewer, run or a custom role).")
    String id;

    @Override
    int execute() {
        Role role = client().getRole(id);
        if (jsonOutput()) {
            JsonOutput.print(out(), "role", role);
            return EXIT_OK;
        }
        Table table = Table.plain()
                .row("id", role.id())
                .row("description", NamespaceListCommand.blankToDash(role.description()))
                .row("system", TokenText.yesNo(role.systemRole()));
        if (role.permissions() == null || role.permissions().isEmpty()) {
            table.row("permission", "-");
        } else {
            role.permissions().forEach(permission -> table.row("permission", RoleListCommand.permission(permission)));
        }
        table.print(out(), style());
        return EXIT_OK;
    }
}
