-- Instance-wide settings that an admin can change at run time (registration mode, limits).
-- Values are stored as text and parsed by the settings service, which knows each key's type.
CREATE TABLE instance_setting (
    name          VARCHAR(100)          NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000)         NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
