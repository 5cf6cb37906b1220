package org.chatalot.model.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer to creating a user or resetting a password: the temporary password, shown once, if generated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedUser(AdminUser user, @JsonProperty("temporary_password") String temporaryPassword) {
}
