-- The fault tests' own tables: what was written (with its event, in one transaction) and what took effect.
CREATE TABLE written
(
  aggregate TEXT NOT NULL,
  seq       INT  NOT NULL,
  PRIMARY KEY (aggregate, seq)
);

CREATE TABLE effect
(
  arrival   BIGSERIAL PRIMARY KEY,
  aggregate TEXT NOT NULL,
  seq       INT  NOT NULL,
  instance  TEXT NOT NULL
);
