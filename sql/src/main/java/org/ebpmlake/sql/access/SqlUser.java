package org.ebpmlake.sql.access;

import static java.util.Objects.requireNonNull;

/** A login of the SQL services: name, role, the department it belongs to, and its password (never printed). */
public record SqlUser(String name, Role role, String department, String password) {
    public SqlUser {
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("user name must be lower snake case: '" + name + "'");
        }
        requireNonNull(role, "role is null");
        requireNonNull(department, "department is null");
        requireNonNull(password, "password is null");
        if (password.length() < 12) {
            throw new IllegalArgumentException("the password of user " + name + " is shorter than 12 characters");
        }
    }

    @Override
    public String toString() {
        return "SqlUser[" + name + ", " + role.code() + ", " + department + ", password redacted]";
    }
}
