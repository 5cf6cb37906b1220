-- Accounts, refresh-token sessions, 2FA backup codes, login throttling, invites and the audit log.

CREATE TABLE app_user (
    id                 UUID                     NOT NULL PRIMARY KEY,
    username           VARCHAR(32)              NOT NULL,
    -- lower-cased copies make uniqueness case-insensitive without a functional index
    username_key       VARCHAR(32)              NOT NULL,
    display_name       VARCHAR(64)              NOT NULL,
    email              VARCHAR(254),
    email_key          VARCHAR(254),
    password_hash      VARCHAR(255)             NOT NULL,
    role               VARCHAR(10)              NOT NULL,
    status             VARCHAR(10)              NOT NULL,
    status_reason      VARCHAR(500),
    recovery_code_hash VARCHAR(64),
    -- AES-GCM(nonce || ciphertext) of the TOTP secret, bound to the user id
    totp_secret        VARBINARY(128),
    totp_enabled       BOOLEAN                  NOT NULL DEFAULT FALSE,
    -- last accepted 30 s step: a code is never accepted twice
    totp_last_step     BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_user_username UNIQUE (username_key),
    CONSTRAINT uq_user_email UNIQUE (email_key),
    CONSTRAINT ck_user_role CHECK (role IN ('owner', 'admin', 'member')),
    CONSTRAINT ck_user_status CHECK (status IN ('active', 'suspended', 'deleted'))
);

CREATE TABLE totp_backup_code (
    user_id   UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash VARCHAR(64)              NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash)
);

-- One row per signed-in device: the family of refresh tokens issued since that login.
CREATE TABLE auth_session (
    id             UUID                     NOT NULL PRIMARY KEY,
    user_id        UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    device         VARCHAR(120)             NOT NULL,
    user_agent     VARCHAR(400),
    ip             VARCHAR(64)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    revoked_reason VARCHAR(40)
);
CREATE INDEX ix_auth_session_user ON auth_session (user_id);

-- Refresh tokens are stored as SHA-256; a rotated token is kept to detect its reuse (theft).
CREATE TABLE refresh_token (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    session_id UUID                     NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_refresh_token_session ON refresh_token (session_id);

-- Failed logins per username (existing or not, so lockout reveals nothing about which names exist).
CREATE TABLE login_throttle (
    username_key VARCHAR(254)             NOT NULL PRIMARY KEY,
    failures     INT                      NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE invite (
    code       VARCHAR(40)              NOT NULL PRIMARY KEY,
    max_uses   INT,
    uses       INT                      NOT NULL DEFAULT 0,
    expires_at TIMESTAMP WITH TIME ZONE,
    created_by UUID,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE audit_log (
    id          UUID                     NOT NULL PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    UUID,
    actor_name  VARCHAR(64),
    action      VARCHAR(60)              NOT NULL,
    target_type VARCHAR(30),
    target_id   VARCHAR(64),
    target_name VARCHAR(100),
    ip          VARCHAR(64),
    user_agent  VARCHAR(400),
    details     VARCHAR(4000)
);
CREATE INDEX ix_audit_at ON audit_log (at);
CREATE INDEX ix_audit_actor ON audit_log (actor_id, at);
CREATE INDEX ix_audit_action ON audit_log (action, at);

-- Registering the first owner locks this row, so two concurrent setup-code registrations cannot both
-- find "no owner yet" and both become owner.
INSERT INTO instance_setting (name, setting_value, updated_at)
VALUES ('setup.lock', 'owner registration serialises on this row', CURRENT_TIMESTAMP);
