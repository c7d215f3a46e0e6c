-- One database per service (no service reads another's), and Keycloak's own.
CREATE DATABASE membership;
CREATE DATABASE exchange;
CREATE DATABASE assessment;
CREATE DATABASE accreditation;
CREATE DATABASE notification;
CREATE DATABASE keycloak;
