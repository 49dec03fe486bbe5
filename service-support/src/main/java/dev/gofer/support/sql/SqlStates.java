package dev.gofer.support.sql;

import java.sql.SQLException;

/** SQL states of database errors, found behind whatever wraps them (Hibernate, JTA, Agroal). */
public final class SqlStates {

    /** A foreign key names a row that does not exist. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {
    }

    /** The SQL state of the first database error behind the failure, or null when there is none. */
    public static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null) {
                        return s.getSQLState();
                    }
                }
            }
        }
        return null;
    }
}
