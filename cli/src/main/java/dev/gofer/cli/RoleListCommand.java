package dev.gofer.cli;

import java.util.List;
import java.util.stream.Collectors;

import dev.gofer.sdk.Role;

import picocli.CommandLine.Command;

/** {@code gofer role list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the roles: system ones, then custom.")
class RoleListCommand extends GoferCommand {

    @Override
    int execute() {
        List<Role> roles = client().listRoles();
        if (jsonOutput()) {
            JsonOutput.print(out(), "roles", roles);
            return EXIT_OK;
        }
        Table table = Table.withHeaders("ID", "SYSTEM", "PERMISSIONS", "DESCRIPTION");
        for (Role role : roles) {
            table.row(role.id(), TokenText.yesNo(role.systemRole()), permissions(role),
                    NamespaceListCommand.blankToDash(role.description()));
        }
        table.print(out(), style());
        return EXIT_OK;
    }

    /** e.g. {@code all:read,write; secrets:reveal}. */
    static String permissions(Role role) {
        if (role.permissions() == null || role.permissions().isEmpty()) {
            return "-";
        }
        return role.permissions().stream().map(RoleListCommand::permission).collect(Collectors.joining("; "));
    }

    /** e.g. {@code pipelines,runs:read,write}. */
    static String permission(Role.Permission permission) {
        return TokenText.list(permission.resources()) + ":" + TokenText.list(permission.actions());
    }
}
