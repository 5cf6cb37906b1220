package org.chatalot.admin.users;

import org.chatalot.admin.api.UserAction;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/** Which actions make sense for a user, and the words the confirmation dialog and the toast use. */
public final class Actions {
    private Actions() {
    }

    public static boolean isOffered(AdminUser user, UserAction action) {
        boolean owner = user.role() == Role.OWNER;
        boolean deleted = user.status() == UserStatus.DELETED;
        return !deleted && switch (action) {
            case SUSPEND -> !owner && user.status() == UserStatus.ACTIVE;
            case UNSUSPEND -> user.status() == UserStatus.SUSPENDED;
            case RESET_TWO_FACTOR -> user.totpEnabled();
            case GRANT_ADMIN -> user.role() == Role.MEMBER;
            case REVOKE_ADMIN -> user.role() == Role.ADMIN;
            case UNLOCK -> user.lockedUntil() != null;
            case RESET_PASSWORD, REVOKE_SESSIONS -> true;
        };
    }

    /** The question a destructive action asks before it runs. */
    public static String confirmation(UserAction action, AdminUser user) {
        String name = user.username();
        return switch (action) {
            case SUSPEND -> "Suspend " + name + "? They are signed out at once and cannot sign in until unsuspended."
                    + " They will see the reason you give.";
            case RESET_PASSWORD -> "Reset the password of " + name + "? Their sessions end and the server makes a"
                    + " temporary password, shown to you once.";
            case RESET_TWO_FACTOR -> "Turn off two-factor sign-in for " + name + "? Do this only after checking"
                    + " who is asking.";
            case REVOKE_SESSIONS -> "Sign " + name + " out on every device?";
            case REVOKE_ADMIN -> "Remove admin rights from " + name + "?";
            case UNLOCK -> "Lift the sign-in lock of " + name + "? It is set after 10 failed sign-ins and lasts"
                    + " 15 minutes.";
            case UNSUSPEND, GRANT_ADMIN -> action.label() + " " + name + "?";
        };
    }

    public static String deleteConfirmation(AdminUser user) {
        return "Delete " + user.username() + "? The account cannot sign in again; their messages stay, shown as"
                + " from a deleted user. This cannot be undone.";
    }

    static String done(UserAction action, AdminUser user) {
        String name = user.username();
        return switch (action) {
            case SUSPEND -> "Suspended " + name;
            case UNSUSPEND -> "Unsuspended " + name;
            case RESET_PASSWORD -> "Password of " + name + " reset";
            case RESET_TWO_FACTOR -> "Two-factor sign-in of " + name + " turned off";
            case REVOKE_SESSIONS -> name + " signed out everywhere";
            case UNLOCK -> "Sign-in lock of " + name + " lifted";
            case GRANT_ADMIN -> name + " is now an admin";
            case REVOKE_ADMIN -> name + " is no longer an admin";
        };
    }
}
