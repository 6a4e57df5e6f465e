-- Custom behavior events a merchant defines in the console (name + the property keys they carry): the intake takes
-- an event whose type is built in or defined here, and a custom event's props only under its defined keys.
CREATE TABLE event_definition (
    name          VARCHAR(64)   NOT NULL PRIMARY KEY,
    label         VARCHAR(64)   NOT NULL,
    property_keys VARCHAR(1000) NOT NULL COMMENT 'JSON array of the keys its props may carry',
    updated_by    BIGINT        NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    updated_at    DATETIME(3)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
