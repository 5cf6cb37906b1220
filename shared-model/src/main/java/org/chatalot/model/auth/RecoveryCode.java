package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A fresh recovery code, shown once; the previous one stops working. */
public record RecoveryCode(@JsonProperty("recovery_code") String recoveryCode) {
}
